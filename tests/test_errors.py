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
    caplog: pytest.LogCaptureFixture,
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
    caplog: pytest.LogCaptureFixture,
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


def test_sqlites_own_error_name_decides_not_the_message(tmp_path: Path) -> None:
    """ "malformed JSON" from SQLite's json functions is a bug in a query, not a damaged file (the
    message once matched "malformed"); an I/O error is a disk problem, not a damaged file."""
    from volunteer_kit.errors import DiskError

    conn = sqlite3.connect(tmp_path / "ok.sqlite3")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("SELECT json_extract('{', '$.a')").fetchall()
    assert "malformed" in str(caught.value)
    assert translate_database_error(caught.value, tmp_path) is None
    conn.close()
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"  # what a -shm file that can't grow gives
    assert isinstance(translate_database_error(io_error, tmp_path), DiskError)


def test_the_error_behind_sqlalchemys_wrapper_is_read(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DatabaseError

    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"junk" * 1000)
    engine = create_engine(f"sqlite:///{path}")
    with pytest.raises(DatabaseError) as caught, engine.connect() as conn:
        conn.execute(text("SELECT * FROM sqlite_master")).fetchall()
    assert isinstance(translate_database_error(caught.value, path), DatabaseDamaged)
    engine.dispose()
