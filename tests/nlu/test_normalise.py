"""Table tests for the Vietnamese normaliser (stdlib-only module)."""

from __future__ import annotations

import unicodedata

import pytest

from nlu.normalise import TEENCODE, is_syllable, normalise, strip_accents, syllables, to_nfc


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoà bình", "hòa bình"),
        ("Thuý", "Thúy"),
        ("sức khoẻ", "sức khỏe"),
        ("thuỷ lợi", "thủy lợi"),
        ("qủa cam", "quả cam"),
        ("điện thọai", "điện thoại"),
        ("gìa", "già"),
        ("hoàng", "hoàng"),
        ("quyển", "quyển"),
        ("ngoài", "ngoài"),
        ("café", "café"),
        ("VNeID", "VNeID"),
        (_nfd("Căn cước"), "Căn cước"),
        (_nfd("hoà"), "hòa"),
    ],
)
def test_to_nfc_one_tone_style(raw: str, expected: str) -> None:
    assert to_nfc(raw) == expected
    assert unicodedata.is_normalized("NFC", to_nfc(raw))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Đăng ký tk VNeID dc ko ad?", "đăng ký tài khoản vneid được không admin"),
        ("quên mk thì lm ntn", "quên mật khẩu thì làm như thế nào"),
        ("mk vừa ck 5tr cho shop", "mình vừa chuyển khoản 5 triệu cho shop"),  # mk as a pronoun
        ("ng lạ gửi cho mk cái mã", "người lạ gửi cho mình cái mã"),
        ("mk vneid gồm mấy số", "mật khẩu vneid gồm mấy số"),
        ("mk đăng nhập 2 máy dc ko bn", "mình đăng nhập 2 máy được không bạn"),
        ("phí bn", "phí bao nhiêu"),
        ("sdt đổi r có sao k", "số điện thoại đổi rồi có sao không"),
        ("sđt của cccd", "số điện thoại của căn cước công dân"),
        ("stk nh của e", "số tài khoản ngân hàng của em"),
        ("ck nhầm thì sao v", "chuyển khoản nhầm thì sao vậy"),
        ("mất bn tiền", "mất bao nhiêu tiền"),
        ("cảm ơn bn", "cảm ơn bạn"),
        ("vn eid", "vneid"),
        ("VN-eID mức 2", "vneid mức 2"),
        ("nộp trên dvc", "nộp trên dịch vụ công"),
        ("bị lừa mất 20tr", "bị lừa mất 20 triệu"),
        ("nạp 50k", "nạp 50 nghìn"),
        ("phí 200.000đ", "phí 200.000 đồng"),
        ("đóng hp = qr", "đóng học phí bằng qr"),
        ("ngừoi lạ gọi", "người lạ gọi"),
        ("  Nhiều   khoảng\ttrắng!!! ", "nhiều khoảng trắng"),
        ("ngày 1/7/2025, bản 2.1.10", "ngày 1/7/2025 bản 2.1.10"),
        ("lam vneid muc 2 the nao", "lam vneid muc 2 the nao"),
        ("đăng kí, lí lịch, kĩ năng, quí", "đăng ký lý lịch kỹ năng quý"),
        ("khi thi chi bí", "khi thi chi bí"),
    ],
)
def test_normalise_table(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_nfd_equals_nfc() -> None:
    text = "Tôi muốn làm khai sinh cho con trên mạng thì vào đâu?"
    assert normalise(_nfd(text)) == normalise(text)


def test_normalise_keeps_one_letter_words_it_does_not_know() -> None:
    assert normalise("a b c") == "a b c"


def test_teencode_keys_are_lower_case_nfc() -> None:
    for key, value in TEENCODE.items():
        assert key == to_nfc(key).lower()
        assert value == to_nfc(value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Đăng ký", "Dang ky"),
        ("đường", "duong"),
        (_nfd("Nguyễn Thị Hòa"), "Nguyen Thi Hoa"),
        ("hoà", "hoa"),
        ("VNeID 2025", "VNeID 2025"),
    ],
)
def test_strip_accents_table(raw: str, expected: str) -> None:
    assert strip_accents(raw) == expected


def test_syllables_split_normalised_text() -> None:
    assert syllables("Làm CCCD ở đâu?") == ["làm", "căn", "cước", "công", "dân", "ở", "đâu"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("khẩu", True),
        ("khau", True),
        ("người", True),
        ("nghieng", True),
        ("gì", True),
        ("qua", True),
        ("hoahong", False),
        ("VNeID", False),
        ("abc", False),
        ("sv", False),
        ("wifi", False),
        ("abc123", False),
    ],
)
def test_is_syllable_tells_vietnamese_words_from_made_up_ones(word, expected):
    assert is_syllable(word) is expected
