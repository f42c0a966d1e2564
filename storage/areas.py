"""Areas (thôn / tổ dân phố) and their households; which household a learner belongs to."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.mentors import area_key
from storage.models import Learner
from storage.report_models import Area, Household, HouseholdMember


def save_area(
    session: Session, *, name: str, adult_population: int = 0, households: int = 0
) -> Area:
    """Add an area, or update the one with the same name (accents and case do not matter)."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("an area needs a name")
    if adult_population < 0 or households < 0:
        raise ValueError("population and households cannot be negative")
    key = area_key(name)
    area = session.scalar(select(Area).where(Area.key == key))
    if area is None:
        area = Area(key=key)
        session.add(area)
    area.name = name
    area.adult_population = adult_population
    area.households = households
    session.flush()
    return area


def find_area(session: Session, *, name: str) -> Area | None:
    return session.scalar(select(Area).where(Area.key == area_key(name)))


def list_areas(session: Session) -> list[Area]:
    return list(session.scalars(select(Area).order_by(Area.name)))


def add_household(session: Session, *, area: Area, label: str) -> Household:
    """A household of `area`, labelled by address or number (never a person's name)."""
    label = " ".join(label.split())
    if not label:
        raise ValueError("a household needs a label (address or number)")
    household = Household(area_id=area.id, label=label)
    session.add(household)
    session.flush()
    return household


def list_households(session: Session, *, area: Area | None = None) -> list[tuple[Household, int]]:
    """Households (of one area, or all) with how many learners belong to each."""
    members = (
        select(HouseholdMember.household_id, func.count().label("n"))
        .group_by(HouseholdMember.household_id)
        .subquery()
    )
    query = (
        select(Household, func.coalesce(members.c.n, 0))
        .outerjoin(members, members.c.household_id == Household.id)
        .order_by(Household.area_id, Household.id)
    )
    if area is not None:
        query = query.where(Household.area_id == area.id)
    return [(household, count) for household, count in session.execute(query)]


def join_household(
    session: Session, *, learner: Learner, household: Household, recorded_by: str
) -> HouseholdMember:
    """Put a learner in a household (replacing an earlier one); `recorded_by` is "learner" or the
    mentor's sender id. The learner's area follows the household's when they had none."""
    member = session.get(HouseholdMember, learner.id)
    if member is None:
        member = HouseholdMember(learner_id=learner.id)
        session.add(member)
    member.household_id = household.id
    member.recorded_by = recorded_by[:120]
    if not learner.area:
        learner.area = session.get(Area, household.area_id).name
    session.flush()
    return member


def household_of(session: Session, *, learner: Learner) -> Household | None:
    member = session.get(HouseholdMember, learner.id)
    return None if member is None else session.get(Household, member.household_id)
