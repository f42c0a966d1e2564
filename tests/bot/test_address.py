"""One way of addressing each person."""

from __future__ import annotations

from bot.address import ELDER, NEUTRAL, address, choose_form
from bot.conversation import addressed
from bot.reply import Bubble, Button, Reply


def test_an_elder_is_recognised_by_how_they_write_or_the_elderly_mode():
    assert choose_form(False, ["cháu ơi bác hỏi cái vneid"]) == ELDER
    assert choose_form(False, ["chau oi chi bac cach chuyen tien"]) == ELDER
    assert choose_form(True, ["vneid là gì"]) == ELDER
    assert choose_form(False, ["làm vneid thế nào", "con tôi bảo cài vneid"]) == NEUTRAL


def test_one_form_replaces_every_written_form_but_not_friends():
    text = "Bác/anh/chị mở VNeID. Nếu bác/anh/chị quên, bạn bấm Quên mật khẩu; bạn bè thì không."
    assert address(text, ELDER) == (
        "Bác mở VNeID. Nếu bác quên, bác bấm Quên mật khẩu; bạn bè thì không."
    )
    assert address(text, NEUTRAL).startswith("Bạn mở VNeID. Nếu bạn quên, bạn bấm")


def test_buttons_are_addressed_too_and_payloads_untouched():
    reply = Reply((Bubble("Chào bác/anh/chị", (Button("Bác/anh/chị học", "/x"),)),), "answer")
    out = addressed(reply, ELDER)
    assert out.bubbles[0].text == "Chào bác"
    assert out.bubbles[0].buttons[0] == Button("Bác học", "/x")
    assert out.decision == "answer"


def test_the_first_reply_ends_with_the_ai_notice_in_its_last_bubble():
    from bot import texts
    from bot.conversation import with_ai_notice

    reply = Reply((Bubble("a"), Bubble("b", (Button("x", "/x"),))), "answer")
    noticed = with_ai_notice(reply)
    assert len(noticed.bubbles) == 2 and noticed.bubbles[-1].text.endswith(texts.AI_NOTICE)
    assert noticed.bubbles[-1].buttons == (Button("x", "/x"),) and noticed.decision == "answer"
