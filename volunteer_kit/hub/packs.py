"""Lesson packs and trusted publisher keys that the hub hands down to devices.

`hub publish-pack` checks an archive with the app's own pack code (volunteer_kit.packs), stores
its bytes in the database, content-addressed by SHA-256 in 1 MiB chunks (hub_pack_chunk, see
migration 0007 for why), and records the publication in the same transaction; `hub
trust-publisher` records a publisher key. Both get a number of the hub's pack feed (one sequence
for the two tables), so a device pulls "what is new after my cursor" exactly like records
(docs/sync-protocol.md "Lesson packs"). Any hub process on the database serves any archive.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import re
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import ColumnElement, Connection, Engine, func, or_, select

from volunteer_kit import paths
from volunteer_kit.core.clock import utcnow
from volunteer_kit.hub.db import writing
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.models import pack_chunk_t, pack_t, publisher_t
from volunteer_kit.hub.times import iso
from volunteer_kit.packs import signing
from volunteer_kit.packs.archive import SUFFIX, extract_archive, read_manifest
from volunteer_kit.packs.library import PackNotTrusted
from volunteer_kit.packs.reader import PackInvalid, read_pack

log = logging.getLogger("volunteer_kit.hub")

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
COMMUNE_CODE = re.compile(r"^[0-9]{5}$")
MAX_FEED_PAGE = 500
# pg_advisory_xact_lock key of the pack feed ("VKPACK"): feed numbers commit in increasing order.
FEED_LOCK = 0x564B_5041_434B
COPY_CHUNK = 1 << 20
# One row of hub_pack_chunk: small enough to stream without holding an archive in memory, large
# enough that a 5 MB pack is five rows.
CHUNK_BYTES = 1 << 20


def packs_dir(data_dir: Path) -> Path:
    return paths.packs_dir(data_dir)


def stored_path(data_dir: Path, sha256: str) -> Path:
    """This machine's copy of an archive: the read-through cache of the database (and where hubs
    before migration 0007 kept archives)."""
    return packs_dir(data_dir) / f"{sha256}{SUFFIX}"


# ---------------------------------------------------------------- the feed's sequence


def _lock_feed(conn: Connection) -> None:
    """Serialize writers of the feed on PostgreSQL (SQLite: BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({FEED_LOCK})")


def _next_feed_seq(conn: Connection) -> int:
    """The next number of the pack feed, taken while this transaction holds the feed lock."""
    top_pack = conn.execute(select(func.max(pack_t.c.seq))).scalar() or 0
    top_key = conn.execute(select(func.max(publisher_t.c.seq))).scalar() or 0
    return max(top_pack, top_key) + 1


# ---------------------------------------------------------------- trusted publishers


def trusted(engine: Engine) -> dict[str, signing.Publisher]:
    """The hub's trusted publishers, as packs.signing.verify takes them."""
    with engine.connect() as conn:
        rows = conn.execute(select(publisher_t.c.key_id, publisher_t.c.name, publisher_t.c.public_key)).all()
    found = {}
    for key, name, public in rows:
        found[key] = signing.Publisher(
            key, name, Ed25519PublicKey.from_public_bytes(base64.b64decode(public))
        )
    return found


def read_public_key_file(path: Path) -> Ed25519PublicKey:
    """The public key of a `packs keygen` .pub file ({"key_id": ..., "public_key": base64})."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        raw = base64.b64decode(data["public_key"], validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (OSError, ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise HubError(
            422,
            f"Cannot read the public key {path}: {exc}",
            f"Không đọc được khóa công khai {path}: {exc}",
        ) from exc


def trust_publisher(
    engine: Engine, public_file: Path, name: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Record a publisher key every device of the hub will trust (a new name gets a new feed number)."""
    name = name.strip()
    if not 0 < len(name) <= 200:
        raise HubError(
            422, "A publisher name has 1 to 200 characters.", "Tên nhà phát hành dài từ 1 đến 200 ký tự."
        )
    public = read_public_key_file(public_file)
    key = signing.key_id(public)
    text = signing.public_text(public)
    now = now or utcnow()
    with writing(engine) as conn:
        _lock_feed(conn)
        row = conn.execute(select(publisher_t).where(publisher_t.c.key_id == key)).mappings().first()
        if row is not None and row["name"] == name:
            status, seq = "unchanged", row["seq"]
        else:
            seq = _next_feed_seq(conn)
            values = {"seq": seq, "name": name, "public_key": text, "added_at": now}
            if row is None:
                conn.execute(publisher_t.insert().values(key_id=key, **values))
                status = "added"
            else:
                conn.execute(publisher_t.update().where(publisher_t.c.key_id == key).values(**values))
                status = "renamed"
    log.info("publisher key %s (%s) %s", key, name, status)
    return {"key_id": key, "name": name, "public_key": text, "seq": seq, "status": status}


# ---------------------------------------------------------------- publishing a pack


def check_archive(path: Path, trusted_keys: dict[str, signing.Publisher]) -> tuple[dict[str, Any], str]:
    """Check an archive exactly as a device's import does: entries, every file's SHA-256, the pack's
    rules, the signature. Returns (manifest, trust state); a bad signature is refused."""
    manifest = read_manifest(path)
    if not manifest.get("files"):
        raise PackInvalid(["manifest.json: files: an archive lists every file's SHA-256 (use packs build)"])
    with tempfile.TemporaryDirectory(prefix="vk-hub-check-") as folder:
        digests = extract_archive(path, Path(folder))
        read_pack(Path(folder), digests=digests)
    state = signing.verify(manifest, trusted_keys)
    if state == "bad-signature":
        raise PackNotTrusted(state)
    return manifest, state


def _copy_hashing(source: Path, target: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    try:
        with source.open("rb") as src, target.open("xb") as sink:
            while block := src.read(COPY_CHUNK):
                digest.update(block)
                size += len(block)
                sink.write(block)
            sink.flush()
            os.fsync(sink.fileno())
    except OSError as exc:
        raise HubError(
            422,
            f"Cannot read {source} ({exc.strerror or exc}).",
            f"Không đọc được tệp {source} ({exc.strerror or exc}).",
        ) from exc
    return digest.hexdigest(), size


def _communes_text(codes: list[str]) -> str:
    return "," + ",".join(sorted(set(codes))) + "," if codes else ""


def _communes_list(text: str) -> list[str]:
    return [code for code in text.split(",") if code]


def _stored_bytes(conn: Connection, sha256: str) -> int:
    """How many bytes of the archive `sha256` the database holds."""
    total = conn.execute(
        select(func.coalesce(func.sum(func.length(pack_chunk_t.c.data)), 0)).where(
            pack_chunk_t.c.sha256 == sha256
        )
    ).scalar()
    return int(total or 0)


def _stored_digest(conn: Connection, sha256: str) -> str:
    """The SHA-256 of the bytes the database holds for `sha256`, read a chunk at a time."""
    digest = hashlib.sha256()
    n = 0
    while True:
        block = conn.execute(
            select(pack_chunk_t.c.data).where(pack_chunk_t.c.sha256 == sha256, pack_chunk_t.c.n == n)
        ).scalar()
        if block is None:
            return digest.hexdigest()
        digest.update(block)
        n += 1


def _store_chunks(conn: Connection, sha256: str, checked: Path) -> None:
    """The checked copy's bytes into hub_pack_chunk, unless the database holds them already (the
    same file published again); a missing, partial or damaged set is replaced."""
    if _stored_digest(conn, sha256) == sha256:
        return
    conn.execute(pack_chunk_t.delete().where(pack_chunk_t.c.sha256 == sha256))
    with checked.open("rb") as source:
        n = 0
        while block := source.read(CHUNK_BYTES):
            conn.execute(pack_chunk_t.insert().values(sha256=sha256, n=n, data=block))
            n += 1


def publish_pack(
    engine: Engine,
    data_dir: Path,
    source: Path,
    *,
    communes: list[str] | None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Check the archive at `source`, and publish it to `communes` (None: every commune).

    The copy that was checked (staged in `data_dir`, not `source` read again) goes into the
    database in the same transaction as its publication, so no process ever announces a pack it
    cannot serve. Publishing the same file again to more communes widens its publication and
    gives it a new feed number; a different file with the same pack id and version is refused
    (the publisher must raise the version).
    """
    codes = [code.strip() for code in communes or []]
    for code in codes:
        if not COMMUNE_CODE.match(code):
            raise HubError(
                422,
                f"A commune code has five digits, not {code!r}.",
                f"Mã xã gồm năm chữ số, không phải {code!r}.",
            )
    if communes is not None and not codes:
        raise HubError(422, "Name at least one commune, or --all.", "Hãy nêu ít nhất một xã, hoặc --all.")
    data_dir.mkdir(parents=True, exist_ok=True)
    # Staged in the hub's own folder: a temporary folder may be a small RAM disk.
    incoming = data_dir / f".incoming-{uuid.uuid4().hex}{SUFFIX}"
    try:
        sha256, size = _copy_hashing(source, incoming)
        manifest, state = check_archive(incoming, trusted(engine))
        pack_id, version = str(manifest["id"]), str(manifest["version"])
        with engine.connect() as conn:
            other = conn.execute(
                select(pack_t.c.sha256).where(pack_t.c.pack_id == pack_id, pack_t.c.version == version)
            ).scalar()
        if other is not None and other != sha256:
            raise _version_taken(pack_id, version)
        now = now or utcnow()
        published = _publish_checked(engine, incoming, sha256, size, manifest, state, communes, codes, now)
    finally:
        incoming.unlink(missing_ok=True)
    log.info(
        "pack %s@%s (%s) %s as feed %d", pack_id, version, sha256[:12], published["status"], published["seq"]
    )
    return published


def _publish_checked(
    engine: Engine,
    checked: Path,
    sha256: str,
    size: int,
    manifest: dict[str, Any],
    state: str,
    communes: list[str] | None,
    codes: list[str],
    now: datetime,
) -> dict[str, Any]:
    """The publication row and the archive's bytes, in one transaction under the feed's lock."""
    pack_id, version = str(manifest["id"]), str(manifest["version"])
    title = manifest.get("title") or {}
    signature = manifest.get("signature") or {}
    with writing(engine) as conn:
        _lock_feed(conn)
        row = conn.execute(select(pack_t).where(pack_t.c.sha256 == sha256)).mappings().first()
        clash = conn.execute(
            select(pack_t.c.sha256).where(
                pack_t.c.pack_id == pack_id, pack_t.c.version == version, pack_t.c.sha256 != sha256
            )
        ).first()
        if clash is not None:
            raise _version_taken(pack_id, version)
        # Checked even when published already: an archive whose stored bytes are missing or damaged
        # is repaired by publishing it again.
        _store_chunks(conn, sha256, checked)
        if row is None:
            seq = _next_feed_seq(conn)
            all_communes, listed = communes is None, ([] if communes is None else sorted(set(codes)))
            conn.execute(
                pack_t.insert().values(
                    sha256=sha256,
                    seq=seq,
                    pack_id=pack_id,
                    version=version,
                    size=size,
                    title_vi=str(title.get("vi", "")),
                    title_en=str(title.get("en", "")),
                    all_communes=all_communes,
                    communes=_communes_text(listed),
                    trust=state,
                    key_id=str(signature.get("key_id", ""))[:16],
                    published_at=now,
                )
            )
            status = "published"
        else:
            all_communes = bool(row["all_communes"]) or communes is None
            listed = [] if all_communes else sorted(set(_communes_list(row["communes"])) | set(codes))
            if all_communes == bool(row["all_communes"]) and _communes_text(listed) == row["communes"]:
                seq, status = row["seq"], "unchanged"
            else:
                seq, status = _next_feed_seq(conn), "widened"
                conn.execute(
                    pack_t.update()
                    .where(pack_t.c.sha256 == sha256)
                    .values(seq=seq, all_communes=all_communes, communes=_communes_text(listed))
                )
    return {
        "id": pack_id,
        "version": version,
        "sha256": sha256,
        "size": size,
        "title": {"vi": str(title.get("vi", "")), "en": str(title.get("en", ""))},
        "all_communes": all_communes,
        "communes": listed,
        "trust": state,
        "seq": seq,
        "status": status,
    }


def _version_taken(pack_id: str, version: str) -> HubError:
    return HubError(
        409,
        f"A different pack {pack_id}@{version} is already published; the publisher must raise the version.",
        f"Đã phát hành một gói {pack_id}@{version} khác; nhà phát hành phải tăng số phiên bản.",
    )


# ---------------------------------------------------------------- what devices read


def _for_commune(commune_code: str) -> ColumnElement[bool]:
    return or_(pack_t.c.all_communes.is_(True), pack_t.c.communes.contains(f",{commune_code},"))


def feed_page(engine: Engine, *, commune_code: str, after: int, limit: int = MAX_FEED_PAGE) -> dict[str, Any]:
    """The commune's publications and every trusted key with a feed number above `after`, in order."""
    with engine.connect() as conn:
        packs = (
            conn.execute(
                select(pack_t)
                .where(pack_t.c.seq > after, _for_commune(commune_code))
                .order_by(pack_t.c.seq)
                .limit(limit + 1)
            )
            .mappings()
            .all()
        )
        keys = (
            conn.execute(
                select(publisher_t)
                .where(publisher_t.c.seq > after)
                .order_by(publisher_t.c.seq)
                .limit(limit + 1)
            )
            .mappings()
            .all()
        )
    items = sorted([("pack", r) for r in packs] + [("key", r) for r in keys], key=lambda item: item[1]["seq"])
    more = len(items) > limit
    items = items[:limit]
    return {
        "packs": [
            {
                "seq": r["seq"],
                "id": r["pack_id"],
                "version": r["version"],
                "sha256": r["sha256"],
                "size": r["size"],
                "title": {"vi": r["title_vi"], "en": r["title_en"]},
                "published_at": iso(r["published_at"]),
            }
            for kind, r in items
            if kind == "pack"
        ],
        "publishers": [
            {"seq": r["seq"], "key_id": r["key_id"], "name": r["name"], "public_key": r["public_key"]}
            for kind, r in items
            if kind == "key"
        ],
        "next": items[-1][1]["seq"] if items else after,
        "more": more,
    }


@dataclass(frozen=True)
class StoredPack:
    """A published archive a device may download: a verified copy on this machine's disk at
    `path`, or else streamed from the database."""

    sha256: str
    size: int
    path: Path | None = None


# Copies of this machine's disk already hashed by this process (content-addressed: once right,
# a copy stays right unless the disk damages it, which the first read in each process would see).
_verified: set[Path] = set()


def pack_file(engine: Engine, data_dir: Path, sha256: str, *, commune_code: str) -> StoredPack | None:
    """The archive with this SHA-256 when it is published to the commune and stored, else None.

    <data folder>/packs/<sha256>.vkpack is a read-through cache of the database (and where hubs
    before migration 0007 kept archives): served when present and whole, else the database."""
    if not SHA256_HEX.match(sha256):
        return None
    with engine.connect() as conn:
        size = conn.execute(
            select(pack_t.c.size).where(pack_t.c.sha256 == sha256, _for_commune(commune_code))
        ).scalar()
        if size is None:
            return None
        local = stored_path(data_dir, sha256)
        if _verified_copy(local, sha256):
            return StoredPack(sha256, int(size), local)
        if _stored_bytes(conn, sha256) == size:
            return StoredPack(sha256, int(size))
    return None


def _verified_copy(path: Path, sha256: str) -> bool:
    """Whether `path` holds the archive `sha256` (hashed once per process); a damaged copy is
    removed, so the database serves the archive and the copy is made again."""
    if path in _verified:
        if path.is_file():
            return True
        _verified.discard(path)
    try:
        digest = hashlib.sha256()
        with path.open("rb") as source:
            while block := source.read(COPY_CHUNK):
                digest.update(block)
    except OSError:
        return False
    if digest.hexdigest() == sha256:
        _verified.add(path)
        return True
    log.warning("the copy %s of a pack archive is damaged; removed, served from the database", path)
    path.unlink(missing_ok=True)
    return False


def archive_chunks(engine: Engine, sha256: str, *, keep_in: Path | None = None) -> Iterator[bytes]:
    """The archive's bytes, one chunk per query on a connection held only for that query: a slow
    download (a phone on 3G) keeps no database connection while the client reads. With `keep_in`
    (a data folder), the bytes are also written to its read-through cache, kept only once the
    whole archive arrived and matched its SHA-256; the cache never stops a download."""
    cache = _CacheWriter(stored_path(keep_in, sha256), sha256) if keep_in is not None else None
    try:
        n = 0
        while True:
            with engine.connect() as conn:
                block = conn.execute(
                    select(pack_chunk_t.c.data).where(pack_chunk_t.c.sha256 == sha256, pack_chunk_t.c.n == n)
                ).scalar()
            if block is None:
                break
            data = bytes(block)
            if cache is not None:
                cache.write(data)
            yield data
            n += 1
        if cache is not None:
            cache.finish()
    finally:
        if cache is not None:
            cache.discard()


class _CacheWriter:
    """A copy of an archive being streamed, in a temporary file renamed into place when whole."""

    def __init__(self, target: Path, sha256: str) -> None:
        self.target = target
        self.sha256 = sha256
        self.digest = hashlib.sha256()
        self.temporary = target.with_name(f".incoming-{uuid.uuid4().hex}{SUFFIX}")
        self.file: Any = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.file = self.temporary.open("xb")
        except OSError as exc:
            log.warning("no cache of pack archives in %s (%s)", target.parent, exc)

    def write(self, data: bytes) -> None:
        self.digest.update(data)
        if self.file is None:
            return
        try:
            self.file.write(data)
        except OSError as exc:
            log.warning("cannot cache the pack archive %s (%s)", self.target, exc)
            self.discard()

    def finish(self) -> None:
        if self.file is None:
            return
        try:
            self.file.close()
            self.file = None
            if self.digest.hexdigest() == self.sha256:
                os.replace(self.temporary, self.target)
                _verified.add(self.target)
            else:
                log.warning("pack archive %s in the database does not match its SHA-256", self.sha256)
        except OSError as exc:
            log.warning("cannot cache the pack archive %s (%s)", self.target, exc)

    def discard(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.temporary.unlink(missing_ok=True)
