"""Alembic migrations of the local store, run programmatically (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

HERE = Path(__file__).resolve().parent


def escaped(value: str) -> str:
    """Alembic's Config is a ConfigParser, where `%` starts an interpolation: a data folder under
    "C:\\Users\\Nguyễn Văn Ánh" reaches it URL-encoded (Nguy%E1%BB%85n), so every `%` is doubled."""
    return value.replace("%", "%%")


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", escaped(str(HERE)))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", escaped(engine.url.render_as_string(hide_password=False)))
        config.attributes["engine"] = engine
    return config


def upgrade_to_head(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")


def upgrade_to(engine: Engine, revision: str) -> None:
    command.upgrade(alembic_config(engine), revision)


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}
