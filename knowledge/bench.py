"""Measure retrieval: pass rate per method and variant, latency, build time and size, memory."""

from __future__ import annotations

import json
import random
import resource
import statistics
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from knowledge.assess import fit_calibration
from knowledge.bm25 import BM25
from knowledge.embed import Embedder
from knowledge.files import Manifest, write_index
from knowledge.hits import Hit
from knowledge.index import VectorIndex
from knowledge.retriever import Retriever
from knowledge.terms import accented_terms
from lessons.model import Lesson

# Single retrievers and fusions compared in one run, on the same rankings.
METHODS: dict[str, dict[str, float] | None] = {
    "bm25_accented": {"bm25": 1.0},
    "bm25_plain": {"bm25_plain": 1.0},
    "bm25": {"bm25": 1.0, "bm25_plain": 1.0},
    "dense_raw": {"dense_raw": 1.0},  # the query as typed, no accent restoration
    "dense": {"dense": 1.0},  # accents restored first when the query has few of them
    "hybrid": None,  # the retriever's configured weights
}


def fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def load_items(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def mentions(item: dict, hits: Sequence[Hit]) -> bool:
    """True when one of the item's must_mention_any phrases is in one of these passages."""
    text = fold(" ".join(h.passage.text for h in hits))
    return any(fold(phrase) in text for phrase in item["must_mention_any"])


def _rate(flags: Sequence[bool]) -> float:
    return round(sum(flags) / len(flags), 3) if flags else 0.0


def _passes(item: dict, hits: Sequence[Hit]) -> bool:
    """A must_mention_any phrase is in the passages (or, for items without phrases, one of them
    comes from the item's expected lesson_id)."""
    if item.get("must_mention_any"):
        return mentions(item, hits)
    return any(h.passage.lesson_id == item.get("lesson_id") for h in hits)


def same_lesson(hits: Sequence[Hit]) -> list[Hit]:
    """The hits (of the top 3) from the top hit's lesson: what an answer would quote."""
    return [h for h in hits[:3] if hits and h.passage.lesson_id == hits[0].passage.lesson_id]


def score_methods(retriever: Retriever, items: Sequence[dict]) -> dict[str, dict]:
    """Top-1 pass rate, hit@3 and per-variant top-1 pass rate of every method."""
    top1: dict[str, list[bool]] = defaultdict(list)
    hit3: dict[str, list[bool]] = defaultdict(list)
    shown: dict[str, list[bool]] = defaultdict(list)
    by_variant: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    failed: dict[str, list[str]] = defaultdict(list)
    for item in items:
        found = retriever.rankings(item["question"], compare=True)
        for method, weights in METHODS.items():
            hits = retriever.fuse(found, 3, weights or retriever.config.weights)
            ok = _passes(item, hits[:1])
            top1[method].append(ok)
            hit3[method].append(_passes(item, hits))
            shown[method].append(_passes(item, same_lesson(hits)))
            by_variant[method][item["variant"]].append(ok)
            if not ok:
                failed[method].append(item["id"])
    return {
        m: {
            "pass_rate": _rate(top1[m]),
            "hit_at_3": _rate(hit3[m]),
            "lesson_top3": _rate(shown[m]),
            "by_variant": {v: _rate(f) for v, f in sorted(by_variant[m].items())},
            "failed": failed[m],
        }
        for m in METHODS
    }


def score_decisions(
    retriever: Retriever, answerable: Sequence[dict], unanswerable: Sequence[dict]
) -> dict:
    """How often `assess` answers when its top passage is right, and when nothing fits."""
    features, labels, decisions = [], [], {"right": [], "wrong": [], "none": []}
    for item in [*answerable, *unanswerable]:
        assessment = retriever.assess(item["question"])
        is_answerable = item in answerable
        right = is_answerable and _passes(item, assessment.hits[:1])
        features.append(assessment.features)
        labels.append(int(right))
        group = "right" if right else ("wrong" if is_answerable else "none")
        decisions[group].append(assessment.decision)
    fit = fit_calibration(features, labels)
    return {
        "answered_when_right": _rate([d == "answer" for d in decisions["right"]]),
        "answered_when_wrong": _rate([d == "answer" for d in decisions["wrong"]]),
        "answered_when_unanswerable": _rate([d == "answer" for d in decisions["none"]]),
        "unsure_when_unanswerable": _rate([d == "unsure" for d in decisions["none"]]),
        "counts": {g: dict(Counter(d)) for g, d in decisions.items()},
        "calibration_fit": {"weights": dict(fit.weights), "bias": fit.bias},
    }


def percentiles_ms(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return round(statistics.median(ordered) * 1000, 2), round(p95 * 1000, 2)


def time_calls(
    call: Callable[[str], object], queries: Sequence[str], rounds: int = 3
) -> list[float]:
    call(queries[0])  # warm-up
    samples = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            call(query)
            samples.append(time.perf_counter() - start)
    return samples


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def time_real_build(lessons: Sequence[Lesson], embedder: Embedder) -> dict:
    """Cold build (empty cache) and warm load of the real corpus in a temporary directory."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        retriever = Retriever.build(lessons, embedder, Path(tmp))
        cold = time.perf_counter() - start
        start = time.perf_counter()
        Retriever.build(lessons, embedder, Path(tmp))
        warm = time.perf_counter() - start
        return {
            "passages": len(retriever.passages),
            "cold_build_s": round(cold, 2),
            "warm_load_s": round(warm, 3),
            "index_bytes": dir_size(Path(tmp)),
        }


def time_synthetic(passages_text: Sequence[str], n: int = 10_000, dim: int = 384) -> dict:
    """faiss + BM25 at n chunks: random unit vectors and documents resampled from our corpus."""
    rng = random.Random(7)
    vocab = [t for text in passages_text for t in accented_terms(text)]
    docs = [rng.choices(vocab, k=rng.randint(30, 120)) for _ in range(n)]
    vectors = np.random.default_rng(7).standard_normal((n, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    start = time.perf_counter()
    index = VectorIndex.from_vectors(vectors)
    bm25 = BM25(docs)
    build = time.perf_counter() - start
    queries = [rng.choices(vocab, k=8) for _ in range(100)]
    qvecs = vectors[:100] + 0.01
    samples = []
    for terms, qvec in zip(queries, qvecs, strict=True):
        start_q = time.perf_counter()
        bm25.get_scores(terms)
        index.search(qvec, 50)
        samples.append(time.perf_counter() - start_q)
    with tempfile.TemporaryDirectory() as tmp:
        write_index(Path(tmp), index, Manifest("synthetic", "-", dim, []))
        size = dir_size(Path(tmp))
    p50, p95 = percentiles_ms(samples)
    return {
        "chunks": n,
        "build_s": round(build, 2),
        "faiss_bytes": size,
        "search_p50_ms": p50,
        "search_p95_ms": p95,
    }


def rss_mb() -> dict:
    """Current and peak resident memory of this process."""
    current = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss_mb": round(current, 1), "peak_rss_mb": round(peak, 1)}
