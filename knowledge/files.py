"""The index on disk: a faiss file, a JSON manifest and a passage-vector cache (no pickle).

index_dir/
  manifest.json        model name, corpus hash, dimension, the passage list
  vectors.faiss        faiss.write_index of the passage vectors (manifest order)
  cache/<model>.npy    passage vectors by content hash (np.save, allow_pickle=False)
  cache/<model>.json   the content hashes, one per row of the .npy file
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import faiss
import numpy as np

from knowledge.chunking import Passage
from knowledge.index import VectorIndex

FORMAT_VERSION = 1
MANIFEST_FILE = "manifest.json"
INDEX_FILE = "vectors.faiss"
CACHE_DIR = "cache"


def content_hash(text: str) -> str:
    """sha256 of one passage's embedded text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def corpus_hash(passages: Sequence[Passage]) -> str:
    """sha256 over every passage field and the file format version."""
    payload = json.dumps(
        {"format": FORMAT_VERSION, "passages": [asdict(p) for p in passages]},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Manifest:
    model: str
    corpus_hash: str
    dim: int
    passages: list[dict[str, str]] = field(default_factory=list)
    format: int = FORMAT_VERSION

    def matches(self, model: str, corpus: str) -> bool:
        return (self.format, self.model, self.corpus_hash) == (FORMAT_VERSION, model, corpus)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_index(index_dir: Path, index: VectorIndex, manifest: Manifest) -> None:
    """Save the faiss index, then the manifest (the manifest last: it marks a complete index)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = index_dir / (INDEX_FILE + ".tmp")
    faiss.write_index(index.faiss_index, str(tmp))
    os.replace(tmp, index_dir / INDEX_FILE)
    text = json.dumps(asdict(manifest), ensure_ascii=False, indent=1)
    _write_atomic(index_dir / MANIFEST_FILE, text.encode("utf-8"))


def read_manifest(index_dir: Path) -> Manifest | None:
    """The saved manifest, or None when there is none or it cannot be read."""
    try:
        data = json.loads((index_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
        return Manifest(**data)
    except (OSError, ValueError, TypeError):
        return None


def read_index(index_dir: Path) -> VectorIndex:
    return VectorIndex(faiss.read_index(str(index_dir / INDEX_FILE)))


def _cache_stem(index_dir: Path, model: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", model)[-40:]
    return index_dir / CACHE_DIR / f"{slug}-{content_hash(model)[:10]}"


def read_vector_cache(index_dir: Path, model: str) -> dict[str, np.ndarray]:
    """Cached passage vectors of this model, by content hash ({} when none or unreadable)."""
    stem = _cache_stem(index_dir, model)
    try:
        keys = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        vectors = np.load(stem.with_suffix(".npy"), allow_pickle=False)
    except (OSError, ValueError):
        return {}
    if len(keys) != len(vectors):
        return {}
    return dict(zip(keys, vectors, strict=True))


def write_vector_cache(index_dir: Path, model: str, vectors: dict[str, np.ndarray]) -> None:
    """Replace this model's cache with the given vectors."""
    stem = _cache_stem(index_dir, model)
    stem.parent.mkdir(parents=True, exist_ok=True)
    keys = list(vectors)
    matrix = np.stack([vectors[k] for k in keys]).astype(np.float32) if keys else np.zeros((0, 0))
    tmp = stem.with_name(stem.name + ".tmp.npy")
    np.save(tmp, matrix, allow_pickle=False)
    os.replace(tmp, stem.with_suffix(".npy"))
    _write_atomic(stem.with_suffix(".json"), json.dumps(keys).encode("utf-8"))
