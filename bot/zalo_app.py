"""Zalo OA channel: the signed webhook, the durable event queue and the replies.

The webhook only checks the signature, claims the delivery (a repeated msg_id is dropped) and
queues the event in the database, then answers 200 at once (Zalo wants an answer within 2 s).
A job takes queued events in order and handles them through the same Conversation as Telegram.
An OA officer answering in Zalo's own chat tool (oa_send_* with sender.admin_id) takes over:
the assistant stays quiet for that resident until the officer is silent for
HANDOFF_IDLE_SECONDS or types "#bot".
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import datetime, timedelta

from starlette.requests import Request
from starlette.responses import Response

from bot import texts
from bot.conversation import Conversation
from bot.outbox import Undeliverable
from bot.reply import Reply, text_reply
from bot.zalo_api import OutsideWindow, ZaloClient
from bot.zalo_render import (
    SIGNATURE_HEADER,
    ZaloEvent,
    is_signed,
    read_event,
    render_reply,
    typed_choice,
)
from bot.zalo_window import window_refusal
from storage.escalations import find_active_escalation, record_event
from storage.learners import get_or_create_learner, log_message
from storage.models import utcnow
from storage.outbox import release_held
from storage.session import session_scope
from storage.updates import claim_update
from storage.zalo import (
    finish_event,
    get_contact,
    note_admin_reply,
    note_user_wrote,
    queue_event,
    set_choices,
    take_events,
)

log = logging.getLogger(__name__)
CHANNEL = "zalo"
QUEUED_KINDS = {"text", "not_text", "follow", "admin"}  # unfollow and delivery receipts: none
END_TAKEOVER = ("#bot", "#trolyso")  # an officer gives the resident back to the assistant
MAX_BODY_BYTES = 64_000


def sender_of(user_id: str) -> str:
    return f"{CHANNEL}:{user_id}"


def is_taken_over(admin_at: datetime | None, now: datetime, quiet_seconds: int) -> bool:
    """An officer wrote to this resident recently: the assistant stays quiet."""
    return admin_at is not None and now - admin_at < timedelta(seconds=quiet_seconds)


class ZaloChannel:
    def __init__(
        self,
        client: ZaloClient,
        conversation: Conversation,
        *,
        app_id: str,
        oa_secret: str,
        quiet_seconds: int,
        outbox_wake: asyncio.Event | None = None,
        paid_window: bool = False,
    ) -> None:
        self.client = client
        self.conversation = conversation
        self.database_url = conversation.database_url
        self._app_id = app_id
        self._oa_secret = oa_secret
        self.quiet_seconds = quiet_seconds
        self.outbox_wake = outbox_wake
        self.paid_window = paid_window  # reminders may use the paid 48 h–7 day window
        self.wake = asyncio.Event()

    # ---- the webhook
    async def webhook(self, request: Request) -> Response:
        """POST /webhooks/zalo: signature checked, delivery claimed and queued, 200 at once."""
        raw = (await request.body())[:MAX_BODY_BYTES]
        header = request.headers.get(SIGNATURE_HEADER, "")
        if not is_signed(raw, header, app_id=self._app_id, oa_secret=self._oa_secret):
            return Response(status_code=401)
        body = json.loads(raw)
        event = read_event(body)
        queued = event.kind in QUEUED_KINDS and event.user_id
        if queued and await asyncio.to_thread(self._queue, event.key, body):
            self.wake.set()
        return Response(status_code=200)

    def _queue(self, key: str, body: dict) -> bool:
        with session_scope(self.database_url) as session:
            if not claim_update(session, channel=CHANNEL, update_key=key):
                return False  # Zalo delivered this event before
            queue_event(session, channel=CHANNEL, body=body)
            return True

    # ---- the worker
    async def process_queued(self) -> int:
        """Handle every queued event in order (the job; woken by the webhook)."""
        handled = 0
        while True:
            batch = await asyncio.to_thread(self._take)
            if not batch:
                return handled
            for event_id, body in batch:
                try:
                    await self.handle(read_event(body))
                except Exception:  # noqa: BLE001 — one bad event must not block the queue
                    log.exception("zalo event %s failed", event_id)
                await asyncio.to_thread(self._finish, event_id)
                handled += 1

    def _take(self) -> list[tuple[int, dict]]:
        with session_scope(self.database_url) as session:
            return take_events(session, channel=CHANNEL)

    def _finish(self, event_id: int) -> None:
        with session_scope(self.database_url) as session:
            finish_event(session, event_id=event_id)

    async def handle(self, event: ZaloEvent) -> None:
        if event.kind == "admin":
            await asyncio.to_thread(self._note_officer, event)
            return
        choices, taken_over = await asyncio.to_thread(self._note_resident, event.user_id)
        if self.outbox_wake is not None:
            self.outbox_wake.set()  # pushes held for the closed window can go now
        sender = sender_of(event.user_id)
        if taken_over and event.kind == "text":
            await asyncio.to_thread(self._log_only, sender, event.text)
            return
        if event.kind == "not_text":
            reply = text_reply(texts.NOT_TEXT)
        elif event.kind == "follow":
            reply = await self.conversation.handle(sender, "xin chào")
        else:
            text = typed_choice(event.text, choices) or event.text
            reply = await self.conversation.handle(sender, text)
        if not taken_over:
            await self.send_reply(event.user_id, reply)

    def _note_resident(self, user_id: str) -> tuple[list[str] | None, bool]:
        """The resident wrote: the window opens, held pushes are due; (choices, taken over)."""
        now = utcnow()
        with session_scope(self.database_url) as session:
            contact = get_contact(session, user_id=user_id)
            note_user_wrote(session, user_id=user_id, now=now)
            release_held(session, recipient=sender_of(user_id))
            return contact.choices, is_taken_over(contact.admin_at, now, self.quiet_seconds)

    def _log_only(self, sender: str, text: str) -> None:
        with session_scope(self.database_url) as session:
            learner = get_or_create_learner(session, sender_id=sender)
            log_message(session, learner=learner, direction="in", text=text)

    def _note_officer(self, event: ZaloEvent) -> None:
        """An OA officer wrote in Zalo's tool: pause the assistant and record it."""
        sender = sender_of(event.user_id)
        with session_scope(self.database_url) as session:
            if event.text.strip().lower() in END_TAKEOVER:
                get_contact(session, user_id=event.user_id).admin_at = None
                return
            note_admin_reply(session, user_id=event.user_id, admin_id=event.admin_id)
            learner = get_or_create_learner(session, sender_id=sender)
            line = f"[Cán bộ OA {event.admin_id}] {event.text}"
            log_message(session, learner=learner, direction="out", text=line)
            escalation = find_active_escalation(session, learner=learner)
            if escalation is not None:
                actor = f"zalo-admin:{event.admin_id}"
                record_event(
                    session, escalation=escalation, kind="oa_officer", actor=actor, detail=line
                )
        log.info("zalo: officer %s answers %s; assistant quiet", event.admin_id, sender)

    # ---- sending
    async def send_reply(self, user_id: str, reply: Reply) -> None:
        """Every message of the reply; the numbered choices are remembered for typed digits."""
        messages, choices = render_reply(reply)
        for message in messages:
            await self.client.send_message(user_id, message)
        await asyncio.to_thread(self._remember, user_id, choices)

    def _remember(self, user_id: str, choices: list[str]) -> None:
        with session_scope(self.database_url) as session:
            set_choices(session, user_id=user_id, payloads=choices)

    async def push(self, user_id: str, reply: Reply) -> None:
        """The outbox's sender: a push outside the window is held until the resident writes."""
        bubbles = [b.to_json() for b in reply.bubbles]
        last = await asyncio.to_thread(self._last_user_at, user_id)
        refusal = window_refusal(last, bubbles, utcnow(), paid=self.paid_window)
        if refusal:
            raise Undeliverable(refusal)
        try:
            await self.send_reply(user_id, reply)
        except OutsideWindow as exc:
            raise Undeliverable(f"zalo_window_{-exc.code}") from None

    def _last_user_at(self, user_id: str) -> datetime | None:
        with session_scope(self.database_url) as session:
            return get_contact(session, user_id=user_id).last_user_at
