"""The next step for one learner (pure): due reviews, unfinished work, then the best new lesson.

A new lesson is chosen by a score, not a fixed order: lessons for the learner's target group,
in domains the placement check or earlier quizzes showed weak, basic before advanced, finishing
a domain already begun (a certificate is near), with the essential everyday skills first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lessons.progress import LessonResult

# Everyday essentials first for someone just starting (QĐ 757 residents' framework + services).
DOMAIN_PRIORITY = (
    "thiet_bi",
    "an_toan",
    "dinh_danh",
    "thanh_toan",
    "thong_tin",
    "giao_tiep",
    "y_te",
    "giai_quyet",
    "ai",
    "ban_hang",
    "sang_tao",
)


@dataclass(frozen=True)
class LearnerView:
    """What the policy may know about a learner (all optional)."""

    group: str | None = None
    placement: Mapping[str, bool] = field(default_factory=dict)  # domain → answered right
    results: Mapping[str, LessonResult] = field(default_factory=dict)
    due_reviews: Mapping[str, int] = field(default_factory=dict)  # lesson id → due questions
    reading: str | None = None  # a lesson begun and not yet finished
    active_quiz: str | None = None  # lesson id of a quiz in progress
    last_domain: str | None = None


@dataclass(frozen=True)
class Suggestion:
    kind: str  # review | quiz | continue | new
    lesson_id: str | None
    reason: str  # review | quiz | continue | weak_domain | retry | finish_domain | group | start


def suggest_next(lessons: Sequence, view: LearnerView, limit: int = 3) -> list[Suggestion]:
    """The best next steps, best first (at most `limit`)."""
    found: list[Suggestion] = []
    if view.due_reviews:
        found.append(Suggestion("review", None, "review"))
    if view.active_quiz:
        found.append(Suggestion("quiz", view.active_quiz, "quiz"))
    if view.reading and view.reading != view.active_quiz:
        result = view.results.get(view.reading)
        if result is None or not result.is_passed:
            found.append(Suggestion("continue", view.reading, "continue"))
    taken = {s.lesson_id for s in found}
    weak = weak_domains(lessons, view)
    strong = {domain for domain, right in view.placement.items() if right} - weak
    scored = [
        (_score(lesson, view, weak, strong), index, lesson)
        for index, lesson in enumerate(lessons)
        if _is_open(lesson, view) and lesson.id not in taken
    ]
    scored.sort(key=lambda item: (-item[0][0], item[1]))
    found += [Suggestion("new", lesson.id, score[1]) for score, _, lesson in scored]
    return found[:limit]


def weak_domains(lessons: Sequence, view: LearnerView) -> set[str]:
    """Domains the placement check got wrong, or with a quiz taken and not passed."""
    domain_of = {lesson.id: lesson.domain for lesson in lessons}
    weak = {domain for domain, right in view.placement.items() if not right}
    for lesson_id, result in view.results.items():
        if result.quiz_count and not result.is_passed and lesson_id in domain_of:
            weak.add(domain_of[lesson_id])
    return weak


def _is_open(lesson, view: LearnerView) -> bool:
    result = view.results.get(lesson.id)
    return result is None or not result.is_passed


def _score(lesson, view: LearnerView, weak: set[str], strong: set[str]) -> tuple[float, str]:
    """(score, main reason) of a lesson not yet passed; higher is better."""
    parts: dict[str, float] = {"start": _priority(lesson.domain)}
    result = view.results.get(lesson.id)
    if result is not None and result.quiz_count:
        parts["retry"] = 2.5
    if lesson.domain in weak:
        parts["weak_domain"] = 3.0
    if view.group:
        parts["group"] = 1.5 if view.group in lesson.groups else -3.0
    if lesson.domain == view.last_domain:
        parts["finish_domain"] = 2.0
    if lesson.level == "nang_cao" and lesson.domain not in strong:
        parts["start"] -= 2.0
    if lesson.domain in strong:
        parts["start"] -= 1.0
    reasons = [k for k in parts if k != "start" and parts[k] > 0]
    reason = max(reasons, key=lambda k: parts[k]) if reasons else "start"
    return sum(parts.values()), reason


def _priority(domain: str) -> float:
    """A small head start for everyday essentials (1.1 … 0.1)."""
    if domain not in DOMAIN_PRIORITY:
        return 0.0
    return round(0.1 * (len(DOMAIN_PRIORITY) - DOMAIN_PRIORITY.index(domain)), 2)
