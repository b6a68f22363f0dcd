"""Import of a 20,000-row commune spreadsheet (XLSX), duplicate check on: target <= 5 s.

The list goes into a copy of the 100,000-learner store, so every row is checked
against 100,000 known learners as well as against the rest of the file.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, big_store, report

sys.path.insert(0, str(ROOT))

ROWS = 20_000


def make_list(path: Path) -> None:
    from openpyxl import Workbook

    from volunteer_kit.core import vn_names

    rng = random.Random(11)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["STT", "Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Thôn/tổ", "Nhóm", "Đồng ý"])
    for n in range(1, ROWS + 1):
        gender = rng.choice(("female", "male"))
        year = vn_names.birth_year(rng, 2026)
        name = vn_names.personal_name(rng, gender, year, vn_names.family_name(rng))
        phone = f"08{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.6 else ""
        group = "Người cao tuổi" if year < 1966 else rng.choice(("Người lao động", "", "Học sinh, sinh viên"))
        sheet.append(
            [
                n,
                name,
                year,
                "Nữ" if gender == "female" else "Nam",
                phone,
                rng.choice(("Thôn Kim Lan", "Thôn Giang Cao", "Thôn Bát Tràng")),
                group,
                "Có",
            ]
        )
    workbook.save(path)


def main() -> None:
    from volunteer_kit.core.consent import CONSENT_TEXT_VERSION
    from volunteer_kit.imports.learner_list import read_learner_list
    from volunteer_kit.store.engine import open_store
    from volunteer_kit.store.learners import import_learners

    work = Path(tempfile.mkdtemp(prefix="vk-import-bench-"))
    try:
        listing_path = work / "danh-sach.xlsx"
        make_list(listing_path)
        shutil.copy(big_store() / "volunteer-kit.sqlite3", work / "store.sqlite3")
        engine = open_store(work / "store.sqlite3")
        started = time.perf_counter()
        listing = read_learner_list(listing_path)
        read_s = time.perf_counter() - started
        with engine.begin() as conn:
            added = import_learners(conn, listing.valid, consent_version=CONSENT_TEXT_VERSION)
        total_s = time.perf_counter() - started
        engine.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"{ROWS} rows: {added} imported, {len(listing.refused)} refused (duplicates and bad rows), "
        f"into a store of 100,000 learners"
    )
    report(
        "learner import",
        [
            ("read and check the XLSX (s)", read_s, "s", "(for information)", True),
            ("whole import, duplicate check on (s)", total_s, "s", "<= 5", total_s <= 5),
        ],
    )


if __name__ == "__main__":
    main()
