"""Mask personal numbers and secrets before text is stored or shown to a mentor (stdlib only)."""

from __future__ import annotations

import re
import unicodedata

MASK = "***"
_SECRET_WORDS = (
    r"otp|mã\s*otp|ma\s*otp|mã\s*xác\s*(nhận|thực)|ma\s*xac\s*(nhan|thuc)|"
    r"mật\s*khẩu|mat\s*khau|mk|pass(word)?|passcode|mã\s*pin|ma\s*pin|pin"
)
# "mật khẩu là Abc@123", "otp: 123456", "mk cua em la abc123"
_SECRET_AFTER_IS = re.compile(
    rf"((?:{_SECRET_WORDS})(?:\s+(?:của|cua)\s+\w+)?\s*(?:là|la|:|=)\s*)(?P<value>\S+)", re.I
)
_SECRET_WITH_DIGIT = re.compile(rf"((?:{_SECRET_WORDS})\s+)(\S*\d\S*)", re.I)
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)")
_ID_12 = re.compile(r"(?<!\d)\d{12}(?!\d)")
_PHONE = re.compile(r"(?<!\d)(?:\+?84|0)\d{9}(?!\d)")
# Hotlines such as 1900 0368 or 18001096 are public service numbers, not personal data.
_LONG_NUMBER = re.compile(r"(?<!\d)(?!1[89]00\d{4}(?!\d))\d{6,}(?!\d)")


def _keep_last(match: re.Match[str], keep: int) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return MASK + digits[-keep:]


def _looks_secret(value: str) -> bool:
    """A password or code holds a digit or a symbol; "gì?" in "mật khẩu là gì?" does not."""
    return bool(re.search(r"\d|[^\w\s]", value.strip(".,!?\"'…")))


def mask_for_assistant(text: str) -> str:
    """Hide secrets and personal numbers from text the assistant must still understand.

    Lighter than `mask_personal_data`: a value after "mật khẩu là" is hidden only when it looks
    like one, so a question such as "mật khẩu là gì" reaches the language model intact.
    """
    text = unicodedata.normalize("NFC", text or "")
    text = _SECRET_AFTER_IS.sub(
        lambda m: m.group(1) + MASK if _looks_secret(m["value"]) else m.group(0), text
    )
    return _mask_numbers(_SECRET_WITH_DIGIT.sub(lambda m: m.group(1) + MASK, text))


def mask_personal_data(text: str) -> str:
    """Hide OTPs, passwords, card, ID and phone numbers; keep the rest of the message readable."""
    text = unicodedata.normalize("NFC", text or "")
    text = _SECRET_AFTER_IS.sub(lambda m: m.group(1) + MASK, text)
    return _mask_numbers(_SECRET_WITH_DIGIT.sub(lambda m: m.group(1) + MASK, text))


def _mask_numbers(text: str) -> str:
    text = _CARD.sub(lambda m: _keep_last(m, 4), text)
    text = _ID_12.sub(lambda m: _keep_last(m, 3), text)
    text = _PHONE.sub(lambda m: _keep_last(m, 3), text)
    return _LONG_NUMBER.sub(MASK, text)
