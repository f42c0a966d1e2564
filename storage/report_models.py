"""Tables of the commune's reports (schema in alembic revision 0005): areas (thôn / tổ dân phố),
households, the anonymous tallies a learner leaves behind when their data is deleted, and the
record of every report export."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow


class Area(Base):
    """A thôn or tổ dân phố with its adult population and number of households."""

    __tablename__ = "areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    key: Mapped[str] = mapped_column(String(120), unique=True)  # accent-free, for matching
    adult_population: Mapped[int] = mapped_column(Integer, default=0)
    households: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Household(Base):
    """A household of an area; its label is an address or a number, never a person's name."""

    __tablename__ = "households"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class HouseholdMember(Base):
    """The one household a learner belongs to (said by the learner, or recorded by a mentor)."""

    __tablename__ = "household_members"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    household_id: Mapped[int] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    recorded_by: Mapped[str] = mapped_column(String(120), default="")  # learner | mentor id
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReportTombstone(Base):
    """What a learner who deleted their data still counts for: a random token (not linked to the
    learner row), the groups they belonged to, and when they joined and confirmed on VNeID."""

    __tablename__ = "report_tombstones"

    token: Mapped[str] = mapped_column(String(32), primary_key=True)
    area: Mapped[str | None] = mapped_column(String(120))
    target_group: Mapped[str | None] = mapped_column(String(32))
    mentor_id: Mapped[int | None] = mapped_column(Integer)
    household_id: Mapped[int | None] = mapped_column(Integer)
    joined_at: Mapped[datetime] = mapped_column(DateTime)
    vneid_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TombstoneEvent(Base):
    """One anonymous fact of a deleted learner: a day they were active, a lesson or quiz passed,
    a certificate (kind), with the framework domain, the lesson and the time."""

    __tablename__ = "tombstone_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(
        ForeignKey("report_tombstones.token", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # active | lesson | quiz | certificate
    domain: Mapped[str | None] = mapped_column(String(32))
    lesson_id: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(DateTime, index=True)


class ReportExport(Base):
    """Who exported which report, when, in which formats (issue 14, item 7)."""

    __tablename__ = "report_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor: Mapped[str] = mapped_column(String(120))
    what: Mapped[str] = mapped_column(String(64))  # e.g. "report 2026-11"
    files: Mapped[list] = mapped_column(JSON)  # file names written
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
