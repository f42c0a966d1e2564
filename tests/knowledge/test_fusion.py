"""Rank fusion, lesson boost and distinct-lesson picking (pure functions)."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.fusion import Ranking, boost_by_group, distinct_by, top_rows, weighted_rrf


def test_ranking_from_scores_keeps_order_and_drops_zeros() -> None:
    ranking = Ranking.from_scores(np.array([0.2, 0.0, 0.9, 0.2]), depth=3)
    assert ranking.ids == (2, 0, 3)
    assert ranking.rank_of(0) == 2
    assert ranking.rank_of(1) is None


def test_weighted_rrf_exact_scores() -> None:
    rankings = {"a": Ranking((1, 2), (9.0, 8.0)), "b": Ranking((2, 3), (0.9, 0.8))}
    fused = weighted_rrf(rankings, {"a": 1.0, "b": 2.0}, k=10)
    assert fused == pytest.approx({1: 1 / 11, 2: 1 / 12 + 2 / 11, 3: 2 / 12})
    assert [row for row, _ in top_rows(fused, 3)] == [2, 3, 1]


def test_weighted_rrf_ignores_zero_weight_lists() -> None:
    rankings = {"a": Ranking((1,), (1.0,)), "b": Ranking((2,), (1.0,))}
    assert weighted_rrf(rankings, {"a": 1.0, "b": 0.0}, k=10) == pytest.approx({1: 1 / 11})


def test_top_rows_breaks_ties_by_row() -> None:
    assert top_rows({5: 1.0, 3: 1.0, 4: 2.0}, 3) == [(4, 2.0), (3, 1.0), (5, 1.0)]


def test_boost_by_group_favours_lessons_with_several_matches() -> None:
    fused = {0: 0.30, 1: 0.20, 2: 0.20, 3: 0.25}
    groups = ["x", "y", "y", "z"]
    boosted = boost_by_group(fused, groups, weight=0.5)
    assert boosted == pytest.approx({0: 0.30, 1: 0.30, 2: 0.30, 3: 0.25})
    assert boost_by_group(fused, groups, weight=0.0) == fused


def test_distinct_by_takes_best_row_of_each_group() -> None:
    rows = [(0, 0.9), (1, 0.8), (2, 0.7), (3, 0.6)]
    assert distinct_by(rows, ["a", "a", "b", "c"], 2) == [0, 2]
