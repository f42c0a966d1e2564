"""The gateway's daily retention job deletes what RETENTION_DAYS no longer keeps."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from bot.wiring import DAY_SECONDS, build_jobs
from config import Settings
from storage.models import OutboxMessage, ProcessedUpdate, utcnow
from storage.session import session_scope


def test_retention_job_runs_daily_and_prunes_old_rows(database_url, tmp_path):
    long_ago = utcnow() - timedelta(days=8)
    with session_scope(database_url) as session:
        session.add(OutboxMessage(recipient="tg:1", bubbles=[], sent_at=long_ago))
        session.add(OutboxMessage(recipient="tg:2", bubbles=[], sent_at=utcnow()))
        session.add(ProcessedUpdate(channel="tg", update_key="1", created_at=long_ago))
    settings = Settings(VAR_DIR=tmp_path, DATABASE_URL=database_url, RETENTION_DAYS=7)
    [job] = [job for job in build_jobs(settings, {}) if job.name == "retention"]
    assert job.every_seconds == DAY_SECONDS
    assert asyncio.run(job.run()) == {"outbox": 1, "updates": 1, "events": 0}
    with session_scope(database_url) as session:
        assert list(session.scalars(select(OutboxMessage.recipient))) == ["tg:2"]
        assert list(session.scalars(select(ProcessedUpdate.id))) == []


def test_retention_keeps_thirty_days_by_default():
    assert Settings.model_fields["RETENTION_DAYS"].default == 30
