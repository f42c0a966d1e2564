"""One quiz turn: read the answer (button or typed), grade it, store it, say what comes next.

The database is the source of truth: a pressed button carries "<run id>.<position>", and an
answer counts only for the run's current position, once (storage enforces it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from actions import learning_texts as t
from actions.answers import bubble
from actions.learning_compose import (
    QuizSpot,
    feedback_bubble,
    menu_payload,
    not_an_answer_text,
    paused_bubble,
)
from actions.learning_results import finished_run_bubbles, result_bubbles
from actions.learning_state import spot_of
from lessons.grading import ParsedChoice, grade_answer, parse_choice, plain
from lessons.model import LETTERS, Lesson
from lessons.progress import schedule_review
from storage.learning import get_active_run, get_review, get_run, record_answer, save_review
from storage.models import Learner, QuizRun

# A message during a form that clearly means something else: inline intents are answered and
# the quiz question comes back; the others pause the quiz (or end a profile form) and go their
# own way. The validators reject such messages; the rules in nlu/data/learning_rules.yml (one
# per intent and form, checked by tests/actions/test_learning_rules.py) do the rest.
INLINE_ACTIONS = {
    "ask_question": "action_answer_question",
    "out_of_scope": "action_answer_question",
    "nlu_fallback": "action_answer_question",
    "help": "utter_help",
    "my_progress": "action_my_progress",
    "bot_challenge": "utter_bot_challenge",
    "thank": "utter_thank",
    "greet": "utter_greet",
}
LEAVE_ACTIONS = {
    "start_lesson": "action_start_lesson",
    "choose_lesson": "action_show_lesson",
    "lesson_step": "action_lesson_step",
    "start_quiz": "action_start_quiz",
    "start_review": "action_start_review",
    "start_placement": "action_start_placement",
    "request_human": "action_request_human",
    "delete_my_data": "action_ask_delete_data",
    "confirm_delete": "action_delete_my_data",
    "get_certificate": "action_get_certificate",
    "set_reminder": "action_set_reminder",
    "elderly_mode": "action_elderly_mode",
    "learning_consent": "action_update_profile",
    "set_group": "action_update_profile",
    "set_area": "action_update_profile",
    "goodbye": "utter_goodbye",
}
# Profile forms (consent, certificate name) are left for any of these, inline ones included.
FORM_LEAVE_ACTIONS = {
    **INLINE_ACTIONS,
    **LEAVE_ACTIONS,
    "quiz_answer": "action_quiz_answer",
    "continue_learning": "action_continue_learning",
}
_STOP_WORDS = re.compile(
    r"^(?:thoi )?(?:dung lai|dung hoc|dung|thoi|nghi|nghi thoi|thoat|ket thuc|de sau|stop|huy)"
    r"(?: (?:a|nhe|nha|da|di|thoi|khong hoc nua))*$|^(?:thoi |)khong (?:hoc|lam) nua"
)


@dataclass(frozen=True)
class Message:
    text: str
    intent: str
    confidence: float
    entities: dict[str, str] = field(default_factory=dict)

    @property
    def is_payload(self) -> bool:
        return self.text.startswith("/")

    @classmethod
    def from_latest(cls, latest: dict) -> Message:
        intent = latest.get("intent") or {}
        entities = {e["entity"]: str(e.get("value", "")) for e in latest.get("entities") or []}
        return cls(
            text=(latest.get("text") or "").strip(),
            intent=intent.get("name") or "",
            confidence=float(intent.get("confidence") or 0.0),
            entities=entities,
        )


@dataclass(frozen=True)
class Turn:
    """kind: graded | finished | stale | finished_run | unknown_run | no_run | not_answer |
    resume | stop | inline | leave."""

    kind: str
    bubbles: list[dict] = field(default_factory=list)


def is_stop(text: str) -> bool:
    """ "dừng", "thôi", "nghỉ", "để sau" … (accent-free "dung" too, but never "đúng")."""
    return "đúng" not in text.lower() and bool(_STOP_WORDS.match(plain(text)))


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


def take_turn(
    session: Session, learner: Learner, message: Message, catalogue: dict[str, Lesson], today: date
) -> Turn:
    """Handle one message sent while a quiz may be running."""
    if message.intent == "quiz_answer" and message.is_payload:
        return _pressed(session, learner, message, catalogue, today)
    spot = spot_of(get_active_run(session, learner=learner), catalogue)
    if spot is None:
        return Turn("no_run", [bubble(t.NO_QUIZ, [(t.BUTTON_OTHER, menu_payload())])])
    parsed = parse_choice(message.text, spot.question.options)
    if parsed.is_answer:
        return _grade(session, learner, spot, parsed, "typed", catalogue, today)
    kind = classify_non_answer(message, spot)
    if kind == "stop":
        return Turn("stop", [paused_bubble(spot)])
    if kind == "leave":
        text = t.QUIZ_PAUSED_SHORT.format(number=spot.position + 1, total=spot.total)
        return Turn("leave", [bubble(text)])
    if kind == "not_answer":
        return Turn(kind, [bubble(not_an_answer_text(spot.question.options, parsed.out_of_range))])
    return Turn(kind)


def _pressed(
    session: Session, learner: Learner, message: Message, catalogue: dict[str, Lesson], today: date
) -> Turn:
    run_id, position = parse_quiz_at(message.entities.get("quiz_at", ""))
    run = get_run(session, run_id=run_id) if run_id else None
    if run is None or run.learner_id != learner.id:
        return Turn("unknown_run", [bubble(t.NO_QUIZ, [(t.BUTTON_OTHER, menu_payload())])])
    spot = spot_of(run, catalogue)
    if spot is None:
        return Turn("finished_run", finished_run_bubbles(run, catalogue))
    if position != run.position:
        return Turn("stale", [bubble(t.STALE_QUESTION)])
    choice = message.entities.get("choice", "")
    if choice not in LETTERS[: len(spot.question.options)]:
        return Turn("not_answer", [bubble(not_an_answer_text(spot.question.options, None))])
    return _grade(session, learner, spot, ParsedChoice(letter=choice), "button", catalogue, today)


def parse_quiz_at(value: str) -> tuple[int, int]:
    """ "12.3" → (12, 3); (0, -1) when malformed."""
    run_id, _, position = value.partition(".")
    if not (run_id.isdigit() and position.isdigit()):
        return 0, -1
    return int(run_id), int(position)


def _grade(
    session: Session,
    learner: Learner,
    spot: QuizSpot,
    parsed: ParsedChoice,
    via: str,
    catalogue: dict[str, Lesson],
    today: date,
) -> Turn:
    run: QuizRun = session.get(QuizRun, spot.run_id)
    grade = grade_answer(spot.question, parsed)
    if record_answer(session, run=run, choice=grade.choice, is_correct=grade.is_correct, via=via):
        _schedule_review(session, learner, run, spot, grade.is_correct, today)
    else:
        return Turn("stale", [bubble(t.STALE_QUESTION)])
    bubbles = [feedback_bubble(grade)]
    if run.status != "finished":
        return Turn("graded", bubbles)
    return Turn("finished", bubbles + result_bubbles(session, learner, run, catalogue, today))


def _schedule_review(
    session: Session, learner: Learner, run: QuizRun, spot: QuizSpot, is_correct: bool, today: date
) -> None:
    """A wrong answer comes back for review; right answers in review push it further out."""
    if not run.keep_record or run.kind == "placement":
        return
    where = {"learner": learner, "lesson_id": spot.lesson.id, "question_index": spot.question_index}
    state = schedule_review(get_review(session, **where), is_correct=is_correct, today=today)
    save_review(session, **where, state=state)
