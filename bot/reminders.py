"""Daily learning reminders: at the hour a learner picked (never at night), through the outbox.

Only learners who agreed to keep their progress and asked for a reminder get one, at most once
a day. The reminder says whether reviews are due and carries buttons to start at once.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime, timedelta

from bot.scheduler import Job
from config import Settings
from storage.learning_profile import list_due_reminders, mark_reminder_sent
from storage.outbox import enqueue
from storage.review import due_reviews
from storage.session import session_scope

VIETNAM = timedelta(hours=7)  # Việt Nam has no daylight saving time
DAYTIME_HOURS = range(7, 21)  # reminders go out between 7:00 and 20:59 only
CHECK_EVERY_SECONDS = 60.0

REMINDER = "🔔 Đến giờ học rồi ạ! {detail}"
DETAIL_REVIEWS = "Hôm nay có {count} câu cần ôn lại, chỉ mất vài phút."
DETAIL_LESSON = "Mỗi ngày một bài ngắn, chừng 5 phút thôi."
BUTTON_REVIEW = "🔁 Ôn lại ngay"
BUTTON_LEARN = "▶️ Học tiếp"
BUTTON_OFF = "🔕 Tắt nhắc"


def _payload(intent: str, **entities: str) -> str:
    """Same form as the actions' buttons: /intent{"k":"v"} (compact JSON)."""
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}" if entities else f"/{intent}"


def reminder_bubbles(due_count: int) -> list[dict]:
    """The reminder: reviews first when some are due, else a new lesson; a way to stop them."""
    detail = DETAIL_REVIEWS.format(count=due_count) if due_count else DETAIL_LESSON
    buttons = [(BUTTON_LEARN, _payload("continue_learning"))]
    if due_count:
        buttons.insert(0, (BUTTON_REVIEW, _payload("start_review")))
    buttons.append((BUTTON_OFF, _payload("set_reminder", choice="off")))
    return [
        {
            "text": REMINDER.format(detail=detail),
            "buttons": [{"title": t, "payload": p} for t, p in buttons],
        }
    ]


def local_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None) + VIETNAM


def queue_reminders(database_url: str, now: datetime) -> int:
    """Queue today's reminders for the hour of `now` (local time); return how many."""
    if now.hour not in DAYTIME_HOURS:
        return 0
    today: date = now.date()
    with session_scope(database_url) as session:
        due = list_due_reminders(session, hour=now.hour, today=today)
        for learner, profile in due:
            count = len(due_reviews(session, learner=learner, today=today))
            enqueue(session, recipient=learner.sender_id, bubbles=reminder_bubbles(count))
            mark_reminder_sent(session, profile=profile, today=today)
    return len(due)


def reminder_job(settings: Settings) -> Job:
    """Check once a minute; the outbox job delivers what was queued."""
    return Job(
        "learning_reminders",
        CHECK_EVERY_SECONDS,
        lambda: asyncio.to_thread(queue_reminders, settings.database_url, local_now()),
    )
