"""Frozen dataclasses for lessons and their quizzes (pure data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from lessons.domain_lists import host_of, official_domains

TOPICS = (
    "vneid",
    "dvc",
    "payment",
    "safety",
    "health",
    "ecommerce",
    "smartphone",
    "framework",
    "ai",
)
DOMAINS: dict[str, str] = {
    "thiet_bi": "Sử dụng thiết bị và ứng dụng",
    "thong_tin": "Tìm kiếm và đánh giá thông tin",
    "giao_tiep": "Giao tiếp trên môi trường số",
    "sang_tao": "Sáng tạo nội dung số",
    "an_toan": "An toàn trên mạng",
    "giai_quyet": "Xử lý sự cố thường gặp",
    "ai": "Trí tuệ nhân tạo (AI)",
    "dinh_danh": "Định danh số và dịch vụ công",
    "thanh_toan": "Thanh toán không dùng tiền mặt",
    "y_te": "Y tế số",
    "ban_hang": "Bán hàng trực tuyến",
}
GROUPS: dict[str, str] = {
    "nguoi_dan": "Người dân",
    "hoc_sinh": "Học sinh, sinh viên",
    "cbccvc": "Cán bộ, công chức, viên chức",
    "nguoi_lao_dong": "Người lao động doanh nghiệp",
}
LEVELS: dict[str, str] = {"co_ban": "Cơ bản", "nang_cao": "Nâng cao"}
LETTERS = "abcd"


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    date: date

    @property
    def host(self) -> str:
        return host_of(self.url)

    @property
    def official(self) -> bool:
        """A state body's site, the legal text, or a bank's or app's own page (see the yml);
        a press page is never "chính thức"."""

        return official_domains().is_official(self.host)

    @property
    def home_page(self) -> bool:
        """The URL points at a site's front page (no path, no query), not at a page."""
        parts = urlsplit(self.url.strip())
        return parts.path in ("", "/") and not parts.query


@dataclass(frozen=True)
class Step:
    title: str
    body: str


@dataclass(frozen=True)
class Faq:
    question: str
    answer: str


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[str, ...]
    answer: str  # letter: "a".."d"
    why: str

    @property
    def answer_index(self) -> int:
        return LETTERS.index(self.answer)


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    topic: str
    domain: str
    level: str
    groups: tuple[str, ...]
    updated: date
    sources: tuple[Source, ...]
    summary: str
    steps: tuple[Step, ...]
    faq: tuple[Faq, ...]
    quiz: tuple[Question, ...]
    facts: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    changed: str = ""
    reviewed: date | None = None  # last checked against its sources; None: not yet recorded
    path: str = field(default="", compare=False)

    @property
    def main_source(self) -> Source:
        return self.sources[0]

    @property
    def reviewed_on(self) -> date:
        """The day the lesson was last checked; the `updated` day when none is recorded."""
        return self.reviewed or self.updated
