"""Quiz actions: start a lesson quiz, a review or the placement check; the quiz form; answers.

`quiz_form` asks for one slot, `quiz_answer` (filled from any text while the form is active);
`validate_quiz_form` grades it and empties it again until the run ends. A button pressed
while the form is not active (an old message, after a pause or a session timeout) comes to
`action_quiz_answer`, which grades it the same way and resumes the form.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecutionRejected, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import learning_texts as t
from actions.answers import bubble
from actions.dispatch import send_bubbles
from actions.learning_compose import menu_payload, question_bubbles
from actions.learning_state import is_elderly, local_today, onboarding_events, spot_of
from actions.learning_turns import Message, Turn, take_turn
from actions.runtime import database_url, lessons_by_id
from lessons.grading import item_key
from lessons.placement import placement_items
from storage.learners import get_or_create_learner
from storage.learning import due_reviews, get_active_run, start_run
from storage.session import session_scope

REVIEW_SIZE = 5
START_QUIZ = [SlotSet("quiz_answer", None), FollowupAction("quiz_form")]
END_FORM = [SlotSet("quiz_answer", None), SlotSet("requested_slot", None)]


def quiz_turn(sender_id: str, latest_message: dict) -> Turn:
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        message = Message.from_latest(latest_message)
        return take_turn(session, learner, message, lessons_by_id(), local_today())


def begin_quiz(sender_id: str, kind: str, lesson_id: str | None = None) -> tuple[list[dict], list]:
    """Start (or resume) a run of `kind`; returns the bubbles to send and the events."""
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


def _items(session, learner, kind: str, lesson_id: str | None, catalogue) -> list[str]:
    if kind == "placement":
        return placement_items(list(catalogue.values()))
    if kind == "review":
        due = due_reviews(session, learner=learner, today=local_today(), limit=REVIEW_SIZE)
        return [item_key(i.lesson_id, i.question_index) for i in due if i.lesson_id in catalogue]
    lesson = catalogue.get(lesson_id or "")
    return [item_key(lesson.id, i) for i in range(len(lesson.quiz))] if lesson else []


def _send(dispatcher: CollectingDispatcher, bubbles: list[dict]) -> None:
    if bubbles:
        send_bubbles(dispatcher, bubbles, decision="answer")


class ActionStartQuiz(Action):
    def name(self) -> str:
        return "action_start_quiz"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        lesson_id = next(tracker.get_latest_entity_values("lesson_id"), None) or ""
        if lesson_id not in lessons_by_id():
            _send(dispatcher, [bubble(t.LESSON_GONE, [(t.BUTTON_OTHER, menu_payload())])])
            return []
        bubbles, events = begin_quiz(tracker.sender_id, "lesson", lesson_id)
        _send(dispatcher, bubbles)
        return events


class ActionStartReview(Action):
    def name(self) -> str:
        return "action_start_review"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        bubbles, events = begin_quiz(tracker.sender_id, "review")
        _send(dispatcher, bubbles)
        return events


class ActionStartPlacement(Action):
    def name(self) -> str:
        return "action_start_placement"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        bubbles, events = begin_quiz(tracker.sender_id, "placement")
        _send(dispatcher, bubbles)
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
            _send(dispatcher, [bubble(t.NO_QUIZ, [(t.BUTTON_OTHER, menu_payload())])])
            return [SlotSet("requested_slot", None)]
        _send(dispatcher, question_bubbles(spot, elderly=elderly))
        return []


class ValidateQuizForm(Action):
    """Grade what the learner sent; keep asking until the run ends or the learner leaves."""

    def name(self) -> str:
        return "validate_quiz_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        if tracker.slots_to_validate().get("quiz_answer") is None:
            return []
        turn = quiz_turn(tracker.sender_id, tracker.latest_message)
        _send(dispatcher, turn.bubbles)
        if turn.kind in ("inline", "leave"):  # the rules of learning_rules.yml take over
            return [SlotSet("quiz_answer", None), ActionExecutionRejected("quiz_form")]
        if turn.kind in ("finished", "stop", "no_run", "finished_run", "unknown_run"):
            return END_FORM
        return [SlotSet("quiz_answer", None)]  # graded, stale, not_answer, resume: ask again


class ActionQuizAnswer(Action):
    """An answer button pressed while the quiz form is not running."""

    def name(self) -> str:
        return "action_quiz_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        turn = quiz_turn(tracker.sender_id, tracker.latest_message)
        _send(dispatcher, turn.bubbles)
        if turn.kind in ("graded", "stale"):
            return START_QUIZ
        return []


class ActionQuizDone(Action):
    """After the form ends (finished, paused or left): clear its slot; the validator spoke."""

    def name(self) -> str:
        return "action_quiz_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        return [SlotSet("quiz_answer", None)]
