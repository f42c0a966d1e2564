"""What /healthz reports: each dependency and its state."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
from sqlalchemy import text

from storage.session import get_engine


def _database_ok(database_url: str) -> bool:
    try:
        with get_engine(database_url).connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 — any failure means "down"
        return False


def _index_ok(index_dir: Path) -> bool:
    try:
        return bool(json.loads((index_dir / "manifest.json").read_text()).get("model"))
    except (OSError, ValueError):
        return False


async def _http_ok(url: str) -> bool:
    try:
        async with httpx.AsyncClient(timeout=3.0) as client:
            return (await client.get(url)).status_code == 200
    except httpx.HTTPError:
        return False


async def check_health(
    *, rasa_url: str, actions_port: int, database_url: str, index_dir: Path
) -> dict[str, str]:
    rasa, actions = await asyncio.gather(
        _http_ok(f"{rasa_url}/status"), _http_ok(f"http://127.0.0.1:{actions_port}/health")
    )
    db = await asyncio.to_thread(_database_ok, database_url)
    states = {"rasa": rasa, "actions": actions, "db": db, "index": _index_ok(index_dir)}
    return {name: "ok" if good else "down" for name, good in states.items()}
