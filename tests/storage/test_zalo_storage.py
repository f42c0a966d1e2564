"""Zalo rows and privacy: "xóa dữ liệu" deletes the contact row, retention prunes handled events."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storage.learners import get_or_create_learner
from storage.models import utcnow
from storage.privacy import delete_learner_data
from storage.retention import delete_expired
from storage.session import session_scope
from storage.zalo import (
    finish_event,
    note_user_wrote,
    queue_event,
    set_choices,
)
from storage.zalo_models import InboundEvent, ZaloContact

NOW = utcnow()


def contacts(database_url: str) -> set[str]:
    with session_scope(database_url) as session:
        return set(session.scalars(select(ZaloContact.user_id)))


def test_deleting_a_zalo_residents_data_deletes_their_contact_row(database_url):
    with session_scope(database_url) as session:
        for user_id in ("zu-1", "zu-2"):
            get_or_create_learner(session, sender_id=f"zalo:{user_id}")
            note_user_wrote(session, user_id=user_id)
            set_choices(session, user_id=user_id, payloads=["/a", "/b"])
        get_or_create_learner(session, sender_id="web:zu-1")  # the same id on another channel
    with session_scope(database_url) as session:
        learner = get_or_create_learner(session, sender_id="web:zu-1")
        delete_learner_data(session, learner=learner)
    assert contacts(database_url) == {"zu-1", "zu-2"}
    with session_scope(database_url) as session:
        learner = get_or_create_learner(session, sender_id="zalo:zu-1")
        delete_learner_data(session, learner=learner)
    assert contacts(database_url) == {"zu-2"}
    with session_scope(database_url) as session:  # the confirmation (no buttons) creates none
        set_choices(session, user_id="zu-1", payloads=[])
    assert contacts(database_url) == {"zu-2"}
    with session_scope(database_url) as session:  # new choices after they write again do
        set_choices(session, user_id="zu-1", payloads=["/c"])
    assert contacts(database_url) == {"zu-1", "zu-2"}


def test_retention_deletes_handled_webhook_events_older_than_the_limit(database_url):
    with session_scope(database_url) as session:
        ids = {name: queue_event(session, channel="zalo", body={"n": name}) for name in "abcd"}
        for name in "abc":
            finish_event(session, event_id=ids[name])
        old = NOW - timedelta(days=31)
        for name, done_at in (("a", old), ("b", NOW - timedelta(days=29))):
            session.get(InboundEvent, ids[name]).done_at = done_at
        session.get(InboundEvent, ids["d"]).created_at = old  # pending: kept however old
    with session_scope(database_url) as session:
        assert delete_expired(session, days=30, now=NOW)["events"] == 1
    with session_scope(database_url) as session:
        left = set(session.scalars(select(InboundEvent.id)))
    assert left == {ids["b"], ids["c"], ids["d"]}
