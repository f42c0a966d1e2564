"""Certificate codes and the PDF (fpdf2 with a Unicode font)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lessons.certificate import (
    CODE_ALPHABET,
    SHIPPED_FONT,
    CertificateData,
    FontMissingError,
    find_font,
    new_code,
    normalise_code,
    render_pdf,
)


def test_codes_are_short_unique_and_survive_sloppy_typing():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    code = next(iter(codes))
    assert len(code) == 9 and code[4] == "-"
    assert normalise_code(code) == code
    assert normalise_code(code.lower().replace("-", " ")) == code


def test_a_mistyped_code_is_refused_by_its_check_character():
    for _ in range(20):
        body = new_code().replace("-", "")
        for position in range(len(body)):
            for typo in CODE_ALPHABET:
                if typo != body[position]:
                    wrong = body[:position] + typo + body[position + 1 :]
                    assert normalise_code(wrong) == "", (body, wrong)
    assert normalise_code("ABC") == "" and normalise_code("") == ""


def test_pdf_holds_vietnamese_text(tmp_path):
    data = CertificateData(
        "Nguyễn Thị Ánh", "An toàn trên mạng", date(2026, 11, 25), new_code(), 11, 87
    )
    pdf = render_pdf(data, find_font())
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    assert b"DejaVu" in pdf  # the Unicode font is embedded (subset)


def test_the_font_ships_with_the_project():
    assert SHIPPED_FONT.is_file()
    assert (SHIPPED_FONT.parent / "LICENSE_DEJAVU").is_file()


def test_missing_font_fails_with_a_clear_message(tmp_path):
    with pytest.raises(FontMissingError, match="fonts-dejavu-core"):
        find_font((tmp_path / "none.ttf", Path("/nowhere/DejaVuSans.ttf")))
