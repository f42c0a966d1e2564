"""Every phrase rule against the phrases it is for and against, with and without diacritics."""

from __future__ import annotations

import pytest

from knowledge.scam_phrases import (
    RULES,
    Rule,
    asks_if_scam,
    find_phrases,
    plain_text,
    points_at_something,
)
from nlu.normalise import strip_accents


def rule_id(row: Rule) -> str:
    return f"{row.signal}/{row.kind}"


@pytest.mark.parametrize("row", RULES, ids=rule_id)
def test_rule_matches_its_phrases_typed_either_way(row: Rule):
    for phrase in row.examples_for:
        for typed in (phrase, strip_accents(phrase)):
            assert (row.signal, row.kind) in find_phrases(plain_text(typed)), typed


@pytest.mark.parametrize("row", [r for r in RULES if r.examples_against], ids=rule_id)
def test_rule_leaves_its_counter_phrases_alone(row: Rule):
    for phrase in row.examples_against:
        for typed in (phrase, strip_accents(phrase)):
            found = find_phrases(plain_text(typed))
            assert (row.signal, row.kind) not in found, typed


def test_every_rule_has_an_example():
    assert all(row.examples_for for row in RULES)


def test_a_negation_cancels_a_request_for_the_otp_but_not_a_later_one():
    warning = "Tuyệt đối không cung cấp OTP cho ai."
    assert ("asks_secret", "code") not in find_phrases(plain_text(warning))
    later = warning + " Trúng thưởng rồi, giờ anh vui lòng đọc mã xác nhận cho em để nhận quà."
    assert ("asks_secret", "code") in find_phrases(plain_text(later))


def test_ung_dung_is_no_negation():
    assert ("asks_secret", "code") in find_phrases(
        plain_text("Mở ứng dụng rồi cung cấp mã OTP cho nhân viên")
    )


@pytest.mark.parametrize(
    ("text", "asks", "points"),
    [
        ("tin này có phải lừa đảo không", True, True),
        ("tin nay co lua k", True, True),
        ("link do co that khong", True, True),
        ("kiểm tra giúp tôi link này", True, True),
        ("kiểm tra giúp tôi số vừa gọi", True, False),  # a call cannot be pasted
        ("làm sao nhận biết tin nhắn lừa đảo", False, False),
        ("tin nhắn trúng thưởng có phải lừa đảo không", True, False),
    ],
)
def test_asks_if_scam_and_points_at_something(text: str, asks: bool, points: bool):
    plain = plain_text(text)
    assert (asks_if_scam(plain), points_at_something(plain)) == (asks, points)
