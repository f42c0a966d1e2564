"""The Zalo OA Open API client: OAuth v4 tokens kept in the database, customer-service sends.

Every response's `error` field is checked, not only the HTTP status. Tokens never reach a log
or an exception message.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from datetime import datetime, timedelta

import httpx

from storage.models import utcnow
from storage.session import session_scope
from storage.zalo import load_tokens, save_tokens

log = logging.getLogger(__name__)
TOKEN_EXPIRED = {-216, -220}  # access token invalid / expired
OUTSIDE_WINDOW = {-230, -232, -320, -321}  # no interaction for 7 days; paid window not allowed
RATE_LIMITED = -32
REFRESH_EARLY = timedelta(hours=1)  # an access token (~25 h) is renewed an hour before it ends
RATE_BACKOFF_SECONDS = (0.5, 1.0, 2.0)


class ZaloError(Exception):
    """The API refused (code from its `error` field; 0 when the HTTP call itself failed)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(f"zalo error {code}: {message}")
        self.code = code


class OutsideWindow(ZaloError):
    """The resident's reply window is closed (or only paid): keep the message for later."""


def seed_digest(refresh_token: str) -> str:
    return hashlib.sha256(refresh_token.encode()).hexdigest()


class ZaloClient:
    def __init__(
        self,
        *,
        app_id: str,
        secret_key: str,
        seed_refresh_token: str,
        api_base_url: str,
        oauth_base_url: str,
        database_url: str,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self.app_id = app_id
        self._secret_key = secret_key
        self._seed = seed_refresh_token
        self.api_base_url = api_base_url.rstrip("/")
        self.oauth_base_url = oauth_base_url.rstrip("/")
        self.database_url = database_url
        self.http = http or httpx.AsyncClient(timeout=10.0)
        self._lock = asyncio.Lock()
        self.healthy = True

    async def close(self) -> None:
        await self.http.aclose()

    # ---- tokens
    def _stored(self) -> tuple[str, str, datetime] | None:
        """(access, refresh, expires_at) from the database, unless ZALO_REFRESH_TOKEN changed."""
        with session_scope(self.database_url) as session:
            row = load_tokens(session)
            if row is None or row.seed_digest != seed_digest(self._seed):
                return None
            return row.access_token, row.refresh_token, row.expires_at

    async def access_token(self, *, stale: str = "") -> str:
        """A valid access token, refreshed early under a lock (once for concurrent callers).

        `stale` is a token the API just refused: it is refreshed unless another caller did so.
        """
        async with self._lock:
            stored = await asyncio.to_thread(self._stored)
            if stored is not None:
                access, refresh, expires_at = stored
                if access != stale and expires_at - REFRESH_EARLY > utcnow():
                    return access
            else:
                refresh = self._seed
            return await self._refresh(refresh)

    async def _refresh(self, refresh_token: str) -> str:
        """OAuth v4: a new access token and a new refresh token, stored together."""
        try:
            response = await self.http.post(
                f"{self.oauth_base_url}/v4/oa/access_token",
                headers={"secret_key": self._secret_key},
                data={
                    "refresh_token": refresh_token,
                    "app_id": self.app_id,
                    "grant_type": "refresh_token",
                },
            )
            data = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            self.healthy = False
            raise ZaloError(0, f"token refresh failed: {type(exc).__name__}") from None
        if not data.get("access_token") or not data.get("refresh_token"):
            self.healthy = False
            code = int(data.get("error") or 0)
            raise ZaloError(code, f"token refresh refused: {data.get('error_name', '')}")
        expires_in = int(data.get("expires_in") or 90000)
        expires_at = utcnow() + timedelta(seconds=expires_in)
        await asyncio.to_thread(self._save, data["access_token"], data["refresh_token"], expires_at)
        log.info("zalo: access token refreshed, valid for %d s", expires_in)
        return data["access_token"]

    def _save(self, access: str, refresh: str, expires_at: datetime) -> None:
        with session_scope(self.database_url) as session:
            save_tokens(
                session,
                access_token=access,
                refresh_token=refresh,
                expires_at=expires_at,
                seed=seed_digest(self._seed),
            )

    # ---- sending
    async def _post_cs(self, token: str, body: dict) -> dict:
        try:
            response = await self.http.post(
                f"{self.api_base_url}/v3.0/oa/message/cs",
                headers={"access_token": token},
                json=body,
            )
            return response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise ZaloError(0, f"send failed: {type(exc).__name__}") from None

    async def send_message(self, user_id: str, message: dict) -> dict:
        """Send one customer-service message; refresh once on an expired token; back off on
        the rate limit. Raises OutsideWindow or ZaloError when it cannot be sent."""
        body = {"recipient": {"user_id": user_id}, "message": message}
        token = await self.access_token()
        refreshed = False
        for delay in (*RATE_BACKOFF_SECONDS, None):
            data = await self._post_cs(token, body)
            code = int(data.get("error") or 0)
            if code in TOKEN_EXPIRED and not refreshed:
                refreshed = True
                token = await self.access_token(stale=token)
                data = await self._post_cs(token, body)
                code = int(data.get("error") or 0)
            if code == 0:
                self.healthy = True
                return data.get("data") or {}
            if code in TOKEN_EXPIRED:
                self.healthy = False
            if code in OUTSIDE_WINDOW:
                raise OutsideWindow(code, str(data.get("message") or ""))
            if code != RATE_LIMITED or delay is None:
                raise ZaloError(code, str(data.get("message") or ""))
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")
