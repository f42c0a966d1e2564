"""Open an escalation to a Đại sứ số and alert the first person in the chain; link a learner
to a mentor by invite code. The gateway does the live relay, the buttons and the SLA timers.

The rules, wording and database workflow come from the `escalation` package, which the gateway
uses too; opening itself is in `actions/escalate.py`, shared with `actions/knowledge.py`.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, texts
from actions.dispatch import send_bubbles
from actions.escalate import open_escalation_for
from actions.knowledge import reply_if_question
from actions.runtime import database_url, lessons_by_id
from escalation import learner_texts as lt
from escalation.summary import short_name
from escalation.texts import bubble
from knowledge.scope import detect_needs_person
from storage.learners import get_or_create_learner
from storage.mentors import code_from_text, get_mentor_by_code, link_learner
from storage.session import session_scope


def topic_of(tracker: Tracker) -> str:
    """What the learner was reading about: the lesson's title, else the topic's name."""
    lesson = lessons_by_id().get(tracker.get_slot("lesson_id") or "")
    if lesson is not None:
        return lesson.title
    return texts.TOPIC_NAMES.get(tracker.get_slot("topic") or "", "")


def _answer_instead(dispatcher: CollectingDispatcher, tracker: Tracker) -> list | None:
    """A long message DIET took for "ask for a person" that does not ask for one (e.g. a request
    for someone's private data) goes through the normal triage; None when it really asks."""
    text = (tracker.latest_message.get("text") or "").strip()
    if tracker.get_slot("offered_human") or detect_needs_person(text) == "asks_human":
        return None
    return reply_if_question(dispatcher, tracker, unless=frozenset({"unsure"}))


class ActionRequestHuman(Action):
    def name(self) -> str:
        return "action_request_human"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        answered = _answer_instead(dispatcher, tracker)
        if answered is not None:
            return answered
        # "yes" to the offer made after an unsure answer: the mentor should know the bot failed
        reason = "low_confidence" if tracker.get_slot("offered_human") else "asked"
        bubbles = open_escalation_for(
            tracker.sender_id, reason=reason, urgent=False, summary="", topic=topic_of(tracker)
        )
        send_bubbles(dispatcher, bubbles, decision="escalate")
        return [SlotSet("offered_human", False)]


class ActionDeclineHuman(Action):
    def name(self) -> str:
        return "action_decline_human"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        send_bubbles(dispatcher, [answers.bubble(texts.DECLINED_HUMAN)], decision="answer")
        return [SlotSet("offered_human", False)]


def start_code_bubbles(sender_id: str, code: str | None) -> list[dict] | None:
    """A mentor's invite code (deep link /start m_<code>, or typed): ask consent, or confirm.
    None when the code is unknown."""
    with session_scope(database_url()) as session:
        mentor = get_mentor_by_code(session, code=code) if code else None
        if mentor is None:
            return None
        name = short_name(mentor.name, "")
        if mentor.sender_id == sender_id:
            return [bubble(lt.OWN_CODE)]
        learner = get_or_create_learner(session, sender_id=sender_id)
        if learner.mentor_id == mentor.id:
            return lt.linked(name)
        if learner.consent:
            link_learner(session, learner=learner, mentor=mentor)
            return lt.linked(name)
        return lt.link_ask(name, mentor.area, mentor.invite_code)


class ActionStartCode(Action):
    def name(self) -> str:
        return "action_start_code"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        entity = next(tracker.get_latest_entity_values("code"), None)
        code = code_from_text(entity or tracker.latest_message.get("text") or "")
        bubbles = start_code_bubbles(tracker.sender_id, code)
        if bubbles is None:
            dispatcher.utter_message(text=lt.CODE_UNKNOWN)
            dispatcher.utter_message(response="utter_greet")
            bubbles = []
        send_bubbles(dispatcher, bubbles, decision="answer")
        return []
