"""Tables of the Zalo OA channel: its OAuth tokens, each resident's window and choices, and the
durable queue of webhook events (schema in alembic revision 0004)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class ZaloToken(Base):
    """The OA's access and refresh tokens (one row), replaced together in one transaction."""

    __tablename__ = "zalo_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    access_token: Mapped[str] = mapped_column(Text)
    refresh_token: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    seed_digest: Mapped[str] = mapped_column(String(64))  # which ZALO_REFRESH_TOKEN began it
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ZaloContact(Base):
    """One Zalo resident: when they last wrote (the reply window), an OA officer answering them
    in Zalo's own tool (the assistant is quiet meanwhile), and the choices last offered."""

    __tablename__ = "zalo_contacts"

    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_user_at: Mapped[datetime | None] = mapped_column(DateTime)
    admin_at: Mapped[datetime | None] = mapped_column(DateTime)
    admin_id: Mapped[str | None] = mapped_column(String(64))
    choices: Mapped[list | None] = mapped_column(JSON)  # payloads of the numbered buttons


class InboundEvent(Base):
    """A webhook event acknowledged and waiting to be processed (the body is cleared after)."""

    __tablename__ = "inbound_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    body: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)
    done_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
