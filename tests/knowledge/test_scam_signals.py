"""Signals of a whole message (knowledge.scam_signals) with the content's brand list."""

from __future__ import annotations

from knowledge.scam_signals import Signal, asks_to_check, defang, detect_signals, unreal_hosts
from lessons.brand_domains import brand_lists


def names(text: str) -> set[tuple[str, str]]:
    return {(s.name, s.kind) for s in detect_signals(text, brand_lists())}


def test_a_look_alike_link_gives_its_host_and_brand():
    found = detect_signals("Xác thực tại https://vietcombank-hotro.com/login", brand_lists())
    assert Signal("lookalike_domain", "hyphen", "vietcombank-hotro.com", "Vietcombank") in found


def test_a_shortened_link():
    assert ("short_link", "") in names("Xem tại bit.ly/abc123")


def test_an_installable_link_even_on_a_real_looking_host():
    assert ("installable_link", "apk") in names("Tải http://103.9.8.7/VNeID.apk về máy")
    assert ("ip_link", "") in names("Tải http://103.9.8.7/VNeID.apk về máy")


def test_an_unusual_ending_and_punycode():
    assert ("unusual_ending", "xyz") in names("vào khuyenmai.xyz")
    assert ("punycode", "") in names("vào xn--khuyn-mi-c5a.com")


def test_a_real_host_gives_no_link_signal():
    assert names("Tra cứu tại viettelpost.com.vn và dichvucong.gov.vn") == set()


def test_phrase_signals_typed_with_and_without_diacritics():
    for text in (
        "Vui lòng cung cấp mã OTP để nhận quà trong 24 giờ",
        "Vui long cung cap ma OTP de nhan qua trong 24 gio",
    ):
        assert {("asks_secret", "code"), ("pressure", "deadline"), ("too_good", "prize")} <= names(
            text
        )


def test_link_words_do_not_leak_into_phrase_rules():
    # "khoa-tai-khoan" in a path is no threat; the link is read as the word "link"
    assert ("pressure", "lock") not in names("Đọc bài cafef.vn/khoa-tai-khoan-ngan-hang.chn")


def test_asks_to_check_needs_a_question_about_something_they_have():
    assert asks_to_check("tin này có phải lừa đảo không")
    assert asks_to_check("Link nay co lua khong vay")
    assert not asks_to_check("làm sao biết tin nhắn lừa đảo")


def test_unreal_hosts_and_defang():
    text = "xem dichvucong.gov.vn hoặc dichvucong-quocgia.com"
    assert unreal_hosts(text, brand_lists()) == ["dichvucong-quocgia.com"]
    assert defang("dichvucong-quocgia.com") == "dichvucong-quocgia[.]com"
