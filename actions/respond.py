"""Decide and compose the reply to a typed message, with the conversation it belongs to."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import SlotSet

from actions import answers, scam_check, texts
from actions.conversation import Context, remember
from actions.escalate import open_escalation_for, urgent_bubbles
from actions.runtime import lessons_by_id, sections_of
from actions.triage import THREAT_KINDS, Signals, choose_reply, urgent_kind
from actions.understand import Reading, read_message
from knowledge.answer_pick import FOLLOWUP_WEIGHTS, cut_lead, rank_sections
from knowledge.scope import (
    detect_needs_person,
    detect_out_of_scope,
    detect_urgent,
    mentions_secret,
)
from lessons.model import Lesson
from lessons.referrals import find_referral

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
    "caution": "answer",
    "scam_ask": "answer",
    "small_talk": "answer",
    "answer_and_offer": "answer",
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
REFERRAL_CATEGORIES = frozenset({"public_other", "legal"})
MEDICAL_CATEGORIES = frozenset({"medical"})
BOOKING_LESSON, HEALTH_BOOK_LESSON = "yt-dat-lich-kham", "yt-so-suc-khoe"
LEAD_SECTION_SCORE = 0.5  # a section retrieval did not return joins the lead above this


def distinct_lessons(hits: Any, limit: int = 3) -> list[Lesson]:
    catalogue = lessons_by_id()
    seen: list[Lesson] = []
    for hit in hits:
        lesson = catalogue.get(hit.passage.lesson_id)
        if lesson and lesson not in seen:
            seen.append(lesson)
        if len(seen) == limit:
            break
    return seen


def section_text(passage: Any) -> str:
    if passage.kind == "step" and passage.heading and passage.heading not in passage.text:
        return f"{passage.heading}: {passage.text}"
    return passage.text


def lead_answer(question: str, lesson: Lesson, hits: Any = (), asked: str = "") -> list[dict]:
    """Answer first: the sections of `lesson` that answer `question`, best first (retrieval's
    order with the kind of question as tie-breaker), cut to a short lead of whole sentences;
    then source and buttons ("Xem các bước" shows the rest). `asked` is the message when
    `question` was completed from the conversation."""
    fused = {h.passage.id: h.score for h in hits if h.passage.lesson_id == lesson.id}
    weights = FOLLOWUP_WEIGHTS if asked else None
    ranked = rank_sections(question, sections_of(lesson.id), fused, weights, asked)
    chosen = [p for p, score in ranked if p.id in fused or score > LEAD_SECTION_SCORE][:3]
    if not chosen:
        return answers.compose_answer([("", lesson.summary)], lesson)
    lead = cut_lead(" ".join(section_text(p) for p in chosen))
    return answers.compose_lead_answer(lead, "", lesson)


def answer_bubbles(question: str, hits: Any, asked: str = "") -> list[dict]:
    return lead_answer(question, lessons_by_id()[hits[0].passage.lesson_id], hits, asked)


def gather_signals(text: str, message: dict, reading: Reading) -> Signals:
    intent = message.get("intent") or {}
    assessment, situation = reading.assessment, reading.situation
    return Signals(
        intent=intent.get("name") or "",
        intent_confidence=float(intent.get("confidence") or 0.0),
        out_of_scope=detect_out_of_scope(text),
        urgent=detect_urgent(text),
        needs_person=detect_needs_person(text),
        has_secret=mentions_secret(text),
        retrieval_decision=assessment.decision,
        retrieval_confidence=assessment.confidence,
        situation=situation.label if situation else "question",
        situation_kind=situation.kind if situation else "",
        situation_probability=situation.probability(situation.label) if situation else 1.0,
    )


def escalate_bubbles(question: str, signals: Signals, assessment: Any) -> list[dict]:
    """What we know (if anything), the human channel for this case, and the offer of a person."""
    known = answer_bubbles(question, assessment.hits)[:1] if assessment.decision != "unsure" else []
    need = signals.needs_person or urgent_kind(signals) or signals.situation_kind or ""
    channel = HUMAN_CHANNEL_BY_NEED.get(need, HUMAN_CHANNEL_BY_NEED["tried_everything"])
    return [*known, answers.bubble(channel), answers.offer_human_bubble()]


def refusal_bubbles(text: str, signals: Signals) -> list[dict]:
    category = signals.out_of_scope or signals.situation_kind
    if category in MEDICAL_CATEGORIES:
        return answers.compose_medical_refusal(BOOKING_LESSON, HEALTH_BOOK_LESSON)
    if category in REFERRAL_CATEGORIES:
        found = find_referral(text)
        return answers.compose_referral(found.text, found.source_title, found.source_url,
                                        found.official, legal=category == "legal")
    return answers.compose_refusal(category)


def reply_to_question(
    text: str, sender_id: str, message: dict, context: Context | None = None
) -> tuple[str, list[dict], list]:
    """Decide and compose the reply to a free-text message: (kind, bubbles, events)."""
    context = context or Context()
    if not text:
        return "answer", [answers.bubble(texts.EMPTY_MESSAGE)], []
    reading = read_message(text, context)
    if reading.picked_lesson:
        lesson = lessons_by_id()[reading.picked_lesson]
        events = remember(context, text, question=reading.query, lesson_id=lesson.id)
        return "answer", lead_answer(reading.query, lesson), events
    signals = gather_signals(text, message, reading)
    kind = scam_check.reply_kind(choose_reply(signals), text, context)
    assessment = reading.assessment
    hits = assessment.hits
    offered = [SlotSet("offered_human", kind in ("escalate", "unsure"))]
    if kind == "urgent":
        harm = urgent_kind(signals) or ""
        steps = urgent_bubbles("threat" if harm in THREAT_KINDS else "money")
        opened = open_escalation_for(sender_id, reason=f"urgent:{harm}", urgent=True, summary=text)
        return kind, [*steps, *opened], remember(context, text, trouble=True)
    if kind == "handoff":
        opened = open_escalation_for(sender_id, reason="asked", urgent=False, summary=text)
        return kind, opened, remember(context, text)
    if kind == "secret":
        extra = answer_bubbles(reading.query, hits) if assessment.decision == "answer" else []
        return kind, [answers.bubble(texts.SECRET_WARNING), *extra], remember(
            context, text, trouble=True)
    if kind == "refuse":
        return kind, refusal_bubbles(text, signals), remember(context, text, question="")
    if kind == "caution":
        verdict = scam_check.check_message(text)
        titles = {i: lesson.title for i, lesson in lessons_by_id().items()}
        return kind, scam_check.compose_check(verdict, titles), remember(context, text,
                                                                          trouble=True)
    if kind == "scam_ask":
        return kind, scam_check.compose_ask_to_paste(), remember(context, text, check_next=True)
    if kind == "small_talk":
        reply = texts.SMALL_TALK.get(signals.situation_kind, texts.SMALL_TALK_DEFAULT)
        return kind, [answers.topic_menu_bubble(reply)], remember(context, text)
    if kind == "escalate":
        bubbles = escalate_bubbles(reading.query, signals, assessment)
        return kind, bubbles, [*offered, *remember(context, text)]
    if kind == "answer_and_offer":
        lesson = lessons_by_id()[hits[0].passage.lesson_id]
        events = remember(context, text, question=reading.query, lesson_id=lesson.id)
        bubbles = [*answer_bubbles(reading.query, hits), answers.offer_human_bubble()]
        return kind, bubbles, [SlotSet("offered_human", True), *events]
    if kind == "unsure":
        choices = distinct_lessons(hits)
        events = remember(context, text, question=reading.query,
                          offered=tuple(x.id for x in choices))
        return kind, answers.compose_unsure(choices), [*offered, *events]
    others = distinct_lessons(hits)[1:] if kind == "clarify" else []
    choices = answers.compose_choices(others, texts.CLARIFY_AFTER_ANSWER) if others else []
    lesson = lessons_by_id()[hits[0].passage.lesson_id]
    events = remember(context, text, question=reading.query, lesson_id=lesson.id,
                      trouble=lesson.topic == "safety",
                      offered=tuple(x.id for x in others))
    asked = text if reading.how == "followup" else ""
    bubbles = [*answer_bubbles(reading.query, hits, asked), *choices]
    return kind, bubbles, [*offered, *events]
