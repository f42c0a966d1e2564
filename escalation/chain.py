"""Who is alerted next, and how long each person has to claim (pure).

The chain: the learner's own mentor → other mentors of the same area (within capacity, least
busy first) → the commune's duty officer. Each person alerted has an SLA to claim; after it the
next person is alerted, and when the chain is exhausted the escalation expires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from nlu.normalise import normalise, strip_accents

if TYPE_CHECKING:
    from config import Settings


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


def chain_step(candidate: Candidate, *, own_mentor_id: int | None) -> str:
    """How the chain reached this person: own | area | duty (recorded with the alert)."""
    if candidate.id == own_mentor_id:
        return "own"
    return "duty" if candidate.is_duty_officer else "area"


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


@dataclass(frozen=True)
class Sla:
    """The waits in seconds: to claim (urgent or not), and before a quiet hand-off closes."""

    urgent_seconds: int
    normal_seconds: int
    idle_seconds: int = 86400  # a claimed hand-off nobody writes in is closed after this

    @classmethod
    def from_settings(cls, settings: Settings) -> Sla:
        return cls(
            settings.SLA_URGENT_SECONDS, settings.SLA_NORMAL_SECONDS, settings.HANDOFF_IDLE_SECONDS
        )

    def seconds(self, urgent: bool) -> int:
        return sla_seconds(
            urgent=urgent, urgent_seconds=self.urgent_seconds, normal_seconds=self.normal_seconds
        )
