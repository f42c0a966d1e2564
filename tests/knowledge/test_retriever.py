"""Hybrid search over a tiny corpus with hand-made vectors: exact order, build and reload."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.chunking import chunk_lessons
from knowledge.index import VectorIndex
from knowledge.retriever import Retriever, RetrieverConfig, shorten_for_dense
from tests.knowledge.conftest import make_lesson


@pytest.fixture
def retriever(small_lessons, embedder) -> Retriever:
    passages = chunk_lessons(small_lessons)
    vectors = embedder.embed_passages([p.embed_text for p in passages])
    return Retriever(passages, embedder, VectorIndex.from_vectors(vectors))


class FixedEmbedder:
    """Hand-written query vectors (3-d: identity, payment, health)."""

    name = "fixed-test"
    dim = 3

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return np.array([[1.0, 0.0, 0.0]] * len(texts), dtype=np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        raise AssertionError("passage vectors are hand-written in this test")


HAND_VECTORS = [  # rows in passage order: vneid summary, step1, faq1; qr summary, faq1; health
    [0.9, 0.1, 0.0], [0.7, 0.3, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.1, 0.9, 0.0],
    [0.0, 0.0, 1.0],
]


def test_search_exact_order_with_hand_written_vectors(small_lessons) -> None:
    passages = chunk_lessons(small_lessons)
    vectors = np.array(HAND_VECTORS, dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    config = RetrieverConfig(lesson_boost=0.0)
    retriever = Retriever(passages, FixedEmbedder(), VectorIndex.from_vectors(vectors),
                          config=config)
    hits = retriever.search("Làm VNeID mức 2 có mất tiền không?", k=4)
    assert [h.passage.id for h in hits] == [
        "vneid-muc-2#faq1", "vneid-muc-2#summary", "vneid-muc-2#step1", "chuyen-khoan-qr#faq1",
    ]
    assert hits[0].ranks == {"bm25": 1, "bm25_plain": 1, "dense": 1}
    assert hits[0].score == pytest.approx((0.5 + 0.5 + 1.5) / 11)
    assert hits[3].ranks == {"dense": 4} and hits[3].score == pytest.approx(1.5 / 14)
    assert hits[0].scores["dense"] == pytest.approx(1.0)


def test_search_without_diacritics_finds_the_same_lesson(retriever) -> None:
    hits = retriever.search("quet qr ngan hang khac duoc khong", k=2)
    assert hits[0].passage.id == "chuyen-khoan-qr#faq1"
    assert retriever.restore_query("quet qr ngan hang khac") == "quét qr ngân hàng khác"
    assert retriever.restore_query("quét qr ngân hàng khác") is None


def test_search_teencode_is_expanded(retriever) -> None:
    assert retriever.search("ck qua nh dc ko", k=1)[0].passage.lesson_id == "chuyen-khoan-qr"


def test_top_lessons_are_distinct(retriever) -> None:
    hits = retriever.search("ngân hàng vneid sức khỏe", k=6)
    lessons = [h.passage.lesson_id for h in retriever.top_lessons(hits)]
    assert len(lessons) == len(set(lessons)) == 3


def test_assess_answers_a_clear_question(retriever) -> None:
    assessment = retriever.assess("Sổ sức khỏe điện tử lưu những gì?")
    assert assessment.best.passage.lesson_id == "so-suc-khoe"
    assert 0.0 <= assessment.confidence <= 1.0
    assert assessment.decision in ("answer", "clarify", "unsure")
    assert set(assessment.features) == {"dense", "agreement", "coverage"}


def test_retriever_rejects_mismatched_vectors(small_lessons, embedder) -> None:
    passages = chunk_lessons(small_lessons)
    with pytest.raises(ValueError):
        Retriever(passages, embedder, VectorIndex.from_vectors(np.eye(2, 4, dtype=np.float32)))


def test_build_saves_then_reloads_and_reembeds_only_changes(tmp_path, small_lessons,
                                                            embedder) -> None:
    first = Retriever.build(small_lessons, embedder, tmp_path)
    total = len(first.passages)
    assert embedder.embedded_passages == total
    Retriever.build(small_lessons, embedder, tmp_path)
    assert embedder.embedded_passages == total  # loaded from the manifest
    changed = [*small_lessons[:2], make_lesson("so-suc-khoe", "Sổ sức khỏe điện tử",
                                               "Sổ sức khỏe điện tử có trong VNeID mức 2.")]
    rebuilt = Retriever.build(changed, embedder, tmp_path)
    assert embedder.embedded_passages == total + 1  # only the edited summary
    assert rebuilt.search("sổ sức khỏe điện tử", k=1)[0].passage.lesson_id == "so-suc-khoe"


def test_config_weights_change_the_fusion(small_lessons, embedder) -> None:
    passages = chunk_lessons(small_lessons)
    vectors = VectorIndex.from_vectors(embedder.embed_passages([p.embed_text for p in passages]))
    dense_only = Retriever(passages, embedder, vectors,
                           config=RetrieverConfig(weights={"dense": 1.0}, lesson_boost=0.0))
    hit = dense_only.search("qr", k=1)[0]
    assert set(hit.ranks) >= {"dense"} and hit.score == pytest.approx(1 / 11)


def test_shorten_for_dense_drops_fillers_only_when_long() -> None:
    assert shorten_for_dense("tôi muốn hỏi", 5) == "tôi muốn hỏi"
    assert shorten_for_dense("tôi muốn hỏi cách làm vneid", 3) == "cách vneid"


def test_build_recovers_from_a_damaged_index_file(tmp_path, small_lessons, embedder) -> None:
    Retriever.build(small_lessons, embedder, tmp_path)
    (tmp_path / "vectors.faiss").write_bytes(b"broken")
    rebuilt = Retriever.build(small_lessons, embedder, tmp_path)
    assert rebuilt.vectors.size == len(rebuilt.passages)
    assert embedder.embedded_passages == len(rebuilt.passages)  # vectors came from the cache
