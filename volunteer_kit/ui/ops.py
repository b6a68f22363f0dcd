"""Operations: the one way from a page to the store, as Anki's CollectionOp and QueryOp.

A page says what to do with a connection and what to do with the answer:

    WriteOp(self.store, lambda conn: attendance.record_attendance(conn, ...), parent=self)
        .success(self._marked)
        .failure(self._show_problem)
        .run()

- `ReadOp` runs its work on the read pool, in a connection (SQLite in WAL mode reads beside the writer).
- `WriteOp` runs it on the ONE writer thread, in a transaction; `store.changed` follows a success.
- `EngineOp` is long work given the engine that writes in its own transactions (sync, printing, key
  retirement): it holds the writer thread, so no second writer ever races the first. It reports progress
  itself (through a Qt signal) and can be cancelled by the event it was given.
- `FileOp` is work that needs no store at all (reading a file, drawing a PDF, probing the hub) on the pool.

Every failure takes one path (`_failed`): a known problem (`crash.as_known`: a KnownError, or a database
error SQLite names) is one plain sentence — for the page's `failure` callback if it has one, else in a
message box; anything else is a bug: logged with its traceback and shown in the crash dialog. `finished`
runs after either, for a page that must re-enable a button whatever happened.

The callbacks run on the GUI thread with plain data. The work never touches a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Self, TypeVar

from PySide6.QtWidgets import QWidget

from volunteer_kit.errors import KnownError
from volunteer_kit.ui import crash

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine  # noqa: F401 — Connection is named in quoted bases

    from volunteer_kit.ui.store_client import StoreClient

log = logging.getLogger("volunteer_kit.ui.ops")

T = TypeVar("T")
W = TypeVar("W")


class _Op(Generic[W, T]):
    """What every operation shares: its callbacks and its one error policy."""

    changes_store = False

    def __init__(self, store: StoreClient, work: Callable[[W], T], *, parent: QWidget | None = None) -> None:
        self._store = store
        self._work = work
        self._parent = parent
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[KnownError], None] | None = None
        self._on_finished: Callable[[], None] | None = None

    def success(self, on_success: Callable[[T], None]) -> Self:
        """Called with the work's answer on the GUI thread."""
        self._on_success = on_success
        return self

    def failure(self, on_failure: Callable[[KnownError], None]) -> Self:
        """Called with a known problem (a plain sentence) instead of the message box. Bugs never come
        here: they always reach the log and the crash dialog."""
        self._on_failure = on_failure
        return self

    def finished(self, on_finished: Callable[[], None]) -> Self:
        """Called after the success or failure callbacks, whatever happened."""
        self._on_finished = on_finished
        return self

    def run(self) -> None:
        raise NotImplementedError

    # The answer, on the GUI thread ----------------------------------------------------------------
    def _succeeded(self, result: T) -> None:
        try:
            if self._on_success is not None:
                self._on_success(result)
            if self.changes_store:
                self._store.changed.emit()
        finally:
            self._finish()

    def _failed(self, error: BaseException) -> None:
        try:
            known = crash.as_known(error)
            if known is None:
                crash.report_crash(type(error), error, error.__traceback__, self._parent)
            elif self._on_failure is not None:
                log.info("known problem: %s", known.en)
                self._on_failure(known)
            else:
                crash.show_error(self._parent, known)
        finally:
            self._finish()

    def _finish(self) -> None:
        if self._on_finished is not None:
            self._on_finished()


class ReadOp(_Op["Connection", T]):
    """Read in a connection on the read pool."""

    def run(self) -> None:
        engine = self._store.engine
        if engine is None:
            log.debug("store not open yet: read skipped")
            return
        work = self._work

        def in_connection() -> T:
            with engine.connect() as conn:
                return work(conn)

        self._store.tasks.run_read(in_connection, self._succeeded, self._failed)


class WriteOp(_Op["Connection", T]):
    """Write in one transaction on the writer thread; `store.changed` follows a success."""

    changes_store = True

    def run(self) -> None:
        engine = self._store.engine
        if engine is None:
            log.debug("store not open yet: write skipped")
            return
        work = self._work

        def in_transaction() -> T:
            with engine.begin() as conn:
                return work(conn)

        self._store.tasks.run_write(in_transaction, self._succeeded, self._failed)


class EngineOp(_Op["Engine", T]):
    """Long work with its own transactions (sync, printing, retiring a key), holding the writer thread;
    `store.changed` follows a success unless `writes=False` (it only reads, then it runs on the pool)."""

    def __init__(
        self,
        store: StoreClient,
        work: Callable[[Engine], T],
        *,
        parent: QWidget | None = None,
        writes: bool = True,
    ) -> None:
        super().__init__(store, work, parent=parent)
        self.changes_store = writes

    def run(self) -> None:
        engine = self._store.engine
        if engine is None:
            log.debug("store not open yet: work skipped")
            return
        work = self._work
        run = self._store.tasks.run_write if self.changes_store else self._store.tasks.run_read
        run(lambda: work(engine), self._succeeded, self._failed)


class FileOp(_Op[None, T]):
    """Work that needs no store (files, drawing, the network) on the pool."""

    def __init__(self, store: StoreClient, work: Callable[[], T], *, parent: QWidget | None = None) -> None:
        super().__init__(store, lambda _nothing: work(), parent=parent)

    def run(self) -> None:
        work = self._work
        self._store.tasks.run_read(lambda: work(None), self._succeeded, self._failed)
