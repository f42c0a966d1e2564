"""A fake Zalo OA Open API on loopback that speaks its HTTP protocol (for tests only).

It serves OAuth v4 `POST /v4/oa/access_token` (secret_key header; refresh tokens are
single-use) and `POST /v3.0/oa/message/cs` (access_token header; answers carry an `error`
field), records every message sent, and lets a test expire the token, close a resident's
reply window or rate-limit the next sends. `signed_event` builds webhook bodies signed the
way Zalo signs them.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
import time

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

APP_ID = "4321987654"
OA_SECRET = "oa-secret-for-tests"
SEED_REFRESH_TOKEN = "refresh-0"


def sign(raw: bytes, timestamp: str, app_id: str = APP_ID, secret: str = OA_SECRET) -> str:
    return (
        "mac="
        + hashlib.sha256(app_id.encode() + raw + timestamp.encode() + secret.encode()).hexdigest()
    )


_ids = itertools.count(1)


def event_body(event_name: str, user_id: str, **message: object) -> dict:
    """A webhook body as Zalo sends it (timestamp in milliseconds, as a string)."""
    timestamp = str(int(time.time() * 1000))
    if event_name in ("follow", "unfollow"):
        return {
            "app_id": APP_ID,
            "oa_id": "oa-1",
            "event_name": event_name,
            "follower": {"id": user_id},
            "timestamp": timestamp,
        }
    msg = {"msg_id": f"msg-{next(_ids)}-{timestamp}", **message}
    if event_name.startswith("oa_send_"):
        sender = {"id": "oa-1", "admin_id": str(message.pop("admin_id", ""))}
        msg.pop("admin_id", None)
        return {
            "app_id": APP_ID,
            "event_name": event_name,
            "sender": {k: v for k, v in sender.items() if v},
            "recipient": {"id": user_id},
            "message": msg,
            "timestamp": timestamp,
        }
    return {
        "app_id": APP_ID,
        "event_name": event_name,
        "sender": {"id": user_id},
        "recipient": {"id": "oa-1"},
        "message": msg,
        "timestamp": timestamp,
    }


def signed_event(body: dict, *, secret: str = OA_SECRET) -> tuple[bytes, dict[str, str]]:
    """(raw body, headers) ready to POST to /webhooks/zalo."""
    raw = json.dumps(body, ensure_ascii=False).encode()
    return raw, {
        "X-ZEvent-Signature": sign(raw, body["timestamp"], secret=secret),
        "Content-Type": "application/json",
    }


class FakeZalo:
    def __init__(self, port: int) -> None:
        self.port = port
        self.sent: list[tuple[str, dict]] = []  # (user_id, message)
        self.refreshes: list[dict] = []  # form bodies of token refreshes
        self.refused: list[tuple[str, int]] = []  # (user_id, error) of refused sends
        self._lock = threading.Lock()
        self._counter = 0
        self.access_token = ""  # nothing valid until the first refresh
        self.refresh_token = SEED_REFRESH_TOKEN
        self.closed_windows: set[str] = set()
        self.rate_limited = 0
        self.refuse_refresh = False
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ---- what a test does
    def expire_token(self) -> None:
        with self._lock:
            self.access_token = "expired-for-good"

    def messages_to(self, user_id: str) -> list[dict]:
        with self._lock:
            return [m for u, m in self.sent if u == user_id]

    def wait_for(self, user_id: str, count: int, timeout: float = 60.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.messages_to(user_id)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(
            f"expected {count} messages to {user_id}, got {self.messages_to(user_id)}"
        )

    # ---- the protocol
    async def _token(self, request: Request) -> JSONResponse:
        form = dict(await request.form())
        with self._lock:
            self.refreshes.append(form)
            good = (
                request.headers.get("secret_key") == OA_SECRET
                and form.get("app_id") == APP_ID
                and form.get("grant_type") == "refresh_token"
                and form.get("refresh_token") == self.refresh_token
                and not self.refuse_refresh
            )
            if not good:
                return JSONResponse({"error": -14014, "error_name": "Invalid refresh token"})
            self._counter += 1
            self.access_token = f"access-{self._counter}"
            self.refresh_token = f"refresh-{self._counter}"
            return JSONResponse(
                {
                    "access_token": self.access_token,
                    "refresh_token": self.refresh_token,
                    "expires_in": "90000",
                }
            )

    async def _send(self, request: Request) -> JSONResponse:
        body = await request.json()
        user_id = str(body.get("recipient", {}).get("user_id", ""))
        with self._lock:
            error = 0
            if request.headers.get("access_token") != self.access_token or not self.access_token:
                error = -216
            elif self.rate_limited > 0:
                self.rate_limited -= 1
                error = -32
            elif user_id in self.closed_windows:
                error = -230
            if error:
                self.refused.append((user_id, error))
                return JSONResponse({"error": error, "message": "refused by the fake"})
            self.sent.append((user_id, body["message"]))
            message_id = f"oa-msg-{len(self.sent)}"
        return JSONResponse(
            {
                "error": 0,
                "message": "Success",
                "data": {"message_id": message_id, "user_id": user_id},
            }
        )

    # ---- life cycle
    def start(self) -> FakeZalo:
        app = Starlette(
            routes=[
                Route("/v4/oa/access_token", self._token, methods=["POST"]),
                Route("/v3.0/oa/message/cs", self._send, methods=["POST"]),
            ]
        )
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        while not self._server.started:
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self._server:
            self._server.should_exit = True
        if self._thread:
            self._thread.join(10)
