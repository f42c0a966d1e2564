"""Certificates of completion: verification codes and the PDF (fpdf2 with a Unicode TTF font).

Vietnamese needs a Unicode font. We ship DejaVu Sans (lessons/fonts/, free licence in
LICENSE_DEJAVU, copied from matplotlib's package data); the system copy is the fallback.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

SHIPPED_FONT = Path(__file__).parent / "fonts" / "DejaVuSans.ttf"
FONT_CANDIDATES = (
    SHIPPED_FONT,
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U
_READ_AS = {"I": "1", "L": "1", "O": "0", "U": "V"}
OFFICIAL_SITE = "https://binhdanhocvuso.gov.vn"

TITLE = "GIẤY CHỨNG NHẬN HOÀN THÀNH"
SUBTITLE = "Trợ lý số của xã · Phong trào Bình dân học vụ số"
CERTIFIES = "Chứng nhận bác/anh/chị"
COMPLETED = "đã học và làm đạt bài kiểm tra của tất cả {count} bài thuộc chủ đề"
SCORE = "Điểm trung bình: {score}%"
ISSUED = "Ngày cấp: {day:02d}/{month:02d}/{year}"
CODE_LINE = "Mã xác minh: {code}"
NOT_OFFICIAL = (
    "Đây là giấy chứng nhận hoàn thành các bài học của Trợ lý số, không phải xác nhận chính thức "
    "mức độ phổ cập kỹ năng số. Xác nhận chính thức: học và làm bài kiểm tra trên "
    f"{OFFICIAL_SITE} (đăng nhập bằng VNeID); kết quả được ghi nhận trên VNeID."
)
VERIFY_HINT = "Đại sứ số hoặc cán bộ xã kiểm tra mã này trên Trợ lý số."


class FontMissingError(RuntimeError):
    """No Unicode TTF font to draw Vietnamese text with."""


@dataclass(frozen=True)
class CertificateData:
    holder_name: str
    domain_title: str
    issued_on: date
    code: str
    lessons_count: int
    mean_score: int


def new_code() -> str:
    """A fresh verification code such as "7KQ2-M9XD" (7 random characters and a check one)."""
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(7))
    return _format(body + _check_char(body))


def normalise_code(text: str) -> str:
    """What a person typed ("7kq2 m9xd", "7KQ2-M9XD") in the stored form, "" if malformed."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    raw = "".join(_READ_AS.get(ch, ch) for ch in raw)
    if len(raw) != 8 or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return _format(raw) if _check_char(raw[:7]) == raw[7] else ""


def _check_char(body: str) -> str:
    # Odd weights are coprime with 32, so any single mistyped character changes the sum.
    total = sum((2 * index + 1) * CODE_ALPHABET.index(ch) for index, ch in enumerate(body))
    return CODE_ALPHABET[total % len(CODE_ALPHABET)]


def _format(raw: str) -> str:
    return f"{raw[:4]}-{raw[4:]}"


def pdf_path(directory: Path, code: str) -> Path:
    """Where the PDF of certificate `code` is kept: <directory>/<code>.pdf."""
    return directory / f"{code}.pdf"


def find_font(candidates: tuple[Path, ...] = FONT_CANDIDATES) -> Path:
    """The first Unicode font that exists; FontMissingError says what to install otherwise."""
    for path in candidates:
        if path.is_file():
            return path
    raise FontMissingError(
        "Không tìm thấy phông chữ Unicode để in giấy chứng nhận tiếng Việt. Cài gói "
        "fonts-dejavu-core (Debian/Ubuntu) hoặc đặt DejaVuSans.ttf vào lessons/fonts/. "
        f"Đã tìm: {', '.join(str(p) for p in candidates)}"
    )


def render_pdf(data: CertificateData, font_path: Path) -> bytes:
    """The certificate as a one-page A4 landscape PDF."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(font_path))
    pdf.set_draw_color(180, 30, 30)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_y(22)
    lines = [  # (font size, line height, text)
        (26, 20, TITLE),
        (13, 14, SUBTITLE),
        (14, 14, CERTIFIES),
        (26, 18, data.holder_name),
        (14, 12, COMPLETED.format(count=data.lessons_count)),
        (20, 16, f"«{data.domain_title}»"),
        (13, 9, SCORE.format(score=data.mean_score)),
        (13, 9, _issued(data.issued_on)),
        (13, 14, CODE_LINE.format(code=data.code)),
    ]
    for size, height, text in lines:
        pdf.set_font("DejaVu", size=size)
        pdf.cell(0, height, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    pdf.set_x(30)
    pdf.multi_cell(237, 5, f"{NOT_OFFICIAL}\n{VERIFY_HINT}", align="C")
    return bytes(pdf.output())


def _issued(day: date) -> str:
    return ISSUED.format(day=day.day, month=day.month, year=day.year)
