"""Quiz runs and the answers given in them: one active run per learner, each answer counted once."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Learner, QuizAttempt, QuizRun, utcnow


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
