"""The report an official sends, as plain parts (pure): headings, paragraphs and tables.

The writers (reports/writers.py) turn it into DOCX, PDF, XLSX or CSV. It carries figures only:
no message text, no phone or ID numbers; small groups are hidden by reports/tables.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reports.summary import CommuneReport
from reports.tables import Table, masked, percent, report_tables

TO_FILL = "[Cán bộ điền: {what}]"


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class ReportDocument:
    commune: str
    title: str
    subtitle: str
    place_date: str
    sections: tuple[Section, ...]
    note: str

    @property
    def tables(self) -> list[Table]:
        return [s.table for s in self.sections if s.table is not None]


def _summary(report: CommuneReport, minimum: int) -> tuple[str, ...]:
    total, f = report.total, report.total.figures
    households = masked(total.households_reached, minimum)
    share = total.households_reached / total.households if total.households else None
    return (
        f"Người dân đã dùng Trợ lý số để học: {masked(f.learners, minimum)} người; học trong kỳ: "
        f"{masked(f.active, minimum)} người; bài học hoàn thành: "
        f"{masked(f.lessons_completed, minimum, f.learners)}; bài kiểm tra đạt: "
        f"{masked(f.quizzes_passed, minimum, f.learners)}; chứng nhận đã cấp: "
        f"{masked(f.certificates, minimum, f.learners)}.",
        f"Đạt kỹ năng số cơ bản (hoàn thành ít nhất {report.targets.basic_level_domains} lĩnh "
        f"vực): {masked(f.basic_level, minimum)} người; tự báo đã được xác nhận mức cơ bản trên "
        f"VNeID: {masked(f.vneid_confirmed, minimum)} người (Trợ lý số không xem được VNeID, "
        "số liệu do người dân hoặc Đại sứ số báo).",
        f"Gia đình số (hộ có ít nhất một người học): {households} / {total.households or '—'} hộ"
        + ("" if households.startswith("<") else f" ({percent(share)})")
        + f"; Đại sứ số kèm cặp từ {report.targets.dai_su_so_min_mentees} người trở lên: "
        f"{total.ambassadors} / {total.mentors} Đại sứ số.",
        f"Lượt người dân được hỗ trợ trực tiếp: mở {masked(f.escalations_opened, minimum)}, "
        f"đã nhận {masked(f.escalations_claimed, minimum)}, đã xong "
        f"{masked(f.escalations_resolved, minimum)}.",
    )


def build_document(
    report: CommuneReport, minimum: int, today: date, place: str = "……"
) -> ReportDocument:
    """The monthly or quarterly report of `report` (figures hidden below `minimum` people)."""
    tables = report_tables(report, minimum)
    period = report.period
    kind = "quý" if period.is_quarter else "tháng"
    return ReportDocument(
        commune=report.targets.commune,
        title="BÁO CÁO",
        subtitle=(
            f"Kết quả thực hiện phong trào “Bình dân học vụ số” {period.title} "
            f"(từ {period.first_day:%d/%m/%Y} đến {period.last_day:%d/%m/%Y})"
        ),
        place_date=f"{place}, ngày {today.day} tháng {today.month} năm {today.year}",
        sections=(
            Section("I. Kết quả chung", _summary(report, minimum)),
            Section(
                f"II. Tiến độ so với chỉ tiêu năm {report.targets.year}",
                ("Số đã đạt / mẫu số (tỷ lệ) theo từng thôn, tổ dân phố và toàn xã.",),
                tables[0],
            ),
            Section(f"III. Kết quả trong {kind}", (), tables[1]),
            Section("IV. Đại sứ số", (), tables[2]),
            Section("V. Theo nhóm đối tượng", (), tables[3]),
            Section("VI. Theo lĩnh vực", (), tables[4]),
            Section("VII. Điểm nổi bật", (TO_FILL.format(what="những kết quả, cách làm hay"),)),
            Section(
                "VIII. Khó khăn, vướng mắc và đề xuất",
                (TO_FILL.format(what="khó khăn, vướng mắc; đề xuất, kiến nghị"),),
            ),
        ),
        note=(
            f"Số liệu do Trợ lý số tổng hợp. Nhóm dưới {minimum} người ghi “< {minimum}” để không "
            "nhận ra từng người; người đã xóa dữ liệu vẫn được tính, ẩn danh."
        ),
    )
