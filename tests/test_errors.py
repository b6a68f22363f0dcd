"""Known problems become plain messages; unexpected errors are logged with their traceback."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from volunteer_kit.errors import DatabaseDamaged, DatabaseLocked, DiskFull, translate_database_error


def test_a_locked_database_is_a_known_problem(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path)
    holder.execute("CREATE TABLE t (x)")
    holder.commit()
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as caught:
        other.execute("INSERT INTO t VALUES (1)")
    known = translate_database_error(caught.value, path)
    assert isinstance(known, DatabaseLocked)
    assert "đóng cửa sổ Volunteer Kit khác" in known.message("vi")
    holder.rollback()
    holder.close()
    other.close()


def test_a_full_disk_is_a_known_problem(tmp_path: Path) -> None:
    path = tmp_path / "full.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    page_count = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {page_count}")  # the database may not grow: as if full
    with pytest.raises(sqlite3.DatabaseError) as caught:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 100)
    known = translate_database_error(caught.value, path)
    assert isinstance(known, DiskFull)
    assert "Ổ đĩa đã đầy" in known.message("vi")
    conn.close()


def test_a_damaged_file_is_a_known_problem(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"junk" * 1000)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    assert isinstance(translate_database_error(caught.value, path), DatabaseDamaged)


def test_an_unexpected_error_in_background_work_is_logged_with_its_traceback(
    qtbot,
    caplog: pytest.LogCaptureFixture,  # noqa: ANN001
) -> None:
    from volunteer_kit.ui import crash
    from volunteer_kit.ui.tasks import TaskManager

    tasks = TaskManager()
    tasks.default_error = lambda error: crash.show_error(None, error)

    def broken() -> None:
        raise ZeroDivisionError("a bug")

    with caplog.at_level(logging.ERROR, logger="volunteer_kit"):
        logging.getLogger("volunteer_kit").propagate = True
        tasks.run_read(broken)
        qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    tasks.shutdown()
    assert any("ZeroDivisionError: a bug" in record.getMessage() for record in caplog.records)
    assert any("Traceback" in record.getMessage() for record in caplog.records)


def test_a_known_problem_in_background_work_is_not_reported_as_a_crash(
    qtbot,
    caplog: pytest.LogCaptureFixture,  # noqa: ANN001
) -> None:
    from volunteer_kit.ui import crash
    from volunteer_kit.ui.tasks import TaskManager

    tasks = TaskManager()
    tasks.default_error = lambda error: crash.show_error(None, error)

    def locked() -> None:
        raise sqlite3.OperationalError("database is locked")

    with caplog.at_level(logging.WARNING, logger="volunteer_kit"):
        logging.getLogger("volunteer_kit").propagate = True
        tasks.run_write(locked)
        qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    tasks.shutdown()
    messages = [record.getMessage() for record in caplog.records]
    assert any("known problem" in m and "locked" in m for m in messages)
    assert not any("Traceback" in m for m in messages)
