"""Consent and profile: the onboarding form (consent → target group → thôn/tổ), settings.

`onboarding_form` runs the first time someone opens the learning menu or a quiz. Its slots are
filled from any text; `validate_onboarding_form` reads buttons and typed words alike
(messages.py) and stores the answers; `action_onboarding_done` then carries on with what the
learner had asked for.

Writes: the consent, group and thôn (`save_profile_answer`), the short-message mode.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import bubble, payload
from actions.dispatch import send_bubbles
from actions.learning import texts as t
from actions.learning.compose import consent_bubble, group_buttons, menu_payload
from actions.learning.menu import continue_learning, start_lesson
from actions.learning.messages import (
    Message,
    interruption,
    parse_area,
    parse_consent,
    parse_group,
)
from actions.learning.quiz import begin_quiz
from actions.learning.state import ONBOARDING_SLOTS
from actions.runtime import database_url
from storage.learners import get_or_create_learner
from storage.learning_profile import record_consent, set_area, set_elderly_mode, set_target_group
from storage.session import session_scope

PARSERS = {
    "consent_answer": parse_consent,
    "learner_group": parse_group,
    "learner_area": parse_area,
}
SLOT_OF_INTENT = {"learning_consent": "consent_answer", "set_group": "learner_group"}


def save_profile_answer(sender_id: str, name: str, value: str) -> None:
    """Writes one onboarding answer ("skip" stores nothing for the group and the thôn)."""
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        if name == "consent_answer":
            record_consent(session, learner=learner, agreed=value == "yes")
        elif name == "learner_group":
            set_target_group(session, learner=learner, group=None if value == "skip" else value)
        else:
            set_area(session, learner=learner, area=None if value == "skip" else value)


def profile_answer_bubbles(name: str, value: str) -> list[dict]:
    """What the bot says to an onboarding answer: only the consent is acknowledged."""
    if name != "consent_answer":
        return []
    return [bubble(t.CONSENT_THANKS if value == "yes" else t.CONSENT_DECLINED)]


class ValidateOnboardingForm(Action):
    def name(self) -> str:
        return "validate_onboarding_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        slots = tracker.slots_to_validate()
        message = Message.from_latest(tracker.latest_message)
        name = next((n for n in ONBOARDING_SLOTS if slots.get(n) is not None), None)
        if name is None:
            return []
        value = PARSERS[name](message)
        if value is None:
            return interruption(message, "onboarding_form", name)
        save_profile_answer(tracker.sender_id, name, value)
        send_bubbles(dispatcher, profile_answer_bubbles(name, value), decision="answer")
        if name == "consent_answer" and value == "no":
            skipped = [SlotSet("learner_group", "skip"), SlotSet("learner_area", "skip")]
            return [SlotSet(name, value), *skipped]
        return [SlotSet(name, value)]


def _is_repeat(tracker: Tracker, slot: str) -> bool:
    """True when the form asks again (the learner's answer was not understood)."""
    return tracker.get_slot("requested_slot") == slot


class ActionAskConsentAnswer(Action):
    def name(self) -> str:
        return "action_ask_consent_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        repeat = _is_repeat(tracker, "consent_answer")
        send_bubbles(dispatcher, [consent_bubble(elderly=repeat)], decision="answer")
        return []


class ActionAskLearnerGroup(Action):
    def name(self) -> str:
        return "action_ask_learner_group"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        text = t.GROUP_REPEAT if _is_repeat(tracker, "learner_group") else t.ASK_GROUP
        send_bubbles(dispatcher, [bubble(text, group_buttons())], decision="answer")
        return []


class ActionAskLearnerArea(Action):
    def name(self) -> str:
        return "action_ask_learner_area"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        text = t.AREA_REJECTED if _is_repeat(tracker, "learner_area") else t.ASK_AREA
        skip = [(t.BUTTON_SKIP, payload("set_area", choice="skip"))]
        send_bubbles(dispatcher, [bubble(text, skip)], decision="answer")
        return []


def route_goal(sender_id: str, goal: str) -> tuple[list[dict], list]:
    """Carry on with what the learner asked for before the consent question."""
    kind, _, detail = goal.partition(":")
    if kind == "quiz":
        return begin_quiz(sender_id, "lesson", detail)
    if kind in ("review", "placement"):
        return begin_quiz(sender_id, kind)
    if kind == "next":
        return continue_learning(sender_id)
    return start_lesson(sender_id, "", detail if kind == "domain" else "")


class ActionOnboardingDone(Action):
    def name(self) -> str:
        return "action_onboarding_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        goal = tracker.get_slot("learning_goal") or "menu"
        reset = [SlotSet("learning_goal", None), *(SlotSet(n, None) for n in ONBOARDING_SLOTS)]
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            consent = learner.consent
        if consent is None:  # the learner said "dừng" to the consent question
            learn = [(t.BUTTON_LEARN, menu_payload())]
            send_bubbles(dispatcher, [bubble(t.ONBOARDING_STOPPED, learn)], decision="answer")
            return reset
        bubbles, events = route_goal(tracker.sender_id, goal)
        if bubbles:
            send_bubbles(dispatcher, bubbles, decision="answer")
        return [*reset, *events]


class ActionUpdateProfile(Action):
    """A consent, group or thôn button pressed outside the form (e.g. from an old message)."""

    def name(self) -> str:
        return "action_update_profile"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        message = Message.from_latest(tracker.latest_message)
        name = SLOT_OF_INTENT.get(message.intent, "learner_area")
        value = PARSERS[name](message)
        bubbles = []
        if value:
            save_profile_answer(tracker.sender_id, name, value)
            bubbles = profile_answer_bubbles(name, value)
        text = bubbles[-1]["text"] if bubbles else t.PROFILE_SAVED
        send_bubbles(
            dispatcher, [bubble(text, [(t.BUTTON_LEARN, menu_payload())])], decision="answer"
        )
        return []


class ActionElderlyMode(Action):
    """Short messages, one idea each, big option buttons: on or off."""

    def name(self) -> str:
        return "action_elderly_mode"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        choice = next(tracker.get_latest_entity_values("choice"), None) or "on"
        on = choice != "off"
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            set_elderly_mode(session, learner=learner, on=on)
        send_bubbles(dispatcher, [elderly_mode_bubble(on)], decision="answer")
        return []


def elderly_mode_bubble(on: bool) -> dict:
    """The new mode, with a button to switch back."""
    toggle = (t.BUTTON_ELDERLY_OFF, payload("elderly_mode", choice="off"))
    if not on:
        toggle = (t.BUTTON_ELDERLY_ON, payload("elderly_mode", choice="on"))
    text = t.ELDERLY_ON if on else t.ELDERLY_OFF
    return bubble(text, [toggle, (t.BUTTON_OTHER, menu_payload())])
