"""The learning menu, lesson steps, progress, and short-message mode (real storage)."""

from __future__ import annotations

from actions.learning.menu import ActionMyProgress, ActionStartLesson
from storage.learners import get_learner
from storage.lesson_progress import record_quiz_result
from storage.session import session_scope
from tests.actions.learning.trackers import (
    LESSON,
    agree,
    followups,
    run,
    slots,
    texts,
    tracker,
)


def test_learning_menu_asks_consent_first_but_a_chosen_lesson_opens_at_once(db):
    messages, events = run(ActionStartLesson(), tracker("web:a", "/start_lesson"))
    assert messages == []
    assert followups(events) == ["onboarding_form"] and slots(events)["learning_goal"] == "menu"
    messages, _ = run(
        ActionStartLesson(), tracker("web:a", '/start_lesson{"lesson_id":"at-khong-lo-otp"}')
    )
    assert "Bước 1/5" in texts(messages)
    payloads = [b["payload"] for m in messages for b in m["buttons"]]
    assert '/lesson_step{"lesson_id":"at-khong-lo-otp","step":"2"}' in payloads
    assert all(len(p.encode()) <= 64 for p in payloads)


def test_progress_shows_lessons_domains_and_the_next_lesson(db):
    agree(db, "web:h")
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:h")
        record_quiz_result(session, learner=learner, lesson=LESSON, correct=3, total=3)
    messages, _ = run(ActionMyProgress(), tracker("web:h", "/my_progress"))
    text = texts(messages)
    assert "Đã đạt 1/" in text and "An toàn trên mạng: 1/" in text
    assert "binhdanhocvuso.gov.vn" in text and "Bài nên học tiếp" in text


def test_short_message_mode_splits_steps_and_puts_options_on_big_buttons():
    from actions.learning.compose import QuizSpot, question_bubbles, step_bubbles

    normal = step_bubbles(LESSON, 2, elderly=False)
    short = step_bubbles(LESSON, 2, elderly=True)
    assert len(short) > len(normal) and all(len(b["text"]) <= 260 for b in short)
    assert short[-1]["buttons"] == normal[-1]["buttons"]
    spot = QuizSpot(7, "lesson", 0, 3, LESSON, LESSON.quiz[0], 0)
    titles = [b["title"] for b in question_bubbles(spot, elderly=True)[-1]["buttons"]]
    assert (
        titles[2] == "C. Không ai cả"
        and "Bấm nút" not in question_bubbles(spot, elderly=True)[-1]["text"]
    )
    assert [b["title"] for b in question_bubbles(spot, elderly=False)[-1]["buttons"]][:2] == [
        "A",
        "B",
    ]
