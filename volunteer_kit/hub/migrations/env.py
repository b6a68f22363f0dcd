"""Alembic environment of the hub: the engine comes from the caller (hub.db.open_hub_engine)."""

from __future__ import annotations

from alembic import context

from volunteer_kit.hub.migrations import VERSION_TABLE
from volunteer_kit.hub.models import metadata

target_metadata = metadata
config = context.config
# Any 64-bit constant: hub processes starting together on one PostgreSQL migrate one at a time.
MIGRATION_LOCK = 0x564B_4855_4230


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url", ""))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            version_table=VERSION_TABLE,
            render_as_batch=True,  # SQLite needs batch mode to alter tables
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
