"""Vietnamese text normalisation: NFC, one tone-mark style, teencode, accent-free form.

Stdlib only: the Rasa venv (Python 3.10) imports this module too.

Tone-mark style: the traditional placement used by most official texts ("hòa", "khỏe", "thúy");
the other placement ("hoà", "khoẻ", "thuý") and misplaced marks ("qủa", "thọai") are mapped to it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["TEENCODE", "is_syllable", "normalise", "strip_accents", "syllables", "to_nfc"]

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = frozenset("aăâeêioôơuưy")
_MODIFIED = frozenset("ăâêôơư")
_ONSETS = frozenset((
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
))
_FINALS = frozenset(("", "c", "ch", "m", "n", "ng", "nh", "p", "t"))
_WORD = re.compile(r"[^\W\d_]+")

# Teencode and abbreviations, one token → its accented expansion (keys lower-case NFC).
TEENCODE: dict[str, str] = {
    # negation
    "ko": "không", "k": "không", "kh": "không", "khg": "không", "khong": "không",
    "hok": "không", "hông": "không", "khum": "không", "hem": "không", "kô": "không",
    # được, rồi, vậy, với, mới, cũng, biết ...
    "dc": "được", "đc": "được", "dk": "đăng ký", "đk": "đăng ký", "đky": "đăng ký",
    "dky": "đăng ký", "đki": "đăng ký", "r": "rồi", "rùi": "rồi", "ùi": "rồi", "oy": "rồi",
    "v": "vậy", "z": "vậy", "zậy": "vậy", "dzậy": "vậy", "vs": "với", "ms": "mới",
    "cx": "cũng", "cũg": "cũng", "bik": "biết", "bít": "biết", "bjk": "biết",
    "j": "gì", "gi": "gì", "ntn": "như thế nào", "bn": "bao nhiêu", "nhìu": "nhiều",
    "mún": "muốn", "trc": "trước", "lm": "làm", "tl": "trả lời", "kt": "kiểm tra",
    "ktra": "kiểm tra", "bjo": "bây giờ", "bgio": "bây giờ", "h": "giờ", "tg": "thời gian",
    "tgian": "thời gian",
    "kq": "kết quả", "ttin": "thông tin", "vc": "việc", "lquan": "liên quan", "hdan": "hướng dẫn",
    "qtrong": "quan trọng", "kbiet": "không biết", "kbik": "không biết", "ncl": "nói chung là",
    "tks": "cảm ơn", "thks": "cảm ơn", "pls": "làm ơn", "plz": "làm ơn", "onl": "online",
    # people
    "e": "em", "tui": "tôi", "mik": "mình", "ng": "người", "ngta": "người ta",
    "mn": "mọi người", "mng": "mọi người", "ad": "admin", "hs": "học sinh", "sv": "sinh viên",
    "ny": "người yêu", "gv": "giáo viên", "nv": "nhân viên", "cty": "công ty", "cq": "cơ quan",
    # accounts, money, phones
    "tk": "tài khoản", "mk": "mật khẩu", "pass": "mật khẩu", "stk": "số tài khoản",
    "ck": "chuyển khoản", "nh": "ngân hàng", "hp": "học phí", "sdt": "số điện thoại",
    "sđt": "số điện thoại", "dt": "điện thoại", "đt": "điện thoại", "dthoai": "điện thoại",
    "đthoai": "điện thoại", "đtdđ": "điện thoại di động", "ib": "nhắn tin",
    "fb": "facebook", "zl": "zalo", "acc": "tài khoản",
    # papers and offices
    "cccd": "căn cước công dân", "cmnd": "chứng minh nhân dân", "cn": "cá nhân",
    "gplx": "giấy phép lái xe", "blx": "bằng lái xe", "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội", "dvc": "dịch vụ công", "ubnd": "ủy ban nhân dân",
    "tp": "thành phố",
}
# "mk" is "mình" (I, me) as a pronoun ("cho mk", "mk vừa chuyển"), else "mật khẩu" ("quên mk").
_MINH_PREV = frozenset({"cho", "của", "cua", "giúp", "giup", "với", "voi", "vs", "nhờ", "bảo",
                        "bao", "hỏi", "hoi", "gửi", "gui", "nhắn", "nhan", "gọi", "goi", "giùm",
                        "dùm"})
_MINH_NEXT = frozenset({"vừa", "vua", "muốn", "muon", "mún", "đang", "dang", "đã", "da", "mới",
                        "moi", "ms", "cần", "can", "định", "dinh", "hay", "thì", "thi", "cũng",
                        "cx", "chưa", "chua", "ko", "k", "không", "khong", "hỏi", "hoi", "thấy",
                        "thay", "nghe", "đi", "di", "lỡ", "ơi", "oi", "đăng", "dùng",
                        "làm", "lm", "ở", "ra", "vào", "vao", "tải", "tai", "cài", "cai"})
_PASSWORD_PREV = frozenset({"quên", "quen", "đổi", "doi", "nhập", "nhap", "đặt", "dat", "sai",
                            "nhớ", "nho", "lộ", "tạo", "tao", "mất", "mat", "lại", "lai", "cấp"})
# "bn" means "bạn" next to these words ("bn ơi", "cảm ơn bn", "của bn"), and at the end of a
# question ("được không bn", "dc ko bn").
_BAN_LAST_AFTER = frozenset({"không", "khong", "ko", "k", "hông", "hả", "ha", "hở", "vậy", "v",
                             "z", "nhé", "nhe", "nha", "nhỉ", "ạ", "đi", "với", "vs", "j", "gì"})
_BAN_NEXT = frozenset({"ơi", "oi", "chuyển", "chuyen", "giúp", "giup", "chỉ", "nói", "biết", "biet",
                       "xem", "hỏi", "nghe", "gọi", "goi", "nối", "kết", "ket", "cho"})
_BAN_PREV = frozenset({"ơn", "của", "cua", "với", "voi", "cho", "giúp", "giup", "nhờ", "hỏi"})

_PHRASES = (
    (re.compile(r"\bvn[\s\-_.]*eid\b"), "vneid"),
    (re.compile(r"\bch[\s\-]*play\b"), "ch play"),
    (re.compile(r"(\d)\s*(?:tr|củ|m)\b"), r"\1 triệu"),
    (re.compile(r"(\d)\s*k\b"), r"\1 nghìn"),
    (re.compile(r"(\d)\s*(?:đ|đồng|vnđ|vnd)\b"), r"\1 đồng"),
    (re.compile(r"="), " bằng "),
    (re.compile(r"&"), " và "),
)
# "kí" / "ký", "lí lịch" / "lý lịch", "kĩ năng" / "kỹ năng": both are in use; match on "y".
_I_TO_Y = str.maketrans("iìíỉĩị", "yỳýỷỹỵ")
_FINAL_I = re.compile(r"\b(h|k|l|m|t|qu)([iìíỉĩị])\b")
_TOKEN = re.compile(r"\d+(?:[.,/:]\d+)*(?![^\W_])|[^\W_]+")
_U_HORN_O = re.compile("([ưừứửữự])([oòóỏõọ])")


def _split_tone(word: str) -> tuple[str, str]:
    """Return (word without its tone mark, the first tone mark or "")."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONES]
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    return unicodedata.normalize("NFC", base), (tones[0] if tones else "")


def _tone_index(base: str) -> int | None:
    """Index of the vowel that carries the tone in a toneless syllable, None if not Vietnamese."""
    low = base.lower()
    start = 2 if low[:2] in ("qu", "gi") and len(low) > 2 and low[2] in _VOWELS else 0
    first = start
    while first < len(low) and low[first] not in _VOWELS:
        first += 1
    last = first
    while last < len(low) and low[last] in _VOWELS:
        last += 1
    onset, nucleus, final = low[:first], low[first:last], low[last:]
    if not nucleus or len(nucleus) > 3 or onset not in _ONSETS or final not in _FINALS:
        return None
    modified = [i for i in range(first, last) if low[i] in _MODIFIED]
    if modified:
        return modified[-1]
    if final or len(nucleus) == 3:
        return last - 1 if final else first + 1
    return first


def is_syllable(word: str) -> bool:
    """True when `word` is spelled like one Vietnamese syllable, accented or not ("khẩu", "khau");
    False for "hoahong", "VNeID", "abc"."""
    return word.isalpha() and _tone_index(_split_tone(word)[0]) is not None


def _place_tone(match: re.Match[str]) -> str:
    word = match.group(0)
    return word if word.isascii() else _retone(word)


@lru_cache(maxsize=65536)
def _retone(word: str) -> str:
    """The word with its tone mark on the right vowel (cached: the vocabulary is small)."""
    base, tone = _split_tone(word)
    if not tone:
        return word
    index = _tone_index(base)
    if index is None:
        return word
    marked = unicodedata.normalize("NFC", unicodedata.normalize("NFD", base[index]) + tone)
    return base[:index] + marked + base[index + 1 :]


def to_nfc(text: str) -> str:
    """NFC with one tone-mark placement style ("hoà" → "hòa", "thuý" → "thúy", "qủa" → "quả")."""
    return _WORD.sub(_place_tone, unicodedata.normalize("NFC", text))


def _fix_horn(text: str) -> str:
    """"ngừoi" → "người": Vietnamese has "ươ" but never "ưo"."""

    def add_horn(match: re.Match[str]) -> str:
        o_char = unicodedata.normalize("NFD", match.group(2))
        return match.group(1) + unicodedata.normalize("NFC", o_char[0] + "\u031b" + o_char[1:])

    return _U_HORN_O.sub(add_horn, text)


def _expand(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token == "bn" and (
            (i + 1 < len(tokens) and tokens[i + 1] in _BAN_NEXT)
            or (i > 0 and tokens[i - 1] in _BAN_PREV)
            or (i == len(tokens) - 1 and i > 0 and tokens[i - 1] in _BAN_LAST_AFTER)
        ):
            out.append("bạn")
        elif token == "mk":
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            out.append(_mk(tokens[i - 1] if i else "", following))
        else:
            out.append(TEENCODE.get(token, token))
    return out


def _mk(previous: str, following: str) -> str:
    if previous in _PASSWORD_PREV:
        return "mật khẩu"
    return "mình" if previous in _MINH_PREV or following in _MINH_NEXT else "mật khẩu"


def normalise(text: str) -> str:
    """Matching form: NFC, one tone style, lower case, no punctuation, teencode expanded,
    "i" spelled "y" where both spellings are in use ("đăng kí" → "đăng ký")."""
    lowered = to_nfc(text).lower()
    if _U_HORN_O.search(lowered):
        lowered = to_nfc(_fix_horn(lowered))
    lowered = _FINAL_I.sub(lambda m: m.group(1) + m.group(2).translate(_I_TO_Y), lowered)
    for pattern, replacement in _PHRASES:
        lowered = pattern.sub(replacement, lowered)
    return " ".join(_expand(_TOKEN.findall(lowered)))


def strip_accents(text: str) -> str:
    """Accent-free form after NFC: "Đăng ký" → "Dang ky"."""
    decomposed = unicodedata.normalize("NFD", to_nfc(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def syllables(text: str) -> list[str]:
    """normalise() then split into syllable tokens."""
    return normalise(text).split()
