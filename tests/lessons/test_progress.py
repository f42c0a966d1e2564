"""Spaced review and mastery (pure)."""

from __future__ import annotations

from datetime import date, timedelta

from lessons.model import DOMAINS
from lessons.parse import load_lessons
from lessons.progress import (
    REVIEW_LADDER_DAYS,
    LessonResult,
    ReviewState,
    certificate_domains,
    domain_progress,
    is_due,
    lesson_mastery,
    lesson_status,
    mean_best_score,
    schedule_review,
)

TODAY = date(2026, 11, 25)


def test_wrong_answer_is_due_again_tomorrow():
    state = schedule_review(None, is_correct=False, today=TODAY)
    assert state == ReviewState(box=0, due_on=TODAY + timedelta(days=1))
    assert not is_due(state, TODAY) and is_due(state, TODAY + timedelta(days=1))


def test_right_answer_never_missed_needs_no_review():
    assert schedule_review(None, is_correct=True, today=TODAY) is None


def test_review_dates_grow_on_success_then_the_question_is_learned():
    state = schedule_review(None, is_correct=False, today=TODAY)
    gaps = []
    day = TODAY
    while state is not None:
        day = state.due_on
        state = schedule_review(state, is_correct=True, today=day)
        if state is not None:
            gaps.append((state.due_on - day).days)
    assert gaps == list(REVIEW_LADDER_DAYS[1:])
    assert gaps == sorted(gaps) and len(set(gaps)) == len(gaps)


def test_a_miss_during_review_starts_over():
    state = ReviewState(box=2, due_on=TODAY)
    assert schedule_review(state, is_correct=False, today=TODAY) == ReviewState(
        box=0, due_on=TODAY + timedelta(days=1)
    )


def test_lesson_status_and_mastery():
    assert lesson_status(None) == "new" and lesson_mastery(None) == 0.0
    reading = LessonResult("x", step=2, total=3)
    assert lesson_status(reading) == "reading"
    failed = LessonResult("x", best_correct=1, total=3, quiz_count=1, open_reviews=2)
    assert lesson_status(failed) == "failed"
    passed = LessonResult("x", best_correct=3, total=4, quiz_count=1, open_reviews=1)
    assert lesson_status(passed) == "passed" and lesson_mastery(passed) == 0.65
    mastered = LessonResult("x", best_correct=4, total=4, quiz_count=2)
    assert lesson_status(mastered) == "mastered" and lesson_mastery(mastered) == 1.0


def test_domain_progress_counts_passed_lessons_and_spots_completion():
    lessons = load_lessons()
    ai = [lesson for lesson in lessons if lesson.domain == "ai"]
    results = {
        lesson.id: LessonResult(
            lesson.id, best_correct=len(lesson.quiz), total=len(lesson.quiz), quiz_count=1
        )
        for lesson in ai
    }
    one_safety = next(lesson for lesson in lessons if lesson.domain == "an_toan")
    results[one_safety.id] = LessonResult(one_safety.id, best_correct=0, total=3, quiz_count=1)
    summary = {p.domain: p for p in domain_progress(lessons, results)}
    assert set(summary) <= set(DOMAINS)
    assert summary["ai"].is_complete and summary["ai"].mastery == 1.0
    assert not summary["an_toan"].is_complete and summary["an_toan"].passed == 0
    assert certificate_domains(summary.values(), already_certified=[]) == ["ai"]
    assert certificate_domains(summary.values(), already_certified=["ai"]) == []


def test_mean_best_score_ignores_lessons_without_a_quiz():
    results = [
        LessonResult("a", best_correct=3, total=3, quiz_count=1),
        LessonResult("b", best_correct=1, total=2, quiz_count=2),
        LessonResult("c", step=3),
    ]
    assert mean_best_score(results) == 75
    assert mean_best_score([]) == 0
