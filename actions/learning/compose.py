"""Bubbles of the learning flow (pure: plain data in, bubbles out; wording in texts.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actions.answers import bubble, payload
from actions.learning import texts as t
from lessons.grading import Grade, progress_bar
from lessons.model import DOMAINS, GROUPS, LETTERS, Lesson, Question
from lessons.progress import DomainProgress
from lessons.recommend import Suggestion

BUTTON_CHARS = 56
_STEP_PREFIX = re.compile(r"^bước\s*\d+\s*[:.\-–]\s*", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÀ-Ỹ0-9\"“(•-])|\n+")


@dataclass(frozen=True)
class QuizSpot:
    """Where a learner is in a quiz run: enough to draw the question."""

    run_id: int
    kind: str  # lesson | review | placement
    position: int
    total: int
    lesson: Lesson
    question: Question
    question_index: int


def stop_button() -> tuple[str, str]:
    return (t.BUTTON_STOP, payload("stop_learning"))


def short(text: str, limit: int = BUTTON_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_ideas(text: str, limit: int = 220) -> list[str]:
    """One idea per message for short-message mode: sentences grouped up to `limit` chars."""
    pieces, current = [], ""
    for sentence in (s.strip() for s in _SENTENCE_END.split(text) if s.strip()):
        if current and len(current) + len(sentence) + 1 > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    return [*pieces, current] if current else pieces


# ---- lessons


def step_bubbles(lesson: Lesson, number: int, *, elderly: bool) -> list[dict]:
    """Step `number` (1-based) with Tiếp / Quay lại / Dừng, or the quiz button on the last one."""
    total = len(lesson.steps)
    step = lesson.steps[number - 1]
    title = _STEP_PREFIX.sub("", step.title) or step.title
    bar = progress_bar(number, total)
    buttons = [(t.BUTTON_NEXT, payload("lesson_step", lesson_id=lesson.id, step=str(number + 1)))]
    if number == total:
        buttons = [(t.BUTTON_QUIZ.format(count=len(lesson.quiz)), start_quiz_payload(lesson))]
    if number > 1:
        back = payload("lesson_step", lesson_id=lesson.id, step=str(number - 1))
        buttons.append((t.BUTTON_BACK, back))
    buttons.append(stop_button())
    intro = []
    if number == 1:
        summary = split_ideas(lesson.summary) if elderly else [lesson.summary]
        first = t.LESSON_INTRO.format(title=lesson.title, summary=summary[0] if summary else "")
        intro = [bubble(first), *(bubble(idea) for idea in summary[1:])]
    if not elderly:
        text = t.STEP.format(number=number, total=total, bar=bar, title=title, body=step.body)
        return [*intro, bubble(text, buttons)]
    head = t.STEP_SHORT.format(number=number, total=total, bar=bar, title=title)
    parts = [head, *split_ideas(step.body)]
    return [*intro, *(bubble(p) for p in parts[:-1]), bubble(parts[-1], buttons)]


def start_quiz_payload(lesson: Lesson) -> str:
    return payload("start_quiz", lesson_id=lesson.id)


# ---- quiz


def question_bubbles(spot: QuizSpot, *, elderly: bool) -> list[dict]:
    """The question with a progress bar; one button per option (full text in short mode)."""
    options = spot.question.options
    letters = LETTERS[: len(options)]
    number, bar = spot.position + 1, progress_bar(spot.position + 1, spot.total)
    quiz_at = f"{spot.run_id}.{spot.position}"
    pairs = list(zip(letters.upper(), options, strict=False))
    lines = "\n".join(t.OPTION_LINE.format(letter=letter, text=text) for letter, text in pairs)
    text = t.QUESTION.format(
        number=number, total=spot.total, bar=bar, text=spot.question.text, options=lines
    )
    if not elderly:
        hint = t.HINT_LETTERS.format(letters=", ".join(letters.upper()))
        text += t.QUESTION_HINT.format(hint=hint)
    buttons = [
        (f"{letter}. {short(option)}" if elderly else letter, answer_payload(quiz_at, letter))
        for letter, option in pairs
    ]
    header = _quiz_header(spot)
    lead = [bubble(header)] if header else []
    return [*lead, bubble(text, [*buttons, stop_button()])]


def answer_payload(quiz_at: str, letter: str) -> str:
    return payload("quiz_answer", quiz_at=quiz_at, choice=letter.lower())


def _quiz_header(spot: QuizSpot) -> str:
    if spot.kind == "review":
        return t.REVIEW_TITLE.format(title=spot.lesson.title)
    if spot.kind == "placement":
        return t.PLACEMENT_TITLE.format(title=DOMAINS.get(spot.lesson.domain, ""))
    return ""


def feedback_bubble(grade: Grade) -> dict:
    letter = grade.answer.upper()
    if grade.is_correct:
        return bubble(t.RIGHT.format(why=grade.why))
    template = t.SKIPPED if not grade.choice else t.WRONG
    return bubble(template.format(letter=letter, answer=grade.answer_text, why=grade.why))


def not_an_answer_text(options: Sequence[str], out_of_range: str | None) -> str:
    letters = ", ".join(LETTERS[: len(options)].upper())
    template = t.OUT_OF_RANGE if out_of_range else t.NOT_AN_ANSWER
    return template.format(letters=letters)


def paused_bubble(spot: QuizSpot) -> dict:
    text = t.QUIZ_PAUSED.format(number=spot.position + 1, total=spot.total)
    buttons = [(t.BUTTON_RESUME, payload("continue_learning")), (t.BUTTON_OTHER, menu_payload())]
    return bubble(text, buttons)


def menu_payload() -> str:
    return payload("start_lesson")


def lesson_gone_bubble() -> dict:
    return bubble(t.LESSON_GONE, [(t.BUTTON_OTHER, menu_payload())])


def no_quiz_bubble() -> dict:
    return bubble(t.NO_QUIZ, [(t.BUTTON_OTHER, menu_payload())])


# ---- results and next step


def next_step_bubble(suggestion: Suggestion | None, lesson: Lesson | None) -> dict:
    """What to do next, with one button to do it."""
    if suggestion is None:
        return bubble(t.ALL_DONE, [(t.BUTTON_PROGRESS, payload("my_progress"))])
    if suggestion.kind == "review" or lesson is None:
        return bubble(t.DUE_REVIEWS_SHORT, [(t.BUTTON_REVIEW, payload("start_review"))])
    reason = t.REASONS.get(suggestion.reason, "")
    button = (t.BUTTON_START_NEXT, payload("start_lesson", lesson_id=lesson.id))
    if suggestion.kind == "quiz":
        button = (t.BUTTON_CONTINUE_QUIZ, payload("continue_learning"))
    text = t.NEXT.format(title=lesson.title, reason=reason)
    return bubble(text, [button, (t.BUTTON_OTHER, menu_payload())])


def group_buttons() -> list[tuple[str, str]]:
    buttons = [(t.GROUP_TITLES[key], payload("set_group", choice=key)) for key in GROUPS]
    return [*buttons, (t.BUTTON_SKIP, payload("set_group", choice="skip"))]


def consent_bubble(*, elderly: bool = False) -> dict:
    text = t.CONSENT_SHORT if elderly else t.CONSENT
    return bubble(
        text,
        [
            (t.BUTTON_AGREE, payload("learning_consent", choice="yes")),
            (t.BUTTON_DECLINE, payload("learning_consent", choice="no")),
        ],
    )


def domain_button(progress: DomainProgress) -> tuple[str, str]:
    mark = t.DONE_MARK if progress.is_complete else ""
    title = t.DOMAIN_BUTTON.format(
        mark=mark, title=progress.title, passed=progress.passed, total=progress.total
    )
    return title, payload("start_lesson", domain_key=progress.domain)


def lesson_button(lesson: Lesson, is_passed: bool) -> tuple[str, str]:
    mark = t.DONE_MARK if is_passed else ""
    title = t.LESSON_BUTTON.format(mark=mark, title=lesson.title)
    return title, payload("start_lesson", lesson_id=lesson.id)
