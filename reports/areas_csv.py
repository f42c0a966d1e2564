"""Areas (thôn / tổ dân phố) from a CSV file an official keeps (pure: text in, rows out).

Headers may be Vietnamese or English, with or without accents, in any order:
  Tên thôn (name) · Số người trưởng thành / Dân số trưởng thành (adults) · Số hộ (households)
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from nlu.normalise import normalise, strip_accents

_COLUMNS = {
    "name": ("ten", "ten thon", "thon", "to dan pho", "thon, to dan pho", "name", "area"),
    "adults": (
        "so nguoi truong thanh",
        "nguoi truong thanh",
        "dan so truong thanh",
        "adult_population",
        "adults",
    ),
    "households": ("so ho", "ho", "ho gia dinh", "so ho gia dinh", "households"),
}


@dataclass(frozen=True)
class AreaLine:
    name: str
    adult_population: int
    households: int


def _column(header: str) -> str | None:
    key = strip_accents(normalise(header)).strip()
    return next((column for column, names in _COLUMNS.items() if key in names), None)


def _number(text: str, line: int, what: str) -> int:
    cleaned = text.strip().replace(".", "").replace(",", "").replace(" ", "")
    if not cleaned:
        return 0
    if not cleaned.isdigit():
        raise ValueError(f"dòng {line}: {what} phải là số, không phải {text!r}")
    return int(cleaned)


def parse_areas_csv(text: str) -> list[AreaLine]:
    """Rows of the file; ValueError names the line and the problem (in Vietnamese)."""
    text = text.lstrip("\ufeff")  # Excel writes a BOM
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # Excel in Vietnamese often writes ";"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, [])
    columns = [_column(h) for h in header]
    if "name" not in columns:
        raise ValueError(
            "dòng 1: cần một cột tên thôn (ví dụ: Tên thôn, Số người trưởng thành, Số hộ)"
        )
    lines = []
    for number, cells in enumerate(reader, start=2):
        values = {c: v for c, v in zip(columns, cells, strict=False) if c}
        if not any(v.strip() for v in cells):
            continue
        name = " ".join(values.get("name", "").split())
        if not name:
            raise ValueError(f"dòng {number}: thiếu tên thôn")
        lines.append(
            AreaLine(
                name,
                _number(values.get("adults", ""), number, "số người trưởng thành"),
                _number(values.get("households", ""), number, "số hộ"),
            )
        )
    return lines
