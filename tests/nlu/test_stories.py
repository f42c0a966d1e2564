"""Rasa story tests: `rasa test core` on nlu/tests/ with the trained model, in Rasa's venv."""

from __future__ import annotations

import subprocess

import pytest

from bot.launcher import NLU_DIR, ensure_model, rasa_env, rasa_executable
from config import Settings


@pytest.mark.slow
def test_rasa_story_tests_pass_without_prediction_errors(tmp_path):
    settings = Settings(VAR_DIR=tmp_path / "var")
    model = ensure_model(settings)  # trains only when nlu/ changed since the last training
    command = [
        str(rasa_executable(settings)),
        "test",
        "core",
        "-s",
        "tests",
        "--e2e",  # also parse each user line and check its intent, not only the next action
        "--fail-on-prediction-errors",
        "-m",
        str(model.relative_to(NLU_DIR)),
        "--out",
        str(tmp_path / "results"),
        "--no-plot",
    ]
    done = subprocess.run(
        command,
        cwd=NLU_DIR,
        env=rasa_env(settings),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    failed = tmp_path / "results" / "failed_test_stories.yml"
    details = failed.read_text(encoding="utf-8") if failed.exists() else done.stdout[-3000:]
    assert done.returncode == 0, f"{details}\n{done.stderr[-3000:]}"
