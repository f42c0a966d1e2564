"""Okapi BM25 over pre-tokenised documents (no text cleaning here, see `knowledge.terms`)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np


class BM25:
    """Okapi BM25 with an inverted index.

    idf(t) = ln(1 + (N - n_t + 0.5) / (n_t + 0.5)), always positive;
    score(q, d) = sum over distinct query terms t of
                  idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl)).
    """

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        if k1 < 0 or not 0 <= b <= 1:
            raise ValueError(f"need k1 >= 0 and 0 <= b <= 1, got k1={k1}, b={b}")
        self.k1 = k1
        self.b = b
        self.n_docs = len(docs)
        lengths = np.array([len(d) for d in docs], dtype=np.float64)
        self.avgdl = float(lengths.mean()) if len(docs) else 0.0
        norm = k1 * (1 - b + b * lengths / self.avgdl) if self.avgdl else np.zeros(len(docs))
        postings: dict[str, list[tuple[int, float]]] = {}
        for doc_id, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                weight = tf * (k1 + 1) / (tf + norm[doc_id])
                postings.setdefault(term, []).append((doc_id, weight))
        self._postings = {
            term: (
                np.array([d for d, _ in rows], dtype=np.int64),
                np.array([w for _, w in rows], dtype=np.float64) * self._idf(len(rows)),
            )
            for term, rows in postings.items()
        }

    def _idf(self, doc_freq: int) -> float:
        return math.log(1 + (self.n_docs - doc_freq + 0.5) / (doc_freq + 0.5))

    def idf(self, term: str) -> float:
        """The idf of a term, 0.0 when no document holds it."""
        rows = self._postings.get(term)
        return self._idf(len(rows[0])) if rows else 0.0

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """One score per document, in corpus order."""
        scores = np.zeros(self.n_docs, dtype=np.float64)
        for term in dict.fromkeys(query):
            rows = self._postings.get(term)
            if rows is not None:
                scores[rows[0]] += rows[1]
        return scores

    def max_score(self, query: Sequence[str]) -> float:
        """An upper bound of any document's score for this query (every term matched, tf → ∞)."""
        return sum(self.idf(t) * (self.k1 + 1) for t in dict.fromkeys(query))
