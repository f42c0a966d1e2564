"""Masking personal numbers and secrets before anything is stored or shown to a mentor."""

from __future__ import annotations

import pytest

from nlu.privacy import mask_personal_data


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
