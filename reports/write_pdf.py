"""The report document as PDF (fpdf2, A4 landscape, the Unicode font shipped in lessons/fonts)."""

from __future__ import annotations

from pathlib import Path

from reports.document import ReportDocument

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def render_pdf(document: ReportDocument, font_path: Path) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_font("DejaVu", "", str(font_path))
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    width = pdf.epw / 2
    top = pdf.get_y()
    pdf.multi_cell(width, 5, document.commune.upper(), align="C")
    pdf.set_xy(pdf.l_margin + width, top)
    pdf.multi_cell(width, 5, f"{NATION}\n{MOTTO}", align="C")
    pdf.set_x(pdf.l_margin + width)
    pdf.multi_cell(width, 8, document.place_date, align="C")
    pdf.set_font("DejaVu", size=15)
    pdf.cell(0, 10, document.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, document.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    for section in document.sections:
        pdf.ln(3)
        pdf.set_font("DejaVu", size=12)
        pdf.multi_cell(0, 7, section.heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=10)
        for paragraph in section.paragraphs:
            pdf.multi_cell(0, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        if section.table is not None:
            pdf.set_font("DejaVu", size=7.5)
            heading = FontFace(fill_color=(225, 232, 240))
            with pdf.table(headings_style=heading, line_height=4, text_align="CENTER") as table:
                for cells in (section.table.header, *section.table.rows):
                    row = table.row()
                    for cell in cells:
                        row.cell(cell)
    pdf.ln(4)
    pdf.set_font("DejaVu", size=8.5)
    pdf.multi_cell(0, 4.5, document.note, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
