"""The whole report of one period: the commune's figures per area, mentor, target group and
framework domain, and progress against each target (pure, over report rows)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from lessons.model import DOMAINS, GROUPS
from reports.figures import (
    DomainFigures,
    Figures,
    compute_figures,
    domain_figures,
    mastered_domains,
)
from reports.period import Period
from reports.targets import Rate, Targets
from storage.report_rows import AreaRow, PersonRow, ReportRows

UNKNOWN = ""  # the key of learners whose area (or target group) is not known


@dataclass(frozen=True)
class Progress:
    rate: Rate
    count: int
    denominator: int | None  # None: the population is not known

    @property
    def share(self) -> float | None:
        return self.count / self.denominator if self.denominator else None


@dataclass(frozen=True)
class AreaReport:
    key: str
    name: str
    adult_population: int
    households: int
    households_reached: int
    mentors: int
    ambassadors: int  # mentors of the area with at least the target number of mentees
    figures: Figures
    progress: tuple[Progress, ...]


@dataclass(frozen=True)
class MentorReport:
    id: int
    name: str
    mentees: int
    is_ambassador: bool
    figures: Figures


@dataclass(frozen=True)
class GroupReport:
    key: str
    label: str
    figures: Figures


@dataclass(frozen=True)
class CommuneReport:
    period: Period
    targets: Targets
    total: AreaReport
    areas: tuple[AreaReport, ...]
    mentors: tuple[MentorReport, ...]
    groups: tuple[GroupReport, ...]
    domains: tuple[DomainFigures, ...]


def _progress(
    people: list[PersonRow], rate: Rate, context: dict, denominator: int | None
) -> Progress:
    targets: Targets = context["targets"]
    end: datetime = context["end"]

    def reached(person: PersonRow) -> bool:
        if rate.measure == "vneid":
            return person.vneid_confirmed_at is not None and person.vneid_confirmed_at < end
        return len(context["mastered"].get(person.key, {})) >= targets.basic_level_domains

    count = sum(1 for p in people if rate.counts(p.target_group) and reached(p))
    return Progress(rate, count, denominator or None)


def _denominator(rate: Rate, targets: Targets, adults: int, is_commune: bool) -> int | None:
    """Adults of the area (or commune); a target group's population is known commune-wide only."""
    if rate.adults:
        return adults
    population = [targets.population.get(g) for g in rate.groups]
    return sum(population) if is_commune and rate.groups and all(population) else None


def _area(rows: ReportRows, area: AreaRow | None, context: dict) -> AreaReport:
    """One area's report, or the whole commune's when `area` is None."""
    targets: Targets = context["targets"]
    key = None if area is None else area.key
    people = [p for p in rows.people if key is None or p.area == key]
    mentors = [m for m in context["mentors"] if key is None or m.area == key]
    reached = {
        p.household_id
        for p in rows.people
        if p.household_id in rows.household_areas
        and (key is None or rows.household_areas[p.household_id] == key)
    }
    adults = sum(a.adult_population for a in rows.areas) if area is None else area.adult_population
    households = sum(a.households for a in rows.areas) if area is None else area.households
    figures = compute_figures(
        rows,
        context["catalogue"],
        basic_level_domains=targets.basic_level_domains,
        members=None if key is None else {p.key for p in people},
        mastered=context["mastered"],
    )
    return AreaReport(
        key=key or "",
        name=context["commune"] if area is None else area.name,
        adult_population=adults,
        households=households,
        households_reached=len(reached),
        mentors=len(mentors),
        ambassadors=sum(
            1 for m in mentors if context["mentees"][m.id] >= targets.dai_su_so_min_mentees
        ),
        figures=figures,
        progress=tuple(
            _progress(people, r, context, _denominator(r, targets, adults, area is None))
            for r in targets.rates
        ),
    )


def build_report(
    rows: ReportRows, catalogue: Mapping[str, str], targets: Targets, period: Period
) -> CommuneReport:
    """Every table of the report. `catalogue`: lesson id → framework domain (the content)."""
    mastered = mastered_domains(rows.events, catalogue)
    mentees = Counter(p.mentor_id for p in rows.people if p.mentor_id is not None)
    ambassadors = [m for m in rows.mentors if m.active and not m.is_duty_officer]
    context = {
        "targets": targets,
        "catalogue": catalogue,
        "mastered": mastered,
        "mentees": mentees,
        "mentors": ambassadors,
        "end": rows.end,
        "commune": targets.commune,
    }
    areas = list(rows.areas)
    known = {a.key for a in areas}
    if any(p.area not in known for p in rows.people):
        areas.append(AreaRow(UNKNOWN, "Chưa rõ thôn, tổ", 0, 0))

    def figures(members: set[str] | None, escalation_filter=None) -> Figures:
        return compute_figures(
            rows,
            catalogue,
            basic_level_domains=targets.basic_level_domains,
            members=members,
            escalation_filter=escalation_filter,
            mastered=mastered,
        )

    mentor_reports = tuple(
        MentorReport(
            m.id,
            m.name,
            mentees[m.id],
            mentees[m.id] >= targets.dai_su_so_min_mentees,
            figures(
                {p.key for p in rows.people if p.mentor_id == m.id},
                lambda e, mentor_id=m.id: e.claimed_by_id == mentor_id,
            ),
        )
        for m in rows.mentors
        if m.active or mentees[m.id]
    )
    group_keys = [*GROUPS, UNKNOWN]
    groups = tuple(
        GroupReport(g, GROUPS.get(g, "Chưa rõ nhóm"), figures(members))
        for g in group_keys
        if (members := {p.key for p in rows.people if (p.target_group or UNKNOWN) == g})
        or g != UNKNOWN
    )
    domains = tuple(
        domain_figures(rows, catalogue, d, mastered) for d in DOMAINS if d in catalogue.values()
    )
    return CommuneReport(
        period=period,
        targets=targets,
        total=_area(rows, None, context),
        areas=tuple(_area(rows, a, context) for a in areas),
        mentors=mentor_reports,
        groups=groups,
        domains=domains,
    )
