"""Forget one person's conversation in Rasa's tracker store (after "xóa dữ liệu của tôi").

Rasa's SQL tracker store keeps every turn as a row of one table, `events` (id, sender_id,
type_name, timestamp, intent_name, action_name, data), on SQLite (today) or PostgreSQL; the
deletion is written once, against a SQLAlchemy URL, for both.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import column, create_engine, delete, inspect, table
from sqlalchemy.pool import NullPool

_EVENTS = table("events", column("sender_id"))
# Rasa's own environment reaches PostgreSQL through psycopg2; ours has psycopg (3).
_DRIVERLESS = ("postgresql://", "postgres://")


def tracker_store_url(tracker_store: str | Path) -> str:
    """A SQLAlchemy URL for this environment: a path is Rasa's SQLite file; a PostgreSQL URL
    without a driver (as Rasa's endpoints.yml takes it) gets psycopg."""
    if isinstance(tracker_store, Path):
        return f"sqlite:///{tracker_store}"
    for prefix in _DRIVERLESS:
        if tracker_store.startswith(prefix):
            return "postgresql+psycopg://" + tracker_store.removeprefix(prefix)
    return tracker_store


def forget_conversation(tracker_store: str | Path, sender_id: str) -> int:
    """Delete the person's events from Rasa's SQL tracker store; returns how many went.

    `tracker_store` is a SQLAlchemy URL or the path of Rasa's SQLite file; a store that does not
    exist yet, or has no `events` table, holds nothing to forget. Call it after Rasa has
    answered the turn: Rasa saves a turn's events when it ends and would write back whatever
    was deleted during it.
    """
    url = tracker_store_url(tracker_store)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return 0  # connecting would create an empty file
    is_sqlite = url.startswith("sqlite")
    engine = create_engine(
        url, poolclass=NullPool, connect_args={"timeout": 10} if is_sqlite else {}
    )
    try:
        with engine.begin() as connection:
            if not inspect(connection).has_table("events"):
                return 0
            deleted = connection.execute(delete(_EVENTS).where(_EVENTS.c.sender_id == sender_id))
            return deleted.rowcount
    finally:
        engine.dispose()
