"""Trackers built from dicts, a collecting dispatcher, and a few steps the learning tests share."""

from __future__ import annotations

import json

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.learning.quiz import ActionStartQuiz
from actions.learning.quiz_answers import ValidateQuizForm
from actions.runtime import lessons_by_id
from storage.learners import get_learner, get_or_create_learner
from storage.learning_profile import record_consent
from storage.quiz_runs import get_active_run
from storage.session import session_scope

LESSON = lessons_by_id()["at-khong-lo-otp"]


def tracker(sender: str, text: str, intent: str = "", confidence: float = 1.0, **kw) -> Tracker:
    """A tracker whose latest message is `text` (a payload's entities parsed like Rasa does)."""
    entities = []
    if text.startswith("/") and "{" in text:
        entities = [
            {"entity": k, "value": v} for k, v in json.loads(text[text.index("{") :]).items()
        ]
        intent = intent or text[1 : text.index("{")]
    elif text.startswith("/"):
        intent = intent or text[1:]
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities,
    }
    events = [{"event": "user", "text": text, "parse_data": latest}]
    for name, value in (kw.get("candidates") or {}).items():  # what a form hands to validation
        events += [
            {"event": "action", "name": "quiz_form"},
            {"event": "slot", "name": name, "value": value},
        ]
    state = {
        "sender_id": sender,
        "slots": kw.get("slots", {}),
        "latest_message": latest,
        "events": events,
        "active_loop": kw.get("active_loop", {}),
    }
    return Tracker.from_dict(state)


def run(action, t: Tracker) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    return [m for m in dispatcher.messages if m.get("text")], events


def followups(events: list[dict]) -> list[str]:
    return [e["name"] for e in events if e["event"] == "followup"]


def slots(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def is_rejected(events: list[dict]) -> bool:
    return any(e["event"] == "action_execution_rejected" for e in events)


def texts(messages: list[dict]) -> str:
    return "\n".join(m["text"] for m in messages)


def agree(database_url: str, sender: str) -> None:
    with session_scope(database_url) as session:
        record_consent(
            session, learner=get_or_create_learner(session, sender_id=sender), agreed=True
        )


def answer(sender: str, text: str, **kw) -> tuple[list[dict], list[dict]]:
    """What the quiz form does with one message: validation with the text as the candidate."""
    return run(ValidateQuizForm(), tracker(sender, text, candidates={"quiz_answer": text}, **kw))


def start_quiz(db: str, sender: str) -> int:
    _, events = run(
        ActionStartQuiz(), tracker(sender, '/start_quiz{"lesson_id":"at-khong-lo-otp"}')
    )
    assert followups(events) == ["quiz_form"]
    with session_scope(db) as session:
        return get_active_run(session, learner=get_learner(session, sender_id=sender)).id
