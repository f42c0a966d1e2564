"""Parity: the conversation that works on the web and Telegram works on Zalo too, through the
real stack and the fake OA API — a cited answer, consent, a lesson and its quiz (a pressed
button and a typed digit), and a hand-off where the mentor is on another channel."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from storage.learners import get_learner, get_or_create_learner
from storage.mentors import add_mentor, link_learner
from storage.models import QuizAttempt
from storage.session import session_scope
from storage.zalo_models import ZaloContact
from tests.e2e.test_escalation import (
    add_mentor as add_telegram_mentor,
)
from tests.e2e.test_escalation import (
    buttons as telegram_buttons,
)
from tests.e2e.test_escalation import (
    escalation_id_in,
    inbox_to,
    mentors_cli,
    poll,
    press_on_telegram,
    telegram_to,
)
from tests.e2e.test_zalo import buttons, say

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
LESSON = "at-khong-lo-otp"  # 5 steps; answers: c, a, b
ASK = "cho toi gap nguoi that"


def zalo_to(stack, user: str, needle: str, *, after: int = 0, timeout: float = 60) -> dict:
    """The first OA message to `user` (from index `after`) whose text or buttons hold needle."""

    def find() -> dict | None:
        sent = stack.zalo.messages_to(user)[after:]
        found = (m for m in sent if needle in m["text"] or any(needle in p for p in payloads(m)))
        return next(found, None)

    return poll(find, f"{needle!r} to zalo {user}", timeout)


def payloads(message: dict) -> list[str]:
    """Every button payload of an OA message (a URL for oa.open.url buttons)."""
    found = []
    for b in (message.get("attachment") or {}).get("payload", {}).get("buttons", []):
        payload = b["payload"]
        found.append(payload["url"] if isinstance(payload, dict) else payload)
    return found


def turn(stack, user: str, text: str, needle: str) -> list[dict]:
    """`user` writes (or presses a button whose payload is `text`); the new OA messages once one
    holds needle and no more come."""
    count = len(stack.zalo.messages_to(user))
    assert say(stack, user, text) == 200
    zalo_to(stack, user, needle, after=count)
    sent: list[dict] = []
    while len(sent) != len(stack.zalo.messages_to(user)[count:]):  # the whole reply is in
        sent = stack.zalo.messages_to(user)[count:]
        time.sleep(0.3)
    return sent


def press(stack, user: str, messages: list[dict], starts: str, needle: str) -> list[dict]:
    """Press the oa.query.hide button whose payload starts with `starts` (Zalo sends it back)."""
    payload = next(p for m in messages for p in payloads(m) if p.startswith(starts))
    return turn(stack, user, payload, needle)


def joined(messages: list[dict]) -> str:
    return "\n".join(m["text"] for m in messages)


def test_zalo_question_gets_a_cited_answer_with_buttons(stack):
    answer = joined(turn(stack, "zp-ask", "làm sao chuyển khoản bằng mã QR", "Nguồn"))
    with_buttons = poll(lambda: [m for m in stack.zalo.messages_to("zp-ask") if buttons(m)], "")
    sent = stack.zalo.messages_to("zp-ask")
    assert with_buttons and all(len(m["text"]) <= 2000 for m in sent)
    kinds = {
        b["type"]
        for m in sent
        for b in (m.get("attachment") or {}).get("payload", {}).get("buttons", [])
    }
    assert kinds <= {"oa.query.hide", "oa.open.url"} and "Nguồn" in answer


def test_zalo_learner_consents_and_answers_a_quiz_by_button_and_by_digit(stack):
    me = "zp-learner"
    consent = turn(stack, me, "học", "đồng ý không")
    group = press(stack, me, consent, '/learning_consent{"choice":"yes"}', "nhóm nào")
    area = press(stack, me, group, '/set_group{"choice":"nguoi_dan"}', "thôn hay tổ dân phố")
    assert "Gõ 1" in joined(group) and area
    menu = turn(stack, me, "Thôn Zalo", "/start_lesson")
    domain = press(stack, me, menu, '/start_lesson{"domain_key":"an_toan"}', LESSON)
    step = press(stack, me, domain, f'/start_lesson{{"lesson_id":"{LESSON}"', "Bước 1/5")
    for number in range(2, 6):
        step = press(stack, me, step, "/lesson_step", f"Bước {number}/5")
    question = press(stack, me, step, "/start_quiz", "Câu 1/3")
    second = press(stack, me, question, '/quiz_answer{"quiz_at"', "Câu 2/3")  # pressed: A
    assert "Gõ 1" in joined(second) and all(len(payloads(m)) <= 5 for m in second)
    options = [p for m in second for p in payloads(m) if p.startswith("/quiz_answer")]
    digit = str(next(n for n, p in enumerate(options, 1) if p.endswith('"a"}')))
    turn(stack, me, digit, "Câu 3/3")  # typed: the number Zalo shows beside option A
    with session_scope(stack.settings.database_url) as session:
        learner = get_learner(session, sender_id=f"zalo:{me}")
        assert (learner.consent, learner.target_group, learner.area) == (
            True,
            "nguoi_dan",
            "Thôn Zalo",
        )
        rows = session.scalars(
            select(QuizAttempt).where(QuizAttempt.learner_id == learner.id).order_by(QuizAttempt.id)
        )
        assert [(a.position, a.choice, a.is_correct) for a in rows] == [
            (0, "a", False),
            (1, "a", True),
        ]

    turn(stack, me, "b", "đúng 2/3 câu")  # a typed letter still works too
    confirm = turn(stack, me, "xóa dữ liệu của tôi", "chắc chắn")
    press(stack, me, confirm, '/confirm_delete{"choice":"yes"', "Đã xóa dữ liệu")
    with session_scope(stack.settings.database_url) as session:
        assert session.get(ZaloContact, me) is None  # its window and choices went too


def test_zalo_learner_and_telegram_mentor_hand_off(stack):
    me = "zp-helped"
    add_telegram_mentor(stack, "Trần Thị Thu", 880051, "--area", "Thôn Zalo Hai")
    mentors_cli(stack, "assign", "--mentor", "tg:880051", "--learner", f"zalo:{me}")
    asked = turn(stack, me, ASK, "Đại sứ số")
    alert = telegram_to(stack, 880051, "Yêu cầu hỗ trợ #")
    escalation_id = escalation_id_in(alert["text"])
    assert "Zalo" in alert["text"], asked["text"]
    count = len(stack.zalo.messages_to(me))
    press_on_telegram(stack, 880051, telegram_buttons(alert)["Nhận hỗ trợ"], "✅ Đã giải quyết")
    claimed = zalo_to(stack, me, "đã nhận hỗ trợ", after=count)
    assert "Đại sứ số Thu" in claimed["text"] and any("/esc_" in p for p in payloads(claimed))

    stack.telegram.push_text(880051, "Bác mở ứng dụng VNeID rồi bấm Quên mật khẩu nhé")
    relayed = zalo_to(stack, me, "Quên mật khẩu", after=count)
    assert relayed["text"].startswith("Đại sứ số Thu: ")
    count = len(stack.zalo.messages_to(me))
    assert say(stack, me, "cảm ơn cô, tôi làm được rồi") == 200
    back = telegram_to(stack, 880051, "tôi làm được rồi")
    assert back["text"].startswith(f"Người dân (#{escalation_id}): ")
    assert len(stack.zalo.messages_to(me)) == count  # the assistant stays quiet meanwhile


def test_zalo_mentor_serves_a_web_learner(stack):
    mentor = "zp-mentor"
    assert say(stack, mentor, "xin chào") == 200  # the mentor wrote: Zalo's window is open
    stack.zalo.wait_for(mentor, 1)
    learner = "web:zp-web-learner"
    with session_scope(stack.settings.database_url) as session:
        added = add_mentor(
            session, name="Lò Văn Dũng", channel="zalo", user_id=mentor, area="Thôn Zalo Ba"
        )
        web = get_or_create_learner(session, sender_id=stack.sender_id(learner))
        link_learner(session, learner=web, mentor=added)
    stack.chat(learner, ASK)
    alert = zalo_to(stack, mentor, "Yêu cầu hỗ trợ #")
    escalation_id = escalation_id_in(alert["text"])
    tools = press(stack, mentor, [alert], "/esc_claim", "/esc_")
    assert "Gõ 1" in joined(tools)
    claimed = inbox_to(stack, learner, "đã nhận hỗ trợ")
    assert "Đại sứ số Dũng" in claimed["text"]
    count = len(stack.zalo.messages_to(mentor))
    assert say(stack, mentor, "Chào bác, bác cần giúp gì ạ?") == 200
    assert inbox_to(stack, learner, "cần giúp gì")["text"].startswith("Đại sứ số Dũng: ")
    assert stack.chat(learner, "tôi quên mật khẩu vneid") == []
    to_mentor = zalo_to(stack, mentor, "quên mật khẩu", after=count)
    assert to_mentor["text"].startswith(f"Người dân (#{escalation_id}): ")
