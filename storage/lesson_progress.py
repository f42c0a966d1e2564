"""Lesson progress: the step shown last, quiz scores per lesson, what each learner achieved."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from lessons.grading import is_passing
from lessons.model import Lesson
from lessons.progress import LessonResult
from storage.models import Learner, LessonProgress, ReviewItem, utcnow


def get_lesson_progress(
    session: Session, *, learner: Learner, lesson_id: str
) -> LessonProgress | None:
    return session.scalar(
        select(LessonProgress).where(
            LessonProgress.learner_id == learner.id, LessonProgress.lesson_id == lesson_id
        )
    )


def _ensure_progress(session: Session, learner: Learner, lesson: Lesson) -> LessonProgress:
    progress = get_lesson_progress(session, learner=learner, lesson_id=lesson.id)
    if progress is None:
        progress = LessonProgress(
            learner_id=learner.id,
            lesson_id=lesson.id,
            domain=lesson.domain,
            step=0,
            quiz_count=0,
            quiz_total=len(lesson.quiz),
            best_correct=0,
        )
        session.add(progress)
        session.flush()
    return progress


def record_step(session: Session, *, learner: Learner, lesson: Lesson, step: int) -> None:
    """Remember the step shown last (1-based), so "Học tiếp" returns there."""
    progress = _ensure_progress(session, learner, lesson)
    progress.step = step
    progress.updated_at = utcnow()


def record_quiz_result(
    session: Session, *, learner: Learner, lesson: Lesson, correct: int, total: int
) -> LessonProgress:
    """Count a finished lesson quiz: last and best score; the first pass is dated."""
    progress = _ensure_progress(session, learner, lesson)
    progress.quiz_count += 1
    progress.quiz_total = total
    progress.last_correct = correct
    progress.best_correct = max(progress.best_correct, correct)
    if progress.passed_at is None and is_passing(correct, total):
        progress.passed_at = utcnow()
    progress.updated_at = utcnow()
    return progress


def list_lesson_progress(session: Session, *, learner: Learner) -> list[LessonProgress]:
    """The learner's lessons, most recently touched first."""
    return list(
        session.scalars(
            select(LessonProgress)
            .where(LessonProgress.learner_id == learner.id)
            .order_by(LessonProgress.updated_at.desc(), LessonProgress.id.desc())
        )
    )


def lesson_results(session: Session, *, learner: Learner) -> dict[str, LessonResult]:
    """lesson id → what the learner achieved there (scores, step, open review questions)."""
    open_reviews = Counter(
        session.scalars(select(ReviewItem.lesson_id).where(ReviewItem.learner_id == learner.id))
    )
    return {
        p.lesson_id: LessonResult(
            lesson_id=p.lesson_id,
            best_correct=p.best_correct,
            total=p.quiz_total,
            quiz_count=p.quiz_count,
            open_reviews=open_reviews.get(p.lesson_id, 0),
            step=p.step,
        )
        for p in list_lesson_progress(session, learner=learner)
    }
