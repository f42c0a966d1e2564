"""What a learner who deletes their data leaves for the commune's reports: anonymous tallies.

Choice: a tombstone, not a daily aggregate. Before "xóa dữ liệu của tôi" deletes progress and
messages, the learner's countable facts are copied under a random token that nothing links back
to the learner row: the area, target group, mentor and household they belonged to, when they
joined and confirmed on VNeID, the local days they were active (one row a day, no text), the
lessons and lesson quizzes they passed and the certificates they earned (domain and time only).
A per-day aggregate table would need one counter per figure, period shape and grouping (and
distinct active learners across days cannot be summed); the tombstone feeds the very same rows
to the same figure functions as a living learner, so every figure and grouping stays right.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lessons.grading import is_passing
from storage.models import (
    Certificate,
    Learner,
    LessonProgress,
    MessageLog,
    QuizAttempt,
    QuizRun,
)
from storage.report_models import HouseholdMember, ReportTombstone, TombstoneEvent

VIETNAM = timedelta(hours=7)


def _active_days(session: Session, learner_id: int) -> list[datetime]:
    """The first moment of activity of each local day (messages in, answers, lesson steps)."""
    moments = [
        *session.scalars(
            select(MessageLog.created_at).where(
                MessageLog.learner_id == learner_id, MessageLog.direction == "in"
            )
        ),
        *session.scalars(
            select(QuizAttempt.answered_at).where(QuizAttempt.learner_id == learner_id)
        ),
        *session.scalars(
            select(LessonProgress.updated_at).where(LessonProgress.learner_id == learner_id)
        ),
    ]
    first: dict = {}
    for moment in sorted(moments):
        first.setdefault((moment + VIETNAM).date(), moment)
    return list(first.values())


def _passed_quizzes(session: Session, learner_id: int, domains: dict[str, str]) -> list[tuple]:
    runs = session.execute(
        select(QuizRun.lesson_id, QuizRun.correct, QuizRun.items, QuizRun.finished_at).where(
            QuizRun.learner_id == learner_id,
            QuizRun.kind == "lesson",
            QuizRun.status == "finished",
        )
    )
    return [
        (domains.get(lesson_id or ""), lesson_id, finished_at)
        for lesson_id, correct, items, finished_at in runs
        if finished_at is not None and is_passing(correct, len(items or []))
    ]


def keep_anonymous_tally(session: Session, *, learner: Learner) -> str | None:
    """Copy the learner's countable facts under a new random token (see the module's note).
    A learner already anonymised once left their tombstone then: None."""
    if learner.anonymised_at is not None:
        return None
    token = secrets.token_hex(16)
    member = session.get(HouseholdMember, learner.id)
    session.add(
        ReportTombstone(
            token=token,
            area=learner.area,
            target_group=learner.target_group,
            mentor_id=learner.mentor_id,
            household_id=member.household_id if member else None,
            joined_at=learner.created_at,
            vneid_confirmed_at=learner.vneid_confirmed_at,
        )
    )
    session.flush()
    progress = session.execute(
        select(LessonProgress.lesson_id, LessonProgress.domain, LessonProgress.passed_at).where(
            LessonProgress.learner_id == learner.id
        )
    ).all()
    domains = {lesson_id: domain for lesson_id, domain, _ in progress}
    facts = [("active", None, None, at) for at in _active_days(session, learner.id)]
    facts += [("lesson", d, lesson, at) for lesson, d, at in progress if at is not None]
    quizzes = _passed_quizzes(session, learner.id, domains)
    facts += [("quiz", d, lesson, at) for d, lesson, at in quizzes]
    certificates = session.execute(
        select(Certificate.domain, Certificate.created_at).where(
            Certificate.learner_id == learner.id
        )
    )
    facts += [("certificate", d, None, at) for d, at in certificates]
    session.add_all(
        TombstoneEvent(token=token, kind=kind, domain=domain, lesson_id=lesson, at=at)
        for kind, domain, lesson, at in facts
    )
    return token
