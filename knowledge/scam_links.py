"""Links in a message and what is wrong with them (pure: text and lists in, findings out).

The assistant never opens a link: everything here reads the address as written. A look-alike
copies a brand's name (lessons/brand_domains.yml) into an address that is not the brand's own:
with extra words or a hyphen ("vietcombank-hotro.com"), on another ending ("vneid.com"), with a
letter swapped, doubled, dropped or changed ("vietconbank"), a digit for a letter ("vietc0mbank"),
"rn" for "m", foreign letters that look the same ("vietcоmbank" with a Cyrillic "о"), or
punycode ("xn--…", how such foreign letters travel).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lessons.brand_domains import Brand, BrandLists

_URL = re.compile(r"(?i)\b(?:h[tx]{2}ps?://|www\.)[^\s<>\"'“”]+")
_BARE = re.compile(
    r"(?i)(?<![\w.-])((?:[\w-]+\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]+))(?![\w-])"
    r"(/[^\s<>\"'“”]*)?"
)
_DEFANGED = re.compile(r"\s?[\[(]\.[\])]\s?")
_TRAIL = ".,;:!?)]}»…"
_COMMON_TLDS = frozenset(
    {
        "com",
        "net",
        "org",
        "vn",
        "info",
        "biz",
        "io",
        "co",
        "me",
        "app",
        "dev",
        "asia",
        "page",
        "us",
        "uk",
        "cn",
        "ru",
    }
)
_TWO_LEVEL = frozenset(
    {
        "com.vn",
        "net.vn",
        "org.vn",
        "gov.vn",
        "edu.vn",
        "info.vn",
        "biz.vn",
        "name.vn",
        "pro.vn",
        "health.vn",
        "ac.vn",
        "int.vn",
        "co.uk",
        "com.cn",
    }
)
_IP = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
# Letters from other alphabets drawn like Latin ones (the usual IDN homoglyphs).
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "һ": "h",
        "ӏ": "l",
        "ɡ": "g",
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "α": "a",
        "ο": "o",
        "ν": "v",
        "ι": "i",
        "κ": "k",
        "τ": "t",
        "ρ": "p",
        "ε": "e",
        "υ": "u",
        "đ": "d",
    }
)
_DIGITS = str.maketrans(
    {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}
)


@dataclass(frozen=True)
class Link:
    text: str  # as written in the message
    host: str  # lower case, unicode letters kept
    path: str = ""


@dataclass(frozen=True)
class Imitation:
    brand: Brand
    how: str  # wrong_ending | extra_words | hyphen | typo | digit | letters | homoglyph | fake_gov


def find_links(text: str, endings: frozenset[str] = frozenset()) -> list[Link]:
    """Every web address in the text, in order: with a scheme or "www.", or a bare host on a
    common ending, on one of `endings` (e.g. the unusual ones and the shorteners') or punycode."""
    text = _DEFANGED.sub(".", unicodedata.normalize("NFC", text))
    found: list[Link] = []
    spans: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        spans.append(match.span())
        found.append(_link(match.group(0)))
    for match in _BARE.finditer(text):
        if any(a <= match.start() < b for a, b in spans):
            continue
        link = _link(match.group(0))
        tld = link.host.rsplit(".", 1)[-1]
        if tld in _COMMON_TLDS or tld in endings or tld.startswith("xn--"):
            found.append(link)
    return [link for link in found if link.host]


def _link(written: str) -> Link:
    written = written.rstrip(_TRAIL)
    rest = re.sub(r"(?i)^h[tx]{2}ps?://", "", written)
    host, _, path = rest.partition("/")
    host = re.split(r"[?#:@]", host.split("@")[-1])[0].lower().strip(".")
    host = host.removeprefix("www.")
    return Link(written, host, "/" + path if path else "")


def decode_host(host: str) -> str:
    """Punycode labels ("xn--…") decoded to the letters they stand for."""
    labels = []
    for label in host.split("."):
        try:
            labels.append(
                label.encode("ascii").decode("idna") if label.startswith("xn--") else label
            )
        except UnicodeError:
            labels.append(label)
    return ".".join(labels)


def is_punycode(host: str) -> bool:
    """Written in punycode, or with letters outside plain Latin (an IDN)."""
    return "xn--" in host or not host.isascii()


def skeleton(host: str) -> str:
    """What the host looks like in plain Latin: homoglyphs mapped, accents dropped."""
    mapped = decode_host(host).lower().translate(_HOMOGLYPHS)
    plain = unicodedata.normalize("NFKD", mapped)
    return "".join(ch for ch in plain if not unicodedata.combining(ch) and ch.isascii())


def split_host(host: str) -> tuple[list[str], str]:
    """(the labels before the ending, the ending): "a.b.com.vn" → (["a", "b"], "com.vn")."""
    labels = host.split(".")
    width = 2 if len(labels) > 2 and ".".join(labels[-2:]) in _TWO_LEVEL else 1
    return labels[:-width], ".".join(labels[-width:])


def ending(host: str) -> str:
    return host.rsplit(".", 1)[-1]


def is_ip_address(host: str) -> bool:
    return bool(_IP.match(host))


def is_installable(link: Link, endings: frozenset[str]) -> bool:
    """The address points at a file that installs software (".apk", ".exe", …)."""
    last = link.path.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    return "." in last and last.rsplit(".", 1)[-1].lower() in endings


def _close(a: str, b: str) -> bool:
    """One edit apart (a letter changed, dropped, added or two neighbours swapped)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _copies(name: str, inner: list[str]) -> bool:
    """The brand name stands in the address: a short name as a whole word, a long one anywhere."""
    words = [w for label in inner for w in label.split("-") if w]
    if len(name) <= 3:
        return name in words
    if len(name) == 4:
        return any(w.startswith(name) or w.endswith(name) for w in words)
    return name in "".join(words)


def _misspells(name: str, inner: list[str]) -> bool:
    """A long name written one letter off somewhere in the address."""
    if len(name) < 6:
        return False
    joined = "".join(w for label in inner for w in label.split("-"))
    windows = {
        joined[i : i + n]
        for n in (len(name) - 1, len(name), len(name) + 1)
        for i in range(len(joined) - n + 1)
    }
    return any(_close(name, window) for window in windows)


def _how_copied(name: str, inner: list[str], host: str) -> str:
    if [w for label in inner for w in label.split("-")] == [name]:
        return "wrong_ending"
    return "hyphen" if "-" in host else "extra_words"


def imitated_brand(host: str, lists: BrandLists) -> Imitation | None:
    """The brand whose address this host imitates, and how; None for a real or unrelated host."""
    if not host or lists.is_real(host) or is_ip_address(host):
        return None
    plain = skeleton(host)
    variants = [(host, ""), (plain, "homoglyph" if plain != host else "")]
    variants += [
        (plain.translate(_DIGITS), "digit"),
        (plain.replace("rn", "m"), "letters"),
        (plain.replace("vv", "w"), "letters"),
    ]
    for written, how in variants:
        if not written.isascii() or (how and written == host):
            continue
        inner, _ = split_host(written)
        copied = [
            (len(name), name, brand)
            for brand in lists.brands
            for name in brand.names
            if _copies(name, inner)
        ]
        if copied:  # the longest name: "viettelpost-…" imitates Viettel Post, not Viettel
            _, name, brand = max(copied, key=lambda found: found[0])
            return Imitation(brand, how or _how_copied(name, inner, written))
    inner, _ = split_host(plain)
    misspelt = [
        (len(name), brand)
        for brand in lists.brands
        for name in brand.names
        if _misspells(name, inner)
    ]
    if misspelt:
        _, brand = max(misspelt, key=lambda found: found[0])
        return Imitation(brand, "homoglyph" if plain != host else "typo")
    words = {w for label in inner for w in label.split("-")}
    if words & {"gov", "govvn", "chinhphu"} or any(w.startswith("gov") for w in words):
        return Imitation(Brand("cơ quan nhà nước", "government", ("gov",), ()), "fake_gov")
    return None
