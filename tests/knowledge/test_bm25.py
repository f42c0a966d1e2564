"""BM25 on a three-document corpus with exact expected numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from knowledge.bm25 import BM25

DOCS = [["căn", "cước", "vneid"], ["vneid", "mức", "2", "vneid"], ["chuyển", "khoản"]]


def _expected(tf: int, doc_len: int, doc_freq: int, k1: float = 1.2, b: float = 0.75) -> float:
    idf = math.log(1 + (3 - doc_freq + 0.5) / (doc_freq + 0.5))
    return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / 3.0))


def test_bm25_scores_exact_values() -> None:
    scores = BM25(DOCS).get_scores(["vneid"])
    assert scores == pytest.approx([_expected(1, 3, 2), _expected(2, 4, 2), 0.0])
    assert scores == pytest.approx([0.470004, 0.590862, 0.0], abs=1e-6)


def test_bm25_order_rare_term_wins() -> None:
    scores = BM25(DOCS).get_scores(["căn", "vneid"])
    assert list(np.argsort(-scores)) == [0, 1, 2]
    assert scores[0] == pytest.approx(_expected(1, 3, 1) + _expected(1, 3, 2))


def test_bm25_repeated_query_terms_count_once() -> None:
    index = BM25(DOCS)
    assert index.get_scores(["vneid", "vneid"]) == pytest.approx(index.get_scores(["vneid"]))


def test_bm25_unknown_terms_score_zero() -> None:
    assert BM25(DOCS).get_scores(["thời", "tiết"]).tolist() == [0.0, 0.0, 0.0]


def test_bm25_max_score_bounds_every_document() -> None:
    index = BM25(DOCS)
    query = ["căn", "vneid", "khoản"]
    assert index.get_scores(query).max() <= index.max_score(query)


def test_bm25_rejects_bad_parameters() -> None:
    with pytest.raises(ValueError):
        BM25(DOCS, b=1.5)
