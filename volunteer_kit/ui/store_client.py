"""The store a window works with: opened (and migrated) off the GUI thread, closed at the end.

Pages hold a StoreClient and reach the database only through volunteer_kit/ui/ops.py, which
gives the work a connection (reads on the pool, writes on the one writer thread). This holds the
engine, the learner search index, and the signals pages listen to.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from volunteer_kit.ui.tasks import TaskManager

log = logging.getLogger("volunteer_kit.ui.store")


class StoreClient(QObject):
    opened = Signal()
    open_failed = Signal(object)  # the exception
    changed = Signal()  # something was written; pages refresh what they show

    def __init__(self, tasks: TaskManager, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.db_path = db_path
        self._engine: Any = None
        self._learner_index: Any = None

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Any:
        """The open store's engine (None until opened): for volunteer_kit.ui.ops only."""
        return self._engine

    @property
    def learner_index(self) -> Any:
        """The learner search index (None until opened), searched in a ReadOp."""
        return self._learner_index

    def open(self) -> None:
        """Open (and migrate) the store on the writer thread; emits opened or open_failed."""

        def work() -> Any:
            # Imported here, on the worker: SQLAlchemy and the models load off the GUI thread.
            from volunteer_kit.store.devices import ensure_device
            from volunteer_kit.store.engine import open_store

            engine = open_store(self.db_path)
            ensure_device(engine)
            return engine

        def done(engine: Any) -> None:
            from volunteer_kit.store.learner_index import LearnerSearchIndex

            self._engine = engine
            self._learner_index = LearnerSearchIndex()
            self.opened.emit()

        self.tasks.run_write(work, done, self.open_failed.emit)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
