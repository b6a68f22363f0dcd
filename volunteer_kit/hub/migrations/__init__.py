"""Alembic migrations of the hub's schema, run programmatically (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from volunteer_kit.store.migrations import escaped

HERE = Path(__file__).resolve().parent
# The hub keeps its own version table, so a hub and a device store could even share a database.
VERSION_TABLE = "hub_alembic_version"


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", escaped(str(HERE)))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", escaped(engine.url.render_as_string(hide_password=False)))
        config.attributes["engine"] = engine
    return config


def upgrade_to_head(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""
