"""A learner's settings (consent, group, area, name, short messages, placement) and reminders."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage.models import Learner, LearningProfile, utcnow


def get_profile(session: Session, *, learner: Learner) -> LearningProfile | None:
    return session.get(LearningProfile, learner.id)


def ensure_profile(session: Session, *, learner: Learner) -> LearningProfile:
    profile = get_profile(session, learner=learner)
    if profile is None:
        profile = LearningProfile(learner_id=learner.id, elderly_mode=False)
        session.add(profile)
        session.flush()
    return profile


def record_consent(session: Session, *, learner: Learner, agreed: bool) -> None:
    learner.consent = agreed
    learner.consent_at = utcnow()
    if agreed:
        learner.anonymised_at = None  # a learner who deleted their data and starts again


def set_target_group(session: Session, *, learner: Learner, group: str | None) -> None:
    learner.target_group = group


def set_area(session: Session, *, learner: Learner, area: str | None) -> None:
    learner.area = area[:120] if area else None


def set_display_name(session: Session, *, learner: Learner, name: str) -> None:
    learner.display_name = name[:120]


def set_elderly_mode(session: Session, *, learner: Learner, on: bool) -> None:
    ensure_profile(session, learner=learner).elderly_mode = on


def set_reminder(session: Session, *, learner: Learner, hour: int | None) -> None:
    """A daily reminder at `hour` (local time, 7..20), or none."""
    if hour is not None and not 7 <= hour <= 20:
        raise ValueError(f"reminders are sent between 7 and 20 h, not at {hour}")
    ensure_profile(session, learner=learner).reminder_hour = hour


def save_placement(session: Session, *, learner: Learner, placement: dict[str, bool]) -> None:
    profile = ensure_profile(session, learner=learner)
    profile.placement = dict(placement)
    profile.placement_at = utcnow()


# ---- reminders


def list_due_reminders(
    session: Session, *, hour: int, today: date
) -> list[tuple[Learner, LearningProfile]]:
    """Learners who agreed, asked for a reminder at `hour` and have not had one today."""
    rows = session.execute(
        select(Learner, LearningProfile)
        .join(LearningProfile, LearningProfile.learner_id == Learner.id)
        .where(
            Learner.consent.is_(True),
            Learner.anonymised_at.is_(None),
            LearningProfile.reminder_hour == hour,
            or_(
                LearningProfile.reminder_sent_on.is_(None), LearningProfile.reminder_sent_on < today
            ),
        )
        .order_by(Learner.id)
    )
    return [(learner, profile) for learner, profile in rows]


def mark_reminder_sent(session: Session, *, profile: LearningProfile, today: date) -> None:
    profile.reminder_sent_on = today
