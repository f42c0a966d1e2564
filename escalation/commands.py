"""What people press or type to control a hand-off (pure).

Buttons carry `/esc_<kind>{"e":12[,"r":5]}`; the gateway recognises them before Rasa sees the
message. A few typed words do the same: "Ghi chú: …", "Việc của tôi", "kết thúc".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from nlu.normalise import normalise, strip_accents

PAYLOAD_PREFIX = "/esc_"
PAYLOAD_KINDS = ("claim", "skip", "done", "end", "note", "mine", "focus", "rate", "link")
_PAYLOAD = re.compile(r"^/esc_([a-z]+)(\{.*\})?$")
MAX_PAYLOAD_BYTES = 64


@dataclass(frozen=True)
class Control:
    kind: str
    escalation_id: int | None = None
    rating: int | None = None
    code: str | None = None


def control_payload(kind: str, escalation_id: int | None = None, **extra: int | str) -> str:
    """E.g. /esc_claim{"e":12}; always ≤ 64 bytes (Telegram's callback_data limit)."""
    if kind not in PAYLOAD_KINDS:
        raise ValueError(f"unknown control {kind!r}")
    data = {"e": escalation_id, **extra} if escalation_id is not None else dict(extra)
    text = PAYLOAD_PREFIX + kind + (json.dumps(data, separators=(",", ":")) if data else "")
    if len(text.encode()) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"payload over {MAX_PAYLOAD_BYTES} bytes: {text}")
    return text


def is_control(text: str) -> bool:
    return text.startswith(PAYLOAD_PREFIX)


def parse_control(text: str) -> Control | None:
    """The control a button payload carries, or None when it is malformed."""
    match = _PAYLOAD.match(text.strip())
    if not match or match.group(1) not in PAYLOAD_KINDS:
        return None
    try:
        data = json.loads(match.group(2) or "{}")
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    return Control(
        kind=match.group(1),
        escalation_id=_int_or_none(data.get("e")),
        rating=_int_or_none(data.get("r")),
        code=str(data["c"])[:16] if isinstance(data.get("c"), str) else None,
    )


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def is_valid_rating(value: int | None) -> bool:
    return value is not None and 1 <= value <= 5


# ---- typed words that control a hand-off

_NOTE = re.compile(r"^\s*(?:ghi chú|ghi chu|note)\s*(?:#\s*(\d+))?\s*[:\-]\s*(.+)$", re.I | re.S)
_END_WORDS = {"ket thuc", "ket thuc ho tro", "dung ho tro", "ket thuc tro chuyen"}
_MINE_WORDS = {"viec cua toi", "viec cua em", "cong viec cua toi"}


def parse_note(text: str) -> tuple[int | None, str] | None:
    """'Ghi chú: …' or 'Ghi chú #12: …' → (escalation id or None, note text)."""
    match = _NOTE.match(text)
    if not match or not match.group(2).strip():
        return None
    return (int(match.group(1)) if match.group(1) else None, match.group(2).strip())


def _plain(text: str) -> str:
    return strip_accents(normalise(text)).strip(" .!")


def is_end_request(text: str) -> bool:
    """A learner typing 'kết thúc' instead of pressing the button."""
    return _plain(text) in _END_WORDS


def is_mine_request(text: str) -> bool:
    return _plain(text) in _MINE_WORDS
