"""Figures on a seeded commune with known answers (see conftest.py)."""

from __future__ import annotations

import yaml

from reports.period import parse_period
from reports.summary import CommuneReport, build_report
from reports.tables import activity_table, mentor_table, progress_table
from reports.targets import TARGETS_FILE, parse_targets
from storage.report_rows import fetch_report_rows
from storage.session import session_scope
from tests.reports.conftest import CATALOGUE


def _report(url: str, period: str) -> CommuneReport:
    chosen = parse_period(period)
    data = yaml.safe_load(TARGETS_FILE.read_text(encoding="utf-8"))
    targets = parse_targets({**data, "commune": "Xã Thử", "basic_level_domains": 2}, 2026)
    with session_scope(url) as session:
        rows = fetch_report_rows(session, start=chosen.start, end=chosen.end)
    return build_report(rows, CATALOGUE, targets, chosen)


def _area(report: CommuneReport, name: str):
    return next(a for a in report.areas if a.name == name)


def test_figures_commune_totals_in_november(commune):
    total = _report(commune, "2026-11").total
    f = total.figures
    assert (f.learners, f.active) == (9, 4)  # the deleted learner still counts
    assert (f.lessons_completed, f.quizzes_passed, f.domains_mastered) == (4, 4, 2)
    assert (f.basic_level, f.vneid_confirmed, f.certificates) == (1, 1, 0)
    assert (f.escalations_opened, f.escalations_claimed, f.escalations_resolved) == (1, 1, 1)
    assert (f.median_claim_minutes, f.rating_avg, f.ratings) == (30.0, 5.0, 1)
    assert (total.households, total.households_reached) == (70, 2)
    assert (total.mentors, total.ambassadors) == (2, 1)
    progress = {p.rate.id: (p.count, p.denominator) for p in total.progress}
    assert progress["nguoi_truong_thanh"] == (1, 180)
    assert progress["vneid"] == (1, 180)
    assert progress["can_bo"] == (0, None)  # the officials' number is not in targets.yml


def test_figures_per_area(commune):
    report = _report(commune, "2026-11")
    east = _area(report, "Thôn Đông")
    assert (east.figures.learners, east.figures.active, east.households_reached) == (5, 2, 2)
    assert (east.ambassadors, east.mentors) == (1, 1)
    assert [p.count for p in east.progress if p.rate.id == "vneid"] == [1]


def test_figures_deleted_learner_still_counts_in_their_area(commune):
    west = _area(_report(commune, "2026-11"), "Thôn Tây").figures
    assert (west.learners, west.active, west.lessons_completed, west.quizzes_passed) == (4, 2, 1, 1)


def test_figures_empty_area_is_all_zero(commune):
    report = _report(commune, "2026-11")
    north = _area(report, "Thôn Bắc")
    assert north.figures.learners == 0 and north.households_reached == 0
    assert north.figures.median_claim_minutes is None
    row = next(r for r in activity_table(report, 5).rows if r[0] == "Thôn Bắc")
    assert row[1:7] == ("0",) * 6 and row[-2:] == ("—", "—")


def test_figures_period_with_no_activity(commune):
    report = _report(commune, "2026-09")
    f = report.total.figures
    assert f.learners == 0  # nobody had joined yet
    assert (f.active, f.lessons_completed, f.escalations_opened) == (0, 0, 0)
    assert f.median_claim_minutes is None and f.rating_avg is None
    october = _report(commune, "2026-10").total.figures
    assert (october.learners, october.active, october.escalations_opened) == (9, 0, 1)
    assert october.lessons_completed == 0 and october.basic_level == 0


def test_figures_quarter_covers_its_three_months(commune):
    f = _report(commune, "2026-Q4").total.figures
    assert (f.escalations_opened, f.escalations_claimed, f.lessons_completed) == (2, 2, 4)


def test_figures_mentor_with_four_and_with_five_mentees(commune):
    report = _report(commune, "2026-11")
    mentors = {m.name: m for m in report.mentors}
    assert (mentors["Lan"].mentees, mentors["Lan"].is_ambassador) == (5, True)
    assert (mentors["Minh"].mentees, mentors["Minh"].is_ambassador) == (4, False)
    assert mentors["Lan"].figures.escalations_claimed == 1
    assert mentors["Minh"].figures.escalations_claimed == 0  # his was in October
    rows = {r[0]: r for r in mentor_table(report, 5).rows}
    assert rows["Lan"][1:3] == ("5", "Đạt")
    assert rows["Minh"][1:3] == ("< 5", "Chưa")


def test_figures_small_groups_show_as_fewer_than_n(commune):
    report = _report(commune, "2026-11")
    rows = {r[0]: r for r in activity_table(report, 5).rows}
    assert rows["Thôn Tây"][1:3] == ("< 5", "< 5")  # four learners: never shown one by one
    assert rows["Thôn Đông"][1:3] == ("5", "< 5")
    assert rows["Thôn Đông"][-1] == "—"  # one rating is not shown
    progress = {r[0]: r for r in progress_table(report, 5).rows}
    assert progress["Thôn Đông"][-2] == "< 5 / 40"
    assert progress["Xã Thử"][1] == "180"


def test_figures_per_target_group_and_domain(commune):
    report = _report(commune, "2026-11")
    groups = {g.key: g.figures for g in report.groups}
    assert groups["nguoi_dan"].learners == 9 and groups["cbccvc"].learners == 0
    domains = {d.domain: d for d in report.domains}
    assert (domains["thiet_bi"].lessons_completed, domains["thiet_bi"].mastered) == (3, 1)
    assert (domains["an_toan"].learners, domains["an_toan"].mastered_total) == (1, 1)
