"""Query functions of the Zalo OA channel: tokens, contacts, the inbound event queue."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.models import utcnow
from storage.zalo_models import InboundEvent, ZaloContact, ZaloToken

TOKEN_ROW = 1
STALE_TAKEN_SECONDS = 300  # an event taken by a process that died is taken again after this


def load_tokens(session: Session) -> ZaloToken | None:
    return session.get(ZaloToken, TOKEN_ROW)


def save_tokens(
    session: Session, *, access_token: str, refresh_token: str, expires_at: datetime, seed: str
) -> None:
    """Replace both tokens together (the refresh token is single-use: never keep one alone)."""
    row = session.get(ZaloToken, TOKEN_ROW)
    if row is None:
        row = ZaloToken(id=TOKEN_ROW)
        session.add(row)
    row.access_token = access_token
    row.refresh_token = refresh_token
    row.expires_at = expires_at
    row.seed_digest = seed
    row.updated_at = utcnow()


def get_contact(session: Session, *, user_id: str) -> ZaloContact:
    contact = session.get(ZaloContact, user_id)
    if contact is None:
        contact = ZaloContact(user_id=user_id)
        session.add(contact)
        session.flush()
    return contact


def note_user_wrote(session: Session, *, user_id: str, now: datetime | None = None) -> None:
    get_contact(session, user_id=user_id).last_user_at = now or utcnow()


def note_admin_reply(
    session: Session, *, user_id: str, admin_id: str, now: datetime | None = None
) -> None:
    contact = get_contact(session, user_id=user_id)
    contact.admin_at = now or utcnow()
    contact.admin_id = admin_id[:64]


def set_choices(session: Session, *, user_id: str, payloads: list[str]) -> None:
    """Remember the numbered choices; no choices for someone unknown creates no row (after
    "xóa dữ liệu" the confirmation must not bring the deleted contact back)."""
    if not payloads and session.get(ZaloContact, user_id) is None:
        return
    get_contact(session, user_id=user_id).choices = payloads or None


def forget_contact(session: Session, *, sender_id: str) -> int:
    """Delete the contact row of "zalo:<user id>" (its window, officer and choices)."""
    channel, _, user_id = sender_id.partition(":")
    if channel != "zalo" or not user_id:
        return 0
    return session.execute(delete(ZaloContact).where(ZaloContact.user_id == user_id)).rowcount


def queue_event(session: Session, *, channel: str, body: dict) -> int:
    event = InboundEvent(channel=channel, body=body)
    session.add(event)
    session.flush()
    return event.id


def take_events(session: Session, *, channel: str, limit: int = 20) -> list[tuple[int, dict]]:
    """Pending events, oldest first, marked as taken (one process handles each)."""
    now = utcnow()
    stale = now - timedelta(seconds=STALE_TAKEN_SECONDS)
    rows = list(
        session.scalars(
            select(InboundEvent)
            .where(InboundEvent.channel == channel, InboundEvent.done_at.is_(None))
            .where((InboundEvent.taken_at.is_(None)) | (InboundEvent.taken_at < stale))
            .order_by(InboundEvent.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
    for row in rows:
        row.taken_at = now
    return [(row.id, dict(row.body)) for row in rows]


def delete_handled_before(session: Session, *, before: datetime) -> int:
    """Forget webhook events handled before `before` (pending ones stay). Returns how many."""
    result = session.execute(
        delete(InboundEvent).where(InboundEvent.done_at.is_not(None), InboundEvent.done_at < before)
    )
    return result.rowcount


def finish_event(session: Session, *, event_id: int) -> None:
    """Done: the body (the resident's text) is not kept."""
    session.execute(
        update(InboundEvent).where(InboundEvent.id == event_id).values(done_at=utcnow(), body={})
    )
