"""Reading a message against the conversation (pure): a follow-up that leans on the previous
question, a pick among offered choices, a correction.

These are the shapes of a message that only make sense with what came before; the caller (the
answer action) decides with retrieval whether the message stands on its own after all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.terms import plain_terms
from nlu.normalise import normalise, strip_accents

MAX_FOLLOWUP_WORDS = 8
_LEANING = re.compile(
    r"^(con|the con|vay con|the|vay|the thi|vay thi|neu|nhung|con neu|con voi|con cai|"
    r"roi|xong roi|sau do|tiep theo)\b|\b(thi sao|thi the nao|thi lam sao|duoc khong|"
    r"the nao|bao lau|mat bao lau|bao nhieu|may ngay|o dau|cho nao|co mat phi|mat phi|"
    r"phi|co duoc|co can|co phai|lam o dau|lam sao|ai lam)\b"
)
_ORDINALS = {
    "1": 0, "mot": 0, "dau": 0, "dau tien": 0, "thu nhat": 0, "a": 0,
    "2": 1, "hai": 1, "thu hai": 1, "thu 2": 1, "b": 1,
    "3": 2, "ba": 2, "thu ba": 2, "thu 3": 2, "c": 2,
}
_PICK = re.compile(
    r"^(cai|cau|muc|so|phan|bai|y|chon|lay|toi chon|chau chon|em chon|bac chon)?\s*"
    r"(thu\s*(nhat|hai|ba|\d)|dau tien|dau|cuoi|cuoi cung|\d|mot|hai|ba|[abc])\b"
)
_CORRECTION = re.compile(
    r"^(?:khong phai|ko phai|k phai|chu khong phai|khong phai la)\s+(?P<wrong>.+?)[,.;]?\s*"
    r"(?:ma la|y (?:toi|em|chau|bac|minh|con|tui) la|toi hoi|em hoi|chau hoi|ma)\s+"
    r"(?P<meant>.+)$"
    r"|^(?:y (?:toi|em|chau|bac|minh|con|tui) la|toi muon noi|toi hoi ve|y la)\s+(?P<only>.+)$"
)


# "à không, …", "nhầm, ý em là …", "xin lỗi, tôi hỏi …", "à mà …": a repair of the last
# question whose remainder says what was meant.
_REPAIR = re.compile(
    r"^(?:(?:a|ah|o|oi)\s+(?:khong|ko|k|ma|nham|xin loi)|nham(?:\s+roi)?|xin loi)\b[\s,.:!]*"
    r"(?:(?:y la|y (?:toi|em|chau|bac|minh|con|tui) la|(?:cho )?(?:toi|em|minh|tui|chau) "
    r"(?:hoi|muon hoi))\b)?[\s,.:]*(?P<only>.+)$"
)


def plain(text: str) -> str:
    return " ".join(strip_accents(normalise(text)).lower().split())


def is_leaning(text: str) -> bool:
    """Short and shaped like a follow-up: "còn iphone thì sao", "mất bao lâu", "ở đâu làm"."""
    words = plain(text)
    return len(words.split()) <= MAX_FOLLOWUP_WORDS and bool(_LEANING.search(words))


# Words of a follow-up's shape that say nothing about its topic.
_SHAPE_WORDS = frozenset(
    [
        "con", "the", "thi", "sao", "vay", "neu", "nhung", "voi", "cai", "roi", "xong",
        "sau", "do", "tiep", "theo", "nao", "lam", "duoc", "khong", "ko", "k", "bao", "lau",
        "mat", "nhieu", "may", "ngay", "o", "dau", "cho", "phi", "co", "can", "phai", "ai",
        "a", "ah", "nhe", "ha"
    ]
)
MAX_TOPIC_WORDS = 2


def topic_words(text: str) -> list[str]:
    """The words of a message that name a topic (not its question shape)."""
    return [w for w in plain(text).split() if w.strip("?.!,") not in _SHAPE_WORDS]


def is_followup(text: str) -> bool:
    """Leans on the previous question and names at most a couple of topic words of its own:
    "còn iphone thì sao" is, "làm thế nào để chuyển khoản qr" stands alone."""
    return is_leaning(text) and len(topic_words(text)) <= MAX_TOPIC_WORDS


def with_previous(text: str, previous_question: str) -> str:
    """The follow-up read with the question it leans on."""
    return f"{text.strip()} {previous_question.strip()}".strip()


def pick_offered(text: str, titles: Sequence[str]) -> int | None:
    """Which of the offered choices a short reply picks: by position ("cái thứ 2", "2", "cái
    cuối") or by words of a title ("khai sinh"); None when it picks none."""
    words = plain(text).strip(" .!?")
    if not titles or len(words.split()) > MAX_FOLLOWUP_WORDS:
        return None
    match = _PICK.match(words)
    if match and match.end() >= len(words) - 6:
        token = match.group(2).replace("thu ", "thu ").strip()
        if token in ("cuoi", "cuoi cung"):
            return len(titles) - 1
        index = _ORDINALS.get(token, _ORDINALS.get(token.replace("thu", "").strip()))
        if index is None and token.isdigit():
            index = int(token) - 1
        if index is not None and 0 <= index < len(titles):
            return index
    asked = set(plain_terms(text))
    if not asked:
        return None
    overlaps = [len(asked & set(plain_terms(title))) for title in titles]
    best = max(overlaps)
    if best and overlaps.count(best) == 1:
        return overlaps.index(best)
    return None


def read_correction(text: str) -> tuple[str, str] | None:
    """("VNeID", "VssID") for "không phải VNeID, ý tôi là VssID"; ("", x) for "ý tôi là x";
    None for anything else. Returned in the accent-free form."""
    words = plain(text).strip(" .!?")
    match = _CORRECTION.match(words)
    if not match:
        repair = _REPAIR.match(words)
        return ("", repair.group("only")) if repair else None
    if match.group("only"):
        return "", match.group("only")
    return match.group("wrong"), match.group("meant")


def apply_correction(previous_question: str, wrong: str, meant: str) -> str:
    """The previous question with the wrong words replaced by the meant ones (or the meant
    words added when the wrong ones are not in it)."""
    previous = plain(previous_question)
    if wrong and wrong in previous:
        return previous.replace(wrong, meant, 1)
    return f"{meant} {previous}".strip()
