"""What Rasa may keep: typed text with secrets hidden, and nothing after "xóa dữ liệu"."""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa

from bot.conversation import for_assistant
from bot.rasa_history import forget_conversation, tracker_store_url
from storage.session import get_engine


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


def create_rasa_events_table(url: str) -> None:
    """The table Rasa's SQLTrackerStore creates (rasa/core/tracker_store.py, SQLEvent)."""
    metadata = sa.MetaData()
    sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.Integer, sa.Sequence("events_seq", optional=True), primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False, index=True),
        sa.Column("type_name", sa.String(255), nullable=False),
        sa.Column("timestamp", sa.Float),
        sa.Column("intent_name", sa.String(255)),
        sa.Column("action_name", sa.String(255)),
        sa.Column("data", sa.Text),
    )
    engine = get_engine(url)
    metadata.create_all(engine)
    rows = [("web:a", "user", "greet"), ("web:a", "bot", None), ("tg:7", "user", "greet")]
    with engine.begin() as connection:
        connection.execute(
            metadata.tables["events"].insert(),
            [
                {"sender_id": s, "type_name": t, "timestamp": 1.0, "intent_name": i, "data": "{}"}
                for s, t, i in rows
            ],
        )


def test_forgetting_works_on_every_sql_tracker_store(database_url):
    """SQLite today, PostgreSQL once production uses it: the same deletion by URL."""
    create_rasa_events_table(database_url)
    assert forget_conversation(database_url, "web:a") == 2
    assert forget_conversation(database_url, "web:a") == 0
    with get_engine(database_url).connect() as connection:
        left = connection.execute(sa.text("SELECT sender_id FROM events")).scalars().all()
    assert left == ["tg:7"]


def test_forgetting_on_a_store_without_rasa_tables_does_nothing(database_url):
    assert forget_conversation(database_url, "web:a") == 0


def test_tracker_store_url_reads_paths_and_rasa_style_postgres_urls(tmp_path):
    assert tracker_store_url(tmp_path / "t.db") == f"sqlite:///{tmp_path / 't.db'}"
    assert tracker_store_url("postgresql://rasa@db/rasa") == "postgresql+psycopg://rasa@db/rasa"
    assert tracker_store_url("postgres://rasa@db/rasa") == "postgresql+psycopg://rasa@db/rasa"
    assert tracker_store_url("postgresql+psycopg://x@y/z") == "postgresql+psycopg://x@y/z"
    assert forget_conversation(f"sqlite:///{tmp_path / 'none.db'}", "web:a") == 0
    assert not (tmp_path / "none.db").exists()
