"""Markdown with YAML front matter → Lesson."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import yaml

from lessons.model import Faq, Lesson, Question, Source, Step

CONTENT_DIR = Path(__file__).parent / "content"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)
_STEP_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.M)


class LessonFormatError(ValueError):
    """A lesson file does not follow lessons/FORMAT.md."""


def _as_date(value: object, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise LessonFormatError(f"{where}: not an ISO date: {value!r}") from exc


def _nfc(text: object) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip()


def split_steps(body: str) -> tuple[Step, ...]:
    """Cut the Markdown body at its `##` headings into steps."""
    parts = _STEP_HEADING.split(body)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return tuple(Step(title=_nfc(title), body=_nfc(text)) for title, text in pairs)


def parse_lesson_text(text: str, path: str = "") -> Lesson:
    """Parse one lesson file's text; raise LessonFormatError when its shape is wrong."""
    match = _FRONT_MATTER.match(unicodedata.normalize("NFC", text))
    if not match:
        raise LessonFormatError(f"{path}: no YAML front matter")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise LessonFormatError(f"{path}: bad YAML: {exc}") from exc
    try:
        return Lesson(
            id=str(meta["id"]),
            title=_nfc(meta["title"]),
            topic=str(meta["topic"]),
            domain=str(meta["domain"]),
            level=str(meta["level"]),
            groups=tuple(meta["groups"]),
            updated=_as_date(meta["updated"], f"{path}: updated"),
            sources=tuple(
                Source(
                    _nfc(s["title"]), str(s["url"]).strip(), _as_date(s["date"], f"{path}: source")
                )
                for s in meta["sources"]
            ),
            summary=_nfc(meta["summary"]),
            steps=split_steps(match.group(2)),
            faq=tuple(Faq(_nfc(f["q"]), _nfc(f["a"])) for f in meta.get("faq") or ()),
            quiz=tuple(
                Question(
                    _nfc(q["q"]),
                    tuple(_nfc(o) for o in q["options"]),
                    str(q["answer"]).strip().lower(),
                    _nfc(q["why"]),
                )
                for q in meta.get("quiz") or ()
            ),
            facts=tuple(str(f) for f in meta.get("facts") or ()),
            keywords=tuple(_nfc(k) for k in meta.get("keywords") or ()),
            changed=_nfc(meta.get("changed", "")),
            reviewed=(
                _as_date(meta["reviewed"], f"{path}: reviewed") if meta.get("reviewed") else None
            ),
            path=path,
        )
    except (KeyError, TypeError) as exc:
        raise LessonFormatError(f"{path}: missing or malformed field {exc}") from exc


def load_lessons(content_dir: Path = CONTENT_DIR) -> list[Lesson]:
    """Every lesson under content_dir, sorted by path (stable order)."""
    return [
        parse_lesson_text(p.read_text(encoding="utf-8"), str(p.relative_to(content_dir)))
        for p in sorted(content_dir.rglob("*.md"))
    ]


