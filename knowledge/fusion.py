"""Fuse several ranked lists of passage ids (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Ranking:
    """One retriever's best passages: row ids and their raw scores, best first."""

    ids: tuple[int, ...]
    scores: tuple[float, ...]

    @classmethod
    def from_scores(cls, scores: np.ndarray, depth: int) -> Ranking:
        """The `depth` best rows of a dense score array (ties: lower id first); zeros dropped."""
        order = np.argsort(-scores, kind="stable")[:depth]
        kept = [i for i in order if scores[i] > 0]
        return cls(tuple(int(i) for i in kept), tuple(float(scores[i]) for i in kept))

    def rank_of(self, row: int) -> int | None:
        """1-based rank of a row, None when it is not in the list."""
        try:
            return self.ids.index(row) + 1
        except ValueError:
            return None


def weighted_rrf(
    rankings: Mapping[str, Ranking], weights: Mapping[str, float], k: float = 60.0
) -> dict[int, float]:
    """Reciprocal rank fusion: sum over lists of weight / (k + rank)."""
    fused: dict[int, float] = {}
    for name, ranking in rankings.items():
        weight = weights.get(name, 0.0)
        if weight <= 0:
            continue
        for rank, row in enumerate(ranking.ids, start=1):
            fused[row] = fused.get(row, 0.0) + weight / (k + rank)
    return fused


def boost_by_group(
    fused: Mapping[int, float], group_of: Sequence[str], weight: float, top: int = 3
) -> dict[int, float]:
    """Add `weight` × the fused scores of the group's other best rows (up to `top` in all).

    A lesson with several matching sections is more likely the right one than a lesson with a
    single lucky section; the best section of the best lesson still comes first.
    """
    if weight <= 0:
        return dict(fused)
    by_group: dict[str, list[float]] = {}
    for row, score in fused.items():
        by_group.setdefault(group_of[row], []).append(score)
    totals = {g: sum(sorted(scores, reverse=True)[:top]) for g, scores in by_group.items()}
    return {
        row: score + weight * max(0.0, totals[group_of[row]] - score)
        for row, score in fused.items()
    }


def top_rows(fused: Mapping[int, float], n: int) -> list[tuple[int, float]]:
    """The n best (row, score) pairs; ties broken by lower row id, so results are stable."""
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def distinct_by(rows: Sequence[tuple[int, float]], group_of: Sequence[str], n: int) -> list[int]:
    """Rows of the first n distinct groups (e.g. lessons), best row of each group."""
    seen: set[str] = set()
    picked: list[int] = []
    for row, _ in rows:
        group = group_of[row]
        if group not in seen:
            seen.add(group)
            picked.append(row)
        if len(picked) == n:
            break
    return picked
