"""The learner's account: daily reminder, certificates of completion, "xóa dữ liệu của tôi"."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import learning_texts as t
from actions.answers import bubble, payload
from actions.dispatch import send_bubbles
from actions.learning_compose import menu_payload
from actions.learning_profile import interruption
from actions.learning_state import local_today, take_snapshot
from actions.learning_turns import Message
from actions.runtime import database_url, lessons_by_id
from config import get_settings
from lessons.certificate import (
    CertificateData,
    FontMissingError,
    find_font,
    new_code,
    pdf_path,
    render_pdf,
)
from lessons.model import DOMAINS
from lessons.progress import mean_best_score
from nlu.normalise import to_nfc
from storage.certificates import issue_certificate, list_certificates
from storage.learners import get_or_create_learner
from storage.learning import set_display_name, set_reminder
from storage.models import Certificate
from storage.privacy import delete_learner_data
from storage.session import session_scope

log = logging.getLogger(__name__)
_NAME = re.compile(r"^[^\W\d_]+(?:[ .'-][^\W\d_]+)*$")


def _send(dispatcher: CollectingDispatcher, bubbles: list[dict]) -> None:
    send_bubbles(dispatcher, bubbles, decision="answer")


def reminder_reply(sender_id: str, choice: str) -> list[dict]:
    """Set the hour or turn reminders off; with no choice yet, offer daytime hours."""
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        if not learner.consent:
            agree = [(t.BUTTON_AGREE_KEEP, payload("learning_consent", choice="yes"))]
            return [bubble(t.REMINDER_NEEDS_CONSENT, agree)]
        if choice.isdigit() and int(choice) in t.REMINDER_HOURS:
            set_reminder(session, learner=learner, hour=int(choice))
            return [bubble(t.REMINDER_SET.format(hour=int(choice)))]
        if choice == "off":
            set_reminder(session, learner=learner, hour=None)
            return [bubble(t.REMINDER_OFF)]
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
        _send(dispatcher, reminder_reply(tracker.sender_id, choice))
        return []


def parse_name(text: str) -> str | None:
    """A name to print ("nguyễn văn an" → "Nguyễn Văn An"); None for digits or odd lengths."""
    name = " ".join(to_nfc(text).split())
    if text.startswith("/") or not 2 <= len(name) <= 60 or not _NAME.match(name):
        return None
    return name.title()


def certificate_reply(sender_id: str, domain: str) -> tuple[list[dict], list]:
    """Issue (or show again) the certificates of completed domains; ask the name first."""
    catalogue = lessons_by_id()
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        if not learner.consent:
            return [bubble(t.CERTIFICATE_NOT_KEPT)], []
        snapshot = take_snapshot(session, learner, catalogue, local_today())
        done = [p for p in snapshot.domains if p.is_complete and domain in ("", p.domain)]
        if not done:
            return [bubble(t.NO_CERTIFICATE_YET, [(t.BUTTON_PROGRESS, payload("my_progress"))])], []
        if not learner.display_name:
            goal = SlotSet("learning_goal", f"certificate:{domain}")
            return [], [goal, SlotSet("certificate_name", None), FollowupAction("certificate_form")]
        bubbles = [_issue(session, learner, p.domain, snapshot, catalogue) for p in done]
    return [*bubbles, bubble(t.OFFICIAL_NOTE)], []


def _issue(session, learner, domain: str, snapshot, catalogue) -> dict:
    """The learner's certificate for one completed domain (issued now or earlier), as a bubble."""
    members = [r for r in snapshot.results.values() if catalogue[r.lesson_id].domain == domain]
    certificate = issue_certificate(
        session,
        learner=learner,
        domain=domain,
        holder_name=learner.display_name,
        lessons_count=sum(1 for lesson in catalogue.values() if lesson.domain == domain),
        mean_score=mean_best_score(members),
        issued_on=local_today(),
        code=new_code(),
    )
    return _issued_bubble(certificate)


def _issued_bubble(certificate: Certificate) -> dict:
    title = DOMAINS[certificate.domain]
    url = f"{get_settings().public_url}/certificates/{certificate.code}"
    text = t.CERTIFICATE_ISSUED.format(
        title=title, name=certificate.holder_name, code=certificate.code, url=url
    )
    if write_certificate_pdf(certificate, get_settings().VAR_DIR / "certificates") is None:
        text = f"{text}\n{t.CERTIFICATE_FAILED}"
    return bubble(text)


def write_certificate_pdf(certificate: Certificate, directory: Path) -> Path | None:
    """Render the PDF into `directory` (kept for the Đại sứ số to print); None if it failed."""
    data = CertificateData(
        holder_name=certificate.holder_name,
        domain_title=DOMAINS[certificate.domain],
        issued_on=certificate.issued_on,
        code=certificate.code,
        lessons_count=certificate.lessons_count,
        mean_score=certificate.mean_score,
    )
    try:
        pdf = render_pdf(data, find_font())
    except FontMissingError:
        log.exception("certificate %s: no font", certificate.code)
        return None
    directory.mkdir(parents=True, exist_ok=True)
    path = pdf_path(directory, certificate.code)
    path.write_bytes(pdf)
    return path


class ActionGetCertificate(Action):
    def name(self) -> str:
        return "action_get_certificate"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        area = next(tracker.get_latest_entity_values("domain_key"), None) or ""
        bubbles, events = certificate_reply(tracker.sender_id, area if area in DOMAINS else "")
        if bubbles:
            _send(dispatcher, bubbles)
        return events


class ValidateCertificateForm(Action):
    def name(self) -> str:
        return "validate_certificate_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        value = tracker.slots_to_validate().get("certificate_name")
        if value is None:
            return []
        message = Message.from_latest(tracker.latest_message)
        name = parse_name(message.text)
        if name is None:
            return interruption(message, "certificate_form", "certificate_name")
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            set_display_name(session, learner=learner, name=name)
        return [SlotSet("certificate_name", name)]


class ActionAskCertificateName(Action):
    def name(self) -> str:
        return "action_ask_certificate_name"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        repeat = tracker.get_slot("requested_slot") == "certificate_name"
        _send(dispatcher, [bubble(t.NAME_REJECTED if repeat else t.ASK_NAME)])
        return []


class ActionCertificateDone(Action):
    def name(self) -> str:
        return "action_certificate_done"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        goal = tracker.get_slot("learning_goal") or ""
        reset = [SlotSet("learning_goal", None), SlotSet("certificate_name", None)]
        if not tracker.get_slot("certificate_name"):
            return reset
        area = goal.partition(":")[2]
        bubbles, events = certificate_reply(tracker.sender_id, area)
        if bubbles:
            _send(dispatcher, bubbles)
        return [*reset, *events]


CONFIRM_VALID_MINUTES = 15


def minute_now() -> int:
    return int(time.time() // 60)


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


def is_fresh(asked_at: str) -> bool:
    """An old "Xóa hết" button (scrolled back to, weeks later) must not delete new data."""
    return asked_at.isdigit() and 0 <= minute_now() - int(asked_at) <= CONFIRM_VALID_MINUTES


class ActionDeleteMyData(Action):
    """After the confirmation button: delete, and say exactly what was deleted."""

    def name(self) -> str:
        return "action_delete_my_data"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        if next(tracker.get_latest_entity_values("choice"), None) != "yes":
            _send(dispatcher, [bubble(t.NOT_DELETED, [(t.BUTTON_OTHER, menu_payload())])])
            return []
        if not is_fresh(next(tracker.get_latest_entity_values("asked_at"), None) or ""):
            _send(
                dispatcher,
                [bubble(t.DELETE_BUTTON_OLD, [(t.BUTTON_ASK_DELETE, payload("delete_my_data"))])],
            )
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
