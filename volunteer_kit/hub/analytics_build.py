"""One commune's figures, computed by the desktop's own code over the records the hub holds.

The commune's latest records are read from the hub (hub_latest ⋈ hub_record, the JSON as stored)
and applied to a fresh temporary device store by the device's pull code (sync.incoming.apply_page),
exactly as a laptop of the commune would receive them; then exports.report.compute_report and
certificates.eligibility run over that store. A commune's figures on the province dashboard are
therefore those its own laptops' Reports page shows for the same records.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import shutil
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from time import perf_counter
from typing import Any

from sqlalchemy import Connection, Engine, event, func, or_, select

from volunteer_kit import paths
from volunteer_kit.certificates.eligibility import eligibility
from volunteer_kit.core.clock import VIETNAM
from volunteer_kit.exports.report import Report, WeekLine, compute_report
from volunteer_kit.hub import packs as hub_packs
from volunteer_kit.hub.db import province_of
from volunteer_kit.hub.models import latest_t, pack_t, record_t
from volunteer_kit.packs.archive import SUFFIX, extract_archive
from volunteer_kit.packs.outline import PackOutline, bundled_outlines, read_outline
from volunteer_kit.store.devices import ensure_commune, set_device_commune, this_device_id
from volunteer_kit.store.engine import make_engine, open_store
from volunteer_kit.sync.incoming import apply_page
from volunteer_kit.sync.local import COMMUNE_CODE, read_state, write_state

log = logging.getLogger("volunteer_kit.hub")

PAGE = 5000  # records per applied page (a laptop's pull pages are smaller; the result is the same)
STORE_FILE = "template.sqlite3"

_archive_outlines: dict[str, PackOutline | None] = {}  # sha256 of a published archive -> its outline


@dataclass(frozen=True)
class Built:
    """What a build found for one commune (the row written to hub_analytics_commune and its weeks)."""

    commune_code: str
    seen_seq: int
    packs_key: str
    month: str
    totals: Report
    volunteers_active_month: int
    pack_people: dict[str, int]
    pack_titles: dict[str, tuple[str, str]]
    last_received_at: datetime | None
    last_recorded_at: datetime | None
    seconds: float

    @property
    def weeks(self) -> tuple[WeekLine, ...]:
        return self.totals.weeks


@dataclass(frozen=True)
class Job:
    """One commune to build (sent to a worker process as it is: every field pickles)."""

    commune_code: str
    commune_name: str
    province_code: str
    outlines: Mapping[str, PackOutline]
    template: Path
    month_start: date
    cache_dir: Path | None = None  # where the commune's device store is kept between rounds
    fresh: bool = False  # start the kept store again from nothing (a forced rebuild)

    def arguments(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


_worker_engine: Engine | None = None  # a worker process's own engine on the hub database


def worker_start(url: str) -> None:
    """A worker process's start: its engine on the hub database (already migrated by the hub)."""
    global _worker_engine
    from volunteer_kit.hub.db import make_hub_engine

    _worker_engine = make_hub_engine(url)


def worker_build(job: Job) -> Built:
    if _worker_engine is None:
        raise RuntimeError("worker_start was not called")
    return build_commune(_worker_engine, **job.arguments())


# ---------------------------------------------------------------- the packs a commune's laptops have


def _version_key(outline: PackOutline) -> tuple[int, ...]:
    return tuple(int(p) for p in outline.version.split(".") if p.isdigit())


def _archive_file(engine: Engine, data_dir: Path, sha256: str, folder: Path) -> Path:
    """The published archive as a file: its bytes from the database (hub_pack_chunk, migration
    0007) written into `folder`, or the file where hubs before 0007 kept it."""
    chunks = getattr(hub_packs, "archive_chunks", None)
    if chunks is not None:
        target = folder / f"{sha256}{SUFFIX}"
        with target.open("wb") as sink:
            for block in chunks(engine, sha256):
                sink.write(block)
        if target.stat().st_size:
            return target
    return hub_packs.stored_path(data_dir, sha256)


def _archive_outline(engine: Engine, data_dir: Path, sha256: str, trust: str) -> PackOutline | None:
    """The outline of a pack archive the hub published (read once per process; None: unreadable)."""
    if sha256 not in _archive_outlines:
        found: PackOutline | None = None
        try:
            with tempfile.TemporaryDirectory(prefix="vk-analytics-pack-") as folder:
                archive = _archive_file(engine, data_dir, sha256, Path(folder))
                unpacked = Path(folder) / "pack"
                unpacked.mkdir()
                extract_archive(archive, unpacked)
                found = read_outline(unpacked)
        except Exception as exc:  # a damaged archive leaves that pack out, as a laptop would
            log.warning("analytics: cannot read published pack %s: %s", sha256, exc)
        _archive_outlines[sha256] = found
    outline = _archive_outlines[sha256]
    return dataclasses.replace(outline, trust=trust or "unsigned") if outline else None


def commune_outlines(
    engine: Engine, conn: Connection, data_dir: Path, commune_code: str
) -> dict[str, PackOutline]:
    """The packs the commune's laptops have: the bundled ones, then those the hub published to the
    commune (or to all), the newest version of an id winning, as packs.outline.outlines_by_id does."""
    found = {outline.pack_id: outline for outline in bundled_outlines(paths.lessons_dir())}
    rows = conn.execute(
        select(pack_t.c.sha256, pack_t.c.trust).where(
            or_(pack_t.c.all_communes.is_(True), pack_t.c.communes.like(f"%,{commune_code},%"))
        )
    ).all()
    published = [
        o for sha, trust in rows if (o := _archive_outline(engine, data_dir, sha, trust)) is not None
    ]
    for outline in sorted(published, key=_version_key):
        found[outline.pack_id] = outline
    return found


def packs_key(outlines: Mapping[str, PackOutline]) -> str:
    """Names the set of packs figures were computed with: when it changes, the figures are rebuilt."""
    text = ",".join(f"{o.pack_id}@{o.version}" for o in sorted(outlines.values(), key=lambda o: o.pack_id))
    return hashlib.sha256(text.encode()).hexdigest()


# ---------------------------------------------------------------- the temporary device store


def template_store(folder: Path) -> Path:
    """An empty device store at the schema's head, made once per rebuild and copied per commune
    (running the store's migrations for every commune would cost more than its report)."""
    path = folder / STORE_FILE
    engine = open_store(path)
    engine.dispose()
    return path


def _throwaway_engine(path: Path) -> Engine:
    """The device store's engine, without a sync to disk per transaction: the file is thrown away."""
    engine = make_engine(path)

    def _no_fsync(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute("PRAGMA synchronous = OFF")

    event.listen(engine, "connect", _no_fsync)
    return engine


def _laptop_time(data: Mapping[str, Any]) -> datetime | None:
    """A record's own time on the laptop: when it was last edited, else when it was made."""
    value = data.get("updated_at") or data.get("created_at")
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _pull_into(
    hub: Engine, store: Connection, commune_code: str, device_id: str, *, after: int = 0
) -> tuple[int, datetime | None, datetime | None]:
    """Apply the commune's records whose latest version is after `after` to the store in seq
    order, as a laptop's pull pages do; returns the newest seq read, its receipt time on the hub
    and its time on the laptop ((after, None, None) when nothing is newer)."""
    seen, received, data = after, None, None
    # One query: on PostgreSQL and SQLite alike it reads one snapshot, whatever pushes meanwhile.
    with hub.connect() as conn:
        # The commune's province names the one partition of hub_record to read (as pull does).
        province = province_of(conn, commune_code)
        query = (
            select(
                latest_t.c.seq,
                record_t.c.table_name,
                record_t.c.record_id,
                record_t.c.content_hash,
                record_t.c.data,
                record_t.c.received_at,
            )
            .select_from(
                latest_t.join(
                    record_t,
                    (record_t.c.seq == latest_t.c.seq) & (record_t.c.province_code == province),
                )
            )
            .where(latest_t.c.commune_code == commune_code, latest_t.c.seq > after)
            .order_by(latest_t.c.seq)
        )
        result = conn.execution_options(stream_results=True, yield_per=PAGE).execute(query)
        for rows in result.partitions(PAGE):
            records = [
                {"seq": seq, "table": table, "id": rid, "hash": h, "data": json.loads(text)}
                for seq, table, rid, h, text, _at in rows
            ]
            apply_page(
                store, records, next_cursor=rows[-1][0], device_id=device_id, commune_code=commune_code
            )
            seen, received, data = rows[-1][0], rows[-1][5], records[-1]["data"]
    received_at = received.replace(tzinfo=UTC) if received and received.tzinfo is None else received
    return seen, received_at, _laptop_time(data) if data else None


CURSOR = "analytics_cursor"  # the kept store's cursor: the hub's seq of the newest record applied
RECEIVED_AT = "analytics_received_at"
RECORDED_AT = "analytics_recorded_at"


def _remove_store(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _stored_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _kept_store(hub: Engine, path: Path, template: Path, *, fresh: bool) -> Engine:
    """The commune's kept device store (made from `template` when missing, stale or `fresh`)."""
    if path.exists() and not fresh:
        store = make_engine(path)
        try:
            with store.connect() as conn:
                after = int(read_state(conn).get(CURSOR) or 0)
            with hub.connect() as conn:
                top = conn.execute(select(func.max(latest_t.c.seq))).scalar() or 0
            if after <= top:
                return store
        except Exception:  # an unreadable cache is started again, never trusted
            log.warning("analytics: the kept store %s is unreadable; starting it again", path)
        store.dispose()
    _remove_store(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if template.exists():
        shutil.copyfile(template, path)
    else:  # the round made no template (every commune had a kept store): this one starts on its own
        open_store(path).dispose()
    return make_engine(path)


def build_commune(
    hub: Engine,
    *,
    commune_code: str,
    commune_name: str,
    province_code: str,
    outlines: Mapping[str, PackOutline],
    template: Path,
    month_start: date,
    cache_dir: Path | None = None,
    fresh: bool = False,
) -> Built:
    """The commune's figures: its records applied to a device store, then the report run over it
    (to date, and from `month_start` for the volunteers active this month).

    With `cache_dir` the store is kept there between rounds and, like a laptop's, receives only the
    records newer than its cursor: a round costs the new records and the report, not the commune's
    whole history again. The kept store is only a cache of the database (any hub machine may build;
    one that never did starts from nothing): it is started again when `fresh`, when the hub's
    records end before its cursor (a database restored from an older backup), or after a failed
    build. Without `cache_dir`, a throwaway copy of `template` is used once."""
    started = perf_counter()
    if cache_dir is None:
        path = template.with_name(f"commune-{commune_code}.sqlite3")
        shutil.copyfile(template, path)
        store = _throwaway_engine(path)
    else:
        path = cache_dir / f"commune-{commune_code}.sqlite3"
        store = _kept_store(hub, path, template, fresh=fresh)
    ok = False
    try:
        with store.begin() as conn:
            state = read_state(conn)
            after = int(state.get(CURSOR) or 0)
            device_id = this_device_id(conn)
            if after == 0:
                ensure_commune(conn, commune_code, commune_name, province_code)
                set_device_commune(conn, commune_code)
                write_state(conn, {COMMUNE_CODE: commune_code})
            seen, received_at, recorded_at = _pull_into(hub, conn, commune_code, device_id, after=after)
            if seen > after:
                write_state(
                    conn,
                    {
                        CURSOR: seen,
                        RECEIVED_AT: received_at.isoformat() if received_at else "",
                        RECORDED_AT: recorded_at.isoformat() if recorded_at else "",
                    },
                )
            else:  # nothing new: the newest record is the one the last round read
                received_at = _stored_time(state.get(RECEIVED_AT))
                recorded_at = _stored_time(state.get(RECORDED_AT))
        with store.connect() as conn:
            # questions={}: the hardest questions are not shown on the dashboard (no answer keys read).
            totals = compute_report(conn, outlines, start=None, end=None, questions={})
            month = compute_report(conn, outlines, start=month_start, end=None, questions={})
            completed = Counter(e.pack_id for e in eligibility(conn, outlines) if e.complete)
        ok = True
    finally:
        store.dispose()
        if cache_dir is None or not ok:
            _remove_store(path)
    return Built(
        commune_code=commune_code,
        seen_seq=seen,
        packs_key=packs_key(outlines),
        month=month_key(month_start),
        totals=totals,
        volunteers_active_month=sum(1 for v in month.volunteers if v.sessions > 0),
        pack_people={pack_id: completed.get(pack_id, 0) for pack_id in sorted(outlines)},
        pack_titles={pack_id: (o.title_vi, o.title_en) for pack_id, o in sorted(outlines.items())},
        last_received_at=received_at,
        last_recorded_at=recorded_at,
        seconds=perf_counter() - started,
    )


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_start(now: datetime) -> date:
    """The first day of `now`'s calendar month, Vietnam time."""
    return now.astimezone(VIETNAM).date().replace(day=1)
