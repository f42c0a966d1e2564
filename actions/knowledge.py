"""Answer questions from the lesson index; show a lesson picked from suggestion buttons."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers, texts
from actions.dispatch import is_button_payload, send_bubbles
from actions.escalate import open_escalation_for, urgent_bubbles
from actions.runtime import get_retriever, lessons_by_id
from actions.triage import THREAT_KINDS, Signals, choose_reply
from knowledge.scope import (
    detect_needs_person,
    detect_out_of_scope,
    detect_urgent,
    mentions_secret,
)
from lessons.model import Lesson

EVAL_DECISION = {
    "urgent": "escalate",
    "escalate": "escalate",
    "handoff": "escalate",
    "unsure": "escalate",
    "refuse": "refuse",
    "answer": "answer",
    "clarify": "answer",
    "secret": "answer",
    "menu": "answer",
}
HUMAN_CHANNEL_BY_NEED = {
    "slow_dossier": (
        "Hồ sơ quá hạn mà chưa có kết quả: bác/anh/chị liên hệ Trung tâm phục vụ hành chính công "
        "cấp xã (bộ phận một cửa) nơi nhận hồ sơ, mang theo mã hồ sơ; nếu vẫn chậm, gửi phản ánh, "
        "kiến nghị tới Ủy ban nhân dân xã hoặc trên Cổng Dịch vụ công."
    ),
    "complaint": (
        "Bác/anh/chị có thể phản ánh, kiến nghị trực tiếp tại Trung tâm phục vụ hành chính công "
        "cấp xã (bộ phận một cửa) hoặc Ủy ban nhân dân xã, hay gửi phản ánh trên Cổng Dịch vụ công."
    ),
    "data_correction": (
        "Thông tin cá nhân bị sai phải được điều chỉnh trực tiếp tại công an xã/phường: "
        "bác/anh/chị mang theo thẻ căn cước và giấy tờ chứng minh thông tin đúng."
    ),
    "impersonated": (
        "Bác/anh/chị lưu lại bằng chứng (ảnh chụp màn hình, đường link, tin nhắn), báo cáo tài "
        "khoản giả với mạng xã hội và trình báo công an xã/phường nơi gần nhất."
    ),
    "tried_everything": (
        "Đại sứ số hoặc Tổ công nghệ số cộng đồng của thôn có thể hướng dẫn trực tiếp, từng bước "
        "cùng bác/anh/chị. Nếu là lỗi tài khoản VNeID, bác/anh/chị mang thẻ căn cước đến công an "
        "xã/phường để cán bộ kiểm tra."
    ),
}


def _distinct_lessons(hits: list[Any], limit: int = 3) -> list[Lesson]:
    catalogue = lessons_by_id()
    seen: list[Lesson] = []
    for hit in hits:
        lesson = catalogue.get(hit.passage.lesson_id)
        if lesson and lesson not in seen:
            seen.append(lesson)
        if len(seen) == limit:
            break
    return seen


def answer_bubbles(hits: list[Any]) -> list[dict]:
    """The best lesson's passages among the hits, composed into an answer."""
    lesson = lessons_by_id()[hits[0].passage.lesson_id]
    passages = [
        (h.passage.heading if h.passage.kind == "step" else "", h.passage.text)
        for h in hits[:3]
        if h.passage.lesson_id == lesson.id
    ]
    return answers.compose_answer(passages, lesson)


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
        kind, bubbles, events = reply_to_question(text, tracker.sender_id, tracker.latest_message)
        send_bubbles(dispatcher, bubbles, decision=EVAL_DECISION[kind])
        return events


def gather_signals(text: str, message: dict, assessment: Any) -> Signals:
    intent = message.get("intent") or {}
    return Signals(
        intent=intent.get("name") or "",
        intent_confidence=float(intent.get("confidence") or 0.0),
        out_of_scope=detect_out_of_scope(text),
        urgent=detect_urgent(text),
        needs_person=detect_needs_person(text),
        has_secret=mentions_secret(text),
        retrieval_decision=assessment.decision,
        retrieval_confidence=assessment.confidence,
    )


def _escalate_bubbles(signals: Signals, assessment: Any) -> list[dict]:
    """What we know (if anything), the human channel for this case, and the offer of a person."""
    known = answer_bubbles(assessment.hits)[:1] if assessment.decision != "unsure" else []
    need = signals.needs_person or signals.urgent or ""
    channel = HUMAN_CHANNEL_BY_NEED.get(need, HUMAN_CHANNEL_BY_NEED["tried_everything"])
    return [*known, answers.bubble(channel), answers.offer_human_bubble()]


def reply_to_question(text: str, sender_id: str, message: dict) -> tuple[str, list[dict], list]:
    """Decide and compose the reply to a free-text message: (kind, bubbles, events)."""
    if not text:
        return "answer", [answers.bubble(texts.EMPTY_MESSAGE)], []
    assessment = get_retriever().assess(text)
    signals = gather_signals(text, message, assessment)
    kind = choose_reply(signals)
    hits = assessment.hits
    offered = [SlotSet("offered_human", kind in ("escalate", "unsure"))]
    if kind == "urgent":
        steps = urgent_bubbles("threat" if signals.urgent in THREAT_KINDS else "money")
        reason = f"urgent:{signals.urgent}"
        return (
            kind,
            [*steps, *open_escalation_for(sender_id, reason=reason, urgent=True, summary=text)],
            [],
        )
    if kind == "handoff":
        return kind, open_escalation_for(sender_id, reason="asked", urgent=False, summary=text), []
    if kind == "secret":
        extra = answer_bubbles(hits) if assessment.decision == "answer" else []
        return kind, [answers.bubble(texts.SECRET_WARNING), *extra], []
    if kind == "refuse":
        return kind, answers.compose_refusal(signals.out_of_scope), []
    if kind == "escalate":
        return kind, _escalate_bubbles(signals, assessment), offered
    if kind == "unsure":
        return kind, answers.compose_unsure(_distinct_lessons(hits)), offered
    others = _distinct_lessons(hits)[1:] if kind == "clarify" else []
    choices = answers.compose_choices(others, texts.CLARIFY_AFTER_ANSWER) if others else []
    return kind, [*answer_bubbles(hits), *choices], offered


LONG_MESSAGE_WORDS = 5


def reply_if_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, unless: frozenset[str]
) -> list | None:
    """A long typed message that DIET routed to a chit-chat or hand-off intent goes through the
    normal triage; None (nothing sent) when it is short, a button, or its reply kind is in
    `unless`. DIET is over-confident, so its intent alone does not decide for long messages."""
    text = (tracker.latest_message.get("text") or "").strip()
    if is_button_payload(text) or len(text.split()) < LONG_MESSAGE_WORDS:
        return None
    kind, bubbles, events = reply_to_question(text, tracker.sender_id, tracker.latest_message)
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


class ActionShowLesson(Action):
    def name(self) -> str:
        return "action_show_lesson"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        lesson = lessons_by_id().get(tracker.get_slot("lesson_id") or "")
        if lesson is None:
            send_bubbles(dispatcher, [answers.bubble(texts.LESSON_NOT_FOUND)], decision="answer")
            return []
        bubbles = answers.compose_answer([("", lesson.summary)], lesson)
        send_bubbles(dispatcher, bubbles, decision="answer")
        return []
