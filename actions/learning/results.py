"""What a learner sees when a quiz run ends: score, review plan, certificate, the next step.

Pure: the action (quiz.py) reads the run and its answers, records the result, takes a fresh
snapshot, and these functions turn that plain data into bubbles.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from actions.answers import bubble, payload
from actions.learning import texts as t
from actions.learning.compose import menu_payload, next_step_bubble, start_quiz_payload
from lessons.grading import is_passing, item_key, needed_to_pass
from lessons.model import DOMAINS, Lesson
from lessons.placement import PlacementResult, placement_result
from lessons.progress import certificate_domains
from lessons.recommend import suggest_next

if TYPE_CHECKING:
    from actions.learning.state import Snapshot
    from storage.models import QuizAttempt, QuizRun


@dataclass(frozen=True)
class RunEnd:
    """A finished run in plain data: what the action records and what the learner is told."""

    kind: str  # lesson | review | placement
    correct: int
    total: int
    wrong: int
    keep_record: bool
    lesson: Lesson | None = None  # the lesson of a lesson quiz
    placement: PlacementResult | None = None  # the result of a placement check

    @property
    def is_passed(self) -> bool:
        return is_passing(self.correct, self.total)

    @property
    def offers_next(self) -> bool:
        """A failed lesson quiz offers to retry or reread it, not another lesson."""
        return self.kind != "lesson" or self.is_passed


def run_end(run: QuizRun, attempts: list[QuizAttempt], catalogue: dict[str, Lesson]) -> RunEnd:
    placement = None
    if run.kind == "placement":
        answers = {item_key(a.lesson_id, a.question_index): a.is_correct for a in attempts}
        placement = placement_result(answers, catalogue)
    return RunEnd(
        kind=run.kind,
        correct=run.correct,
        total=len(run.items),
        wrong=sum(1 for a in attempts if not a.is_correct),
        keep_record=run.keep_record,
        lesson=catalogue[run.lesson_id or ""] if run.kind == "lesson" else None,
        placement=placement,
    )


def result_bubbles(
    end: RunEnd, snapshot: Snapshot | None, catalogue: dict[str, Lesson]
) -> list[dict]:
    """The end of a run: its result, then a certificate if one was earned, then what next.
    `snapshot` is taken after the result was recorded (None when `end.offers_next` is False)."""
    bubbles = [_result_bubble(end)]
    if not end.keep_record:
        bubbles.append(bubble(t.RESULT_NOT_KEPT))
    if snapshot is None or not end.offers_next:
        return bubbles
    if end.keep_record:
        bubbles += certificate_bubbles(snapshot)
    if end.placement is not None and not end.keep_record:
        placement = end.placement.as_mapping()
        snapshot = replace(snapshot, view=replace(snapshot.view, placement=placement))
    return [*bubbles, next_bubble(snapshot, catalogue)]


def _result_bubble(end: RunEnd) -> dict:
    if end.placement is not None:
        return bubble(_placement_text(end, end.placement))
    if end.lesson is None:
        return bubble(t.RESULT_REVIEW.format(correct=end.correct, total=end.total))
    return _lesson_result(end, end.lesson)


def _lesson_result(end: RunEnd, lesson: Lesson) -> dict:
    correct, total = end.correct, end.total
    if end.is_passed:
        lines = [t.RESULT_PASSED.format(correct=correct, total=total, title=lesson.title)]
    else:
        needed = needed_to_pass(total)
        lines = [t.RESULT_FAILED.format(correct=correct, total=total, needed=needed)]
    if end.wrong and end.keep_record:
        lines.append(t.REVIEW_SCHEDULED.format(count=end.wrong))
    buttons = []
    if not end.is_passed:
        buttons = [
            (t.BUTTON_RETRY, start_quiz_payload(lesson)),
            (t.BUTTON_REREAD, payload("lesson_step", lesson_id=lesson.id, step="1")),
            (t.BUTTON_OTHER, menu_payload()),
        ]
    return bubble("\n".join(lines), buttons)


def _placement_text(end: RunEnd, result: PlacementResult) -> str:
    lines = [t.PLACEMENT_RESULT.format(correct=end.correct, total=end.total)]
    if result.known:
        lines.append(t.PLACEMENT_KNOWN.format(domains=_domain_names(result.known)))
    if result.to_learn:
        lines.append(t.PLACEMENT_TO_LEARN.format(domains=_domain_names(result.to_learn)))
    return "\n".join(lines)


def _domain_names(domains: tuple[str, ...]) -> str:
    return ", ".join(DOMAINS[d] for d in domains)


def certificate_bubbles(snapshot: Snapshot) -> list[dict]:
    """One congratulation per domain completed and not yet certified."""
    titles = {p.domain: p.title for p in snapshot.domains}
    return [
        bubble(
            t.CERTIFICATE_EARNED.format(title=titles[domain]),
            [(t.BUTTON_CERTIFICATE, payload("get_certificate", domain_key=domain))],
        )
        for domain in certificate_domains(snapshot.domains, snapshot.certified)
    ]


def next_bubble(snapshot: Snapshot, catalogue: dict[str, Lesson]) -> dict:
    """The single best next step for this learner."""
    found = suggest_next(list(catalogue.values()), snapshot.view, limit=1)
    suggestion = found[0] if found else None
    lesson = catalogue.get(suggestion.lesson_id or "") if suggestion else None
    return next_step_bubble(suggestion, lesson)


def finished_run_bubbles(run: QuizRun, catalogue: dict[str, Lesson]) -> list[dict]:
    """A button pressed on a quiz that has ended: say so, offer to redo it or go on."""
    text = t.STALE_QUIZ.format(correct=run.correct, total=len(run.items))
    buttons = [(t.BUTTON_OTHER, menu_payload())]
    lesson = catalogue.get(run.lesson_id or "")
    if run.kind == "lesson" and lesson is not None:
        buttons.insert(0, (t.BUTTON_RETRY, start_quiz_payload(lesson)))
    return [bubble(text, buttons)]
