"""Quiz actions: start a lesson quiz, a review or the placement check; ask the question.

`quiz_form` asks for one slot, `quiz_answer` (filled from any text while the form is active);
`validate_quiz_form` (quiz_answers.py) grades it and empties it again until the run ends.

Writes: a new run (`begin_quiz`).
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.answers import bubble
from actions.dispatch import send_answer
from actions.learning import texts as t
from actions.learning.compose import (
    lesson_gone_bubble,
    menu_payload,
    no_quiz_bubble,
    question_bubbles,
)
from actions.learning.state import is_elderly, local_today, onboarding_events, spot_of
from actions.runtime import database_url, lessons_by_id
from lessons.grading import item_key
from lessons.model import Lesson
from lessons.placement import placement_items
from storage.learners import get_or_create_learner
from storage.models import Learner
from storage.quiz_runs import get_active_run, start_run
from storage.review import due_reviews
from storage.session import session_scope

REVIEW_SIZE = 5
START_QUIZ = [SlotSet("quiz_answer", None), FollowupAction("quiz_form")]


def begin_quiz(sender_id: str, kind: str, lesson_id: str | None = None) -> tuple[list[dict], list]:
    """Writes a new run of `kind` (or resumes the active one); returns bubbles and events."""
    catalogue = lessons_by_id()
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        if learner.consent is None:
            goal = f"quiz:{lesson_id}" if kind == "lesson" else kind
            return [], onboarding_events(goal)
        active = get_active_run(session, learner=learner)
        is_same = active and active.kind == kind and active.lesson_id == lesson_id
        if is_same and spot_of(active, catalogue) is not None:
            return [], START_QUIZ
        items = _items(session, learner, kind, lesson_id, catalogue)
        if not items:
            return [bubble(t.NO_REVIEWS, [(t.BUTTON_OTHER, menu_payload())])], []
        start_run(
            session,
            learner=learner,
            kind=kind,
            items=items,
            lesson_id=lesson_id,
            keep_record=bool(learner.consent),
        )
        return [], START_QUIZ


def _items(
    session: Session,
    learner: Learner,
    kind: str,
    lesson_id: str | None,
    catalogue: dict[str, Lesson],
) -> list[str]:
    if kind == "placement":
        return placement_items(list(catalogue.values()))
    if kind == "review":
        due = due_reviews(session, learner=learner, today=local_today(), limit=REVIEW_SIZE)
        return [item_key(i.lesson_id, i.question_index) for i in due if i.lesson_id in catalogue]
    lesson = catalogue.get(lesson_id or "")
    return [item_key(lesson.id, i) for i in range(len(lesson.quiz))] if lesson else []


class ActionStartQuiz(Action):
    def name(self) -> str:
        return "action_start_quiz"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        lesson_id = next(tracker.get_latest_entity_values("lesson_id"), None) or ""
        if lesson_id not in lessons_by_id():
            send_answer(dispatcher, [lesson_gone_bubble()])
            return []
        bubbles, events = begin_quiz(tracker.sender_id, "lesson", lesson_id)
        send_answer(dispatcher, bubbles)
        return events


class ActionStartReview(Action):
    def name(self) -> str:
        return "action_start_review"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        bubbles, events = begin_quiz(tracker.sender_id, "review")
        send_answer(dispatcher, bubbles)
        return events


class ActionStartPlacement(Action):
    def name(self) -> str:
        return "action_start_placement"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        bubbles, events = begin_quiz(tracker.sender_id, "placement")
        send_answer(dispatcher, bubbles)
        return events


class ActionAskQuizAnswer(Action):
    """The form's question: whatever the learner's active run is waiting for."""

    def name(self) -> str:
        return "action_ask_quiz_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            spot = spot_of(get_active_run(session, learner=learner), lessons_by_id())
            elderly = is_elderly(session, learner)
        if spot is None:
            send_answer(dispatcher, [no_quiz_bubble()])
            return [SlotSet("requested_slot", None)]
        send_answer(dispatcher, question_bubbles(spot, elderly=elderly))
        return []


class ActionQuizDone(Action):
    """After the form ends (finished, paused or left): clear its slot; the validator spoke."""

    def name(self) -> str:
        return "action_quiz_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        return [SlotSet("quiz_answer", None)]
