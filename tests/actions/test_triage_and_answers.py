"""Reply decisions and answer composition (pure code, real lessons)."""

from __future__ import annotations

from actions.answers import compose_answer, lesson_buttons, payload
from actions.triage import Signals, choose_reply
from lessons.parse import load_lessons


def signals(**overrides) -> Signals:
    base = dict(
        intent="ask_question",
        intent_confidence=0.9,
        out_of_scope=None,
        urgent=None,
        needs_person=None,
        has_secret=False,
        retrieval_decision="answer",
        retrieval_confidence=0.8,
    )
    return Signals(**{**base, **overrides})


def test_choose_reply_puts_safety_first():
    assert choose_reply(signals(urgent="credentials_given", out_of_scope="weather")) == "urgent"
    assert choose_reply(signals(urgent="threatened")) == "urgent"
    assert choose_reply(signals(has_secret=True)) == "secret"
    assert choose_reply(signals(out_of_scope="lottery")) == "refuse"
    assert choose_reply(signals(needs_person="asks_human")) == "handoff"
    assert choose_reply(signals(needs_person="slow_dossier")) == "escalate"
    assert choose_reply(signals(urgent="impersonated")) == "escalate"
    assert choose_reply(signals(retrieval_decision="unsure", retrieval_confidence=0.3)) == "unsure"
    assert choose_reply(signals(retrieval_decision="unsure", retrieval_confidence=0.01)) == "refuse"
    assert choose_reply(signals(retrieval_decision="clarify")) == "clarify"


def test_confident_out_of_scope_intent_refuses_only_without_a_good_answer():
    oos = dict(intent="out_of_scope", intent_confidence=0.95)
    weak = dict(retrieval_decision="unsure", retrieval_confidence=0.2)
    assert choose_reply(signals(**oos, **weak)) == "refuse"
    strong = dict(retrieval_decision="answer", retrieval_confidence=0.9)
    assert choose_reply(signals(**oos, **strong)) == "answer"
    # a mislabelled in-domain question with lessons near it gets choices, not a refusal
    near = dict(retrieval_decision="clarify", retrieval_confidence=0.4)
    assert choose_reply(signals(**oos, **near)) == "clarify"


def test_every_lesson_button_payload_fits_telegram():
    for lesson in load_lessons():
        for _, data in lesson_buttons(lesson):
            assert len(data.encode()) <= 64, data
        assert len(payload("choose_lesson", lesson_id=lesson.id).encode()) <= 64


def test_compose_answer_names_lesson_source_and_offers_buttons():
    lesson = load_lessons()[0]
    bubbles = compose_answer([("", lesson.summary)], lesson)
    text = "\n".join(b["text"] for b in bubbles)
    assert lesson.summary in text and lesson.title in text and lesson.main_source.url in text
    titles = [b["title"] for b in bubbles[-1]["buttons"]]
    assert any("Học bài này" in t for t in titles) and any("người hỗ trợ" in t for t in titles)


def test_every_reply_kind_has_an_eval_decision():
    from actions.respond import EVAL_DECISION

    kinds = {"urgent", "secret", "refuse", "handoff", "escalate", "answer", "clarify", "unsure",
             "caution", "small_talk"}
    assert kinds <= set(EVAL_DECISION)
    assert set(EVAL_DECISION.values()) <= {"answer", "escalate", "refuse"}


def test_core_fallback_answers_only_an_unanswered_message():
    from actions.knowledge import has_replied_since_user

    assert not has_replied_since_user([{"event": "user"}, {"event": "action"}])
    assert has_replied_since_user([{"event": "user"}, {"event": "bot"}, {"event": "action"}])
    assert not has_replied_since_user([{"event": "bot"}, {"event": "user"}])
