"""The learning flow's Rasa rules, written from the tables below into nlu/data/learning_rules.yml.

    python -m nlu.learning_rules           # write the file
    python -m nlu.learning_rules --check   # exit 1 when the file differs from the tables

Change the tables, never the YAML by hand. The action server's form validators read the same
tables (actions/learning/turns.py), so what Rasa does after a validator rejects a message and
what the validator expects cannot drift apart. Standard library only: the Rasa environment
(Python 3.10) and ours (3.11) both import it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent / "data" / "learning_rules.yml"

# (rule name, intent, action): a button or a request that always runs the same action.
DIRECT_RULES: tuple[tuple[str, str, str], ...] = (
    ("continue learning (Học tiếp, Làm tiếp)", "continue_learning", "action_continue_learning"),
    (
        "a lesson step (Tiếp, Quay lại; an old button just shows that step)",
        "lesson_step",
        "action_lesson_step",
    ),
    ("stop learning for now", "stop_learning", "action_stop_learning"),
    ("start a lesson quiz", "start_quiz", "action_start_quiz"),
    ("start a review of missed questions", "start_review", "action_start_review"),
    ("start the placement check", "start_placement", "action_start_placement"),
    (
        "an answer button outside the quiz form (old message, paused quiz)",
        "quiz_answer",
        "action_quiz_answer",
    ),
    ("a consent button outside the form", "learning_consent", "action_update_profile"),
    ("a group button outside the form", "set_group", "action_update_profile"),
    ("an area button outside the form", "set_area", "action_update_profile"),
    ("short messages on or off", "elderly_mode", "action_elderly_mode"),
    ("daily reminder", "set_reminder", "action_set_reminder"),
    ("certificate", "get_certificate", "action_get_certificate"),
    ("xóa dữ liệu của tôi asks for confirmation", "delete_my_data", "action_ask_delete_data"),
    ("the confirmation button of deleting data", "confirm_delete", "action_delete_my_data"),
)

# form → the action that runs once it ends (finished, paused or stopped).
FORM_DONE_ACTIONS: dict[str, str] = {
    "quiz_form": "action_quiz_done",
    "onboarding_form": "action_onboarding_done",
    "certificate_form": "action_certificate_done",
}

# A message during a form that clearly means something else. Inline intents are answered and
# the quiz question comes back; the others pause the quiz (kept in our database) and go their
# own way. Profile forms (consent, certificate name) are left for any of them.
INLINE_ACTIONS: dict[str, str] = {
    "ask_question": "action_answer_question",
    "out_of_scope": "action_answer_question",
    "nlu_fallback": "action_answer_question",
    "help": "utter_help",
    "my_progress": "action_my_progress",
    "bot_challenge": "utter_bot_challenge",
    "thank": "utter_thank",
    "greet": "utter_greet",
}
LEAVE_ACTIONS: dict[str, str] = {
    "start_lesson": "action_start_lesson",
    "choose_lesson": "action_show_lesson",
    "lesson_step": "action_lesson_step",
    "start_quiz": "action_start_quiz",
    "start_review": "action_start_review",
    "start_placement": "action_start_placement",
    "request_human": "action_request_human",
    "delete_my_data": "action_ask_delete_data",
    "confirm_delete": "action_delete_my_data",
    "get_certificate": "action_get_certificate",
    "set_reminder": "action_set_reminder",
    "elderly_mode": "action_elderly_mode",
    "learning_consent": "action_update_profile",
    "set_group": "action_update_profile",
    "set_area": "action_update_profile",
    "goodbye": "utter_goodbye",
}
FORM_LEAVE_ACTIONS: dict[str, str] = {
    **INLINE_ACTIONS,
    **LEAVE_ACTIONS,
    "quiz_answer": "action_quiz_answer",
    "continue_learning": "action_continue_learning",
}

HEADER = """\
version: "3.1"
# Learning flow rules. Forms are started by the actions (FollowupAction), because whether to
# ask consent first, resume a quiz or start a new one depends on our database, not on Rasa.
# The interruption rules below mirror INLINE_ACTIONS, LEAVE_ACTIONS and FORM_LEAVE_ACTIONS in
# actions/learning_turns.py (tests/actions/test_learning_rules.py checks that they match).

rules:
"""


def _rule(name: str, steps: Sequence[str], condition: str | None = None) -> Iterator[str]:
    yield f"  - rule: {name}"
    if condition is not None:
        yield "    condition:"
        yield f"      - active_loop: {condition}"
    yield "    steps:"
    yield from (f"      - {step}" for step in steps)


def _direct_rules() -> Iterator[str]:
    for name, intent, action in DIRECT_RULES:
        yield from _rule(name, [f"intent: {intent}", f"action: {action}"])


def _form_done_rules() -> Iterator[str]:
    for form, action in FORM_DONE_ACTIONS.items():
        steps = [
            f"action: {form}",
            "active_loop: null",
            "slot_was_set:\n          - requested_slot: null",
            f"action: {action}",
        ]
        yield from _rule(f"{form} ends (finished, paused or stopped)", steps, form)


def _inline_rules(form: str) -> Iterator[str]:
    for intent, action in INLINE_ACTIONS.items():
        steps = [
            f"intent: {intent}",
            f"action: {action}",
            f"action: {form}",
            f"active_loop: {form}",
        ]
        yield from _rule(f"{form}, {intent} answered, quiz goes on", steps, form)


def _leave_rules(form: str, table: dict[str, str]) -> Iterator[str]:
    for intent, action in table.items():
        steps = [f"intent: {intent}", "action: action_deactivate_loop", "active_loop: null"]
        yield from _rule(f"{form}, {intent} leaves it", [*steps, f"action: {action}"], form)


def render_rules() -> str:
    """The whole YAML file, as `python -m nlu.learning_rules` writes it."""
    lines = [
        *_direct_rules(),
        *_form_done_rules(),
        "  # During a quiz: answered inline, then the quiz question comes back.",
        *_inline_rules("quiz_form"),
        "  # During a quiz: paused (kept in our database), and the learner goes elsewhere.",
        *_leave_rules("quiz_form", LEAVE_ACTIONS),
        "  # During the consent questions: left; consent is asked again next time.",
        *_leave_rules("onboarding_form", FORM_LEAVE_ACTIONS),
        "  # While asking the name for a certificate: left.",
        *_leave_rules("certificate_form", FORM_LEAVE_ACTIONS),
    ]
    return HEADER + "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None, path: Path = RULES_FILE) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlu.learning_rules", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file has drifted")
    args = parser.parse_args(argv)
    wanted = render_rules()
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if args.check:
        if current == wanted:
            return 0
        print(f"{path} differs from nlu/learning_rules.py: run `python -m nlu.learning_rules`.")
        return 1
    if current != wanted:
        path.write_text(wanted, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
