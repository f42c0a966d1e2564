"""Check a pasted or forwarded message for the signs of a scam (issue 15): when to, and the
reply — verdict, reasons, what to do now, where to report, how to look up an account or site.

The assistant never opens a link; a suspicious host appears in the reply only defanged. Harm
already done ("tôi bấm rồi, nhập cả mật khẩu") keeps the urgent path: `reply_kind` never
overrides it, nor an explicit wish for a person.
"""

from __future__ import annotations

import re

from actions import answers, scam_texts, texts
from actions.conversation import Context
from knowledge.scam_phrases import asks_how_to_tell, reads_like_question
from knowledge.scam_signals import asks_to_check, detect_signals, links_in, unreal_hosts
from knowledge.scam_verdict import CLEAR, Verdict, judge
from lessons.brand_domains import BrandLists, brand_lists

KEEPS_ITS_REPLY = frozenset({"urgent", "handoff"})
# Replies that would help little with a message that is itself a clear scam.
WEAK_REPLIES = frozenset({"unsure", "refuse", "small_talk"})
ASK_ALONE_WORDS = 12  # "tin này có lừa không" this short, with nothing pasted: ask for it
LOOKS_LIKE_MESSAGE_WORDS = 8  # after "dán tin vào đây", shorter text is no message
_QUOTED = re.compile(r"[:\"“]\s*(\S+\s+){7,}")  # "… có lừa không: <the message>"
FAKE_LINKS_LESSON, REPORT_LESSON = "at-link-web-gia", "at-bao-cao-lua-dao"


def has_pasted_part(text: str, lists: BrandLists) -> bool:
    """A link, several lines, or a quoted text with a sign of a scam: something pasted beside
    the question (a long story told in one's own words is not)."""
    if links_in(text, lists) or "\n" in text.strip():
        return True
    return bool(_QUOTED.search(text)) and has_telling_sign(text, lists)


def has_telling_sign(text: str, lists: BrandLists) -> bool:
    """A sign of a scam other than a claimed sender (a bank's name alone says nothing)."""
    return any(s.name != "impersonation" for s in detect_signals(text, lists))


def reply_kind(kind: str, text: str, context: Context, lists: BrandLists | None = None) -> str:
    """ "caution" (check this message), "scam_ask" (ask them to paste it) or `kind` unchanged:
    a pasted message the situation head saw, the message they were asked to paste, "tin này có
    lừa không" with the message in it, any link beside a sign of a scam, or a statement that is
    clearly a scam where the reply would otherwise be weak (not sure, a refusal, small talk)."""
    if kind in KEEPS_ITS_REPLY or not text or kind == "caution":
        return kind
    lists = lists or brand_lists()
    if context.check_next and (
        has_pasted_part(text, lists)
        or len(text.split()) >= LOOKS_LIKE_MESSAGE_WORDS
        or has_telling_sign(text, lists)
    ):
        return "caution"
    if asks_to_check(text) and not asks_how_to_tell(text):
        if has_pasted_part(text, lists):
            return "caution"
        if len(text.split()) <= ASK_ALONE_WORDS:
            return "scam_ask"
    if links_in(text, lists) and has_telling_sign(text, lists):
        return "caution"
    if kind in WEAK_REPLIES and not reads_like_question(text):
        return "caution" if check_message(text, lists).level == CLEAR else kind
    return kind


def check_message(text: str, lists: BrandLists | None = None) -> Verdict:
    lists = lists or brand_lists()
    return judge(detect_signals(text, lists), tuple(unreal_hosts(text, lists)))


def compose_check(verdict: Verdict, lesson_titles: dict[str, str]) -> list[dict]:
    """The verdict with its reasons, then what to do, where to report and how to look up; the
    buttons open the lessons on fake links and on reporting (when present) and offer a person."""
    lines = [scam_texts.HEADER[verdict.level]]
    lines += [scam_texts.REASON_LINE.format(reason=r) for r in verdict.reasons]
    buttons = [
        (label, answers.payload("choose_lesson", lesson_id=lesson_id))
        for label, lesson_id in (
            (scam_texts.BUTTON_FAKE_LINKS, FAKE_LINKS_LESSON),
            (scam_texts.BUTTON_REPORT, REPORT_LESSON),
        )
        if lesson_id in lesson_titles
    ]
    buttons.append((texts.BUTTON_HUMAN, answers.payload("request_human")))
    advice = f"{scam_texts.WHAT_TO_DO}\n{scam_texts.HOW_TO_LOOK_UP}"
    return [answers.bubble("\n".join(lines)), answers.bubble(advice, buttons)]


def compose_ask_to_paste() -> list[dict]:
    return [answers.bubble(scam_texts.ASK_TO_PASTE)]
