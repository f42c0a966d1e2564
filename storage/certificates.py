"""Certificates of completion: issue once per learner and domain, find by verification code."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Certificate, Learner


def issue_certificate(
    session: Session,
    *,
    learner: Learner,
    domain: str,
    holder_name: str,
    lessons_count: int,
    mean_score: int,
    issued_on: date,
    code: str,
) -> Certificate:
    """The learner's certificate for `domain`, created now unless it exists already."""
    existing = session.scalar(
        select(Certificate).where(
            Certificate.learner_id == learner.id, Certificate.domain == domain
        )
    )
    if existing is not None:
        return existing
    certificate = Certificate(
        learner_id=learner.id,
        code=code,
        domain=domain,
        holder_name=holder_name[:120],
        lessons_count=lessons_count,
        mean_score=mean_score,
        issued_on=issued_on,
    )
    session.add(certificate)
    session.flush()
    return certificate


def list_certificates(session: Session, *, learner: Learner) -> list[Certificate]:
    return list(
        session.scalars(
            select(Certificate).where(Certificate.learner_id == learner.id).order_by(Certificate.id)
        )
    )


def find_certificate(session: Session, *, code: str) -> Certificate | None:
    """The certificate with this code (already normalised, e.g. "7KQ2-M9XD")."""
    return session.scalar(select(Certificate).where(Certificate.code == code))
