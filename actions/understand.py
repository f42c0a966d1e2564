"""Read one message with the conversation: which question it really asks (a follow-up leans on
the previous one, a correction replaces a word of it, a short reply picks an offered choice),
what retrieval finds for that question, and what situation the person is in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actions.conversation import Context
from actions.runtime import get_retriever, get_situation_head, lessons_by_id
from actions.triage import SURE_WANTS_PERSON
from knowledge.followup import (
    apply_correction,
    is_followup,
    pick_offered,
    read_correction,
    with_previous,
)
from knowledge.situation_read import read_situation

SHORT_MESSAGE_WORDS = 6  # a message this short (or one retrieval is unsure of) may lean on it
MARGIN = 0.1  # how much more sure retrieval must be with the previous question
# Situations that win over any reading with the conversation.
NEEDS_CARE = frozenset({"harm", "wants_person", "pasted_message"})


@dataclass(frozen=True)
class Reading:
    query: str  # the question answered, standing on its own
    assessment: Any  # knowledge.assess.Assessment for `query`
    situation: Any  # knowledge.situation.Situation of the message itself, or None
    picked_lesson: str = ""  # a lesson the person picked from the choices offered
    how: str = "alone"  # alone | followup | correction | picked


def offered_titles(context: Context) -> list[str]:
    catalogue = lessons_by_id()
    return [catalogue[i].title for i in context.offered_lessons if i in catalogue]


def read_message(text: str, context: Context) -> Reading:
    """The standalone question and its assessment; the situation is read on the message itself
    (with an open scam discussion making harm easier to hear)."""
    retriever = get_retriever()
    alone = retriever.assess(text)
    head = get_situation_head()
    situation = None
    if head is not None and alone.vector is not None:
        situation = read_situation(head, text, alone.vector, retriever.embed_query,
                                   in_trouble_context=context.trouble_open)
    if situation is not None and needs_care(situation):
        return Reading(text, alone, situation)
    # Read with the conversation, a message is a question: a short "ở đâu làm" or "cái thứ 2"
    # is neither small talk nor out of scope once we know what it leans on.
    titles = offered_titles(context)
    if titles:
        index = pick_offered(text, titles)
        if index is not None:
            lesson_id = [i for i in context.offered_lessons if i in lessons_by_id()][index]
            query = context.last_question or titles[index]
            return Reading(query, alone, None, picked_lesson=lesson_id, how="picked")
    if context.last_question:
        correction = read_correction(text)
        if correction:
            wrong, meant = correction
            meant_alone = retriever.assess(meant)
            if not wrong and meant_alone.decision == "answer":  # says it all by itself
                return Reading(meant, meant_alone, None, how="correction")
            query = apply_correction(context.last_question, wrong, meant)
            return Reading(query, retriever.assess(query), None, how="correction")
        if (is_followup(text) or len(text.split()) <= SHORT_MESSAGE_WORDS
                or alone.decision == "unsure"):
            query = with_previous(text, context.last_question)
            together = retriever.assess(query)
            if is_followup(text) or leans_on_previous(alone, together):
                return Reading(query, together, None, how="followup")
    return Reading(text, alone, situation)


def needs_care(situation: Any) -> bool:
    """Harm and pasted messages win over any reading with the conversation; an unsure wish for
    a person ("cho tôi hỏi …") does not."""
    if situation.label == "wants_person":
        return situation.probability("wants_person") >= SURE_WANTS_PERSON
    return situation.label in NEEDS_CARE


def leans_on_previous(alone: Any, together: Any) -> bool:
    """A message retrieval cannot answer alone, but can with the previous question."""
    return alone.decision != "answer" and together.confidence > alone.confidence + MARGIN
