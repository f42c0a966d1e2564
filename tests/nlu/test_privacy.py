"""Masking personal numbers and secrets before anything is stored or shown to a mentor."""

from __future__ import annotations

import unicodedata

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
        "Bác gọi ngay tổng đài 1900545413 để khóa thẻ",
        "tổng đài 18001096 miễn phí",
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


# Passwords and codes given in words, the way people type them: (typed, what Rasa and storage get).
GIVEN = [
    ("mật khẩu là hoahong", "mật khẩu là ***"),
    ("mat khau la hoahong", "mat khau la ***"),
    ("Mật Khẩu Là HOAHONG", "Mật Khẩu Là ***"),
    ("mật khẩu là hoahong nhé", "mật khẩu là *** nhé"),
    ("mật khẩu:hoahong", "mật khẩu:***"),
    ("mật khẩu = abcxyz", "mật khẩu = ***"),
    ("matkhau: hoahong", "matkhau: ***"),
    ("mk: hoahong123", "mk: ***"),
    ("mk: hoahong", "mk: ***"),
    ("mk = hoahong", "mk = ***"),
    ("mk la hoahong", "mk la ***"),
    ("mk cua e la hoahong", "mk cua e la ***"),
    ("mk của em là: hoahong", "mk của em là: ***"),
    ("pass abc", "pass ***"),
    ("pass: abc", "pass: ***"),
    ("pass la anhyeuem nha", "pass la *** nha"),
    ("pass fb la anhyeuem", "pass fb la ***"),
    ("pass của mk là abcxyz", "pass của mk là ***"),
    ("pw hoahong", "pw ***"),
    ("pw: p@ss", "pw: ***"),
    ("pwd = hoahong", "pwd = ***"),
    ("password: letmein", "password: ***"),
    ("password cua toi: iloveyou", "password cua toi: ***"),
    ("mat khau cua toi la ngocanh", "mat khau cua toi la ***"),
    (
        "mật khẩu của tôi là Hoahong, sao không vào được",
        "mật khẩu của tôi là ***, sao không vào được",
    ),
    ("mật khẩu VNeID của em là hoahong99", "mật khẩu VNeID của em là ***"),
    ("mật khẩu VNeID mức 2 là abcxyz", "mật khẩu VNeID mức 2 là ***"),
    ("mật khẩu mới: NgocAnh", "mật khẩu mới: ***"),
    ("mật khẩu zalo em đặt là hoahong", "mật khẩu zalo em đặt là ***"),
    ("mật khẩu tài khoản ngân hàng là hoahong", "mật khẩu tài khoản ngân hàng là ***"),
    ("mật khẩu là Abc@xyz", "mật khẩu là ***"),
    ("mật khẩu là nguyen", "mật khẩu là ***"),
    ("mk của tôi là thuong nhé", "mk của tôi là *** nhé"),
    ('mật khẩu là "hoa hồng" nhé', "mật khẩu là *** nhé"),
    ("mật khẩu hoahong123 bị sai", "mật khẩu *** bị sai"),
    ("nhập pass abc123 không được", "nhập pass *** không được"),
    ("mk hoahong1 bi sai", "mk *** bi sai"),
    ("otp 482913", "otp ***"),
    ("mã OTP của tôi là 123456", "mã OTP của tôi là ***"),
    ("ma xac nhan: 4829", "ma xac nhan: ***"),
    ("mã pin 1234", "mã pin ***"),
    ("số cvv là 123", "số cvv là ***"),
    (unicodedata.normalize("NFD", "mật khẩu là hoahong"), "mật khẩu là ***"),
]

# Questions and talk about passwords and codes: they reach Rasa and storage as typed.
ABOUT = [
    "quên mật khẩu VNeID thì làm sao",
    "mật khẩu phải mấy ký tự",
    "đổi mật khẩu ở đâu",
    "mật khẩu là gì?",
    "mat khau la gi",
    "mk là j vậy",
    "mật khẩu phải có 8 ký tự",
    "mật khẩu 8 ký tự có đủ không",
    "mật khẩu VNeID gồm những gì",
    "quên pass fb phải làm sao",
    "lấy lại mật khẩu zalo thế nào",
    "mật khẩu mạnh là như thế nào",
    "mật khẩu nên dài bao nhiêu",
    "có nên lưu mật khẩu trên điện thoại không",
    "mật khẩu có cần chữ hoa không",
    "đặt mật khẩu mới cho VNeID",
    "mật khẩu cũ bị sai",
    "ai hỏi mật khẩu thì có đưa không",
    "nhập mật khẩu bị báo sai",
    "mật khẩu wifi là gì",
    "pass wifi nhà mình là bao nhiêu",
    "mật khẩu Grab là gì",
    "mật khẩu là ngày sinh có an toàn không",
    "mk la sv nam 2, mk muon hoc vneid",
    "mk la Tuan",
    "gửi mk cho người lạ có sao không",
    "quen mk vneid",
    "tôi pass bài kiểm tra rồi",
    "mã OTP là gì",
    "otp 6 số hay 4 số",
    "pin 4000 mAh dùng được bao lâu",
    "Tôi lỡ đọc mã OTP cho người gọi tự xưng công an",
    "password là gì",
    "passport có cần không",
    "Chỉ cần nhớ passcode là đủ",
    "mật khẩu là xong rồi",
    "Never share an OTP, password or PIN",
    "đặt mật khẩu (8–20 ký tự, gồm chữ hoa)",
]


@pytest.mark.parametrize(("typed", "expected"), GIVEN)
def test_mask_hides_a_password_or_code_given_in_words(typed, expected):
    assert mask_for_assistant(typed) == expected
    assert mask_personal_data(typed) == expected


@pytest.mark.parametrize("typed", ABOUT)
def test_mask_leaves_questions_about_passwords_as_typed(typed):
    assert mask_for_assistant(typed) == typed
    assert mask_personal_data(typed) == typed


@pytest.mark.parametrize(("typed", "expected"), GIVEN[:8])
def test_mask_is_idempotent(typed, expected):
    assert mask_personal_data(mask_personal_data(typed)) == expected
