"""When a message gets the scam check, and the reply it gets (actions.scam_check, pure parts)."""

from __future__ import annotations

import re

import pytest

from actions.conversation import Context, read_context, remember
from actions.scam_check import check_message, compose_ask_to_paste, compose_check, reply_kind

LOOKALIKE_SMS = (
    "Vietcombank: Tai khoan cua Quy khach bi tam khoa. Xac thuc tai "
    "https://vietcombank-xacthuc.com/login trong 24h."
)
TITLES = {"at-link-web-gia": "Nhận biết link giả", "at-bao-cao-lua-dao": "Báo cáo lừa đảo"}


@pytest.mark.parametrize(
    ("kind", "text", "context", "expected"),
    [
        ("answer", LOOKALIKE_SMS, Context(), "caution"),  # a link beside a sign
        ("secret", LOOKALIKE_SMS, Context(), "caution"),
        ("caution", "bất kỳ tin nào", Context(), "caution"),  # the situation head saw a paste
        ("answer", "tin này có phải lừa đảo không", Context(), "scam_ask"),
        ("answer", "tin nay co lua k", Context(), "scam_ask"),
        ("answer", "Tin này có phải lừa đảo không: " + LOOKALIKE_SMS, Context(), "caution"),
        (
            "answer",
            "Chuc mung ban trung thuong 1 xe SH, lien he tong dai de nhan qua ngay hom nay",
            Context(check_next=True),
            "caution",
        ),  # what they were asked to paste
        ("answer", "thôi không cần", Context(check_next=True), "answer"),
        ("answer", "làm sao nhận biết tin nhắn lừa đảo", Context(), "answer"),  # a question
        ("answer", "lam sao biet cuoc goi do la lua dao hay that", Context(), "answer"),
        (
            "answer",
            "co nguoi goi bao cap nhat dinh danh muc 2 qua link, cai nay co that ko",
            Context(),
            "answer",
        ),  # a story in their own words, nothing pasted
        ("unsure", "có tin nhắn gửi mã OTP về máy tôi mà tôi không làm gì", Context(), "unsure"),
        (
            "unsure",
            "Cong an TP: ban lien quan den duong day ma tuy, neu khong hop tac se bi bat giam.",
            Context(),
            "caution",
        ),  # clearly a scam where we would be unsure
        (
            "unsure",
            "shipper gọi bảo đóng phí xuất kho mới giao hàng là sao vậy",
            Context(),
            "unsure",
        ),  # a question about a scam, not the scam itself
        ("answer", "VNeID tải ở đâu, link dichvucong.gov.vn có đúng không", Context(), "answer"),
        ("urgent", "tôi bấm vào vietcombank-xacthuc.com rồi nhập mật khẩu", Context(), "urgent"),
        ("handoff", "tin này có lừa không, cho tôi gặp người thật", Context(), "handoff"),
    ],
)
def test_reply_kind(kind: str, text: str, context: Context, expected: str):
    assert reply_kind(kind, text, context) == expected


def test_the_check_reply_gives_verdict_reasons_steps_report_and_lookup():
    bubbles = compose_check(check_message(LOOKALIKE_SMS), TITLES)
    first, advice = bubbles[0]["text"], bubbles[1]["text"]
    assert first.startswith("⚠️ Tin này có dấu hiệu lừa đảo rõ:")
    assert "vietcombank-xacthuc[.]com" in first
    assert "Không bấm link" in advice and "không gọi lại số" in advice
    assert "156" in advice and "5656" in advice and "thongbaorac.ais.gov.vn" in advice
    assert "nTrust" in advice and "tinnhiemmang.vn" in advice
    payloads = [b["payload"] for b in bubbles[1]["buttons"]]
    assert payloads[-1] == "/request_human" and len(payloads) == 3


def test_the_reply_never_holds_a_suspicious_address_as_written():
    reply = " ".join(b["text"] for b in compose_check(check_message(LOOKALIKE_SMS), TITLES))
    assert "vietcombank-xacthuc.com" not in reply and "https://" not in reply
    hosts = re.findall(r"\b[\w-]+(?:\.[\w-]+)+\b", reply)
    assert set(hosts) <= {"thongbaorac.ais.gov.vn", "tinnhiemmang.vn"}


def test_a_message_with_nothing_wrong_is_never_called_safe():
    verdict = check_message("Mời bà con họp thôn lúc 19h tối nay tại nhà văn hóa.")
    text = compose_check(verdict, {})[0]["text"]
    assert verdict.level == "none" and "an toàn" not in text and "chưa thấy dấu hiệu" in text


def test_an_otp_in_the_pasted_text_is_not_echoed():
    pasted = "Ma OTP cua ban la 482913, doc cho nhan vien de nhan qua tai vcb-uudai.xyz"
    reply = " ".join(b["text"] for b in compose_check(check_message(pasted), TITLES))
    assert "482913" not in reply


def test_asking_to_paste_remembers_that_the_next_message_is_the_one():
    assert "dán" in compose_ask_to_paste()[0]["text"]
    slots = {
        e["name"]: e["value"] for e in remember(Context(), "tin này có lừa không", check_next=True)
    }
    assert read_context(slots).check_next is True
    after = {e["name"]: e["value"] for e in remember(read_context(slots), "…")}
    assert read_context(after).check_next is False
