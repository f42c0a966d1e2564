"""The record of every report export: who, when, what (issue 14, item 7)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.report_models import ReportExport


def record_export(session: Session, *, actor: str, what: str, files: list[str]) -> ReportExport:
    """Remember that `actor` exported `what` (e.g. "report 2026-11") as these file names."""
    export = ReportExport(actor=actor[:120], what=what[:64], files=files)
    session.add(export)
    session.flush()
    return export


def list_exports(session: Session, *, limit: int = 50) -> list[ReportExport]:
    """The latest exports, newest first."""
    return list(session.scalars(select(ReportExport).order_by(ReportExport.id.desc()).limit(limit)))
