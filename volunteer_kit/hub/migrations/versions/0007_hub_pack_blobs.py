"""Pack archives in the database, in chunks of 1 MiB

Until now `hub publish-pack` kept each archive as <data folder>/packs/<sha256>.vkpack, on the disk
of the machine that published it: a second hub process on the same database announced the pack
and answered 404 for its file. The archives now live in the database every process reads, in
`hub_pack_chunk(sha256, n, data)`: 1 MiB rows in order, not one value per archive, because an
archive may be up to 2 GB (packs.archive.MAX_ARCHIVE_BYTES; PostgreSQL's bytea stops at 1 GB)
and the hub streams a download chunk by chunk without holding a whole archive in memory. Packs
are few and a few MB each, so the database hardly grows; no shared disk or object store is needed
on a province hub, and a PostgreSQL backup (pg_dump) holds the packs with their publications.

This revision copies the archives it finds in <data folder>/packs/ into the table, checking
each file's SHA-256 against its publication. The data folder is `config.attributes["data_dir"]`
when the caller gives it, else the hub's data folder (--data-dir / $VOLUNTEER_KIT_HOME). A
publication whose file is missing or damaged is logged and left: the hub still serves it from
the old file if one appears there, and publishing the archive again stores it in the table.
The old files are left in place (a downgrade needs them, and removing data is the operator's call).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import sqlalchemy as sa
from alembic import op

from volunteer_kit import paths

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

log = logging.getLogger("volunteer_kit.hub")

CHUNK = 1 << 20  # as hub.packs.CHUNK_BYTES (a migration keeps its own copy of what it wrote)
SUFFIX = ".vkpack"


def _data_dir() -> Path:
    config = getattr(op.get_context(), "config", None)
    given = config.attributes.get("data_dir") if config is not None else None
    if given is not None:
        return Path(given)
    return paths.data_dir()


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while block := source.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def upgrade() -> None:
    chunks = op.create_table(
        "hub_pack_chunk",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("n", sa.Integer(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )
    conn = op.get_bind()
    published = [row[0] for row in conn.execute(sa.text("SELECT sha256 FROM hub_pack ORDER BY seq"))]
    if not published:
        return
    folder = paths.packs_dir(_data_dir())  # where hubs before this revision kept archives
    moved = 0
    for sha256 in published:
        path = folder / f"{sha256}{SUFFIX}"
        try:
            if _digest(path) != sha256:
                log.warning("pack archive %s does not match its SHA-256; left out (publish it again)", path)
                continue
            with path.open("rb") as source:
                n = 0
                while block := source.read(CHUNK):
                    conn.execute(chunks.insert().values(sha256=sha256, n=n, data=block))
                    n += 1
            moved += 1
        except OSError as exc:
            log.warning("pack archive %s not found or unreadable (%s); publish it again", path, exc)
    log.info("%d of %d pack archives copied from %s into the database", moved, len(published), folder)


def downgrade() -> None:
    op.drop_table("hub_pack_chunk")
