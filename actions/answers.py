"""Compose reply bubbles from retrieval hits and lessons (pure: data in, bubbles out)."""

from __future__ import annotations

import json
import re

from actions import texts
from lessons.model import Lesson

MAX_ANSWER_CHARS = 900
_BLANK_LINES = re.compile(r"\n\s*\n")


def payload(intent: str, **entities: str) -> str:
    """A Rasa button payload such as /start_lesson{"lesson_id":"x"} (compact, < 64 bytes)."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


def bubble(text: str, buttons: list[tuple[str, str]] | None = None) -> dict:
    return {"text": text, "buttons": [{"title": t, "payload": p} for t, p in buttons or []]}


def lesson_buttons(lesson: Lesson) -> list[tuple[str, str]]:
    return [
        (texts.BUTTON_LEARN, payload("start_lesson", lesson_id=lesson.id)),
        (texts.BUTTON_HUMAN, payload("request_human")),
    ]


def source_line(lesson: Lesson) -> str:
    """The lesson and its first source, labelled "chính thức" only for a state body's site."""
    source = lesson.main_source
    line = texts.ANSWER_SOURCE if source.official else texts.ANSWER_SOURCE_PRESS
    return line.format(title=lesson.title, url=source.url)


def footer_text(lesson: Lesson, shown: str) -> str:
    """The lesson and its source, then the changed-rule note unless `shown` already gives its
    date."""
    lines = [source_line(lesson)]
    if lesson.changed and not already_says(shown, lesson.changed):
        lines.append(texts.ANSWER_CHANGED.format(changed=lesson.changed.rstrip(".") + "."))
    return "\n".join(lines)


def compose_answer(passages: list[tuple[str, str]], lesson: Lesson) -> list[dict]:
    """Answer text from the best passages of one lesson, then the lesson, its source and buttons.

    `passages` are (heading, text) pairs, best first, all from `lesson`.
    """
    parts: list[str] = []
    used = 0
    for heading, text in passages:
        piece = text if not heading or heading in text else f"{heading}:\n{text}"
        piece = _BLANK_LINES.sub("\n", piece)  # Rasa splits a message at blank lines
        if parts and used + len(piece) > MAX_ANSWER_CHARS:
            break
        parts.append(piece)
        used += len(piece)
    answer = "\n".join(parts)
    return [bubble(answer), bubble(footer_text(lesson, answer), lesson_buttons(lesson))]


def compose_choices(lessons: list[Lesson], text: str = texts.CLARIFY) -> list[dict]:
    """'Ý bác/anh/chị là:' with one button per lesson."""
    buttons = [(lesson.title, payload("choose_lesson", lesson_id=lesson.id)) for lesson in lessons]
    return [bubble(text, buttons)]


def compose_unsure(lessons: list[Lesson]) -> list[dict]:
    """An honest 'not sure' with suggested lessons and the offer of a person."""
    buttons = [(lesson.title, payload("choose_lesson", lesson_id=lesson.id)) for lesson in lessons]
    buttons.append((texts.BUTTON_HUMAN, payload("request_human")))
    return [bubble(texts.UNSURE, buttons)]


def compose_refusal(category: str | None) -> list[dict]:
    text = texts.REFUSE_BY_CATEGORY.get(category or "", texts.REFUSE_GENERIC)
    return [bubble(text), topic_menu_bubble(texts.STEER_BACK)]


def topic_menu_bubble(text: str) -> dict:
    topics = ("vneid", "dvc", "payment", "safety")
    buttons = [
        (texts.TOPIC_NAMES[t].capitalize(), payload("ask_question", topic=t)) for t in topics
    ]
    return bubble(text, buttons)


def offer_human_bubble() -> dict:
    return bubble(
        texts.OFFER_HUMAN,
        [
            (texts.BUTTON_YES_HUMAN, payload("request_human")),
            (texts.BUTTON_NO_HUMAN, payload("deny")),
        ],
    )


def answer_buttons(lesson: Lesson) -> list[tuple[str, str]]:
    """Xem các bước (when the lesson has steps), Học bài này, Hỏi người hỗ trợ."""
    if not lesson.steps:
        return lesson_buttons(lesson)
    steps = (texts.BUTTON_STEPS, payload("show_steps", lesson_id=lesson.id))
    return [steps, *lesson_buttons(lesson)]


def compose_lead_answer(lead: str, support: str, lesson: Lesson) -> list[dict]:
    """Answer first: the lead (the passage that answers, already cut short), at most one
    supporting passage, then the lesson, its source and the buttons."""
    footer = footer_text(lesson, lead)
    return [bubble(lead), bubble(f"{support}\n{footer}" if support else footer,
                                 answer_buttons(lesson))]


_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def already_says(lead: str, changed: str) -> bool:
    """The lead already gives the changed rule's date, so the note would repeat it."""
    return any(date in lead for date in _DATE.findall(changed))


def compose_steps(lesson: Lesson) -> list[dict]:
    """Every step of a lesson, numbered, then the lesson's buttons."""
    lines = [texts.STEPS_HEADER.format(title=lesson.title)]
    lines += [f"{n}. {step.title}: {' '.join(step.body.split())}"
              for n, step in enumerate(lesson.steps, 1)]
    return [bubble("\n".join(lines)), bubble(source_line(lesson), lesson_buttons(lesson))]


def compose_referral(
    text: str, source_title: str, source_url: str, official: bool, legal: bool = False
) -> list[dict]:
    """Where to ask, with an honest source label, and the offer of a person; a legal question
    first hears that we cannot advise on the law."""
    label = texts.REFERRAL_SOURCE_OFFICIAL if official else texts.REFERRAL_SOURCE_PRESS
    intro = texts.REFERRAL_INTRO_LEGAL if legal else texts.REFERRAL_INTRO
    body = f"{intro}\n{text}\n{label.format(title=source_title, url=source_url)}"
    return [bubble(body), offer_human_bubble()]


def compose_medical_refusal(booking_lesson: str, health_book_lesson: str) -> list[dict]:
    buttons = [
        (texts.BUTTON_BOOKING, payload("choose_lesson", lesson_id=booking_lesson)),
        (texts.BUTTON_HEALTH_BOOK, payload("choose_lesson", lesson_id=health_book_lesson)),
    ]
    return [bubble(texts.MEDICAL_REFUSAL, buttons)]
