"""Đại sứ số (mentors), the duty officer, invite codes and the learners linked to them."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from statistics import median

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nlu.normalise import normalise, strip_accents
from storage.models import Escalation, EscalationOffer, Learner, Mentor, utcnow

CHANNEL_PREFIX = {"telegram": "tg", "tg": "tg", "web": "web", "zalo": "zalo"}
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read aloud
CODE_LENGTH = 6
_CODE_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])m[_\- ]?([A-Za-z0-9]{6})(?![A-Za-z0-9])", re.I)


def mentor_sender_id(channel: str, user_id: str) -> str:
    """('telegram', '123') → 'tg:123'; an id that already has its prefix is kept."""
    prefix = CHANNEL_PREFIX.get(channel.lower())
    if prefix is None:
        raise ValueError(f"channel must be one of telegram, web, zalo; not {channel!r}")
    user_id = user_id.strip()
    if not user_id:
        raise ValueError("a channel user id is required")
    return user_id if user_id.startswith(f"{prefix}:") else f"{prefix}:{user_id}"


def new_invite_code() -> str:
    """Six characters with at least one digit, so a typed code never looks like a word."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if any(ch.isdigit() for ch in code):
            return code


def code_from_text(text: str) -> str | None:
    """'m_K7QD2P', 'mã m-k7qd2p', 'K7QD2P' → 'K7QD2P'; None when there is no code in it."""
    text = (text or "").strip()
    match = _CODE_IN_TEXT.search(text)
    if match:
        return match.group(1).upper()
    if re.fullmatch(r"[A-Za-z0-9]{6}", text) and re.search(r"\d", text):
        return text.upper()
    return None


def add_mentor(
    session: Session,
    *,
    name: str,
    channel: str,
    user_id: str,
    area: str = "",
    capacity: int = 10,
    is_duty_officer: bool = False,
) -> Mentor:
    """Register a mentor (or re-activate and update the one with this channel id)."""
    if capacity < 1:
        raise ValueError("capacity must be at least 1")
    sender_id = mentor_sender_id(channel, user_id)
    mentor = session.scalar(select(Mentor).where(Mentor.sender_id == sender_id))
    if mentor is None:
        mentor = Mentor(sender_id=sender_id, invite_code=_unused_code(session))
        session.add(mentor)
    mentor.name = name.strip()
    mentor.channel = CHANNEL_PREFIX[channel.lower()]
    mentor.area = area.strip()
    mentor.capacity = capacity
    mentor.is_duty_officer = is_duty_officer
    mentor.active = True
    session.flush()
    return mentor


def _unused_code(session: Session) -> str:
    while True:
        code = new_invite_code()
        if session.scalar(select(Mentor.id).where(Mentor.invite_code == code)) is None:
            return code


def get_mentor(session: Session, *, sender_id: str) -> Mentor | None:
    """The active mentor with this sender id (e.g. 'tg:123')."""
    return session.scalar(
        select(Mentor).where(Mentor.sender_id == sender_id, Mentor.active.is_(True))
    )


def find_mentor(session: Session, *, key: str) -> Mentor | None:
    """By sender id ('tg:123'), bare channel id ('123', if unique) or '#<row id>'."""
    key = key.strip()
    if key.startswith("#") and key[1:].isdigit():
        return session.get(Mentor, int(key[1:]))
    mentor = session.scalar(select(Mentor).where(Mentor.sender_id == key))
    if mentor is not None or ":" in key:
        return mentor
    matches = session.scalars(select(Mentor).where(Mentor.sender_id.endswith(f":{key}"))).all()
    return matches[0] if len(matches) == 1 else None


def get_mentor_by_code(session: Session, *, code: str) -> Mentor | None:
    return session.scalar(
        select(Mentor).where(Mentor.invite_code == code.upper(), Mentor.active.is_(True))
    )


def list_mentors(session: Session, *, include_inactive: bool = False) -> list[Mentor]:
    query = select(Mentor).order_by(Mentor.is_duty_officer, Mentor.area, Mentor.name)
    if not include_inactive:
        query = query.where(Mentor.active.is_(True))
    return list(session.scalars(query))


def deactivate_mentor(session: Session, *, mentor: Mentor) -> int:
    """Stop alerting this mentor; their mentees are unlinked (history is kept). → mentees freed."""
    mentor.active = False
    mentees = list(session.scalars(select(Learner).where(Learner.mentor_id == mentor.id)))
    for learner in mentees:
        learner.mentor_id = None
    return len(mentees)


def area_key(area: str | None) -> str:
    """'Thôn Đông' and 'thon  dong' are the same area."""
    return strip_accents(normalise(area or ""))


def link_learner(
    session: Session, *, learner: Learner, mentor: Mentor, agreed: bool = True
) -> None:
    """Link a learner to a mentor; `agreed`: the learner said yes in the chat (consent recorded).
    An official linking someone by CLI passes agreed=False (consent is then asked in person)."""
    learner.mentor_id = mentor.id
    if agreed and not learner.consent:
        learner.consent = True
        learner.consent_at = utcnow()


def least_loaded_in_area(session: Session, *, area: str) -> Mentor | None:
    """The area's active mentor (not the duty officer) with the fewest mentees."""
    key = area_key(area)
    mentors = [m for m in list_mentors(session) if not m.is_duty_officer]
    mentors = [m for m in mentors if key and area_key(m.area) == key]
    counts = mentee_counts(session)
    return min(mentors, key=lambda m: (counts.get(m.id, 0), m.id), default=None)


def mentee_counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(Learner.mentor_id, func.count())
        .where(Learner.mentor_id.is_not(None))
        .group_by(Learner.mentor_id)
    )
    return {mentor_id: count for mentor_id, count in rows}


def mentor_loads(session: Session) -> dict[int, int]:
    """Hand-offs each mentor holds now: claimed by them, or waiting for their claim."""
    loads: dict[int, int] = {}
    claimed = session.execute(
        select(Escalation.claimed_by_id, func.count())
        .where(Escalation.status == "claimed")
        .group_by(Escalation.claimed_by_id)
    )
    waiting = session.execute(
        select(Escalation.alerted_mentor_id, func.count())
        .where(Escalation.status == "alerted")
        .group_by(Escalation.alerted_mentor_id)
    )
    for mentor_id, count in [*claimed, *waiting]:
        if mentor_id is not None:
            loads[mentor_id] = loads.get(mentor_id, 0) + count
    return loads


@dataclass(frozen=True)
class MentorFigures:
    mentor: Mentor
    mentees: int
    offered: int
    handled: int
    resolved: int
    median_claim_seconds: float | None
    rating_avg: float | None
    ratings: int


def mentor_report(session: Session) -> list[MentorFigures]:
    """Per mentor: mentees (target ≥ 5), offers, hand-offs claimed and resolved, median time from
    being alerted to claiming, ratings."""
    counts = mentee_counts(session)
    offers = session.execute(
        select(
            EscalationOffer.mentor_id,
            EscalationOffer.offered_at,
            EscalationOffer.answered_at,
            EscalationOffer.outcome,
        )
    ).all()
    handled = session.execute(
        select(Escalation.claimed_by_id, Escalation.status, Escalation.rating).where(
            Escalation.claimed_by_id.is_not(None)
        )
    ).all()
    return [
        _figures(mentor, counts.get(mentor.id, 0), offers, handled)
        for mentor in list_mentors(session, include_inactive=True)
    ]


def _figures(mentor: Mentor, mentees: int, offers: list, handled: list) -> MentorFigures:
    own_offers = [o for o in offers if o.mentor_id == mentor.id]
    waits = [
        (o.answered_at - o.offered_at).total_seconds()
        for o in own_offers
        if o.outcome == "claimed" and o.answered_at is not None
    ]
    mine = [h for h in handled if h.claimed_by_id == mentor.id]
    ratings = [h.rating for h in mine if h.rating is not None]
    return MentorFigures(
        mentor=mentor,
        mentees=mentees,
        offered=len(own_offers),
        handled=len(mine),
        resolved=sum(1 for h in mine if h.status == "resolved"),
        median_claim_seconds=median(waits) if waits else None,
        rating_avg=round(sum(ratings) / len(ratings), 2) if ratings else None,
        ratings=len(ratings),
    )
