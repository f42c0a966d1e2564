"""One search result: a passage with its fused score and where each retriever ranked it.

Its own module so that the retriever (which makes hits) and the assessment (which judges them)
both import it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.chunking import Passage


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # fused score
    ranks: dict[str, int]  # 1-based rank in each retriever that returned it
    scores: dict[str, float]  # raw score in each retriever that returned it
