"""Spaced review: per-question review state (box, due date) and the questions due on a day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lessons.progress import ReviewState
from storage.models import Learner, ReviewItem


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
