"""The next-lesson policy: reviews and unfinished work first, then a personal choice."""

from __future__ import annotations

from datetime import date

from lessons.model import Faq, Lesson, Question, Source, Step
from lessons.progress import LessonResult
from lessons.recommend import LearnerView, suggest_next, weak_domains


def lesson(id_, domain, level="co_ban", groups=("nguoi_dan",)) -> Lesson:
    return Lesson(
        id=id_,
        title=id_,
        topic="vneid",
        domain=domain,
        level=level,
        groups=tuple(groups),
        updated=date(2026, 11, 1),
        sources=(Source("Nguồn", "https://x.gov.vn", date(2026, 1, 1)),),
        summary="Tóm tắt.",
        steps=(Step("Bước 1", "Một."),),
        faq=(Faq("Hỏi?", "Đáp."),),
        quiz=tuple(Question(f"Câu {i}?", ("A", "B", "C"), "a", "Vì A.") for i in range(3)),
    )


CATALOGUE = [
    lesson("tb-1", "thiet_bi"),
    lesson("tb-2", "thiet_bi", groups=("hoc_sinh",)),
    lesson("at-1", "an_toan"),
    lesson("at-2", "an_toan"),
    lesson("dd-1", "dinh_danh", groups=("cbccvc", "nguoi_dan")),
    lesson("dd-9", "dinh_danh", level="nang_cao"),
    lesson("ai-1", "ai", groups=("hoc_sinh",)),
]


def passed(lesson_id) -> LessonResult:
    return LessonResult(lesson_id, best_correct=3, total=3, quiz_count=1)


def failed(lesson_id) -> LessonResult:
    return LessonResult(lesson_id, best_correct=0, total=3, quiz_count=1)


def ids(view: LearnerView, limit=3) -> list[str | None]:
    return [s.lesson_id for s in suggest_next(CATALOGUE, view, limit)]


def test_a_newcomer_starts_with_everyday_basics():
    first = suggest_next(CATALOGUE, LearnerView(), 1)[0]
    assert (first.kind, first.lesson_id, first.reason) == ("new", "tb-1", "start")


def test_due_reviews_come_first_then_the_quiz_in_progress_then_the_lesson_being_read():
    view = LearnerView(due_reviews={"at-1": 2}, active_quiz="dd-1", reading="at-2")
    kinds = [(s.kind, s.lesson_id) for s in suggest_next(CATALOGUE, view, 4)]
    assert kinds[:3] == [("review", None), ("quiz", "dd-1"), ("continue", "at-2")]


def test_passed_lessons_are_never_suggested():
    view = LearnerView(results={"tb-1": passed("tb-1"), "tb-2": passed("tb-2")})
    assert "tb-1" not in ids(view, 10) and "tb-2" not in ids(view, 10)


def test_placement_moves_the_learner_past_what_they_know_to_what_they_need():
    view = LearnerView(placement={"thiet_bi": True, "an_toan": True, "dinh_danh": False})
    first = suggest_next(CATALOGUE, view, 1)[0]
    assert first.lesson_id == "dd-1" and first.reason == "weak_domain"


def test_a_failed_quiz_makes_its_domain_weak_and_the_lesson_a_retry():
    view = LearnerView(results={"at-2": failed("at-2")})
    assert weak_domains(CATALOGUE, view) == {"an_toan"}
    first = suggest_next(CATALOGUE, view, 1)[0]
    assert first.lesson_id == "at-2" and first.reason == "weak_domain"


def test_target_group_changes_the_choice():
    pupil = LearnerView(group="hoc_sinh")
    assert ids(pupil, 2) == ["tb-2", "ai-1"]
    resident = LearnerView(group="nguoi_dan")
    assert "tb-2" not in ids(resident, 3) and "ai-1" not in ids(resident, 3)


def test_advanced_lessons_wait_until_the_domain_is_known():
    assert ids(LearnerView(), 10)[-1] == "dd-9"
    basics_done = {"results": {"dd-1": passed("dd-1")}, "last_domain": "dinh_danh"}
    assert ids(LearnerView(**basics_done), 1) == ["tb-1"]
    knows_it = LearnerView(placement={"dinh_danh": True}, **basics_done)
    assert ids(knows_it, 1) == ["dd-9"]


def test_a_begun_domain_is_finished_before_starting_another():
    view = LearnerView(results={"at-1": passed("at-1")}, last_domain="an_toan")
    first = suggest_next(CATALOGUE, view, 1)[0]
    assert first.lesson_id == "at-2" and first.reason == "finish_domain"


def test_everything_passed_leaves_nothing_to_suggest():
    view = LearnerView(results={item.id: passed(item.id) for item in CATALOGUE})
    assert suggest_next(CATALOGUE, view) == []
