"""Registering a learner with the duplicate check, against 100,000 learners: target <= 50 ms.

Each registration is what the window does for a walk-in: the duplicate look-up,
then the learner and their consent written and committed (synchronous=FULL).
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, big_store, report

sys.path.insert(0, str(ROOT))

RUNS = 200


def main() -> None:
    from volunteer_kit.core import vn_names
    from volunteer_kit.store.engine import open_store
    from volunteer_kit.store.learners import PossibleDuplicate, register_learner

    work = Path(tempfile.mkdtemp(prefix="vk-register-bench-"))
    try:
        shutil.copy(big_store() / "volunteer-kit.sqlite3", work / "store.sqlite3")
        engine = open_store(work / "store.sqlite3")
        rng = random.Random(5)
        timings, duplicates = [], 0
        for _ in range(RUNS):
            year = vn_names.birth_year(rng, 2026)
            gender = rng.choice(("female", "male"))
            name = vn_names.personal_name(rng, gender, year, vn_names.family_name(rng))
            started = time.perf_counter()
            try:
                with engine.begin() as conn:
                    register_learner(conn, full_name=name, birth_year=year, hamlet="Thôn Kim Lan")
            except PossibleDuplicate:
                duplicates += 1
            timings.append((time.perf_counter() - started) * 1000)
        engine.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    p95 = statistics.quantiles(timings, n=20)[18]
    print(f"{RUNS} registrations against 100,000 learners ({duplicates} offered an existing record instead)")
    report(
        "register learner",
        [
            ("registration median (ms)", statistics.median(timings), "ms", "", True),
            ("registration p95 (ms)", p95, "ms", "<= 50", p95 <= 50),
        ],
    )


if __name__ == "__main__":
    main()
