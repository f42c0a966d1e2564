"""The report's tables as text cells, with small groups hidden (pure).

A count of people from 1 to REPORT_MIN_GROUP - 1 shows as "< N", never as a number, and so does
every count of a group that small (its lessons, quizzes, requests for help), so that no one can
be picked out; averages of fewer than N values show as "—". Zero is zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.model import DOMAINS
from reports.figures import Figures
from reports.summary import AreaReport, CommuneReport, Progress


@dataclass(frozen=True)
class Table:
    id: str  # a short name for files and sheets, e.g. "thon"
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def masked(count: int, minimum: int, group: int | None = None) -> str:
    """`count` as text; "< minimum" when it (or the group it comes from) is small but not zero."""
    small = 0 < count < minimum or (group is not None and 0 < group < minimum)
    return f"< {minimum}" if count and small else str(count)


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%".replace(".", ",")


def _average(value: float | None, values: int, minimum: int, unit: str = "") -> str:
    if value is None or values < minimum:
        return "—"
    return f"{value:g}{unit}".replace(".", ",")


def _progress_cell(progress: Progress, minimum: int) -> str:
    count = masked(progress.count, minimum)
    if progress.denominator is None:
        return count
    if count.startswith("<"):
        return f"{count} / {progress.denominator}"
    return f"{count} / {progress.denominator} ({percent(progress.share)})"


def _activity(f: Figures, minimum: int) -> tuple[str, ...]:
    group = f.learners

    def m(count: int) -> str:
        return masked(count, minimum, group)

    return (
        m(f.learners),
        m(f.active),
        m(f.lessons_completed),
        m(f.quizzes_passed),
        m(f.domains_mastered),
        m(f.certificates),
        f"{m(f.escalations_opened)} / {m(f.escalations_claimed)} / {m(f.escalations_resolved)}",
        _average(f.median_claim_minutes, f.escalations_claimed, minimum),
        _average(f.rating_avg, f.ratings, minimum, "/5"),
    )


ACTIVITY_HEADER = (
    "Người học",
    "Học trong kỳ",
    "Bài hoàn thành",
    "Bài kiểm tra đạt",
    "Lĩnh vực thành thạo",
    "Chứng nhận",
    "Hỗ trợ: mở / nhận / xong",
    "Nhận sau (phút, trung vị)",
    "Đánh giá",
)


def _with_total(report: CommuneReport) -> list[AreaReport]:
    return [*report.areas, report.total]


def progress_table(report: CommuneReport, minimum: int) -> Table:
    header = (
        "Thôn, tổ dân phố",
        "Người trưởng thành",
        *(f"{p.rate.label} (mục tiêu {percent(p.rate.target)})" for p in report.total.progress),
        f"Gia đình số: hộ có người học / số hộ (mục tiêu {percent(report.targets.gia_dinh_so)})",
        f"Đại sứ số kèm ≥ {report.targets.dai_su_so_min_mentees} người / số Đại sứ số",
    )
    rows = []
    for area in _with_total(report):
        households = masked(area.households_reached, minimum)
        share = area.households_reached / area.households if area.households else None
        if area.households and not households.startswith("<"):
            households = f"{households} / {area.households} ({percent(share)})"
        elif area.households:
            households = f"{households} / {area.households}"
        rows.append(
            (
                area.name,
                str(area.adult_population or "—"),
                *(_progress_cell(p, minimum) for p in area.progress),
                households,
                f"{area.ambassadors} / {area.mentors}",
            )
        )
    return Table("chi-tieu", "Tiến độ so với chỉ tiêu", header, tuple(rows))


def activity_table(report: CommuneReport, minimum: int) -> Table:
    rows = tuple((a.name, *_activity(a.figures, minimum)) for a in _with_total(report))
    title = "Kết quả trong kỳ theo thôn, tổ dân phố"
    return Table("thon", title, ("Thôn, tổ", *ACTIVITY_HEADER), rows)


def mentor_table(report: CommuneReport, minimum: int) -> Table:
    header = ("Đại sứ số", "Số người kèm", "Đạt Đại sứ số", *ACTIVITY_HEADER[1:])
    rows = tuple(
        (
            m.name,
            masked(m.mentees, minimum),
            "Đạt" if m.is_ambassador else "Chưa",
            *_activity(m.figures, minimum)[1:],
        )
        for m in report.mentors
    )
    return Table("dai-su-so", "Theo Đại sứ số", header, rows)


def group_table(report: CommuneReport, minimum: int) -> Table:
    rows = tuple((g.label, *_activity(g.figures, minimum)) for g in report.groups)
    return Table("nhom", "Theo nhóm đối tượng", ("Nhóm đối tượng", *ACTIVITY_HEADER), rows)


def domain_table(report: CommuneReport, minimum: int) -> Table:
    header = (
        "Lĩnh vực",
        "Người học trong kỳ",
        "Bài hoàn thành",
        "Bài kiểm tra đạt",
        "Thành thạo trong kỳ",
        "Thành thạo (lũy kế)",
        "Chứng nhận",
    )
    rows = tuple(
        (
            DOMAINS.get(d.domain, d.domain),
            masked(d.learners, minimum),
            masked(d.lessons_completed, minimum, d.learners),
            masked(d.quizzes_passed, minimum, d.learners),
            masked(d.mastered, minimum),
            masked(d.mastered_total, minimum),
            masked(d.certificates, minimum),
        )
        for d in report.domains
    )
    return Table("linh-vuc", "Theo lĩnh vực của khung năng lực số", header, rows)


def report_tables(report: CommuneReport, minimum: int) -> list[Table]:
    """Every table of the report, in the document's order."""
    return [
        build(report, minimum)
        for build in (progress_table, activity_table, mentor_table, group_table, domain_table)
    ]
