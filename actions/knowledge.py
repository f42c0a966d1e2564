"""Answer questions from the lesson index; show a lesson picked from suggestion buttons."""

from __future__ import annotations

from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, texts
from actions.conversation import read_context
from actions.dispatch import is_button_payload, send_bubbles
from actions.respond import EVAL_DECISION, reply_to_question
from actions.runtime import lessons_by_id
from knowledge.followup import is_followup
from lessons.model import Lesson


def topic_menu(topic: str) -> list[dict]:
    lessons = [lesson for lesson in lessons_by_id().values() if lesson.topic == topic][:8]
    name = texts.TOPIC_NAMES.get(topic, topic)
    buttons = [
        (lesson.title, answers.payload("choose_lesson", lesson_id=lesson.id)) for lesson in lessons
    ]
    return [answers.bubble(texts.TOPIC_MENU.format(topic=name), buttons)]


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        text = (tracker.latest_message.get("text") or "").strip()
        if is_button_payload(text):
            topic = next(tracker.get_latest_entity_values("topic"), None) or "vneid"
            send_bubbles(dispatcher, topic_menu(topic), decision="answer")
            return []
        kind, bubbles, events = reply_to_question(
            text, tracker.sender_id, tracker.latest_message, read_context(tracker.slots)
        )
        send_bubbles(dispatcher, bubbles, decision=EVAL_DECISION[kind])
        return events


LONG_MESSAGE_WORDS = 5


def reply_if_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, unless: frozenset[str]
) -> list | None:
    """A long typed message, or a follow-up of the previous question, that DIET routed to a
    chit-chat or hand-off intent goes through the normal triage; None (nothing sent) when it is
    short, a button, or its reply kind is in `unless`. DIET is over-confident, so its intent
    alone does not decide for long messages."""
    text = (tracker.latest_message.get("text") or "").strip()
    context = read_context(tracker.slots)
    follows_up = bool(context.last_question) and is_followup(text)
    if is_button_payload(text) or (len(text.split()) < LONG_MESSAGE_WORDS and not follows_up):
        return None
    kind, bubbles, events = reply_to_question(
        text, tracker.sender_id, tracker.latest_message, context
    )
    if kind in unless:
        return None
    send_bubbles(dispatcher, bubbles, decision=EVAL_DECISION[kind])
    return events


class ActionSmallTalk(Action):
    """Greetings, thanks, help: but a real question that DIET took for small talk gets answered."""

    def name(self) -> str:
        return "action_small_talk"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        answered = reply_if_question(dispatcher, tracker, unless=frozenset({"unsure", "refuse"}))
        if answered is not None:
            return answered
        intent = (tracker.latest_message.get("intent") or {}).get("name") or "help"
        dispatcher.utter_message(response=f"utter_{intent}")
        dispatcher.utter_message(json_message={"decision": "answer"})
        return []


def has_replied_since_user(events: list[dict]) -> bool:
    """True when the bot already said something after the latest user message."""
    for event in reversed(events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot":
            return True
    return False


class ActionCoreFallback(Action):
    """Rasa's core fallback: answer the message if nothing has yet, then always listen.

    Ending with action_listen breaks the loop Rasa falls into when an action ran outside the
    rules (the fallback would be predicted again and again until the circuit breaker trips).
    """

    def name(self) -> str:
        return "action_core_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        events: list = []
        if not has_replied_since_user(tracker.events):
            events = ActionAnswerQuestion().run(dispatcher, tracker, domain)
        return [*events, FollowupAction("action_listen")]


def send_lesson_view(dispatcher: CollectingDispatcher, tracker: Tracker,
                     compose: Callable[[Lesson], list[dict]]) -> list:
    """The lesson the button names (slot `lesson_id`), composed one way, or a kind "not found"."""
    lesson = lessons_by_id().get(tracker.get_slot("lesson_id") or "")
    bubbles = compose(lesson) if lesson else [answers.bubble(texts.LESSON_NOT_FOUND)]
    send_bubbles(dispatcher, bubbles, decision="answer")
    return []


def summary_bubbles(lesson: Lesson) -> list[dict]:
    return answers.compose_answer([("", lesson.summary)], lesson)


class ActionShowLesson(Action):
    """The summary of a lesson picked from suggestion buttons."""

    def name(self) -> str:
        return "action_show_lesson"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        return send_lesson_view(dispatcher, tracker, summary_bubbles)


class ActionShowSteps(Action):
    """Every step of the lesson the "Xem các bước" button names."""

    def name(self) -> str:
        return "action_show_steps"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        return send_lesson_view(dispatcher, tracker, answers.compose_steps)
