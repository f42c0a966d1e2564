"""Restore Vietnamese diacritics from our own corpus vocabulary (syllable n-grams + Viterbi).

For every accent-free syllable we know the accented forms seen in the lessons (plus a small
built-in list of everyday question phrases); a trigram model with Witten-Bell smoothing picks
the most likely sequence ("có cần khai" beats "có cán khai": "cán" is nearly always followed by
"bộ", so it leaves little probability for unseen followers). Syllables typed with diacritics
stay as typed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.terms import diacritic_ratio, has_diacritics
from nlu.normalise import strip_accents, syllables

# Everyday phrases residents use around our topics, written by us for the n-gram counts.
COMMON_PHRASES = (
    "làm thế nào", "như thế nào", "thế nào", "làm sao", "phải làm sao", "làm gì", "ở đâu",
    "vào đâu", "đi đâu", "bao nhiêu tiền", "mất bao nhiêu", "bao lâu", "bao giờ", "khi nào",
    "có được không", "được không", "có phải không", "có mất phí không", "có mất tiền không",
    "cho tôi hỏi", "xin hỏi", "tôi muốn hỏi", "em muốn", "giúp tôi với", "là gì", "là ai",
    "có sao không", "có an toàn không", "tại sao", "vì sao", "cần những gì", "cần giấy tờ gì",
    "tôi không biết", "không rành", "cháu ơi", "nhà tôi", "con tôi", "bà già rồi", "kiểu gì",
    "thì sao", "rồi sao", "có cần không", "có bắt buộc không", "có thật không", "ai làm",
    "mấy số", "gồm mấy", "tôi quên", "quên mất", "lỡ tay", "bị mất", "mới mua", "điện thoại",
    "trên mạng", "trên điện thoại", "ra xã", "lên xã", "ở nhà", "tự làm", "người ta bảo",
    "nghe nói", "có người gọi", "nhắn tin", "gửi cho", "chỉ cho tôi", "từng bước",
    "tôi cần", "em cần", "cần làm gì", "cần mang gì", "mấy ngày", "mấy tuần", "mấy tháng",
    "bao nhiêu ngày", "hơn một tuần", "hai tuần", "cả tháng", "hôm nay", "hôm qua", "ngày mai",
    "sáng nay", "chiều nay", "tối qua", "năm nay", "năm ngoái", "tuổi rồi", "về hưu",
    "ông bà", "bố mẹ", "vợ chồng", "con cháu", "người già", "mắt kém", "tay run", "không nhớ",
    "không thấy", "không vào được", "không nhận được", "bị khóa", "bị lỗi", "báo lỗi",
    "chờ lâu", "chậm quá", "nhanh nhất", "gần nhà", "đi lại", "xếp hàng", "chụp ảnh",
    "gọi điện", "bấm vào", "ấn vào", "tải về", "cài đặt", "đăng nhập", "đăng xuất",
    "mở ứng dụng", "bấm nút", "gõ chữ", "nói chuyện", "người lạ", "người quen", "bạn bè",
    "hàng xóm", "cán bộ", "công an", "ngân hàng", "bưu điện", "bệnh viện", "trạm y tế",
    "trường học", "chợ", "bán rau", "bán hàng", "mua hàng", "trả tiền", "nhận tiền",
    "chuyển tiền", "rút tiền", "nạp tiền", "tiền mặt", "giấy tờ", "làm lại", "làm mới",
    "cấp lại", "đổi lại", "sửa lại", "hết hạn", "còn hạn", "mất phí", "miễn phí", "đúng không",
    "phải không", "chưa", "xong rồi", "rồi mà", "vẫn chưa", "mãi không", "giờ phải làm sao",
    "họ bảo", "gọi bảo", "nhắn bảo", "bảo là", "bảo tôi", "bảo em", "mệt lắm", "khó lắm",
    "lo lắm", "nhiều lắm", "sợ lắm", "nghe nói", "nghe bảo", "máy cũ", "số cũ", "cái này",
    "cái gì", "nó bảo", "nói là", "thôi", "quá", "nhẹ", "bị ho", "bị sốt",
)
_SEGMENT = re.compile(r"[.;:!?()\[\]\"“”\n]+|,\s")
_BOUNDARY = "<s>"
_MAX_CANDIDATES = 6
_BEAM = 24


def _segments(text: str) -> Iterable[list[str]]:
    for part in _SEGMENT.split(text):
        tokens = syllables(part)
        if tokens:
            yield tokens


def _is_accented_text(text: str) -> bool:
    """Skip accent-free lines (keywords, FAQ questions typed the way residents do)."""
    return len(text.split()) < 3 or diacritic_ratio(text) >= 0.25


@dataclass
class _Counts:
    uni: Counter[str]
    bi: Counter[tuple[str, str]]
    tri: Counter[tuple[str, str, str]]

    def add(self, tokens: list[str]) -> None:
        padded = [_BOUNDARY, _BOUNDARY, *tokens]
        self.uni.update(tokens)
        self.bi.update(zip(padded[1:], padded[2:], strict=False))
        self.tri.update(zip(padded, padded[1:], padded[2:], strict=False))


class AccentRestorer:
    """Pick accented syllables for accent-free ones, using corpus n-gram counts."""

    def __init__(self, counts: _Counts) -> None:
        self._counts = counts
        self._total = sum(counts.uni.values())
        self._vocab = len(counts.uni) + 1
        self._bi_context: Counter[str] = Counter()
        self._bi_followers: Counter[str] = Counter()
        for (first, _), count in counts.bi.items():
            self._bi_context[first] += count
            self._bi_followers[first] += 1
        self._tri_context: Counter[tuple[str, str]] = Counter()
        self._tri_followers: Counter[tuple[str, str]] = Counter()
        for (first, second, _), count in counts.tri.items():
            self._tri_context[(first, second)] += count
            self._tri_followers[(first, second)] += 1
        forms: dict[str, Counter[str]] = {}
        for word, count in counts.uni.items():
            forms.setdefault(strip_accents(word), Counter())[word] += count
        self._candidates = {
            plain: [w for w, _ in seen.most_common(_MAX_CANDIDATES)]
            for plain, seen in forms.items()
        }

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> AccentRestorer:
        """Count n-grams over accented texts (accent-free ones are skipped) + COMMON_PHRASES."""
        counts = _Counts(Counter(), Counter(), Counter())
        for text in (*texts, *COMMON_PHRASES):
            if _is_accented_text(text):
                for tokens in _segments(text):
                    counts.add(tokens)
        return cls(counts)

    def candidates(self, token: str) -> list[str]:
        """Accented forms for one normalised syllable (itself if typed accented or unknown)."""
        if has_diacritics(token):
            return [token]
        return self._candidates.get(token, [token])

    def _p_uni(self, word: str) -> float:
        return (self._counts.uni[word] + 1) / (self._total + self._vocab)

    def _p_bi(self, w2: str, w3: str) -> float:
        seen, followers = self._bi_context[w2], self._bi_followers[w2]
        if not seen:
            return self._p_uni(w3)
        return (self._counts.bi[(w2, w3)] + followers * self._p_uni(w3)) / (seen + followers)

    def _logp(self, w1: str, w2: str, w3: str) -> float:
        """Witten-Bell: back off in proportion to how many different words follow the context."""
        seen, followers = self._tri_context[(w1, w2)], self._tri_followers[(w1, w2)]
        lower = self._p_bi(w2, w3)
        if not seen:
            return math.log(lower)
        return math.log((self._counts.tri[(w1, w2, w3)] + followers * lower) / (seen + followers))

    def restore_tokens(self, tokens: list[str]) -> list[str]:
        """Viterbi over (previous, current) syllable states with a small beam."""
        beam: dict[tuple[str, str], tuple[float, list[str]]] = {
            (_BOUNDARY, _BOUNDARY): (0.0, [])
        }
        for token in tokens:
            grown: dict[tuple[str, str], tuple[float, list[str]]] = {}
            for (w1, w2), (score, path) in beam.items():
                for w3 in self.candidates(token):
                    new = score + self._logp(w1, w2, w3)
                    if (w2, w3) not in grown or grown[(w2, w3)][0] < new:
                        grown[(w2, w3)] = (new, [*path, w3])
            beam = dict(sorted(grown.items(), key=lambda kv: -kv[1][0])[:_BEAM])
        return max(beam.values(), key=lambda v: v[0])[1] if tokens else []

    def restore(self, text: str) -> str:
        """normalise() the text and put back the most likely diacritics."""
        return " ".join(self.restore_tokens(syllables(text)))
