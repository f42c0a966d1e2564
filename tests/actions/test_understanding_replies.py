"""The pure parts of reading a message with the conversation and of composing replies."""

from __future__ import annotations

from actions import answers, texts
from actions.conversation import Context, read_context, remember
from actions.triage import Signals, choose_reply, urgent_kind
from knowledge.followup import is_followup
from lessons.referrals import find_referral, load_referrals
from tests.knowledge.conftest import make_lesson


def signals(**changes) -> Signals:
    base = dict(intent="ask_question", intent_confidence=0.9, out_of_scope=None, urgent=None,
                needs_person=None, has_secret=False, retrieval_decision="answer",
                retrieval_confidence=0.8)
    return Signals(**{**base, **changes})


def test_learned_harm_escalates_even_when_no_rule_fires():
    assert choose_reply(signals(situation="harm", situation_kind="money_lost")) == "urgent"
    given = signals(situation="harm", situation_kind="code_given")
    assert urgent_kind(given) == "credentials_given"
    # identity used by someone else needs a person and evidence, not bank steps
    assert choose_reply(signals(situation="harm", situation_kind="identity_misused")) == "escalate"


def test_the_rule_wins_over_the_learned_reading_and_questions_stay_questions():
    assert urgent_kind(signals(urgent="threatened", situation="harm",
                               situation_kind="money_lost")) == "threatened"
    assert choose_reply(signals(situation="question")) == "answer"


def test_learned_situations_map_to_reply_kinds():
    asks = signals(situation="wants_person", situation_kind="ask_person")
    assert choose_reply(asks) == "handoff"
    unsure_ask = signals(situation="wants_person", situation_kind="ask_person",
                         situation_probability=0.3, retrieval_decision="unsure")
    assert choose_reply(unsure_ask) == "escalate"  # offered, not opened
    home = signals(situation="wants_person", situation_kind="home_visit")
    assert choose_reply(home) == "escalate"
    assert choose_reply(signals(situation="out_of_scope", situation_kind="medical")) == "refuse"
    assert choose_reply(signals(situation="pasted_message", situation_kind="sms")) == "caution"
    unsure = signals(situation="small_talk", retrieval_decision="unsure")
    assert choose_reply(unsure) == "small_talk"
    # a real answer beats a small-talk reading
    assert choose_reply(signals(situation="small_talk")) == "answer"


def test_context_round_trips_through_slot_events():
    before = Context(recent=("a", "b", "c"))
    events = remember(before, "d", question="quên mật khẩu vneid", lesson_id="vneid-mat-khau",
                      trouble=False, offered=("x", "y"))
    slots = {e["name"]: e["value"] for e in events}
    context = read_context(slots)
    assert context.last_question == "quên mật khẩu vneid"
    assert context.last_lesson_id == "vneid-mat-khau"
    assert context.offered_lessons == ("x", "y")
    assert context.recent == ("b", "c", "d")  # the last three messages


def test_remember_keeps_what_it_is_not_told_and_drops_old_choices():
    before = Context(last_question="q", last_lesson_id="l", trouble_open=True,
                     offered_lessons=("x",))
    slots = {e["name"]: e["value"] for e in remember(before, "hi")}
    assert slots["last_question"] == "q" and slots["trouble_open"] is True
    assert slots["offered_lessons"] == []


def test_followups_need_the_shape_and_few_topic_words():
    assert is_followup("còn iphone thì sao") and is_followup("có mất phí ko")
    assert not is_followup("lam the nao de chuyen khoan qr")
    assert not is_followup("tôi đã chuyển rồi 20 triệu")


def test_answer_first_puts_the_lead_alone_then_source_and_buttons():
    lesson = make_lesson("vneid-muc-2", "Đăng ký VNeID mức 2", "Tóm tắt.",
                         steps=(("Bước 1: Mang căn cước", "Đến công an xã."),))
    bubbles = answers.compose_lead_answer("Đăng ký miễn phí.", "", lesson)
    assert bubbles[0]["text"] == "Đăng ký miễn phí." and not bubbles[0]["buttons"]
    titles = [b["title"] for b in bubbles[1]["buttons"]]
    assert titles[0] == texts.BUTTON_STEPS and any("Học bài này" in t for t in titles)
    assert bubbles[1]["buttons"][0]["payload"] == '/show_steps{"lesson_id":"vneid-muc-2"}'


def test_steps_are_numbered():
    lesson = make_lesson("l", "Bài", "Tóm tắt.", steps=(("Mở ứng dụng", "Bấm VNeID."),
                                                       ("Đăng nhập", "Nhập số.")))
    text = answers.compose_steps(lesson)[0]["text"]
    assert "1. Mở ứng dụng: Bấm VNeID." in text and "2. Đăng nhập" in text


def test_referrals_point_to_the_right_office_with_an_honest_source_label():
    bhxh = find_referral("luong huu cua toi thang nay sao chua ve")
    assert bhxh.id == "bhxh" and "1900 9068" in bhxh.text
    assert find_referral("tranh chấp đất đai với hàng xóm").id == "commune"
    assert find_referral("hôm nay trời đẹp").id == "commune"  # the commune centre by default
    reply = answers.compose_referral(bhxh.text, bhxh.source_title, bhxh.source_url, bhxh.official)
    assert "Nguồn tham khảo (báo)" in reply[0]["text"] and "chính thức" not in reply[0]["text"]


def test_every_referral_has_a_source_and_no_secret_request():
    for referral in load_referrals():
        assert referral.source_url.startswith("https://") and referral.words
        assert "mã OTP" not in referral.text or "không" in referral.text


def test_medical_refusal_sends_to_a_doctor_and_offers_what_we_can_do():
    bubble = answers.compose_medical_refusal("yt-dat-lich-kham", "yt-so-suc-khoe")[0]
    assert "bác sĩ" in bubble["text"] and "115" in bubble["text"]
    assert len(bubble["buttons"]) == 2


def test_a_confident_answer_outweighs_an_unsure_reading_of_scope_or_a_soft_wish_for_a_person():
    unsure_oos = signals(situation="out_of_scope", situation_kind="public_other",
                         situation_probability=0.5, retrieval_confidence=0.95)
    assert choose_reply(unsure_oos) == "answer"
    sure_oos = signals(situation="out_of_scope", situation_kind="legal",
                       situation_probability=0.9, retrieval_confidence=0.95)
    assert choose_reply(sure_oos) == "refuse"
    weak_retrieval = signals(situation="out_of_scope", situation_probability=0.45,
                             retrieval_decision="clarify", retrieval_confidence=0.5)
    assert choose_reply(weak_retrieval) == "refuse"
    soft_person = signals(situation="wants_person", situation_kind="home_visit",
                          situation_probability=0.3, retrieval_confidence=0.95)
    assert choose_reply(soft_person) == "answer_and_offer"
    sure_person = signals(situation="wants_person", situation_kind="disability",
                          situation_probability=0.8, retrieval_confidence=0.95)
    assert choose_reply(sure_person) == "escalate"


def test_only_a_state_bodys_site_is_called_official():
    from datetime import date

    from lessons.model import Source

    assert Source("Cổng DVC", "https://dichvucong.gov.vn/p/home", date(2025, 1, 1)).official
    assert not Source("Dân trí", "https://dantri.com.vn/x.htm", date(2025, 1, 1)).official
    assert not Source("Giả", "https://gov.vn.example.com/x", date(2025, 1, 1)).official
    lesson = make_lesson("l", "Bài", "Tóm tắt.")  # its source is dichvucong.gov.vn
    assert "Nguồn chính thức" in answers.source_line(lesson)


def test_the_changed_rule_note_is_not_repeated_when_the_lead_gives_its_date():
    assert answers.already_says("Từ 1/1/2026, mạng xã hội không được…", "Từ 1/1/2026 (Luật…)")
    assert not answers.already_says("Mở VNeID, bấm…", "Từ 1/1/2026 (Luật…)")


def test_getting_into_someone_elses_account_is_refused_not_treated_as_harm():
    spy = signals(out_of_scope="hacking", situation="harm", situation_kind="account_taken")
    assert choose_reply(spy) == "refuse"
    robbed = signals(out_of_scope="hacking", urgent="account_taken")
    assert choose_reply(robbed) == "urgent"  # the harm rule still wins


def test_a_legal_question_hears_we_cannot_advise_then_where_to_ask():
    reply = answers.compose_referral("Hỏi UBND xã.", "Nguồn", "https://x.gov.vn/a", True,
                                     legal=True)
    assert "không thể tư vấn pháp luật" in reply[0]["text"] and "Hỏi UBND xã." in reply[0]["text"]


def test_a_long_story_is_also_read_at_its_end():
    from knowledge.situation_read import story_tail

    story = " ".join(["chuyện"] * 45 + ["rồi", "bà", "đọc", "mã", "cho", "nó"])
    assert story_tail(story).endswith("rồi bà đọc mã cho nó")
    assert len(story_tail(story).split()) == 25
    assert story_tail("tôi đã chuyển tiền rồi") is None
