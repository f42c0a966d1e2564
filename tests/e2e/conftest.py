"""The real stack for end-to-end tests: trained Rasa, action server, gateway, fake Telegram and
Zalo OA APIs."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from bot.launcher import Stack
from config import ROOT, Settings
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.zalo_api import APP_ID, OA_SECRET, SEED_REFRESH_TOKEN, FakeZalo


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningStack:
    settings: Settings
    telegram: FakeTelegram
    http: httpx.Client
    processes: Stack
    zalo: FakeZalo
    site_origin: str  # a page there may embed the widget (WIDGET_ALLOWED_ORIGINS)
    tokens: dict[str, str] = field(default_factory=dict)  # a test's name for a person → its id

    def token(self, name: str) -> str:
        """The gateway-issued web id for the person a test calls `name` (issued on first use)."""
        if name not in self.tokens:
            response = self.http.post("/api/session")
            assert response.status_code == 200, response.text
            self.tokens[name] = response.json()["sender"]
        return self.tokens[name]

    def sender_id(self, name: str) -> str:
        """The conversation id (`web:<id>`) Rasa and the database know `name` by."""
        return "web:" + self.token(name).partition(".")[0]

    def chat(self, name: str, message: str) -> list[dict]:
        body = {"sender": self.token(name), "message": message}
        response = self.http.post("/api/chat", json=body)
        assert response.status_code == 200, response.text
        assert "X-Troly-Sender" not in response.headers, "the issued id was not accepted"
        return response.json()

    def inbox(self, name: str) -> list[dict]:
        self.http.cookies.clear()  # the token alone names the holder
        return self.http.get("/api/inbox", params={"sender": self.token(name)}).json()

    def restart(self, name: str, timeout: float = 120.0) -> None:
        """Stop one process (rasa, actions or gateway) and start it again; wait until healthy."""
        child = next(c for c in self.processes.children if c.name == name)
        child.stop()
        child.start()
        deadline = time.monotonic() + timeout
        while not child.is_healthy():
            assert time.monotonic() < deadline, f"{name} did not come back"
            time.sleep(0.5)


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    """One stack for the whole e2e session (Rasa takes ~30 s to start)."""
    var_dir = tmp_path_factory.mktemp("var")
    telegram = FakeTelegram(free_port()).start()
    zalo = FakeZalo(free_port()).start()
    site_origin = f"http://localhost:{free_port()}"  # another origin than the gateway's
    settings = Settings(
        VAR_DIR=var_dir,
        INDEX_DIR=ROOT / "var" / "index",  # reuse the built index and its vector cache
        BOT_PORT=free_port(),
        RASA_URL=f"http://127.0.0.1:{free_port()}",
        ACTIONS_PORT=free_port(),
        TELEGRAM_TOKEN="123456:TEST-TOKEN",
        TELEGRAM_BASE_URL=telegram.base_url,
        TELEGRAM_SECRET_TOKEN="e2e-secret",
        ZALO_APP_ID=APP_ID,
        ZALO_OA_SECRET=OA_SECRET,
        ZALO_REFRESH_TOKEN=SEED_REFRESH_TOKEN,
        ZALO_API_BASE_URL=zalo.base_url,
        ZALO_OAUTH_BASE_URL=zalo.base_url,
        OUTBOX_POLL_SECONDS=0.3,
        SLA_URGENT_SECONDS=4,
        SLA_NORMAL_SECONDS=4,
        WIDGET_ALLOWED_ORIGINS=site_origin,
    )
    running = Stack(settings)
    running.start()
    http = httpx.Client(base_url=f"http://127.0.0.1:{settings.BOT_PORT}", timeout=60)
    try:
        yield RunningStack(settings, telegram, http, running, zalo, site_origin)
    finally:
        http.close()
        running.stop()
        telegram.stop()
        zalo.stop()
