"""What a learner sees when a quiz run ends: score, review plan, certificate, the next step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from actions import learning_texts as t
from actions.answers import bubble, payload
from actions.learning_compose import menu_payload, next_step_bubble, start_quiz_payload
from actions.learning_state import Snapshot, take_snapshot
from lessons.grading import is_passing, item_key, needed_to_pass
from lessons.model import DOMAINS, Lesson
from lessons.placement import PlacementResult, placement_result
from lessons.progress import certificate_domains
from lessons.recommend import suggest_next
from storage.learning import delete_run, list_attempts, record_quiz_result, save_placement
from storage.models import Learner, QuizAttempt, QuizRun


def result_bubbles(
    session: Session, learner: Learner, run: QuizRun, catalogue: dict[str, Lesson], today: date
) -> list[dict]:
    """The end of a run: its result, then a certificate if one was earned, then what next."""
    attempts = list_attempts(session, run=run)
    placement = None
    if run.kind == "placement":
        placement = _placement(attempts, catalogue)
        bubbles = [bubble(_placement_text(placement, run))]
        if run.keep_record:
            save_placement(session, learner=learner, placement=placement.as_mapping())
    elif run.kind == "review":
        bubbles = [bubble(t.RESULT_REVIEW.format(correct=run.correct, total=len(run.items)))]
    else:
        bubbles = _lesson_result(session, learner, run, attempts, catalogue)
    keep = run.keep_record
    if not keep:
        bubbles.append(bubble(t.RESULT_NOT_KEPT))
        delete_run(session, run=run)
    if run.kind == "lesson" and not is_passing(run.correct, len(run.items)):
        return bubbles
    snapshot = take_snapshot(session, learner, catalogue, today)
    if keep:
        bubbles += certificate_bubbles(snapshot)
    if placement is not None and not keep:
        snapshot = replace(snapshot, view=replace(snapshot.view, placement=placement.as_mapping()))
    return [*bubbles, next_bubble(snapshot, catalogue)]


def _lesson_result(
    session: Session,
    learner: Learner,
    run: QuizRun,
    attempts: list[QuizAttempt],
    catalogue: dict[str, Lesson],
) -> list[dict]:
    lesson = catalogue[run.lesson_id or ""]
    correct, total = run.correct, len(run.items)
    if run.keep_record:
        record_quiz_result(session, learner=learner, lesson=lesson, correct=correct, total=total)
    wrong = sum(1 for a in attempts if not a.is_correct)
    lines = []
    if is_passing(correct, total):
        lines.append(t.RESULT_PASSED.format(correct=correct, total=total, title=lesson.title))
    else:
        needed = needed_to_pass(total)
        lines.append(t.RESULT_FAILED.format(correct=correct, total=total, needed=needed))
    if wrong and run.keep_record:
        lines.append(t.REVIEW_SCHEDULED.format(count=wrong))
    buttons = []
    if not is_passing(correct, total):
        buttons = [
            (t.BUTTON_RETRY, start_quiz_payload(lesson)),
            (t.BUTTON_REREAD, payload("lesson_step", lesson_id=lesson.id, step="1")),
            (t.BUTTON_OTHER, menu_payload()),
        ]
    return [bubble("\n".join(lines), buttons)]


def _placement(attempts: list[QuizAttempt], catalogue: dict[str, Lesson]) -> PlacementResult:
    answers = {item_key(a.lesson_id, a.question_index): a.is_correct for a in attempts}
    return placement_result(answers, catalogue)


def _placement_text(result: PlacementResult, run: QuizRun) -> str:
    lines = [t.PLACEMENT_RESULT.format(correct=run.correct, total=len(run.items))]
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
