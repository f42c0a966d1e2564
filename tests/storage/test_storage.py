"""Storage functions against a real database built by `alembic upgrade head`."""

from __future__ import annotations

from sqlalchemy import inspect

from storage.escalations import find_active_escalation, list_events, open_escalation
from storage.learners import get_learner, get_or_create_learner, list_messages, log_message
from storage.models import OutboxMessage
from storage.outbox import enqueue, list_due, mark_failed, take_inbox
from storage.session import get_engine, session_scope
from storage.updates import claim_update


def test_migration_creates_every_table(database_url):
    tables = set(inspect(get_engine(database_url)).get_table_names())
    assert {
        "learners",
        "message_logs",
        "mentors",
        "escalations",
        "escalation_events",
        "outbox_messages",
        "processed_updates",
    } <= tables


def test_learner_is_created_once_with_its_channel(database_url):
    with session_scope(database_url) as session:
        first = get_or_create_learner(session, sender_id="tg:42")
        again = get_or_create_learner(session, sender_id="tg:42")
        assert first.id == again.id
        assert first.channel == "tg"
        assert first.consent is None  # asking a question never records consent


def test_message_log_masks_secrets_and_numbers(database_url):
    with session_scope(database_url) as session:
        learner = get_or_create_learner(session, sender_id="web:a")
        log_message(
            session,
            learner=learner,
            direction="in",
            text="mã OTP của tôi là 482913, cccd 001203004567",
        )
    with session_scope(database_url) as session:
        learner = get_learner(session, sender_id="web:a")
        [entry] = list_messages(session, learner=learner)
        assert "482913" not in entry.text_masked
        assert "001203004567" not in entry.text_masked
        assert "***" in entry.text_masked


def test_open_escalation_is_idempotent_and_recorded(database_url):
    with session_scope(database_url) as session:
        learner = get_or_create_learner(session, sender_id="web:b")
        first, is_new = open_escalation(
            session,
            learner=learner,
            reason="asked",
            urgent=False,
            summary="tôi cần người giúp, sdt 0912345678",
        )
        second, again_new = open_escalation(
            session, learner=learner, reason="urgent:money_lost", urgent=True, summary=""
        )
        assert is_new and not again_new
        assert first.id == second.id and second.urgent
        assert "0912345678" not in first.summary_masked
        kinds = [e.kind for e in list_events(session, escalation=first)]
        assert kinds == ["opened", "marked_urgent"]
        assert find_active_escalation(session, learner=learner).status == "open"


def test_web_inbox_hands_out_each_bubble_once(database_url):
    with session_scope(database_url) as session:
        enqueue(session, recipient="web:c", bubbles=[{"text": "Xin chào", "buttons": []}])
    with session_scope(database_url) as session:
        assert take_inbox(session, recipient="web:c") == [{"text": "Xin chào", "buttons": []}]
    with session_scope(database_url) as session:
        assert take_inbox(session, recipient="web:c") == []


def test_outbox_failed_delivery_is_retried_later(database_url):
    with session_scope(database_url) as session:
        enqueue(session, recipient="tg:7", bubbles=[{"text": "Cảnh báo", "buttons": []}])
    with session_scope(database_url) as session:
        [message] = list_due(session)
        mark_failed(session, message=message, error="timeout")
    with session_scope(database_url) as session:
        assert list_due(session) == []
        message = session.query(OutboxMessage).one()
        assert message.attempts == 1 and message.last_error == "timeout"


def test_duplicate_delivery_is_claimed_once(database_url):
    with session_scope(database_url) as session:
        assert claim_update(session, channel="tg", update_key="1001")
        assert not claim_update(session, channel="tg", update_key="1001")
        assert claim_update(session, channel="zalo", update_key="1001")
