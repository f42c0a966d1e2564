"""A fake Telegram Bot API on loopback that speaks the real HTTP protocol (for tests only).

It serves getMe/getUpdates/sendMessage/answerCallbackQuery/… under /bot<token>/<method>, hands
out updates the test queues, and records every call the bot makes.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Trợ lý số", "username": "troly_so_bot"}


def _decode(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class FakeTelegram:
    def __init__(self, port: int) -> None:
        self.port = port
        self.calls: list[tuple[str, dict]] = []
        self._updates: list[dict] = []
        self._next_update_id = 1000
        self._next_message_id = 1
        self._lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # ---- what a test does
    def push_update(self, update: dict, *, update_id: int | None = None) -> int:
        with self._lock:
            if update_id is None:
                self._next_update_id += 1
                update_id = self._next_update_id
            self._updates.append({"update_id": update_id, **update})
        return update_id

    def push_text(self, user_id: int, text: str, *, update_id: int | None = None) -> int:
        return self.push_update({"message": self.message(user_id, text=text)}, update_id=update_id)

    def push_sticker(self, user_id: int) -> int:
        sticker = {
            "file_id": "st1",
            "file_unique_id": "st1u",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
        return self.push_update({"message": self.message(user_id, sticker=sticker)})

    def push_button(self, user_id: int, data: str) -> int:
        query = {
            "id": f"cq{time.monotonic_ns()}",
            "from": self._user(user_id),
            "chat_instance": "ci1",
            "data": data,
            "message": {**self.message(user_id, text="…"), "from": BOT_USER},
        }
        return self.push_update({"callback_query": query})

    def sent_messages(self, chat_id: int) -> list[dict]:
        with self._lock:
            return [p for m, p in self.calls if m == "sendMessage" and int(p["chat_id"]) == chat_id]

    def wait_for_messages(self, chat_id: int, count: int, timeout: float = 60.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sent = self.sent_messages(chat_id)
            if len(sent) >= count:
                return sent
            time.sleep(0.1)
        raise AssertionError(
            f"expected {count} messages to {chat_id}, got {self.sent_messages(chat_id)}"
        )

    # ---- the protocol
    def _user(self, user_id: int) -> dict:
        return {"id": user_id, "is_bot": False, "first_name": "Bác", "language_code": "vi"}

    def message(self, user_id: int, **content: Any) -> dict:
        with self._lock:
            self._next_message_id += 1
            message_id = self._next_message_id
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "from": self._user(user_id),
            "chat": {"id": user_id, "type": "private", "first_name": "Bác"},
            **content,
        }

    async def _handle(self, request: Request) -> JSONResponse:
        method = request.path_params["method"]
        if request.headers.get("content-type", "").startswith("application/json"):
            params = await request.json()
        else:
            params = {k: _decode(v) for k, v in (await request.form()).items()}
        with self._lock:
            self.calls.append((method, params))
        return JSONResponse({"ok": True, "result": await self._result(method, params)})

    async def _result(self, method: str, params: dict) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            deadline = time.monotonic() + min(float(params.get("timeout") or 0), 2.0)
            while True:
                with self._lock:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                    ready = list(self._updates)
                if ready or time.monotonic() >= deadline:
                    return ready
                await asyncio.sleep(0.05)
        if method == "sendMessage":
            chat_id = int(params["chat_id"])
            with self._lock:
                self._next_message_id += 1
                message_id = self._next_message_id
            result = {
                "message_id": message_id,
                "date": int(time.time()),
                "from": BOT_USER,
                "chat": {"id": chat_id, "type": "private"},
                "text": params.get("text", ""),
            }
            if params.get("reply_markup"):
                result["reply_markup"] = params["reply_markup"]
            return result
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True  # answerCallbackQuery, deleteWebhook, setWebhook, setMyCommands, …

    # ---- life cycle
    def start(self) -> FakeTelegram:
        app = Starlette(
            routes=[Route("/bot{token}/{method}", self._handle, methods=["GET", "POST"])]
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
