"""Text → BM25 terms: normalised syllables and syllable bigrams, accented and accent-free."""

from __future__ import annotations

import re
from functools import lru_cache

from nlu.normalise import strip_accents, syllables

# Function words and chat fillers that say nothing about the topic (accented forms).
_STOPWORD_TEXT = """
    à ạ ơi nhé nha nhỉ hả vậy thì là mà và với của cho có không được bị các những một này
    đó kia thế nào gì sao đâu ai ạ ừ vâng dạ ơ ôi rồi đã đang sẽ cũng còn nữa lại ra vào lên
    xuống đi đến tới từ trong ngoài trên dưới khi nếu thôi luôn chứ nhưng hay hoặc vì nên do
    tôi em anh chị bác bà ông cháu mình bạn ad admin họ chúng cậu mợ cô chú dì
    muốn cần phải làm xin hỏi giúp với ạ nhờ ơn cảm biết rõ lắm quá rất thật ạ
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Accent-free stop words, minus forms shared with content words ("the": thế / thẻ,
# "la": là / lạ, "dang": đang / đăng, "ho": họ / hồ sơ, "vi": vì / ví, "cho": cho / chợ, ...).
_PLAIN_KEEP_TEXT = (
    "ma ban can the lai tu thoi chu vi anh chi minh ho chung cau co hoi nho cam dau dang cung "
    "con cho la vay nha"
)
_PLAIN_KEEP = frozenset(_PLAIN_KEEP_TEXT.split())
PLAIN_STOPWORDS = frozenset(strip_accents(w) for w in STOPWORDS) - _PLAIN_KEEP
_NUMBER_PARTS = re.compile(r"[.,/:]")


def _split_numbers(tokens: list[str]) -> list[str]:
    """Keep "1/7/2025" and add its parts, so "7/2025" and "1/7/2025" share terms."""
    out: list[str] = []
    for token in tokens:
        out.append(token)
        if token[0].isdigit() and _NUMBER_PARTS.search(token):
            out += [part for part in _NUMBER_PARTS.split(token) if part]
    return out


def _terms(tokens: list[str], stopwords: frozenset[str]) -> list[str]:
    unigrams = [t for t in _split_numbers(tokens) if t not in stopwords]
    bigrams = [
        f"{a}_{b}"
        for a, b in zip(tokens, tokens[1:], strict=False)
        if not (a in stopwords and b in stopwords)
    ]
    return unigrams + bigrams


def accented_terms(text: str) -> list[str]:
    """Normalised syllables (stop words dropped) plus syllable bigrams, with diacritics."""
    return _terms(syllables(text), STOPWORDS)


@lru_cache(maxsize=65536)
def _plain_syllable(syllable: str) -> str:
    return strip_accents(syllable)


def plain_terms(text: str) -> list[str]:
    """The same terms on the accent-free form ("đ" → "d")."""
    return _terms([_plain_syllable(t) for t in syllables(text)], PLAIN_STOPWORDS)


def has_diacritics(token: str) -> bool:
    """True when a syllable carries a tone or vowel mark or is spelled with "đ"."""
    return not token.isascii() and _plain_syllable(token) != token


def diacritic_ratio(text: str) -> float:
    """Share of letter syllables that carry diacritics (Vietnamese prose is ≈ 0.6-0.8)."""
    words = [t for t in syllables(text) if t.isalpha()]
    if not words:
        return 0.0
    return sum(has_diacritics(w) for w in words) / len(words)
