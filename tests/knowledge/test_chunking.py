"""Lessons → passages: ids, kinds, headings and what is indexed."""

from __future__ import annotations

from knowledge.chunking import chunk_lesson, chunk_lessons, strip_step_number


def test_chunk_lesson_ids_and_kinds(small_lessons) -> None:
    passages = chunk_lesson(small_lessons[0])
    assert [p.id for p in passages] == ["vneid-muc-2#summary", "vneid-muc-2#step1",
                                        "vneid-muc-2#faq1"]
    assert [p.kind for p in passages] == ["summary", "step", "faq"]


def test_chunk_lesson_faq_heading_is_the_question(small_lessons) -> None:
    faq = chunk_lesson(small_lessons[0])[2]
    assert faq.heading == "Làm VNeID mức 2 có mất tiền không?"
    assert faq.text == "Đăng ký VNeID miễn phí."
    assert faq.heading in faq.search_text and "lam vneid" in faq.search_text
    assert faq.source_url == "https://dichvucong.gov.vn"


def test_chunk_lesson_step_heading_loses_its_number(small_lessons) -> None:
    step = chunk_lesson(small_lessons[0])[1]
    assert step.heading == "Mang thẻ căn cước"
    assert step.embed_text.startswith("Đăng ký VNeID mức 2. Mang thẻ căn cước. ")


def test_strip_step_number_variants() -> None:
    assert strip_step_number("Bước 2: Nhờ bưu điện") == "Nhờ bưu điện"
    assert strip_step_number("bước 10 - Xong") == "Xong"
    assert strip_step_number("Chuẩn bị") == "Chuẩn bị"


def test_chunk_lessons_keeps_lesson_order(small_lessons) -> None:
    ids = [p.lesson_id for p in chunk_lessons(small_lessons)]
    assert ids == sorted(ids, key=[lesson.id for lesson in small_lessons].index)
