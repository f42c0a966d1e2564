"""Mastery and spaced review (pure): what a quiz result means and when a question comes back.

Review works per question, like a Leitner box: a wrong answer puts the question in box 0, due
tomorrow; each right answer moves it up a box and pushes the next review further out
(REVIEW_LADDER_DAYS); after the last box the question is learned and leaves the review list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from lessons.grading import is_passing
from lessons.model import DOMAINS, Lesson

REVIEW_LADDER_DAYS = (1, 3, 7, 16)


@dataclass(frozen=True)
class ReviewState:
    box: int
    due_on: date


def schedule_review(
    state: ReviewState | None, *, is_correct: bool, today: date
) -> ReviewState | None:
    """The question's next review after one answer; None when it needs no (more) review."""
    if not is_correct:
        return ReviewState(box=0, due_on=today + timedelta(days=REVIEW_LADDER_DAYS[0]))
    if state is None:
        return None
    box = state.box + 1
    if box >= len(REVIEW_LADDER_DAYS):
        return None
    return ReviewState(box=box, due_on=today + timedelta(days=REVIEW_LADDER_DAYS[box]))


def is_due(state: ReviewState, today: date) -> bool:
    return state.due_on <= today


@dataclass(frozen=True)
class LessonResult:
    """What we know of one lesson for one learner."""

    lesson_id: str
    best_correct: int = 0
    total: int = 0
    quiz_count: int = 0
    open_reviews: int = 0  # questions of this lesson still in the review boxes
    step: int = 0  # last step read

    @property
    def is_passed(self) -> bool:
        return is_passing(self.best_correct, self.total)

    @property
    def best_score(self) -> float:
        return self.best_correct / self.total if self.total else 0.0


def lesson_mastery(result: LessonResult | None) -> float:
    """0..1: the best quiz score, less 0.1 per question still waiting for review."""
    if result is None or not result.total:
        return 0.0
    return max(0.0, round(result.best_score - 0.1 * result.open_reviews, 2))


def lesson_status(result: LessonResult | None) -> str:
    """new | reading | failed | passed | mastered."""
    if result is None:
        return "new"
    if result.is_passed:
        return "mastered" if result.open_reviews == 0 else "passed"
    return "failed" if result.quiz_count else "reading"


@dataclass(frozen=True)
class DomainProgress:
    domain: str
    title: str
    passed: int
    total: int
    mastery: float  # mean lesson mastery over all the domain's lessons

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.passed == self.total

    @property
    def is_started(self) -> bool:
        return self.passed > 0 or self.mastery > 0


def domain_progress(
    lessons: Iterable[Lesson], results: Mapping[str, LessonResult]
) -> list[DomainProgress]:
    """Progress in every framework domain that has lessons, in the framework's order."""
    by_domain: dict[str, list[Lesson]] = {}
    for lesson in lessons:
        by_domain.setdefault(lesson.domain, []).append(lesson)
    summary = []
    for key, title in DOMAINS.items():
        members = by_domain.get(key, [])
        if not members:
            continue
        outcomes = [results.get(lesson.id) for lesson in members]
        summary.append(
            DomainProgress(
                domain=key,
                title=title,
                passed=sum(1 for r in outcomes if r is not None and r.is_passed),
                total=len(members),
                mastery=round(sum(lesson_mastery(r) for r in outcomes) / len(members), 2),
            )
        )
    return summary


def certificate_domains(
    progress: Iterable[DomainProgress], already_certified: Iterable[str]
) -> list[str]:
    """Domains whose every lesson is passed and that have no certificate yet."""
    have = set(already_certified)
    return [p.domain for p in progress if p.is_complete and p.domain not in have]


def mean_best_score(results: Iterable[LessonResult]) -> int:
    """Average best score, in percent, over lessons with a quiz taken."""
    taken = [r.best_score for r in results if r.quiz_count]
    return round(100 * sum(taken) / len(taken)) if taken else 0
