"""Whole conversations through the real stack (no part of our own stack is faked)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.learners import get_learner, list_messages
from storage.models import Escalation
from storage.session import session_scope

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def joined(bubbles: list[dict]) -> str:
    return "\n".join(b["text"] for b in bubbles)


def test_web_question_without_diacritics_gets_a_cited_answer(stack):
    bubbles = stack.chat("web:e2e-a", "lam sao kich hoat tai khoan vneid muc 2")
    text = joined(bubbles)
    assert bubbles[-1]["decision"] == "answer"
    assert "Nguồn chính thức: https://" in text or "Nguồn tham khảo: https://" in text
    assert "VNeID" in text and "trợ lý tự động (AI)" in text  # the first reply says it is an AI
    payloads = [b["payload"] for bubble in bubbles for b in bubble["buttons"]]
    assert any(p.startswith("/start_lesson") for p in payloads)
    assert "/request_human" in payloads


def test_web_out_of_scope_is_refused_politely(stack):
    bubbles = stack.chat("web:e2e-b", "xo so mien bac hom nay ve con gi")
    assert bubbles[-1]["decision"] == "refuse"
    assert "ngoài phạm vi" in joined(bubbles).lower() or "xin lỗi" in joined(bubbles).lower()


def test_bad_input_gets_short_vietnamese_replies(stack):
    assert "chưa gõ gì" in joined(stack.chat("web:e2e-c", "   "))
    long_reply = joined(stack.chat("web:e2e-c", "vneid " * 700))
    assert "chỉ đọc" in long_reply
    unknown = stack.chat("web:e2e-c", '/khong_co_nut_nay{"x":1}')
    assert unknown and all(b["text"] for b in unknown)


def test_secret_is_warned_about_and_stored_masked(stack):
    bubbles = stack.chat("web:e2e-d", "mã OTP của tôi là 482913 có sao không")
    text = joined(bubbles)
    assert "tuyệt đối không" in text and "482913" not in text
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=stack.sender_id("web:e2e-d"))
        assert learner is not None and learner.consent is None
        logged = "\n".join(m.text_masked for m in list_messages(session, learner=learner))
    assert "482913" not in logged and "***" in logged


def test_asking_for_a_person_records_an_open_escalation(stack):
    bubbles = stack.chat("web:e2e-e", "cho toi gap nguoi that")
    assert bubbles[-1]["decision"] == "escalate"
    assert "Đại sứ số" in joined(bubbles)
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=stack.sender_id("web:e2e-e"))
        rows = session.scalars(select(Escalation).where(Escalation.learner_id == learner.id)).all()
    assert [(r.status, r.reason) for r in rows] == [("open", "asked")]


def test_urgent_case_gets_safety_steps_first(stack):
    bubbles = stack.chat("web:e2e-f", "tôi lỡ đọc mã OTP cho người gọi tự xưng công an")
    assert bubbles[-1]["decision"] == "escalate"
    assert "ngân hàng" in bubbles[0]["text"] and "khóa" in bubbles[0]["text"]
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=stack.sender_id("web:e2e-f"))
        escalation = session.scalars(
            select(Escalation).where(Escalation.learner_id == learner.id)
        ).one()
    assert escalation.urgent


def test_telegram_message_keyboard_and_button_press(stack):
    tg = stack.telegram
    user = 777001
    tg.push_text(user, "Chào bạn, chuyen khoan bang ma QR the nao")
    first = tg.wait_for_messages(user, 2)
    keyboard = next(m["reply_markup"]["inline_keyboard"] for m in first if m.get("reply_markup"))
    data = [b["callback_data"] for row in keyboard for b in row]
    assert any(d.startswith("/start_lesson") for d in data)
    before = len(tg.sent_messages(user))
    tg.push_button(user, "/request_human")
    after = tg.wait_for_messages(user, before + 1)
    assert any("Đại sứ số" in m["text"] for m in after[before:])
    assert any(m == "answerCallbackQuery" for m, _ in tg.calls)


def test_telegram_sticker_gets_a_kind_text_only_reply(stack):
    tg = stack.telegram
    user = 777002
    tg.push_sticker(user)
    [reply] = tg.wait_for_messages(user, 1)
    assert "chỉ đọc được chữ" in reply["text"]


def test_telegram_webhook_checks_secret_and_ignores_duplicate_delivery(stack):
    tg = stack.telegram
    user = 777003
    update = {"update_id": 990001, "message": tg.message(user, text="cảm ơn")}
    assert stack.http.post("/webhooks/telegram", json=update).status_code == 401
    headers = {"X-Telegram-Bot-Api-Secret-Token": stack.settings.TELEGRAM_SECRET_TOKEN}
    for _ in range(2):  # Telegram retries a delivery it thinks failed
        assert (
            stack.http.post("/webhooks/telegram", json=update, headers=headers).status_code == 200
        )
    tg.wait_for_messages(user, 1)
    later = {"update_id": 990002, "message": tg.message(user, text="tạm biệt")}
    stack.http.post("/webhooks/telegram", json=later, headers=headers)
    tg.wait_for_messages(user, 2)
    assert len(tg.sent_messages(user)) == 2
