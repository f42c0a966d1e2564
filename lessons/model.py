"""Frozen dataclasses for lessons and their quizzes (pure data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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


OFFICIAL_HOST_ENDINGS = (".gov.vn",)  # state bodies; everything else is a reference


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    date: date

    @property
    def official(self) -> bool:
        """A state body's own site (…gov.vn); a press or company page is not "chính thức"."""
        host = self.url.split("://", 1)[-1].split("/", 1)[0].lower()
        return host.endswith(OFFICIAL_HOST_ENDINGS)


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
    path: str = field(default="", compare=False)

    @property
    def main_source(self) -> Source:
        return self.sources[0]
