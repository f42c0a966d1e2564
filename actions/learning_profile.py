"""Consent and profile: the onboarding form (consent → target group → thôn/tổ), settings.

`onboarding_form` runs the first time someone opens the learning menu or a quiz. Its slots are
filled from any text; `validate_onboarding_form` reads buttons and typed words alike and stores
the answers; `action_onboarding_done` then carries on with what the learner had asked for.
"""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecutionRejected, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import learning_texts as t
from actions.answers import bubble, payload
from actions.dispatch import send_bubbles
from actions.learning import continue_reply, start_lesson_reply
from actions.learning_compose import consent_bubble, group_buttons, menu_payload
from actions.learning_quiz import begin_quiz
from actions.learning_state import ONBOARDING_SLOTS
from actions.learning_turns import FORM_LEAVE_ACTIONS, INLINE_ACTIONS, Message, is_stop
from actions.runtime import database_url
from lessons.grading import plain
from lessons.model import GROUPS
from nlu.normalise import to_nfc
from storage.learners import get_or_create_learner
from storage.learning import (
    record_consent,
    set_area,
    set_elderly_mode,
    set_target_group,
)
from storage.session import session_scope

_YES = re.compile(r"^(?:toi |em |minh |chau )?(?:dong y|co|ok|oke|okay|vang|da|u|uh|yes|duoc)\b")
_NO = re.compile(r"^(?:toi |em |minh |chau )?(?:khong|ko|k|no|thoi|chua|tu choi)\b")
_SKIP = re.compile(r"^(?:bo qua|khong|ko|thoi|chua|skip|khong muon|khong can)\b")
GROUP_WORDS = {
    "nguoi_dan": ("nguoi dan", "nong dan", "noi tro", "huu tri", "nguoi gia", "cao tuoi", "dan"),
    "hoc_sinh": ("hoc sinh", "sinh vien", "hs", "sv", "hoc vien"),
    "cbccvc": ("can bo", "cong chuc", "vien chuc", "giao vien", "cbccvc"),
    "nguoi_lao_dong": ("cong nhan", "lao dong", "nhan vien", "doanh nghiep", "lam cong ty"),
}
END_FORM = [SlotSet("requested_slot", None)]


def parse_consent(message: Message) -> str | None:
    """ "yes", "no" or None from a button or words such as "đồng ý", "ok", "không"."""
    if message.intent == "learning_consent" and message.is_payload:
        choice = message.entities.get("choice")
        return choice if choice in ("yes", "no") else None
    said = plain(message.text)
    if _NO.match(said):
        return "no"
    return "yes" if _YES.match(said) else None


def parse_group(message: Message) -> str | None:
    """A target group key, "skip", or None."""
    if message.intent == "set_group" and message.is_payload:
        choice = message.entities.get("choice", "")
        return choice if choice in GROUPS or choice == "skip" else None
    said = plain(message.text)
    for key, words in GROUP_WORDS.items():
        if any(re.search(rf"\b{word}\b", said) for word in words):
            return key
    return "skip" if _SKIP.match(said) else None


def parse_area(message: Message) -> str | None:
    """The thôn/tổ dân phố as typed, "skip", or None (numbers that look personal, too long)."""
    if message.is_payload:
        is_skip = message.intent == "set_area" and message.entities.get("choice") == "skip"
        return "skip" if is_skip else None
    said = plain(message.text)
    if _SKIP.match(said):
        return "skip"
    text = " ".join(to_nfc(message.text).split())
    if not 2 <= len(text) <= 60 or sum(ch.isdigit() for ch in text) >= 6:
        return None
    return text


def interruption(message: Message, form: str, slot: str) -> list:
    """Events for a message that is not an answer to the form's question: end the form on
    "dừng"; reject it (the rules leave the form) when it clearly asks for something else."""
    if is_stop(message.text) or message.intent == "stop_learning":
        return END_FORM
    words = len(message.text.split())
    clear = message.is_payload or message.confidence >= 0.8
    if message.intent in INLINE_ACTIONS and not message.is_payload:
        clear = message.confidence >= 0.6 and words >= 3
    if message.intent in FORM_LEAVE_ACTIONS and clear:
        return [SlotSet(slot, None), ActionExecutionRejected(form)]
    return [SlotSet(slot, None)]


class ValidateOnboardingForm(Action):
    def name(self) -> str:
        return "validate_onboarding_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        slots = tracker.slots_to_validate()
        message = Message.from_latest(tracker.latest_message)
        name = next((n for n in ONBOARDING_SLOTS if slots.get(n) is not None), None)
        if name is None:
            return []
        parse = {"consent_answer": parse_consent, "learner_group": parse_group}
        value = parse.get(name, parse_area)(message)
        if value is None:
            return interruption(message, "onboarding_form", name)
        bubbles = self.store(tracker.sender_id, name, value)
        send_bubbles(dispatcher, bubbles, decision="answer")
        if name == "consent_answer" and value == "no":
            return [
                SlotSet(name, value),
                SlotSet("learner_group", "skip"),
                SlotSet("learner_area", "skip"),
            ]
        return [SlotSet(name, value)]

    @staticmethod
    def store(sender_id: str, name: str, value: str) -> list[dict]:
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=sender_id)
            if name == "consent_answer":
                record_consent(session, learner=learner, agreed=value == "yes")
                return [bubble(t.CONSENT_THANKS if value == "yes" else t.CONSENT_DECLINED)]
            if name == "learner_group":
                set_target_group(session, learner=learner, group=None if value == "skip" else value)
            else:
                set_area(session, learner=learner, area=None if value == "skip" else value)
        return []


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
        return continue_reply(sender_id)
    return start_lesson_reply(sender_id, "", detail if kind == "domain" else "")


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
        parsers = {"learning_consent": parse_consent, "set_group": parse_group}
        value = parsers.get(message.intent, parse_area)(message)
        name = {"learning_consent": "consent_answer", "set_group": "learner_group"}.get(
            message.intent, "learner_area"
        )
        bubbles = ValidateOnboardingForm.store(tracker.sender_id, name, value) if value else []
        bubbles = bubbles or [bubble(t.PROFILE_SAVED)]
        bubbles[-1] = bubble(bubbles[-1]["text"], [(t.BUTTON_LEARN, menu_payload())])
        send_bubbles(dispatcher, bubbles, decision="answer")
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
        toggle = (t.BUTTON_ELDERLY_OFF, payload("elderly_mode", choice="off"))
        if not on:
            toggle = (t.BUTTON_ELDERLY_ON, payload("elderly_mode", choice="on"))
        text = t.ELDERLY_ON if on else t.ELDERLY_OFF
        send_bubbles(
            dispatcher,
            [bubble(text, [toggle, (t.BUTTON_OTHER, menu_payload())])],
            decision="answer",
        )
        return []
