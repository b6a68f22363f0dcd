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


def _own_key_id() -> str | None:
    """This laptop's certificate signing key id, or None (no key yet, or a file that cannot be read:
    issuing says why)."""
    from volunteer_kit import paths
    from volunteer_kit.certificates.keys import load_issuer_key
    from volunteer_kit.errors import KnownError

    try:
        key = load_issuer_key(paths.data_dir())
    except KnownError:
        return None
    return key.key_id if key else None


def _outlines() -> dict[str, Any]:
    """Every pack this laptop has (bundled and imported), by pack id; read on a worker thread."""
    from volunteer_kit import paths
    from volunteer_kit.packs.outline import outlines_by_id

    return outlines_by_id(paths.lessons_dir(), paths.packs_dir())


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

    def _long(
        self,
        work: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_error: OnError | None,
        *,
        writes: bool = True,
    ) -> None:
        """Long work given the engine (network, files, its own transactions) on the pool, so the one
        writer thread is never held by it; `changed` follows when it `writes`."""
        engine = self._engine
        if engine is None:
            return

        def done(result: Any) -> None:
            on_done(result)
            if writes:
                self.changed.emit()

        self.tasks.run_read(lambda: work(engine), done, on_error)

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
            outlines = outlines_by_id(paths.lessons_dir(), paths.packs_dir())
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
        phone: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        from volunteer_kit.store import devices

        self._write(
            lambda conn: devices.save_profile(conn, full_name=full_name, phone=phone),
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

    # Learner list import ----
    def read_learner_table(
        self,
        path: Path,
        on_done: Callable[[tuple[list[list[str]], dict[str, int]]], None],
        on_error: OnError | None = None,
    ) -> None:
        """Read a commune list (.csv or .xlsx) off the GUI thread. Answers (rows of cells, header
        first; the guessed field -> column index); a file that cannot be used is an InvalidInput."""
        self.tasks.run_read(lambda: self._learner_table(path), on_done, on_error)

    @staticmethod
    def _learner_table(path: Path) -> tuple[list[list[str]], dict[str, int]]:
        from volunteer_kit.imports.learner_list import guess_columns, read_list_table

        table = read_list_table(path)
        # No recognised name column is not fatal here: the volunteer picks it in the next step.
        return table, guess_columns(table[0])

    def check_learner_table(
        self,
        table: list[list[str]],
        mapping: dict[str, int],
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
    ) -> None:
        """Every row's verdict (a LearnerList) for this field -> column mapping: the row checks and
        duplicate rules of read_learner_list, plus import_learners' refusal of people already here."""
        columns = dict(mapping)
        self._read(lambda conn: self._checked_list(conn, table, columns), on_done, on_error)

    @staticmethod
    def _checked_list(conn: Any, table: list[list[str]], mapping: dict[str, int]) -> Any:
        from volunteer_kit.imports.learner_list import check_table
        from volunteer_kit.store.learners import mark_known

        checked = check_table(table, mapping)
        mark_known(conn, checked.rows)  # the words import_learners uses when it refuses them
        return checked

    def import_learner_rows(
        self,
        rows: Sequence[Any],
        *,
        consent_recorded: bool,
        on_done: Callable[[tuple[int, list[Any]]], None],
        on_error: OnError | None = None,
    ) -> None:
        """Write the valid ListRows (learners and their consents) in one transaction: they all go
        in, or on a fatal error none do. Answers (learners added, rows refused while writing: people
        registered since the check). `consent_recorded`: the list has a consent column, or the
        volunteer confirmed the commune collected written consent."""
        from volunteer_kit.core.consent import CONSENT_TEXT_VERSION
        from volunteer_kit.errors import InvalidInput
        from volunteer_kit.imports.learner_list import ListRow
        from volunteer_kit.store.learners import import_learners

        # Copies: the writer thread marks problems on them, never on what the window shows.
        copies = [ListRow(row.line, dict(row.values), list(row.problems)) for row in rows if row.ok]

        def change(conn: Any) -> tuple[int, list[Any]]:
            if not consent_recorded:
                raise InvalidInput(
                    "Danh sách phải có cột 'Đồng ý' cho từng người, hoặc xác nhận xã đã thu phiếu đồng ý.",
                    "The list needs a consent column, or a confirmation that written consent was collected.",
                )
            added = import_learners(conn, copies, consent_version=CONSENT_TEXT_VERSION)
            return added, [row for row in copies if not row.ok]

        self._write(change, on_done, on_error)

    # Sessions page ----
    def _outlines(self) -> dict[str, Any]:
        """{pack id: PackOutline} of the bundled and imported packs (call on a worker)."""
        from volunteer_kit import paths
        from volunteer_kit.packs.outline import outlines_by_id

        return outlines_by_id(paths.lessons_dir(), paths.packs_dir())

    def session_lines(self, flt: Any, lang: str, on_done: Callable[[list[Any]], None]) -> None:
        """Answers [SessionListRow] matching the SessionFilter, pack titles in `lang`."""
        from volunteer_kit.store import sessions

        def query(conn: Any) -> list[Any]:
            titles = {pack_id: o.title(lang) for pack_id, o in self._outlines().items()}
            return sessions.session_lines(conn, flt, titles)

        self._read(query, on_done)

    def session_detail(self, session_id: str, on_done: Callable[[Any], None]) -> None:
        """Answers (SessionDetail or None, {pack id: PackOutline})."""
        from volunteer_kit.store import sessions

        self._read(lambda conn: (sessions.session_detail(conn, session_id), self._outlines()), on_done)

    def record_attendance(
        self,
        *,
        session_id: str,
        learner_id: str,
        present: bool,
        late: bool,
        walk_in: bool = False,
        on_done: Callable[[str], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        """A mark or a correction: a new attendance fact superseding the learner's current one."""
        from volunteer_kit.store import teaching

        self._write(
            lambda conn: teaching.record_attendance(
                conn,
                session_id=session_id,
                learner_id=learner_id,
                present=present,
                late=late,
                walk_in=walk_in,
            ),
            on_done,
            on_error,
        )

    def add_walk_in(
        self,
        *,
        session_id: str,
        full_name: str,
        birth_year: int | None,
        hamlet: str,
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
        allow_duplicate: bool = False,
    ) -> None:
        """Register a newcomer with consent and mark them present (walk-in) in one transaction;
        a look-alike comes back as store.learners.PossibleDuplicate."""
        from volunteer_kit.store import sessions

        self._write(
            lambda conn: sessions.add_walk_in(
                conn,
                session_id=session_id,
                full_name=full_name,
                birth_year=birth_year,
                hamlet=hamlet,
                allow_duplicate=allow_duplicate,
            ),
            on_done,
            on_error,
        )

    def save_session_notes(
        self,
        session_id: str,
        notes: str,
        on_done: Callable[[int], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        from volunteer_kit.store import sessions

        self._write(lambda conn: sessions.save_session_notes(conn, session_id, notes), on_done, on_error)

    def close_attendance(
        self, session_id: str, on_done: Callable[[int], None] | None = None, on_error: OnError | None = None
    ) -> None:
        from volunteer_kit.store import sessions

        self._write(lambda conn: sessions.close_attendance(conn, session_id), on_done, on_error)

    # Households and what needs doing ----------------------------------------------------------
    def households(self, *, hamlet: str | None, search: str, on_done: Callable[[Any], None]) -> None:
        """Answers (household rows, how many matched, known hamlets)."""
        from volunteer_kit.store import households

        def query(conn: Any) -> tuple[Any, int, list[str]]:
            rows, total = households.list_households(conn, _outlines(), hamlet=hamlet, search=search)
            return rows, total, households.household_hamlets(conn)

        self._read(query, on_done)

    def household_detail(self, household_id: str, on_done: Callable[[Any], None]) -> None:
        """Answers (HouseholdDetail or None, {pack id: PackOutline})."""
        from volunteer_kit.store import households

        def query(conn: Any) -> tuple[Any, Any]:
            outlines = _outlines()
            return households.household_detail(conn, outlines, household_id), outlines

        self._read(query, on_done)

    def register_household(
        self,
        *,
        hamlet: str,
        address: str,
        people: list[Any],
        household_id: str | None = None,
        attach_ids: Sequence[str] = (),
        allow_duplicate: bool = False,
        on_done: Callable[[str], None],
        on_error: OnError | None = None,
    ) -> None:
        """A household (or `household_id`'s) with new people and their consents, in one transaction;
        look-alikes come back as store.learners.PossibleDuplicate and nothing is written."""
        from volunteer_kit.store import households

        self._write(
            lambda conn: households.register_household(
                conn,
                hamlet=hamlet,
                address=address,
                people=people,
                household_id=household_id,
                attach_ids=list(attach_ids),
                allow_duplicate=allow_duplicate,
            ),
            on_done,
            on_error,
        )

    def merge_learners(
        self,
        *,
        keep_id: str,
        merge_id: str,
        on_done: Callable[[int], None],
        on_error: OnError | None = None,
    ) -> None:
        from volunteer_kit.store import merge

        self._write(
            lambda conn: merge.merge_learners(conn, keep_id=keep_id, merge_id=merge_id), on_done, on_error
        )

    def to_do(self, on_done: Callable[[Any], None]) -> None:
        """Answers (ToDo, {pack id: PackOutline})."""
        from volunteer_kit.store import overview

        def query(conn: Any) -> tuple[Any, Any]:
            outlines = _outlines()
            return overview.to_do(conn, outlines), outlines

        self._read(query, on_done)

    # Sync ------------------------------------------------------------------------------------------
    def sync_overview(self, on_done: Callable[[Any], None]) -> None:
        """Answers a dict: the client's status (enrolled, hub, commune, role, last sync, pending),
        pending records per table, the quarantine, the last sync's summary, the device id."""
        from volunteer_kit.store.devices import this_device_id
        from volunteer_kit.store.overview import pending_by_table
        from volunteer_kit.sync import client, local
        from volunteer_kit.sync import packs as hub_packs

        def query(conn: Any) -> dict[str, Any]:
            overview = dict(client.status(conn))
            state = local.read_state(conn)
            overview["commune_name"] = state.get(local.COMMUNE_NAME)
            overview["ca_file"] = state.get(local.CA_FILE)
            overview["last_result"] = state.get(local.LAST_SYNC_RESULT)
            overview["by_table"] = pending_by_table(conn)
            overview["quarantine"] = local.list_quarantine(conn)
            overview["device_id"] = this_device_id(conn)
            overview["packs_waiting"] = hub_packs.waiting_entries(state)
            return overview

        self._read(query, on_done)

    def enroll(
        self,
        *,
        hub_url: str,
        code: str,
        label: str,
        ca_file: str | None,
        on_done: Callable[[Any], None],
        on_error: OnError,
        fingerprint: str = "",
        insecure: bool = False,
    ) -> None:
        """Trade an enrollment code for this laptop's token (network and store, off the GUI thread)."""
        from volunteer_kit.sync import client

        self._long(
            lambda engine: client.enroll(
                engine,
                hub_url,
                code,
                label=label,
                ca_file=ca_file or None,
                fingerprint=fingerprint,
                insecure=insecure,
            ),
            on_done,
            on_error,
        )

    def run_sync(
        self,
        *,
        progress: Callable[[int, int, str], None],
        cancel: Any,
        on_done: Callable[[Any], None],
        on_error: OnError,
    ) -> None:
        """Push, pull and (officers) fetch conflicts on a pool thread; `progress` is called there."""
        from volunteer_kit.sync import client

        self._long(lambda engine: client.sync(engine, progress=progress, cancel=cancel), on_done, on_error)

    def probe_hub(
        self,
        hub_url: str,
        ca_file: str | None,
        on_done: Callable[[Any], None],
        *,
        fingerprint: str = "",
        insecure: bool = False,
    ) -> None:
        from volunteer_kit.sync.probe import probe

        self.tasks.run_read(
            lambda: probe(hub_url, ca_file=ca_file, fingerprint=fingerprint, insecure=insecure),
            on_done,
            lambda _error: None,
        )

    def hub_conflicts(self, on_done: Callable[[Any], None], on_error: OnError) -> None:
        from volunteer_kit.sync import client

        self._long(client.conflicts, on_done, on_error, writes=False)

    def read_enroll_qr(self, path: str, on_done: Callable[[Any], None], on_error: OnError) -> None:
        from volunteer_kit.sync.probe import read_enroll_qr

        self.tasks.run_read(lambda: read_enroll_qr(path), on_done, on_error)

    def decide_waiting_pack(
        self, sha256: str, *, install: bool, on_done: Callable[[Any], None], on_error: OnError
    ) -> None:
        """Install a pack from the hub that no trusted publisher signed (the user accepted it),
        or forget it; file work off the GUI thread."""
        from volunteer_kit.sync import packs as hub_packs

        def work(engine: Any) -> Any:
            if install:
                return hub_packs.accept_waiting(engine, sha256)
            hub_packs.dismiss_waiting(engine, sha256)
            return None

        self._long(work, on_done, on_error)

    def retry_quarantined(self, on_done: Callable[[int], None] | None = None) -> None:
        from volunteer_kit.sync import local

        self._write(local.retry_quarantined, on_done)

    # Certificates ----------------------------------------------------------------------------------
    def certificates_overview(
        self, *, pack_id: str | None, hamlet: str | None, lang: str, on_done: Callable[[Any], None]
    ) -> None:
        """Answers a dict: "packs" [(pack id, title)] of the packs on this laptop, "hamlets" of the
        learners who started one, "eligible" and "waiting" [Eligibility] of the pack (or all) and
        hamlet (or all), "issued" [CertificateRow] of the pack, newest first, "titles" {pack id: title}."""
        from volunteer_kit.certificates.eligibility import eligibility
        from volunteer_kit.core.text import sort_key
        from volunteer_kit.store import certificates, key_retirements

        def query(conn: Any) -> dict[str, Any]:
            outlines = _outlines()
            titles = {key: outline.title(lang) for key, outline in outlines.items()}
            found = eligibility(conn, outlines, pack_id if pack_id in outlines else None)
            hamlets = sorted({e.hamlet for e in found if e.hamlet}, key=sort_key)
            chosen = [e for e in found if hamlet is None or e.hamlet == hamlet]
            issued = [
                row
                for row in reversed(certificates.certificates(conn))
                if pack_id is None or row.pack_id == pack_id
            ]
            return {
                "packs": sorted(titles.items(), key=lambda item: sort_key(item[1])),
                "hamlets": hamlets,
                "eligible": [e for e in chosen if e.eligible],
                "waiting": [e for e in chosen if not e.eligible and e.issued_serial is None],
                "issued": issued,
                "titles": titles,
                "keys": key_retirements.signing_keys(conn),
                "own_key_id": _own_key_id(),
            }

        self._read(query, on_done)

    def issue_certificates(
        self,
        by_pack: dict[str, list[str]],
        *,
        on_done: Callable[[list[Any]], None],
        on_error: OnError | None = None,
    ) -> None:
        """Issue one certificate per (pack, learner) on the writer thread, all in one transaction:
        every one is issued, or (a learner no longer eligible, a name the font cannot draw) none.
        Answers [IssuedCertificate]."""
        from volunteer_kit import paths
        from volunteer_kit.certificates.issue import issue_certificates

        wanted = {pack: list(learners) for pack, learners in by_pack.items() if learners}
        data_dir = paths.data_dir()

        def change(conn: Any) -> list[Any]:
            outlines = _outlines()
            issued: list[Any] = []
            for pack, learner_ids in wanted.items():
                issued += issue_certificates(conn, data_dir, learner_ids, pack, outlines)
            return issued

        self._write(change, on_done, on_error)

    def revoke_certificate(
        self,
        serial: str,
        reason: str,
        *,
        on_done: Callable[[str], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        """Record a revocation (a fact that syncs) on the writer thread; answers its id."""
        from volunteer_kit.certificates.issue import revoke

        self._write(lambda conn: revoke(conn, serial, reason), on_done, on_error)

    def retire_signing_key(
        self,
        reason: str,
        *,
        compromised: bool,
        key_id: str | None,
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
    ) -> None:
        """Retire this laptop's signing key (or declare the commune's key `key_id` compromised) on the
        writer thread; retire_key commits the retirement, then makes this laptop's new key. Answers
        KeyRetired (with the certificates to re-issue when compromised)."""
        from volunteer_kit import paths
        from volunteer_kit.certificates.retire import retire_key

        engine = self._engine
        if engine is None:
            return
        data_dir = paths.data_dir()

        def done(result: Any) -> None:
            on_done(result)
            self.changed.emit()

        self.tasks.run_write(
            lambda: retire_key(engine, data_dir, reason, compromised=compromised, key_id=key_id),
            done,
            on_error,
        )

    def print_certificates(
        self,
        out: Path,
        *,
        serials: Sequence[str] | None,
        progress: Callable[[int, int], None],
        cancel: Any,
        on_done: Callable[[list[str]], None],
        on_error: OnError,
    ) -> None:
        """Write the certificates (or every one not printed yet) to one PDF on a pool thread: the PDF
        takes long and only its last step writes (the printed marks, kept with the file). `progress`
        is called on that thread; a set `cancel` leaves no file. Answers the serials printed."""
        from volunteer_kit.certificates.issue import print_certificates

        wanted = None if serials is None else list(serials)

        def work(engine: Any) -> list[str]:
            with engine.begin() as conn:
                return print_certificates(
                    conn, Path(out), _outlines(), serials=wanted, progress=progress, cancel=cancel
                )

        self._long(work, on_done, on_error)

    def verify_certificate_text(self, text: str, lang: str, on_done: Callable[[Any], None]) -> None:
        """Check pasted QR text against this store's trusted keys and revocations. Answers
        ([Verdict], {pack id: title}, {commune code: name})."""
        from volunteer_kit.certificates.verify import verify_in_store

        self._read(lambda conn: self._with_names(conn, [verify_in_store(conn, text)], lang), on_done)

    def verify_certificate_file(self, path: Path, lang: str, on_done: Callable[[Any], None]) -> None:
        """Read the QR codes of a photo, scan or PDF and check each; answers as verify_certificate_text."""
        from volunteer_kit.certificates.verify import verify_image_in_store

        self._read(
            lambda conn: self._with_names(conn, verify_image_in_store(conn, Path(path)), lang), on_done
        )

    @staticmethod
    def _with_names(
        conn: Any, verdicts: list[Any], lang: str
    ) -> tuple[list[Any], dict[str, str], dict[str, str]]:
        titles = {key: outline.title(lang) for key, outline in _outlines().items()}
        communes = {}
        for code in {v.data.commune_code for v in verdicts if v.data is not None}:
            name = conn.exec_driver_sql("SELECT name FROM commune WHERE code = ?", (code,)).scalar()
            if name:
                communes[code] = str(name)
        return verdicts, titles, communes

    # Rosters and reports ----
    def report_choices(self, on_done: Callable[[Any], None]) -> None:
        """Answers (hamlets, [(volunteer id, full name)]): the Reports page's filters."""
        from volunteer_kit.core.text import sort_key
        from volunteer_kit.store import learners

        def query(conn: Any) -> tuple[list[str], list[tuple[str, str]]]:
            people = conn.exec_driver_sql(
                "SELECT id, full_name FROM volunteer WHERE deleted = 0 AND full_name != ''"
            ).all()
            return learners.hamlets(conn), sorted(
                ((str(r[0]), str(r[1])) for r in people), key=lambda p: sort_key(p[1])
            )

        self._read(query, on_done)

    def compute_report(
        self,
        *,
        start: Any,
        end: Any,
        hamlet: str | None,
        volunteer_id: str | None,
        lang: str,
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
    ) -> None:
        """Answers the Report (exports.report.compute_report) of the period and scope."""
        from volunteer_kit.exports.report import compute_report

        self._read(
            lambda conn: compute_report(
                conn, _outlines(), start=start, end=end, hamlet=hamlet, volunteer_id=volunteer_id, lang=lang
            ),
            on_done,
            on_error,
        )

    def export_report(
        self,
        fmt: str,
        out: Path,
        *,
        start: Any,
        end: Any,
        hamlet: str | None,
        volunteer_id: str | None,
        lang: str,
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
    ) -> None:
        """Compute the report and write it (xlsx or pdf) to `out`; answers the Report written, so
        the page can show exactly the figures of the file."""
        from volunteer_kit.exports.report import compute_report
        from volunteer_kit.exports.report_files import export_report

        def query(conn: Any) -> Any:
            report = compute_report(
                conn, _outlines(), start=start, end=end, hamlet=hamlet, volunteer_id=volunteer_id, lang=lang
            )
            export_report(report, fmt, Path(out))
            return report

        self._read(query, on_done, on_error)

    def export_roster(
        self,
        session_id: str,
        fmt: str,
        out: Path,
        lang: str,
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
    ) -> None:
        """Write the session's roster (csv, xlsx or pdf) to `out`; answers the Roster written."""
        from volunteer_kit.exports.roster import export_roster

        self._read(
            lambda conn: export_roster(conn, _outlines(), session_id, fmt, Path(out), lang), on_done, on_error
        )
