"""The action server's settings pointed at a fresh test database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from config import get_settings


@pytest.fixture
def db(database_url, tmp_path, monkeypatch) -> Iterator[str]:
    """The action server's settings pointed at the test database."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()
