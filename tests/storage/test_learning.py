"""Learning records against a real migrated database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, select

from lessons.parse import load_lessons
from lessons.progress import ReviewState
from storage.certificates import find_certificate, issue_certificate, list_certificates
from storage.learners import get_learner, get_or_create_learner, log_message
from storage.learning_profile import (
    get_profile,
    list_due_reminders,
    mark_reminder_sent,
    record_consent,
    save_placement,
    set_elderly_mode,
    set_reminder,
)
from storage.lesson_progress import lesson_results, record_quiz_result, record_step
from storage.models import Escalation, OutboxMessage, QuizAttempt, QuizRun
from storage.outbox import enqueue
from storage.privacy import delete_learner_data
from storage.quiz_runs import (
    count_attempts,
    get_active_run,
    list_attempts,
    record_answer,
    start_run,
)
from storage.review import due_reviews, get_review, save_review
from storage.session import get_engine, session_scope

TODAY = date(2026, 11, 25)
LESSON = next(lesson for lesson in load_lessons() if lesson.id == "at-khong-lo-otp")
ITEMS = [f"{LESSON.id}:{i}" for i in range(len(LESSON.quiz))]


def learner_in(session, sender="web:hoc-vien", consent=True):
    learner = get_or_create_learner(session, sender_id=sender)
    if consent is not None:
        record_consent(session, learner=learner, agreed=consent)
    return learner


def test_migration_creates_the_learning_tables(database_url):
    tables = set(inspect(get_engine(database_url)).get_table_names())
    assert {
        "learning_profiles",
        "lesson_progress",
        "quiz_runs",
        "quiz_attempts",
        "review_items",
        "certificates",
    } <= tables


def test_a_run_records_each_answer_once_and_finishes(database_url):
    with session_scope(database_url) as session:
        learner = learner_in(session)
        run = start_run(session, learner=learner, kind="lesson", items=ITEMS, lesson_id=LESSON.id)
        run_id = run.id
        assert record_answer(session, run=run, choice="c", is_correct=True, via="button")
    with session_scope(database_url) as session:  # another worker answered position 1 first
        run = session.get(QuizRun, run_id)
        session.add(
            QuizAttempt(
                run_id=run.id,
                learner_id=run.learner_id,
                position=1,
                lesson_id=LESSON.id,
                question_index=1,
                choice="a",
                is_correct=True,
                via="button",
            )
        )
        session.flush()
        assert record_answer(session, run=run, choice="b", is_correct=False, via="button") is None
        assert run.position == 1 and run.correct == 1
        run.position, run.correct = 2, 2  # what that worker wrote
    with session_scope(database_url) as session:
        run = session.get(QuizRun, run_id)
        assert record_answer(session, run=run, choice="a", is_correct=False, via="typed")
        assert run.status == "finished" and run.correct == 2 and run.finished_at is not None
        assert record_answer(session, run=run, choice="a", is_correct=False, via="typed") is None
        assert [a.position for a in list_attempts(session, run=run)] == [0, 1, 2]
        learner = get_learner(session, sender_id="web:hoc-vien")
        assert count_attempts(session, learner=learner) == 3
        assert get_active_run(session, learner=learner) is None


def test_starting_a_new_run_abandons_the_old_one(database_url):
    with session_scope(database_url) as session:
        learner = learner_in(session)
        first = start_run(session, learner=learner, kind="lesson", items=ITEMS, lesson_id=LESSON.id)
        second = start_run(session, learner=learner, kind="placement", items=ITEMS[:1])
        assert get_active_run(session, learner=learner).id == second.id
        session.refresh(first)
        assert first.status == "abandoned"
        with pytest.raises(ValueError):
            start_run(session, learner=learner, kind="review", items=[])


def test_lesson_progress_keeps_the_step_and_the_best_score(database_url):
    with session_scope(database_url) as session:
        learner = learner_in(session)
        record_step(session, learner=learner, lesson=LESSON, step=3)
        record_quiz_result(session, learner=learner, lesson=LESSON, correct=1, total=3)
        progress = record_quiz_result(session, learner=learner, lesson=LESSON, correct=3, total=3)
        passed_at = progress.passed_at
        record_quiz_result(session, learner=learner, lesson=LESSON, correct=0, total=3)
        save_review(
            session,
            learner=learner,
            lesson_id=LESSON.id,
            question_index=1,
            state=ReviewState(0, TODAY),
        )
        [result] = lesson_results(session, learner=learner).values()
    assert (result.step, result.best_correct, result.quiz_count) == (3, 3, 3)
    assert result.is_passed and result.open_reviews == 1 and passed_at is not None


def test_review_items_come_due_and_leave_when_learned(database_url):
    with session_scope(database_url) as session:
        learner = learner_in(session)
        where = {"learner": learner, "lesson_id": LESSON.id}
        save_review(session, **where, question_index=0, state=ReviewState(0, TODAY))
        save_review(session, **where, question_index=2, state=ReviewState(1, TODAY + timedelta(3)))
        assert [i.question_index for i in due_reviews(session, learner=learner, today=TODAY)] == [0]
        save_review(session, **where, question_index=0, state=ReviewState(1, TODAY + timedelta(3)))
        assert get_review(session, **where, question_index=0) == ReviewState(
            1, TODAY + timedelta(3)
        )
        save_review(session, **where, question_index=0, state=None)
        assert get_review(session, **where, question_index=0) is None
        later = due_reviews(session, learner=learner, today=TODAY + timedelta(3))
        assert [i.question_index for i in later] == [2]


def test_reminders_go_once_a_day_to_those_who_agreed(database_url):
    with session_scope(database_url) as session:
        agreed = learner_in(session, "tg:1")
        set_reminder(session, learner=agreed, hour=19)
        declined = learner_in(session, "tg:2", consent=False)
        set_reminder(session, learner=declined, hour=19)
        with pytest.raises(ValueError):
            set_reminder(session, learner=agreed, hour=23)
    with session_scope(database_url) as session:
        due = list_due_reminders(session, hour=19, today=TODAY)
        assert [learner.sender_id for learner, _ in due] == ["tg:1"]
        mark_reminder_sent(session, profile=due[0][1], today=TODAY)
    with session_scope(database_url) as session:
        assert list_due_reminders(session, hour=19, today=TODAY) == []
        assert len(list_due_reminders(session, hour=19, today=TODAY + timedelta(1))) == 1
        assert list_due_reminders(session, hour=7, today=TODAY + timedelta(1)) == []


def test_certificate_is_issued_once_per_domain_and_found_by_code(database_url):
    with session_scope(database_url) as session:
        learner = learner_in(session)
        args = dict(
            learner=learner,
            domain="an_toan",
            holder_name="Nguyễn Văn An",
            lessons_count=11,
            mean_score=90,
            issued_on=TODAY,
        )
        first = issue_certificate(session, **args, code="7KQ2-M9XD")
        again = issue_certificate(session, **args, code="ZZZZ-ZZZZ")
        assert first.id == again.id and again.code == "7KQ2-M9XD"
    with session_scope(database_url) as session:
        found = find_certificate(session, code="7KQ2-M9XD")
        assert found.holder_name == "Nguyễn Văn An" and found.issued_on == TODAY
        assert find_certificate(session, code="ZZZZ-ZZZZ") is None


def test_delete_my_data_removes_records_and_anonymises_the_learner(database_url):
    with session_scope(database_url) as session:
        learner = learner_in(session)
        learner.display_name, learner.area, learner.target_group = "Bà Tư", "Thôn 3", "nguoi_dan"
        log_message(session, learner=learner, direction="in", text="học")
        set_elderly_mode(session, learner=learner, on=True)
        save_placement(session, learner=learner, placement={"an_toan": True})
        record_step(session, learner=learner, lesson=LESSON, step=2)
        run = start_run(session, learner=learner, kind="lesson", items=ITEMS, lesson_id=LESSON.id)
        record_answer(session, run=run, choice="a", is_correct=False, via="typed")
        save_review(
            session,
            learner=learner,
            lesson_id=LESSON.id,
            question_index=0,
            state=ReviewState(0, TODAY),
        )
        issue_certificate(
            session,
            learner=learner,
            domain="ai",
            holder_name="Bà Tư",
            lessons_count=4,
            mean_score=80,
            issued_on=TODAY,
            code="7KQ2-M9XD",
        )
        session.add(
            Escalation(
                learner_id=learner.id, status="open", reason="asked", summary_masked="con tôi"
            )
        )
        enqueue(session, recipient="web:hoc-vien", bubbles=[{"text": "Đến giờ học rồi ạ"}])
        enqueue(session, recipient="tg:mentor", bubbles=[{"text": "Có người cần giúp"}])
    with session_scope(database_url) as session:
        learner = get_learner(session, sender_id="web:hoc-vien")
        counts = delete_learner_data(session, learner=learner)
    assert counts == {
        "messages": 2,  # the logged message and the reminder waiting to be pushed
        "answers": 1,
        "quizzes": 1,
        "lessons": 1,
        "reviews": 1,
        "certificates": 1,
        "settings": 1,
    }
    with session_scope(database_url) as session:
        learner = get_learner(session, sender_id="web:hoc-vien")
        assert (learner.display_name, learner.area, learner.target_group) == (None, None, None)
        assert learner.consent is None and learner.anonymised_at is not None
        assert get_profile(session, learner=learner) is None
        assert lesson_results(session, learner=learner) == {}
        assert list_certificates(session, learner=learner) == []
        escalation = session.scalars(select(Escalation)).one()
        assert escalation.summary_masked == "" and escalation.status == "open"
        outbox = session.scalars(select(OutboxMessage.recipient)).all()
        assert outbox == ["tg:mentor"]  # only what was addressed to this person goes
        record_consent(session, learner=learner, agreed=True)
        assert learner.anonymised_at is None  # starting again is allowed
