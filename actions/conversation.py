"""What the conversation remembers between messages, kept in Rasa's tracker as slots.

`read_context` turns the slots into a plain value; `remember` turns what was just answered into
slot events. The texts kept are what the gateway sent to Rasa, already masked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasa_sdk.events import SlotSet

RECENT_MESSAGES = 3
SLOT_NAMES = ("last_question", "last_lesson_id", "trouble_open", "offered_lessons",
              "recent_messages", "check_next")


@dataclass(frozen=True)
class Context:
    last_question: str = ""  # the question the last answer answered (standalone form)
    last_lesson_id: str = ""  # the lesson that answer came from
    trouble_open: bool = False  # a scam or harm is being talked about
    offered_lessons: tuple[str, ...] = ()  # lesson ids offered as choices in the last reply
    recent: tuple[str, ...] = field(default_factory=tuple)  # the last few user messages
    check_next: bool = False  # we asked them to paste a message to check for a scam


def read_context(slots: dict[str, Any]) -> Context:
    return Context(
        last_question=str(slots.get("last_question") or ""),
        last_lesson_id=str(slots.get("last_lesson_id") or ""),
        trouble_open=bool(slots.get("trouble_open")),
        offered_lessons=tuple(slots.get("offered_lessons") or ()),
        recent=tuple(slots.get("recent_messages") or ()),
        check_next=bool(slots.get("check_next")),
    )


def remember(
    before: Context,
    message: str,
    *,
    question: str | None = None,
    lesson_id: str | None = None,
    trouble: bool | None = None,
    offered: tuple[str, ...] = (),
    check_next: bool = False,
) -> list[SlotSet]:
    """Slot events after a reply: what it answered (None keeps the old value), whether trouble
    is open, the choices offered now and whether the next message is one to check for a scam
    (both always replaced), and the recent messages."""
    recent = [*before.recent, message][-RECENT_MESSAGES:] if message else list(before.recent)
    return [
        SlotSet("last_question", before.last_question if question is None else question),
        SlotSet("last_lesson_id", before.last_lesson_id if lesson_id is None else lesson_id),
        SlotSet("trouble_open", before.trouble_open if trouble is None else trouble),
        SlotSet("offered_lessons", list(offered)),
        SlotSet("recent_messages", recent),
        SlotSet("check_next", check_next),
    ]
