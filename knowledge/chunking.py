"""Lesson → Passages, one per section: the summary, each step, each FAQ item."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lessons.model import Lesson

KINDS = ("summary", "step", "faq")
_STEP_PREFIX = re.compile(r"^\s*bước\s*\d+\s*[:.\-–]\s*", re.I)


@dataclass(frozen=True)
class Passage:
    """One retrievable section of a lesson."""

    id: str  # "<lesson_id>#summary", "<lesson_id>#step2", "<lesson_id>#faq1"
    lesson_id: str
    lesson_title: str
    kind: str  # "summary" | "step" | "faq"
    heading: str  # step title or FAQ question ("" for the summary)
    text: str  # what the bot may show
    search_text: str  # what is indexed: title + heading + text + keywords
    source_title: str
    source_url: str
    topic: str

    @property
    def embed_text(self) -> str:
        """The text given to the dense model: title, heading and body (no keyword list)."""
        parts = (self.lesson_title, self.heading, self.text)
        return ". ".join(p.rstrip(".?!: ") for p in parts if p)


def strip_step_number(title: str) -> str:
    """"Bước 2: Nhờ bưu điện hướng dẫn" → "Nhờ bưu điện hướng dẫn"."""
    return _STEP_PREFIX.sub("", title).strip()


def _passage(lesson: Lesson, suffix: str, kind: str, heading: str, text: str) -> Passage:
    source_title, source_url = (
        (lesson.main_source.title, lesson.main_source.url) if lesson.sources else ("", "")
    )
    search = " ".join(p for p in (lesson.title, heading, text, " ; ".join(lesson.keywords)) if p)
    return Passage(
        id=f"{lesson.id}#{suffix}",
        lesson_id=lesson.id,
        lesson_title=lesson.title,
        kind=kind,
        heading=heading,
        text=text,
        search_text=search,
        source_title=source_title,
        source_url=source_url,
        topic=lesson.topic,
    )


def chunk_lesson(lesson: Lesson) -> list[Passage]:
    """The summary, then the steps, then the FAQ items of one lesson, in file order."""
    passages = [_passage(lesson, "summary", "summary", "", lesson.summary)]
    passages += [
        _passage(lesson, f"step{i}", "step", strip_step_number(step.title), step.body)
        for i, step in enumerate(lesson.steps, start=1)
    ]
    passages += [
        _passage(lesson, f"faq{i}", "faq", item.question, item.answer)
        for i, item in enumerate(lesson.faq, start=1)
    ]
    return passages


def chunk_lessons(lessons: Iterable[Lesson]) -> list[Passage]:
    """Every passage of every lesson, in lesson order."""
    return [passage for lesson in lessons for passage in chunk_lesson(lesson)]
