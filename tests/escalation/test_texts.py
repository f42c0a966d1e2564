"""The wording: alerts mask personal numbers, waits read naturally, learners get a way out."""

from __future__ import annotations

from escalation import learner_texts as lt
from escalation import mentor_texts as mt
from escalation.summary import learner_label, recent_lines
from escalation.texts import describe_wait


def test_alert_masks_numbers_and_offers_claim_and_skip():
    recent = recent_lines(
        [
            ("in", "tôi lỡ đọc mã OTP 482913 cho người gọi"),
            ("out", "🚨 Bác/anh/chị làm ngay các việc sau"),
            ("in", "/request_human"),
            ("in", "số thẻ 4111 1111 1111 1111, cccd 001203004567, mật khẩu là Abc@123"),
        ]
    )
    [alert] = mt.alert_bubbles(
        escalation_id=12,
        urgent=True,
        reason="urgent:credentials_given",
        topic="",
        who=learner_label("Hoa", "web", "Thôn Đông", own=True),
        recent=recent + "\nsđt 0912345678",
        wait_seconds=600,
    )
    text = alert["text"]
    for secret in ("482913", "4111 1111 1111 1111", "001203004567", "Abc@123", "0912345678"):
        assert secret not in text
    assert "KHẨN" in text and "#12" in text and "10 phút" in text and "/request_human" not in text
    assert "lộ mã OTP" in text and "người anh/chị kèm cặp" in text
    titles = [b["title"] for b in alert["buttons"]]
    payloads = [b["payload"] for b in alert["buttons"]]
    assert titles == ["Nhận hỗ trợ", "Bỏ qua"]
    assert payloads == ['/esc_claim{"e":12}', '/esc_skip{"e":12}']


def test_waits_read_naturally():
    assert [describe_wait(s) for s in (4, 600, 7200, 5400)] == [
        "4 giây",
        "10 phút",
        "2 giờ",
        "90 phút",
    ]


def test_learner_bubbles_offer_a_way_out_and_a_rating():
    [opened] = lt.opened_for_learner(7, alerted=True, urgent=False, wait=7200)
    assert opened["buttons"][0]["payload"] == '/esc_end{"e":7}'
    ended = lt.ended_for_learner(7, "Lan", by_learner=False)
    assert "Lan" in ended[0]["text"]
    assert [b["payload"] for b in ended[1]["buttons"]][-1] == '/esc_rate{"e":7,"r":5}'
    [expired] = lt.expired_for_learner(urgent=True)
    assert "113" in expired["text"] and "Xin lỗi" in expired["text"]
