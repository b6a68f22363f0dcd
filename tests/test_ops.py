"""ui/ops.py: reads on the pool, writes on the one writer thread, one error policy for every failure."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from volunteer_kit import paths
from volunteer_kit.errors import InvalidInput, KnownError
from volunteer_kit.ui import crash
from volunteer_kit.ui.ops import EngineOp, FileOp, ReadOp, WriteOp
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.tasks import TaskManager

WAIT = 10_000


@pytest.fixture
def store(qtbot, data_dir: Path) -> Iterator[StoreClient]:
    tasks = TaskManager()
    client = StoreClient(tasks, paths.database_path())
    with qtbot.waitSignal(client.opened, timeout=WAIT):
        client.open()
    yield client
    tasks.shutdown()
    client.close()


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """What reached the crash dialog (its logging still happens: report_crash is wrapped, not replaced)."""
    seen: list[BaseException] = []
    real = crash.report_crash

    def recording(exc_type, exc, tb, parent=None):  # noqa: ANN001 — crash.report_crash's signature
        seen.append(exc)
        real(exc_type, exc, tb, parent)

    monkeypatch.setattr(crash, "report_crash", recording)
    return seen


def _thread_name() -> str:
    return threading.current_thread().name


def test_a_write_runs_on_the_writer_thread_and_announces_the_change(qtbot, store: StoreClient) -> None:
    answers: list[str] = []

    def write(conn) -> str:  # noqa: ANN001
        conn.exec_driver_sql("CREATE TABLE scratch (x)")
        conn.exec_driver_sql("INSERT INTO scratch VALUES (1)")
        return _thread_name()

    with qtbot.waitSignal(store.changed, timeout=WAIT):
        WriteOp(store, write).success(answers.append).run()
    assert answers[0].startswith("vk-db")
    read: list[tuple[int, str]] = []
    ReadOp(
        store, lambda conn: (conn.exec_driver_sql("SELECT x FROM scratch").scalar(), _thread_name())
    ).success(read.append).run()
    qtbot.waitUntil(lambda: bool(read), timeout=WAIT)
    assert read[0][0] == 1 and read[0][1].startswith("vk-read")


def test_long_work_holds_the_writer_and_read_only_long_work_does_not(qtbot, store: StoreClient) -> None:
    names: dict[str, str] = {}
    EngineOp(store, lambda engine: _thread_name()).success(lambda n: names.update(long=n)).run()
    EngineOp(store, lambda engine: _thread_name(), writes=False).success(lambda n: names.update(read=n)).run()
    FileOp(store, _thread_name).success(lambda n: names.update(file=n)).run()
    qtbot.waitUntil(lambda: len(names) == 3, timeout=WAIT)
    assert names["long"].startswith("vk-db")
    assert names["read"].startswith("vk-read") and names["file"].startswith("vk-read")


def test_a_failed_write_leaves_nothing_and_a_known_problem_reaches_the_page(
    qtbot, store: StoreClient, crashes: list[BaseException]
) -> None:
    problems: list[KnownError] = []
    finished: list[bool] = []

    with qtbot.waitSignal(store.changed, timeout=WAIT):
        WriteOp(store, lambda conn: conn.exec_driver_sql("CREATE TABLE half (x)")).run()

    def half_then_refuse(conn) -> None:  # noqa: ANN001
        conn.exec_driver_sql("INSERT INTO half VALUES (1)")
        raise InvalidInput("Năm sinh không hợp lệ.", "The birth year is not valid.")

    WriteOp(store, half_then_refuse).failure(problems.append).finished(lambda: finished.append(True)).run()
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    assert [p.en for p in problems] == ["The birth year is not valid."]
    assert crashes == []
    conn = sqlite3.connect(paths.database_path())
    try:
        assert conn.execute("SELECT count(*) FROM half").fetchone()[0] == 0
    finally:
        conn.close()


def test_a_database_error_sqlite_names_is_a_plain_sentence_not_sql(
    qtbot, store: StoreClient, crashes: list[BaseException]
) -> None:
    problems: list[KnownError] = []

    def locked(conn) -> None:  # noqa: ANN001
        error = sqlite3.OperationalError("database is locked")
        error.sqlite_errorcode = sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
        error.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
        raise OperationalError("UPDATE learner SET full_name = ?", (), error)

    ReadOp(store, locked).failure(problems.append).run()
    qtbot.waitUntil(lambda: bool(problems), timeout=WAIT)
    assert "UPDATE" not in problems[0].message() and "SQL" not in problems[0].message()
    assert crashes == []


def test_a_bug_is_logged_with_its_traceback_and_reaches_the_crash_dialog_not_the_page(
    qtbot, store: StoreClient, crashes: list[BaseException], caplog: pytest.LogCaptureFixture
) -> None:
    problems: list[KnownError] = []
    finished: list[bool] = []

    def buggy(conn) -> None:  # noqa: ANN001
        return {}["missing"]

    with caplog.at_level(logging.ERROR, logger="volunteer_kit.ui.crash"):
        for op in (ReadOp, WriteOp):
            op(store, buggy).failure(problems.append).finished(lambda: finished.append(True)).run()
        qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT)
    assert [type(e) for e in crashes] == [KeyError, KeyError]
    assert problems == []
    assert "Traceback" in caplog.text and "buggy" in caplog.text


def test_operations_before_the_store_opens_are_skipped_not_crashed(qtbot, data_dir: Path) -> None:
    tasks = TaskManager(inline=True)
    client = StoreClient(tasks, paths.database_path())
    answers: list[object] = []
    ReadOp(client, lambda conn: 1).success(answers.append).run()
    WriteOp(client, lambda conn: 1).success(answers.append).run()
    assert answers == [] and not tasks.busy
    tasks.shutdown()
