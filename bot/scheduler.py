"""Periodic jobs in the gateway (outbox delivery, SLA timers, reminders): one small runner."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[], Awaitable[object]]
    wake: asyncio.Event | None = None  # set it to run the job now instead of at the next tick


async def _loop(job: Job) -> None:
    while True:
        try:
            await job.run()
        except Exception:  # noqa: BLE001 — keep the job alive; the next round retries
            log.exception("job %s failed", job.name)
        if job.wake is None:
            await asyncio.sleep(job.every_seconds)
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(job.wake.wait(), timeout=job.every_seconds)
        job.wake.clear()


def start_jobs(jobs: list[Job]) -> list[asyncio.Task]:
    """Start every job as a task; cancel the tasks to stop them."""
    return [asyncio.create_task(_loop(job), name=job.name) for job in jobs]
