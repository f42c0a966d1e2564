"""One quiz turn, decided (pure): an answer to grade, or what else the message means.

The database is the source of truth: a pressed button carries "<run id>.<position>", and an
answer counts only for the run's current position, once (storage enforces it). The action
(quiz.py) reads the run, asks `read_turn` what the message is, and records an answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from actions.answers import bubble
from actions.learning import texts as t
from actions.learning.compose import (
    QuizSpot,
    no_quiz_bubble,
    not_an_answer_text,
    paused_bubble,
)
from actions.learning.messages import Message, is_stop
from actions.learning.results import finished_run_bubbles
from lessons.grading import ParsedChoice, parse_choice
from lessons.model import LETTERS, Lesson
from nlu.learning_rules import INLINE_ACTIONS, LEAVE_ACTIONS

if TYPE_CHECKING:
    from storage.models import QuizRun


@dataclass(frozen=True)
class Turn:
    """kind: answer (to grade and record: `choice`, `via`) | graded | finished | stale |
    finished_run | unknown_run | no_run | not_answer | resume | stop | inline | leave."""

    kind: str
    bubbles: list[dict] = field(default_factory=list)
    choice: ParsedChoice | None = None
    via: str = ""


def is_pressed_answer(message: Message) -> bool:
    return message.intent == "quiz_answer" and message.is_payload


def parse_quiz_at(value: str) -> tuple[int, int]:
    """ "12.3" → (12, 3); (0, -1) when malformed."""
    run_id, _, position = value.partition(".")
    if not (run_id.isdigit() and position.isdigit()):
        return 0, -1
    return int(run_id), int(position)


def pressed_run_id(message: Message) -> int:
    """The run an answer button belongs to (0 when the button is malformed)."""
    return parse_quiz_at(message.entities.get("quiz_at", ""))[0]


def classify_non_answer(message: Message, spot: QuizSpot) -> str:
    """What a message that is not an answer means during a quiz: one of stop, resume,
    inline, leave, not_answer."""
    if is_stop(message.text) or message.intent == "stop_learning" and message.is_payload:
        return "stop"
    same_quiz = message.intent == "start_quiz" and message.entities.get("lesson_id") == (
        spot.lesson.id if spot.kind == "lesson" else None
    )
    if message.intent == "continue_learning" or same_quiz:
        return "resume"
    words = len(message.text.split())
    if message.intent in INLINE_ACTIONS and (message.is_payload or message.confidence >= 0.6):
        return "inline" if message.is_payload or words >= 3 else "not_answer"
    if message.intent in LEAVE_ACTIONS and (message.is_payload or message.confidence >= 0.8):
        return "leave"
    return "not_answer"


def read_turn(
    message: Message,
    run: QuizRun | None,
    spot: QuizSpot | None,
    learner_id: int,
    catalogue: dict[str, Lesson],
) -> Turn:
    """What one message sent while a quiz may be running means. `run` is the run the pressed
    button names, or the learner's active run for typed text; `spot` is where it stands."""
    if is_pressed_answer(message):
        return _read_pressed(message, run, spot, learner_id, catalogue)
    if spot is None:
        return Turn("no_run", [no_quiz_bubble()])
    parsed = parse_choice(message.text, spot.question.options)
    if parsed.is_answer:
        return Turn("answer", choice=parsed, via="typed")
    kind = classify_non_answer(message, spot)
    if kind == "stop":
        return Turn("stop", [paused_bubble(spot)])
    if kind == "leave":
        text = t.QUIZ_PAUSED_SHORT.format(number=spot.position + 1, total=spot.total)
        return Turn("leave", [bubble(text)])
    if kind == "not_answer":
        return Turn(kind, [bubble(not_an_answer_text(spot.question.options, parsed.out_of_range))])
    return Turn(kind)


def _read_pressed(
    message: Message,
    run: QuizRun | None,
    spot: QuizSpot | None,
    learner_id: int,
    catalogue: dict[str, Lesson],
) -> Turn:
    if run is None or run.learner_id != learner_id:
        return Turn("unknown_run", [no_quiz_bubble()])
    if spot is None:
        return Turn("finished_run", finished_run_bubbles(run, catalogue))
    if parse_quiz_at(message.entities.get("quiz_at", ""))[1] != run.position:
        return Turn("stale", [bubble(t.STALE_QUESTION)])
    choice = message.entities.get("choice", "")
    if choice not in LETTERS[: len(spot.question.options)]:
        return Turn("not_answer", [bubble(not_an_answer_text(spot.question.options, None))])
    return Turn("answer", choice=ParsedChoice(letter=choice), via="button")
