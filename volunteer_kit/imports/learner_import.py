"""The import window's work, a step at a time: read the file and guess its columns, check every row
against the store, write the valid rows, and save the refused rows as a report.

Each is one plain call, run off the GUI thread by the window (ui.learner_import).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from volunteer_kit.errors import InvalidInput
from volunteer_kit.exports.cells import safe_text
from volunteer_kit.imports.learner_list import (
    LearnerList,
    ListRow,
    check_table,
    guess_columns,
    read_list_table,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection


def read_with_guess(path: Path) -> tuple[list[list[str]], dict[str, int]]:
    """(rows of cells, header first; the guessed field -> column index). A file that cannot be used
    is an InvalidInput; no recognised name column is not: the volunteer picks it in the next step."""
    table = read_list_table(path)
    return table, guess_columns(table[0])


def checked_list(conn: Connection, table: list[list[str]], mapping: dict[str, int]) -> LearnerList:
    """Every row's verdict for this field -> column mapping: the row checks and duplicate rules of
    read_learner_list, plus import_learners' refusal of people already here."""
    from volunteer_kit.store.learners import mark_known

    checked = check_table(table, dict(mapping))
    mark_known(conn, checked.rows)  # the words import_learners uses when it refuses them
    return checked


def import_rows(
    conn: Connection, rows: Sequence[ListRow], *, consent_recorded: bool
) -> tuple[int, list[ListRow]]:
    """Write the valid rows (learners and their consents) in the caller's transaction. Answers (learners
    added, rows refused while writing: people registered since the check). `consent_recorded`: the list
    has a consent column, or the volunteer confirmed the commune collected written consent."""
    from volunteer_kit.core.consent import CONSENT_TEXT_VERSION
    from volunteer_kit.store.learners import import_learners

    # Copies: the writer marks problems on them, never on the rows the window shows.
    copies = [ListRow(row.line, dict(row.values), list(row.problems)) for row in rows if row.ok]
    if not consent_recorded:
        raise InvalidInput(
            "Danh sách phải có cột 'Đồng ý' cho từng người, hoặc xác nhận xã đã thu phiếu đồng ý.",
            "The list needs a consent column, or a confirmation that written consent was collected.",
        )
    added = import_learners(conn, copies, consent_version=CONSENT_TEXT_VERSION)
    return added, [row for row in copies if not row.ok]


def write_refused_report(path: Path, header: Sequence[str], lines: Sequence[tuple[int, str, str]]) -> None:
    """The refused rows (line, name, reason) as a UTF-8 CSV with a BOM, so Excel shows Vietnamese
    letters; a name like =1+1 stays text a spreadsheet shows, never runs."""
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            for line, name, reason in lines:
                writer.writerow([line, safe_text(name), safe_text(reason)])
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput(
            f"Không lưu được báo cáo ({reason}); hãy chọn thư mục khác.",
            f"Could not save the report ({reason}); choose another folder.",
        ) from exc
