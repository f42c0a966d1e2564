"""A reporting period, "2026-11" (a month) or "2026-Q4" (a quarter), in Việt Nam's local time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

VIETNAM = timedelta(hours=7)  # no daylight saving time
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])")


@dataclass(frozen=True)
class Period:
    label: str  # "2026-11" | "2026-Q4"
    first_day: date
    last_day: date

    @property
    def is_quarter(self) -> bool:
        return "Q" in self.label

    @property
    def year(self) -> int:
        return self.first_day.year

    @property
    def start(self) -> datetime:
        """The first moment, as naive UTC (how the tables store time)."""
        return datetime.combine(self.first_day, datetime.min.time()) - VIETNAM

    @property
    def end(self) -> datetime:
        """The moment after the last day ends, naive UTC (periods are [start, end))."""
        return datetime.combine(self.last_day + timedelta(days=1), datetime.min.time()) - VIETNAM

    @property
    def title(self) -> str:
        """ "tháng 11 năm 2026" | "quý IV năm 2026"."""
        if self.is_quarter:
            roman = ("I", "II", "III", "IV")[(self.first_day.month - 1) // 3]
            return f"quý {roman} năm {self.year}"
        return f"tháng {self.first_day.month} năm {self.year}"


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def parse_period(text: str) -> Period:
    """'2026-11' → November 2026; '2026-Q4' → October to December 2026."""
    text = text.strip()
    if match := _QUARTER.fullmatch(text):
        year, quarter = int(match[1]), int(match[2])
        first_month = 3 * quarter - 2
        return Period(
            f"{year}-Q{quarter}", date(year, first_month, 1), _month_end(year, first_month + 2)
        )
    if (match := _MONTH.fullmatch(text)) and 1 <= int(match[2]) <= 12:
        year, month = int(match[1]), int(match[2])
        return Period(f"{year}-{month:02d}", date(year, month, 1), _month_end(year, month))
    raise ValueError(f"a period is YYYY-MM or YYYY-Qn (e.g. 2026-11, 2026-Q4), not {text!r}")
