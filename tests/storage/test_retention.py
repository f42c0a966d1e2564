"""Retention: delivered outbox rows and processed-update ids go after RETENTION_DAYS."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from storage.models import OutboxMessage, ProcessedUpdate, utcnow
from storage.retention import delete_expired
from storage.session import session_scope
from storage.updates import claim_update

NOW = utcnow()


def add_outbox(session, recipient: str, *, created_days: int, sent_days: int | None) -> None:
    created = NOW - timedelta(days=created_days)
    sent = None if sent_days is None else NOW - timedelta(days=sent_days)
    session.add(
        OutboxMessage(
            recipient=recipient,
            bubbles=[{"text": recipient}],
            created_at=created,
            next_attempt_at=created,
            sent_at=sent,
        )
    )


def test_retention_deletes_only_old_delivered_messages_and_old_update_ids(database_url):
    with session_scope(database_url) as session:
        add_outbox(session, "tg:old-sent", created_days=40, sent_days=31)
        add_outbox(session, "tg:recent-sent", created_days=40, sent_days=29)
        add_outbox(session, "tg:old-waiting", created_days=40, sent_days=None)
        add_outbox(session, "web:fresh", created_days=0, sent_days=0)
        session.add(ProcessedUpdate(channel="tg", update_key="1", created_at=NOW - timedelta(31)))
        session.add(ProcessedUpdate(channel="tg", update_key="2", created_at=NOW - timedelta(1)))
    with session_scope(database_url) as session:
        assert delete_expired(session, days=30, now=NOW) == {"outbox": 1, "updates": 1, "events": 0}
    with session_scope(database_url) as session:
        left = set(session.scalars(select(OutboxMessage.recipient)))
        keys = set(session.scalars(select(ProcessedUpdate.update_key)))
        assert left == {"tg:recent-sent", "tg:old-waiting", "web:fresh"}
        assert keys == {"2"}
        assert not claim_update(session, channel="tg", update_key="2")  # still a duplicate
    with session_scope(database_url) as session:
        assert delete_expired(session, days=30, now=NOW) == {"outbox": 0, "updates": 0, "events": 0}


def test_retention_refuses_less_than_a_day(database_url):
    with session_scope(database_url) as session, pytest.raises(ValueError, match="at least 1"):
        delete_expired(session, days=0)
