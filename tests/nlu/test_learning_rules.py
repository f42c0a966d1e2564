"""nlu/data/learning_rules.yml is exactly what nlu/learning_rules.py writes from its tables."""

from __future__ import annotations

import yaml

from nlu.learning_rules import (
    DIRECT_RULES,
    FORM_DONE_ACTIONS,
    FORM_LEAVE_ACTIONS,
    INLINE_ACTIONS,
    LEAVE_ACTIONS,
    RULES_FILE,
    main,
    render_rules,
)


def test_learning_rules_file_has_not_drifted_from_the_tables():
    assert RULES_FILE.read_text(encoding="utf-8") == render_rules(), (
        "run `python -m nlu.learning_rules`"
    )
    assert main(["--check"]) == 0


def test_learning_rules_check_fails_on_a_hand_edit_and_writing_repairs_it(tmp_path, capsys):
    path = tmp_path / "learning_rules.yml"
    path.write_text(render_rules().replace("action_quiz_done", "action_quiz_ended"))
    assert main(["--check"], path=path) == 1
    assert "python -m nlu.learning_rules" in capsys.readouterr().out
    assert main([], path=path) == 0
    assert main(["--check"], path=path) == 0


def test_learning_rules_one_rule_per_table_row_with_unique_names():
    rules = yaml.safe_load(render_rules())["rules"]
    expected = (
        len(DIRECT_RULES)
        + len(FORM_DONE_ACTIONS)
        + len(INLINE_ACTIONS)
        + len(LEAVE_ACTIONS)
        + 2 * len(FORM_LEAVE_ACTIONS)
    )
    assert len(rules) == expected == 94
    names = [rule["rule"] for rule in rules]
    assert len(set(names)) == len(names)


def test_learning_rules_every_interruption_is_conditioned_on_its_form():
    rules = yaml.safe_load(render_rules())["rules"]
    interruptions = [r for r in rules if r["rule"].split(", ")[0] in FORM_DONE_ACTIONS]
    assert len(interruptions) == len(INLINE_ACTIONS) + len(LEAVE_ACTIONS) + 2 * len(
        FORM_LEAVE_ACTIONS
    )
    for rule in interruptions:
        form = rule["rule"].split(", ")[0]
        assert rule["condition"] == [{"active_loop": form}], rule["rule"]
        assert "intent" in rule["steps"][0], rule["rule"]
        if rule["rule"].endswith("leaves it"):
            left = [{"action": "action_deactivate_loop"}, {"active_loop": None}]
            assert rule["steps"][1:3] == left, rule["rule"]
        else:
            assert rule["steps"][2:] == [{"action": form}, {"active_loop": form}], rule["rule"]


def test_learning_rules_profile_forms_leave_for_every_inline_and_leave_intent():
    assert set(INLINE_ACTIONS) | set(LEAVE_ACTIONS) < set(FORM_LEAVE_ACTIONS)
    assert not set(INLINE_ACTIONS) & set(LEAVE_ACTIONS)
