"""Shared by the benchmarks: a realistic 100,000-learner store, built once and reused."""

from __future__ import annotations

import json
import shutil
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/volunteer-kit-bench")
ANCHOR = date(2026, 11, 20)


def big_store(learners: int = 100_000) -> Path:
    """A data folder holding `learners` demo learners with their records (built once)."""
    sys.path.insert(0, str(ROOT))
    from volunteer_kit import paths
    from volunteer_kit.store.demo import load_demo
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import SCHEMA_HEAD, open_store

    folder = CACHE / f"store-{learners}-{SCHEMA_HEAD}"
    marker = folder / "complete"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    engine = open_store(folder / paths.DB_FILE_NAME)
    ensure_device(engine)
    started = time.perf_counter()
    load_demo(engine, learners=learners, seed=1, anchor=ANCHOR, lessons_dir=ROOT / "lessons")
    engine.dispose()
    marker.write_text(f"{time.perf_counter() - started:.1f} s\n")
    return folder


def report(name: str, rows: list[tuple[str, float, str, str, bool]]) -> None:
    """Print a table (figure, value, unit, target, met) and the same as one JSON line."""
    print(f"\n{name}")
    print(f"{'figure':<44} {'value':>12}  {'target':<22} met")
    for figure, value, unit, target, met in rows:
        print(f"{figure:<44} {value:>10.3f} {unit:<2} {target:<22} {'yes' if met else 'NO'}")
    print(
        json.dumps(
            {
                "benchmark": name,
                "figures": [
                    {"figure": f, "value": round(v, 4), "unit": u, "target": t, "met": m}
                    for f, v, u, t, m in rows
                ],
            },
            ensure_ascii=False,
        )
    )
