"""The 5-question placement check (pure)."""

from __future__ import annotations

from lessons.grading import parse_item_key
from lessons.parse import load_lessons
from lessons.placement import PLACEMENT_DOMAINS, placement_items, placement_result

LESSONS = load_lessons()
CATALOGUE = {lesson.id: lesson for lesson in LESSONS}


def test_placement_asks_one_basic_question_per_everyday_domain():
    items = placement_items(LESSONS)
    assert len(items) == 5
    domains = [CATALOGUE[parse_item_key(key)[0]].domain for key in items]
    assert domains == list(PLACEMENT_DOMAINS)
    assert all(CATALOGUE[parse_item_key(key)[0]].level == "co_ban" for key in items)


def test_placement_falls_back_when_a_chosen_lesson_is_gone():
    without = [lesson for lesson in LESSONS if lesson.id != "at-khong-lo-otp"]
    items = placement_items(without)
    assert len(items) == 5 and "at-khong-lo-otp:0" not in items


def test_placement_result_splits_known_and_to_learn_domains():
    items = placement_items(LESSONS)
    answers = dict(zip(items, [True, False, True, False, True], strict=True))
    result = placement_result(answers, CATALOGUE)
    assert result.known == ("thiet_bi", "dinh_danh", "thong_tin")
    assert result.to_learn == ("an_toan", "thanh_toan")
    assert result.start_domain == "an_toan"
    assert result.as_mapping()["an_toan"] is False
