"""Alembic environment: the engine comes from the caller (store.engine.open_store)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import volunteer_kit.core.models  # noqa: F401  (registers the tables)

target_metadata = SQLModel.metadata
config = context.config


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url", ""))
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite needs batch mode to alter tables
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
