"""Settings: empty = unset, paths from the repo root, unsafe combinations refused, none unread."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from config import ROOT, Settings, SettingsError, get_settings, settings_environ

FIELDS = list(Settings.model_fields)
# Read by code on another branch that is not merged yet; remove the name once it is.
PENDING_READERS: set[str] = set()  # settings whose reader lands in a later change


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No setting from the surrounding environment leaks into a test."""
    for name in FIELDS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def no_file(**values: object) -> Settings:
    return Settings(_env_file=None, **values)


def test_settings_empty_environment_values_mean_the_default(clean_env):
    for name in ("INDEX_DIR", "VAR_DIR", "BOT_PORT", "DATABASE_URL", "OUTBOX_POLL_SECONDS"):
        clean_env.setenv(name, "")
    assert (
        no_file() == no_file() and no_file().model_dump() == Settings.model_construct().model_dump()
    )
    assert no_file().index_dir == ROOT / "var" / "index"
    assert no_file(INDEX_DIR="").INDEX_DIR is None


def test_settings_env_example_copied_as_is_changes_nothing(clean_env):
    copied = Settings(_env_file=ROOT / ".env.example")
    assert copied.model_dump() == no_file().model_dump()


def test_settings_relative_paths_resolve_against_the_repository_root(clean_env, tmp_path):
    clean_env.chdir(tmp_path)
    clean_env.setenv("VAR_DIR", "data/var")
    settings = no_file(INDEX_DIR="idx", RASA_VENV=".venv-rasa")
    assert settings.VAR_DIR == ROOT / "data" / "var"
    assert settings.index_dir == ROOT / "idx"
    assert settings.rasa_tracker_db == ROOT / "data" / "var" / "rasa_tracker.db"
    assert settings.database_url == f"sqlite:///{ROOT / 'data' / 'var' / 'troly.db'}"
    assert tmp_path == no_file(VAR_DIR=tmp_path).VAR_DIR


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///var/troly.db", f"sqlite:///{ROOT / 'var' / 'troly.db'}"),
        ("sqlite:////srv/troly.db", "sqlite:////srv/troly.db"),
        ("sqlite:///:memory:", "sqlite:///:memory:"),
        ("postgresql+psycopg://u:p@db:5432/troly", "postgresql+psycopg://u:p@db:5432/troly"),
    ],
)
def test_settings_relative_sqlite_file_resolves_against_the_root(clean_env, url, expected):
    assert no_file(DATABASE_URL=url).database_url == expected


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"TELEGRAM_WEBHOOK_URL": "https://xa.example/webhooks/telegram"}, "TELEGRAM_SECRET_TOKEN"),
        ({"ENVIRONMENT": "production", "PUBLIC_URL": "http://xa.example"}, "PUBLIC_URL"),
        ({"ENVIRONMENT": "production"}, "PUBLIC_URL"),
        (
            {
                "ENVIRONMENT": "production",
                "PUBLIC_URL": "https://xa.example",
                "TELEGRAM_WEBHOOK_URL": "http://xa.example/webhooks/telegram",
                "TELEGRAM_SECRET_TOKEN": "s3cret-s3cret",
            },
            "TELEGRAM_WEBHOOK_URL",
        ),
    ],
)
def test_settings_refuse_unsafe_combinations_with_a_clear_message(clean_env, values, named):
    with pytest.raises(SettingsError) as refused:
        no_file(**values)
    assert named in str(refused.value.code) and "không khởi động" in str(refused.value.code)


def test_settings_accept_safe_combinations(clean_env):
    no_file(PUBLIC_URL="http://192.168.1.10:8080")  # development: plain HTTP on the LAN is fine
    no_file(
        ENVIRONMENT="production",
        PUBLIC_URL="https://xa.example",
        TELEGRAM_WEBHOOK_URL="https://xa.example/webhooks/telegram",
        TELEGRAM_SECRET_TOKEN="s3cret-s3cret",
    )


def test_get_settings_turns_a_bad_value_into_a_settings_error(clean_env):
    clean_env.setenv("BOT_PORT", "tám nghìn")
    get_settings.cache_clear()
    try:
        with pytest.raises(SettingsError, match="BOT_PORT"):
            get_settings()
    finally:
        get_settings.cache_clear()


def test_entry_point_prints_a_refusal_without_a_traceback(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "VAR_DIR": str(tmp_path),
        "TELEGRAM_WEBHOOK_URL": "https://xa.example/webhooks/telegram",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "mentors", "list"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "TELEGRAM_SECRET_TOKEN" in done.stderr and "Traceback" not in done.stderr


def test_settings_environ_gives_children_the_same_settings(clean_env, tmp_path):
    parent = no_file(VAR_DIR=tmp_path, BOT_PORT=9999, OUTBOX_POLL_SECONDS=0.3, INDEX_DIR=None)
    clean_env.setenv("INDEX_DIR", str(tmp_path / "elsewhere"))  # the parent's own env loses
    environ = settings_environ(parent)
    assert set(FIELDS) <= set(environ) and environ["INDEX_DIR"] == ""
    for name, value in environ.items():
        clean_env.setenv(name, value)
    assert no_file() == parent


def _code_files() -> list[Path]:
    """Our Python files outside tests (virtual environments, var/ and hidden folders skipped)."""
    tops = [p for p in ROOT.iterdir() if p.is_dir() and p.name not in {"tests", "var"}]
    tops = [p for p in tops if not p.name.startswith(".")]
    return sorted(ROOT.glob("*.py")) + sorted(f for top in tops for f in top.rglob("*.py"))


def test_every_setting_is_read_somewhere_in_the_code():
    code = "\n".join(path.read_text(encoding="utf-8") for path in _code_files())
    unread = {name for name in FIELDS if not re.search(rf"\.{name}\b", code)}
    assert unread == PENDING_READERS, "settings nobody reads (remove them, or read them)"


def test_every_setting_is_documented_in_env_example_and_nothing_else():
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    listed = re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE)
    assert sorted(listed) == sorted(FIELDS)
    assert all(value == "" for value in re.findall(r"^[A-Z0-9_]+=(.*)$", text, re.MULTILINE))


def test_only_config_reads_the_environment():
    readers = [
        str(path.relative_to(ROOT))
        for path in _code_files()
        if re.search(r"os\.environ|os\.getenv|getenv\(", path.read_text(encoding="utf-8"))
    ]
    assert readers == ["config.py"]


def test_zalo_tokens_are_renewed_with_the_apps_secret_when_it_is_given():
    base = {"ZALO_APP_ID": "a", "ZALO_OA_SECRET": "oa", "ZALO_REFRESH_TOKEN": "r"}
    assert Settings(_env_file=None, **base).zalo_renewal_secret == "oa"
    own = Settings(_env_file=None, ZALO_APP_SECRET="app", **base)
    assert own.zalo_renewal_secret == "app"
