"""Opening an escalation from a dialogue: the immediate safety steps and the honest "what next".

Shared by `actions/handoff.py` (a learner asks for a person) and `actions/knowledge.py` (triage
finds harm already done or a wish for a person), so neither imports the other for it.
"""

from __future__ import annotations

from actions import answers, texts
from actions.runtime import database_url
from config import get_settings
from escalation import learner_texts as lt
from escalation.chain import Sla
from escalation.service import open_and_alert
from storage.session import session_scope


def urgent_bubbles(kind: str) -> list[dict]:
    """The immediate safety steps, before anything else."""
    steps = texts.URGENT_THREAT_STEPS if kind == "threat" else texts.URGENT_STEPS
    return [answers.bubble(steps)]


def open_escalation_for(
    sender_id: str, *, reason: str, urgent: bool, summary: str, topic: str = ""
) -> list[dict]:
    """Open the escalation (or find the open one), alert the first person in the chain through
    the outbox, and say honestly what happens next."""
    sla = Sla.from_settings(get_settings())
    with session_scope(database_url()) as session:
        opened = open_and_alert(
            session,
            sender_id=sender_id,
            reason=reason,
            urgent=urgent,
            summary=summary,
            topic=topic,
            sla=sla,
        )
    if not opened.is_new:
        return [answers.bubble(lt.ALREADY_WAITING)]
    return lt.opened_for_learner(
        opened.escalation_id, alerted=opened.alerted, urgent=urgent, wait=sla.seconds(urgent)
    )
