"""Remember which channel deliveries were handled, so a duplicate webhook does nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import ProcessedUpdate


def claim_update(session: Session, *, channel: str, update_key: str) -> bool:
    """True the first time this delivery is seen; False for a duplicate."""
    try:
        with session.begin_nested():
            session.add(ProcessedUpdate(channel=channel, update_key=update_key[:120]))
            session.flush()
    except IntegrityError:
        return False
    return True


def delete_claimed_before(session: Session, *, before: datetime) -> int:
    """Forget deliveries handled before `before` (channels stop retrying within a day)."""
    result = session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.created_at < before))
    return result.rowcount
