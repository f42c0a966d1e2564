"""Certificates of completion: issued for each completed domain, with the name asked once.

Writes: the certificate row (`issue_certificate`), the PDF file kept under VAR_DIR for the
Đại sứ số to print (`write_certificate_pdf`), the name to print (the certificate form).
"""

from __future__ import annotations

import logging
from pathlib import Path

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.answers import bubble, payload
from actions.dispatch import send_answer
from actions.learning import texts as t
from actions.learning.messages import Message, interruption, parse_name
from actions.learning.state import Snapshot, local_today, take_snapshot
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
from lessons.model import DOMAINS, Lesson
from lessons.progress import mean_best_score
from storage.certificates import issue_certificate
from storage.learners import get_or_create_learner
from storage.learning_profile import set_display_name
from storage.models import Certificate, Learner
from storage.session import session_scope

log = logging.getLogger(__name__)


def issue_certificates(sender_id: str, domain: str) -> tuple[list[dict], list]:
    """Writes (or finds again) the certificate of each completed domain, and its PDF; asks
    the name first."""
    catalogue, settings = lessons_by_id(), get_settings()
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        if not learner.consent:
            return [bubble(t.CERTIFICATE_NOT_KEPT)], []
        snapshot = take_snapshot(session, learner, catalogue, local_today())
        done = [p.domain for p in snapshot.domains if p.is_complete and domain in ("", p.domain)]
        if not done:
            return [bubble(t.NO_CERTIFICATE_YET, [(t.BUTTON_PROGRESS, payload("my_progress"))])], []
        if not learner.display_name:
            goal = SlotSet("learning_goal", f"certificate:{domain}")
            return [], [goal, SlotSet("certificate_name", None), FollowupAction("certificate_form")]
        issued = [_issue(session, learner, area, snapshot, catalogue) for area in done]
        directory = settings.VAR_DIR / "certificates"
        printed = [write_certificate_pdf(c, directory) is not None for c in issued]
        bubbles = [
            issued_bubble(c, settings.public_url, is_printed)
            for c, is_printed in zip(issued, printed, strict=True)
        ]
    return [*bubbles, bubble(t.OFFICIAL_NOTE)], []


def _issue(
    session: Session,
    learner: Learner,
    domain: str,
    snapshot: Snapshot,
    catalogue: dict[str, Lesson],
) -> Certificate:
    """Writes the learner's certificate for one completed domain (or finds the earlier one)."""
    members = [r for r in snapshot.results.values() if catalogue[r.lesson_id].domain == domain]
    return issue_certificate(
        session,
        learner=learner,
        domain=domain,
        holder_name=learner.display_name,
        lessons_count=sum(1 for lesson in catalogue.values() if lesson.domain == domain),
        mean_score=mean_best_score(members),
        issued_on=local_today(),
        code=new_code(),
    )


def issued_bubble(certificate: Certificate, public_url: str, is_printed: bool) -> dict:
    """The certificate's title, holder, code and download link (pure)."""
    url = f"{public_url}/certificates/{certificate.code}"
    text = t.CERTIFICATE_ISSUED.format(
        title=DOMAINS[certificate.domain],
        name=certificate.holder_name,
        code=certificate.code,
        url=url,
    )
    return bubble(text if is_printed else f"{text}\n{t.CERTIFICATE_FAILED}")


def write_certificate_pdf(certificate: Certificate, directory: Path) -> Path | None:
    """Writes the PDF into `directory` (kept for the Đại sứ số to print); None if it failed."""
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
        bubbles, events = issue_certificates(tracker.sender_id, area if area in DOMAINS else "")
        send_answer(dispatcher, bubbles)
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
        send_answer(dispatcher, [bubble(t.NAME_REJECTED if repeat else t.ASK_NAME)])
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
        bubbles, events = issue_certificates(tracker.sender_id, area)
        send_answer(dispatcher, bubbles)
        return [*reset, *events]
