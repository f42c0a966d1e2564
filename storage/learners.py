"""Learners and their masked message log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nlu.privacy import mask_personal_data
from storage.models import Learner, MessageLog, utcnow


def channel_of(sender_id: str) -> str:
    """'tg:123' → 'tg'; a sender id without a prefix counts as web."""
    return sender_id.split(":", 1)[0] if ":" in sender_id else "web"


def get_learner(session: Session, *, sender_id: str) -> Learner | None:
    return session.scalar(select(Learner).where(Learner.sender_id == sender_id))


def get_or_create_learner(session: Session, *, sender_id: str) -> Learner:
    """The learner for this sender id, created on first contact (no profile, no consent yet)."""
    learner = get_learner(session, sender_id=sender_id)
    if learner is None:
        learner = Learner(sender_id=sender_id, channel=channel_of(sender_id))
        session.add(learner)
        session.flush()
    learner.last_seen_at = utcnow()
    return learner


def log_message(
    session: Session, *, learner: Learner, direction: str, text: str, intent: str | None = None
) -> MessageLog:
    """Store one message with personal numbers and secrets masked."""
    if direction not in ("in", "out"):
        raise ValueError(f"direction must be 'in' or 'out', not {direction!r}")
    entry = MessageLog(
        learner_id=learner.id,
        direction=direction,
        text_masked=mask_personal_data(text)[:4000],
        intent=intent,
    )
    session.add(entry)
    return entry


def list_messages(session: Session, *, learner: Learner, limit: int = 50) -> list[MessageLog]:
    """The learner's latest messages, oldest first."""
    rows = session.scalars(
        select(MessageLog)
        .where(MessageLog.learner_id == learner.id)
        .order_by(MessageLog.id.desc())
        .limit(limit)
    ).all()
    return list(reversed(rows))


def has_been_answered(session: Session, *, learner: Learner) -> bool:
    """True once the assistant has sent this learner anything (their first contact is over)."""
    found = session.scalar(
        select(MessageLog.id)
        .where(MessageLog.learner_id == learner.id, MessageLog.direction == "out")
        .limit(1)
    )
    return found is not None


def record_vneid_confirmation(
    session: Session, *, learner: Learner, reported_by: str, at: datetime | None = None
) -> None:
    """The learner (reported_by="learner") or their mentor ("mentor") says VNeID now shows the
    basic level of digital skills. We cannot see VNeID, so this is what was reported, dated."""
    if reported_by not in ("learner", "mentor"):
        raise ValueError(f"reported_by must be 'learner' or 'mentor', not {reported_by!r}")
    learner.vneid_confirmed_at = at or utcnow()
    learner.vneid_reported_by = reported_by
