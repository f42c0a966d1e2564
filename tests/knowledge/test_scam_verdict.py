"""The verdict on signals (knowledge.scam_verdict) and on a table of real-style messages
(tests/data/scam_messages.jsonl: clear scams, ones that need care, and genuine notices)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.scam_signals import Signal, detect_signals, unreal_hosts
from knowledge.scam_verdict import CAREFUL, CLEAR, LABELS, NONE, judge, judge_level
from lessons.brand_domains import brand_lists
from nlu.normalise import strip_accents

TABLE = Path(__file__).parents[1] / "data" / "scam_messages.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line]


def verdict_of(text: str):  # noqa: ANN201
    lists = brand_lists()
    return judge(detect_signals(text, lists), tuple(unreal_hosts(text, lists)))


def test_the_table_is_big_and_mixed():
    kinds = [row["expect"] for row in ROWS]
    assert len(ROWS) >= 30 and kinds.count("clear") >= 15
    assert sum(k in ("none", "not_clear") for k in kinds) >= 10


@pytest.mark.parametrize("row", ROWS, ids=[row["note"] for row in ROWS])
def test_verdict_on_real_style_messages_with_and_without_diacritics(row: dict):
    for text in (row["text"], strip_accents(row["text"])):
        level = verdict_of(text).level
        if row["expect"] == "not_clear":
            assert level != CLEAR, text
        else:
            assert level == row["expect"], text


def test_labels_never_say_safe():
    assert LABELS == {
        CLEAR: "có dấu hiệu lừa đảo rõ",
        CAREFUL: "cần cẩn thận",
        NONE: "chưa thấy dấu hiệu",
    }
    assert not any("an toàn" in label for label in LABELS.values())


def test_one_strong_sign_is_clear_one_medium_is_careful_two_are_clear():
    assert judge_level([Signal("asks_secret", "code")]) == CLEAR
    assert judge_level([Signal("too_good", "prize")]) == CAREFUL
    assert judge_level([Signal("too_good", "prize"), Signal("short_link", host="bit.ly")]) == CLEAR
    assert judge_level([Signal("pressure", "lock"), Signal("pressure", "threat")]) == CAREFUL
    # "locked unless you act within 24 hours" is the phishing pair
    assert judge_level([Signal("pressure", "lock"), Signal("pressure", "deadline")]) == CLEAR


def test_police_or_court_with_any_other_sign_is_clear():
    court = Signal("impersonation", "court")
    assert judge_level([court, Signal("attachment", "file")]) == CLEAR
    assert judge_level([Signal("impersonation", "bank"), Signal("attachment", "file")]) == CAREFUL


def test_a_claimed_sender_counts_only_with_what_fits_it():
    police = Signal("impersonation", "police")
    assert judge_level([police]) == NONE
    assert judge_level([police, Signal("pressure", "threat")]) == CLEAR
    assert judge_level([Signal("impersonation", "bank"), Signal("pressure", "lock")]) == CAREFUL
    bank_lock = [Signal("impersonation", "bank"), Signal("pressure", "lock")]
    assert judge_level(bank_lock, ("xac-thuc.com",)) == CLEAR
    assert judge_level([Signal("impersonation", "bank")], ("xac-thuc.com",)) == CAREFUL


def test_reasons_are_sentences_with_defanged_hosts_strongest_first():
    verdict = verdict_of("Vietcombank: tài khoản bị khóa, xác thực tại vietcombank-hotro.com")
    assert verdict.level == CLEAR
    assert verdict.reasons[0].startswith(
        "Đường link vietcombank-hotro[.]com bắt chước tên Vietcombank (thêm dấu gạch và chữ)"
    )
    assert all(r.endswith(".") for r in verdict.reasons)
    assert not any("vietcombank-hotro.com" in r for r in verdict.reasons)


def test_a_fake_state_address_and_an_unknown_link_get_their_own_sentences():
    fake = verdict_of("Cập nhật hồ sơ tại govvn-capnhat.com")
    assert ".gov.vn" in fake.reasons[0] and "govvn-capnhat[.]com" in fake.reasons[0]
    unknown = verdict_of("Ngân hàng thông báo: xem chi tiết tại chitiet-giaodich.com")
    assert unknown.level == CAREFUL
    assert any("chitiet-giaodich[.]com" in r for r in unknown.reasons)


def test_no_reason_for_a_plain_message():
    assert verdict_of("Mời bà con họp thôn tối nay").reasons == ()
