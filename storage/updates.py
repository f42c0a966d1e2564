"""Remember which channel deliveries were handled, so a duplicate webhook does nothing."""

from __future__ import annotations

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
