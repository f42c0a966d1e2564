"""Learners complete a lesson and its quiz through the real stack (web and Telegram).

Run the latency measure alone with:
    .venv/bin/python -m pytest tests/e2e/test_learning.py -q -s -k latency
"""

from __future__ import annotations

import sqlite3
import statistics
import time

import pytest
from sqlalchemy import select

from storage.learners import get_learner
from storage.lesson_progress import lesson_results
from storage.models import MessageLog, QuizAttempt, QuizRun
from storage.session import session_scope

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
LESSON = "at-khong-lo-otp"  # 5 steps; answers: c, a, b
BOT = {"id": 4242, "is_bot": True, "first_name": "Trợ lý số"}


def joined(bubbles: list[dict]) -> str:
    return "\n".join(b["text"] for b in bubbles)


def button(bubbles: list[dict], starts: str) -> str:
    """The payload of the first button whose payload starts with `starts`."""
    payloads = [b["payload"] for bubble in bubbles for b in bubble.get("buttons") or []]
    return next(p for p in payloads if p.startswith(starts))


def answer_button(bubbles: list[dict], letter: str) -> str:
    return button(bubbles, "/quiz_answer")[: -len('a"}')] + f'{letter}"}}'


def attempts_of(stack, sender: str) -> list[tuple[int, str, bool, str]]:
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=sender)
        rows = session.scalars(
            select(QuizAttempt).where(QuizAttempt.learner_id == learner.id).order_by(QuizAttempt.id)
        )
        return [(a.position, a.choice, a.is_correct, a.via) for a in rows]


def test_web_learner_consents_learns_and_passes_a_quiz_across_a_restart(stack):
    me = "web:e2e-learner"
    me_id = stack.sender_id(me)  # the id the gateway issued, as Rasa and the database know it
    consent = stack.chat(me, "học")
    assert "Bạn có đồng ý không" in joined(consent)  # addressed one way: neutral "bạn"
    group = stack.chat(me, button(consent, '/learning_consent{"choice":"yes"}'))
    area = stack.chat(me, button(group, '/set_group{"choice":"nguoi_dan"}'))
    assert "thôn hay tổ dân phố" in joined(area)
    menu = stack.chat(me, "Thôn Đông")
    domain = stack.chat(me, button(menu, '/start_lesson{"domain_key":"an_toan"}'))
    step = stack.chat(me, button(domain, f'/start_lesson{{"lesson_id":"{LESSON}"'))
    assert "Bước 1/5 ▰▱▱▱▱" in joined(step)
    for number in range(2, 6):
        step = stack.chat(me, button(step, "/lesson_step"))
        assert f"Bước {number}/5" in joined(step)
    question = stack.chat(me, button(step, "/start_quiz"))
    assert "Câu 1/3 ▰▱▱" in joined(question)
    first_button = answer_button(question, "c")
    second = stack.chat(me, first_button)  # pressed
    assert "Đúng rồi" in joined(second) and "Câu 2/3" in joined(second)

    stack.restart("actions")  # the quiz lives in our database: nothing is lost

    third = stack.chat(me, "a")  # typed letter
    assert "Đúng rồi" in joined(third) and "Câu 3/3" in joined(third)
    stale = stack.chat(me, first_button)  # an old button from question 1
    assert "Câu này đã qua rồi" in joined(stale) and "Câu 3/3" in joined(stale)
    result = stack.chat(me, "doi mat khau va goi ngan hang khoa tai khoan")  # no diacritics
    assert "đúng 3/3 câu" in joined(result) and "đã đạt" in joined(result)
    assert "Bài nên học tiếp" in joined(result)

    assert attempts_of(stack, me_id) == [
        (0, "c", True, "button"),
        (1, "a", True, "typed"),
        (2, "b", True, "typed"),
    ]
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=me_id)
        assert (learner.consent, learner.target_group, learner.area) == (
            True,
            "nguoi_dan",
            "Thôn Đông",
        )
        result_row = lesson_results(session, learner=learner)[LESSON]
    assert result_row.is_passed and result_row.best_score == 1.0 and result_row.open_reviews == 0
    progress = joined(stack.chat(me, "tiến độ của tôi"))
    assert "Đã đạt 1/" in progress and "An toàn trên mạng: 1/" in progress

    warned = stack.chat(me, "mã otp của tôi là 482913 có cần gửi cho ai không")
    assert "tuyệt đối không gửi mã OTP" in joined(warned)
    assert "482913" not in rasa_history(stack, me_id)  # Rasa only ever saw "***"
    assert "482913" not in logged_text(stack, me_id)

    confirm = stack.chat(me, "xóa dữ liệu của tôi")
    assert "chắc chắn" in joined(confirm)
    deleted = stack.chat(me, button(confirm, '/confirm_delete{"choice":"yes"'))
    assert "Đã xóa dữ liệu" in joined(deleted) and "3 câu trả lời" in joined(deleted)
    assert attempts_of(stack, me_id) == []
    assert rasa_history(stack, me_id) == ""  # Rasa's tracker forgot the conversation too
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=me_id)
        assert (learner.consent, learner.area, learner.anonymised_at is not None) == (
            None,
            None,
            True,
        )
        assert lesson_results(session, learner=learner) == {}


def test_web_question_during_a_quiz_is_answered_then_the_quiz_goes_on(stack):
    me = "web:e2e-curious"
    me_id = stack.sender_id(me)
    stack.chat(me, '/learning_consent{"choice":"no"}')  # learns without keeping results
    question = stack.chat(me, f'/start_quiz{{"lesson_id":"{LESSON}"}}')
    assert "Câu 1/3" in joined(question)
    reply = stack.chat(me, "làm sao chuyển khoản bằng mã QR")
    assert "Nguồn chính thức" in joined(reply) and "Câu 1/3" in joined(reply)
    paused = stack.chat(me, "dừng")
    assert "tạm dừng" in joined(paused)
    resumed = stack.chat(me, button(paused, "/continue_learning"))
    assert "Câu 1/3" in joined(resumed)
    for answer in ("C", "cau a", "b"):
        done = stack.chat(me, answer)
    assert "đúng 3/3 câu" in joined(done) and "không được lưu" in joined(done)
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=me_id)
        assert lesson_results(session, learner=learner) == {}
        assert session.scalars(select(QuizRun).where(QuizRun.learner_id == learner.id)).all() == []


def rasa_history(stack, sender: str) -> str:
    with sqlite3.connect(stack.settings.rasa_tracker_db) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ?", (sender,))
        return "\n".join(data for (data,) in rows)


def logged_text(stack, sender: str) -> str:
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=sender)
        rows = session.scalars(
            select(MessageLog.text_masked).where(MessageLog.learner_id == learner.id)
        )
        return "\n".join(rows)


def settle(tg, user: int, before: int, timeout: float = 60.0) -> list[dict]:
    """New messages to `user` once the bot has stopped sending for a moment."""
    tg.wait_for_messages(user, before + 1, timeout)
    count = len(tg.sent_messages(user))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.8)
        now = len(tg.sent_messages(user))
        if now == count:
            break
        count = now
    return tg.sent_messages(user)[before:]


def keyboard_data(messages: list[dict], starts: str) -> str:
    data = [
        b["callback_data"]
        for m in messages
        if m.get("reply_markup")
        for row in m["reply_markup"]["inline_keyboard"]
        for b in row
    ]
    return next(d for d in data if d.startswith(starts))


def test_telegram_learner_mixes_buttons_and_typing_and_double_taps_count_once(stack):
    tg, user = stack.telegram, 777101

    def press(data: str) -> list[dict]:
        before = len(tg.sent_messages(user))
        tg.push_button(user, data)
        return settle(tg, user, before)

    def send(text: str) -> list[dict]:
        before = len(tg.sent_messages(user))
        tg.push_text(user, text)
        return settle(tg, user, before)

    consent = send("Học")
    group = press(keyboard_data(consent, '/learning_consent{"choice":"yes"}'))
    area = press(keyboard_data(group, '/set_group{"choice":"skip"}'))
    menu = press(keyboard_data(area, '/set_area{"choice":"skip"}'))
    lessons = press(keyboard_data(menu, '/start_lesson{"domain_key":"ai"}'))
    step = press(keyboard_data(lessons, '/start_lesson{"lesson_id":"ai-la-gi"}'))
    while not any("/start_quiz" in str(m.get("reply_markup")) for m in step):
        step = press(keyboard_data(step, "/lesson_step"))
    question = press(keyboard_data(step, "/start_quiz"))
    assert any("Câu 1/4 ▰▱▱▱" in m["text"] for m in question)
    answer_a = keyboard_data(question, "/quiz_answer")  # A is right
    second = press(answer_a)
    assert any("Đúng rồi" in m["text"] for m in second)
    stale = press(answer_a)  # a double tap arrives as a second update
    assert any("Câu này đã qua rồi" in m["text"] for m in stale)

    stack.restart("actions")

    third = send("Đối chiếu với trang .gov.vn hoặc hỏi cán bộ")  # option text, with diacritics
    assert any("Đúng rồi" in m["text"] for m in third) and any(
        "Câu 3/4" in m["text"] for m in third
    )
    answer = keyboard_data(third, "/quiz_answer")[: -len('a"}')] + 'b"}'  # B is right
    query = {
        "id": "cq-dup",
        "from": tg._user(user),
        "chat_instance": "ci1",
        "data": answer,
        "message": {**tg.message(user, text="…"), "from": BOT},
    }
    headers = {"X-Telegram-Bot-Api-Secret-Token": stack.settings.TELEGRAM_SECRET_TOKEN}
    before = len(tg.sent_messages(user))
    for _ in range(2):  # Telegram delivers the same update twice
        update = {"update_id": 991_001, "callback_query": query}
        assert (
            stack.http.post("/webhooks/telegram", json=update, headers=headers).status_code == 200
        )
    assert any("Câu 4/4" in m["text"] for m in settle(tg, user, before))
    fourth = send("cau a")
    assert any("đúng 4/4 câu" in m["text"] for m in fourth)
    rows = attempts_of(stack, f"tg:{user}")
    assert rows == [
        (0, "a", True, "button"),
        (1, "b", True, "typed"),
        (2, "b", True, "button"),
        (3, "a", True, "typed"),
    ]


def test_latency_from_a_button_press_to_the_next_question(stack):
    """Median time from pressing an answer to receiving the next question (web, real stack)."""
    me = "web:e2e-latency"
    stack.chat(me, '/learning_consent{"choice":"yes"}')
    timings = []
    for lesson in (
        "at-khong-lo-otp",
        "ai-la-gi",
        "dt-cai-ung-dung",
        "at-mat-khau-manh",
        "tt-hoa-don",
        "vneid-kich-hoat",
        "tt-chuyen-khoan-qr",
        "yt-so-suc-khoe",
    ):
        reply = stack.chat(me, f'/start_quiz{{"lesson_id":"{lesson}"}}')
        while "/quiz_answer" in str(reply):
            started = time.perf_counter()
            reply = stack.chat(me, button(reply, "/quiz_answer"))
            if "/quiz_answer" in str(reply):  # a next question came back
                timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(f"\nbutton → next question: median {median * 1000:.0f} ms over {len(timings)} presses")
    assert len(timings) >= 20 and median < 2.0
