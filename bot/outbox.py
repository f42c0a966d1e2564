"""Deliver pushed messages from the durable outbox to Telegram/Zalo, with retries."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.reply import Bubble, Reply
from storage.outbox import list_due, mark_failed, mark_held, mark_sent
from storage.session import session_scope

log = logging.getLogger(__name__)
Sender = Callable[[str, Reply], Awaitable[None]]
OnHeld = Callable[[str, list], Awaitable[None]]  # (recipient, bubbles) of a message kept back


class Undeliverable(Exception):
    """The channel cannot deliver to this person now (e.g. Zalo's reply window is closed):
    the message is kept, marked, and goes out when they next write."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def deliver_due(
    database_url: str, senders: dict[str, Sender], on_held: OnHeld | None = None
) -> int:
    """Try every due message once; return how many were delivered."""

    def load() -> list[tuple[int, str, list]]:
        with session_scope(database_url) as session:
            return [(m.id, m.recipient, m.bubbles) for m in list_due(session)]

    delivered = 0
    for message_id, recipient, bubbles in await asyncio.to_thread(load):
        channel, _, user_id = recipient.partition(":")
        sender = senders.get(channel)
        if sender is None:
            continue  # that channel is not on in this process; keep it for later
        reply = Reply(tuple(Bubble.from_json(b) for b in bubbles))
        error = ""
        try:
            await sender(user_id, reply)
        except Undeliverable as exc:
            log.info("outbox %s to %s held: %s", message_id, recipient, exc.reason)
            await asyncio.to_thread(_hold, database_url, message_id, exc.reason)
            if on_held is not None:
                await on_held(recipient, bubbles)
            continue
        except Exception as exc:  # noqa: BLE001 — any channel failure means "retry later"
            error = f"{type(exc).__name__}: {exc}"
            log.warning("outbox %s to %s failed: %s", message_id, recipient, error)
        await asyncio.to_thread(_record, database_url, message_id, error)
        delivered += not error
    return delivered


def _hold(database_url: str, message_id: int, reason: str) -> None:
    from storage.models import OutboxMessage

    with session_scope(database_url) as session:
        message = session.get(OutboxMessage, message_id)
        if message is not None:
            mark_held(session, message=message, reason=reason)


def _record(database_url: str, message_id: int, error: str) -> None:
    from storage.models import OutboxMessage

    with session_scope(database_url) as session:
        message = session.get(OutboxMessage, message_id)
        if message is None:
            return
        if error:
            mark_failed(session, message=message, error=error)
        else:
            mark_sent(session, message=message)
