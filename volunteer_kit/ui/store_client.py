"""What pages ask of the store. Each call runs off the GUI thread and answers with plain data.

Pages hold a StoreClient, never an engine or a session: this is the one door
between widgets and the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from volunteer_kit.core.records import LearnerFilter
from volunteer_kit.ui.tasks import OnError, TaskManager

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

    def _read(
        self, query: Callable[[Any], Any], on_done: Callable[[Any], None], on_error: OnError | None = None
    ) -> None:
        engine = self._engine
        if engine is None:
            return

        def work() -> Any:
            with engine.connect() as conn:
                return query(conn)

        self.tasks.run_read(work, on_done, on_error)

    def _write(
        self,
        change: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        engine = self._engine
        if engine is None:
            return

        def work() -> Any:
            with engine.begin() as conn:
                return change(conn)

        def done(result: Any) -> None:
            if on_done:
                on_done(result)
            self.changed.emit()

        self.tasks.run_write(work, done, on_error)

    def prepare_search(self) -> None:
        """Load the learner search index ahead of the first search (after the first page is up)."""
        if self._learner_index is not None:
            self._read(self._learner_index.refresh, lambda _none: None)

    # Reads -----------------------------------------------------------------
    def today_counts(self, on_done: Callable[[Any], None]) -> None:
        from volunteer_kit.store import overview

        self._read(overview.today_counts, on_done)

    def pending_count(self, on_done: Callable[[int], None]) -> None:
        from volunteer_kit.store import overview

        self._read(overview.pending_count, on_done)

    def search_learners(self, flt: LearnerFilter, on_done: Callable[[list[int]], None]) -> None:
        index = self._learner_index
        self._read(lambda conn: index.search(conn, flt), on_done)

    def learner_rows(self, rowids: Sequence[int], on_done: Callable[[list[Any]], None]) -> None:
        from volunteer_kit.store import learners

        ids = list(rowids)
        self._read(lambda conn: learners.rows_by_rowid(conn, ids), on_done)

    def learner_detail(self, learner_id: str, on_done: Callable[[Any], None]) -> None:
        """Answers (LearnerDetail or None, {pack id: PackOutline}, [PackProgress]): the record
        with pack titles, and the learner's progress in each pack they began."""
        from volunteer_kit import paths
        from volunteer_kit.packs.outline import outlines_by_id, pack_progress
        from volunteer_kit.store import learners
        from volunteer_kit.store.teaching import learner_pack_facts

        def query(conn: Any) -> tuple[Any, Any, Any]:
            outlines = outlines_by_id(paths.lessons_dir(), paths.data_dir() / "packs")
            progress = [
                pack_progress(facts, outlines[facts.pack_id])
                for facts in learner_pack_facts(conn, learner_id)
                if facts.pack_id in outlines
            ]
            return learners.detail(conn, learner_id), outlines, progress

        self._read(query, on_done)

    def hamlets(self, on_done: Callable[[list[str]], None]) -> None:
        from volunteer_kit.store import learners

        self._read(learners.hamlets, on_done)

    def profile(self, on_done: Callable[[Any], None]) -> None:
        from volunteer_kit.store import devices

        self._read(devices.profile, on_done)

    # Writes ----------------------------------------------------------------
    def save_profile(
        self,
        *,
        full_name: str,
        role: str,
        phone: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        from volunteer_kit.store import devices

        self._write(
            lambda conn: devices.save_profile(conn, full_name=full_name, role=role, phone=phone),
            on_done,
            on_error,
        )

    def start_session(
        self,
        *,
        kind: str,
        pack_id: str,
        pack_version: str,
        lesson_ids: list[str],
        place: str,
        learner_ids: list[str],
        on_done: Callable[[str], None],
        on_error: OnError | None = None,
    ) -> None:
        from volunteer_kit.store import teaching

        self._write(
            lambda conn: teaching.start_session(
                conn,
                kind=kind,
                pack_id=pack_id,
                pack_version=pack_version,
                lesson_ids=lesson_ids,
                place=place,
                learner_ids=learner_ids,
            ),
            on_done,
            on_error,
        )

    def record_quiz_attempt(self, on_done: Callable[[str], None] | None = None, **attempt: Any) -> None:
        from volunteer_kit.store import teaching

        self._write(lambda conn: teaching.record_quiz_attempt(conn, **attempt), on_done)

    def record_skill_checks(self, on_done: Callable[[int], None] | None = None, **checks: Any) -> None:
        from volunteer_kit.store import teaching

        self._write(lambda conn: teaching.record_skill_checks(conn, **checks), on_done)

    def register_learner(
        self,
        *,
        full_name: str,
        birth_year: int | None,
        hamlet: str,
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
        allow_duplicate: bool = False,
    ) -> None:
        """A walk-in: the learner and their consent (given by themselves), in one transaction.
        Someone who looks already registered comes back as store.learners.PossibleDuplicate."""
        from volunteer_kit.store import learners

        self._write(
            lambda conn: learners.register_learner(
                conn,
                full_name=full_name,
                birth_year=birth_year,
                hamlet=hamlet,
                allow_duplicate=allow_duplicate,
            ),
            on_done,
            on_error,
        )

    def withdraw_consent(
        self, learner_id: str, on_done: Callable[[Any], None] | None = None, on_error: OnError | None = None
    ) -> None:
        from volunteer_kit.store import learners

        self._write(lambda conn: learners.withdraw_consent(conn, learner_id), on_done, on_error)
