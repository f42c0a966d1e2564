"""What Rasa may keep: typed text with secrets hidden, and nothing after "xóa dữ liệu"."""

from __future__ import annotations

import sqlite3

from bot.conversation import for_assistant
from bot.rasa_history import forget_conversation


def test_rasa_gets_typed_text_masked_and_button_payloads_untouched():
    assert for_assistant("otp của tôi là 482913 nhé") == "otp của tôi là *** nhé"
    assert for_assistant("mật khẩu là gì") == "mật khẩu là gì"
    payload = '/confirm_delete{"choice":"yes","asked_at":"29412345"}'
    assert for_assistant(payload) == payload


def test_forgetting_removes_only_that_persons_events(tmp_path):
    db = tmp_path / "rasa_tracker.db"
    with sqlite3.connect(db) as connection:  # the columns Rasa's SQL tracker store uses
        connection.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)"
        )
        connection.executemany(
            "INSERT INTO events (sender_id, data) VALUES (?, ?)",
            [("web:a", "{}"), ("web:a", "{}"), ("web:b", "{}")],
        )
    assert forget_conversation(db, "web:a") == 2
    with sqlite3.connect(db) as connection:
        left = connection.execute("SELECT sender_id FROM events").fetchall()
    assert left == [("web:b",)]


def test_forgetting_without_a_tracker_store_does_nothing(tmp_path):
    assert forget_conversation(tmp_path / "missing.db", "web:a") == 0
    sqlite3.connect(tmp_path / "empty.db").close()
    assert forget_conversation(tmp_path / "empty.db", "web:a") == 0
