"""The live hand-off in the gateway: an interceptor that runs before Rasa.

1. Hand-off buttons (/esc_<kind>{…}) go straight to the escalation rules (escalation/controls).
2. A learner in a CLAIMED hand-off: their messages go to the mentor, the assistant stays quiet.
3. A mentor: "Ghi chú: …" is a note, "Việc của tôi" lists their work, anything else they type
   goes to the learner they currently handle. A mentor with nobody to handle talks to the bot.
Everything else goes on to Rasa (the interceptor returns None).
Relayed text is masked (nlu.privacy) both ways before it is queued in the outbox; the timeline
(escalation events) masks it too, in storage.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from sqlalchemy.orm import Session

from bot.reply import Bubble, Reply
from config import Settings
from escalation import learner_texts as lt
from escalation import mentor_texts as mt
from escalation import texts as t
from escalation.chain import Sla
from escalation.commands import (
    is_control,
    is_end_request,
    is_mine_request,
    parse_control,
    parse_note,
)
from escalation.controls import CONTROLS, end_by_learner, mentor_name, my_work
from escalation.states import IllegalTransition, transition
from escalation.summary import LEARNER_FALLBACK, short_name
from nlu.privacy import mask_personal_data
from storage.escalations import (
    claimed_by,
    find_active_escalation,
    get_escalation,
    latest_handled,
    record_event,
)
from storage.learners import get_learner
from storage.mentors import get_mentor
from storage.models import Learner, Mentor
from storage.outbox import enqueue
from storage.session import session_scope

log = logging.getLogger(__name__)
Interceptor = Callable[[str, str], Awaitable[Reply | None]]


def make_relay(settings: Settings) -> Interceptor:
    """The interceptor for bot/wiring.build_interceptors."""
    sla = Sla.from_settings(settings)
    database_url = settings.database_url

    async def relay(sender_id: str, text: str) -> Reply | None:
        bubbles = await asyncio.to_thread(route_message, database_url, sla, sender_id, text)
        if bubbles is None:
            return None
        return Reply(tuple(Bubble.from_json(b) for b in bubbles))

    return relay


def route_message(database_url: str, sla: Sla, sender_id: str, text: str) -> list[dict] | None:
    """Reply bubbles when the hand-off takes this message ([] = stay quiet); None → Rasa."""
    with session_scope(database_url) as session:
        try:
            if is_control(text):
                control = parse_control(text)
                if control is None:
                    return [t.bubble(t.STALE)]
                return CONTROLS[control.kind](session, sla, sender_id, control)
            mentor = get_mentor(session, sender_id=sender_id)
            if mentor is not None:
                bubbles = from_mentor(session, mentor, text)
                if bubbles is not None:
                    return bubbles
            return from_learner(session, sender_id, text)
        except IllegalTransition as exc:
            log.info("hand-off: %s from %s", exc, sender_id)
            return [t.bubble(t.STALE)]


def from_learner(session: Session, sender_id: str, text: str) -> list[dict] | None:
    """A learner in a claimed hand-off talks to their mentor, not to the assistant."""
    learner = get_learner(session, sender_id=sender_id)
    escalation = find_active_escalation(session, learner=learner) if learner else None
    if escalation is None or escalation.status != "claimed":
        return None
    mentor = session.get(Mentor, escalation.claimed_by_id)
    if is_end_request(text):
        return end_by_learner(session, escalation, learner)
    if text.startswith("/"):  # an old button of the assistant's
        return lt.in_handoff(escalation.id, mentor_name(mentor))
    transition(escalation.status, "relay")
    record_event(session, escalation=escalation, kind="message", actor=sender_id, detail=text)
    who = short_name(learner.display_name, LEARNER_FALLBACK)
    line = mt.FROM_LEARNER.format(who=who, id=escalation.id, text=mask_personal_data(text))
    enqueue(session, recipient=mentor.sender_id, bubbles=[t.bubble(line)])
    return []


def from_mentor(session: Session, mentor: Mentor, text: str) -> list[dict] | None:
    """Notes, 'Việc của tôi', or a message for the learner the mentor is handling."""
    note = parse_note(text)
    if note is not None:
        return save_note(session, mentor, *note)
    if is_mine_request(text):
        return my_work(session, mentor)
    handling = claimed_by(session, mentor_id=mentor.id)
    if not handling or text.startswith("/"):
        return None
    escalation = handling[0]
    transition(escalation.status, "relay")
    learner = session.get(Learner, escalation.learner_id)
    record_event(
        session, escalation=escalation, kind="message", actor=mentor.sender_id, detail=text
    )
    line = lt.FROM_MENTOR.format(name=mentor_name(mentor), text=mask_personal_data(text))
    enqueue(session, recipient=learner.sender_id, bubbles=[t.bubble(line)])
    return []


def save_note(session: Session, mentor: Mentor, escalation_id: int | None, note: str) -> list:
    """A private note on the named hand-off, the one in focus, or the last one handled."""
    if escalation_id is not None:
        escalation = get_escalation(session, escalation_id)
        if escalation is None or escalation.claimed_by_id != mentor.id:
            return [t.bubble(mt.NOTE_NOWHERE)]
    else:
        handling = claimed_by(session, mentor_id=mentor.id)
        escalation = handling[0] if handling else latest_handled(session, mentor_id=mentor.id)
    if escalation is None:
        return [t.bubble(mt.NOTE_NOWHERE)]
    transition(escalation.status, "note")
    record_event(session, escalation=escalation, kind="note", actor=mentor.sender_id, detail=note)
    return [t.bubble(mt.NOTE_SAVED.format(id=escalation.id))]
