"""Hand-off rules, pure: the transition table, who is next in the chain, SLA, button payloads.

No I/O and no framework imports (stdlib and `nlu.normalise` only), so the action server may use
these rules too. Callers call `transition` explicitly before they save a new status.

    open ──alert──► alerted ──claim──► claimed ──resolve/end──► resolved ──rate/note──► resolved
      │               │ ▲ timeout/skip (next person)   │ relay/note/focus
      │               └─┘                              ▼
      └──expire──► expired ◄──expire── alerted      claimed ──idle──► resolved
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from nlu.normalise import normalise, strip_accents

STATUSES = ("open", "alerted", "claimed", "resolved", "expired")
ACTIVE_STATUSES = ("open", "alerted", "claimed")
WAITING_STATUSES = ("open", "alerted")

TRANSITIONS: dict[tuple[str, str], str] = {
    ("open", "alert"): "alerted",  # the first person in the chain is alerted
    ("open", "expire"): "expired",  # the SLA passed and nobody could be alerted
    ("open", "end"): "resolved",  # the learner cancelled
    ("alerted", "timeout"): "alerted",  # nobody claimed in time: the next person is alerted
    ("alerted", "skip"): "alerted",  # the alerted mentor pressed "Bỏ qua"
    ("alerted", "claim"): "claimed",
    ("alerted", "expire"): "expired",  # the chain is exhausted
    ("alerted", "end"): "resolved",  # the learner cancelled before anyone claimed
    ("claimed", "relay"): "claimed",  # a message passed between learner and mentor
    ("claimed", "note"): "claimed",
    ("claimed", "focus"): "claimed",  # the mentor switches their typing to this learner
    ("claimed", "resolve"): "resolved",  # the mentor marked it resolved
    ("claimed", "end"): "resolved",  # either side pressed "Kết thúc hỗ trợ"
    ("claimed", "idle"): "resolved",  # nobody wrote for HANDOFF_IDLE_SECONDS: the assistant is back
    ("resolved", "rate"): "resolved",
    ("resolved", "note"): "resolved",  # a mentor may add a note afterwards
}
EVENTS = tuple(sorted({event for _, event in TRANSITIONS}))


class IllegalTransition(ValueError):
    """The event is not allowed in the escalation's current status."""

    def __init__(self, status: str, event: str) -> None:
        super().__init__(f"{event!r} is not allowed when the escalation is {status!r}")
        self.status = status
        self.event = event


def transition(status: str, event: str) -> str:
    """The status after `event`; raises IllegalTransition on a pair not in the table."""
    try:
        return TRANSITIONS[(status, event)]
    except KeyError:
        raise IllegalTransition(status, event) from None


def is_allowed(status: str, event: str) -> bool:
    return (status, event) in TRANSITIONS


# ---- who is next in the chain


@dataclass(frozen=True)
class Candidate:
    """A mentor as the chain sees them: `load` = hand-offs claimed by or waiting for them."""

    id: int
    area: str
    capacity: int
    load: int
    is_duty_officer: bool = False
    active: bool = True


def same_area(a: str | None, b: str | None) -> bool:
    """'Thôn Đông' and 'thon dong' are the same area; an empty area matches nothing."""
    key_a, key_b = (strip_accents(normalise(x or "")) for x in (a, b))
    return bool(key_a) and key_a == key_b


def choose_next(
    candidates: list[Candidate],
    *,
    own_mentor_id: int | None,
    area: str | None,
    already_offered: set[int],
) -> Candidate | None:
    """The learner's own mentor → other mentors of the area (within capacity, least busy first)
    → the commune's duty officer (least busy first). None when the chain is exhausted."""
    fresh = [c for c in candidates if c.active and c.id not in already_offered]
    free = [c for c in fresh if c.load < c.capacity]
    own = next((c for c in free if c.id == own_mentor_id), None)
    if own is not None:
        return own
    neighbours = [c for c in free if not c.is_duty_officer and same_area(c.area, area)]
    if neighbours:
        return min(neighbours, key=lambda c: (c.load, c.id))
    duty = [c for c in fresh if c.is_duty_officer]
    return min(duty, key=lambda c: (c.load, c.id)) if duty else None


# ---- SLA


def sla_seconds(*, urgent: bool, urgent_seconds: int, normal_seconds: int) -> int:
    return urgent_seconds if urgent else normal_seconds


def due_at(now: datetime, seconds: int) -> datetime:
    """When the person alerted now must have claimed, before the next one is alerted."""
    return now + timedelta(seconds=seconds)


def is_overdue(due: datetime | None, now: datetime) -> bool:
    return due is None or due <= now


def sla_check_every(urgent_seconds: int, normal_seconds: int) -> float:
    """How often the SLA job looks: a quarter of the shortest SLA, between 0.5 s and 15 s."""
    return max(0.5, min(15.0, min(urgent_seconds, normal_seconds) / 4))


# ---- button payloads: /esc_<kind>{"e":12[,"r":5]}; kinds are recognised before Rasa

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


def short_name(name: str | None, fallback: str) -> str:
    """'Nguyễn Thị Lan' → 'Lan' (Vietnamese people are called by the given name)."""
    words = (name or "").split()
    return words[-1] if words else fallback


def claim_refusal(
    *,
    status: str,
    alerted_mentor_id: int | None,
    claimed_by_id: int | None,
    mentor_id: int,
    was_offered: bool,
) -> str | None:
    """Why this mentor cannot claim now: closed | yours | taken | passed | not_yours; None: may."""
    if status in ("resolved", "expired"):
        return "closed"
    if status == "claimed":
        return "yours" if claimed_by_id == mentor_id else "taken"
    if status == "alerted" and alerted_mentor_id == mentor_id:
        return None
    return "passed" if was_offered else "not_yours"


def chain_step(candidate: Candidate, *, own_mentor_id: int | None) -> str:
    """How the chain reached this person: own | area | duty (recorded with the alert)."""
    if candidate.id == own_mentor_id:
        return "own"
    return "duty" if candidate.is_duty_officer else "area"
