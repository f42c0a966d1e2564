"""Quiz answers: the quiz form's validator, and answer buttons pressed outside the form.

A message is read by `turns.read_turn` (pure). An answer is then graded and recorded here, and
when it was the run's last, the end of the run is recorded (the lesson result or placement, or
the run forgotten for a learner who did not agree to keep results) before the result is told.
A button pressed while the form is not active (an old message, after a pause or a session
timeout) comes to `action_quiz_answer`, which grades it the same way and resumes the form.

Writes: the answer and its review (`record_answer_turn`), the end of a run (`record_run_end`).
"""

from __future__ import annotations

from datetime import date

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecutionRejected, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.answers import bubble
from actions.dispatch import send_answer
from actions.learning import texts as t
from actions.learning.compose import QuizSpot, feedback_bubble
from actions.learning.messages import Message
from actions.learning.quiz import START_QUIZ
from actions.learning.results import RunEnd, result_bubbles, run_end
from actions.learning.state import local_today, spot_of, take_snapshot
from actions.learning.turns import Turn, is_pressed_answer, pressed_run_id, read_turn
from actions.runtime import database_url, lessons_by_id
from lessons.grading import grade_answer
from lessons.model import Lesson
from lessons.progress import schedule_review
from storage.learners import get_or_create_learner
from storage.learning_profile import save_placement
from storage.lesson_progress import record_quiz_result
from storage.models import Learner, QuizRun
from storage.quiz_runs import delete_run, get_active_run, get_run, list_attempts, record_answer
from storage.review import get_review, save_review
from storage.session import session_scope

END_FORM = [SlotSet("quiz_answer", None), SlotSet("requested_slot", None)]


def play_turn(sender_id: str, latest_message: dict) -> Turn:
    """Read one message sent while a quiz may be running; writes it when it is an answer."""
    message = Message.from_latest(latest_message)
    catalogue, today = lessons_by_id(), local_today()
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        if is_pressed_answer(message):
            run_id = pressed_run_id(message)
            run = get_run(session, run_id=run_id) if run_id else None
        else:
            run = get_active_run(session, learner=learner)
        spot = spot_of(run, catalogue)
        turn = read_turn(message, run, spot, learner.id, catalogue)
        if turn.kind != "answer" or run is None or spot is None:
            return turn
        return record_answer_turn(session, learner, run, spot, turn, catalogue, today)


def record_answer_turn(
    session: Session,
    learner: Learner,
    run: QuizRun,
    spot: QuizSpot,
    turn: Turn,
    catalogue: dict[str, Lesson],
    today: date,
) -> Turn:
    """Writes the graded answer (once per position) and its review; at the end, the result."""
    grade = grade_answer(spot.question, turn.choice)
    via = turn.via
    if not record_answer(
        session, run=run, choice=grade.choice, is_correct=grade.is_correct, via=via
    ):
        return Turn("stale", [bubble(t.STALE_QUESTION)])
    if run.keep_record and run.kind != "placement":
        save_next_review(session, learner, spot, grade.is_correct, today)
    bubbles = [feedback_bubble(grade)]
    if run.status != "finished":
        return Turn("graded", bubbles)
    end = run_end(run, list_attempts(session, run=run), catalogue)
    record_run_end(session, learner, run, end)
    snapshot = take_snapshot(session, learner, catalogue, today) if end.offers_next else None
    return Turn("finished", bubbles + result_bubbles(end, snapshot, catalogue))


def save_next_review(
    session: Session, learner: Learner, spot: QuizSpot, is_correct: bool, today: date
) -> None:
    """Writes the next review: a wrong answer comes back, right ones in review go further."""
    where = {"learner": learner, "lesson_id": spot.lesson.id, "question_index": spot.question_index}
    state = schedule_review(get_review(session, **where), is_correct=is_correct, today=today)
    save_review(session, **where, state=state)


def record_run_end(session: Session, learner: Learner, run: QuizRun, end: RunEnd) -> None:
    """Writes the lesson result or the placement when kept; otherwise forgets the run."""
    if not end.keep_record:
        delete_run(session, run=run)
        return
    if end.placement is not None:
        save_placement(session, learner=learner, placement=end.placement.as_mapping())
    if end.lesson is not None:
        correct, total = end.correct, end.total
        record_quiz_result(
            session, learner=learner, lesson=end.lesson, correct=correct, total=total
        )


class ValidateQuizForm(Action):
    """Grade what the learner sent; keep asking until the run ends or the learner leaves."""

    def name(self) -> str:
        return "validate_quiz_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        if tracker.slots_to_validate().get("quiz_answer") is None:
            return []
        turn = play_turn(tracker.sender_id, tracker.latest_message)
        send_answer(dispatcher, turn.bubbles)
        if turn.kind in ("inline", "leave"):  # the rules of nlu/learning_rules.py take over
            return [SlotSet("quiz_answer", None), ActionExecutionRejected("quiz_form")]
        if turn.kind in ("finished", "stop", "no_run", "finished_run", "unknown_run"):
            return END_FORM
        return [SlotSet("quiz_answer", None)]  # graded, stale, not_answer, resume: ask again


class ActionQuizAnswer(Action):
    """An answer button pressed while the quiz form is not running."""

    def name(self) -> str:
        return "action_quiz_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        turn = play_turn(tracker.sender_id, tracker.latest_message)
        send_answer(dispatcher, turn.bubbles)
        if turn.kind in ("graded", "stale"):
            return START_QUIZ
        return []
