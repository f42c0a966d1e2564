"""A mentor alert Zalo cannot deliver goes to the next person in the chain at once."""

from __future__ import annotations

import asyncio

from bot.outbox import Undeliverable, deliver_due
from bot.reply import Reply
from bot.zalo_window import pass_on_unreachable
from escalation.chain import Sla
from escalation.service import open_and_alert
from storage.escalations import get_escalation, list_events
from storage.learners import get_or_create_learner
from storage.mentors import add_mentor, link_learner
from storage.models import OutboxMessage
from storage.session import session_scope

SLA = Sla(600, 7200, 86400)


def test_zalo_unreachable_alert_moves_to_the_next_person(database_url):
    with session_scope(database_url) as session:
        lan = add_mentor(session, name="Chị Lan", channel="zalo", user_id="z1", area="Thôn 1")
        learner = get_or_create_learner(session, sender_id="web:learner-1")
        link_learner(session, learner=learner, mentor=lan)
        duty = add_mentor(session, name="Trực", channel="web", user_id="truc", is_duty_officer=True)
        duty_id = duty.id
    with session_scope(database_url) as session:
        opened = open_and_alert(
            session, sender_id="web:learner-1", reason="asked", urgent=False,
            summary="cần giúp", topic="VNeID", sla=SLA,
        )  # fmt: skip

    async def zalo_refuses(user_id: str, reply: Reply) -> None:
        raise Undeliverable("zalo_window_closed")

    async def on_held(recipient: str, bubbles: list) -> None:
        await asyncio.to_thread(pass_on_unreachable, database_url, SLA, recipient, bubbles)

    asyncio.run(deliver_due(database_url, {"zalo": zalo_refuses}, on_held))
    with session_scope(database_url) as session:
        escalation = get_escalation(session, opened.escalation_id)
        assert escalation.alerted_mentor_id == duty_id and escalation.status == "alerted"
        kinds = [e.kind for e in list_events(session, escalation=escalation)]
        assert "unreachable" in kinds
        held = session.query(OutboxMessage).filter(OutboxMessage.recipient == "zalo:z1").one()
        assert held.held == "zalo_window_closed" and held.sent_at is None
        assert session.query(OutboxMessage).filter(OutboxMessage.recipient == "web:truc").count()
