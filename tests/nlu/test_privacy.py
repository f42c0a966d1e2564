"""Masking personal numbers and secrets before anything is stored or shown to a mentor."""

from __future__ import annotations

import pytest

from nlu.privacy import mask_for_assistant, mask_personal_data


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("mã OTP của tôi là 123456", "123456"),
        ("mk cua em la Abc@123", "Abc@123"),
        ("otp 482913", "482913"),
        ("số thẻ 9704 1234 5678 9012", "9704 1234 5678"),
        ("cccd 001203004567 nha", "001203004567"),
        ("sdt 0912345678", "0912345678"),
    ],
)
def test_mask_hides_secrets_and_numbers(text, hidden):
    masked = mask_personal_data(text)
    assert hidden not in masked and "***" in masked


@pytest.mark.parametrize(
    "text",
    [
        "Tôi lỡ đọc mã OTP cho người gọi tự xưng công an",
        "mật khẩu VNeID phải có 8 ký tự",
        "tôi bị lừa mất 20 triệu",
    ],
)
def test_mask_keeps_ordinary_sentences(text):
    assert mask_personal_data(text) == text


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("mã OTP của tôi là 123456 sao không vào được", "123456"),
        ("mat khau cua toi la Abc@123 bi sai", "Abc@123"),
        ("cccd 001203004567 bi khoa", "001203004567"),
        ("số 0912345678 gọi tự xưng công an", "0912345678"),
    ],
)
def test_the_assistant_never_sees_secrets_or_personal_numbers(text, hidden):
    masked = mask_for_assistant(text)
    assert hidden not in masked and "***" in masked


@pytest.mark.parametrize(
    "text",
    [
        "mật khẩu là gì?",
        "mk la sv nam 2, mk muon hoc vneid",
        "pin la gi",
        "tổng đài 19000368 có phải của VNeID không",
        "Tôi lỡ đọc mã OTP cho người gọi tự xưng công an",
    ],
)
def test_the_assistant_still_reads_questions_about_secrets(text):
    assert mask_for_assistant(text) == text
