"""The Zalo OA protocol as pure functions: signature, events, splitting, buttons, choices."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from bot.reply import Bubble, Button, Reply
from bot.zalo_render import (
    MAX_BUTTONS,
    MORE_CHOICES,
    TEXT_LIMIT,
    expected_signature,
    is_signed,
    read_event,
    render_bubble,
    render_reply,
    split_text,
    typed_choice,
)
from bot.zalo_window import alert_escalation_id, window_refusal
from tests.fakes.zalo_api import APP_ID, OA_SECRET, event_body, signed_event

NOW = datetime(2026, 12, 20, 10, 0)


def test_zalo_signature_is_a_plain_sha256_of_app_body_timestamp_secret():
    import hashlib

    raw = b'{"timestamp":"1700000000000"}'
    plain = hashlib.sha256(b"app" + raw + b"1700000000000" + b"sec").hexdigest()
    assert expected_signature("app", raw, "1700000000000", "sec") == f"mac={plain}"


def test_zalo_signature_accepts_a_signed_body_and_refuses_anything_else():
    raw, headers = signed_event(event_body("user_send_text", "u1", text="chào"))
    header = headers["X-ZEvent-Signature"]
    assert is_signed(raw, header, app_id=APP_ID, oa_secret=OA_SECRET)
    assert not is_signed(raw, "", app_id=APP_ID, oa_secret=OA_SECRET)
    assert not is_signed(raw, header, app_id=APP_ID, oa_secret="other")
    assert not is_signed(
        raw.replace("chào".encode(), b"chao"), header, app_id=APP_ID, oa_secret=OA_SECRET
    )
    assert not is_signed(b"not json", header, app_id=APP_ID, oa_secret=OA_SECRET)
    _, forged = signed_event(event_body("user_send_text", "u1", text="x"), secret="guess")
    assert not is_signed(raw, forged["X-ZEvent-Signature"], app_id=APP_ID, oa_secret=OA_SECRET)


def test_zalo_read_event_kinds():
    text = read_event(event_body("user_send_text", "u1", text="xin chào"))
    assert (text.kind, text.user_id, text.text) == ("text", "u1", "xin chào")
    assert text.key.startswith("msg-")
    assert read_event(event_body("user_send_sticker", "u1")).kind == "not_text"
    assert read_event(event_body("user_send_location", "u1")).kind == "not_text"
    follow = read_event(event_body("follow", "u2"))
    assert (follow.kind, follow.user_id) == ("follow", "u2")
    assert read_event(event_body("unfollow", "u2")).kind == "unfollow"
    admin = read_event(event_body("oa_send_text", "u3", text="Chào bác", admin_id="ad9"))
    assert (admin.kind, admin.user_id, admin.admin_id) == ("admin", "u3", "ad9")
    assert read_event(event_body("oa_send_text", "u3", text="ours")).kind == "other"


def test_zalo_split_text_keeps_every_piece_under_the_limit_and_loses_nothing():
    text = " ".join(f"câu{i}." for i in range(1200))  # ~8,000 characters
    pieces = split_text(text)
    assert len(pieces) > 1 and all(len(p) <= TEXT_LIMIT for p in pieces)
    assert " ".join(pieces).split() == text.split()
    assert split_text("ngắn") == ["ngắn"]


def test_zalo_buttons_are_hidden_queries_with_a_typed_fallback():
    bubble = Bubble(
        "Bác muốn làm gì tiếp?",
        (
            Button("Xem các bước", "/show_steps"),
            Button("Học bài này", '/start_lesson{"lesson_id":"vneid-01"}'),
            Button("Hỏi người hỗ trợ", "/request_human"),
            Button("Trang chính thức", "https://dichvucong.gov.vn"),
        ),
    )
    messages, choices = render_bubble(bubble)
    assert len(messages) == 1
    buttons = messages[0]["attachment"]["payload"]["buttons"]
    assert [b["type"] for b in buttons] == ["oa.query.hide"] * 3 + ["oa.open.url"]
    assert buttons[1]["payload"] == '/start_lesson{"lesson_id":"vneid-01"}'
    assert buttons[3]["payload"] == {"url": "https://dichvucong.gov.vn"}
    assert "gõ 1, 2 hoặc 3" in messages[0]["text"].lower()
    assert "2. Học bài này" in messages[0]["text"]
    assert choices == ["/show_steps", '/start_lesson{"lesson_id":"vneid-01"}', "/request_human"]
    assert typed_choice("2", choices) == choices[1]
    assert typed_choice(" số 3 ", choices) == "/request_human"
    assert typed_choice("4", choices) is None and typed_choice("hai", choices) is None
    assert typed_choice("1", None) is None


def test_zalo_more_buttons_than_a_message_holds_follow_in_another_message():
    titles = [f"Chủ đề {n}" for n in range(1, 8)]
    bubble = Bubble(
        "Bác muốn học chủ đề nào ạ?", tuple(Button(t, f"/d{n}") for n, t in enumerate(titles))
    )
    messages, choices = render_bubble(bubble)
    groups = [[b["title"] for b in m["attachment"]["payload"]["buttons"]] for m in messages]
    assert groups == [titles[:MAX_BUTTONS], titles[MAX_BUTTONS:]]
    assert messages[1]["text"] == MORE_CHOICES and "7. Chủ đề 7" in messages[0]["text"]
    assert typed_choice("7", choices) == "/d6"


def test_zalo_long_reply_splits_and_buttons_ride_on_the_last_piece():
    reply = Reply((Bubble("a " * 1500, (Button("Có", "/affirm"), Button("Không", "/deny"))),))
    messages, choices = render_reply(reply)
    assert len(messages) == 2 and all(len(m["text"]) <= TEXT_LIMIT for m in messages)
    assert "attachment" not in messages[0] and "attachment" in messages[1]
    assert "Gõ 1 hoặc 2" in messages[1]["text"] and choices == ["/affirm", "/deny"]
    json.dumps(messages)  # what is posted to the API


def test_zalo_window_rules():
    reminder = [
        {"text": "🔔", "buttons": [{"title": "Tắt", "payload": '/set_reminder{"choice":"off"}'}]}
    ]
    relay = [{"text": "Chị Lan: chào bác", "buttons": []}]
    assert window_refusal(NOW - timedelta(hours=2), reminder, NOW) == ""
    assert window_refusal(NOW - timedelta(hours=50), reminder, NOW) == "zalo_window_paid"
    assert window_refusal(NOW - timedelta(hours=50), relay, NOW) == ""
    assert window_refusal(NOW - timedelta(days=8), relay, NOW) == "zalo_window_closed"
    assert window_refusal(None, relay, NOW) == "zalo_window_closed"
    paid = {"paid": True}  # ZALO_PAID_WINDOW: reminders up to 7 days, never after
    assert window_refusal(NOW - timedelta(hours=50), reminder, NOW, **paid) == ""
    assert window_refusal(NOW - timedelta(days=8), reminder, NOW, **paid) == "zalo_window_closed"
    alert = [
        {"text": "Cần hỗ trợ", "buttons": [{"title": "Nhận", "payload": '/esc_claim{"e":12}'}]}
    ]
    assert alert_escalation_id(alert) == 12 and alert_escalation_id(relay) is None
