"""Shared fixtures: real databases (a temporary SQLite file, and PostgreSQL when configured)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from storage.session import get_engine, upgrade_database

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")
DATABASES = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]


def _fresh_postgres_database() -> tuple[str, str]:
    name = f"troly_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}", name


def _drop_postgres_database(name: str) -> None:
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A migrated, empty database: SQLite always, PostgreSQL too when TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        upgrade_database(url)
        yield url
        get_engine(url).dispose()
        return
    url, name = _fresh_postgres_database()
    upgrade_database(url)
    yield url
    get_engine(url).dispose()
    _drop_postgres_database(name)
