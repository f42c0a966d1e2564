"""Index files: manifest, faiss index and passage-vector cache round trips (no pickle)."""

from __future__ import annotations

import json

import numpy as np

from knowledge.chunking import chunk_lessons
from knowledge.files import (
    Manifest,
    corpus_hash,
    read_index,
    read_manifest,
    read_vector_cache,
    write_index,
    write_vector_cache,
)
from knowledge.index import VectorIndex


def test_manifest_and_index_round_trip(tmp_path, small_lessons) -> None:
    passages = chunk_lessons(small_lessons)
    vectors = np.eye(len(passages), 8, dtype=np.float32)
    manifest = Manifest("axis-test", corpus_hash(passages), 8, [{"id": p.id} for p in passages])
    write_index(tmp_path, VectorIndex.from_vectors(vectors), manifest)
    loaded = read_manifest(tmp_path)
    assert loaded == manifest
    assert loaded.matches("axis-test", corpus_hash(passages))
    assert not loaded.matches("other-model", corpus_hash(passages))
    assert np.array_equal(read_index(tmp_path).vectors(), vectors)
    assert json.loads((tmp_path / "manifest.json").read_text())["model"] == "axis-test"


def test_read_manifest_missing_or_broken_is_none(tmp_path) -> None:
    assert read_manifest(tmp_path) is None
    (tmp_path / "manifest.json").write_text("{not json")
    assert read_manifest(tmp_path) is None


def test_corpus_hash_changes_with_content(small_lessons) -> None:
    passages = chunk_lessons(small_lessons)
    assert corpus_hash(passages) == corpus_hash(list(passages))
    assert corpus_hash(passages) != corpus_hash(passages[:-1])


def test_vector_cache_round_trip_per_model(tmp_path) -> None:
    vectors = {"h1": np.array([1.0, 0.0], np.float32), "h2": np.array([0.0, 1.0], np.float32)}
    write_vector_cache(tmp_path, "model/a", vectors)
    loaded = read_vector_cache(tmp_path, "model/a")
    assert set(loaded) == {"h1", "h2"} and np.array_equal(loaded["h2"], vectors["h2"])
    assert read_vector_cache(tmp_path, "model/b") == {}
    assert not list(tmp_path.rglob("*.pkl"))
