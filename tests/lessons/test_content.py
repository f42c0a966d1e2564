"""Every lesson file passes the linter; the linter catches what it must."""

from __future__ import annotations

from datetime import date

from lessons.lint import check_lesson, lint_directory
from lessons.parse import load_lessons, parse_lesson_text

GOOD = """---
id: thu-nghiem
title: Bài thử
topic: vneid
domain: dinh_danh
level: co_ban
groups: [nguoi_dan]
updated: 2026-11-01
sources:
  - {title: Cổng DVC, url: "https://dichvucong.gov.vn", date: 2025-06-09}
summary: Tóm tắt.
faq:
  - {q: "Hỏi một?", a: Đáp một.}
  - {q: "Hỏi hai?", a: Đáp hai.}
quiz:
  - {q: "Câu 1?", options: [A, B, C], answer: b, why: Vì B.}
  - {q: "Câu 2?", options: [A, B, C], answer: a, why: Vì A.}
  - {q: "Câu 3?", options: [A, B, C, D], answer: d, why: Vì D.}
---
## Bước 1: Một
Nội dung một.

## Bước 2: Hai
Nội dung hai.

## Bước 3: Ba
Nội dung ba.
"""


def test_real_content_has_no_lint_problems():
    assert lint_directory() == []


def test_corpus_is_big_enough_and_covers_every_topic():
    lessons = load_lessons()
    assert len(lessons) >= 60
    assert {lesson.topic for lesson in lessons} >= {
        "vneid",
        "dvc",
        "payment",
        "safety",
        "health",
        "ecommerce",
        "smartphone",
        "framework",
        "ai",
    }


def test_good_lesson_parses_and_passes():
    lesson = parse_lesson_text(GOOD, "x.md")
    assert [s.title for s in lesson.steps] == ["Bước 1: Một", "Bước 2: Hai", "Bước 3: Ba"]
    assert lesson.quiz[2].answer_index == 3
    assert check_lesson(lesson, date(2026, 11, 25)) == []


def test_linter_flags_wrong_answer_future_date_and_http_source():
    bad = (
        GOOD.replace("answer: b", "answer: d")
        .replace("updated: 2026-11-01", "updated: 2027-01-01")
        .replace("https://dichvucong", "http://dichvucong")
    )
    problems = check_lesson(parse_lesson_text(bad, "x.md"), date(2026, 11, 25))
    assert any("answer 'd'" in p for p in problems)
    assert any("future" in p for p in problems)
    assert any("https://" in p for p in problems)


def test_linter_flags_a_request_for_an_otp():
    bad = GOOD.replace("Nội dung một.", "Bác hãy gửi cho tôi mã OTP để kiểm tra.")
    assert any("OTP" in p for p in check_lesson(parse_lesson_text(bad, "x.md"), date(2026, 11, 25)))
