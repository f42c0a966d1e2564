"""What a resident's message IS: a question, harm already done, a wish for a person, out of
scope, small talk, or a pasted message — read by a small linear head (pure numpy at run time).

The head is a multinomial logistic regression over three views of the message:
- the dense query vector that retrieval computes anyway (no second model call),
- hashed unigrams and bigrams of the accent-free, teencode-expanded text (cues of a completed
  act such as "rồi", "đã", "lỡ", "bị trừ" live here),
- a few shape features (length, a link, an amount of money, several lines).
Its classes are "label/kind" pairs (e.g. "harm/money_lost"); a label's probability is the sum of
its kinds'. It is trained by `knowledge.situation_train` from `knowledge/situations/*.jsonl`
at set-up and saved as plain arrays (`.npz`, no pickle) with the thresholds chosen by
cross-validation.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nlu.normalise import normalise, strip_accents

LABELS = ("question", "harm", "wants_person", "out_of_scope", "small_talk", "pasted_message")
HASH_BINS = 4096
SHAPE_FEATURES = ("words", "long", "link", "money", "lines", "digits")
_LINK = re.compile(r"https?://|www\.|\[\.\]|\b[\w-]+\.(com|net|vn|xyz|top|info|link|cc)\b", re.I)
_MONEY = re.compile(r"\b\d[\d.,]*\s*(k|tr|trieu|triệu|nghìn|nghin|ngàn|đ|d|dong|đồng|ty|tỷ)\b",
                    re.I)
_DIGITS = re.compile(r"\d{4,}")


@dataclass(frozen=True)
class FeatureConfig:
    """How much each view weighs (all views are unit-length before weighting)."""

    dense_weight: float = 1.0
    sparse_weight: float = 1.0
    shape_weight: float = 0.5


def plain_tokens(text: str) -> list[str]:
    """Accent-free, teencode-expanded, lower-case word tokens."""
    return re.findall(r"[a-z0-9]+", strip_accents(normalise(text)).lower())


def _bucket(term: str) -> int:
    return zlib.crc32(term.encode()) % HASH_BINS


def sparse_features(text: str) -> np.ndarray:
    """Binary hashed unigrams and bigrams, scaled to unit length."""
    tokens = plain_tokens(text)
    vector = np.zeros(HASH_BINS, dtype=np.float32)
    terms = tokens + [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    for term in terms:
        vector[_bucket(term)] = 1.0
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def shape_features(text: str) -> np.ndarray:
    words = len(text.split())
    values = [
        min(words, 120) / 60.0,
        float(words > 35),
        float(bool(_LINK.search(text))),
        float(bool(_MONEY.search(text))),
        float(text.count("\n") > 0),
        float(bool(_DIGITS.search(text))),
    ]
    return np.asarray(values, dtype=np.float32)


def message_features(text: str, vector: np.ndarray, config: FeatureConfig) -> np.ndarray:
    """One row: dense vector, hashed n-grams and shape features, each weighted."""
    dense = np.asarray(vector, dtype=np.float32).ravel()
    return np.concatenate([
        config.dense_weight * dense,
        config.sparse_weight * sparse_features(text),
        config.shape_weight * shape_features(text),
    ])


@dataclass(frozen=True)
class Situation:
    label: str
    kind: str
    probabilities: dict[str, float]  # per label
    kinds: dict[str, float] = field(default_factory=dict)  # per "label/kind"

    def probability(self, label: str) -> float:
        return self.probabilities.get(label, 0.0)

    def best_kind(self, label: str) -> str:
        """The most likely kind within a label (e.g. which harm)."""
        prefix = f"{label}/"
        inside = {k: p for k, p in self.kinds.items() if k.startswith(prefix)}
        return max(inside, key=inside.__getitem__)[len(prefix):] if inside else ""


@dataclass(frozen=True)
class Thresholds:
    """Probabilities at which a label wins over "question" (chosen by cross-validation so that
    plain questions are rarely alarmed); `harm_in_context` applies when the conversation is
    already about a scam or a problem."""

    harm: float = 0.5
    harm_in_context: float = 0.3
    wants_person: float = 0.5
    out_of_scope: float = 0.5
    pasted_message: float = 0.5
    small_talk: float = 0.5

    def as_dict(self) -> dict[str, float]:
        return dict(self.__dict__)


class SituationHead:
    """The trained linear head: classes, weights, thresholds and the feature config."""

    def __init__(
        self,
        classes: list[str],
        coef: np.ndarray,
        intercept: np.ndarray,
        thresholds: Thresholds,
        features: FeatureConfig,
        embedder_name: str,
        data_hash: str = "",
    ) -> None:
        if coef.shape[0] != len(classes) or intercept.shape[0] != len(classes):
            raise ValueError("one row of weights per class is needed")
        self.classes = classes
        self.coef = coef.astype(np.float32)
        self.intercept = intercept.astype(np.float32)
        self.thresholds = thresholds
        self.features = features
        self.embedder_name = embedder_name
        self.data_hash = data_hash

    def class_probabilities(self, rows: np.ndarray) -> np.ndarray:
        logits = np.atleast_2d(rows) @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def read(self, text: str, vector: np.ndarray, *, in_trouble_context: bool = False) -> Situation:
        """The situation of one message, from its text and its retrieval query vector."""
        probs = self.class_probabilities(message_features(text, vector, self.features))[0]
        kinds = {name: float(p) for name, p in zip(self.classes, probs, strict=True)}
        by_label = dict.fromkeys(LABELS, 0.0)
        for name, p in kinds.items():
            by_label[name.split("/", 1)[0]] += p
        label = decide_label(by_label, self.thresholds, in_trouble_context)
        situation = Situation(label, "", by_label, kinds)
        return Situation(label, situation.best_kind(label), by_label, kinds)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(
            tmp,
            classes=np.array(self.classes),
            coef=self.coef,
            intercept=self.intercept,
            thresholds=np.array(list(self.thresholds.as_dict().items()), dtype=object).astype(str),
            features=np.array([self.features.dense_weight, self.features.sparse_weight,
                               self.features.shape_weight]),
            embedder=np.array(self.embedder_name),
            data_hash=np.array(self.data_hash),
        )
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> SituationHead:
        with np.load(path, allow_pickle=False) as data:
            thresholds = Thresholds(**{k: float(v) for k, v in data["thresholds"]})
            weights = [float(v) for v in data["features"]]
            return cls(
                [str(c) for c in data["classes"]],
                data["coef"],
                data["intercept"],
                thresholds,
                FeatureConfig(*weights),
                str(data["embedder"]),
                str(data["data_hash"]),
            )


def decide_label(by_label: dict[str, float], thresholds: Thresholds, in_context: bool) -> str:
    """Safety first: harm, then a wish for a person, then the rest; "question" otherwise."""
    harm_at = thresholds.harm_in_context if in_context else thresholds.harm
    if by_label["harm"] >= harm_at:
        return "harm"
    for label in ("wants_person", "pasted_message", "out_of_scope", "small_talk"):
        if by_label[label] >= getattr(thresholds, label):
            return label
    return "question"
