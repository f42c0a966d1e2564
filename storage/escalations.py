"""Escalations to a human, the chain's offers, and their timelines.

Status changes are conditional UPDATEs (`… WHERE status = <what the caller saw>`), so two people
pressing a button at the same moment cannot both win, on SQLite and on PostgreSQL. Which status
comes next is decided by the caller with `escalation.states.transition`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from nlu.privacy import mask_personal_data
from storage.models import (
    Escalation,
    EscalationEvent,
    EscalationOffer,
    Learner,
    MessageLog,
    utcnow,
)

OPEN_STATUSES = ("open", "alerted", "claimed")


def find_active_escalation(session: Session, *, learner: Learner) -> Escalation | None:
    """The learner's escalation that is not closed yet, if any."""
    return session.scalar(
        select(Escalation)
        .where(Escalation.learner_id == learner.id, Escalation.status.in_(OPEN_STATUSES))
        .order_by(Escalation.id.desc())
    )


def get_escalation(session: Session, escalation_id: int | None) -> Escalation | None:
    return session.get(Escalation, escalation_id) if escalation_id is not None else None


def record_event(
    session: Session, *, escalation: Escalation, kind: str, actor: str = "", detail: str = ""
) -> EscalationEvent:
    event = EscalationEvent(
        escalation_id=escalation.id,
        kind=kind,
        actor=actor,
        detail_masked=mask_personal_data(detail)[:2000],
    )
    session.add(event)
    return event


def open_escalation(
    session: Session,
    *,
    learner: Learner,
    reason: str,
    urgent: bool,
    summary: str,
    topic: str = "",
) -> tuple[Escalation, bool]:
    """Open an escalation, or return the one already open. The flag says whether it is new."""
    existing = find_active_escalation(session, learner=learner)
    if existing is not None:
        if urgent and not existing.urgent:
            existing.urgent = True
            record_event(session, escalation=existing, kind="marked_urgent", detail=reason)
        return existing, False
    escalation = Escalation(
        learner_id=learner.id,
        status="open",
        urgent=urgent,
        reason=reason[:32],
        summary_masked=mask_personal_data(summary),
        topic=topic[:120],
    )
    session.add(escalation)
    session.flush()
    record_event(
        session, escalation=escalation, kind="opened", actor=learner.sender_id, detail=reason
    )
    return escalation, True


def list_events(session: Session, *, escalation: Escalation) -> list[EscalationEvent]:
    return list(
        session.scalars(
            select(EscalationEvent)
            .where(EscalationEvent.escalation_id == escalation.id)
            .order_by(EscalationEvent.id)
        )
    )


def _conditional_update(session: Session, escalation: Escalation, where: list, **values) -> bool:
    """UPDATE the escalation only if `where` still holds; True when this caller won."""
    result = session.execute(
        update(Escalation)
        .where(Escalation.id == escalation.id, *where)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    won = result.rowcount == 1
    if won:
        for name, value in values.items():
            set_committed_value(escalation, name, value)  # in step with the row, not dirty
    else:
        session.expire(escalation)
    return won


def _same_mentor(mentor_id: int | None) -> ColumnElement[bool]:
    if mentor_id is None:
        return Escalation.alerted_mentor_id.is_(None)
    return Escalation.alerted_mentor_id == mentor_id


def offer(
    session: Session,
    *,
    escalation: Escalation,
    mentor_id: int,
    status: str,
    due_at: datetime,
    previous_outcome: str = "timed_out",
) -> bool:
    """Offer the escalation to `mentor_id` (status → `status`), if nobody changed it meanwhile.

    The previous person's offer is closed with `previous_outcome`.
    """
    seen_mentor = escalation.alerted_mentor_id
    where = [Escalation.status == escalation.status, _same_mentor(seen_mentor)]
    values = {"status": status, "alerted_mentor_id": mentor_id, "alert_due_at": due_at}
    if not _conditional_update(session, escalation, where, **values):
        return False
    if seen_mentor is not None:
        answer_offer(
            session, escalation_id=escalation.id, mentor_id=seen_mentor, outcome=previous_outcome
        )
    session.add(EscalationOffer(escalation_id=escalation.id, mentor_id=mentor_id))
    return True


def claim(session: Session, *, escalation: Escalation, mentor_id: int, status: str) -> bool:
    """The alerted mentor takes the escalation; False if it was taken, passed on or closed."""
    now = utcnow()
    where = [Escalation.status == "alerted", Escalation.alerted_mentor_id == mentor_id]
    values = {"status": status, "claimed_by_id": mentor_id, "claimed_at": now, "focus_at": now}
    if not _conditional_update(session, escalation, where, **values):
        return False
    answer_offer(session, escalation_id=escalation.id, mentor_id=mentor_id, outcome="claimed")
    return True


def close(
    session: Session, *, escalation: Escalation, status: str, same_offer: bool = False
) -> bool:
    """Close (resolved or expired) if still in the status the caller saw; False otherwise.

    `same_offer`: also only if it is still offered to the person the caller saw (expiry must not
    undo another process's re-alert)."""
    seen = escalation.status
    where = [Escalation.status == seen]
    if same_offer:
        where.append(_same_mentor(escalation.alerted_mentor_id))
    values = {"status": status, "closed_at": utcnow(), "alert_due_at": None}
    if not _conditional_update(session, escalation, where, **values):
        return False
    if seen in ("open", "alerted") and escalation.alerted_mentor_id is not None:
        answer_offer(
            session,
            escalation_id=escalation.id,
            mentor_id=escalation.alerted_mentor_id,
            outcome="closed",
        )
    return True


def rate(session: Session, *, escalation: Escalation, rating: int) -> bool:
    """Record the learner's 1-5 rating once."""
    where = [Escalation.status == "resolved", Escalation.rating.is_(None)]
    return _conditional_update(session, escalation, where, rating=rating)


def set_focus(session: Session, *, escalation: Escalation) -> None:
    escalation.focus_at = utcnow()


def answer_offer(session: Session, *, escalation_id: int, mentor_id: int, outcome: str) -> None:
    session.execute(
        update(EscalationOffer)
        .where(
            EscalationOffer.escalation_id == escalation_id,
            EscalationOffer.mentor_id == mentor_id,
            EscalationOffer.outcome == "offered",
        )
        .values(outcome=outcome, answered_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def offered_mentor_ids(session: Session, *, escalation: Escalation) -> set[int]:
    rows = session.scalars(
        select(EscalationOffer.mentor_id).where(EscalationOffer.escalation_id == escalation.id)
    )
    return set(rows)


def list_offers(session: Session, *, escalation: Escalation) -> list[EscalationOffer]:
    return list(
        session.scalars(
            select(EscalationOffer)
            .where(EscalationOffer.escalation_id == escalation.id)
            .order_by(EscalationOffer.id)
        )
    )


def list_due(session: Session, *, now: datetime) -> list[int]:
    """Ids of escalations the SLA job must look at: waiting past their due time, or still open."""
    overdue = (Escalation.status == "alerted") & (Escalation.alert_due_at <= now)
    rows = session.scalars(
        select(Escalation.id).where(overdue | (Escalation.status == "open")).order_by(Escalation.id)
    )
    return list(rows)


def list_idle(session: Session, *, quiet_since: datetime) -> list[int]:
    """Ids of claimed hand-offs with no event (message, note, …) since `quiet_since`."""
    last_event = (
        select(func.max(EscalationEvent.created_at))
        .where(EscalationEvent.escalation_id == Escalation.id)
        .scalar_subquery()
    )
    last_activity = func.coalesce(last_event, Escalation.claimed_at)
    rows = session.scalars(
        select(Escalation.id)
        .where(Escalation.status == "claimed", last_activity < quiet_since)
        .order_by(Escalation.id)
    )
    return list(rows)


def claimed_by(session: Session, *, mentor_id: int) -> list[Escalation]:
    """The mentor's hand-offs in progress, the one they focus on first."""
    return list(
        session.scalars(
            select(Escalation)
            .where(Escalation.status == "claimed", Escalation.claimed_by_id == mentor_id)
            .order_by(Escalation.focus_at.desc(), Escalation.id.desc())
        )
    )


def waiting_for(session: Session, *, mentor_id: int) -> list[Escalation]:
    return list(
        session.scalars(
            select(Escalation)
            .where(Escalation.status == "alerted", Escalation.alerted_mentor_id == mentor_id)
            .order_by(Escalation.id)
        )
    )


def latest_handled(session: Session, *, mentor_id: int) -> Escalation | None:
    """The last escalation this mentor claimed, open or closed (for a late note)."""
    return session.scalar(
        select(Escalation)
        .where(Escalation.claimed_by_id == mentor_id)
        .order_by(Escalation.claimed_at.desc(), Escalation.id.desc())
    )


def learner_messages(
    session: Session, *, learner_id: int, since: datetime | None = None, limit: int = 8
) -> list[tuple[str, str]]:
    """The learner's latest logged messages (already masked) as (direction, text), oldest first."""
    query = select(MessageLog.direction, MessageLog.text_masked).where(
        MessageLog.learner_id == learner_id
    )
    if since is not None:
        query = query.where(MessageLog.created_at >= since, MessageLog.direction == "in")
    rows = session.execute(query.order_by(MessageLog.id.desc()).limit(limit)).all()
    return [(direction, text) for direction, text in reversed(rows)]
