"""Realistic demo data for one commune loaded into an empty store: households, learners, sessions
and results, made from a seed by store.demo_records (the same seed and anchor, the same records).

Data goes in as whole units, each in one transaction: a batch of households with their
people and consents, or a batch of sessions with their attendance and results,
so a process killed halfway leaves only whole units behind.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from queue import Full
from time import perf_counter
from typing import Any

from sqlalchemy import Engine

from volunteer_kit.core.admin_units import DEMO_COMMUNE
from volunteer_kit.core.clock import VIETNAM
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store.bulk import insert_values
from volunteer_kit.store.demo_packs import FALLBACK_PACKS, read_pack_outlines
from volunteer_kit.store.demo_records import DemoGenerator
from volunteer_kit.store.devices import ensure_commune, set_device_commune, this_device_id
from volunteer_kit.store.engine import CACHE_KIB

MAX_LEARNERS = 1_000_000
BULK_CACHE_KIB = 65536


@dataclass
class DemoSummary:
    learners: int = 0
    households: int = 0
    sessions: int = 0
    records: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


TABLE_NAMES = {
    "volunteer": "volunteer",
    "household": "household",
    "learner": "learner",
    "consent": "consent",
    "session": "teaching_session",
    "attendance": "attendance",
    "attempt": "quiz_attempt",
    "check": "skill_check",
}
# Above this many learners the records are generated in a second process while this one
# writes them: generating and writing each take about half the time, and there are two cores.
PARALLEL_FROM = 5_000

# A unit ready to write: [(table key, column names, rows as tuples)], one transaction.
Unit = list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]


def _as_tuples(unit: dict[str, list[dict[str, Any]]]) -> Unit:
    out: Unit = []
    for key, rows in unit.items():
        if rows:
            columns = tuple(rows[0])
            getter = itemgetter(*columns)
            out.append((key, columns, [getter(row) for row in rows]))
    return out


def _generate(params: dict[str, Any]) -> Iterator[Unit]:
    gen = DemoGenerator(**params)
    yield _as_tuples({"volunteer": gen.volunteers()})
    for unit in gen.units():
        yield _as_tuples(unit)


def _put(queue: Any, item: Any, parent: int) -> bool:
    """Put `item`, waiting while the queue is full; False if the loading process has gone."""
    while True:
        try:
            queue.put(item, timeout=1)
            return True
        except Full:
            if os.getppid() != parent:
                queue.cancel_join_thread()  # the loader was killed: nobody will read this
                return False


def _generate_into(queue: Any, params: dict[str, Any], parent: int) -> None:
    """The second process: put units on the queue; stop if the loading process has gone."""
    try:
        for unit in _generate(params):
            if not _put(queue, unit, parent):
                return
        _put(queue, None, parent)
    except Exception as exc:  # reported to the loader, which raises it
        _put(queue, ("error", repr(exc)), parent)


def _units_from_process(params: dict[str, Any]) -> Iterator[Unit]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue(maxsize=4)
    worker = context.Process(target=_generate_into, args=(queue, params, os.getpid()), daemon=True)
    worker.start()
    try:
        while True:
            item = queue.get()
            if item is None:
                return
            if isinstance(item, tuple) and item[:1] == ("error",):
                raise RuntimeError(f"demo generator failed: {item[1]}")
            yield item
    finally:
        worker.join(timeout=5)
        if worker.is_alive():
            worker.terminate()


def load_demo(
    engine: Engine,
    *,
    learners: int = 500,
    seed: int = 1,
    anchor: date | None = None,
    lessons_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Load demo data for the demo commune into an empty store."""
    if not 1 <= learners <= MAX_LEARNERS:
        raise InvalidInput(
            f"Số người học phải từ 1 đến {MAX_LEARNERS:,}.".replace(",", "."),
            f"The number of learners must be between 1 and {MAX_LEARNERS:,}.",
        )
    with engine.connect() as conn:
        existing = conn.exec_driver_sql("SELECT count(*) FROM learner").scalar() or 0
    if existing:
        raise InvalidInput(
            f"Kho dữ liệu này đã có {existing} người học; dữ liệu mẫu chỉ nạp vào kho trống. "
            "Hãy dùng --data-dir với một thư mục mới.",
            f"This store already holds {existing} learners; demo data loads only into an empty store. "
            "Use --data-dir with a new folder.",
        )
    started = perf_counter()
    anchor = anchor or datetime.now(VIETNAM).date()
    packs = read_pack_outlines(lessons_dir) if lessons_dir else list(FALLBACK_PACKS)
    commune = DEMO_COMMUNE
    summary = DemoSummary()
    counts = dict.fromkeys(TABLE_NAMES, 0)
    with engine.begin() as conn:
        device_id = this_device_id(conn)
        ensure_commune(conn, commune.code, commune.name, commune.province_code, commune.kind)
        set_device_commune(conn, commune.code)
    params = {
        "seed": seed,
        "learners": learners,
        "anchor": anchor,
        "commune": commune,
        "device_id": device_id,
        "packs": packs,
    }
    units = _units_from_process(params) if learners >= PARALLEL_FROM else _generate(params)
    done = 0
    for unit in units:
        with engine.begin() as conn:
            # A bulk load touches many index pages: give this connection a larger page cache.
            conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
            # Each insert that fires triggers (attendance_present, the learner counter) keeps a
            # statement journal: in memory rather than in a temporary file, the load is ~20 % faster.
            conn.exec_driver_sql("PRAGMA temp_store = MEMORY")
            for key, columns, values in unit:
                insert_values(conn, TABLE_NAMES[key], columns, values)
        for key, _columns, values in unit:
            counts[key] = counts.get(key, 0) + len(values)
            if key == "learner":
                done += len(values)
                if progress:
                    progress(done, learners)
    with engine.connect() as conn:
        conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.exec_driver_sql("PRAGMA temp_store = DEFAULT")
    summary.learners = counts["learner"]
    summary.households = counts["household"]
    summary.sessions = counts["session"]
    summary.records = sum(counts.values())
    summary.counts = counts
    summary.seconds = perf_counter() - started
    return summary
