"""The hand-off's states and the one transition table (pure, stdlib only).

Callers call `transition` explicitly before they save a new status; nothing changes a status
behind their back.

    open ──alert──► alerted ──claim──► claimed ──resolve/end──► resolved ──rate/note──► resolved
      │               │ ▲ timeout/skip (next person)   │ relay/note/focus
      │               └─┘                              ▼
      └──expire──► expired ◄──expire── alerted      claimed ──idle──► resolved
"""

from __future__ import annotations

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
