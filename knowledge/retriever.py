"""Hybrid retrieval: BM25 (accented + accent-free syllables) and dense vectors, fused by RRF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from knowledge.accents import AccentRestorer
from knowledge.assess import Assessment, Calibration, assess_hits
from knowledge.bm25 import BM25
from knowledge.chunking import Passage, chunk_lessons
from knowledge.embed import Embedder
from knowledge.files import (
    Manifest,
    content_hash,
    corpus_hash,
    read_index,
    read_manifest,
    read_vector_cache,
    write_index,
    write_vector_cache,
)
from knowledge.fusion import Ranking, boost_by_group, distinct_by, top_rows, weighted_rrf
from knowledge.hits import Hit
from knowledge.index import VectorIndex
from knowledge.terms import STOPWORDS, accented_terms, diacritic_ratio, plain_terms
from lessons.model import Lesson
from nlu.normalise import normalise

COMPONENTS = ("bm25", "bm25_plain", "dense")


@dataclass(frozen=True)
class RetrieverConfig:
    """Fusion knobs, chosen on the dev set and tests/data/retrieval_eval.jsonl and checked on
    tests/data/retrieval_holdout.jsonl (`python -m knowledge bench` prints all three): dense
    weighted 3:1:1 against each BM25, RRF k = 10 and a lesson boost of 0.3 sat in a broad
    plateau (RRF k 10-30, boost 0.2-0.5 all within one question of each other)."""

    weights: dict[str, float] = field(
        default_factory=lambda: {"bm25": 0.5, "bm25_plain": 0.5, "dense": 1.5}
    )
    rrf_k: float = 10.0
    lesson_boost: float = 0.3  # share of the lesson's other matching sections added
    depth: int = 50  # how many rows each retriever hands to fusion
    restore_below: float = 0.35  # restore accents when fewer syllables than this carry them
    k1: float = 1.2
    b: float = 0.75
    calibration: Calibration = field(default_factory=Calibration)
    dense_max_syllables: int = 32  # longer queries lose their filler words before embedding


def shorten_for_dense(text: str, limit: int) -> str:
    """Drop filler words from a long, normalised query: embedding time grows with its length."""
    tokens = text.split()
    if len(tokens) <= limit:
        return text
    return " ".join(t for t in tokens if t not in STOPWORDS)


def _restorer_texts(passages: Sequence[Passage]) -> list[str]:
    titles = dict.fromkeys(p.lesson_title for p in passages)
    return [*titles, *(t for p in passages for t in (p.heading, p.text) if t)]


def embed_with_cache(
    embedder: Embedder, passages: Sequence[Passage], index_dir: Path
) -> np.ndarray:
    """Passage vectors, re-embedding only passages whose text is not in the cache."""
    cache = read_vector_cache(index_dir, embedder.name)
    keys = [content_hash(p.embed_text) for p in passages]
    missing = [i for i, key in enumerate(keys) if key not in cache]
    if missing:
        fresh = embedder.embed_passages([passages[i].embed_text for i in missing])
        cache.update({keys[i]: vector for i, vector in zip(missing, fresh, strict=True)})
    current = {key: cache[key] for key in keys}
    write_vector_cache(index_dir, embedder.name, current)
    return np.stack([current[key] for key in keys]) if keys else np.zeros((0, embedder.dim))


def _load_matching_index(index_dir: Path, model: str, corpus: str, size: int) -> VectorIndex | None:
    """The saved index when it was built by this model from this corpus and reads back whole."""
    manifest = read_manifest(index_dir)
    if manifest is None or not manifest.matches(model, corpus):
        return None
    try:
        vectors = read_index(index_dir)
    except RuntimeError:  # faiss cannot read a missing or damaged file
        return None
    return vectors if vectors.size == size else None


class Retriever:
    """Search our passages; `assess` adds a calibrated confidence and a decision."""

    def __init__(
        self,
        passages: Sequence[Passage],
        embedder: Embedder,
        vectors: VectorIndex,
        restorer: AccentRestorer | None = None,
        config: RetrieverConfig | None = None,
    ) -> None:
        if vectors.size != len(passages):
            raise ValueError(f"{vectors.size} vectors for {len(passages)} passages")
        self.passages = list(passages)
        self.embedder = embedder
        self.vectors = vectors
        self.config = config or RetrieverConfig()
        self._lesson_of = [p.lesson_id for p in self.passages]
        self.restorer = restorer or AccentRestorer.from_texts(_restorer_texts(self.passages))
        cfg = self.config
        self._bm25 = BM25([accented_terms(p.search_text) for p in passages], cfg.k1, cfg.b)
        self._bm25_plain = BM25([plain_terms(p.search_text) for p in passages], cfg.k1, cfg.b)

    @classmethod
    def build(
        cls,
        lessons: Sequence[Lesson],
        embedder: Embedder,
        index_dir: Path,
        config: RetrieverConfig | None = None,
    ) -> Retriever:
        """Load the saved index when its model and corpus hash match, else build and save it."""
        passages = chunk_lessons(lessons)
        corpus = corpus_hash(passages)
        vectors = _load_matching_index(index_dir, embedder.name, corpus, len(passages))
        if vectors is None:
            vectors = VectorIndex.from_vectors(embed_with_cache(embedder, passages, index_dir))
            passage_rows = [asdict(p) for p in passages]
            write_index(
                index_dir, vectors, Manifest(embedder.name, corpus, vectors.dim, passage_rows)
            )
        return cls(passages, embedder, vectors, config=config)

    def restore_query(self, query: str) -> str | None:
        """The query with diacritics restored, None when it already has enough of them."""
        if diacritic_ratio(query) >= self.config.restore_below:
            return None
        restored = self.restorer.restore(query)
        return restored if restored != normalise(query) else None

    def dense_query_text(self, query: str) -> str:
        """The text the dense model embeds for a query: accents restored when few, filler words
        dropped when long (the situation head reads the same vector)."""
        best_form = self.restore_query(query) or normalise(query)
        return shorten_for_dense(best_form, self.config.dense_max_syllables)

    def embed_query(self, query: str) -> np.ndarray:
        """The dense query vector (one row) for `dense_query_text(query)`."""
        return self.embedder.embed_queries([self.dense_query_text(query)])[0]

    def rankings(
        self, query: str, compare: bool = False, vector: np.ndarray | None = None
    ) -> dict[str, Ranking]:
        """Each retriever's ranked rows for the query.

        "dense" embeds the query once, with diacritics restored first when it has few of them
        (restored text fed to the accented BM25 as well scored slightly worse: the two views
        then make the same mistakes); pass `vector` when it is already computed. `compare` adds
        "dense_raw" (the query as typed) for the bench.
        """
        depth = self.config.depth
        found = {
            "bm25": Ranking.from_scores(self._bm25.get_scores(accented_terms(query)), depth),
            "bm25_plain": Ranking.from_scores(
                self._bm25_plain.get_scores(plain_terms(query)), depth
            ),
        }
        rows = [vector if vector is not None else self.embed_query(query)]
        if compare:
            typed = shorten_for_dense(normalise(query), self.config.dense_max_syllables)
            rows.append(self.embedder.embed_queries([typed])[0])
        scores, ids = self.vectors.search(np.stack(rows), depth)
        for name, row_scores, row_ids in zip(("dense", "dense_raw"), scores, ids, strict=False):
            kept = [(int(i), float(s)) for i, s in zip(row_ids, row_scores, strict=True) if i >= 0]
            found[name] = Ranking(tuple(i for i, _ in kept), tuple(s for _, s in kept))
        return found

    def fuse(
        self, found: dict[str, Ranking], k: int, weights: dict[str, float] | None = None
    ) -> list[Hit]:
        """The k best passages of the fused rankings."""
        fused = weighted_rrf(found, weights or self.config.weights, self.config.rrf_k)
        fused = boost_by_group(fused, self._lesson_of, self.config.lesson_boost)
        return [self._hit(row, score, found) for row, score in top_rows(fused, k)]

    def _hit(self, row: int, score: float, found: dict[str, Ranking]) -> Hit:
        ranks, scores = {}, {}
        for name, ranking in found.items():
            rank = ranking.rank_of(row)
            if rank is not None:
                ranks[name], scores[name] = rank, ranking.scores[rank - 1]
        return Hit(self.passages[row], score, ranks, scores)

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The k best passages for a resident's question."""
        return self.fuse(self.rankings(query), k)

    def top_lessons(self, hits: Sequence[Hit], n: int = 3) -> list[Hit]:
        """The best hit of each of the first n distinct lessons (for suggestion buttons)."""
        rows = [(i, h.score) for i, h in enumerate(hits)]
        return [hits[i] for i in distinct_by(rows, [h.passage.lesson_id for h in hits], n)]

    def assess(self, query: str, k: int = 5) -> Assessment:
        """Search, then judge: answer, ask which lesson was meant, or say we are unsure.
        The assessment keeps the query vector for the situation head."""
        vector = self.embed_query(query)
        found = self.rankings(query, vector=vector)
        ranked = self.fuse(found, self.config.depth)
        assessment = assess_hits(
            query,
            ranked[:k],
            self.top_lessons(ranked),
            self.features(query, found, ranked),
            self.config.calibration,
        )
        return replace(assessment, vector=vector)

    def features(
        self, query: str, found: dict[str, Ranking], hits: Sequence[Hit]
    ) -> dict[str, float]:
        """Signals of a good match: dense cosine, retrievers agreeing, query terms covered."""
        if not hits:
            return {"dense": 0.0, "agreement": 0.0, "coverage": 0.0}
        top = hits[0]
        lesson = top.passage.lesson_id
        voters = [r for r in found.values() if r.ids]
        agree = sum(
            any(self.passages[row].lesson_id == lesson for row in r.ids[:3]) for r in voters
        )
        best = self._bm25_plain.max_score(plain_terms(query))
        return {
            "dense": top.scores.get("dense", 0.0),
            "agreement": agree / len(voters) if voters else 0.0,
            "coverage": top.scores.get("bm25_plain", 0.0) / best if best else 0.0,
        }
