"""Mask secrets and personal numbers before text is stored, relayed, shown to a mentor or sent
to Rasa (stdlib only: the Rasa environment imports it through nlu/vi_tokenizer.py).

A secret is a secret word followed by a value. Two rules (tests/nlu/test_privacy.py has a
table of phrasings for and against each):

- named: the word, up to 5 more words, "là" / ":" / "=", then the value.
  For: "mật khẩu là hoahong", "mk của em là: abc", "otp: 4829".
  Against: "mật khẩu là gì", "mk la sv nam 2" ("mình là sinh viên").
- bare: the word, then the value (after code words and "mk", only a value with digits).
  For: "pass abc", "pw hoahong", "otp 482913", "mk hoahong1".
  Against: "quên mật khẩu VNeID", "mật khẩu 8 ký tự", "pass wifi", "mật khẩu Zalo là gì".

A value is: a number of 4 digits or more; a word holding a digit or a symbol; a quoted phrase
after "là"; or a letters-only word that is neither Vietnamese (a syllable, a teencode, a
question word) nor the name of an app or service. One long Vietnamese syllable (6 letters or
more, as services ask) counts only when it ends the message after "mật khẩu là" ("mật khẩu là
nguyen", not "passcode là đủ"); after "mk", which is also "mình", only in "mk của …". Matching
is done on an accent-free copy, so "mat khau la" and "mật khẩu là" agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nlu.normalise import TEENCODE, is_syllable

MASK = "***"
# Accent-free, lower case; a space stands for "any spaces or none" ("matkhau", "ma otp").
PASSWORD_WORDS = ("mat khau", "password", "passwd", "passcode", "pass", "pwd", "pw")
AMBIGUOUS_PASSWORD_WORDS = ("mk",)  # also "mình": "mk la sv nam 2"
CODE_WORDS = (
    "ma otp", "otp", "ma xac nhan", "ma xac thuc", "ma pin", "pin", "ma bao mat",
    "ma kich hoat", "cvv", "cvc",
)  # fmt: skip
# Words that follow "mật khẩu" / "pass" without being one: apps, services, devices.
NOT_SECRETS = frozenset((
    "vneid", "wifi", "wi-fi", "zalo", "facebook", "messenger", "instagram", "tiktok", "youtube",
    "gmail", "email", "e-mail", "mail", "icloud", "google", "apple", "id", "app", "web",
    "website", "atm", "otp", "pin", "sms", "online", "admin", "momo", "zalopay", "vnpay",
    "shopee", "lazada", "tiki", "grab", "viettel", "vinaphone", "mobifone", "vietcombank", "vcb",
    "bidv", "agribank", "vietinbank", "techcombank", "mbbank", "tpbank", "vpbank", "sacombank",
    "iphone", "android", "laptop", "windows", "router", "modem", "ok", "oke", "okay", "reset",
    "login", "hack", "manager", "or", "and", "of", "for", "is", "to",
))  # fmt: skip
_QUESTION_WORDS = frozenset(("gi", "j", "sao", "bao", "gom", "may", "nhu", "the", "nao", "ntn"))
_PARTICLES = r"nhe|nha|nhen|a|ah|ak|do|ne|day|thoi|roi|r|luon|vay|v|nhi|nhu the|the"
_CARD_CODES = frozenset(("cvv", "cvc"))  # 3 digits on the back of a card
_UNITS = frozenset(("mah", "wh", "w", "v", "%"))
_SENTENCE_END = ",;.?…"
_EDGE = ".,!?;:\"'“”‘’()[]…"


def _words(words: tuple[str, ...]) -> str:
    return "|".join(word.replace(" ", r"\s*") for word in words)


_ALL_WORDS = _words(PASSWORD_WORDS + AMBIGUOUS_PASSWORD_WORDS + CODE_WORDS)
_NAMED = re.compile(
    rf"\b(?P<word>{_ALL_WORDS})\b(?P<qualifier>(?:\s+[^\s,.;!?:=]+){{0,5}}?)"
    r"(?:\s+la\b\s*[:=]?|\s*[:=])\s*"
    r"(?P<value>\"[^\"]{1,40}\"|“[^”]{1,40}”|'[^']{1,40}'|\S+)"
)
_BARE = re.compile(rf"\b(?P<word>{_ALL_WORDS})\b\s+(?P<value>\S+)")
_LETTERS_BARE = re.compile(rf"(?:{_words(PASSWORD_WORDS)})$")
_QUALIFIER_NEXT = re.compile(r"\s*(?:[:=]|(?:la|cua)\b)")
_ONLY_PARTICLES = re.compile(rf"[\s\W]*(?:(?:{_PARTICLES})\b[\s\W]*)*$")

_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)")
_ID_12 = re.compile(r"(?<!\d)\d{12}(?!\d)")
_PHONE = re.compile(r"(?<!\d)(?:\+?84|0)\d{9}(?!\d)")
# Hotlines such as 19000368, 18001096 or 1900545413 are public service numbers, not personal data.
_LONG_NUMBER = re.compile(r"(?<!\d)(?!1[89]00(?:\d{4}|\d{6})(?!\d))\d{6,}(?!\d)")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0].lower()[:1]
    return "d" if base == "đ" else base


def _fold(text: str) -> str:
    """Accent-free lower case, one character for one, so positions match the original."""
    return "".join(_fold_char(char) for char in text)


_ORDINARY = frozenset(_fold(word) for word in TEENCODE) | _QUESTION_WORDS | NOT_SECRETS


def _is_value(value: str, rest: str, *, word: str, letters: bool, syllable_at_end: bool) -> bool:
    """Whether `value` (folded) after secret word `word` is a secret; `rest` is what follows."""
    core = value.strip(_EDGE)
    if not core or core in _ORDINARY:
        return False
    if not re.search(r"[^\W\d_]", core):  # a number: "8 ký tự" is a length, "4000 mAh" a battery
        following = rest.split(maxsplit=1)[:1]
        digits = sum(char.isdigit() for char in core)
        return digits >= (3 if word in _CARD_CODES else 4) and not set(following) & _UNITS
    if re.search(r"\d|[^\w]", core):
        return not core.endswith("mah")
    if not letters:
        return False
    if not is_syllable(core):
        return True
    return syllable_at_end and len(core) >= 6 and bool(_ONLY_PARTICLES.match(rest))


def _named_value(match: re.Match[str], folded: str) -> bool:
    """'mật khẩu (của tôi) là X': X is a value, a quoted phrase always is."""
    value, word = match["value"], match["word"]
    if value[0] in "\"“'" and len(value) > 2:
        return value.strip(_EDGE) not in _ORDINARY
    rest = folded[match.end() :]
    possessive = match["qualifier"].split()[:1] == ["cua"]  # "mk của tôi là …" is no "mình"
    return _is_value(
        value, rest, word=word, letters=True, syllable_at_end=word != "mk" or possessive
    )


def _bare_value(match: re.Match[str], folded: str) -> bool:
    """'pass X': letters-only X only after an unambiguous password word, and not a qualifier."""
    rest = folded[match.end() :]
    letters = bool(_LETTERS_BARE.fullmatch(match["word"])) and not _QUALIFIER_NEXT.match(rest)
    return _is_value(
        match["value"], rest, word=match["word"], letters=letters, syllable_at_end=False
    )


def _mask_values(text: str, pattern: re.Pattern[str], is_secret) -> str:  # noqa: ANN001
    """Replace each value the rule finds with MASK; a sentence's comma or full stop stays."""
    folded = _fold(text)
    spans = [m.span("value") for m in pattern.finditer(folded) if is_secret(m, folded)]
    for start, end in reversed(spans):
        while end - start > 1 and text[end - 1] in _SENTENCE_END:
            end -= 1
        text = text[:start] + MASK + text[end:]
    return text


def mask_personal_data(text: str) -> str:
    """Hide OTPs, passwords, card, ID and phone numbers; keep the rest of the message readable.

    Questions about secrets ("mật khẩu là gì", "quên mật khẩu VNeID thì làm sao") stay as typed.
    """
    text = unicodedata.normalize("NFC", text or "")
    text = _mask_values(text, _NAMED, _named_value)
    text = _mask_values(text, _BARE, _bare_value)
    return _mask_numbers(text)


def mask_for_assistant(text: str) -> str:
    """What Rasa may read: the same rules as `mask_personal_data`, so that what the assistant
    understands and what is stored never differ."""
    return mask_personal_data(text)


def _mask_numbers(text: str) -> str:
    text = _CARD.sub(lambda m: _keep_last(m, 4), text)
    text = _ID_12.sub(lambda m: _keep_last(m, 3), text)
    text = _PHONE.sub(lambda m: _keep_last(m, 3), text)
    return _LONG_NUMBER.sub(MASK, text)


def _keep_last(match: re.Match[str], keep: int) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return MASK + digits[-keep:]
