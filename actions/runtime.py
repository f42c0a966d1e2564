"""What the action server builds once: settings, lessons, the retriever, the database schema."""

from __future__ import annotations

import threading
from functools import lru_cache

from config import Settings, get_settings
from knowledge.embed import make_embedder
from knowledge.retriever import Retriever
from lessons.model import Lesson
from lessons.parse import load_lessons
from storage.session import upgrade_database

_lock = threading.Lock()


@lru_cache(maxsize=1)
def lessons_by_id() -> dict[str, Lesson]:
    return {lesson.id: lesson for lesson in load_lessons()}


@lru_cache(maxsize=1)
def _retriever(model_name: str, index_dir: str) -> Retriever:
    from pathlib import Path

    lessons = list(lessons_by_id().values())
    return Retriever.build(lessons, make_embedder(model_name), Path(index_dir))


def get_retriever(settings: Settings | None = None) -> Retriever:
    """The retriever, built (or loaded from var/) on first use."""
    settings = settings or get_settings()
    with _lock:
        return _retriever(settings.EMBEDDING_MODEL, str(settings.index_dir))


def database_url() -> str:
    return get_settings().database_url


def warm_up() -> None:
    """Prepare everything before the server accepts calls (schema, lessons, index, model)."""
    settings = get_settings()
    upgrade_database(settings.database_url)
    get_retriever(settings).search("VNeID là gì", k=1)


@lru_cache(maxsize=1)
def _situation_head(path: str):  # noqa: ANN202
    from pathlib import Path

    from knowledge.situation import SituationHead

    file = Path(path)
    return SituationHead.load(file) if file.exists() else None


def get_situation_head(settings: Settings | None = None):  # noqa: ANN201
    """The trained situation head (set-up builds it), or None when it has not been built."""
    from knowledge.situation_train import HEAD_FILE

    settings = settings or get_settings()
    return _situation_head(str(settings.index_dir / HEAD_FILE))


@lru_cache(maxsize=1)
def _sections(model_name: str, index_dir: str) -> dict[str, tuple]:
    sections: dict[str, list] = {}
    for passage in _retriever(model_name, index_dir).passages:
        sections.setdefault(passage.lesson_id, []).append(passage)
    return {lesson_id: tuple(found) for lesson_id, found in sections.items()}


def sections_of(lesson_id: str, settings: Settings | None = None) -> tuple:
    """Every retrievable section (summary, steps, FAQ) of one lesson."""
    settings = settings or get_settings()
    get_retriever(settings)
    return _sections(settings.EMBEDDING_MODEL, str(settings.index_dir)).get(lesson_id, ())
