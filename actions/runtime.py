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
