"""Content linter: `python -m lessons.lint [DIR]` checks every lesson file against FORMAT.md.

The content-truth rules (official first source, no home pages, defanged look-alike domains, a
`reviewed:` date, at least 3 lessons per framework domain) are errors; `--warn-content` turns
them into warnings while a new lesson is drafted; `--stale DAYS` lists the lessons not reviewed
for DAYS days (the commune editor's to-do list).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lessons.domain_lists import DomainLists, host_matches, host_of, official_domains
from lessons.model import DOMAINS, GROUPS, LETTERS, LEVELS, TOPICS, Lesson
from lessons.parse import CONTENT_DIR, LessonFormatError, parse_lesson_text

_ID = re.compile(r"^[a-z0-9-]{3,20}$")
_SECRET_REQUEST = re.compile(
    r"(gửi|cho|nhập vào đây|đọc)\s+(mình|tôi|em|bot|trợ lý)\s+(mã\s+)?(otp|mật khẩu)", re.I
)
_FULL_ID_NUMBER = re.compile(r"(?<!\d)\d{12}(?!\d)")
_DOMAIN_TOKEN = re.compile(
    r"(?<![\w.\-\[\]])((?:[a-z0-9-]+\.)+(?:com|net|app|xyz|top|info|vn|site|online|link|cc))\b",
    re.I,
)
MAX_STEP_CHARS = 600
MIN_LESSONS_PER_DOMAIN = 3


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
    if lesson.reviewed and lesson.reviewed > today:
        add(f"reviewed {lesson.reviewed} is in the future")
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


def lesson_texts(lesson: Lesson) -> list[str]:
    """Everything a learner reads: title, summary, changed note, steps, FAQ and quiz."""
    return [
        lesson.title,
        lesson.summary,
        lesson.changed,
        *(f"{step.title}\n{step.body}" for step in lesson.steps),
        *(f"{item.question}\n{item.answer}" for item in lesson.faq),
        *(f"{q.text}\n" + "\n".join(q.options) + f"\n{q.why}" for q in lesson.quiz),
    ]


def tappable_domains(text: str, domains: DomainLists) -> list[str]:
    """Domain-like tokens a chat app would turn into links that are neither official nor a
    known real site: scam look-alikes that must be written with "[.]"."""
    found = (match.group(1) for match in _DOMAIN_TOKEN.finditer(text))
    return [token for token in found if not domains.is_known(host_of(token))]


def defanged(token: str) -> str:
    return token.replace(".", "[.]")


def check_content(lesson: Lesson, domains: DomainLists) -> list[str]:
    """Issue 12's content-truth rules for one lesson (warnings only with --warn-content)."""
    problems: list[str] = []
    add = problems.append
    if lesson.sources and not domains.is_official(lesson.main_source.host):
        add(
            f"first source {lesson.main_source.url!r} is not official: put first a page on a"
            " host listed in lessons/official_domains.yml (taken from facts.md)"
        )
    for source in lesson.sources:
        if source.home_page and not host_matches(source.host, domains.home_pages_ok):
            add(f"source url {source.url!r} is a home page; link the page that says the thing")
    if lesson.reviewed is None:
        add("needs `reviewed: YYYY-MM-DD`, the day it was last checked against its sources")
    tokens = {token for text in lesson_texts(lesson) for token in tappable_domains(text, domains)}
    for token in sorted(tokens):
        add(f"domain {token!r} would be a tappable link; write it {defanged(token)!r}")
    return problems


def lessons_per_domain(lessons: list[Lesson]) -> dict[str, int]:
    """How many lessons each framework domain has, in DOMAINS order (zeros included)."""
    counts = Counter(lesson.domain for lesson in lessons)
    return {key: counts[key] for key in DOMAINS}


def check_balance(per_domain: dict[str, int]) -> list[str]:
    return [
        f"domain {key} has {count}; at least {MIN_LESSONS_PER_DOMAIN} lessons wanted"
        for key, count in per_domain.items()
        if count < MIN_LESSONS_PER_DOMAIN
    ]


def stale_lessons(lessons: list[Lesson], today: date, days: int) -> list[Lesson]:
    """Lessons last reviewed more than `days` days before today, oldest first."""
    stale = [lesson for lesson in lessons if (today - lesson.reviewed_on).days > days]
    return sorted(stale, key=lambda lesson: (lesson.reviewed_on, lesson.path))


@dataclass(frozen=True)
class LintReport:
    errors: list[str]  # always fail the run
    content: list[str]  # issue-12 rules: errors, warnings with --warn-content
    per_domain: dict[str, int]
    lessons: list[Lesson]

    def problems(self, strict: bool) -> list[str]:
        return self.errors + (self.content if strict else [])


def lint(
    content_dir: Path = CONTENT_DIR, today: date | None = None, domains: DomainLists | None = None
) -> LintReport:
    """Every file checked: format errors, content-truth findings, and the domain balance."""
    today = today or date.today()
    domains = domains or official_domains()
    errors: list[str] = []
    content: list[str] = []
    lessons: list[Lesson] = []
    for path in sorted(content_dir.rglob("*.md")):
        name = str(path.relative_to(content_dir))
        try:
            lesson = parse_lesson_text(path.read_text(encoding="utf-8"), name)
        except LessonFormatError as exc:
            errors.append(str(exc))
            continue
        lessons.append(lesson)
        errors.extend(f"{name}: {p}" for p in check_lesson(lesson, today))
        content.extend(f"{name}: {p}" for p in check_content(lesson, domains))
    for lesson_id, count in Counter(lesson.id for lesson in lessons).items():
        if count > 1:
            errors.append(f"id {lesson_id!r} is used by {count} files")
    per_domain = lessons_per_domain(lessons)
    content.extend(check_balance(per_domain))
    return LintReport(errors, content, per_domain, lessons)


def lint_directory(
    content_dir: Path = CONTENT_DIR, today: date | None = None, strict: bool = True
) -> list[str]:
    """All problems in all lesson files, each prefixed with its file."""
    return lint(content_dir, today).problems(strict)


def _print_stale(report: LintReport, today: date, days: int) -> None:
    stale = stale_lessons(report.lessons, today, days)
    for lesson in stale:
        ago = (today - lesson.reviewed_on).days
        if lesson.reviewed:
            print(f"{lesson.path}: kiểm tra lần cuối {lesson.reviewed} ({ago} ngày trước)")
        else:
            print(f"{lesson.path}: chưa ghi ngày kiểm tra; sửa lần cuối {lesson.updated}")
    print(f"{len(stale)}/{len(report.lessons)} bài chưa được kiểm tra lại trong {days} ngày qua")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons.lint", description=__doc__)
    parser.add_argument("content_dir", nargs="?", type=Path, default=CONTENT_DIR)
    parser.add_argument("--warn-content", action="store_true",
                        help="content-truth rules only warn (while drafting)")
    parser.add_argument("--stale", type=int, metavar="DAYS", help="list lessons to re-check")
    args = parser.parse_args(argv)
    today = date.today()
    report = lint(args.content_dir, today)
    if args.stale is not None:
        _print_stale(report, today, args.stale)
        return 0
    for problem in report.errors:
        print(problem)
    strict = not args.warn_content
    for finding in report.content:
        print(finding if strict else f"warning: {finding}")
    print("lessons per domain: " + ", ".join(f"{k} {n}" for k, n in report.per_domain.items()))
    problems = report.problems(strict)
    count = len(list(args.content_dir.rglob("*.md")))
    summary = f"{count} lesson files, {len(problems)} problems"
    if not strict:
        summary += f", {len(report.content)} content warnings (errors without --warn-content)"
    print(summary)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
