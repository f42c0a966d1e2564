"""Daily reminders queued by the gateway's scheduler (bot/reminders.py) on a real database."""

from __future__ import annotations

from datetime import date, datetime

from bot.reminders import queue_reminders, reminder_bubbles
from lessons.progress import ReviewState
from storage.learners import get_or_create_learner
from storage.learning_profile import record_consent, set_reminder
from storage.outbox import take_inbox
from storage.review import save_review
from storage.session import session_scope

EVENING = datetime(2026, 11, 25, 19, 0)


def test_reminder_goes_at_the_chosen_hour_once_a_day_and_names_due_reviews(database_url):
    with session_scope(database_url) as session:
        learner = get_or_create_learner(session, sender_id="web:ba-tu")
        record_consent(session, learner=learner, agreed=True)
        set_reminder(session, learner=learner, hour=19)
        save_review(
            session,
            learner=learner,
            lesson_id="at-khong-lo-otp",
            question_index=0,
            state=ReviewState(0, date(2026, 11, 25)),
        )
    assert queue_reminders(database_url, EVENING.replace(hour=9)) == 0
    assert queue_reminders(database_url, EVENING) == 1
    assert queue_reminders(database_url, EVENING.replace(minute=30)) == 0  # once a day
    with session_scope(database_url) as session:
        [reminder] = take_inbox(session, recipient="web:ba-tu")
    assert "1 câu cần ôn lại" in reminder["text"]
    payloads = [b["payload"] for b in reminder["buttons"]]
    assert payloads == ["/start_review", "/continue_learning", '/set_reminder{"choice":"off"}']


def test_no_reminder_at_night_whatever_the_setting(database_url):
    assert queue_reminders(database_url, datetime(2026, 11, 25, 22, 0)) == 0
    assert queue_reminders(database_url, datetime(2026, 11, 25, 5, 0)) == 0


def test_reminder_without_reviews_suggests_a_short_lesson():
    [bubble] = reminder_bubbles(0)
    assert "5 phút" in bubble["text"]
    assert [b["payload"] for b in bubble["buttons"]][0] == "/continue_learning"
