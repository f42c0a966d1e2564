"""The optional 5-question placement check (pure): which questions, and what the answers mean.

One question from a basic lesson in each of five everyday domains. A right answer marks the
domain as known (the next-step policy then starts elsewhere); a wrong one marks it to learn first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lessons.grading import item_key, parse_item_key
from lessons.model import Lesson

PLACEMENT_DOMAINS = ("thiet_bi", "an_toan", "dinh_danh", "thanh_toan", "thong_tin")
# The everyday lesson each domain is checked with (its first question); when a lesson is
# renamed or removed, the domain's first basic lesson stands in.
PLACEMENT_LESSONS = {
    "thiet_bi": "dt-cai-ung-dung",
    "an_toan": "at-khong-lo-otp",
    "dinh_danh": "vneid-muc-tai-khoan",
    "thanh_toan": "tt-chuyen-khoan-qr",
    "thong_tin": "dt-tin-gia",
}


def placement_items(lessons: Sequence[Lesson]) -> list[str]:
    """Item keys of the check: one question from an everyday lesson of each domain."""
    by_id = {lesson.id: lesson for lesson in lessons}
    items = []
    for domain in PLACEMENT_DOMAINS:
        lesson = by_id.get(PLACEMENT_LESSONS[domain])
        if lesson is None or lesson.domain != domain or not lesson.quiz:
            basics = sorted(
                (x for x in lessons if x.domain == domain and x.level == "co_ban" and x.quiz),
                key=lambda x: x.id,
            )
            lesson = basics[0] if basics else None
        if lesson is not None:
            items.append(item_key(lesson.id, 0))
    return items


@dataclass(frozen=True)
class PlacementResult:
    known: tuple[str, ...]  # domains answered right
    to_learn: tuple[str, ...]  # domains answered wrong, in PLACEMENT_DOMAINS order

    @property
    def start_domain(self) -> str | None:
        return self.to_learn[0] if self.to_learn else None

    def as_mapping(self) -> dict[str, bool]:
        return {**{d: True for d in self.known}, **{d: False for d in self.to_learn}}


def placement_result(
    answers: Mapping[str, bool], catalogue: Mapping[str, Lesson]
) -> PlacementResult:
    """answers: item key → right or wrong. Items whose lesson is gone are left out."""
    right: dict[str, bool] = {}
    for key, is_correct in answers.items():
        lesson = catalogue.get(parse_item_key(key)[0])
        if lesson is not None:
            right[lesson.domain] = right.get(lesson.domain, True) and is_correct
    ordered = [d for d in PLACEMENT_DOMAINS if d in right] + sorted(
        d for d in right if d not in PLACEMENT_DOMAINS
    )
    return PlacementResult(
        known=tuple(d for d in ordered if right[d]),
        to_learn=tuple(d for d in ordered if not right[d]),
    )
