"""The learning menu ("Học"), one domain's lessons, and "Tiến độ của tôi" (pure: a Snapshot
in, bubbles out)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actions.answers import bubble, payload
from actions.learning import texts as t
from actions.learning.compose import domain_button, lesson_button, menu_payload, short
from actions.learning.results import certificate_bubbles, next_bubble
from lessons.model import DOMAINS, Lesson
from lessons.progress import mean_best_score

if TYPE_CHECKING:
    from actions.learning.state import Snapshot


def resume_step(snapshot: Snapshot, lesson: Lesson) -> int:
    """Where a chosen lesson opens: the step reached last time, unless it was passed."""
    result = snapshot.results.get(lesson.id)
    if result is None or result.is_passed or result.step >= len(lesson.steps):
        return 1
    return max(1, result.step)


def menu_bubbles(snapshot: Snapshot, catalogue: dict[str, Lesson]) -> list[dict]:
    """'Học': work in progress first, due reviews, then the suggestion and every domain."""
    bubbles = []
    reading = catalogue.get(snapshot.view.reading or "")
    if snapshot.active is not None:
        spot = snapshot.active
        text = t.QUIZ_IN_PROGRESS.format(
            title=spot.lesson.title, number=spot.position + 1, total=spot.total
        )
        bubbles.append(bubble(text, [(t.BUTTON_CONTINUE_QUIZ, payload("continue_learning"))]))
    elif reading is not None:
        resume = payload("start_lesson", lesson_id=reading.id)
        bubbles.append(
            bubble(t.IN_PROGRESS.format(title=reading.title), [(t.BUTTON_CONTINUE, resume)])
        )
    if snapshot.due_count:
        review = [(t.BUTTON_REVIEW, payload("start_review"))]
        bubbles.append(bubble(t.DUE_REVIEWS.format(count=snapshot.due_count), review))
    buttons = []
    new = next((s for s in snapshot.suggestions(catalogue, 4) if s.kind == "new"), None)
    if new is not None:
        title = t.BUTTON_SUGGESTED.format(title=short(catalogue[new.lesson_id].title, 44))
        buttons.append((title, payload("start_lesson", lesson_id=new.lesson_id)))
    buttons += [domain_button(p) for p in snapshot.domains]
    text = t.MENU
    if snapshot.consent and not snapshot.has_placement:
        buttons.insert(0, (t.BUTTON_PLACEMENT, payload("start_placement")))
        text = f"{t.PLACEMENT_OFFER}\n{t.MENU}"
    buttons.append((t.BUTTON_PROGRESS, payload("my_progress")))
    return [*bubbles, bubble(text, buttons)]


def domain_bubbles(domain: str, snapshot: Snapshot, catalogue: dict[str, Lesson]) -> list[dict]:
    """The lessons of one domain, ✅ on those passed."""
    progress = next((p for p in snapshot.domains if p.domain == domain), None)
    if progress is None:
        return menu_bubbles(snapshot, catalogue)
    lessons = [lesson for lesson in catalogue.values() if lesson.domain == domain]
    lessons.sort(key=lambda lesson: (lesson.level != "co_ban", lesson.id))
    buttons = [lesson_button(lesson, snapshot.is_passed(lesson.id)) for lesson in lessons]
    buttons.append((t.BUTTON_ALL_DOMAINS, menu_payload()))
    text = t.MENU_DOMAIN.format(title=progress.title, passed=progress.passed, total=progress.total)
    return [bubble(text, buttons)]


def stopped_bubble() -> dict:
    """ "Dừng" outside a quiz: everything is kept for later."""
    buttons = [
        (t.BUTTON_CONTINUE, payload("continue_learning")),
        (t.BUTTON_OTHER, menu_payload()),
    ]
    return bubble(t.STOPPED, buttons)


def progress_bubbles(snapshot: Snapshot, catalogue: dict[str, Lesson]) -> list[dict]:
    """Lessons passed, scores, domains reached, reviews due, certificates, the next lesson."""
    if not snapshot.consent:
        agree = [(t.BUTTON_AGREE_KEEP, payload("learning_consent", choice="yes"))]
        return [bubble(t.PROGRESS_NOT_KEPT, agree)]
    passed = sum(1 for r in snapshot.results.values() if r.is_passed)
    lines = [t.PROGRESS_HEADER]
    if not any(r.quiz_count for r in snapshot.results.values()):
        lines.append(t.PROGRESS_NONE)
    else:
        score = mean_best_score(snapshot.results.values())
        lines.append(t.PROGRESS_LESSONS.format(passed=passed, total=len(catalogue), score=score))
        for p in (p for p in snapshot.domains if p.is_started):
            mark = t.PROGRESS_REACHED if p.is_complete else ""
            lines.append(
                t.PROGRESS_DOMAIN.format(title=p.title, passed=p.passed, total=p.total, mark=mark)
            )
    if snapshot.due_count:
        lines.append(t.PROGRESS_REVIEWS.format(count=snapshot.due_count))
    if snapshot.certified:
        names = ", ".join(DOMAINS[d] for d in snapshot.certified)
        lines.append(t.PROGRESS_CERTIFICATES.format(domains=names))
    lines.append(t.OFFICIAL_NOTE)
    mode = t.BUTTON_ELDERLY_OFF if snapshot.elderly else t.BUTTON_ELDERLY_ON
    settings = [
        (mode, payload("elderly_mode", choice="off" if snapshot.elderly else "on")),
        (t.BUTTON_REMINDER, payload("set_reminder")),
    ]
    extra = certificate_bubbles(snapshot)
    return [bubble("\n".join(lines), settings), *extra, next_bubble(snapshot, catalogue)]
