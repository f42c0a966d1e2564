"""Turn one training message into the ways residents type it (pure, deterministic).

Residents on phones drop diacritics, write teencode ("ko", "dc", "tk") and make typos. The
situation classifier is trained on each message in each of these forms, so it learns the
situation rather than the spelling. Every variant is derived from the message's own text with a
random generator seeded by that text, so the same data always gives the same training set.
"""

from __future__ import annotations

import random
import re
import zlib

from nlu.normalise import strip_accents, to_nfc

# Written forms people use for common words (the reverse of nlu.normalise.TEENCODE, which maps
# them back when reading). Only unambiguous, frequent ones.
TEENCODE_WRITE: dict[str, tuple[str, ...]] = {
    "không": ("ko", "k", "hok", "khong"),
    "được": ("dc", "đc", "dk"),
    "tài khoản": ("tk", "tai khoan"),
    "mật khẩu": ("mk", "pass"),
    "chuyển khoản": ("ck",),
    "số điện thoại": ("sdt", "sđt"),
    "điện thoại": ("dt", "đt"),
    "ngân hàng": ("nh", "ngan hang"),
    "rồi": ("r", "rùi", "oy"),
    "vậy": ("v", "z"),
    "với": ("vs",),
    "gì": ("j", "gi"),
    "biết": ("bít", "bik"),
    "như thế nào": ("ntn",),
    "muốn": ("mún",),
    "làm": ("lm",),
    "bây giờ": ("bjo", "bgio"),
    "người": ("ng",),
    "căn cước công dân": ("cccd",),
    "căn cước": ("cccd",),
    "facebook": ("fb",),
    "zalo": ("zl",),
    "cũng": ("cx",),
    "tôi": ("tui", "t"),
    "em": ("e",),
    "nhiều": ("nhìu",),
    "trước": ("trc",),
    "thời gian": ("tg",),
    "đăng ký": ("dk", "đk"),
}
_TEENCODE_PATTERN = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, TEENCODE_WRITE), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_KEYBOARD_NEIGHBOURS = {
    "a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "g": "fh", "h": "gj", "i": "uo",
    "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "r": "et", "s": "ad",
    "t": "ry", "u": "yi", "v": "cb", "y": "tu",
}
VARIANTS = ("standard", "no_diacritics", "teencode", "typo")


def rng_for(text: str, salt: str) -> random.Random:
    """A generator seeded by the text itself (crc32: stable across runs, unlike hash())."""
    return random.Random(zlib.crc32(f"{salt}\x00{text}".encode()))


def to_teencode(text: str) -> str:
    """Replace about two thirds of the words that have a common short form, then drop accents
    on half of the messages (teencode is mostly typed without them)."""
    rng = rng_for(text, "teencode")

    def shorten(match: re.Match[str]) -> str:
        if rng.random() > 0.67:
            return match.group(0)
        return rng.choice(TEENCODE_WRITE[match.group(0).lower()])

    short = _TEENCODE_PATTERN.sub(shorten, to_nfc(text))
    return strip_accents(short) if rng.random() < 0.5 else short


def add_typos(text: str, rate: float = 0.06) -> str:
    """Swap, drop, double or mistype about `rate` of the letters (never more than four)."""
    rng = rng_for(text, "typo")
    chars = list(strip_accents(text) if rng.random() < 0.6 else to_nfc(text))
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    count = min(4, max(1, round(len(letters) * rate)))
    for i in sorted(rng.sample(letters, min(count, len(letters))), reverse=True):
        kind = rng.choice(("swap", "drop", "double", "neighbour"))
        if kind == "swap" and i + 1 < len(chars) and chars[i + 1].isalpha():
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif kind == "drop":
            del chars[i]
        elif kind == "double":
            chars.insert(i, chars[i])
        else:
            near = _KEYBOARD_NEIGHBOURS.get(chars[i].lower())
            if near:
                chars[i] = rng.choice(near)
    return "".join(chars)


def make_variants(text: str) -> dict[str, str]:
    """The message as written and its no-diacritics, teencode and typo forms; a form equal to
    one already made is left out."""
    forms = {
        "standard": to_nfc(text),
        "no_diacritics": strip_accents(text),
        "teencode": to_teencode(text),
        "typo": add_typos(text),
    }
    seen: set[str] = set()
    unique: dict[str, str] = {}
    for name, form in forms.items():
        key = form.casefold()
        if key not in seen:
            seen.add(key)
            unique[name] = form
    return unique
