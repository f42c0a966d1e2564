"""The one query module of the commune's reports: plain rows for the figure functions (reports/).

Living learners and the tombstones of learners who deleted their data (report_tombstones.py)
come out in the same shapes, keyed "l:<row id>" and "t:<token>", so a deleted learner still
counts, anonymously. Times are naive UTC, like the tables; a period is [start, end).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, union
from sqlalchemy.orm import Session

from lessons.grading import is_passing
from storage.mentors import area_key
from storage.models import (
    Certificate,
    Escalation,
    Learner,
    LessonProgress,
    Mentor,
    MessageLog,
    QuizAttempt,
    QuizRun,
)
from storage.report_models import (
    Area,
    Household,
    HouseholdMember,
    ReportTombstone,
    TombstoneEvent,
)


@dataclass(frozen=True)
class PersonRow:
    key: str
    area: str  # area key ("" when unknown)
    target_group: str | None
    mentor_id: int | None
    household_id: int | None
    joined_at: datetime
    vneid_confirmed_at: datetime | None


@dataclass(frozen=True)
class EventRow:
    key: str
    kind: str  # active | lesson | quiz | certificate
    at: datetime
    domain: str | None = None
    lesson_id: str | None = None


@dataclass(frozen=True)
class EscalationRow:
    key: str
    created_at: datetime
    claimed_at: datetime | None
    closed_at: datetime | None
    status: str
    rating: int | None
    claimed_by_id: int | None


@dataclass(frozen=True)
class AreaRow:
    key: str
    name: str
    adult_population: int
    households: int


@dataclass(frozen=True)
class MentorRow:
    id: int
    name: str
    area: str  # area key
    is_duty_officer: bool
    active: bool


@dataclass(frozen=True)
class ReportRows:
    start: datetime
    end: datetime
    areas: list[AreaRow]
    household_areas: dict[int, str]  # household id → area key
    mentors: list[MentorRow]
    people: list[PersonRow]
    events: list[EventRow]  # active: in the period; lesson, certificate: up to the end
    escalations: list[EscalationRow]


def _people(session: Session, end: datetime) -> list[PersonRow]:
    live = session.execute(
        select(Learner, HouseholdMember.household_id)
        .outerjoin(HouseholdMember, HouseholdMember.learner_id == Learner.id)
        .where(Learner.created_at < end, Learner.anonymised_at.is_(None))
    )
    people = [
        PersonRow(
            f"l:{learner.id}",
            area_key(learner.area),
            learner.target_group,
            learner.mentor_id,
            household_id,
            learner.created_at,
            learner.vneid_confirmed_at,
        )
        for learner, household_id in live
    ]
    gone = session.scalars(select(ReportTombstone).where(ReportTombstone.joined_at < end))
    people += [
        PersonRow(
            f"t:{t.token}",
            area_key(t.area),
            t.target_group,
            t.mentor_id,
            t.household_id,
            t.joined_at,
            t.vneid_confirmed_at,
        )
        for t in gone
    ]
    return people


def _active(session: Session, start: datetime, end: datetime) -> list[EventRow]:
    """One 'active' row per learner who wrote, answered or read a lesson step in the period."""
    ids = union(
        select(MessageLog.learner_id).where(
            MessageLog.direction == "in",
            MessageLog.created_at >= start,
            MessageLog.created_at < end,
        ),
        select(QuizAttempt.learner_id).where(
            QuizAttempt.answered_at >= start, QuizAttempt.answered_at < end
        ),
        select(LessonProgress.learner_id).where(
            LessonProgress.updated_at >= start, LessonProgress.updated_at < end
        ),
    )
    rows = [EventRow(f"l:{i}", "active", start) for i in session.scalars(ids)]
    gone = session.execute(
        select(TombstoneEvent.token, TombstoneEvent.at).where(
            TombstoneEvent.kind == "active", TombstoneEvent.at >= start, TombstoneEvent.at < end
        )
    )
    return rows + [EventRow(f"t:{token}", "active", at) for token, at in gone]


def _achievements(session: Session, start: datetime, end: datetime) -> list[EventRow]:
    """Lessons passed and certificates up to the end; lesson quizzes passed in the period."""
    lessons = session.execute(
        select(
            LessonProgress.learner_id,
            LessonProgress.passed_at,
            LessonProgress.domain,
            LessonProgress.lesson_id,
        ).where(LessonProgress.passed_at < end)
    )
    rows = [EventRow(f"l:{i}", "lesson", at, d, lesson) for i, at, d, lesson in lessons]
    certificates = session.execute(
        select(Certificate.learner_id, Certificate.created_at, Certificate.domain).where(
            Certificate.created_at < end
        )
    )
    rows += [EventRow(f"l:{i}", "certificate", at, d) for i, at, d in certificates]
    runs = session.execute(
        select(QuizRun.learner_id, QuizRun.finished_at, QuizRun.lesson_id, QuizRun.correct)
        .add_columns(QuizRun.items)
        .where(QuizRun.kind == "lesson", QuizRun.status == "finished")
        .where(QuizRun.finished_at >= start, QuizRun.finished_at < end)
    )
    rows += [
        EventRow(f"l:{i}", "quiz", at, None, lesson)  # the figures know each lesson's domain
        for i, at, lesson, correct, items in runs
        if is_passing(correct, len(items or []))
    ]
    gone = session.execute(
        select(TombstoneEvent).where(
            TombstoneEvent.kind != "active",
            TombstoneEvent.at < end,
            or_(TombstoneEvent.kind != "quiz", TombstoneEvent.at >= start),
        )
    )
    return rows + [EventRow(f"t:{e.token}", e.kind, e.at, e.domain, e.lesson_id) for (e,) in gone]


def _escalations(session: Session, start: datetime, end: datetime) -> list[EscalationRow]:
    touched = or_(
        Escalation.created_at >= start,
        Escalation.claimed_at >= start,
        Escalation.closed_at >= start,
    )
    rows = session.execute(
        select(
            Escalation.learner_id,
            Escalation.created_at,
            Escalation.claimed_at,
            Escalation.closed_at,
            Escalation.status,
            Escalation.rating,
            Escalation.claimed_by_id,
        ).where(Escalation.created_at < end, touched)
    )
    return [EscalationRow(f"l:{row[0]}", *row[1:]) for row in rows]


def fetch_report_rows(session: Session, *, start: datetime, end: datetime) -> ReportRows:
    """Everything the figures of one period need, in plain rows (see the module's note)."""
    areas = [
        AreaRow(a.key, a.name, a.adult_population, a.households)
        for a in session.scalars(select(Area).order_by(Area.name))
    ]
    households = session.execute(
        select(Household.id, Area.key).join(Area, Area.id == Household.area_id)
    )
    household_areas = {household_id: key for household_id, key in households}
    mentors = [
        MentorRow(m.id, m.name, area_key(m.area), m.is_duty_officer, m.active)
        for m in session.scalars(select(Mentor).order_by(Mentor.name))
    ]
    return ReportRows(
        start=start,
        end=end,
        areas=areas,
        household_areas=household_areas,
        mentors=mentors,
        people=_people(session, end),
        events=_active(session, start, end) + _achievements(session, start, end),
        escalations=_escalations(session, start, end),
    )
