"""Roster of a 2,000-person community event: XLSX <= 1 s, PDF <= 3 s."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, report

sys.path.insert(0, str(ROOT))


def main() -> None:
    from volunteer_kit import paths
    from volunteer_kit.exports.roster import read_roster, write_csv, write_pdf, write_xlsx
    from volunteer_kit.packs.outline import outlines_by_id
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store
    from volunteer_kit.store.learners import register_learner
    from volunteer_kit.store.teaching import start_session

    folder = Path(tempfile.mkdtemp(prefix="vk-roster-"))
    engine = open_store(folder / paths.DB_FILE_NAME)
    ensure_device(engine)
    outlines = outlines_by_id(ROOT / "lessons")
    pack = outlines["vn.bdhvs.vneid"]
    with engine.begin() as conn:
        ids = [
            register_learner(
                conn,
                full_name=f"Nguyễn Thị Hằng {chr(65 + i % 26)}{chr(65 + i // 26 % 26)}",
                birth_year=1950 + i % 60,
                hamlet="Thôn Kim Lan",
                allow_duplicate=True,
            ).id
            for i in range(2000)
        ]
        session_id = start_session(
            conn,
            kind="community_talk",
            pack_id=pack.pack_id,
            pack_version=pack.version,
            lesson_ids=pack.lesson_ids[:1],
            place="Nhà văn hóa thôn Kim Lan",
            learner_ids=ids,
        )
    rows = []
    with engine.connect() as conn:
        started = time.perf_counter()
        roster = read_roster(conn, outlines, session_id)
        read_s = time.perf_counter() - started
    rows.append(("read roster (2,000 people)", read_s, "s", "-", True))
    for name, write, target in (("csv", write_csv, 1.0), ("xlsx", write_xlsx, 1.0), ("pdf", write_pdf, 3.0)):
        started = time.perf_counter()
        write(roster, folder / f"roster.{name}")
        took = read_s + time.perf_counter() - started
        rows.append(
            (f"roster {name} incl. read (2,000 people)", took, "s", f"<= {target:g} s", took <= target)
        )
    report("roster_export", rows)


if __name__ == "__main__":
    main()
