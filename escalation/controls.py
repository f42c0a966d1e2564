"""What each hand-off button does (/esc_<kind>{…}): claim, skip, done, end, note, mine, focus,
rate, link. Each handler works inside the caller's session, through `storage/`, and returns the
reply bubbles for the person who pressed; messages for the other side go to the outbox."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from escalation import learner_texts as lt
from escalation import mentor_texts as mt
from escalation import texts as t
from escalation.chain import Sla
from escalation.commands import Control, control_payload, is_valid_rating
from escalation.service import alert_next, expire
from escalation.states import claim_refusal, transition
from escalation.summary import LEARNER_FALLBACK, recent_lines, short_name
from storage.escalations import (
    claim,
    claimed_by,
    close,
    get_escalation,
    learner_messages,
    list_offers,
    offered_mentor_ids,
    rate,
    record_event,
    set_focus,
    waiting_for,
)
from storage.learners import get_learner, get_or_create_learner
from storage.mentors import get_mentor, get_mentor_by_code, link_learner, mentee_counts
from storage.models import Escalation, Learner, Mentor, utcnow
from storage.outbox import enqueue

Handler = Callable[[Session, Sla, str, Control], list[dict]]
REFUSALS = {
    "closed": mt.CLAIM_CLOSED,
    "taken": mt.CLAIM_TAKEN,
    "passed": mt.CLAIM_PASSED,
    "not_yours": mt.NOT_YOURS,
}


def _stale() -> list[dict]:
    return [t.bubble(t.STALE)]


def mentor_name(mentor: Mentor) -> str:
    return short_name(mentor.name, "")


def refusal_for(session: Session, escalation: Escalation, mentor: Mentor) -> str | None:
    return claim_refusal(
        status=escalation.status,
        alerted_mentor_id=escalation.alerted_mentor_id,
        claimed_by_id=escalation.claimed_by_id,
        mentor_id=mentor.id,
        was_offered=mentor.id in offered_mentor_ids(session, escalation=escalation),
    )


def press_claim(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    """'Nhận hỗ trợ': exactly one person wins; the others are told politely why not."""
    mentor = get_mentor(session, sender_id=sender_id)
    escalation = get_escalation(session, control.escalation_id)
    if mentor is None or escalation is None:
        return _stale()
    refusal = refusal_for(session, escalation, mentor)
    if refusal is None:
        status = transition(escalation.status, "claim")
        if claim(session, escalation=escalation, mentor_id=mentor.id, status=status):
            return _claimed(session, escalation, mentor)
        session.refresh(escalation)  # someone else was faster
        refusal = refusal_for(session, escalation, mentor)
    if refusal == "yours":
        return [t.bubble(mt.FOCUSED.format(id=escalation.id), mt.mentor_tools(escalation.id))]
    record_event(
        session, escalation=escalation, kind="claim_refused", actor=sender_id, detail=refusal
    )
    return [t.bubble(REFUSALS[refusal].format(id=escalation.id))]


def _claimed(session: Session, escalation: Escalation, mentor: Mentor) -> list[dict]:
    record_event(session, escalation=escalation, kind="claimed", actor=mentor.sender_id)
    learner = session.get(Learner, escalation.learner_id)
    name = mentor_name(mentor)
    enqueue(
        session, recipient=learner.sender_id, bubbles=lt.claimed_for_learner(escalation.id, name)
    )
    offered = [o.offered_at for o in list_offers(session, escalation=escalation)]
    since = offered[-1] if offered else escalation.created_at
    waiting = recent_lines(learner_messages(session, learner_id=learner.id, since=since))
    return mt.claimed_for_mentor(escalation.id, name, waiting)


def press_skip(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    """'Bỏ qua': the next person in the chain is alerted now, not after the SLA."""
    mentor = get_mentor(session, sender_id=sender_id)
    escalation = get_escalation(session, control.escalation_id)
    if mentor is None or escalation is None:
        return _stale()
    refusal = refusal_for(session, escalation, mentor)
    if refusal is not None:
        return [t.bubble(REFUSALS.get(refusal, t.STALE).format(id=escalation.id))]
    record_event(session, escalation=escalation, kind="skipped", actor=sender_id)
    if alert_next(session, escalation, sla=sla, event="skip", now=utcnow()) is None:
        session.refresh(escalation)
        if escalation.status == "alerted" and escalation.alerted_mentor_id == mentor.id:
            expire(session, escalation)
    return [t.bubble(mt.SKIPPED.format(id=escalation.id))]


def press_end(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    """'Kết thúc hỗ trợ' from either side, or 'Hủy yêu cầu' from the learner while waiting."""
    escalation = get_escalation(session, control.escalation_id)
    if escalation is None:
        return _stale()
    learner = session.get(Learner, escalation.learner_id)
    if learner.sender_id == sender_id:
        return end_by_learner(session, escalation, learner)
    return _end_by_mentor(session, sender_id, escalation, event="end")


def press_done(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    """'Đã giải quyết': the mentor marks it resolved; the learner is asked for a rating."""
    escalation = get_escalation(session, control.escalation_id)
    if escalation is None:
        return _stale()
    return _end_by_mentor(session, sender_id, escalation, event="resolve")


def _end_by_mentor(
    session: Session, sender_id: str, escalation: Escalation, *, event: str
) -> list[dict]:
    mentor = get_mentor(session, sender_id=sender_id)
    if mentor is None or escalation.claimed_by_id != mentor.id:
        return _stale()
    if escalation.status != "claimed" or not close(
        session, escalation=escalation, status=transition("claimed", event)
    ):
        return [t.bubble(mt.CLAIM_CLOSED.format(id=escalation.id))]
    kind = "resolved" if event == "resolve" else "ended"
    record_event(session, escalation=escalation, kind=kind, actor=sender_id)
    learner = session.get(Learner, escalation.learner_id)
    bubbles = lt.ended_for_learner(escalation.id, mentor_name(mentor), by_learner=False)
    enqueue(session, recipient=learner.sender_id, bubbles=bubbles)
    text = mt.RESOLVED if event == "resolve" else mt.MENTOR_ENDED
    return [t.bubble(text.format(id=escalation.id), [(t.MINE, control_payload("mine"))])]


def end_by_learner(session: Session, escalation: Escalation, learner: Learner) -> list[dict]:
    seen = escalation.status
    if seen not in ("open", "alerted", "claimed"):
        return _stale()
    if not close(session, escalation=escalation, status=transition(seen, "end")):
        return _stale()
    if seen != "claimed":
        record_event(session, escalation=escalation, kind="cancelled", actor=learner.sender_id)
        waiting = session.get(Mentor, escalation.alerted_mentor_id or -1)
        if waiting is not None:
            text = mt.LEARNER_CANCELLED.format(id=escalation.id)
            enqueue(session, recipient=waiting.sender_id, bubbles=[t.bubble(text)])
        return [t.bubble(lt.CANCELLED)]
    record_event(session, escalation=escalation, kind="ended", actor=learner.sender_id)
    mentor = session.get(Mentor, escalation.claimed_by_id)
    text = mt.LEARNER_ENDED.format(id=escalation.id)
    mine = [(t.MINE, control_payload("mine"))]
    enqueue(session, recipient=mentor.sender_id, bubbles=[t.bubble(text, mine)])
    return lt.ended_for_learner(escalation.id, mentor_name(mentor), by_learner=True)


def press_rate(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    """The learner's 1-5 stars, recorded once; the mentor hears about it."""
    escalation = get_escalation(session, control.escalation_id)
    learner = get_learner(session, sender_id=sender_id)
    if escalation is None or learner is None or escalation.learner_id != learner.id:
        return _stale()
    if not is_valid_rating(control.rating) or escalation.claimed_by_id is None:
        return _stale()
    transition(escalation.status, "rate")
    if not rate(session, escalation=escalation, rating=control.rating):
        return [t.bubble(lt.ALREADY_RATED)]
    record_event(
        session, escalation=escalation, kind="rated", actor=sender_id, detail=str(control.rating)
    )
    mentor = session.get(Mentor, escalation.claimed_by_id)
    text = mt.RATED_TO_MENTOR.format(id=escalation.id, rating=control.rating)
    enqueue(session, recipient=mentor.sender_id, bubbles=[t.bubble(text)])
    return [t.bubble(lt.RATED.format(rating=control.rating))]


def press_note(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    if get_mentor(session, sender_id=sender_id) is None:
        return _stale()
    return [t.bubble(mt.NOTE_HOWTO.format(id=control.escalation_id or ""))]


def press_mine(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    mentor = get_mentor(session, sender_id=sender_id)
    return my_work(session, mentor) if mentor is not None else _stale()


def my_work(session: Session, mentor: Mentor) -> list[dict]:
    """'Việc của tôi': only what was claimed by or offered to this mentor, and their mentees."""
    now = utcnow()

    def line(escalation: Escalation) -> tuple[int, str]:
        learner = session.get(Learner, escalation.learner_id)
        minutes = int((now - escalation.created_at).total_seconds() // 60)
        text = mt.MINE_LINE.format(
            id=escalation.id,
            flag=" 🚨" if escalation.urgent else "",
            who=short_name(learner.display_name, LEARNER_FALLBACK),
            topic=escalation.topic or mt.describe_reason(escalation.reason),
            age=f"{minutes} phút",
        )
        return escalation.id, text

    handling = [line(e) for e in claimed_by(session, mentor_id=mentor.id)]
    waiting = [line(e) for e in waiting_for(session, mentor_id=mentor.id)]
    mentees = mentee_counts(session).get(mentor.id, 0)
    return mt.mine_bubbles(handling, waiting, mentees)


def press_focus(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    """'💬 #12': the mentor's typing goes to this learner from now on."""
    mentor = get_mentor(session, sender_id=sender_id)
    escalation = get_escalation(session, control.escalation_id)
    if mentor is None or escalation is None or escalation.claimed_by_id != mentor.id:
        return _stale()
    transition(escalation.status, "focus")
    set_focus(session, escalation=escalation)
    return [t.bubble(mt.FOCUSED.format(id=escalation.id), mt.mentor_tools(escalation.id))]


def press_link(session: Session, sla: Sla, sender_id: str, control: Control) -> list[dict]:
    """'Đồng ý' after opening a mentor's invite code: link, with consent recorded."""
    mentor = get_mentor_by_code(session, code=control.code or "")
    if mentor is None:
        return [t.bubble(lt.CODE_UNKNOWN)]
    if mentor.sender_id == sender_id:
        return [t.bubble(lt.OWN_CODE)]
    learner = get_or_create_learner(session, sender_id=sender_id)
    link_learner(session, learner=learner, mentor=mentor)
    return lt.linked(mentor_name(mentor))


CONTROLS: dict[str, Handler] = {
    "claim": press_claim,
    "skip": press_skip,
    "done": press_done,
    "end": press_end,
    "note": press_note,
    "mine": press_mine,
    "focus": press_focus,
    "rate": press_rate,
    "link": press_link,
}
