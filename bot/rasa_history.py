"""Forget one person's conversation in Rasa's tracker store (after "xóa dữ liệu của tôi")."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def forget_conversation(tracker_db: Path, sender_id: str) -> int:
    """Delete the person's events from Rasa's SQL tracker store; returns how many went.

    Call it after Rasa has answered the turn: Rasa saves a turn's events when it ends and would
    write back whatever was deleted during it.
    """
    if not tracker_db.exists():
        return 0
    with sqlite3.connect(tracker_db, timeout=10) as connection:
        known = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'"
        ).fetchone()
        if not known:
            return 0
        return connection.execute("DELETE FROM events WHERE sender_id = ?", (sender_id,)).rowcount
