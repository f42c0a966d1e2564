"""The one path every channel's message takes: check → log (masked) → Rasa → log → reply.

Rasa only ever sees the message with secrets and personal numbers hidden, so its tracker store
holds no OTP, password or ID number; when a person deletes their data, Rasa's record of the
conversation goes too (`forget_history`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot import texts
from bot.address import address, choose_form
from bot.rasa_client import RasaClient, RasaUnavailable
from bot.reply import Bubble, Button, Reply, reply_from_rasa, text_reply
from nlu.normalise import to_nfc
from nlu.privacy import mask_for_assistant
from storage.learners import (
    get_or_create_learner,
    has_been_answered,
    list_messages,
    log_message,
)
from storage.learning_profile import get_profile
from storage.session import session_scope

log = logging.getLogger(__name__)


DATA_DELETED = "data_deleted"  # the decision of the reply that confirms "xóa dữ liệu của tôi"


def for_assistant(text: str) -> str:
    """What Rasa receives: button payloads ("/intent{…}") as they are, typed text masked."""
    return text if text.startswith("/") else mask_for_assistant(text)


def clean_incoming(text: str | None, limit: int) -> tuple[str, bool]:
    """NFC, trimmed, cut to `limit` characters; the flag says whether it was cut."""
    text = to_nfc(text or "").strip()
    if len(text) > limit:
        return text[:limit], True
    return text, False


def addressed(reply: Reply, form: str) -> Reply:
    """The reply with the person addressed one way throughout (texts and button titles)."""
    bubbles = tuple(
        Bubble(
            address(b.text, form),
            tuple(Button(address(x.title, form), x.payload) for x in b.buttons),
        )
        for b in reply.bubbles
    )
    return Reply(bubbles, reply.decision, reply.meta)


def with_ai_notice(reply: Reply) -> Reply:
    """The first reply to a person says, at its end, that an automatic assistant (AI) wrote it
    (inside the last bubble, so a channel sends no extra message)."""
    if not reply.bubbles:
        return Reply((Bubble(texts.AI_NOTICE),), reply.decision, reply.meta)
    *rest, last = reply.bubbles
    noticed = Bubble(f"{last.text}\n\n{texts.AI_NOTICE}".strip(), last.buttons)
    return Reply((*rest, noticed), reply.decision, reply.meta)


class Conversation:
    """Channel-independent handling of one incoming message."""

    def __init__(
        self,
        rasa: RasaClient,
        database_url: str,
        max_chars: int = 1000,
        interceptors: list[Callable[[str, str], Awaitable[Reply | None]]] | None = None,
        after_reply: Callable[[], None] | None = None,
        forget_history: Callable[[str], object] | None = None,
    ) -> None:
        self.rasa = rasa
        self.database_url = database_url
        self.max_chars = max_chars
        self.interceptors = interceptors or []
        self.after_reply = after_reply
        self.forget_history = forget_history

    def _log(self, sender_id: str, direction: str, text: str) -> None:
        with session_scope(self.database_url) as session:
            learner = get_or_create_learner(session, sender_id=sender_id)
            log_message(session, learner=learner, direction=direction, text=text)

    def _note_incoming(self, sender_id: str, text: str) -> tuple[bool, str]:
        """Store the message; say whether the assistant has never answered this person, and
        how to address them (from the elderly mode and how they write)."""
        with session_scope(self.database_url) as session:
            learner = get_or_create_learner(session, sender_id=sender_id)
            first_contact = not has_been_answered(session, learner=learner)
            log_message(session, learner=learner, direction="in", text=text)
            profile = get_profile(session, learner=learner)
            own = [
                m.text_masked
                for m in list_messages(session, learner=learner, limit=30)
                if m.direction == "in"
            ]
            return first_contact, choose_form(bool(profile and profile.elderly_mode), own)

    async def handle(self, sender_id: str, text: str | None) -> Reply:
        """Reply to one message (text or a button payload) from `sender_id`."""
        text, was_cut = clean_incoming(text, self.max_chars)
        if not text:
            return text_reply(texts.EMPTY)
        first_contact, form = await asyncio.to_thread(self._note_incoming, sender_id, text)
        reply = await self._intercepted(sender_id, text)
        if reply is None:
            try:
                reply = reply_from_rasa(await self.rasa.send(sender_id, for_assistant(text)))
            except RasaUnavailable as exc:
                log.warning("rasa unavailable for %s: %s", sender_id, exc)
                return text_reply(texts.UNAVAILABLE)
            if not reply.bubbles:  # an action failed: never leave the person without an answer
                log.warning("empty reply from rasa for %s", sender_id)
                reply = text_reply(texts.NO_REPLY)
        if first_contact and reply.decision != DATA_DELETED:  # Luật Trí tuệ nhân tạo, 1/3/2026
            reply = with_ai_notice(reply)
        reply = addressed(reply, form)
        if was_cut:
            notice = Bubble(texts.TOO_LONG.format(limit=self.max_chars))
            reply = Reply((notice, *reply.bubbles), reply.decision)
        if reply.decision == DATA_DELETED and self.forget_history:
            await asyncio.to_thread(self.forget_history, sender_id)  # Rasa has saved its turn
        if reply.bubbles:
            await asyncio.to_thread(self._log, sender_id, "out", reply.text)
        if self.after_reply:
            self.after_reply()
        return reply

    async def _intercepted(self, sender_id: str, text: str) -> Reply | None:
        """The first interceptor that takes the message answers it instead of Rasa."""
        for intercept in self.interceptors:
            reply = await intercept(sender_id, text)
            if reply is not None:
                return reply
        return None
