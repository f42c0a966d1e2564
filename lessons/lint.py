"""Content linter: `python -m lessons.lint [DIR]` checks every lesson file against FORMAT.md."""

from __future__ import annotations

import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from lessons.model import DOMAINS, GROUPS, LETTERS, LEVELS, TOPICS, Lesson
from lessons.parse import CONTENT_DIR, LessonFormatError, parse_lesson_text

_ID = re.compile(r"^[a-z0-9-]{3,20}$")
_SECRET_REQUEST = re.compile(
    r"(gửi|cho|nhập vào đây|đọc)\s+(mình|tôi|em|bot|trợ lý)\s+(mã\s+)?(otp|mật khẩu)", re.I
)
_FULL_ID_NUMBER = re.compile(r"(?<!\d)\d{12}(?!\d)")
MAX_STEP_CHARS = 600


def check_lesson(lesson: Lesson, today: date) -> list[str]:
    """Every problem found in one lesson (empty when it is fine)."""
    problems: list[str] = []
    add = problems.append
    if not _ID.match(lesson.id):
        add(f"id {lesson.id!r} must match {_ID.pattern}")
    if lesson.topic not in TOPICS:
        add(f"topic {lesson.topic!r} not in {TOPICS}")
    if lesson.domain not in DOMAINS:
        add(f"domain {lesson.domain!r} not in {sorted(DOMAINS)}")
    if lesson.level not in LEVELS:
        add(f"level {lesson.level!r} not in {sorted(LEVELS)}")
    if not lesson.groups or any(g not in GROUPS for g in lesson.groups):
        add(f"groups {lesson.groups!r} must be among {sorted(GROUPS)}")
    if lesson.updated > today:
        add(f"updated {lesson.updated} is in the future")
    if not lesson.title or not lesson.summary:
        add("title and summary must not be empty")
    if not lesson.sources:
        add("needs at least one source")
    for source in lesson.sources:
        if not source.url.startswith("https://"):
            add(f"source url {source.url!r} must start with https://")
        if source.date > today:
            add(f"source date {source.date} is in the future")
    if not 3 <= len(lesson.steps) <= 6:
        add(f"has {len(lesson.steps)} steps; 3-6 wanted")
    for step in lesson.steps:
        if not step.body:
            add(f"step {step.title!r} is empty")
        if len(step.body) > MAX_STEP_CHARS:
            add(f"step {step.title!r} has {len(step.body)} characters; at most {MAX_STEP_CHARS}")
    if not 2 <= len(lesson.faq) <= 5:
        add(f"has {len(lesson.faq)} FAQ items; 2-5 wanted")
    if not 3 <= len(lesson.quiz) <= 5:
        add(f"has {len(lesson.quiz)} quiz questions; 3-5 wanted")
    for number, question in enumerate(lesson.quiz, 1):
        if not 3 <= len(question.options) <= 4:
            add(f"quiz {number}: {len(question.options)} options; 3-4 wanted")
        if len(set(question.options)) != len(question.options):
            add(f"quiz {number}: options repeat")
        if question.answer not in LETTERS[: len(question.options)]:
            add(f"quiz {number}: answer {question.answer!r} is not one of the options")
        if not question.why:
            add(f"quiz {number}: needs a 'why'")
    texts = [lesson.summary, *(s.body for s in lesson.steps), *(f.answer for f in lesson.faq)]
    for text in texts:
        if _SECRET_REQUEST.search(text):
            add("asks the user for an OTP or password")
        if _FULL_ID_NUMBER.search(text):
            add("shows what looks like a full 12-digit ID number")
    return problems


def lint_directory(content_dir: Path = CONTENT_DIR, today: date | None = None) -> list[str]:
    """All problems in all lesson files, each prefixed with its file."""
    today = today or date.today()
    problems: list[str] = []
    lessons: list[Lesson] = []
    for path in sorted(content_dir.rglob("*.md")):
        name = str(path.relative_to(content_dir))
        try:
            lesson = parse_lesson_text(path.read_text(encoding="utf-8"), name)
        except LessonFormatError as exc:
            problems.append(str(exc))
            continue
        lessons.append(lesson)
        problems.extend(f"{name}: {p}" for p in check_lesson(lesson, today))
    for lesson_id, count in Counter(lesson.id for lesson in lessons).items():
        if count > 1:
            problems.append(f"id {lesson_id!r} is used by {count} files")
    return problems


def main(argv: list[str]) -> int:
    content_dir = Path(argv[0]) if argv else CONTENT_DIR
    problems = lint_directory(content_dir)
    for problem in problems:
        print(problem)
    count = len(list(content_dir.rglob("*.md")))
    print(f"{count} lesson files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
