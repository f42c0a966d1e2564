"""Small lessons and a hand-made embedder for fast retrieval tests (no model download)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from lessons.model import Faq, Lesson, Source, Step

# Hand-written 4-d "meaning" axes: identity app, bank transfer, QR codes, health.
AXES = (("vneid", "định danh"), ("chuyển khoản", "ngân hàng"), ("qr",), ("sức khỏe", "khám"))


def axis_vector(text: str) -> np.ndarray:
    """A unit vector: per axis, how often its words occur in the text."""
    low = text.lower()
    vector = np.array([sum(low.count(w) for w in words) for words in AXES], dtype=np.float32)
    vector += 0.01  # never a zero vector
    return vector / np.linalg.norm(vector)


class AxisEmbedder:
    """A test double for the Embedder protocol: counts the passages it embeds."""

    name = "axis-test"
    dim = len(AXES)

    def __init__(self) -> None:
        self.embedded_passages = 0

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([axis_vector(t) for t in texts]) if texts else np.zeros((0, self.dim))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.embedded_passages += len(texts)
        return np.stack([axis_vector(t) for t in texts]) if texts else np.zeros((0, self.dim))


def make_lesson(
    lesson_id: str, title: str, summary: str, faq: tuple[tuple[str, str], ...] = (),
    steps: tuple[tuple[str, str], ...] = (), keywords: tuple[str, ...] = (),
) -> Lesson:
    return Lesson(
        id=lesson_id, title=title, topic="vneid", domain="dinh_danh", level="co_ban",
        groups=("nguoi_dan",), updated=date(2026, 1, 1),
        sources=(Source("Cổng Dịch vụ công", "https://dichvucong.gov.vn", date(2025, 6, 9)),),
        summary=summary, steps=tuple(Step(t, b) for t, b in steps),
        faq=tuple(Faq(q, a) for q, a in faq), quiz=(), keywords=keywords,
    )


def small_lesson_list() -> list[Lesson]:
    """Three short lessons on separate topics (identity, QR transfer, health)."""
    return [
        make_lesson(
            "vneid-muc-2", "Đăng ký VNeID mức 2",
            "Muốn có tài khoản định danh VNeID mức 2, bạn đến công an xã để lấy vân tay.",
            faq=(("Làm VNeID mức 2 có mất tiền không?", "Đăng ký VNeID miễn phí."),),
            steps=(("Bước 1: Mang thẻ căn cước", "Mang thẻ căn cước còn hạn đến công an xã."),),
            keywords=("lam vneid", "muc 2"),
        ),
        make_lesson(
            "chuyen-khoan-qr", "Chuyển khoản bằng mã QR",
            "Mở ứng dụng ngân hàng, chọn quét mã QR, kiểm tra tên người nhận rồi chuyển khoản.",
            faq=(("Quét QR của ngân hàng khác được không?", "Được, mã VietQR dùng chung."),),
        ),
        make_lesson(
            "so-suc-khoe", "Sổ sức khỏe điện tử",
            "Sổ sức khỏe điện tử trong ứng dụng lưu kết quả khám và đơn thuốc.",
        ),
    ]


@pytest.fixture
def small_lessons() -> list[Lesson]:
    return small_lesson_list()


@pytest.fixture
def embedder() -> AxisEmbedder:
    return AxisEmbedder()

