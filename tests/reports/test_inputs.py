"""Periods, the targets file and the areas CSV (pure)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reports.areas_csv import AreaLine, parse_areas_csv
from reports.period import parse_period
from reports.targets import load_targets, parse_targets


def test_period_month_and_quarter_in_local_time():
    november = parse_period("2026-11")
    assert (november.first_day, november.last_day) == (date(2026, 11, 1), date(2026, 11, 30))
    assert november.start == datetime(2026, 10, 31, 17)  # 00:00 in Việt Nam is 17:00 UTC
    quarter = parse_period("2026-q4")
    assert (quarter.label, quarter.last_day, quarter.title) == (
        "2026-Q4",
        date(2026, 12, 31),
        "quý IV năm 2026",
    )
    assert parse_period("2027-2").title == "tháng 2 năm 2027"


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "11/2026", ""])
def test_period_rejects_other_shapes(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_targets_file_has_the_five_provincial_rates_for_2026():
    targets = load_targets(2026)
    assert [(r.id, r.target) for r in targets.rates] == [
        ("can_bo", 1.0),
        ("hoc_sinh", 1.0),
        ("nguoi_truong_thanh", 1.0),
        ("vneid", 0.9),
        ("lao_dong", 1.0),
    ]
    assert (targets.gia_dinh_so, targets.dai_su_so_min_mentees) == (1.0, 5)
    assert load_targets(2027).rates == targets.rates  # a later year keeps the last targets


def test_targets_refuse_a_year_before_any_and_a_bad_rate():
    with pytest.raises(ValueError):
        parse_targets({"years": {2026: {}}}, 2025)
    bad = {"years": {2026: {"rates": [{"id": "x", "label": "x", "measure": "x", "target": 1}]}}}
    with pytest.raises(ValueError):
        parse_targets(bad, 2026)


def test_areas_csv_vietnamese_headers_semicolons_and_thousands():
    text = "\ufeffTên thôn;Số người trưởng thành;Số hộ\nThôn Đông;1.250;480\n;;\nTổ 3;300;\n"
    assert parse_areas_csv(text) == [AreaLine("Thôn Đông", 1250, 480), AreaLine("Tổ 3", 300, 0)]
    english = "households,name,adults\n12,Hamlet A,40\n"
    assert parse_areas_csv(english) == [AreaLine("Hamlet A", 40, 12)]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Số hộ\n3\n", "dòng 1"),
        ("Tên thôn,Số hộ\nA,ba\n", "dòng 2"),
        ("Thôn,Số hộ\n,3\n", "dòng 2"),
    ],
)
def test_areas_csv_names_the_bad_line(text, line):
    with pytest.raises(ValueError, match=line):
        parse_areas_csv(text)
