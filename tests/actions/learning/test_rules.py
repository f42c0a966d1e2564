"""The learning rules in nlu/ match what the validators read (no Rasa needed: read the YAML)."""

from __future__ import annotations

from pathlib import Path

import yaml

from actions.learning.messages import FORM_LEAVE_ACTIONS
from actions.learning.turns import INLINE_ACTIONS, LEAVE_ACTIONS

NLU = Path(__file__).resolve().parents[3] / "nlu"


def rules() -> list[dict]:
    return yaml.safe_load((NLU / "data" / "learning_rules.yml").read_text(encoding="utf-8"))[
        "rules"
    ]


def interruption_rules(form: str) -> dict[str, list[str]]:
    """intent → the actions its rule runs, for rules conditioned on `form` being active."""
    found = {}
    for rule in rules():
        if {"active_loop": form} not in rule.get("condition", []):
            continue
        steps = rule["steps"]
        if "intent" in steps[0]:
            found[steps[0]["intent"]] = [s["action"] for s in steps[1:] if "action" in s]
    return found


def test_quiz_interruptions_are_answered_then_the_quiz_comes_back():
    found = interruption_rules("quiz_form")
    for intent, action in INLINE_ACTIONS.items():
        assert found[intent] == [action, "quiz_form"], intent


def test_quiz_is_paused_for_everything_that_leaves_it():
    found = interruption_rules("quiz_form")
    for intent, action in LEAVE_ACTIONS.items():
        assert found[intent] == ["action_deactivate_loop", action], intent
    assert set(found) == set(INLINE_ACTIONS) | set(LEAVE_ACTIONS)


def test_profile_forms_are_left_for_anything_else():
    for form in ("onboarding_form", "certificate_form"):
        found = interruption_rules(form)
        assert set(found) == set(FORM_LEAVE_ACTIONS), form
        for intent, action in FORM_LEAVE_ACTIONS.items():
            assert found[intent] == ["action_deactivate_loop", action], (form, intent)


def test_every_intent_and_action_used_is_in_the_domain():
    domain = {"intents": set(), "actions": set()}
    for path in (NLU / "domain").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        domain["intents"] |= {
            i if isinstance(i, str) else next(iter(i)) for i in data.get("intents") or []
        }
        domain["actions"] |= set(data.get("actions") or []) | set(data.get("responses") or {})
        domain["actions"] |= set(data.get("forms") or {})
    builtin = {"nlu_fallback"}
    for rule in rules():
        for step in rule["steps"]:
            if "intent" in step:
                assert step["intent"] in domain["intents"] | builtin, step
            if "action" in step and step["action"] != "action_deactivate_loop":
                assert step["action"] in domain["actions"], step
