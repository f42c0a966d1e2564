"""The learner's account: the daily reminder, and "xóa dữ liệu của tôi".

Writes: the reminder hour (`set_reminder`), and deleting everything the learner left with us
(`delete_learner_data` and their certificate PDFs), both in the actions' run().
"""

from __future__ import annotations

import time

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import bubble, payload
from actions.dispatch import send_bubbles
from actions.learning import texts as t
from actions.learning.compose import menu_payload
from actions.runtime import database_url
from config import get_settings
from lessons.certificate import pdf_path
from storage.certificates import list_certificates
from storage.learners import get_or_create_learner
from storage.learning_profile import set_reminder
from storage.privacy import delete_learner_data
from storage.session import session_scope

CONFIRM_VALID_MINUTES = 15


def _send(dispatcher: CollectingDispatcher, bubbles: list[dict]) -> None:
    send_bubbles(dispatcher, bubbles, decision="answer")


def read_reminder_choice(choice: str) -> tuple[bool, int | None]:
    """(is a decision, hour): an offered hour, or "off" (None); anything else asks."""
    if choice.isdigit() and int(choice) in t.REMINDER_HOURS:
        return True, int(choice)
    return choice == "off", None


def reminder_bubbles(*, has_consent: bool, is_decided: bool, hour: int | None) -> list[dict]:
    """The hour set, reminders off, or the daytime hours to choose from (pure)."""
    if not has_consent:
        agree = [(t.BUTTON_AGREE_KEEP, payload("learning_consent", choice="yes"))]
        return [bubble(t.REMINDER_NEEDS_CONSENT, agree)]
    if is_decided:
        return [bubble(t.REMINDER_OFF if hour is None else t.REMINDER_SET.format(hour=hour))]
    hours = [
        (t.BUTTON_REMINDER_HOUR.format(hour=h), payload("set_reminder", choice=str(h)))
        for h in t.REMINDER_HOURS
    ]
    off = (t.BUTTON_REMINDER_OFF, payload("set_reminder", choice="off"))
    return [bubble(t.ASK_REMINDER, [*hours, off])]


class ActionSetReminder(Action):
    """Ask for an hour (buttons, daytime only), or set it / turn it off."""

    def name(self) -> str:
        return "action_set_reminder"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        choice = next(tracker.get_latest_entity_values("choice"), None) or ""
        is_decided, hour = read_reminder_choice(choice)
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            has_consent = bool(learner.consent)
            if has_consent and is_decided:
                set_reminder(session, learner=learner, hour=hour)
        bubbles = reminder_bubbles(has_consent=has_consent, is_decided=is_decided, hour=hour)
        _send(dispatcher, bubbles)
        return []


def minute_now() -> int:
    return int(time.time() // 60)


def is_fresh(asked_at: str) -> bool:
    """An old "Xóa hết" button (scrolled back to, weeks later) must not delete new data."""
    return asked_at.isdigit() and 0 <= minute_now() - int(asked_at) <= CONFIRM_VALID_MINUTES


class ActionAskDeleteData(Action):
    """Ask before deleting; the "Xóa hết" button is valid for CONFIRM_VALID_MINUTES."""

    def name(self) -> str:
        return "action_ask_delete_data"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        asked = str(minute_now())
        buttons = [
            (t.BUTTON_DELETE, payload("confirm_delete", choice="yes", asked_at=asked)),
            (t.BUTTON_KEEP, payload("confirm_delete", choice="no")),
        ]
        _send(dispatcher, [bubble(t.ASK_DELETE, buttons)])
        return []


class ActionDeleteMyData(Action):
    """After the confirmation button: delete, and say exactly what was deleted."""

    def name(self) -> str:
        return "action_delete_my_data"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        if next(tracker.get_latest_entity_values("choice"), None) != "yes":
            _send(dispatcher, [bubble(t.NOT_DELETED, [(t.BUTTON_OTHER, menu_payload())])])
            return []
        if not is_fresh(next(tracker.get_latest_entity_values("asked_at"), None) or ""):
            again = [(t.BUTTON_ASK_DELETE, payload("delete_my_data"))]
            _send(dispatcher, [bubble(t.DELETE_BUTTON_OLD, again)])
            return []
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            codes = [c.code for c in list_certificates(session, learner=learner)]
            counts = delete_learner_data(session, learner=learner)
        for code in codes:
            pdf_path(get_settings().VAR_DIR / "certificates", code).unlink(missing_ok=True)
        # The gateway then has Rasa forget this conversation too (bot.conversation.DATA_DELETED).
        send_bubbles(dispatcher, [bubble(t.DELETED.format(**counts))], decision="data_deleted")
        return [AllSlotsReset()]
