"""Opening, alerting along the chain and expiring: the pure rules applied to the database.

Used by the action server (opening an escalation alerts the first person) and by the gateway's
SLA job (the next person, then the duty officer, then expiry). Everything happens inside the
caller's session, through `storage/`; pushed messages go to the durable outbox. No channel or
network code here, so both the action server and the gateway import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from escalation import learner_texts as lt
from escalation import mentor_texts as mt
from escalation.chain import Candidate, Sla, chain_step, choose_next, due_at, is_overdue
from escalation.states import transition
from escalation.summary import learner_label, recent_lines
from escalation.texts import bubble, describe_wait
from storage.escalations import (
    close,
    find_active_escalation,
    get_escalation,
    learner_messages,
    list_due,
    list_idle,
    offer,
    offered_mentor_ids,
    open_escalation,
    record_event,
)
from storage.learners import get_or_create_learner
from storage.mentors import list_mentors, mentor_loads
from storage.models import Escalation, Learner, Mentor, utcnow
from storage.outbox import enqueue
from storage.session import session_scope


@dataclass(frozen=True)
class Opened:
    escalation_id: int
    is_new: bool
    alerted: bool  # somebody was alerted (now or before)
    status: str


def chain_candidates(session: Session) -> list[Candidate]:
    loads = mentor_loads(session)
    return [
        Candidate(m.id, m.area, m.capacity, loads.get(m.id, 0), m.is_duty_officer, m.active)
        for m in list_mentors(session)
    ]


def learner_area(session: Session, learner: Learner) -> str:
    """The learner's own area, or their mentor's when they linked by invite code only."""
    if learner.area:
        return learner.area
    mentor = session.get(Mentor, learner.mentor_id) if learner.mentor_id else None
    return mentor.area if mentor else ""


def open_and_alert(
    session: Session,
    *,
    sender_id: str,
    reason: str,
    urgent: bool,
    summary: str,
    topic: str,
    sla: Sla,
) -> Opened:
    """Open the learner's escalation (or find the open one) and alert the first person."""
    learner = get_or_create_learner(session, sender_id=sender_id)
    before = find_active_escalation(session, learner=learner)
    was_urgent = before.urgent if before is not None else None
    escalation, is_new = open_escalation(
        session, learner=learner, reason=reason, urgent=urgent, summary=summary, topic=topic
    )
    if is_new:
        mentor = alert_next(session, escalation, sla=sla, event="alert", now=utcnow())
        if mentor is None:  # nobody yet: keep it open; the SLA job retries and then expires it
            escalation.alert_due_at = due_at(utcnow(), sla.seconds(urgent))
    elif urgent and not was_urgent and escalation.status == "alerted":
        hurry(session, escalation, sla=sla)
    return Opened(escalation.id, is_new, escalation.status != "open", escalation.status)


def alert_next(
    session: Session, escalation: Escalation, *, sla: Sla, event: str, now: datetime
) -> Mentor | None:
    """Apply `event` (alert | timeout | skip) and alert the next person in the chain.

    Returns the person alerted, or None when the chain is exhausted or someone else changed
    the escalation first (the caller decides whether to expire it).
    """
    status = transition(escalation.status, event)
    learner = session.get(Learner, escalation.learner_id)
    candidate = choose_next(
        chain_candidates(session),
        own_mentor_id=learner.mentor_id,
        area=learner_area(session, learner),
        already_offered=offered_mentor_ids(session, escalation=escalation),
    )
    if candidate is None:
        return None
    previous = session.get(Mentor, escalation.alerted_mentor_id or -1)
    wait = sla.seconds(escalation.urgent)
    outcome = "skipped" if event == "skip" else "timed_out"
    if not offer(
        session,
        escalation=escalation,
        mentor_id=candidate.id,
        status=status,
        due_at=due_at(now, wait),
        previous_outcome=outcome,
    ):
        return None
    if previous is not None and event == "timeout":
        record_event(session, escalation=escalation, kind="sla_passed", actor=previous.sender_id)
    mentor = session.get(Mentor, candidate.id)
    step = chain_step(candidate, own_mentor_id=learner.mentor_id)
    record_event(
        session, escalation=escalation, kind="alerted", actor=mentor.sender_id, detail=step
    )
    alert = alert_for(session, escalation, mentor, wait=wait)
    enqueue(session, recipient=mentor.sender_id, bubbles=alert)
    if previous is not None and event == "timeout":
        text = mt.PASSED_ON.format(id=escalation.id, wait=describe_wait(wait))
        enqueue(session, recipient=previous.sender_id, bubbles=[bubble(text)])
    if previous is not None and step == "duty":
        enqueue(session, recipient=learner.sender_id, bubbles=[bubble(lt.PASSED_TO_DUTY)])
    return mentor


def alert_for(session: Session, escalation: Escalation, mentor: Mentor, *, wait: int) -> list[dict]:
    """The alert bubbles for `mentor`: who, topic, reason, the last messages masked."""
    learner = session.get(Learner, escalation.learner_id)
    messages = learner_messages(session, learner_id=learner.id)
    recent = recent_lines(messages) or recent_lines([("in", escalation.summary_masked)])
    who = learner_label(
        learner.display_name, learner.channel, learner.area, learner.mentor_id == mentor.id
    )
    return mt.alert_bubbles(
        escalation_id=escalation.id,
        urgent=escalation.urgent,
        reason=escalation.reason,
        topic=escalation.topic,
        who=who,
        recent=recent,
        wait_seconds=wait,
    )


def hurry(session: Session, escalation: Escalation, *, sla: Sla) -> None:
    """The waiting escalation became urgent: shorten its SLA and tell the alerted person."""
    urgent_due = due_at(utcnow(), sla.urgent_seconds)
    if escalation.alert_due_at is None or escalation.alert_due_at > urgent_due:
        escalation.alert_due_at = urgent_due
    mentor = session.get(Mentor, escalation.alerted_mentor_id or -1)
    if mentor is not None:
        text = mt.NOW_URGENT.format(
            id=escalation.id,
            reason=mt.describe_reason(escalation.reason),
            wait=describe_wait(sla.urgent_seconds),
        )
        enqueue(session, recipient=mentor.sender_id, bubbles=[bubble(text)])


def expire(session: Session, escalation: Escalation) -> bool:
    """Nobody claimed along the whole chain: close it and tell the learner honestly."""
    status = transition(escalation.status, "expire")
    if not close(session, escalation=escalation, status=status, same_offer=True):
        return False
    record_event(session, escalation=escalation, kind="expired")
    learner = session.get(Learner, escalation.learner_id)
    enqueue(session, recipient=learner.sender_id, bubbles=lt.expired_for_learner(escalation.urgent))
    return True


def close_idle(session: Session, escalation_id: int) -> bool:
    """A claimed hand-off went quiet: close it, give the learner the assistant back, tell both."""
    escalation = get_escalation(session, escalation_id)
    if escalation is None or escalation.status != "claimed":
        return False
    if not close(session, escalation=escalation, status=transition("claimed", "idle")):
        return False
    record_event(session, escalation=escalation, kind="idle_closed")
    learner = session.get(Learner, escalation.learner_id)
    mentor = session.get(Mentor, escalation.claimed_by_id)
    enqueue(session, recipient=learner.sender_id, bubbles=lt.idle_for_learner(escalation.id))
    if mentor is not None:
        text = mt.IDLE_FOR_MENTOR.format(id=escalation.id)
        enqueue(session, recipient=mentor.sender_id, bubbles=[bubble(text)])
    return True


def check_one(session: Session, escalation_id: int, *, sla: Sla, now: datetime) -> str:
    """One SLA step for one escalation: alerted | expired | waiting | gone."""
    escalation = get_escalation(session, escalation_id)
    if escalation is None or escalation.status not in ("open", "alerted"):
        return "gone"
    overdue = is_overdue(escalation.alert_due_at, now)
    if escalation.status == "alerted" and not overdue:
        return "waiting"
    event = "alert" if escalation.status == "open" else "timeout"
    seen = (escalation.status, escalation.alerted_mentor_id, escalation.alert_due_at)
    if alert_next(session, escalation, sla=sla, event=event, now=now) is not None:
        return "alerted"
    session.refresh(escalation)
    if (escalation.status, escalation.alerted_mentor_id, escalation.alert_due_at) != seen:
        return "gone"  # another process (a claim, another gateway) changed it meanwhile
    if overdue and expire(session, escalation):
        return "expired"
    return "waiting"


def run_sla_round(database_url: str, sla: Sla) -> dict[str, int]:
    """The SLA job's round: every overdue escalation moves one step, and quiet hand-offs close
    (own transaction each)."""
    now = utcnow()
    with session_scope(database_url) as session:
        due = list_due(session, now=now)
        idle = list_idle(session, quiet_since=now - timedelta(seconds=sla.idle_seconds))
    counts: dict[str, int] = {}
    for escalation_id in due:
        with session_scope(database_url) as session:
            result = check_one(session, escalation_id, sla=sla, now=now)
        counts[result] = counts.get(result, 0) + 1
    for escalation_id in idle:
        with session_scope(database_url) as session:
            if close_idle(session, escalation_id):
                counts["idle_closed"] = counts.get("idle_closed", 0) + 1
    return counts
