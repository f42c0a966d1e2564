"""What a message asks or says that scams ask or say, by the rows of `knowledge.scam_rules` and
`knowledge.scam_claims` (tests/knowledge/test_scam_phrases.py checks every row both ways); and
whether the writer asks about a message they have.

Rules run on the accent-free, teencode-expanded form (`plain_text`), so text typed with or
without diacritics agrees; web addresses are replaced by the word "link" first. A rule marked
`negatable` does not count when a negation comes just before it ("tuyệt đối không cung cấp mã
OTP", the line every real OTP message carries).
"""

from __future__ import annotations

import re

from knowledge.scam_claims import CLAIM_RULES
from knowledge.scam_rules import REQUEST_RULES, Rule, negation_before
from nlu.normalise import normalise, strip_accents

RULES: tuple[Rule, ...] = REQUEST_RULES + CLAIM_RULES


# A mobile number as written or as the gateway masked it ("0912 345 678", "0896xxx123", "***").
_MOBILE = re.compile(r"(?<![\w*])(?:\+?84|0)[1-9](?:[\s.]?[\dxX]){7,10}(?![\w*])|\*{3}")


def plain_text(text: str) -> str:
    """The matching form: accent-free, lower case, teencode expanded, no punctuation; a mobile
    number (or what the gateway masked) is the one word "sodienthoai"."""
    return strip_accents(normalise(_MOBILE.sub(" sodienthoai ", text)))


def find_phrases(plain: str, rules: tuple[Rule, ...] = RULES) -> list[tuple[str, str]]:
    """(signal, kind) of every rule that matches `plain`, once each, in table order."""
    found: list[tuple[str, str]] = []
    for row in rules:
        if (row.signal, row.kind) not in found and _matches(row, plain):
            found.append((row.signal, row.kind))
    return found


def _matches(row: Rule, plain: str) -> bool:
    """The rule matches somewhere not cancelled by a negation just before (when negatable)."""
    return any(
        not (row.negatable and negation_before(plain, match.start()))
        for match in row.pattern.finditer(plain)
    )


_ASKS_IF_SCAM = re.compile(
    r"\b(co phai|phai|la|co|bi) (lua dao|lua|gia|scam)( khong| ko| k)?\b|\b(lua dao|lua|gia) "
    r"(khong|ko|k|ha|a)\b|\bco (that|dung) khong\b|\bkiem tra (giup|ho|dum)\b|\bco tin duoc khong\b"
)
_POINTS_AT = re.compile(
    r"\b(tin|tin nhan|link|duong link|duong dan|email|thu|cai|"
    r"trang|web|website|zalo|nhom|tai khoan|ma qr)( \w+){0,2} "
    r"(nay|do|kia|vua)\b"
)


def asks_if_scam(plain: str) -> bool:
    """The writer asks whether something is a scam ("tin này có phải lừa đảo không")."""
    return bool(_ASKS_IF_SCAM.search(plain))


def points_at_something(plain: str) -> bool:
    """…about a message, link or number they have ("tin này", "link đó", "số vừa gọi")."""
    return bool(_POINTS_AT.search(plain))


_QUESTION = re.compile(
    r"\b(co nen|lam sao|lam the nao|the nao|nhu the nao|tai sao|vi sao|co phai|phai khong|"
    r"duoc khong|hay khong|co sao khong|bao gio chua|o dau|la gi|(la|the|vay) sao|sao (vay|the)"
    r")\b|\b(khong|ko|chua|a|ha|vay)$"
)
_HOW = re.compile(r"\b(lam sao|the nao|cach nao|bang cach|nhan biet|phan biet)\b")


def reads_like_question(text: str) -> bool:
    """Asked rather than pasted: a question mark, or a question's words ("có nên", "làm sao",
    "… không" at the end)."""
    return "?" in text or bool(_QUESTION.search(plain_text(text)))


def asks_how_to_tell(text: str) -> bool:
    """A question about how to tell a scam in general ("làm sao biết …"), not about one message."""
    return bool(_HOW.search(plain_text(text)))
