"""HTTP to Rasa's REST channel and status endpoint."""

from __future__ import annotations

import httpx


class RasaUnavailable(RuntimeError):
    """Rasa did not answer (down, restarting, or no model loaded)."""


class RasaClient:
    def __init__(self, base_url: str, timeout: float = 30.0) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout)

    async def send(self, sender_id: str, text: str) -> list[dict]:
        try:
            response = await self._http.post(
                "/webhooks/rest/webhook", json={"sender": sender_id, "message": text}
            )
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise RasaUnavailable(str(exc)) from exc
        return response.json() or []

    async def is_ready(self) -> bool:
        """True when the server is up AND has a model (GET /status answers 409 without one)."""
        try:
            response = await self._http.get("/status", timeout=3.0)
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    async def close(self) -> None:
        await self._http.aclose()
