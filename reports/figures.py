"""The figures of one group of learners over one period (pure functions over report rows).

A group is a set of learner keys (an area's, a mentor's mentees, a target group…) and the
escalations that belong to it. "Lessons completed", "quizzes passed", "domains mastered",
"certificates" and the escalation counts are what happened in the period; "learners", "basic
level", "VNeID confirmed" and "households reached" are the state at the period's end.
A framework domain is mastered when every lesson of that domain (in the content catalogue) is
passed, at the moment the last one was; the basic level is a number of domains mastered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from storage.report_rows import EscalationRow, EventRow, ReportRows


@dataclass(frozen=True)
class Figures:
    learners: int
    active: int
    lessons_completed: int
    quizzes_passed: int
    domains_mastered: int
    certificates: int
    basic_level: int
    vneid_confirmed: int
    households_reached: int
    escalations_opened: int
    escalations_claimed: int
    escalations_resolved: int
    median_claim_minutes: float | None
    rating_avg: float | None
    ratings: int


def _within(at: datetime | None, rows: ReportRows) -> bool:
    return at is not None and rows.start <= at < rows.end


def event_domain(event: EventRow, catalogue: Mapping[str, str]) -> str | None:
    """The event's framework domain: its own, or its lesson's in the catalogue."""
    return event.domain or catalogue.get(event.lesson_id or "")


def mastered_domains(
    events: list[EventRow], catalogue: Mapping[str, str]
) -> dict[str, dict[str, datetime]]:
    """learner key → {domain: when its last lesson was passed} for every domain fully passed."""
    sizes = Counter(catalogue.values())
    passed: dict[str, dict[str, dict[str, datetime]]] = defaultdict(lambda: defaultdict(dict))
    for event in events:
        domain = catalogue.get(event.lesson_id or "")
        if event.kind == "lesson" and domain is not None:
            lessons = passed[event.key][domain]
            lessons[event.lesson_id] = min(event.at, lessons.get(event.lesson_id, event.at))
    return {
        key: {d: max(ls.values()) for d, ls in domains.items() if len(ls) == sizes[d]}
        for key, domains in passed.items()
    }


def escalation_figures(escalations: list[EscalationRow], rows: ReportRows) -> dict:
    claimed = [e for e in escalations if _within(e.claimed_at, rows)]
    waits = [(e.claimed_at - e.created_at).total_seconds() / 60 for e in claimed]
    closed = [e for e in escalations if _within(e.closed_at, rows)]
    ratings = [e.rating for e in closed if e.rating is not None]
    return {
        "escalations_opened": sum(1 for e in escalations if _within(e.created_at, rows)),
        "escalations_claimed": len(claimed),
        "escalations_resolved": sum(1 for e in closed if e.status == "resolved"),
        "median_claim_minutes": round(median(waits), 1) if waits else None,
        "rating_avg": round(sum(ratings) / len(ratings), 2) if ratings else None,
        "ratings": len(ratings),
    }


def compute_figures(
    rows: ReportRows,
    catalogue: Mapping[str, str],
    *,
    basic_level_domains: int,
    members: Collection[str] | None = None,
    escalation_filter: Callable[[EscalationRow], bool] | None = None,
    mastered: Mapping[str, Mapping[str, datetime]] | None = None,
) -> Figures:
    """Figures of the learners in `members` (None: everyone) over the rows' period.
    Escalations: those of the members, unless `escalation_filter` says otherwise (a mentor's)."""
    people = [p for p in rows.people if members is None or p.key in members]
    keys = {p.key for p in people}
    events = [e for e in rows.events if e.key in keys]
    in_period = [e for e in events if _within(e.at, rows)]
    kinds = Counter(e.kind for e in in_period)
    if mastered is None:
        mastered = mastered_domains(rows.events, catalogue)
    mine = [mastered.get(key, {}) for key in keys]
    if escalation_filter is None:
        escalations = [e for e in rows.escalations if members is None or e.key in keys]
    else:
        escalations = [e for e in rows.escalations if escalation_filter(e)]
    confirmed = [p for p in people if p.vneid_confirmed_at and p.vneid_confirmed_at < rows.end]
    return Figures(
        learners=len(people),
        active=len({e.key for e in in_period if e.kind == "active"}),
        lessons_completed=kinds["lesson"],
        quizzes_passed=kinds["quiz"],
        domains_mastered=sum(1 for m in mine for at in m.values() if _within(at, rows)),
        certificates=kinds["certificate"],
        basic_level=sum(1 for m in mine if len(m) >= basic_level_domains),
        vneid_confirmed=len(confirmed),
        households_reached=len({p.household_id for p in people if p.household_id is not None}),
        **escalation_figures(escalations, rows),
    )


@dataclass(frozen=True)
class DomainFigures:
    domain: str
    learners: int  # learners with a lesson passed, a quiz passed or a certificate in the period
    lessons_completed: int
    quizzes_passed: int
    mastered: int  # learners who mastered the domain in the period
    mastered_total: int  # … by the period's end
    certificates: int


def domain_figures(
    rows: ReportRows,
    catalogue: Mapping[str, str],
    domain: str,
    mastered: Mapping[str, Mapping[str, datetime]],
) -> DomainFigures:
    events = [
        e
        for e in rows.events
        if e.kind != "active" and event_domain(e, catalogue) == domain and _within(e.at, rows)
    ]
    kinds = Counter(e.kind for e in events)
    done = [m[domain] for m in mastered.values() if domain in m]
    return DomainFigures(
        domain=domain,
        learners=len({e.key for e in events}),
        lessons_completed=kinds["lesson"],
        quizzes_passed=kinds["quiz"],
        mastered=sum(1 for at in done if _within(at, rows)),
        mastered_total=sum(1 for at in done if at < rows.end),
        certificates=kinds["certificate"],
    )
