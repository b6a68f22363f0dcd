"""Province analytics: each commune's figures and its weeks, pre-computed for the province dashboard.

As DHIS2 does for national dashboards, pages never compute over the records: `rebuild` (in the
background, `Rebuilder`) brings commune × week tables up to date and `province_view` reads only
those few rows (plus hub_commune, hub_device and each commune's newest record). The figures come
from the desktop's own commune report (hub.analytics_build: the records applied to a temporary
device store by the device's pull code, then exports.report.compute_report), so a commune's figures
are the same on the dashboard and on its laptops.

Completeness before totals: "no data" (has_data False, figures None) is never drawn as 0, and each
commune says when the hub received its newest record and the laptop's own time of it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from time import perf_counter, sleep
from typing import Any

from sqlalchemy import Connection, Engine, case, func, select

from volunteer_kit import paths
from volunteer_kit.core import admin_units
from volunteer_kit.core.admin_units import PROVINCES
from volunteer_kit.core.clock import VIETNAM, utcnow, week_start
from volunteer_kit.core.competencies import HOUSEHOLD_SKILLS
from volunteer_kit.core.text import fold
from volunteer_kit.errors import InvalidInput
from volunteer_kit.hub import analytics_build
from volunteer_kit.hub import db as hub_db
from volunteer_kit.hub.analytics_models import analytics_commune_t, analytics_province_t, analytics_week_t
from volunteer_kit.hub.db import ENV_HUB_DB, writing
from volunteer_kit.hub.models import commune_t, device_t, latest_t, meta_t, record_t
from volunteer_kit.hub.times import as_utc, iso
from volunteer_kit.packs.outline import bundled_outlines

log = logging.getLogger("volunteer_kit.hub")

STALE_AFTER = timedelta(days=14)  # a laptop not seen for this long is stale
WEEKS_SHOWN = 12  # the weeks province_view returns, the current one last
ENV_EVERY = "VOLUNTEER_KIT_HUB_ANALYTICS_EVERY"
DEFAULT_EVERY = 300.0
# pg_advisory_lock keys of the builder: ("VKAN", the hub schema's hash). One rebuild at a time across
# all hub processes of this hub; hubs in other schemas of the same database never wait for it.
BUILD_LOCK = 0x564B_414E
_LOCK_KEYS = f"{BUILD_LOCK}, hashtext(current_schema())"
# SQLite: the builder's lease in hub_meta (a process that died leaves it to expire).
LEASE_KEY = "analytics_builder"
LEASE = timedelta(hours=1)
WAIT_STEP = 0.5
ENV_WORKERS = "VOLUNTEER_KIT_HUB_ANALYTICS_WORKERS"
MAX_WORKERS = 4
CACHE_FOLDER = "analytics"  # <data>/analytics/<hub id>/commune-<code>.sqlite3: the kept device stores
PARALLEL_FROM = 4  # communes to build before processes side by side pay for their start (~1 s each)


@dataclass(frozen=True)
class CommuneFigures:
    """One commune's figures to date. has_data False: no figures were built (nothing synced yet, or
    its first records came after the last rebuild: last_received_at tells which); every figure is
    then None, drawn as "no data", never 0."""

    commune_code: str
    commune_name: str
    has_data: bool
    learners_reached: int | None  # Report.people_guided, to date
    households_visited: int | None
    sessions: int | None
    # pack_id -> learners who completed the pack as the desktop's certificate page says it
    # (certificates.eligibility `complete`: every lesson, the quiz passed, every required skill
    # check), whether or not a certificate was issued; every pack the commune's laptops have.
    pack_people: dict[str, int]
    household_skills: dict[str, int | None]  # "HH-1".."HH-5" (None: no installed pack teaches it)
    households_total: int | None
    certificates_issued: int | None
    volunteers_active_month: int | None  # volunteers who led a session this calendar month (VN time)
    laptops: int  # enrolled, not revoked (hub_device)
    laptops_stale: int  # of those, not seen for 14 days (never seen counts)
    last_received_at: datetime | None  # the hub's receipt time of the commune's newest record
    last_recorded_at: datetime | None  # that record's own time on the laptop (updated_at, else created_at)
    synced_this_week: bool  # a record received since Monday 00:00 Vietnam time
    built_at: datetime | None = None  # when these figures were computed


@dataclass(frozen=True)
class WeekFigures:
    commune_code: str
    week_start: date  # Monday, Vietnam time
    sessions: int
    attendance: int  # present marks
    people: int  # distinct learners present that week


@dataclass(frozen=True)
class ProvinceView:
    province_code: str
    province_name: str
    built_at: datetime | None  # when a rebuild last brought the figures up to date (None: never)
    communes: tuple[CommuneFigures, ...]  # by name: hub_commune's of the province + core.admin_units'
    # The last WEEKS_SHOWN weeks (the current one last) of each commune with data, 0 where it had no
    # session; none for a commune without data.
    weeks: tuple[WeekFigures, ...]
    pack_titles: dict[str, str]  # pack_id -> title in `lang`
    communes_synced_this_week: int
    communes_total: int


def province_name(province_code: str) -> str | None:
    """The province's name; None when it is not a province code."""
    return PROVINCES.get(province_code)


def _check_province(province_code: str) -> str:
    name = province_name(province_code)
    if name is None:
        raise InvalidInput(
            f"Không có tỉnh/thành phố mã {province_code!r}; mã tỉnh gồm hai chữ số (ví dụ 01: Hà Nội).",
            f"There is no province {province_code!r}; a province code has two digits (e.g. 01: Hà Nội).",
        )
    return name


def _now(now: datetime | None) -> datetime:
    return as_utc(now) if now is not None else utcnow()


# ---------------------------------------------------------------- reading


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction that sees one state of the database: a build's swap is whole or absent."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _province_communes(conn: Connection, province_code: str) -> dict[str, str]:
    """code -> name of every commune of the province: the hub's, and those the app knows."""
    found = {
        code: name
        for code, name in conn.execute(
            select(commune_t.c.code, commune_t.c.name).where(commune_t.c.province_code == province_code)
        )
    }
    for unit in vars(admin_units).values():
        if isinstance(unit, admin_units.CommuneUnit) and unit.province_code == province_code:
            found.setdefault(unit.code, unit.name)
    return found


def _newest_records(conn: Connection, codes: list[str]) -> dict[str, tuple[int, datetime, str]]:
    """code -> (seq, receipt time, data) of each commune's newest record (one index probe each)."""
    newest = (
        select(func.max(latest_t.c.seq)).where(latest_t.c.commune_code == commune_t.c.code).scalar_subquery()
    )
    seqs = {
        code: seq
        for code, seq in conn.execute(select(commune_t.c.code, newest).where(commune_t.c.code.in_(codes)))
        if seq is not None
    }
    if not seqs:
        return {}
    rows = conn.execute(
        select(record_t.c.seq, record_t.c.received_at, record_t.c.data).where(
            record_t.c.seq.in_(list(seqs.values()))
        )
    ).all()
    by_seq = {seq: (seq, as_utc(at), data) for seq, at, data in rows}
    return {code: by_seq[seq] for code, seq in seqs.items() if seq in by_seq}


def _laptops(conn: Connection, codes: list[str], now: datetime) -> dict[str, tuple[int, int]]:
    """code -> (laptops enrolled and not revoked, of those not seen for STALE_AFTER)."""
    stale = case(
        (device_t.c.last_seen_at.is_(None), 1), (device_t.c.last_seen_at < now - STALE_AFTER, 1), else_=0
    )
    return {
        code: (int(n), int(old or 0))
        for code, n, old in conn.execute(
            select(device_t.c.commune_code, func.count(), func.sum(stale))
            .where(device_t.c.commune_code.in_(codes), device_t.c.revoked_at.is_(None))
            .group_by(device_t.c.commune_code)
        )
    }


def _window(now: datetime) -> list[date]:
    """The Mondays of the last WEEKS_SHOWN weeks, Vietnam time, the current week last."""
    monday = week_start(now).astimezone(VIETNAM).date()
    return [monday - timedelta(weeks=n) for n in range(WEEKS_SHOWN - 1, -1, -1)]


def province_view(
    engine: Engine, province_code: str, *, lang: str = "vi", now: datetime | None = None
) -> ProvinceView:
    """The province's figures as last built. Reads only the aggregate tables, hub_commune,
    hub_device and each commune's newest record (so whether it synced this week is current, not as
    of the last build): a few hundred rows, well under 0.1 s for 100 communes.

    Raises InvalidInput for a code that is not a province's."""
    name = _check_province(province_code)
    now = _now(now)
    monday = week_start(now)
    window = _window(now)
    with _snapshot(engine) as conn:
        communes = _province_communes(conn, province_code)
        codes = sorted(communes)
        built = {
            row["commune_code"]: row
            for row in conn.execute(
                select(analytics_commune_t).where(analytics_commune_t.c.commune_code.in_(codes))
            ).mappings()
        }
        week_rows = conn.execute(
            select(analytics_week_t).where(
                analytics_week_t.c.commune_code.in_(codes), analytics_week_t.c.week_start >= window[0]
            )
        ).all()
        laptops = _laptops(conn, codes, now)
        newest = _newest_records(conn, codes)
        built_at = conn.execute(
            select(analytics_province_t.c.built_at).where(
                analytics_province_t.c.province_code == province_code
            )
        ).scalar()
    figures = []
    titles: dict[str, str] = {}
    for code in codes:
        row = built.get(code)
        seq_at_data = newest.get(code)
        received = seq_at_data[1] if seq_at_data else None
        recorded = analytics_build._laptop_time(json.loads(seq_at_data[2])) if seq_at_data else None
        n, stale = laptops.get(code, (0, 0))
        if row is not None:
            for pack_id, (vi, en) in json.loads(row["pack_titles"]).items():
                titles.setdefault(pack_id, en if lang == "en" and en else vi)
        figures.append(_figures(code, communes[code], row, n, stale, received, recorded, monday))
    weeks = _weeks(figures, week_rows, window)
    figures.sort(key=lambda f: (fold(f.commune_name), f.commune_code))
    return ProvinceView(
        province_code=province_code,
        province_name=name,
        built_at=as_utc(built_at),
        communes=tuple(figures),
        weeks=weeks,
        pack_titles=titles or _bundled_titles(lang),
        communes_synced_this_week=sum(1 for f in figures if f.synced_this_week),
        communes_total=len(figures),
    )


def _figures(
    code: str,
    name: str,
    row: Any,
    laptops: int,
    stale: int,
    received: datetime | None,
    recorded: datetime | None,
    monday: datetime,
) -> CommuneFigures:
    synced = received is not None and received >= monday
    if row is None:
        return CommuneFigures(
            commune_code=code,
            commune_name=name,
            has_data=False,
            learners_reached=None,
            households_visited=None,
            sessions=None,
            pack_people={},
            household_skills=dict.fromkeys(HOUSEHOLD_SKILLS),
            households_total=None,
            certificates_issued=None,
            volunteers_active_month=None,
            laptops=laptops,
            laptops_stale=stale,
            last_received_at=received,
            last_recorded_at=recorded,
            synced_this_week=synced,
        )
    return CommuneFigures(
        commune_code=code,
        commune_name=name,
        has_data=True,
        learners_reached=row["learners_reached"],
        households_visited=row["households_visited"],
        sessions=row["sessions"],
        pack_people={k: int(v) for k, v in json.loads(row["pack_people"]).items()},
        household_skills=json.loads(row["household_skills"]),
        households_total=row["households_total"],
        certificates_issued=row["certificates_issued"],
        volunteers_active_month=row["volunteers_active_month"],
        laptops=laptops,
        laptops_stale=stale,
        last_received_at=received,
        last_recorded_at=recorded,
        synced_this_week=synced,
        built_at=as_utc(row["built_at"]),
    )


def _weeks(figures: list[CommuneFigures], rows: Sequence[Any], window: list[date]) -> tuple[WeekFigures, ...]:
    found = {(r.commune_code, _as_date(r.week_start)): r for r in rows}
    weeks = []
    for f in figures:
        if not f.has_data:
            continue
        for monday in window:
            r = found.get((f.commune_code, monday))
            weeks.append(
                WeekFigures(f.commune_code, monday, *(int(r[i]) for i in (2, 3, 4)) if r else (0, 0, 0))
            )
    return tuple(weeks)


def _as_date(value: Any) -> date:
    return (
        value
        if isinstance(value, date) and not isinstance(value, datetime)
        else date.fromisoformat(str(value))
    )


def _bundled_titles(lang: str) -> dict[str, str]:
    return {o.pack_id: o.title(lang) for o in bundled_outlines(paths.lessons_dir())}


# ---------------------------------------------------------------- one builder at a time


@contextmanager
def _builder_lock(engine: Engine, *, wait: bool) -> Iterator[bool]:
    """Yields whether this process may build now. PostgreSQL: a session advisory lock (freed if the
    process dies); SQLite: a lease row in hub_meta taken under BEGIN IMMEDIATE."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            if wait:
                conn.exec_driver_sql(f"SELECT pg_advisory_lock({_LOCK_KEYS})")
                got = True
            else:
                got = bool(conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({_LOCK_KEYS})").scalar())
            conn.commit()
            try:
                yield got
            finally:
                if got:
                    conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_LOCK_KEYS})")
                    conn.commit()
        return
    token = uuid.uuid4().hex
    got = _take_lease(engine, token)
    while not got and wait:
        sleep(WAIT_STEP)
        got = _take_lease(engine, token)
    try:
        yield got
    finally:
        if got:
            with writing(engine) as conn:
                conn.execute(
                    meta_t.delete().where(meta_t.c.key == LEASE_KEY, meta_t.c.value.like(f"% {token}"))
                )


def _take_lease(engine: Engine, token: str) -> bool:
    """Take the SQLite builder's lease unless a live builder holds it: "<until> <pid> <token>".
    A SQLite hub runs on one machine, so a holder whose process is gone (killed mid-build) is seen
    at once instead of blocking rebuilds until its lease runs out."""
    now = utcnow()
    with writing(engine) as conn:
        held = conn.execute(select(meta_t.c.value).where(meta_t.c.key == LEASE_KEY)).scalar()
        if held:
            until, _, rest = held.partition(" ")
            pid = rest.split(" ", 1)[0]
            if datetime.fromisoformat(until) > now and (not pid.isdigit() or _alive(int(pid))):
                return False
            conn.execute(meta_t.delete().where(meta_t.c.key == LEASE_KEY))
        value = f"{(now + LEASE).isoformat()} {os.getpid()} {token}"
        conn.execute(meta_t.insert().values(key=LEASE_KEY, value=value))
    return True


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows: os.kill would end the process; trust the lease
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by another user (or this system cannot tell): alive
        return True
    return True


# ---------------------------------------------------------------- rebuilding


def _to_build(
    engine: Engine, conn: Connection, province_code: str | None, *, force: bool, month: str, data_dir: Path
) -> tuple[list[tuple[str, str, str, dict[str, Any]]], list[str], int]:
    """(communes to build as (code, name, province, outlines), provinces covered, communes checked).

    A commune is rebuilt when a record came after the seq its figures saw, when its packs changed,
    or when its figures are of an earlier month (the volunteers active this month); with `force`,
    every commune with records."""
    query = select(commune_t.c.code, commune_t.c.name, commune_t.c.province_code)
    if province_code is not None:
        query = query.where(commune_t.c.province_code == province_code)
    communes = conn.execute(query.order_by(commune_t.c.code)).all()
    codes = [c[0] for c in communes]
    newest = (
        select(func.max(latest_t.c.seq)).where(latest_t.c.commune_code == commune_t.c.code).scalar_subquery()
    )
    seqs = dict(conn.execute(select(commune_t.c.code, newest).where(commune_t.c.code.in_(codes))).all())
    built = {
        r.commune_code: r
        for r in conn.execute(
            select(
                analytics_commune_t.c.commune_code,
                analytics_commune_t.c.seen_seq,
                analytics_commune_t.c.packs_key,
                analytics_commune_t.c.month,
            ).where(analytics_commune_t.c.commune_code.in_(codes))
        )
    }
    wanted = []
    for code, name, province in communes:
        if seqs.get(code) is None:
            continue  # nothing synced: "no data", nothing to build
        outlines = analytics_build.commune_outlines(engine, conn, data_dir, code)
        old = built.get(code)
        if (
            force
            or old is None
            or old.seen_seq < seqs[code]
            or old.packs_key != analytics_build.packs_key(outlines)
            or old.month != month
        ):
            wanted.append((code, name, province, outlines))
    provinces = [province_code] if province_code else sorted({c[2] for c in communes if c[2] in PROVINCES})
    return wanted, provinces, len(communes)


def _row(built: analytics_build.Built, now: datetime) -> dict[str, Any]:
    r = built.totals
    return {
        "commune_code": built.commune_code,
        "seen_seq": built.seen_seq,
        "packs_key": built.packs_key,
        "month": built.month,
        "learners_reached": r.people_guided,
        "households_visited": r.households_visited,
        "sessions": r.sessions,
        "households_total": r.households_total or 0,
        "certificates_issued": r.certificates_issued or 0,
        "volunteers_active_month": built.volunteers_active_month,
        "pack_people": json.dumps(built.pack_people, sort_keys=True),
        "household_skills": json.dumps(r.household_skills or {}, sort_keys=True),
        "pack_titles": json.dumps(built.pack_titles, ensure_ascii=False, sort_keys=True),
        "last_received_at": built.last_received_at,
        "last_recorded_at": built.last_recorded_at,
        "built_at": now,
        "seconds": round(built.seconds, 3),
    }


def _swap_in(
    engine: Engine, done: list[analytics_build.Built], provinces: list[str], now: datetime, seconds: float
) -> None:
    """Write the build in ONE transaction: a reader sees the previous figures or these, never a mix."""
    codes = [b.commune_code for b in done]
    with writing(engine) as conn:
        if codes:
            conn.execute(analytics_week_t.delete().where(analytics_week_t.c.commune_code.in_(codes)))
            conn.execute(analytics_commune_t.delete().where(analytics_commune_t.c.commune_code.in_(codes)))
            conn.execute(analytics_commune_t.insert(), [_row(b, now) for b in done])
            weeks = [
                {
                    "commune_code": b.commune_code,
                    "week_start": w.week_start,
                    "sessions": w.sessions,
                    "attendance": w.attendance,
                    "people": w.people,
                }
                for b in done
                for w in b.weeks
            ]
            if weeks:
                conn.execute(analytics_week_t.insert(), weeks)
        _before_commit(conn)
        for province in provinces:
            conn.execute(
                analytics_province_t.delete().where(analytics_province_t.c.province_code == province)
            )
            conn.execute(
                analytics_province_t.insert().values(
                    province_code=province,
                    built_at=now,
                    communes_rebuilt=len(codes),
                    seconds=round(seconds, 3),
                )
            )


def _before_commit(conn: Connection) -> None:
    """Called inside the swap's transaction, before it commits (tests read the tables from here)."""


def rebuild(
    engine: Engine,
    *,
    province_code: str | None = None,
    force: bool = False,
    now: datetime | None = None,
    data_dir: Path | None = None,
    wait: bool = True,
    workers: int | None = None,
) -> dict[str, Any]:
    """Rebuild the communes whose records changed (all with `force`), of one province or all.

    Returns {"communes": rebuilt, "checked": communes looked at, "seconds": total, "per_commune":
    {code: seconds}, "records_seen": {code: newest seq}, "provinces": [...], "busy": False,
    "failed": {code: error}}. A commune whose build fails keeps its previous figures (and is tried
    again next round); the others are swapped in. One builder at a time across all hub processes;
    with wait=False a busy builder returns at once with {"busy": True, "communes": 0, ...}.
    Communes are built by `workers` processes side by side (default: workers_from_env()) when
    there are enough of them to be worth starting the processes.
    Raises InvalidInput for a code that is not a province's."""
    if province_code is not None:
        _check_province(province_code)
    started = perf_counter()
    now = _now(now)
    data_dir = data_dir or paths.data_dir()
    month_start = analytics_build.month_start(now)
    result: dict[str, Any] = {
        "communes": 0,
        "checked": 0,
        "seconds": 0.0,
        "per_commune": {},
        "records_seen": {},
        "provinces": [],
        "busy": False,
        "failed": {},
    }
    with _builder_lock(engine, wait=wait) as got:
        if not got:
            result["busy"] = True
            return result
        with engine.connect() as conn:
            wanted, provinces, checked = _to_build(
                engine,
                conn,
                province_code,
                force=force,
                month=analytics_build.month_key(month_start),
                data_dir=data_dir,
            )
        done: list[analytics_build.Built] = []
        failed: dict[str, str] = {}
        if wanted:
            with tempfile.TemporaryDirectory(prefix="vk-analytics-") as folder:
                # Each commune's device store is kept between rounds in this machine's data folder
                # (a cache of the database, per hub: a data folder may have served another).
                cache_dir = data_dir / CACHE_FOLDER / hub_db.hub_id(engine)
                # An empty store at the schema's head, copied for a commune without a kept one (the
                # store's migrations take longer than a round of a commune that has one).
                template = Path(folder) / analytics_build.STORE_FILE
                if force or any(
                    not (cache_dir / f"commune-{code}.sqlite3").exists() for code, *_ in wanted
                ):
                    analytics_build.template_store(Path(folder))
                jobs = [
                    analytics_build.Job(
                        code, name, province, outlines, template, month_start, cache_dir, fresh=force
                    )
                    for code, name, province, outlines in wanted
                ]
                done, failed = _build_all(
                    engine, jobs, workers if workers is not None else workers_from_env()
                )
        seconds = perf_counter() - started
        _swap_in(engine, done, provinces, now, seconds)
    result.update(
        communes=len(done),
        checked=checked,
        seconds=round(perf_counter() - started, 3),
        per_commune={b.commune_code: round(b.seconds, 3) for b in done},
        records_seen={b.commune_code: b.seen_seq for b in done},
        provinces=provinces,
        failed=failed,
    )
    log.info("analytics: rebuilt %d of %d communes in %.2f s", len(done), checked, result["seconds"])
    return result


def workers_from_env(*, background: bool = False) -> int:
    """Processes that build communes side by side: $VOLUNTEER_KIT_HUB_ANALYTICS_WORKERS, else for a
    rebuild asked for now half the CPUs, at most 4, and for the background rounds one (they run
    while laptops sync: the hub's CPUs are for them first)."""
    raw = os.environ.get(ENV_WORKERS, "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return 1 if background else max(1, min(MAX_WORKERS, (os.cpu_count() or 2) // 2))


def _build_all(
    engine: Engine, jobs: list[analytics_build.Job], workers: int
) -> tuple[list[analytics_build.Built], dict[str, str]]:
    """Each job's figures, and why a commune could not be built: one commune's failure never stops
    the others' (it keeps its previous figures and is tried again next round)."""
    done: list[analytics_build.Built] = []
    failed: dict[str, str] = {}
    parallel = workers > 1 and len(jobs) >= PARALLEL_FROM and not getattr(sys, "frozen", False)
    if not parallel:
        for job in jobs:
            try:
                done.append(analytics_build.build_commune(engine, **job.arguments()))
            except Exception as exc:
                log.exception("analytics: commune %s not rebuilt", job.commune_code)
                failed[job.commune_code] = f"{type(exc).__name__}: {exc}"[:300]
        return done, failed
    url = engine.url.render_as_string(hide_password=False)
    # spawn: a fresh interpreter per worker (forking a hub process with threads is unsafe).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)),
        mp_context=context,
        initializer=analytics_build.worker_start,
        initargs=(url,),
    ) as pool:
        futures = {pool.submit(analytics_build.worker_build, job): job.commune_code for job in jobs}
        for future in as_completed(futures):
            try:
                done.append(future.result())
            except Exception as exc:
                log.error("analytics: commune %s not rebuilt: %s", futures[future], exc)
                failed[futures[future]] = f"{type(exc).__name__}: {exc}"[:300]
    done.sort(key=lambda b: b.commune_code)
    return done, failed


# ---------------------------------------------------------------- in the background


def every_from_env() -> float:
    """Seconds between rebuilds: $VOLUNTEER_KIT_HUB_ANALYTICS_EVERY, default 300 (a bad value: 300)."""
    raw = os.environ.get(ENV_EVERY, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_EVERY
    except ValueError:
        log.warning("%s=%r is not a number of seconds; using %s", ENV_EVERY, raw, DEFAULT_EVERY)
        return DEFAULT_EVERY
    return value if value > 0 else DEFAULT_EVERY


class Rebuilder:
    """A daemon thread in each hub process: every `every` seconds (default $VOLUNTEER_KIT_HUB_ANALYTICS_EVERY,
    else 300) it tries the builder lock and rebuilds what changed; when another process holds the lock,
    that round is skipped. The first round runs at start().

    By default each round runs in a child process (`hub analytics rebuild --if-free`, the database
    named by $VOLUNTEER_KIT_HUB_DB, never on its command line): applying records is Python work that
    would otherwise hold this process's interpreter lock and slow the hub's answers to laptops.
    `in_process=True` runs it in the thread itself (tests, tools)."""

    def __init__(
        self,
        engine: Engine,
        *,
        every: float | None = None,
        data_dir: Path | None = None,
        in_process: bool = False,
    ) -> None:
        self.engine = engine
        self.every = every if every is not None else every_from_env()
        self.data_dir = data_dir
        self.in_process = in_process
        self.last: dict[str, Any] | None = None  # the last round's result
        self.last_error: str | None = None
        self.rounds = 0
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._child: subprocess.Popen[str] | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="vk-analytics", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """End the thread; a round under way may finish for `timeout` seconds, then its child process
        is ended (its swap is one transaction: nothing half-written stays)."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return
        self._thread.join(timeout)
        child = self._child
        if child is not None and child.poll() is None:
            child.terminate()
            self._thread.join(10)
        self._thread = None

    def rebuild_now(self) -> None:
        """Wake the thread for a round now instead of at the next tick."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self.last = self._round()
                failed = self.last.get("failed") or {}
                self.last_error = "; ".join(f"{c}: {why}" for c, why in sorted(failed.items())) or None
            except Exception as exc:  # a failed round is logged; the next one tries again
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.exception("analytics: rebuild failed")
            self.rounds += 1
            self._wake.wait(self.every)

    def _round(self) -> dict[str, Any]:
        workers = workers_from_env(background=True)
        if self.in_process or getattr(sys, "frozen", False):  # a bundled app has no `python -m`
            return rebuild(self.engine, data_dir=self.data_dir, wait=False, workers=workers)
        env = {
            **os.environ,
            ENV_HUB_DB: self.engine.url.render_as_string(hide_password=False),
            "PYTHONIOENCODING": "utf-8",
        }
        if self.data_dir is not None:
            env[paths.ENV_HOME] = str(self.data_dir)
        command = [sys.executable, "-m", "volunteer_kit", "--lang", "en", "hub", "analytics", "rebuild"]
        self._child = subprocess.Popen(
            [*command, "--if-free", "--workers", str(workers), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        out, err = self._child.communicate()
        code, self._child = self._child.returncode, None
        if code != 0:
            lines = err.strip().splitlines()
            raise RuntimeError(f"hub analytics rebuild exited {code}: {lines[-1] if lines else ''}")
        found: dict[str, Any] = json.loads(out)
        return found


def view_json(view: ProvinceView) -> dict[str, Any]:
    """The view as JSON values (times as ISO text in UTC, days as YYYY-MM-DD), for the CLI and pages."""

    def plain(value: Any) -> Any:
        if isinstance(value, datetime):
            return iso(value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return dict(plain(dataclasses.asdict(view)))
