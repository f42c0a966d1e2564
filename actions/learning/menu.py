"""Learning actions: the menu ("Học"), lesson steps, continue/stop, and "Tiến độ của tôi".

Writes: the step a learner reached (`visit_step`, only when they agreed to keep results).
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.dispatch import send_answer
from actions.learning.compose import lesson_gone_bubble, paused_bubble, step_bubbles
from actions.learning.overview import (
    domain_bubbles,
    menu_bubbles,
    progress_bubbles,
    resume_step,
    stopped_bubble,
)
from actions.learning.quiz import START_QUIZ
from actions.learning.results import next_bubble
from actions.learning.state import is_elderly, local_today, onboarding_events, take_snapshot
from actions.runtime import database_url, lessons_by_id
from lessons.model import DOMAINS, Lesson
from storage.learners import get_or_create_learner
from storage.lesson_progress import record_step
from storage.models import Learner
from storage.session import session_scope


def visit_step(session: Session, learner: Learner, lesson: Lesson, number: int) -> int:
    """Writes the step reached (clamped to the lesson) when the learner agreed; returns it."""
    number = max(1, min(number, len(lesson.steps)))
    if learner.consent:
        record_step(session, learner=learner, lesson=lesson, step=number)
    return number


def start_lesson(sender_id: str, lesson_id: str, domain: str) -> tuple[list[dict], list]:
    """A chosen lesson opens at once (writes the step); the menu and domains ask consent first."""
    catalogue = lessons_by_id()
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        snapshot = take_snapshot(session, learner, catalogue, local_today())
        if lesson_id:
            lesson = catalogue.get(lesson_id)
            if lesson is None:
                return [lesson_gone_bubble()], []
            number = visit_step(session, learner, lesson, resume_step(snapshot, lesson))
            return step_bubbles(lesson, number, elderly=snapshot.elderly), []
        if learner.consent is None:
            return [], onboarding_events(f"domain:{domain}" if domain in DOMAINS else "menu")
    if domain in DOMAINS:
        return domain_bubbles(domain, snapshot, catalogue), []
    return menu_bubbles(snapshot, catalogue), []


def continue_learning(sender_id: str) -> tuple[list[dict], list]:
    """'Học tiếp': the quiz in progress, else the next step (writes it), else the next lesson."""
    catalogue = lessons_by_id()
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        snapshot = take_snapshot(session, learner, catalogue, local_today())
        if snapshot.active is not None:
            return [], START_QUIZ
        if learner.consent is None:
            return [], onboarding_events("next")
        reading = catalogue.get(snapshot.view.reading or "")
        if reading is not None:
            result = snapshot.results.get(reading.id)
            number = visit_step(session, learner, reading, (result.step if result else 0) + 1)
            return step_bubbles(reading, number, elderly=snapshot.elderly), []
    return [next_bubble(snapshot, catalogue)], []


def _entity(tracker: Tracker, name: str) -> str:
    return str(next(tracker.get_latest_entity_values(name), None) or "")


class ActionStartLesson(Action):
    def name(self) -> str:
        return "action_start_lesson"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        lesson_id, area = _entity(tracker, "lesson_id"), _entity(tracker, "domain_key")
        bubbles, events = start_lesson(tracker.sender_id, lesson_id, area)
        send_answer(dispatcher, bubbles)
        return events


class ActionLessonStep(Action):
    """Tiếp / Quay lại: show the step the button names (old buttons simply show that step)."""

    def name(self) -> str:
        return "action_lesson_step"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        lesson = lessons_by_id().get(_entity(tracker, "lesson_id"))
        step = _entity(tracker, "step")
        if lesson is None:
            send_answer(dispatcher, [lesson_gone_bubble()])
            return []
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            elderly = is_elderly(session, learner)
            number = visit_step(session, learner, lesson, int(step) if step.isdigit() else 1)
        send_answer(dispatcher, step_bubbles(lesson, number, elderly=elderly))
        return []


class ActionContinueLearning(Action):
    def name(self) -> str:
        return "action_continue_learning"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        bubbles, events = continue_learning(tracker.sender_id)
        send_answer(dispatcher, bubbles)
        return events


class ActionStopLearning(Action):
    """Dừng: say where the learner stopped; everything is kept for later."""

    def name(self) -> str:
        return "action_stop_learning"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            snapshot = take_snapshot(session, learner, lessons_by_id(), local_today())
        spot = snapshot.active
        send_answer(dispatcher, [paused_bubble(spot) if spot is not None else stopped_bubble()])
        return []


class ActionMyProgress(Action):
    def name(self) -> str:
        return "action_my_progress"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        catalogue = lessons_by_id()
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            snapshot = take_snapshot(session, learner, catalogue, local_today())
        send_answer(dispatcher, progress_bubbles(snapshot, catalogue))
        return []
