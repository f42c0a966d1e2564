""" "Xóa dữ liệu của tôi": delete a learner's learning records and messages, anonymise the rest."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from storage.models import (
    Certificate,
    Escalation,
    EscalationEvent,
    Learner,
    LearningProfile,
    LessonProgress,
    MessageLog,
    OutboxMessage,
    QuizAttempt,
    QuizRun,
    ReviewItem,
    utcnow,
)
from storage.report_models import HouseholdMember
from storage.report_tombstones import keep_anonymous_tally
from storage.zalo import forget_contact

# What is deleted outright, in an order that respects foreign keys (name → model).
_DELETED = (
    ("messages", MessageLog),
    ("answers", QuizAttempt),
    ("quizzes", QuizRun),
    ("lessons", LessonProgress),
    ("reviews", ReviewItem),
    ("certificates", Certificate),
    ("settings", LearningProfile),
)


def _count(session: Session, model, learner_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(model).where(model.learner_id == learner_id)
    )


def delete_learner_data(session: Session, *, learner: Learner) -> dict[str, int]:
    """Delete messages (logged or waiting to be pushed), progress, answers, reviews, certificates,
    settings and a Zalo resident's contact row; blank the profile.

    The learner row stays, anonymised (no name, group, area, household, VNeID date or consent);
    what the commune's reports count is first copied to an anonymous tombstone
    (storage/report_tombstones.py), so the figures do not change; requests for help keep their
    status and dates but lose their text. Returns how many rows of each kind were deleted.
    """
    keep_anonymous_tally(session, learner=learner)
    counts = {}
    for name, model in _DELETED:
        counts[name] = _count(session, model, learner.id)
        session.execute(delete(model).where(model.learner_id == learner.id))
    to_learner = OutboxMessage.recipient == learner.sender_id  # reminders, relayed replies
    counts["messages"] += session.scalar(
        select(func.count()).select_from(OutboxMessage).where(to_learner)
    )
    session.execute(delete(OutboxMessage).where(to_learner))
    forget_contact(session, sender_id=learner.sender_id)  # a Zalo resident's window and choices
    session.execute(delete(HouseholdMember).where(HouseholdMember.learner_id == learner.id))
    escalation_ids = select(Escalation.id).where(Escalation.learner_id == learner.id)
    session.execute(
        update(EscalationEvent)
        .where(EscalationEvent.escalation_id.in_(escalation_ids))
        .values(detail_masked="")
    )
    session.execute(
        update(Escalation).where(Escalation.learner_id == learner.id).values(summary_masked="")
    )
    learner.display_name = None
    learner.target_group = None
    learner.area = None
    learner.consent = None
    learner.consent_at = None
    learner.vneid_confirmed_at = None
    learner.vneid_reported_by = None
    learner.anonymised_at = utcnow()
    session.flush()
    return counts
