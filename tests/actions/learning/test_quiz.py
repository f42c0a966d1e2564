"""Quizzes, reviews and the placement check, graded and recorded on a real database."""

from __future__ import annotations

from actions.learning.quiz import ActionAskQuizAnswer
from actions.learning.quiz_answers import ActionQuizAnswer
from storage.learners import get_learner, get_or_create_learner
from storage.learning_profile import record_consent
from storage.lesson_progress import lesson_results
from storage.models import QuizRun
from storage.quiz_runs import list_attempts
from storage.session import session_scope
from tests.actions.learning.trackers import (
    LESSON,
    agree,
    answer,
    followups,
    is_rejected,
    run,
    slots,
    start_quiz,
    texts,
    tracker,
)


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


def test_review_asks_only_the_missed_questions_and_pushes_them_further_out(db):
    from datetime import timedelta

    from actions.learning.quiz import ActionStartReview
    from actions.learning.state import local_today
    from lessons.progress import ReviewState
    from storage.review import get_review, save_review

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
    from actions.learning.quiz import ActionStartPlacement

    agree(db, "web:l")
    run(ActionStartPlacement(), tracker("web:l", "/start_placement"))
    for text in ("a", "c", "khong biet", "khong biet", "a"):  # right, right, skip, skip, right
        messages, _ = answer("web:l", text)
    text = texts(messages)
    assert "Đúng 3/5" in text
    assert "Nên học trước: Định danh số và dịch vụ công, Thanh toán không dùng tiền mặt" in text
    assert "phần bác/anh/chị nên củng cố" in text
