"""Learning records: settings, lesson progress, quiz runs and attempts, review, reminders."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lessons.grading import is_passing
from lessons.model import Lesson
from lessons.progress import LessonResult, ReviewState
from storage.models import (
    Learner,
    LearningProfile,
    LessonProgress,
    QuizAttempt,
    QuizRun,
    ReviewItem,
    utcnow,
)

# ---- profile and settings


def get_profile(session: Session, *, learner: Learner) -> LearningProfile | None:
    return session.get(LearningProfile, learner.id)


def ensure_profile(session: Session, *, learner: Learner) -> LearningProfile:
    profile = get_profile(session, learner=learner)
    if profile is None:
        profile = LearningProfile(learner_id=learner.id, elderly_mode=False)
        session.add(profile)
        session.flush()
    return profile


def record_consent(session: Session, *, learner: Learner, agreed: bool) -> None:
    learner.consent = agreed
    learner.consent_at = utcnow()
    if agreed:
        learner.anonymised_at = None  # a learner who deleted their data and starts again


def set_target_group(session: Session, *, learner: Learner, group: str | None) -> None:
    learner.target_group = group


def set_area(session: Session, *, learner: Learner, area: str | None) -> None:
    learner.area = area[:120] if area else None


def set_display_name(session: Session, *, learner: Learner, name: str) -> None:
    learner.display_name = name[:120]


def set_elderly_mode(session: Session, *, learner: Learner, on: bool) -> None:
    ensure_profile(session, learner=learner).elderly_mode = on


def set_reminder(session: Session, *, learner: Learner, hour: int | None) -> None:
    """A daily reminder at `hour` (local time, 7..20), or none."""
    if hour is not None and not 7 <= hour <= 20:
        raise ValueError(f"reminders are sent between 7 and 20 h, not at {hour}")
    ensure_profile(session, learner=learner).reminder_hour = hour


def save_placement(session: Session, *, learner: Learner, placement: dict[str, bool]) -> None:
    profile = ensure_profile(session, learner=learner)
    profile.placement = dict(placement)
    profile.placement_at = utcnow()


# ---- lesson progress


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


# ---- quiz runs and attempts


def start_run(
    session: Session,
    *,
    learner: Learner,
    kind: str,
    items: list[str],
    lesson_id: str | None = None,
    keep_record: bool = True,
) -> QuizRun:
    """A new run; any other active run of the learner is abandoned (one quiz at a time)."""
    if not items:
        raise ValueError("a quiz run needs at least one item")
    session.execute(
        update(QuizRun)
        .where(QuizRun.learner_id == learner.id, QuizRun.status == "active")
        .values(status="abandoned", updated_at=utcnow())
    )
    run = QuizRun(
        learner_id=learner.id,
        kind=kind,
        lesson_id=lesson_id,
        items=list(items),
        position=0,
        correct=0,
        status="active",
        keep_record=keep_record,
    )
    session.add(run)
    session.flush()
    return run


def get_active_run(session: Session, *, learner: Learner) -> QuizRun | None:
    return session.scalar(
        select(QuizRun)
        .where(QuizRun.learner_id == learner.id, QuizRun.status == "active")
        .order_by(QuizRun.id.desc())
        .limit(1)
    )


def get_run(session: Session, *, run_id: int) -> QuizRun | None:
    return session.get(QuizRun, run_id)


def record_answer(
    session: Session,
    *,
    run: QuizRun,
    choice: str,
    is_correct: bool,
    via: str,
) -> QuizAttempt | None:
    """Store the answer to the run's current item and move on; None if it was answered already.

    The unique (run, position) constraint makes a double tap or a duplicate delivery count once.
    """
    if run.status != "active":
        return None
    lesson_id, _, index = run.items[run.position].rpartition(":")
    attempt = QuizAttempt(
        run_id=run.id,
        learner_id=run.learner_id,
        position=run.position,
        lesson_id=lesson_id,
        question_index=int(index),
        choice=choice,
        is_correct=is_correct,
        via=via,
    )
    try:
        with session.begin_nested():
            session.add(attempt)
            session.flush()
    except IntegrityError:
        session.refresh(run)
        return None
    run.position += 1
    run.correct += int(is_correct)
    if run.position >= len(run.items):
        run.status = "finished"
        run.finished_at = utcnow()
    return attempt


def list_attempts(session: Session, *, run: QuizRun) -> list[QuizAttempt]:
    return list(
        session.scalars(
            select(QuizAttempt).where(QuizAttempt.run_id == run.id).order_by(QuizAttempt.position)
        )
    )


def count_attempts(session: Session, *, learner: Learner) -> int:
    return session.scalar(
        select(func.count()).select_from(QuizAttempt).where(QuizAttempt.learner_id == learner.id)
    )


def delete_run(session: Session, *, run: QuizRun) -> None:
    """Forget a run and its answers (a learner who did not agree to keep results)."""
    session.execute(delete(QuizAttempt).where(QuizAttempt.run_id == run.id))
    session.delete(run)


# ---- spaced review


def get_review(
    session: Session, *, learner: Learner, lesson_id: str, question_index: int
) -> ReviewState | None:
    item = _review_item(session, learner.id, lesson_id, question_index)
    return ReviewState(box=item.box, due_on=item.due_on) if item else None


def _review_item(
    session: Session, learner_id: int, lesson_id: str, question_index: int
) -> ReviewItem | None:
    return session.scalar(
        select(ReviewItem).where(
            ReviewItem.learner_id == learner_id,
            ReviewItem.lesson_id == lesson_id,
            ReviewItem.question_index == question_index,
        )
    )


def save_review(
    session: Session,
    *,
    learner: Learner,
    lesson_id: str,
    question_index: int,
    state: ReviewState | None,
) -> None:
    """Store the question's review state; None removes it (learned, or never missed)."""
    item = _review_item(session, learner.id, lesson_id, question_index)
    if state is None:
        if item is not None:
            session.delete(item)
        return
    if item is None:
        item = ReviewItem(learner_id=learner.id, lesson_id=lesson_id, question_index=question_index)
        session.add(item)
    item.box = state.box
    item.due_on = state.due_on
    session.flush()


def due_reviews(
    session: Session, *, learner: Learner, today: date, limit: int = 50
) -> list[ReviewItem]:
    """Questions due for review on `today`, the longest waiting first."""
    return list(
        session.scalars(
            select(ReviewItem)
            .where(ReviewItem.learner_id == learner.id, ReviewItem.due_on <= today)
            .order_by(ReviewItem.due_on, ReviewItem.id)
            .limit(limit)
        )
    )


# ---- reminders


def list_due_reminders(
    session: Session, *, hour: int, today: date
) -> list[tuple[Learner, LearningProfile]]:
    """Learners who agreed, asked for a reminder at `hour` and have not had one today."""
    rows = session.execute(
        select(Learner, LearningProfile)
        .join(LearningProfile, LearningProfile.learner_id == Learner.id)
        .where(
            Learner.consent.is_(True),
            Learner.anonymised_at.is_(None),
            LearningProfile.reminder_hour == hour,
            or_(
                LearningProfile.reminder_sent_on.is_(None), LearningProfile.reminder_sent_on < today
            ),
        )
        .order_by(Learner.id)
    )
    return [(learner, profile) for learner, profile in rows]


def mark_reminder_sent(session: Session, *, profile: LearningProfile, today: date) -> None:
    profile.reminder_sent_on = today
