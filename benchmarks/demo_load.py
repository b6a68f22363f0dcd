"""Demo load of 100,000 learners with their records: target >= 20,000 records/s."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from _common import ANCHOR, ROOT, report

sys.path.insert(0, str(ROOT))


def main() -> None:
    from volunteer_kit.store.demo import load_demo
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store

    learners = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = Path(tempfile.mkdtemp(prefix="vk-demo-bench-"))
    try:
        engine = open_store(folder / "volunteer-kit.sqlite3")
        ensure_device(engine)
        summary = load_demo(engine, learners=learners, seed=1, anchor=ANCHOR, lessons_dir=ROOT / "lessons")
        engine.dispose()
        size_mb = (folder / "volunteer-kit.sqlite3").stat().st_size / 1e6
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    rate = summary.records / summary.seconds
    print(
        f"{summary.learners} learners, {summary.records} records ({summary.counts}), "
        f"{summary.seconds:.1f} s, database {size_mb:.0f} MB"
    )
    report("demo load", [("records per second", rate, "/s", ">= 20000", rate >= 20_000)])


if __name__ == "__main__":
    main()
