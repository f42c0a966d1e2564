"""Learning actions with real storage on a temporary database (trackers built from dicts)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import payload
from actions.learning import ActionMyProgress, ActionStartLesson
from actions.learning_account import (
    ActionDeleteMyData,
    ActionGetCertificate,
    minute_now,
    parse_name,
)
from actions.learning_profile import ValidateOnboardingForm
from actions.learning_quiz import (
    ActionAskQuizAnswer,
    ActionQuizAnswer,
    ActionStartQuiz,
    ValidateQuizForm,
)
from actions.runtime import lessons_by_id
from config import get_settings
from storage.learners import get_learner, get_or_create_learner
from storage.learning import (
    get_active_run,
    lesson_results,
    list_attempts,
    record_consent,
    record_quiz_result,
)
from storage.models import QuizRun
from storage.session import session_scope

LESSON = lessons_by_id()["at-khong-lo-otp"]


@pytest.fixture
def db(database_url, tmp_path, monkeypatch) -> Iterator[str]:
    """The action server's settings pointed at the test database."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def tracker(sender: str, text: str, intent: str = "", confidence: float = 1.0, **kw) -> Tracker:
    """A tracker whose latest message is `text` (a payload's entities parsed like Rasa does)."""
    entities = []
    if text.startswith("/") and "{" in text:
        entities = [
            {"entity": k, "value": v} for k, v in json.loads(text[text.index("{") :]).items()
        ]
        intent = intent or text[1 : text.index("{")]
    elif text.startswith("/"):
        intent = intent or text[1:]
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities,
    }
    events = [{"event": "user", "text": text, "parse_data": latest}]
    for name, value in (kw.get("candidates") or {}).items():  # what a form hands to validation
        events += [
            {"event": "action", "name": "quiz_form"},
            {"event": "slot", "name": name, "value": value},
        ]
    state = {
        "sender_id": sender,
        "slots": kw.get("slots", {}),
        "latest_message": latest,
        "events": events,
        "active_loop": kw.get("active_loop", {}),
    }
    return Tracker.from_dict(state)


def run(action, t: Tracker) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    return [m for m in dispatcher.messages if m.get("text")], events


def followups(events: list[dict]) -> list[str]:
    return [e["name"] for e in events if e["event"] == "followup"]


def slots(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def is_rejected(events: list[dict]) -> bool:
    return any(e["event"] == "action_execution_rejected" for e in events)


def texts(messages: list[dict]) -> str:
    return "\n".join(m["text"] for m in messages)


def agree(database_url: str, sender: str) -> None:
    with session_scope(database_url) as session:
        record_consent(
            session, learner=get_or_create_learner(session, sender_id=sender), agreed=True
        )


def answer(sender: str, text: str, **kw) -> tuple[list[dict], list[dict]]:
    """What the quiz form does with one message: validation with the text as the candidate."""
    return run(ValidateQuizForm(), tracker(sender, text, candidates={"quiz_answer": text}, **kw))


def test_learning_menu_asks_consent_first_but_a_chosen_lesson_opens_at_once(db):
    messages, events = run(ActionStartLesson(), tracker("web:a", "/start_lesson"))
    assert messages == []
    assert followups(events) == ["onboarding_form"] and slots(events)["learning_goal"] == "menu"
    messages, _ = run(
        ActionStartLesson(), tracker("web:a", '/start_lesson{"lesson_id":"at-khong-lo-otp"}')
    )
    assert "Bước 1/5" in texts(messages)
    payloads = [b["payload"] for m in messages for b in m["buttons"]]
    assert '/lesson_step{"lesson_id":"at-khong-lo-otp","step":"2"}' in payloads
    assert all(len(p.encode()) <= 64 for p in payloads)


def test_onboarding_reads_typed_consent_and_group_and_stores_them(db):
    form = ValidateOnboardingForm()
    _, events = run(form, tracker("web:b", "đồng ý", candidates={"consent_answer": "đồng ý"}))
    assert slots(events) == {"consent_answer": "yes"}
    _, events = run(form, tracker("web:b", "sinh vien", candidates={"learner_group": "sinh vien"}))
    assert slots(events) == {"learner_group": "hoc_sinh"}
    _, events = run(form, tracker("web:b", "0912345678", candidates={"learner_area": "0912345678"}))
    assert slots(events) == {"learner_area": None}  # asked again: no phone numbers
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:b")
        assert (
            learner.consent is True and learner.target_group == "hoc_sinh" and learner.area is None
        )


def test_declining_consent_skips_the_profile_questions(db):
    _, events = run(
        ValidateOnboardingForm(), tracker("web:c", "khong", candidates={"consent_answer": "khong"})
    )
    assert slots(events) == {
        "consent_answer": "no",
        "learner_group": "skip",
        "learner_area": "skip",
    }
    with session_scope(db) as session:
        assert get_learner(session, sender_id="web:c").consent is False


def start_quiz(db: str, sender: str) -> int:
    _, events = run(
        ActionStartQuiz(), tracker(sender, '/start_quiz{"lesson_id":"at-khong-lo-otp"}')
    )
    assert followups(events) == ["quiz_form"]
    with session_scope(db) as session:
        return get_active_run(session, learner=get_learner(session, sender_id=sender)).id


def test_quiz_grades_typed_and_pressed_answers_and_records_each_once(db):
    agree(db, "web:d")
    run_id = start_quiz(db, "web:d")
    question, _ = run(ActionAskQuizAnswer(), tracker("web:d", ""))
    assert "Câu 1/3 ▰▱▱" in texts(question)
    messages, events = answer("web:d", "Không ai cả")  # the option's words
    assert "Đúng rồi" in texts(messages)
    assert slots(events) == {"quiz_answer": None}  # the form asks the next question
    pressed = f'/quiz_answer{{"quiz_at":"{run_id}.1","choice":"b"}}'
    messages, _ = answer("web:d", pressed)
    assert "Chưa đúng" in texts(messages) and "Đáp án đúng là A" in texts(messages)
    messages, _ = answer("web:d", pressed)  # a double tap
    assert "Câu này đã qua rồi" in texts(messages)
    messages, events = answer("web:d", "doi mat khau va goi ngan hang khoa tai khoan")
    assert "đúng 2/3 câu" in texts(messages) and "đã đạt" in texts(messages)
    assert slots(events)["requested_slot"] is None  # the form ends
    with session_scope(db) as session:
        quiz = session.get(QuizRun, run_id)
        attempts = list_attempts(session, run=quiz)
        learner = get_learner(session, sender_id="web:d")
        result = lesson_results(session, learner=learner)[LESSON.id]
    assert [(a.position, a.choice, a.via) for a in attempts] == [
        (0, "c", "typed"),
        (1, "b", "button"),
        (2, "b", "typed"),
    ]
    assert quiz.status == "finished" and result.is_passed and result.open_reviews == 1


def test_quiz_asks_again_for_words_it_cannot_read_and_pauses_on_dung(db):
    agree(db, "web:e")
    start_quiz(db, "web:e")
    messages, _ = answer("web:e", "d")  # question 1 has four options: D is an answer
    assert "Chưa đúng" in texts(messages)
    messages, _ = answer("web:e", "d")  # question 2 has three
    assert "chỉ có các đáp án A, B, C" in texts(messages)
    messages, events = answer("web:e", "hmm", intent="nlu_fallback", confidence=0.3)
    assert "chưa nhận ra đáp án" in texts(messages)
    messages, events = answer(
        "web:e", "làm sao kích hoạt vneid", intent="ask_question", confidence=0.9
    )
    assert is_rejected(events)  # the rules answer it, then the quiz goes on
    messages, events = answer("web:e", "dừng")
    assert "tạm dừng" in texts(messages) and "câu 2/3" in texts(messages)


def test_an_old_answer_button_after_a_pause_is_graded_and_the_quiz_resumes(db):
    agree(db, "web:f")
    run_id = start_quiz(db, "web:f")
    messages, events = run(
        ActionQuizAnswer(), tracker("web:f", f'/quiz_answer{{"quiz_at":"{run_id}.0","choice":"c"}}')
    )
    assert "Đúng rồi" in texts(messages)
    assert followups(events) == ["quiz_form"]
    messages, _ = run(
        ActionQuizAnswer(), tracker("web:f", '/quiz_answer{"quiz_at":"999.0","choice":"a"}')
    )
    assert "không có bài kiểm tra nào" in texts(messages).lower()


def test_without_consent_the_quiz_works_but_nothing_is_kept(db):
    with session_scope(db) as session:
        record_consent(
            session, learner=get_or_create_learner(session, sender_id="web:g"), agreed=False
        )
    start_quiz(db, "web:g")
    for text in ("c", "a", "b"):
        messages, _ = answer("web:g", text)
    assert "không được lưu" in texts(messages)
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:g")
        assert lesson_results(session, learner=learner) == {}
        assert session.query(QuizRun).filter_by(learner_id=learner.id).count() == 0


def test_progress_shows_lessons_domains_and_the_next_lesson(db):
    agree(db, "web:h")
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:h")
        record_quiz_result(session, learner=learner, lesson=LESSON, correct=3, total=3)
    messages, _ = run(ActionMyProgress(), tracker("web:h", "/my_progress"))
    text = texts(messages)
    assert "Đã đạt 1/" in text and "An toàn trên mạng: 1/" in text
    assert "binhdanhocvuso.gov.vn" in text and "Bài nên học tiếp" in text


def test_certificate_needs_a_completed_domain_then_a_name(db):
    agree(db, "web:i")
    messages, _ = run(ActionGetCertificate(), tracker("web:i", "/get_certificate"))
    assert "chưa hoàn thành trọn chủ đề" in texts(messages)
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:i")
        for lesson in (x for x in lessons_by_id().values() if x.domain == "ai"):
            record_quiz_result(session, learner=learner, lesson=lesson, correct=3, total=3)
    _, events = run(ActionGetCertificate(), tracker("web:i", "/get_certificate"))
    assert followups(events) == ["certificate_form"]
    with session_scope(db) as session:
        get_learner(session, sender_id="web:i").display_name = "Nguyễn Văn An"
    messages, _ = run(
        ActionGetCertificate(), tracker("web:i", '/get_certificate{"domain_key":"ai"}')
    )
    text = texts(messages)
    assert "Mã xác minh:" in text and "Nguyễn Văn An" in text and "binhdanhocvuso.gov.vn" in text
    code = text.split("Mã xác minh: ")[1].split()[0]
    assert f"/certificates/{code}" in text
    assert (get_settings().VAR_DIR / "certificates" / f"{code}.pdf").is_file()


def test_parse_name_keeps_letters_only():
    assert parse_name("nguyễn  văn an") == "Nguyễn Văn An"
    assert parse_name("0912345678") is None and parse_name("a") is None


def confirm_payload(minute: int) -> str:
    return payload("confirm_delete", choice="yes", asked_at=str(minute))


def test_delete_my_data_says_what_was_deleted(db):
    agree(db, "web:j")
    start_quiz(db, "web:j")
    answer("web:j", "c")
    messages, _ = run(ActionDeleteMyData(), tracker("web:j", '/confirm_delete{"choice":"no"}'))
    assert "không xóa" in texts(messages)
    two_weeks_ago = minute_now() - 60 * 24 * 14
    old = tracker("web:j", confirm_payload(two_weeks_ago))
    messages, _ = run(ActionDeleteMyData(), old)  # an old button scrolled back to
    assert "tin nhắn cũ" in texts(messages)
    fresh = tracker("web:j", confirm_payload(minute_now()))
    messages, events = run(ActionDeleteMyData(), fresh)
    assert "Đã xóa dữ liệu" in texts(messages) and "1 câu trả lời" in texts(messages)
    assert events[0]["event"] == "reset_slots"
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:j")
        assert learner.consent is None and get_active_run(session, learner=learner) is None


def test_review_asks_only_the_missed_questions_and_pushes_them_further_out(db):
    from datetime import timedelta

    from actions.learning_quiz import ActionStartReview
    from actions.learning_state import local_today
    from lessons.progress import ReviewState
    from storage.learning import get_review, save_review

    agree(db, "web:k")
    messages, _ = run(ActionStartReview(), tracker("web:k", "/start_review"))
    assert "chưa có câu nào cần ôn" in texts(messages)
    today = local_today()
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:k")
        save_review(
            session,
            learner=learner,
            lesson_id=LESSON.id,
            question_index=2,
            state=ReviewState(0, today),
        )
    _, events = run(ActionStartReview(), tracker("web:k", "/start_review"))
    assert followups(events) == ["quiz_form"]
    question, _ = run(ActionAskQuizAnswer(), tracker("web:k", ""))
    assert "Ôn lại: " in texts(question) and "Câu 1/1" in texts(question)
    messages, _ = answer("web:k", "b")
    assert "Ôn xong: đúng 1/1" in texts(messages)
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:k")
        state = get_review(session, learner=learner, lesson_id=LESSON.id, question_index=2)
    assert state == ReviewState(1, today + timedelta(days=3))


def test_placement_result_names_known_and_weak_domains_and_steers_the_next_lesson(db):
    from actions.learning_quiz import ActionStartPlacement

    agree(db, "web:l")
    run(ActionStartPlacement(), tracker("web:l", "/start_placement"))
    for text in ("a", "c", "khong biet", "khong biet", "a"):  # right, right, skip, skip, right
        messages, _ = answer("web:l", text)
    text = texts(messages)
    assert "Đúng 3/5" in text
    assert "Nên học trước: Định danh số và dịch vụ công, Thanh toán không dùng tiền mặt" in text
    assert "phần bác/anh/chị nên củng cố" in text


def test_short_message_mode_splits_steps_and_puts_options_on_big_buttons():
    from actions.learning_compose import QuizSpot, question_bubbles, step_bubbles

    normal = step_bubbles(LESSON, 2, elderly=False)
    short = step_bubbles(LESSON, 2, elderly=True)
    assert len(short) > len(normal) and all(len(b["text"]) <= 260 for b in short)
    assert short[-1]["buttons"] == normal[-1]["buttons"]
    spot = QuizSpot(7, "lesson", 0, 3, LESSON, LESSON.quiz[0], 0)
    titles = [b["title"] for b in question_bubbles(spot, elderly=True)[-1]["buttons"]]
    assert (
        titles[2] == "C. Không ai cả"
        and "Bấm nút" not in question_bubbles(spot, elderly=True)[-1]["text"]
    )
    assert [b["title"] for b in question_bubbles(spot, elderly=False)[-1]["buttons"]][:2] == [
        "A",
        "B",
    ]


def test_certificate_code_checks_out_on_the_command_line(db, capsys):
    from bot.__main__ import main
    from lessons.certificate import new_code
    from storage.certificates import issue_certificate

    code = new_code()
    agree(db, "web:m")
    with session_scope(db) as session:
        learner = get_learner(session, sender_id="web:m")
        issue_certificate(
            session,
            learner=learner,
            domain="ai",
            holder_name="Trần Thị Bình",
            lessons_count=4,
            mean_score=92,
            issued_on=local_today_for_tests(),
            code=code,
        )
    assert main(["certificates", "verify", code.lower().replace("-", " ")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (
        out["valid"]
        and out["holder"] == "Trần Thị Bình"
        and out["domain"] == "Trí tuệ nhân tạo (AI)"
    )
    assert main(["certificates", "verify", "ABCD-EFGH"]) == 1


def local_today_for_tests():
    from actions.learning_state import local_today

    return local_today()
