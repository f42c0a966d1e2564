"""Learning entry points: the menu ("Học"), lesson steps, continue/stop, and "Tiến độ của tôi"."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions import learning_texts as t
from actions.answers import bubble, payload
from actions.dispatch import send_bubbles
from actions.learning_compose import (
    domain_button,
    lesson_button,
    menu_payload,
    paused_bubble,
    short,
    step_bubbles,
)
from actions.learning_quiz import START_QUIZ
from actions.learning_results import certificate_bubbles, next_bubble
from actions.learning_state import (
    Snapshot,
    is_elderly,
    local_today,
    onboarding_events,
    take_snapshot,
)
from actions.runtime import database_url, lessons_by_id
from lessons.model import DOMAINS, Lesson
from lessons.progress import mean_best_score
from storage.learners import get_or_create_learner
from storage.learning import record_step
from storage.models import Learner
from storage.session import session_scope


def show_step(session: Session, learner: Learner, lesson: Lesson, number: int, elderly: bool):
    """Step `number` of `lesson` (clamped to the lesson), remembered when the learner agreed."""
    number = max(1, min(number, len(lesson.steps)))
    if learner.consent:
        record_step(session, learner=learner, lesson=lesson, step=number)
    return step_bubbles(lesson, number, elderly=elderly)


def resume_step(snapshot: Snapshot, lesson: Lesson) -> int:
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


def start_lesson_reply(sender_id: str, lesson_id: str, domain: str) -> tuple[list[dict], list]:
    """A chosen lesson opens at once; the menu and domains ask for consent the first time."""
    catalogue = lessons_by_id()
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        snapshot = take_snapshot(session, learner, catalogue, local_today())
        if lesson_id:
            lesson = catalogue.get(lesson_id)
            if lesson is None:
                return [bubble(t.LESSON_GONE, [(t.BUTTON_OTHER, menu_payload())])], []
            step = resume_step(snapshot, lesson)
            return show_step(session, learner, lesson, step, snapshot.elderly), []
        if learner.consent is None:
            return [], onboarding_events(f"domain:{domain}" if domain in DOMAINS else "menu")
        if domain in DOMAINS:
            return domain_bubbles(domain, snapshot, catalogue), []
        return menu_bubbles(snapshot, catalogue), []


def _send(dispatcher: CollectingDispatcher, bubbles: list[dict]) -> None:
    if bubbles:
        send_bubbles(dispatcher, bubbles, decision="answer")


def _entity(tracker: Tracker, name: str) -> str:
    return str(next(tracker.get_latest_entity_values(name), None) or "")


class ActionStartLesson(Action):
    def name(self) -> str:
        return "action_start_lesson"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        lesson_id, area = _entity(tracker, "lesson_id"), _entity(tracker, "domain_key")
        bubbles, events = start_lesson_reply(tracker.sender_id, lesson_id, area)
        _send(dispatcher, bubbles)
        return events


class ActionLessonStep(Action):
    """Tiếp / Quay lại: show the step the button names (old buttons simply show that step)."""

    def name(self) -> str:
        return "action_lesson_step"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        lesson = lessons_by_id().get(_entity(tracker, "lesson_id"))
        step = _entity(tracker, "step")
        if lesson is None:
            _send(dispatcher, [bubble(t.LESSON_GONE, [(t.BUTTON_OTHER, menu_payload())])])
            return []
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            elderly = is_elderly(session, learner)
            number = int(step) if step.isdigit() else 1
            _send(dispatcher, show_step(session, learner, lesson, number, elderly))
        return []


def continue_reply(sender_id: str) -> tuple[list[dict], list]:
    """'Học tiếp': the quiz in progress, else the next step of the lesson being read, else next."""
    catalogue = lessons_by_id()
    with session_scope(database_url()) as session:
        learner = get_or_create_learner(session, sender_id=sender_id)
        snapshot = take_snapshot(session, learner, catalogue, local_today())
        if snapshot.active is not None:
            return [], START_QUIZ
        if learner.consent is None:
            return [], onboarding_events("next")
        reading = catalogue.get(snapshot.view.reading or "")
        if reading is not None:
            result = snapshot.results.get(reading.id)
            step = (result.step if result else 0) + 1
            return show_step(session, learner, reading, step, snapshot.elderly), []
        return [next_bubble(snapshot, catalogue)], []


class ActionContinueLearning(Action):
    def name(self) -> str:
        return "action_continue_learning"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        bubbles, events = continue_reply(tracker.sender_id)
        _send(dispatcher, bubbles)
        return events


class ActionStopLearning(Action):
    """Dừng: say where the learner stopped; everything is kept for later."""

    def name(self) -> str:
        return "action_stop_learning"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            snapshot = take_snapshot(session, learner, lessons_by_id(), local_today())
        if snapshot.active is not None:
            _send(dispatcher, [paused_bubble(snapshot.active)])
            return []
        buttons = [
            (t.BUTTON_CONTINUE, payload("continue_learning")),
            (t.BUTTON_OTHER, menu_payload()),
        ]
        _send(dispatcher, [bubble(t.STOPPED, buttons)])
        return []


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


class ActionMyProgress(Action):
    def name(self) -> str:
        return "action_my_progress"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list:
        catalogue = lessons_by_id()
        with session_scope(database_url()) as session:
            learner = get_or_create_learner(session, sender_id=tracker.sender_id)
            snapshot = take_snapshot(session, learner, catalogue, local_today())
        _send(dispatcher, progress_bubbles(snapshot, catalogue))
        return []
