"""Alembic environment: URL from the caller's config or else the settings; metadata from models."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool, text

from config import get_settings
from storage import report_models, zalo_models  # noqa: F401 — their tables join Base.metadata
from storage.models import Base

config = context.config
if not config.get_main_option("sqlalchemy.url"):  # `alembic upgrade head` from a shell
    config.set_main_option("sqlalchemy.url", get_settings().database_url.replace("%", "%%"))


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.begin() as connection:  # one transaction, committed at the end
        if connection.dialect.name == "postgresql":  # one migrating process at a time
            connection.execute(text("SELECT pg_advisory_xact_lock(7572025)"))
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
