"""Reading typed and pressed quiz answers, grading, pass mark, progress bar (pure)."""

from __future__ import annotations

import pytest

from lessons.grading import (
    ParsedChoice,
    grade_answer,
    is_passing,
    item_key,
    needed_to_pass,
    parse_choice,
    parse_item_key,
    progress_bar,
    question_for,
)
from lessons.model import Question
from lessons.parse import load_lessons

VNEID = (
    "Tự đăng ký trên ứng dụng là xong",
    "Đến công an xã/phường để chụp ảnh, lấy vân tay",
    "Gọi điện cho tổng đài để đăng ký",
)
DAYS = ("15 ngày", "60 ngày", "1 năm")


@pytest.mark.parametrize(
    "typed, letter",
    [
        ("b", "b"),
        ("B", "b"),
        ("B.", "b"),
        ("(c)", "c"),
        ("câu b", "b"),
        ("cau b", "b"),
        ("dap an b", "b"),
        ("Đáp án B ạ", "b"),
        ("tôi chọn b nhé", "b"),
        ("2", "b"),
        ("Đến công an xã/phường để chụp ảnh, lấy vân tay", "b"),
        ("den cong an xa phuong de chup anh lay van tay", "b"),
        ("chụp ảnh lấy vân tay", "b"),
        ("goi dien tong dai", "c"),
        ("tu dang ky", "a"),
    ],
)
def test_parse_choice_reads_letters_numbers_and_option_words(typed, letter):
    assert parse_choice(typed, VNEID) == ParsedChoice(letter=letter)


def test_parse_choice_reads_the_number_in_options_made_of_numbers():
    assert parse_choice("60", DAYS).letter == "b"
    assert parse_choice("1 nam", DAYS).letter == "c"
    assert parse_choice("2", DAYS).letter is None  # "2" is no option here, not "B"


def test_parse_choice_says_when_a_letter_is_not_among_the_options():
    parsed = parse_choice("d", VNEID)
    assert not parsed.is_answer and parsed.out_of_range == "d"


@pytest.mark.parametrize("typed", ["không biết", "khong biet", "bỏ qua", "chịu"])
def test_parse_choice_treats_i_dont_know_as_a_skip(typed):
    assert parse_choice(typed, VNEID).is_skip


@pytest.mark.parametrize(
    "typed", ["", "xin chào", "cho tôi gặp người thật", "đăng ký", "lam sao kich hoat vneid"]
)
def test_parse_choice_finds_no_answer_in_other_messages(typed):
    assert not parse_choice(typed, VNEID).is_answer


def test_grade_answer_marks_right_wrong_and_skip():
    question = Question("Muốn có VNeID mức 2?", VNEID, "b", "Phải thu vân tay trực tiếp.")
    right = grade_answer(question, ParsedChoice(letter="b"))
    assert right.is_correct and right.answer_text == VNEID[1]
    assert not grade_answer(question, ParsedChoice(letter="a")).is_correct
    skipped = grade_answer(question, ParsedChoice(is_skip=True))
    assert not skipped.is_correct and skipped.choice == ""
    with pytest.raises(ValueError):
        grade_answer(question, ParsedChoice())


def test_pass_mark_is_two_thirds():
    assert [needed_to_pass(n) for n in (3, 4, 5)] == [2, 3, 4]
    assert is_passing(2, 3) and not is_passing(1, 3) and not is_passing(0, 0)


def test_progress_bar_fills_up_to_the_current_question():
    assert progress_bar(2, 4) == "▰▰▱▱"
    assert progress_bar(0, 3) == "▱▱▱" and progress_bar(9, 3) == "▰▰▰"


def test_item_keys_point_to_real_questions():
    catalogue = {lesson.id: lesson for lesson in load_lessons()}
    key = item_key("vneid-kich-hoat", 1)
    assert parse_item_key(key) == ("vneid-kich-hoat", 1)
    lesson, question = question_for(key, catalogue)
    assert question is lesson.quiz[1]
    assert question_for("vneid-kich-hoat:99", catalogue) is None
    assert question_for("khong-co-bai:0", catalogue) is None
    with pytest.raises(ValueError):
        parse_item_key("no-index")


def test_every_lesson_question_can_be_answered_by_typing_its_option():
    """Typing an option's exact words (with or without accents) picks that option."""
    from nlu.normalise import strip_accents

    for lesson in load_lessons():
        for question in lesson.quiz:
            for index, option in enumerate(question.options):
                letter = "abcd"[index]
                assert parse_choice(option, question.options).letter == letter, option
                assert parse_choice(strip_accents(option), question.options).letter == letter
