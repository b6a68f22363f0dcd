"""Background work with results posted back to the GUI thread.

As in Anki's taskman: database writes run on ONE worker thread; reads and other
work run on a small pool. A callback always runs on the GUI thread, with plain
data. Tests can pass `inline=True` to run work synchronously (Picard's
FakeThreadPool idea) when a test is about the page, not the threading.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("volunteer_kit.ui.tasks")

T = TypeVar("T")
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class TaskManager(QObject):
    _finished = Signal(object, object, object, object)  # on_done, on_error, result, error

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self._inline = inline
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vk-db")
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="vk-read")
        self._finished.connect(self._deliver)
        self.default_error: OnError | None = None
        self._pending = 0

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run_write(
        self, fn: Callable[[], T], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> None:
        """Run `fn` on the single database-writer thread."""
        self._submit(self._db, fn, on_done, on_error)

    def run_read(
        self, fn: Callable[[], T], on_done: OnDone | None = None, on_error: OnError | None = None
    ) -> None:
        """Run `fn` on the read pool (SQLite in WAL mode reads beside the writer)."""
        self._submit(self._pool, fn, on_done, on_error)

    def _submit(
        self,
        executor: ThreadPoolExecutor,
        fn: Callable[[], Any],
        on_done: OnDone | None,
        on_error: OnError | None,
    ) -> None:
        self._pending += 1
        if self._inline:
            try:
                result = fn()
            except Exception as exc:  # handed to on_error on the GUI thread
                self._deliver(on_done, on_error, None, exc)
            else:
                self._deliver(on_done, on_error, result, None)
            return
        future = executor.submit(fn)
        future.add_done_callback(lambda f: self._post(f, on_done, on_error))

    def _post(self, future: Future[Any], on_done: OnDone | None, on_error: OnError | None) -> None:
        if future.cancelled():  # cancelled at shutdown: nobody waits for it any more
            return
        error = future.exception()
        # Emitting from the worker thread queues the call onto the GUI thread.
        self._finished.emit(on_done, on_error, None if error else future.result(), error)

    @Slot(object, object, object, object)
    def _deliver(
        self, on_done: OnDone | None, on_error: OnError | None, result: Any, error: BaseException | None
    ) -> None:
        self._pending -= 1
        if error is not None:
            handler = on_error or self.default_error
            if handler is None:
                raise error
            handler(error)
        elif on_done is not None:
            on_done(result)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._db.shutdown(wait=True, cancel_futures=True)
