"""`python -m bot report --period 2026-11|2026-Q4 [--format docx|pdf|xlsx|csv] [--out DIR]`.

Writes the commune's report (DOCX and PDF, the figures as XLSX; CSV on request, one file per
table), prints each written file's path on its own line, and records the export (who, when,
what) in the database. The files hold figures only: no message text, no personal numbers.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from datetime import date
from pathlib import Path

from config import Settings
from lessons.certificate import find_font
from lessons.parse import load_lessons
from reports.document import ReportDocument, build_document
from reports.period import parse_period
from reports.summary import build_report
from reports.targets import TARGETS_FILE, load_targets
from reports.write_office import render_csv, render_docx, render_xlsx
from reports.write_pdf import render_pdf
from storage.report_exports import record_export
from storage.report_rows import fetch_report_rows
from storage.session import session_scope, upgrade_database

FORMATS = ("docx", "pdf", "xlsx", "csv")
DEFAULT_FORMATS = ("docx", "pdf", "xlsx")


def build_report_document(settings: Settings, period_text: str, today: date) -> ReportDocument:
    """Fetch the period's rows, compute every figure and compose the document."""
    period = parse_period(period_text)
    targets = load_targets(period.year, settings.REPORT_TARGETS_FILE or TARGETS_FILE)
    catalogue = {lesson.id: lesson.domain for lesson in load_lessons()}
    with session_scope(settings.database_url) as session:
        rows = fetch_report_rows(session, start=period.start, end=period.end)
    report = build_report(rows, catalogue, targets, period)
    return build_document(report, settings.REPORT_MIN_GROUP, today)


def rendered_files(document: ReportDocument, stem: str, formats: list[str]) -> dict[str, bytes]:
    """File name → content, for each format asked for."""
    files: dict[str, bytes] = {}
    if "docx" in formats:
        files[f"{stem}.docx"] = render_docx(document)
    if "pdf" in formats:
        files[f"{stem}.pdf"] = render_pdf(document, find_font())
    if "xlsx" in formats:
        files[f"{stem}.xlsx"] = render_xlsx(document)
    if "csv" in formats:
        for table in document.tables:
            files[f"{stem}-{table.id}.csv"] = render_csv(table)
    return files


def command_report(settings: Settings, args: argparse.Namespace) -> int:
    try:
        period = parse_period(args.period)
    except ValueError:
        print(f"Kỳ báo cáo {args.period!r} chưa đúng: ghi 2026-11 (tháng) hoặc 2026-Q4 (quý).")
        return 2
    upgrade_database(settings.database_url)
    began = time.perf_counter()
    document = build_report_document(settings, period.label, date.today())
    formats = args.format or list(DEFAULT_FORMATS)
    files = rendered_files(document, f"bao-cao-{period.label}", formats)
    out = Path(args.out or settings.VAR_DIR / "reports")
    out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (out / name).write_bytes(content)
        print(out / name)
    with session_scope(settings.database_url) as session:
        record_export(session, actor=args.by, what=f"report {period.label}", files=list(files))
    seconds = time.perf_counter() - began
    print(f"(báo cáo {period.label}: {len(files)} tệp trong {seconds:.1f} giây)", file=sys.stderr)
    return 0


def add_report_parser(sub: argparse._SubParsersAction) -> None:
    """Register `report …` on the main CLI."""
    report = sub.add_parser("report", help="write the commune's monthly or quarterly report")
    report.add_argument("--period", required=True, help="2026-11 (a month) or 2026-Q4 (a quarter)")
    report.add_argument(
        "--format",
        action="append",
        choices=FORMATS,
        help="repeat for several; default: docx, pdf and xlsx",
    )
    report.add_argument("--out", help="folder for the files; default: VAR_DIR/reports")
    report.add_argument(
        "--by", default=f"cli:{getpass.getuser()}", help="who exports (kept in the export record)"
    )
    report.set_defaults(func=command_report)
