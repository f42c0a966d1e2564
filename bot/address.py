"""One way of addressing each person, in every reply (pure).

Our wording is written with "bác/anh/chị" where the person is addressed, and lessons with
"bạn". Before a reply leaves, both become the one form chosen for this person: "bác" when they
call the assistant "cháu"/"con" (they are older) or turned on the elderly mode, otherwise the
neutral polite "bạn".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nlu.normalise import normalise, strip_accents

ELDER = "bác"
NEUTRAL = "bạn"
_CALLS_US_YOUNGER = re.compile(r"(^|\W)(chau|con) (oi|a|nhe|hoi|xin|giup|chi|huong dan|cho)\b|"
                               r"\b(bac|ba|ong|co|chu) (hoi|nho|muon|khong biet|ko biet)\b")
_WRITTEN_FORM = re.compile(r"\b([Bb])ác/anh/chị\b")
_LESSON_FORM = re.compile(r"\b([Bb])ạn\b(?! bè)(?! ơi)")


def choose_form(elderly_mode: bool, own_messages: Iterable[str]) -> str:
    """"bác" for the elderly mode or a person who writes as an elder; "bạn" otherwise."""
    if elderly_mode:
        return ELDER
    for message in own_messages:
        plain = strip_accents(normalise(message)).lower()
        if _CALLS_US_YOUNGER.search(plain):
            return ELDER
    return NEUTRAL


def _cased(form: str, first: str) -> str:
    return form[0].upper() + form[1:] if first.isupper() else form


def address(text: str, form: str) -> str:
    """`text` with every "bác/anh/chị" (and, for elders, the lessons' "bạn") in `form`."""
    text = _WRITTEN_FORM.sub(lambda m: _cased(form, m.group(1)), text)
    if form != NEUTRAL:
        text = _LESSON_FORM.sub(lambda m: _cased(form, m.group(1)), text)
    return text
