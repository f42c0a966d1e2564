"""SQLAlchemy 2 models. Tables are plural snake_case; schema changes go through Alembic only."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Learner(Base):
    """A person who writes to the bot on one channel (sender id = "<channel>:<user id>")."""

    __tablename__ = "learners"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(120), unique=True, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    consent: Mapped[bool | None] = mapped_column(Boolean)  # None: not asked yet
    consent_at: Mapped[datetime | None] = mapped_column(DateTime)
    target_group: Mapped[str | None] = mapped_column(String(32))
    area: Mapped[str | None] = mapped_column(String(120))
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("mentors.id", ondelete="SET NULL"))
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)
    # confirmed at the basic level on VNeID, as the learner or their mentor reported it
    vneid_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    vneid_reported_by: Mapped[str | None] = mapped_column(String(16))  # learner | mentor


class MessageLog(Base):
    """One message in or out, with personal numbers masked before it is stored."""

    __tablename__ = "message_logs"

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[str] = mapped_column(String(3))  # "in" | "out"
    text_masked: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class Mentor(Base):
    """A Đại sứ số (digital ambassador) or the commune's duty officer."""

    __tablename__ = "mentors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    sender_id: Mapped[str] = mapped_column(String(120), unique=True, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(120), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=10)
    is_duty_officer: Mapped[bool] = mapped_column(Boolean, default=False)
    invite_code: Mapped[str] = mapped_column(String(16), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Escalation(Base):
    """A request for a human: open → alerted → claimed → resolved | expired."""

    __tablename__ = "escalations"

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(String(32))  # asked | low_confidence | urgent:<kind>
    summary_masked: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    alerted_mentor_id: Mapped[int | None] = mapped_column(ForeignKey("mentors.id"))
    alert_due_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("mentors.id"))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    rating: Mapped[int | None] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(120), default="")  # for the mentor's alert
    focus_at: Mapped[datetime | None] = mapped_column(DateTime)  # mentor's typing goes here


class EscalationOffer(Base):
    """One person in the chain being offered an escalation; outcome says how it went."""

    __tablename__ = "escalation_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(
        ForeignKey("escalations.id", ondelete="CASCADE"), index=True
    )
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentors.id"), index=True)
    offered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(String(16), default="offered")
    # offered | claimed | skipped | timed_out | closed


class EscalationEvent(Base):
    """One step of an escalation's timeline (opened, alerted, claimed, message, resolved, …)."""

    __tablename__ = "escalation_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(
        ForeignKey("escalations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(120), default="")
    detail_masked: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OutboxMessage(Base):
    """A pushed message waiting to be delivered (alerts, relayed replies, reminders)."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(120), index=True)  # sender id
    bubbles: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    held: Mapped[str | None] = mapped_column(String(32))  # kept until the person writes again


class ProcessedUpdate(Base):
    """Ids of channel deliveries already handled, so a duplicate webhook is ignored."""

    __tablename__ = "processed_updates"
    __table_args__ = (UniqueConstraint("channel", "update_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    update_key: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- learning (issue 6): settings, lesson progress, quiz runs and attempts, review, certificates.
# Every row belongs to a learner and goes with them (ON DELETE CASCADE).


class LearningProfile(Base):
    """A learner's learning settings: short-message mode, daily reminder hour, placement."""

    __tablename__ = "learning_profiles"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    elderly_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_hour: Mapped[int | None] = mapped_column(Integer)  # local hour, 7..20
    reminder_sent_on: Mapped[date | None] = mapped_column(Date)
    placement: Mapped[dict | None] = mapped_column(JSON)  # domain → answered right
    placement_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class LessonProgress(Base):
    """How far one learner got in one lesson: last step read, quiz results, passed or not."""

    __tablename__ = "lesson_progress"
    __table_args__ = (UniqueConstraint("learner_id", "lesson_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    lesson_id: Mapped[str] = mapped_column(String(40))
    domain: Mapped[str] = mapped_column(String(32))
    step: Mapped[int] = mapped_column(Integer, default=0)
    quiz_count: Mapped[int] = mapped_column(Integer, default=0)
    quiz_total: Mapped[int] = mapped_column(Integer, default=0)
    best_correct: Mapped[int] = mapped_column(Integer, default=0)
    last_correct: Mapped[int | None] = mapped_column(Integer)
    passed_at: Mapped[datetime | None] = mapped_column(DateTime)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class QuizRun(Base):
    """One sitting of a quiz (a lesson's, a review or the placement check): items and position."""

    __tablename__ = "quiz_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))  # lesson | review | placement
    lesson_id: Mapped[str | None] = mapped_column(String(40))
    items: Mapped[list] = mapped_column(JSON)  # ["<lesson id>:<question index>", …]
    position: Mapped[int] = mapped_column(Integer, default=0)  # index of the next item
    correct: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default="active", index=True)
    keep_record: Mapped[bool] = mapped_column(Boolean, default=True)  # False without consent
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class QuizAttempt(Base):
    """One answer to one quiz item; a run answers each position once (double taps record once)."""

    __tablename__ = "quiz_attempts"
    __table_args__ = (UniqueConstraint("run_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("quiz_runs.id", ondelete="CASCADE"), index=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    lesson_id: Mapped[str] = mapped_column(String(40))
    question_index: Mapped[int] = mapped_column(Integer)
    choice: Mapped[str] = mapped_column(String(1))  # "" when the learner skipped
    is_correct: Mapped[bool] = mapped_column(Boolean)
    via: Mapped[str] = mapped_column(String(8))  # button | typed
    answered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReviewItem(Base):
    """A question answered wrong, waiting for spaced review (box and due date)."""

    __tablename__ = "review_items"
    __table_args__ = (UniqueConstraint("learner_id", "lesson_id", "question_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    lesson_id: Mapped[str] = mapped_column(String(40))
    question_index: Mapped[int] = mapped_column(Integer)
    box: Mapped[int] = mapped_column(Integer, default=0)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Certificate(Base):
    """A certificate of completion of one framework domain, checked by its code."""

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("learner_id", "domain"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(16), unique=True)
    domain: Mapped[str] = mapped_column(String(32))
    holder_name: Mapped[str] = mapped_column(String(120))
    lessons_count: Mapped[int] = mapped_column(Integer)
    mean_score: Mapped[int] = mapped_column(Integer)  # percent
    issued_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
