"""How long records that only keep the gateway running are kept (RETENTION_DAYS).

Delivered outbox rows (relayed replies, alerts, reminders), the ids of processed channel
deliveries and handled webhook events (their bodies are already cleared) are needed for a short
while only; the gateway deletes them once a day.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from storage.models import utcnow
from storage.outbox import delete_sent_before
from storage.updates import delete_claimed_before
from storage.zalo import delete_handled_before


def delete_expired(session: Session, *, days: int, now: datetime | None = None) -> dict[str, int]:
    """Delete outbox rows delivered, update ids claimed and webhook events handled more than
    `days` ago; return counts."""
    if days < 1:
        raise ValueError(f"RETENTION_DAYS must be at least 1, not {days}")
    before = (now or utcnow()) - timedelta(days=days)
    return {
        "outbox": delete_sent_before(session, before=before),
        "updates": delete_claimed_before(session, before=before),
        "events": delete_handled_before(session, before=before),
    }
