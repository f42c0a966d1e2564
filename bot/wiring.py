"""What the gateway plugs in: message interceptors (run before Rasa) and periodic jobs.

An interceptor gets (sender_id, text) and returns a Reply to answer without Rasa (e.g. the live
relay of a hand-off), or None to let the message go on to Rasa.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.outbox import Sender, deliver_due
from bot.relay import make_relay
from bot.reminders import reminder_job
from bot.reply import Reply
from bot.scheduler import Job
from bot.zalo_window import pass_on_unreachable
from config import Settings
from escalation.chain import Sla, sla_check_every
from escalation.service import run_sla_round
from storage.retention import delete_expired
from storage.session import session_scope

log = logging.getLogger(__name__)
DAY_SECONDS = 86400

Interceptor = Callable[[str, str], Awaitable[Reply | None]]


def build_interceptors(settings: Settings) -> list[Interceptor]:
    return [make_relay(settings)]  # hand-off buttons and the live relay come before Rasa


def build_jobs(
    settings: Settings, senders: dict[str, Sender], outbox_wake: asyncio.Event | None = None
) -> list[Job]:
    sla = Sla.from_settings(settings)

    async def on_held(recipient: str, bubbles: list) -> None:
        """An alert a channel cannot deliver now goes to the next person in the chain at once."""
        await asyncio.to_thread(pass_on_unreachable, settings.database_url, sla, recipient, bubbles)

    return [
        Job(
            "outbox",
            settings.OUTBOX_POLL_SECONDS,
            lambda: deliver_due(settings.database_url, senders, on_held),
            wake=outbox_wake,  # set after every reply: an alert it queued goes out at once
        ),
        _escalation_sla_job(settings),
        reminder_job(settings),  # daily learning reminders at the hour each learner picked
        retention_job(settings),
    ]


def _escalation_sla_job(settings: Settings) -> Job:
    """Nobody claimed in time → the next person, then the duty officer, then expiry."""
    sla = Sla.from_settings(settings)
    every = sla_check_every(sla.urgent_seconds, sla.normal_seconds)
    return Job(
        "escalation_sla",
        every,
        lambda: asyncio.to_thread(run_sla_round, settings.database_url, sla),
    )


def retention_job(settings: Settings) -> Job:
    """At start and then daily: forget delivered outbox rows and handled update ids."""
    return Job(
        "retention",
        DAY_SECONDS,
        lambda: asyncio.to_thread(prune_expired, settings.database_url, settings.RETENTION_DAYS),
    )


def prune_expired(database_url: str, days: int) -> dict[str, int]:
    """Delete what is older than `days` (storage.retention); log and return the counts."""
    with session_scope(database_url) as session:
        counts = delete_expired(session, days=days)
    log.info("retention: deleted %s (older than %d days)", counts, days)
    return counts
