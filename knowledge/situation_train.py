"""Train the situation head from `knowledge/situations/*.jsonl` (set-up runs this).

`python -m knowledge.situation_train [train|cv|score FILE]`:
- `train` (default): fit on every message and its typed variants, choose thresholds by 5-fold
  cross-validation, save `<index dir>/situation.npz`; skipped when the data, the embedder and
  the feature code are unchanged (the hash is stored in the file). Deterministic.
- `cv`: print cross-validated precision and recall per label (variants of one message stay in
  one fold, so a variant never tests its own original).
- `score FILE`: precision and recall per label on a labelled file never used for training.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.situation import (
    LABELS,
    FeatureConfig,
    SituationHead,
    Thresholds,
    decide_label,
    message_features,
)
from knowledge.situation_read import read_situation
from knowledge.variants import make_variants

DATA_DIR = Path(__file__).resolve().parent / "situations"
HEAD_FILE = "situation.npz"
VECTOR_CACHE = "situation_vectors.npz"
FOLDS = 5
C = 4.0  # inverse regularisation; 2-8 sat on a plateau in cross-validation
# The share of plain questions we accept to alarm (cross-validated) when choosing thresholds.
MAX_FALSE_HARM = 0.02
MAX_FALSE_HARM_IN_CONTEXT = 0.06
MAX_FALSE_PERSON = 0.03
MIN_OUT_OF_SCOPE_PRECISION = 0.92
# Cross-validation over our own messages and their variants is optimistic: on the dev set and the
# three earlier held-out question sets (251 plain questions, 30 escalations) the head at the CV
# threshold (0.42) alarmed 20 plain questions (8%), at 0.6 nine (3.6%) with every escalation
# still caught (measured 12/2026). The chosen thresholds never go below these floors.
FLOOR = {"harm": 0.6, "harm_in_context": 0.45, "wants_person": 0.35}


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    kind: str
    group: int  # the original message's number: its variants share it

    @property
    def target(self) -> str:
        return f"{self.label}/{self.kind}"


def read_labelled(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row["label"] not in LABELS:
                raise ValueError(f"{path.name}: unknown label {row['label']!r}")
            rows.append(row)
    return rows


def load_examples(data_dir: Path = DATA_DIR, with_variants: bool = True) -> list[Example]:
    """Every message of the training files, each with its typed variants."""
    examples: list[Example] = []
    rows = [row for path in sorted(data_dir.glob("*.jsonl")) for row in read_labelled(path)]
    for group, row in enumerate(rows):
        forms = make_variants(row["text"]).values() if with_variants else [row["text"]]
        examples.extend(Example(form, row["label"], row["kind"], group) for form in forms)
    return examples


def data_hash(data_dir: Path, embedder_name: str) -> str:
    digest = hashlib.sha256(embedder_name.encode())
    code = Path(__file__).resolve().parent
    for path in [*sorted(data_dir.glob("*.jsonl")), code / "situation.py", code / "variants.py",
                 Path(__file__).resolve()]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def embed_cached(retriever, texts: Sequence[str], cache_path: Path) -> np.ndarray:  # noqa: ANN001
    """Query vectors exactly as retrieval computes them, cached by the dense query text."""
    forms = [retriever.dense_query_text(t) for t in texts]
    cache: dict[str, np.ndarray] = {}
    if cache_path.exists():
        with np.load(cache_path, allow_pickle=False) as data:
            cache = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    missing = sorted({f for f in forms if f not in cache})
    for start in range(0, len(missing), 64):
        batch = missing[start:start + 64]
        cache.update(zip(batch, retriever.embedder.embed_queries(batch), strict=True))
    if missing:
        keys = sorted(cache)
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([cache[k] for k in keys]))
        tmp.replace(cache_path)
    return np.stack([cache[f] for f in forms])


def feature_matrix(examples: Sequence[Example], vectors: np.ndarray,
                   config: FeatureConfig) -> np.ndarray:
    return np.stack([message_features(e.text, v, config)
                     for e, v in zip(examples, vectors, strict=True)])


def fit(x: np.ndarray, targets: Sequence[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    model.fit(x, list(targets))
    return [str(c) for c in model.classes_], model.coef_, model.intercept_


def label_probabilities(classes: list[str], probs: np.ndarray) -> list[dict[str, float]]:
    rows = []
    for row in probs:
        by_label = dict.fromkeys(LABELS, 0.0)
        for name, p in zip(classes, row, strict=True):
            by_label[name.split("/", 1)[0]] += float(p)
        rows.append(by_label)
    return rows


def out_of_fold(examples: Sequence[Example], x: np.ndarray) -> list[dict[str, float]]:
    """Label probabilities of each example from a model that never saw its group."""
    folds = np.array([e.group % FOLDS for e in examples])
    result: list[dict[str, float]] = [{} for _ in examples]
    targets = np.array([e.target for e in examples])
    for fold in range(FOLDS):
        train, test = folds != fold, folds == fold
        classes, coef, intercept = fit(x[train], targets[train])
        head = SituationHead(classes, coef, intercept, Thresholds(), FeatureConfig(), "")
        for i, probs in zip(np.flatnonzero(test), label_probabilities(
                classes, head.class_probabilities(x[test])), strict=True):
            result[i] = probs
    return result


def _lowest_threshold(scores_neg: list[float], max_rate: float) -> float:
    """The smallest threshold (0.2-0.9) that alarms at most max_rate of the negatives."""
    for t in np.arange(0.2, 0.91, 0.02):
        if not scores_neg or np.mean(np.array(scores_neg) >= t) <= max_rate:
            return round(float(t), 2)
    return 0.9


def choose_thresholds(examples: Sequence[Example], probs: list[dict[str, float]]) -> Thresholds:
    questions = [p for e, p in zip(examples, probs, strict=True) if e.label == "question"]
    calm = [p for e, p in zip(examples, probs, strict=True)
            if e.label in ("question", "small_talk", "out_of_scope")]
    not_oos = [p["out_of_scope"] for e, p in zip(examples, probs, strict=True)
               if e.label != "out_of_scope"]
    oos = [p["out_of_scope"] for e, p in zip(examples, probs, strict=True)
           if e.label == "out_of_scope"]
    oos_at = 0.9
    for t in np.arange(0.3, 0.91, 0.02):
        flagged = sum(s >= t for s in oos) + sum(s >= t for s in not_oos)
        if flagged and sum(s >= t for s in oos) / flagged >= MIN_OUT_OF_SCOPE_PRECISION:
            oos_at = round(float(t), 2)
            break
    harm = _lowest_threshold([p["harm"] for p in calm], MAX_FALSE_HARM)
    in_context = _lowest_threshold([p["harm"] for p in questions], MAX_FALSE_HARM_IN_CONTEXT)
    person = _lowest_threshold([p["wants_person"] for p in calm], MAX_FALSE_PERSON)
    return Thresholds(
        harm=max(harm, FLOOR["harm"]),
        harm_in_context=max(in_context, FLOOR["harm_in_context"]),
        wants_person=max(person, FLOOR["wants_person"]),
        out_of_scope=oos_at,
    )


def report(labels: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision and recall per label, plus the share of questions alarmed."""
    out: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = sum(t == label and p == label for t, p in zip(labels, predicted, strict=True))
        fp = sum(t != label and p == label for t, p in zip(labels, predicted, strict=True))
        fn = sum(t == label and p != label for t, p in zip(labels, predicted, strict=True))
        out[label] = {"n": tp + fn, "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
                      "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0}
    questions = [p for t, p in zip(labels, predicted, strict=True) if t == "question"]
    alarmed = sum(p in ("harm", "wants_person") for p in questions)
    trouble = [p for t, p in zip(labels, predicted, strict=True) if t in ("harm", "wants_person")]
    out["summary"] = {
        "questions_alarmed": round(alarmed / len(questions), 3) if questions else 0.0,
        "trouble_recall": round(sum(p in ("harm", "wants_person") for p in trouble)
                                / len(trouble), 3) if trouble else 0.0,
    }
    return out


def train(retriever, index_dir: Path, data_dir: Path = DATA_DIR,  # noqa: ANN001
          force: bool = False) -> dict:
    """Fit, choose thresholds by cross-validation, save; returns the cross-validated report."""
    path = index_dir / HEAD_FILE
    wanted = data_hash(data_dir, retriever.embedder.name)
    if not force and path.exists() and SituationHead.load(path).data_hash == wanted:
        return {"skipped": True, "head": str(path)}
    examples = load_examples(data_dir)
    vectors = embed_cached(retriever, [e.text for e in examples], index_dir / VECTOR_CACHE)
    config = FeatureConfig()
    x = feature_matrix(examples, vectors, config)
    probs = out_of_fold(examples, x)
    thresholds = choose_thresholds(examples, probs)
    predicted = [decide_label(p, thresholds, False) for p in probs]
    classes, coef, intercept = fit(x, [e.target for e in examples])
    head = SituationHead(classes, coef, intercept, thresholds, config, retriever.embedder.name,
                         data_hash=wanted)
    head.save(path)
    return {"examples": len(examples), "messages": len({e.group for e in examples}),
            "thresholds": thresholds.as_dict(),
            "cross_validated": report([e.label for e in examples], predicted)}


def score_file(retriever, head: SituationHead, path: Path) -> dict:  # noqa: ANN001
    """The head on a labelled file it never saw (each message as typed, without context, a long
    story also by its end, as the assistant reads it)."""
    rows = read_labelled(path)
    vectors = retriever.embedder.embed_queries([retriever.dense_query_text(r["text"])
                                                for r in rows])
    predicted = [read_situation(head, r["text"], v, retriever.embed_query).label
                 for r, v in zip(rows, vectors, strict=True)]
    result = report([r["label"] for r in rows], predicted)
    result["with_rules"] = with_rules(rows, predicted)
    result["errors"] = [
        {"text": r["text"][:120], "label": r["label"], "predicted": p}
        for r, p in zip(rows, predicted, strict=True) if p != r["label"]
    ]
    return result


def with_rules(rows: Sequence[dict], predicted: Sequence[str]) -> dict[str, float]:
    """Trouble recall and questions alarmed when the high-precision rules of `knowledge.scope`
    (which the assistant keeps beside the head) count too."""
    from knowledge.scope import detect_needs_person, detect_urgent

    flags = [p in ("harm", "wants_person") or bool(detect_urgent(r["text"]))
             or bool(detect_needs_person(r["text"])) for r, p in zip(rows, predicted, strict=True)]
    pairs = list(zip(rows, flags, strict=True))
    trouble = [f for r, f in pairs if r["label"] in ("harm", "wants_person")]
    calm = [f for r, f in pairs if r["label"] == "question"]
    return {
        "trouble_recall": round(sum(trouble) / len(trouble), 3) if trouble else 0.0,
        "questions_alarmed": round(sum(calm) / len(calm), 3) if calm else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    from config import get_settings
    from knowledge.embed import make_embedder
    from knowledge.retriever import Retriever
    from lessons.parse import load_lessons

    parser = argparse.ArgumentParser(prog="python -m knowledge.situation_train")
    parser.add_argument("command", nargs="?", default="train", choices=("train", "cv", "score"))
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    settings = get_settings()
    embedder = make_embedder(settings.EMBEDDING_MODEL)
    retriever = Retriever.build(load_lessons(), embedder, settings.index_dir)
    if args.command == "score":
        head = SituationHead.load(settings.index_dir / HEAD_FILE)
        print(json.dumps(score_file(retriever, head, args.file), ensure_ascii=False))
        return 0
    result = train(retriever, settings.index_dir, force=args.force or args.command == "cv")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
