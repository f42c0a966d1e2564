"""What a learner's message means to a form: a consent, a group, a thôn, a name, "dừng", or
a request for something else (pure: no storage).

A form's slot is filled from any text; these readers decide whether the text answers the
question. What is not an answer either stops the form or is rejected so that the rules of
nlu/learning_rules.py take over (the same INLINE/LEAVE tables are used here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasa_sdk.events import ActionExecutionRejected, SlotSet

from lessons.grading import plain
from lessons.model import GROUPS
from nlu.learning_rules import FORM_LEAVE_ACTIONS, INLINE_ACTIONS
from nlu.normalise import to_nfc

_STOP_WORDS = re.compile(
    r"^(?:thoi )?(?:dung lai|dung hoc|dung|thoi|nghi|nghi thoi|thoat|ket thuc|de sau|stop|huy)"
    r"(?: (?:a|nhe|nha|da|di|thoi|khong hoc nua))*$|^(?:thoi |)khong (?:hoc|lam) nua"
)
_YES = re.compile(r"^(?:toi |em |minh |chau )?(?:dong y|co|ok|oke|okay|vang|da|u|uh|yes|duoc)\b")
_NO = re.compile(r"^(?:toi |em |minh |chau )?(?:khong|ko|k|no|thoi|chua|tu choi)\b")
_SKIP = re.compile(r"^(?:bo qua|khong|ko|thoi|chua|skip|khong muon|khong can)\b")
_NAME = re.compile(r"^[^\W\d_]+(?:[ .'-][^\W\d_]+)*$")
GROUP_WORDS = {
    "nguoi_dan": ("nguoi dan", "nong dan", "noi tro", "huu tri", "nguoi gia", "cao tuoi", "dan"),
    "hoc_sinh": ("hoc sinh", "sinh vien", "hs", "sv", "hoc vien"),
    "cbccvc": ("can bo", "cong chuc", "vien chuc", "giao vien", "cbccvc"),
    "nguoi_lao_dong": ("cong nhan", "lao dong", "nhan vien", "doanh nghiep", "lam cong ty"),
}
END_FORM = [SlotSet("requested_slot", None)]


@dataclass(frozen=True)
class Message:
    text: str
    intent: str
    confidence: float
    entities: dict[str, str] = field(default_factory=dict)

    @property
    def is_payload(self) -> bool:
        return self.text.startswith("/")

    @classmethod
    def from_latest(cls, latest: dict) -> Message:
        intent = latest.get("intent") or {}
        entities = {e["entity"]: str(e.get("value", "")) for e in latest.get("entities") or []}
        return cls(
            text=(latest.get("text") or "").strip(),
            intent=intent.get("name") or "",
            confidence=float(intent.get("confidence") or 0.0),
            entities=entities,
        )


def is_stop(text: str) -> bool:
    """ "dừng", "thôi", "nghỉ", "để sau" … (accent-free "dung" too, but never "đúng")."""
    return "đúng" not in text.lower() and bool(_STOP_WORDS.match(plain(text)))


def parse_consent(message: Message) -> str | None:
    """ "yes", "no" or None from a button or words such as "đồng ý", "ok", "không"."""
    if message.intent == "learning_consent" and message.is_payload:
        choice = message.entities.get("choice")
        return choice if choice in ("yes", "no") else None
    said = plain(message.text)
    if _NO.match(said):
        return "no"
    return "yes" if _YES.match(said) else None


def parse_group(message: Message) -> str | None:
    """A target group key, "skip", or None."""
    if message.intent == "set_group" and message.is_payload:
        choice = message.entities.get("choice", "")
        return choice if choice in GROUPS or choice == "skip" else None
    said = plain(message.text)
    for key, words in GROUP_WORDS.items():
        if any(re.search(rf"\b{word}\b", said) for word in words):
            return key
    return "skip" if _SKIP.match(said) else None


def parse_area(message: Message) -> str | None:
    """The thôn/tổ dân phố as typed, "skip", or None (numbers that look personal, too long)."""
    if message.is_payload:
        is_skip = message.intent == "set_area" and message.entities.get("choice") == "skip"
        return "skip" if is_skip else None
    said = plain(message.text)
    if _SKIP.match(said):
        return "skip"
    text = " ".join(to_nfc(message.text).split())
    if not 2 <= len(text) <= 60 or sum(ch.isdigit() for ch in text) >= 6:
        return None
    return text


def parse_name(text: str) -> str | None:
    """A name to print ("nguyễn văn an" → "Nguyễn Văn An"); None for digits or odd lengths."""
    name = " ".join(to_nfc(text).split())
    if text.startswith("/") or not 2 <= len(name) <= 60 or not _NAME.match(name):
        return None
    return name.title()


def interruption(message: Message, form: str, slot: str) -> list:
    """Events for a message that is not an answer to the form's question: end the form on
    "dừng"; reject it (the rules leave the form) when it clearly asks for something else."""
    if is_stop(message.text) or message.intent == "stop_learning":
        return END_FORM
    words = len(message.text.split())
    clear = message.is_payload or message.confidence >= 0.8
    if message.intent in INLINE_ACTIONS and not message.is_payload:
        clear = message.confidence >= 0.6 and words >= 3
    if message.intent in FORM_LEAVE_ACTIONS and clear:
        return [SlotSet(slot, None), ActionExecutionRejected(form)]
    return [SlotSet(slot, None)]
