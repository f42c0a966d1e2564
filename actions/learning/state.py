"""Read one learner's learning state from storage (reads only) into plain snapshots."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from rasa_sdk.events import FollowupAction, SlotSet
from sqlalchemy.orm import Session

from actions.learning.compose import QuizSpot
from lessons.grading import parse_item_key, question_for
from lessons.model import Lesson
from lessons.progress import DomainProgress, LessonResult, domain_progress
from lessons.recommend import LearnerView, Suggestion, suggest_next
from storage.certificates import list_certificates
from storage.learning_profile import get_profile
from storage.lesson_progress import lesson_results, list_lesson_progress
from storage.models import Learner, QuizRun
from storage.quiz_runs import get_active_run
from storage.review import due_reviews

VIETNAM = timedelta(hours=7)
ONBOARDING_SLOTS = ("consent_answer", "learner_group", "learner_area")


def local_now() -> datetime:
    """Wall-clock time in Việt Nam (UTC+7, no daylight saving), naive."""
    return datetime.now(UTC).replace(tzinfo=None) + VIETNAM


def local_today() -> date:
    return local_now().date()


@dataclass(frozen=True)
class Snapshot:
    """Everything the learning replies need to know about one learner, read in one go."""

    consent: bool | None
    elderly: bool
    group: str | None
    has_placement: bool
    results: dict[str, LessonResult]
    domains: list[DomainProgress]
    certified: tuple[str, ...]
    due_count: int
    active: QuizSpot | None
    view: LearnerView = field(default_factory=LearnerView)

    def suggestions(self, catalogue: dict[str, Lesson], limit: int = 3) -> list[Suggestion]:
        return suggest_next(list(catalogue.values()), self.view, limit)

    def is_passed(self, lesson_id: str) -> bool:
        return _is_passed(self.results, lesson_id)


def spot_of(run: QuizRun | None, catalogue: dict[str, Lesson]) -> QuizSpot | None:
    """The question a run is waiting for; None when finished or the content is gone."""
    if run is None or run.status != "active" or run.position >= len(run.items):
        return None
    key = run.items[run.position]
    found = question_for(key, catalogue)
    if found is None:
        return None
    lesson, question = found
    index = parse_item_key(key)[1]
    return QuizSpot(run.id, run.kind, run.position, len(run.items), lesson, question, index)


def take_snapshot(
    session: Session, learner: Learner, catalogue: dict[str, Lesson], today: date
) -> Snapshot:
    profile = get_profile(session, learner=learner)
    results = lesson_results(session, learner=learner) if learner.consent else {}
    due = Counter(item.lesson_id for item in due_reviews(session, learner=learner, today=today))
    active = spot_of(get_active_run(session, learner=learner), catalogue)
    recent = [p for p in list_lesson_progress(session, learner=learner) if p.lesson_id in catalogue]
    reading = next((p.lesson_id for p in recent if not _is_passed(results, p.lesson_id)), None)
    view = LearnerView(
        group=learner.target_group,
        placement=dict(profile.placement or {}) if profile else {},
        results=results,
        due_reviews=dict(due),
        reading=reading,
        active_quiz=active.lesson.id if active and active.kind == "lesson" else None,
        last_domain=catalogue[recent[0].lesson_id].domain if recent else None,
    )
    return Snapshot(
        consent=learner.consent,
        elderly=bool(profile and profile.elderly_mode),
        group=learner.target_group,
        has_placement=bool(profile and profile.placement),
        results=results,
        domains=domain_progress(catalogue.values(), results),
        certified=tuple(c.domain for c in list_certificates(session, learner=learner)),
        due_count=sum(due.values()),
        active=active,
        view=view,
    )


def _is_passed(results: dict[str, LessonResult], lesson_id: str) -> bool:
    result = results.get(lesson_id)
    return result is not None and result.is_passed


def is_elderly(session: Session, learner: Learner) -> bool:
    profile = get_profile(session, learner=learner)
    return bool(profile and profile.elderly_mode)


def onboarding_events(goal: str) -> list:
    """Ask consent (and the profile) first, then carry on with `goal` (see profile.py)."""
    return [
        SlotSet("learning_goal", goal),
        *(SlotSet(name, None) for name in ONBOARDING_SLOTS),
        FollowupAction("onboarding_form"),
    ]
