"""The report document as DOCX (python-docx), its tables as XLSX (openpyxl) and as CSV."""

from __future__ import annotations

import csv
import io

from reports.document import ReportDocument
from reports.tables import Table
from reports.write_pdf import MOTTO, NATION


def render_docx(document: ReportDocument) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    page = doc.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = page.page_height, page.page_width
    header = doc.add_table(rows=1, cols=2)
    header.cell(0, 0).text = document.commune.upper()
    header.cell(0, 1).text = f"{NATION}\n{MOTTO}\n{document.place_date}"
    for cell in header.rows[0].cells:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, size in ((document.title, 15), (document.subtitle, 12)):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, Pt(size)
    for section in document.sections:
        doc.add_heading(section.heading, level=2)
        for text in section.paragraphs:
            doc.add_paragraph(text)
        if section.table is not None:
            _docx_table(doc, section.table, Pt(8))
    doc.add_paragraph(document.note).runs[0].italic = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_table(doc, table: Table, size) -> None:  # noqa: ANN001 — python-docx objects
    """Row by row: python-docx's `table.cell(r, c)` walks the whole grid on every call."""
    grid = doc.add_table(rows=0, cols=len(table.header))
    grid.style = "Table Grid"
    for r, texts in enumerate((table.header, *table.rows)):
        for cell, text in zip(grid.add_row().cells, texts, strict=True):
            run = cell.paragraphs[0].add_run(text)
            run.font.size = size
            run.bold = r == 0


def render_xlsx(document: ReportDocument) -> bytes:
    """One sheet per table, the header row bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    for table in document.tables:
        sheet = book.create_sheet(table.id[:31])
        sheet.append([f"{table.title} — {document.subtitle}"])
        sheet.append(list(table.header))
        for row in table.rows:
            sheet.append([_number(cell) for cell in row])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "B3"
        sheet.column_dimensions["A"].width = 28
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _number(cell: str) -> int | str:
    """Whole numbers as numbers, so a spreadsheet can sum them; "< 5", "3 / 40 (7,5%)" as text."""
    return int(cell) if cell.isdigit() else cell


def render_csv(table: Table) -> bytes:
    """One table as CSV in UTF-8 with a BOM (Excel opens Vietnamese text right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8-sig")
