"""Zalo's reply window (pure rules) and what happens to a push it refuses.

Customer-service messages are free within 48 h of the resident's last message, paid from 48 h
to 7 days, impossible after. Reminders and review nudges go out only inside the free window
(inside the paid one too when ZALO_PAID_WINDOW is on); other pushes are tried and the API
decides. A refused push is held (bot/outbox.py) and goes out
when the person next writes; a mentor alert that cannot reach its Zalo mentor goes to the next
person in the chain at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from escalation.chain import Sla
from escalation.commands import parse_control
from escalation.service import alert_next, expire
from storage.escalations import get_escalation, record_event
from storage.mentors import get_mentor
from storage.models import utcnow
from storage.session import session_scope

FREE_WINDOW = timedelta(hours=48)
WHOLE_WINDOW = timedelta(days=7)


def is_reminder(bubbles: list[dict]) -> bool:
    """A learning reminder or review nudge (by its buttons; see bot/reminders.py)."""
    payloads = [b.get("payload", "") for bubble in bubbles for b in bubble.get("buttons") or ()]
    return any(p.startswith("/set_reminder") for p in payloads)


def window_refusal(
    last_user_at: datetime | None, bubbles: list[dict], now: datetime, *, paid: bool = False
) -> str:
    """Why a push must wait for the resident to write ("" = try to send it).

    `paid`: the OA may use the paid 48 h–7 day window for reminders too (ZALO_PAID_WINDOW).
    """
    if last_user_at is None or now - last_user_at > WHOLE_WINDOW:
        return "zalo_window_closed"
    if is_reminder(bubbles) and not paid and now - last_user_at > FREE_WINDOW:
        return "zalo_window_paid"
    return ""


def alert_escalation_id(bubbles: list[dict]) -> int | None:
    """The escalation a mentor alert is about (its "Nhận hỗ trợ" button), or None."""
    for bubble in bubbles:
        for button in bubble.get("buttons") or ():
            control = parse_control(str(button.get("payload") or ""))
            if control is not None and control.kind == "claim":
                return control.escalation_id
    return None


def pass_on_unreachable(database_url: str, sla: Sla, recipient: str, bubbles: list[dict]) -> bool:
    """An alert held for `recipient`: if they are still the one alerted, the next person in
    the chain is alerted now (or the escalation expires). True when it moved on."""
    escalation_id = alert_escalation_id(bubbles)
    if escalation_id is None:
        return False
    with session_scope(database_url) as session:
        mentor = get_mentor(session, sender_id=recipient)
        escalation = get_escalation(session, escalation_id)
        if mentor is None or escalation is None:
            return False
        if escalation.status != "alerted" or escalation.alerted_mentor_id != mentor.id:
            return False
        record_event(
            session, escalation=escalation, kind="unreachable", actor=recipient, detail="zalo"
        )
        if alert_next(session, escalation, sla=sla, event="skip", now=utcnow()) is None:
            session.refresh(escalation)
            if escalation.status == "alerted" and escalation.alerted_mentor_id == mentor.id:
                expire(session, escalation)
        return True
