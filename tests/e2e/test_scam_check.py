"""The scam check through the real stack (issue 15): a pasted SMS on the web channel and a
forwarded one on Telegram get the verdict, and a suspicious address only ever comes back
defanged, never as a tappable link."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SMS = (
    "Vietcombank: Tai khoan cua Quy khach se bi tam khoa do chua cap nhat sinh trac hoc. "
    "Truy cap https://vietcombank-xacthuc.com/capnhat de cap nhat trong 24h."
)
RAW_HOST = "vietcombank-xacthuc.com"


def joined(bubbles: list[dict]) -> str:
    return "\n".join(b["text"] for b in bubbles)


def test_web_pasted_sms_with_a_look_alike_link_gets_the_verdict_defanged(stack):
    bubbles = stack.chat("web:scam-a", SMS)
    text = joined(bubbles)
    assert bubbles[-1]["decision"] == "answer"
    assert "có dấu hiệu lừa đảo rõ" in text
    assert "vietcombank-xacthuc[.]com" in text and RAW_HOST not in text
    assert "156" in text and "thongbaorac.ais.gov.vn" in text and "tinnhiemmang.vn" in text
    payloads = [b["payload"] for bubble in bubbles for b in bubble["buttons"]]
    assert "/request_human" in payloads


def test_web_asking_first_then_pasting_gets_the_verdict(stack):
    asked = joined(stack.chat("web:scam-b", "tin này có phải lừa đảo không"))
    assert "dán" in asked
    pasted = "Chuc mung ban da trung thuong xe SH. Nop phi 2 trieu de nhan giai, goi ngay hom nay"
    text = joined(stack.chat("web:scam-b", pasted))
    assert "có dấu hiệu lừa đảo rõ" in text and "phí" in text


def test_web_pasted_otp_is_not_echoed(stack):
    text = joined(stack.chat("web:scam-c", "Ma OTP 482913, doc cho nhan vien de nhan qua " + SMS))
    assert "482913" not in text and RAW_HOST not in text
    assert "có dấu hiệu lừa đảo rõ" in text


def test_telegram_forwarded_sms_gets_the_verdict(stack):
    tg = stack.telegram
    user = 778001
    origin = {"type": "hidden_user", "sender_user_name": "Vietcombank", "date": 1767225600}
    tg.push_update({"message": tg.message(user, text=SMS, forward_origin=origin)})
    replies = tg.wait_for_messages(user, 2)
    text = "\n".join(m["text"] for m in replies)
    assert "có dấu hiệu lừa đảo rõ" in text and RAW_HOST not in text
