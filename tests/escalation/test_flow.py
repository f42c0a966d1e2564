"""The hand-off on a real database: opening alerts the chain, buttons, relay, SLA, records."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.relay import route_message
from escalation.chain import Sla
from escalation.commands import control_payload
from escalation.service import check_one, open_and_alert, run_sla_round
from storage.escalations import get_escalation, list_events, list_offers
from storage.learners import get_or_create_learner, log_message
from storage.mentors import add_mentor, link_learner
from storage.models import EscalationEvent, Mentor, OutboxMessage, utcnow
from storage.outbox import take_inbox
from storage.session import session_scope

SLA = Sla(urgent_seconds=600, normal_seconds=7200)
LEARNER = "web:hoa"


@pytest.fixture
def chain(database_url) -> dict[str, int]:
    """Lan (the learner's own mentor), Bình (same area), the duty officer; Hoa linked to Lan."""
    with session_scope(database_url) as session:
        lan = add_mentor(
            session, name="Nguyễn Thị Lan", channel="telegram", user_id="1", area="Thôn Đông"
        )
        binh = add_mentor(
            session, name="Trần Văn Bình", channel="web", user_id="binh", area="thon dong"
        )
        duty = add_mentor(
            session, name="Cán bộ Minh", channel="telegram", user_id="9", is_duty_officer=True
        )
        learner = get_or_create_learner(session, sender_id=LEARNER)
        learner.display_name = "Bà Hoa"
        link_learner(session, learner=learner, mentor=lan)
        return {"lan": lan.id, "binh": binh.id, "duty": duty.id}


def inbox(url: str, recipient: str) -> list[dict]:
    with session_scope(url) as session:
        return take_inbox(session, recipient=recipient)


def texts_of(bubbles: list[dict]) -> str:
    return "\n".join(b["text"] for b in bubbles)


def press(url: str, sender: str, kind: str, escalation_id: int | None = None, **extra) -> list:
    return route_message(url, SLA, sender, control_payload(kind, escalation_id, **extra))


def ask_for_person(url: str, text: str = "cho tôi gặp người thật", urgent: bool = False) -> int:
    with session_scope(url) as session:
        learner = get_or_create_learner(session, sender_id=LEARNER)
        log_message(session, learner=learner, direction="in", text=text)
        opened = open_and_alert(
            session,
            sender_id=LEARNER,
            reason="urgent:credentials_given" if urgent else "asked",
            urgent=urgent,
            summary=text,
            topic="VNeID",
            sla=SLA,
        )
        return opened.escalation_id


def sla_tick(url: str, escalation_id: int, after_seconds: int) -> str:
    with session_scope(url) as session:
        now = utcnow() + timedelta(seconds=after_seconds)
        return check_one(session, escalation_id, sla=SLA, now=now)


def test_handoff_whole_conversation(database_url, chain):
    url = database_url
    escalation_id = ask_for_person(url, "tôi lỡ đọc mã OTP 482913, cccd 001203004567", urgent=True)
    [alert] = inbox(url, "tg:1")
    assert "482913" not in alert["text"] and "001203004567" not in alert["text"]
    assert "KHẨN" in alert["text"] and "Bà Hoa" in alert["text"] and "10 phút" in alert["text"]
    assert alert["buttons"][0]["payload"] == f'/esc_claim{{"e":{escalation_id}}}'

    claimed = press(url, "tg:1", "claim", escalation_id)
    assert "đã nhận yêu cầu" in texts_of(claimed)
    assert "Việc của tôi" in [b["title"] for b in claimed[-1]["buttons"]][-1]
    assert "Đại sứ số Lan đã nhận" in texts_of(inbox(url, LEARNER))
    assert "đã có người nhận" in texts_of(press(url, "web:binh", "claim", escalation_id))

    assert route_message(url, SLA, LEARNER, "mật khẩu là Abc@123, giúp tôi với") == []
    [relayed] = inbox(url, "tg:1")
    assert (
        relayed["text"].startswith(f"Hoa (#{escalation_id}): ") and "Abc@123" not in relayed["text"]
    )
    assert route_message(url, SLA, "tg:1", "Bác gọi ngay tổng đài 1900545413 để khóa thẻ") == []
    assert (
        texts_of(inbox(url, LEARNER))
        == "Đại sứ số Lan: Bác gọi ngay tổng đài 1900545413 để khóa thẻ"
    )
    assert "Kết thúc" in texts_of(route_message(url, SLA, LEARNER, "/start_lesson"))

    assert "Đã lưu ghi chú" in texts_of(
        route_message(url, SLA, "tg:1", "Ghi chú: đã khóa thẻ, số 0912345678")
    )
    mine = route_message(url, SLA, "tg:1", "Việc của tôi")
    assert f"#{escalation_id} 🚨" in texts_of(mine) and "kèm cặp: 1" in texts_of(mine)

    assert "Đã đóng" in texts_of(press(url, "tg:1", "done", escalation_id))
    ended = inbox(url, LEARNER)
    assert "đã kết thúc hỗ trợ" in texts_of(ended) and len(ended[-1]["buttons"]) == 5
    assert route_message(url, SLA, LEARNER, "cảm ơn") is None  # the assistant answers again
    assert "5/5" in texts_of(press(url, LEARNER, "rate", escalation_id, r=5))
    assert "đã chấm" in texts_of(press(url, LEARNER, "rate", escalation_id, r=1))
    assert "5/5" in texts_of(inbox(url, "tg:1"))

    with session_scope(url) as session:
        escalation = get_escalation(session, escalation_id)
        assert (escalation.status, escalation.rating, escalation.claimed_by_id) == (
            "resolved",
            5,
            chain["lan"],
        )
        events = list_events(session, escalation=escalation)
    kinds = [e.kind for e in events]
    assert kinds[:3] == ["opened", "alerted", "claimed"]
    assert {"message", "note", "resolved", "rated", "claim_refused"} <= set(kinds)
    recorded = "\n".join(e.detail_masked for e in events)
    for secret in ("482913", "001203004567", "Abc@123", "0912345678"):
        assert secret not in recorded


def test_handoff_sla_passes_along_the_chain_then_expires(database_url, chain):
    url = database_url
    escalation_id = ask_for_person(url)
    assert "2 giờ" in texts_of(inbox(url, "tg:1"))
    assert sla_tick(url, escalation_id, 60) == "waiting"
    assert sla_tick(url, escalation_id, 7201) == "alerted"
    assert "đã chuyển cho người khác" in texts_of(inbox(url, "tg:1"))
    assert "Nhận hỗ trợ" in inbox(url, "web:binh")[0]["buttons"][0]["title"]
    assert "chuyển cho người khác" in texts_of(press(url, "tg:1", "claim", escalation_id))
    assert sla_tick(url, escalation_id, 7201 + 3600) == "waiting"  # each step gets a full SLA
    assert sla_tick(url, escalation_id, 2 * 7201) == "alerted"
    assert f"#{escalation_id}" in texts_of(inbox(url, "tg:9"))
    assert "cán bộ trực" in texts_of(inbox(url, LEARNER))
    assert sla_tick(url, escalation_id, 3 * 7201) == "expired"
    told = texts_of(inbox(url, LEARNER))
    assert "Xin lỗi" in told and "chưa có Đại sứ số nào nhận" in told
    assert "đã kết thúc" in texts_of(press(url, "tg:9", "claim", escalation_id))
    with session_scope(url) as session:
        escalation = get_escalation(session, escalation_id)
        offers = [(o.mentor_id, o.outcome) for o in list_offers(session, escalation=escalation)]
    assert offers == [
        (chain["lan"], "timed_out"),
        (chain["binh"], "timed_out"),
        (chain["duty"], "closed"),
    ]


def test_handoff_skip_alerts_the_next_person_at_once(database_url, chain):
    url = database_url
    escalation_id = ask_for_person(url)
    inbox(url, "tg:1")
    assert "bỏ qua" in texts_of(press(url, "tg:1", "skip", escalation_id))
    assert f"#{escalation_id}" in texts_of(inbox(url, "web:binh"))
    assert "bỏ qua" not in texts_of(press(url, "web:binh", "claim", escalation_id))


def test_handoff_learner_can_cancel_while_waiting(database_url, chain):
    url = database_url
    escalation_id = ask_for_person(url)
    assert "hủy yêu cầu" in texts_of(press(url, LEARNER, "end", escalation_id))
    assert "đã hủy" in inbox(url, "tg:1")[-1]["text"]
    assert "đã kết thúc" in texts_of(press(url, "tg:1", "claim", escalation_id))


def test_handoff_with_nobody_registered_waits_then_expires_honestly(database_url):
    escalation_id = ask_for_person(database_url)
    with session_scope(database_url) as session:
        assert get_escalation(session, escalation_id).status == "open"
    assert sla_tick(database_url, escalation_id, 60) == "waiting"
    assert sla_tick(database_url, escalation_id, 7201) == "expired"
    assert "Xin lỗi" in texts_of(inbox(database_url, LEARNER))


def test_handoff_open_escalation_is_alerted_once_a_mentor_exists(database_url):
    escalation_id = ask_for_person(database_url)
    with session_scope(database_url) as session:
        add_mentor(session, name="Cán bộ Minh", channel="web", user_id="duty", is_duty_officer=True)
    assert sla_tick(database_url, escalation_id, 1) == "alerted"
    assert f"#{escalation_id}" in texts_of(inbox(database_url, "web:duty"))


def test_handoff_buttons_refuse_strangers_and_junk(database_url, chain):
    url = database_url
    escalation_id = ask_for_person(url)
    assert "không còn dùng" in texts_of(press(url, "web:stranger", "claim", escalation_id))
    assert "không còn dùng" in texts_of(route_message(url, SLA, "tg:1", '/esc_claim{"e":'))
    assert "không còn dùng" in texts_of(press(url, "web:stranger", "rate", escalation_id, r=5))
    assert "không còn dùng" in texts_of(press(url, "tg:1", "done", escalation_id))
    assert route_message(url, SLA, "tg:1", "xin chào") is None  # nothing claimed: talks to the bot


def test_handoff_invite_code_links_with_consent(database_url, chain):
    with session_scope(database_url) as session:
        code = session.get(Mentor, chain["binh"]).invite_code
    assert "kết nối với Đại sứ số Bình" in texts_of(press(database_url, "tg:55", "link", c=code))
    assert "không đúng" in texts_of(press(database_url, "tg:55", "link", c="ZZZZZ9"))
    assert "chính anh/chị" in texts_of(press(database_url, "web:binh", "link", c=code))


def test_handoff_events_never_hold_raw_numbers(database_url, chain):
    escalation_id = ask_for_person(database_url, "số tài khoản 0123456789012, otp 123456")
    press(database_url, "tg:1", "claim", escalation_id)
    route_message(database_url, SLA, LEARNER, "thẻ 4111 1111 1111 1111")
    with session_scope(database_url) as session:
        details = session.scalars(select(EscalationEvent.detail_masked)).all()
    joined = "\n".join(details)
    assert "4111 1111 1111 1111" not in joined and "123456" not in joined


def test_handoff_relay_masks_both_ways_before_the_outbox(database_url, chain):
    escalation_id = ask_for_person(database_url)
    press(database_url, "tg:1", "claim", escalation_id)
    inbox(database_url, LEARNER)
    route_message(database_url, SLA, LEARNER, "mật khẩu là hoahong, sđt 0912345678")
    route_message(database_url, SLA, "tg:1", "Bác đổi pass abcxyz, gọi cháu 0987654321 nhé")
    with session_scope(database_url) as session:
        stored = "\n".join(
            json.dumps(bubbles, ensure_ascii=False)
            for bubbles in session.scalars(select(OutboxMessage.bubbles))
        )
        stored += "\n".join(session.scalars(select(EscalationEvent.detail_masked)))
    for secret in ("hoahong", "0912345678", "abcxyz", "0987654321"):
        assert secret not in stored
    assert "Đại sứ số Lan: Bác đổi pass ***, gọi cháu ***321 nhé" in stored


def test_handoff_waiting_request_that_turns_urgent_hurries_the_mentor(database_url, chain):
    escalation_id = ask_for_person(database_url)
    inbox(database_url, "tg:1")
    assert ask_for_person(database_url, "tôi lỡ đọc mã OTP rồi", urgent=True) == escalation_id
    [hurry] = inbox(database_url, "tg:1")
    assert "KHẨN" in hurry["text"] and "10 phút" in hurry["text"]
    with session_scope(database_url) as session:
        escalation = get_escalation(session, escalation_id)
        assert escalation.urgent
        assert escalation.alert_due_at <= utcnow() + timedelta(seconds=601)
        assert "marked_urgent" in [e.kind for e in list_events(session, escalation=escalation)]


def test_handoff_nobody_writes_for_a_day_closes_it_and_the_assistant_answers_again(
    database_url, chain
):
    url = database_url
    escalation_id = ask_for_person(url)
    press(url, "tg:1", "claim", escalation_id)
    assert route_message(url, SLA, LEARNER, "bác chờ cháu nhé") == []
    inbox(url, LEARNER), inbox(url, "tg:1")
    quiet = Sla(urgent_seconds=600, normal_seconds=7200, idle_seconds=3600)
    assert run_sla_round(url, quiet) == {}  # the last message was just now

    with session_scope(url) as session:  # an hour and a minute pass with no message either way
        earlier = utcnow() - timedelta(seconds=3660)
        escalation = get_escalation(session, escalation_id)
        escalation.claimed_at = earlier
        for event in list_events(session, escalation=escalation):
            event.created_at = earlier
    assert run_sla_round(url, quiet) == {"idle_closed": 1}
    assert run_sla_round(url, quiet) == {}  # closed once

    told = inbox(url, LEARNER)
    assert "tạm đóng" in texts_of(told) and "1 (chưa tốt)" in texts_of(told)
    assert told[0]["buttons"][0]["payload"] == "/request_human"
    assert f"#{escalation_id} đã tự đóng" in texts_of(inbox(url, "tg:1"))
    assert route_message(url, SLA, LEARNER, "cảm ơn") is None  # the assistant answers again
    assert route_message(url, SLA, "tg:1", "bác ơi") is None  # nothing to relay to any more
    with session_scope(url) as session:
        escalation = get_escalation(session, escalation_id)
        assert escalation.status == "resolved" and escalation.closed_at is not None
        assert list_events(session, escalation=escalation)[-1].kind == "idle_closed"
