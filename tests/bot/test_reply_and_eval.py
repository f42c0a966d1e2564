"""The reply model, input cleaning, Telegram keyboards and eval scoring (pure code)."""

from __future__ import annotations

import unicodedata

from bot.conversation import clean_incoming
from bot.evaluate import dialogue_as_item, score_item, summarise
from bot.reply import Bubble, Button, reply_from_rasa
from bot.telegram_app import keyboard_for


def test_reply_from_rasa_takes_decision_from_custom_message():
    reply = reply_from_rasa(
        [
            {
                "recipient_id": "x",
                "text": "Chào bác",
                "buttons": [{"title": "Học", "payload": "/start_lesson"}],
            },
            {"recipient_id": "x", "custom": {"decision": "answer"}},
        ]
    )
    assert reply.decision == "answer"
    assert reply.to_json() == [
        {
            "text": "Chào bác",
            "buttons": [{"title": "Học", "payload": "/start_lesson"}],
            "decision": "answer",
        }
    ]


def test_clean_incoming_normalises_nfd_and_cuts_long_text():
    nfd = unicodedata.normalize("NFD", "  Làm căn cước  ")
    assert clean_incoming(nfd, 100) == ("Làm căn cước", False)
    text, was_cut = clean_incoming("a" * 4000, 1000)
    assert len(text) == 1000 and was_cut
    assert clean_incoming(None, 10) == ("", False)


def test_keyboard_puts_short_buttons_in_pairs_and_drops_oversized_payloads():
    bubble = Bubble(
        "x",
        (
            Button("Có", "/affirm"),
            Button("Không", "/deny"),
            Button("Một nút có tiêu đề rất dài", "/request_human"),
            Button("Hỏng", "/x" + "y" * 80),
        ),
    )
    rows = keyboard_for(bubble).inline_keyboard
    assert [[b.text for b in row] for row in rows] == [
        ["Có", "Không"],
        ["Một nút có tiêu đề rất dài"],
    ]


def test_score_item_needs_phrase_no_forbidden_and_right_decision():
    item = {
        "id": "q1",
        "topic": "vneid",
        "variant": "standard",
        "expect": "answer",
        "must_mention_any": ["Công an xã"],
        "must_not_mention": ["mức 3"],
    }
    good = [{"text": "Bác đến CÔNG AN XÃ nhé", "buttons": [], "decision": "answer"}]
    wrong_decision = [{"text": "Bác đến công an xã", "buttons": [], "decision": "refuse"}]
    forbidden = [{"text": "công an xã, mức 3", "buttons": [], "decision": "answer"}]
    in_button = [
        {"text": "…", "buttons": [{"title": "Công an xã", "payload": "/x"}], "decision": "answer"}
    ]
    assert score_item(item, good)["passed"]
    assert not score_item(item, wrong_decision)["passed"]
    assert not score_item(item, forbidden)["passed"]
    assert score_item(item, in_button)["passed"]


def test_summarise_reports_rates_confusion_and_failures():
    items = [
        {"id": "a", "topic": "t", "variant": "standard", "expect": "answer"},
        {"id": "b", "topic": "t", "variant": "typo", "expect": "refuse"},
    ]
    results = [
        {"id": "a", "passed": True, "decision": "answer"},
        {"id": "b", "passed": False, "decision": "answer"},
    ]
    summary = summarise(items, results, [10.0, 30.0])
    assert summary["pass_rate"] == 0.5
    assert summary["by_variant"] == {"standard": 1.0, "typo": 0.0}
    assert summary["decision_confusion"]["refuse"]["answer"] == 1
    assert summary["failed"] == ["b"] and summary["p50_ms"] == 20.0


def test_eval_lead_and_length_count_only_answer_items():
    items = [
        {"id": "a", "topic": "t", "variant": "v", "expect": "answer",
         "must_mention_any": ["mức 2"]},
        {"id": "b", "topic": "t", "variant": "v", "expect": "answer", "must_mention_any": ["OTP"]},
        {"id": "c", "topic": "t", "variant": "v", "expect": "refuse", "must_mention_any": []},
    ]
    late = [{"text": "x" * 400}, {"text": "đừng đưa OTP", "decision": "answer"}]
    replies = [[{"text": "Tài khoản mức 2 …", "decision": "answer"}], late, [{"text": "không"}]]
    results = [score_item(i, r) for i, r in zip(items, replies, strict=True)]
    summary = summarise(items, results, [1.0, 2.0, 3.0])
    assert [r["lead"] for r in results[:2]] == [True, False]
    assert summary["lead"] == 0.5
    assert summary["median_chars"] == (len("Tài khoản mức 2 …") + 413) // 2


def test_eval_dialogue_scores_its_last_turn_with_earlier_turns_as_context():
    dialogue = {
        "id": "d1", "kind": "ellipsis", "turns": ["cài vneid thế nào", "còn iphone thì sao"],
        "final_expect": "answer", "final_must_mention_any": ["App Store"],
        "final_must_not_mention": [],
    }
    item = dialogue_as_item(dialogue)
    assert item["question"] == "còn iphone thì sao"
    assert item["context"] == ["cài vneid thế nào"]
    assert item["expect"] == "answer" and item["must_mention_any"] == ["App Store"]
