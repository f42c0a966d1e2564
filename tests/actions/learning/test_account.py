"""'Xóa dữ liệu của tôi': confirmed by a fresh button, and says what was deleted."""

from __future__ import annotations

from actions.answers import payload
from actions.learning.account import ActionDeleteMyData, minute_now
from storage.learners import get_learner
from storage.quiz_runs import get_active_run
from storage.session import session_scope
from tests.actions.learning.trackers import (
    agree,
    answer,
    run,
    start_quiz,
    texts,
    tracker,
)


def confirm_payload(minute: int) -> str:
    return payload("confirm_delete", choice="yes", asked_at=str(minute))


def test_delete_my_data_says_what_was_deleted(db):
    agree(db, "web:j")
    start_quiz(db, "web:j")
    answer("web:j", "c")
    messages, _ = run(ActionDeleteMyData(), tracker("web:j", '/confirm_delete{"choice":"no"}'))
    assert "không xóa" in texts(messages)
    two_weeks_ago = minute_now() - 60 * 24 * 14
    old = tracker("web:j", confirm_payload(two_weeks_ago))
    messages, _ = run(ActionDeleteMyData(), old)  # an old button scrolled back to
    assert "tin nhắn cũ" in texts(messages)
    fresh = tracker("web:j", confirm_payload(minute_now()))
    messages, events = run(ActionDeleteMyData(), fresh)
    assert "Đã xóa dữ liệu" in texts(messages) and "1 câu trả lời" in texts(messages)
    assert events[0]["event"] == "reset_slots"
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:j")
        assert learner.consent is None and get_active_run(session, learner=learner) is None
