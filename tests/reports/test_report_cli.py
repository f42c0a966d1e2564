"""`python -m bot report`: the files, their cells, the export record, nothing personal in them."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook

from bot.__main__ import build_parser
from config import Settings
from storage.learners import get_learner, log_message
from storage.report_exports import list_exports
from storage.session import session_scope

SECRET = "mã OTP của tôi là 482913, số điện thoại 0912345678"


def _run(url: str, tmp_path, *options: str) -> list[str]:
    settings = Settings(DATABASE_URL=url, VAR_DIR=tmp_path / "var")
    args = build_parser().parse_args(["report", "--out", str(tmp_path / "out"), *options])
    assert args.func(settings, args) == 0
    return sorted(p.name for p in (tmp_path / "out").iterdir())


def test_report_writes_docx_pdf_xlsx_and_records_the_export(commune, tmp_path, capsys):
    names = _run(commune, tmp_path, "--period", "2026-11", "--by", "cli:can-bo")
    assert names == ["bao-cao-2026-11.docx", "bao-cao-2026-11.pdf", "bao-cao-2026-11.xlsx"]
    printed = capsys.readouterr().out.splitlines()
    assert printed == [str(tmp_path / "out" / name) for name in sorted(names, key=_order)]
    with session_scope(commune) as session:
        (export,) = list_exports(session)
        assert (export.actor, export.what, sorted(export.files)) == (
            "cli:can-bo",
            "report 2026-11",
            names,
        )


def _order(name: str) -> int:
    return ["docx", "pdf", "xlsx"].index(name.rsplit(".", 1)[1])


def test_report_xlsx_cells(commune, tmp_path):
    _run(commune, tmp_path, "--period", "2026-11", "--format", "xlsx")
    book = load_workbook(tmp_path / "out" / "bao-cao-2026-11.xlsx")
    assert book.sheetnames == ["chi-tieu", "thon", "dai-su-so", "nhom", "linh-vuc"]
    sheet = book["thon"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["Thôn Đông"][1:3] == (5, "< 5")  # whole numbers are numbers
    assert rows["Thôn Bắc"][1] == 0
    assert rows["Thôn Tây"][1] == "< 5"
    assert sheet["A2"].value == "Thôn, tổ"


def test_report_quarter_csv_and_no_message_text(commune, tmp_path):
    with session_scope(commune) as session:
        learner = get_learner(session, sender_id="web:d0")
        log_message(session, learner=learner, direction="in", text=SECRET)
    names = _run(commune, tmp_path, "--period", "2026-Q4", "--format", "csv", "--format", "docx")
    assert "bao-cao-2026-Q4-thon.csv" in names and "bao-cao-2026-Q4.docx" in names
    texts = [(tmp_path / "out" / n).read_bytes().decode("utf-8-sig") for n in names if ".csv" in n]
    with zipfile.ZipFile(io.BytesIO((tmp_path / "out" / "bao-cao-2026-Q4.docx").read_bytes())) as z:
        texts.append(z.read("word/document.xml").decode())
    assert all("482913" not in t and "0912345678" not in t and "web:" not in t for t in texts)
    assert "quý IV năm 2026" in texts[-1]


def test_report_refuses_a_bad_period(commune, tmp_path, capsys):
    settings = Settings(DATABASE_URL=commune, VAR_DIR=tmp_path / "var")
    args = build_parser().parse_args(["report", "--period", "2026-13"])
    assert args.func(settings, args) == 2
    assert "2026-Q4" in capsys.readouterr().out
