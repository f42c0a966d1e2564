"""The durable outbox: pushed messages are written here first and delivered by the gateway."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.models import OutboxMessage, utcnow

RETRY_DELAYS_SECONDS = (2, 10, 30, 120, 600)


def enqueue(session: Session, *, recipient: str, bubbles: list[dict]) -> OutboxMessage:
    message = OutboxMessage(recipient=recipient, bubbles=bubbles)
    session.add(message)
    return message


def list_due(
    session: Session, *, now: datetime | None = None, limit: int = 50
) -> list[OutboxMessage]:
    """Undelivered messages whose next attempt is due, oldest first (web inbox ones excluded)."""
    now = now or utcnow()
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.sent_at.is_(None),
                OutboxMessage.held.is_(None),
                OutboxMessage.next_attempt_at <= now,
                ~OutboxMessage.recipient.startswith("web:"),
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
    )


def mark_sent(session: Session, *, message: OutboxMessage) -> None:
    message.sent_at = utcnow()
    message.attempts += 1


def mark_failed(session: Session, *, message: OutboxMessage, error: str) -> None:
    """Schedule the next try with a growing delay."""
    delay = RETRY_DELAYS_SECONDS[min(message.attempts, len(RETRY_DELAYS_SECONDS) - 1)]
    message.attempts += 1
    message.last_error = error[:500]
    message.next_attempt_at = utcnow() + timedelta(seconds=delay)


def mark_held(session: Session, *, message: OutboxMessage, reason: str) -> None:
    """The channel cannot deliver it now (e.g. Zalo's reply window): keep it, marked, until
    the person writes again (`release_held`)."""
    message.attempts += 1
    message.held = reason[:32]
    message.last_error = f"held: {reason}"[:500]


def release_held(session: Session, *, recipient: str) -> int:
    """The person wrote again: their held messages are due now. Returns how many."""
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.recipient == recipient, OutboxMessage.held.is_not(None))
        .where(OutboxMessage.sent_at.is_(None))
        .values(held=None, next_attempt_at=utcnow())
    )
    return result.rowcount


def take_inbox(session: Session, *, recipient: str) -> list[dict]:
    """Bubbles waiting for a web user; each is handed out once."""
    rows = list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == recipient, OutboxMessage.sent_at.is_(None))
            .order_by(OutboxMessage.id)
            .with_for_update(skip_locked=True)
        )
    )
    if not rows:
        return []
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_([row.id for row in rows]))
        .values(sent_at=utcnow(), attempts=OutboxMessage.attempts + 1)
    )
    return [bubble for row in rows for bubble in row.bubbles]


def delete_sent_before(session: Session, *, before: datetime) -> int:
    """Forget messages delivered before `before`; ones still waiting stay. Returns how many."""
    result = session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.sent_at.is_not(None), OutboxMessage.sent_at < before
        )
    )
    return result.rowcount
