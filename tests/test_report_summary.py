"""attendance_present, who is present now at each session: kept exact by triggers whatever writes
the attendance records (the app, corrections, merges, sync pulls, bulk loads, the migration), and
the report's attendance figures, both checked against the supersede rule applied to the records."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import make_officer
from volunteer_kit.store.facts import current

ANCHOR = date(2026, 11, 20)
MARK_COLUMNS = (
    "id, commune_code, created_by_device, created_at, pending, deleted, session_id, learner_id, "
    "present, late, walk_in, recorded_at, supersedes_id"
)
NOW = "2026-11-19 03:00:00.000000"


def _expected(conn) -> dict[int, Counter]:
    """session rowid -> learner rowids present (one per current present mark), from the records."""
    found: dict[int, Counter] = {}
    for session, learner in conn.exec_driver_sql(
        "SELECT s.rowid, l.rowid FROM attendance a JOIN teaching_session s ON s.id = a.session_id "
        f"JOIN learner l ON l.id = a.learner_id WHERE a.present = 1 AND {current('attendance', 'a')}"
    ):
        found.setdefault(session, Counter())[learner] += 1
    return found


def _kept(conn) -> dict[int, Counter]:
    """The same, as attendance_present holds it (16 hex digits per learner)."""
    found = {}
    for session, listed in conn.exec_driver_sql(
        "SELECT session_rowid, learner_rowids FROM attendance_present"
    ):
        assert listed and len(listed) % 16 == 0
        found[session] = Counter(int(listed[i : i + 16], 16) for i in range(0, len(listed), 16))
    return found


def assert_exact(engine) -> dict[int, Counter]:
    with engine.connect() as conn:
        expected = _expected(conn)
        assert _kept(conn) == expected
    return expected


def _rowid(conn, table: str, record_id: str) -> int:
    return conn.exec_driver_sql(f"SELECT rowid FROM {table} WHERE id = ?", (record_id,)).scalar()


def _present(engine, session_id: str) -> Counter:
    """Learner ids listed present at a session by attendance_present."""
    with engine.connect() as conn:
        listed = conn.exec_driver_sql(
            "SELECT p.learner_rowids FROM attendance_present p JOIN teaching_session s "
            "ON s.rowid = p.session_rowid WHERE s.id = ?",
            (session_id,),
        ).scalar()
        rowids = [int(listed[i : i + 16], 16) for i in range(0, len(listed or ""), 16)]
        return Counter(
            conn.exec_driver_sql("SELECT id FROM learner WHERE rowid = ?", (r,)).scalar() for r in rowids
        )


def _mark(conn, session_id: str, learner_id: str, **values: Any) -> str:
    """An attendance record written as a pulled row would be (plain SQL, no app code)."""
    from volunteer_kit.core.ids import new_id

    record_id = values.pop("id", None) or new_id()
    row = {"present": 1, "deleted": 0, "supersedes_id": None, **values}
    conn.exec_driver_sql(
        f"INSERT INTO attendance ({MARK_COLUMNS}) "
        "VALUES (?, '00577', 'other-device', ?, 0, ?, ?, ?, ?, 0, 0, ?, ?)",
        (record_id, NOW, row["deleted"], session_id, learner_id, row["present"], NOW, row["supersedes_id"]),
    )
    return record_id


def test_demo_load_fills_the_summary(demo_engine) -> None:
    expected = assert_exact(demo_engine)
    assert sum(sum(c.values()) for c in expected.values()) > 200


def test_marks_and_corrections_in_the_app_keep_it_exact(demo_engine) -> None:
    from volunteer_kit.store.attendance import record_attendance
    from volunteer_kit.store.teaching import start_session

    with demo_engine.begin() as conn:
        learners = conn.exec_driver_sql("SELECT id FROM learner WHERE deleted = 0 LIMIT 4").scalars().all()
        pack = conn.exec_driver_sql("SELECT pack_id, pack_version FROM teaching_session LIMIT 1").one()
        session = start_session(
            conn,
            kind="group_class",
            pack_id=pack[0],
            pack_version=pack[1],
            lesson_ids=["l1"],
            place="Nhà văn hóa",
            learner_ids=learners[:3],
        )
    assert _present(demo_engine, session) == Counter(learners[:3])
    steps = [
        (learners[0], {"present": False}, Counter(learners[1:3])),  # marked absent
        (learners[1], {"present": True, "late": True}, Counter(learners[1:3])),  # late: still present
        (learners[0], {"present": True}, Counter(learners[:3])),  # present after all
        (learners[3], {"present": True, "walk_in": True}, Counter(learners)),  # a walk-in
        (learners[2], {"present": False}, Counter([learners[0], learners[1], learners[3]])),
    ]
    for learner, mark, now_present in steps:
        with demo_engine.begin() as conn:
            record_attendance(conn, session_id=session, learner_id=learner, **mark)
        assert _present(demo_engine, session) == now_present
        assert_exact(demo_engine)


def test_merging_two_records_of_one_person_keeps_it_exact(demo_engine) -> None:
    from volunteer_kit.store.devices import save_profile
    from volunteer_kit.store.merge import merge_learners

    make_officer(demo_engine)
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
        # Two records present at one session, and only that one (the kept mark stays, the other is
        # retracted), and two records that never met.
        shared = conn.exec_driver_sql(
            "SELECT a.learner_id, b.learner_id FROM attendance a JOIN attendance b "
            "ON a.session_id = b.session_id AND a.learner_id < b.learner_id "
            "WHERE a.present = 1 AND b.present = 1 "
            "GROUP BY a.learner_id, b.learner_id HAVING count(*) = 1 LIMIT 1"
        ).one()
        apart = conn.exec_driver_sql(
            "SELECT a.learner_id, b.learner_id FROM attendance a, attendance b "
            "WHERE a.learner_id NOT IN (?, ?) AND b.learner_id NOT IN (?, ?) AND a.learner_id < b.learner_id "
            "AND NOT EXISTS (SELECT 1 FROM attendance x JOIN attendance y ON x.session_id = y.session_id "
            "WHERE x.learner_id = a.learner_id AND y.learner_id = b.learner_id) LIMIT 1",
            (*shared, *shared),
        ).one()
        merged_rowids = [_rowid(conn, "learner", shared[1]), _rowid(conn, "learner", apart[1])]
        before = sum(sum(c.values()) for c in _expected(conn).values())
    for keep, merge in (shared, apart):
        with demo_engine.begin() as conn:
            assert merge_learners(conn, keep_id=keep, merge_id=merge) > 0
        assert_exact(demo_engine)
    after = assert_exact(demo_engine)
    assert not any(rowid in marks for marks in after.values() for rowid in merged_rowids)
    assert sum(sum(c.values()) for c in after.values()) == before - 1  # the shared session counts once


def test_records_written_as_sync_writes_them_keep_it_exact(demo_engine) -> None:
    """Duplicate marks from two devices, retractions, corrections of corrections, marks corrected
    before they arrive, tombstones and rows rewritten in place, hard deletes."""
    with demo_engine.begin() as conn:
        marks = conn.exec_driver_sql(
            "SELECT id, session_id, learner_id FROM attendance WHERE present = 1 AND supersedes_id IS NULL "
            "ORDER BY rowid LIMIT 6"
        ).all()
        (a, sa, la), (b, sb, lb), (c, sc, lc), (d, _, _), (e, _, _), (f, sf, lf) = marks
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # as a sync pull does
        _mark(conn, sa, la)  # the same person marked present on another device
        _mark(conn, sb, lb, deleted=1, supersedes_id=b)  # a retraction
        first = _mark(conn, sc, lc, present=0, supersedes_id=c)
        _mark(conn, sc, lc, supersedes_id=first)  # corrected again: present
        early = _mark(conn, sf, lf, present=0, supersedes_id="not-yet-here")  # corrects a later mark
        _mark(conn, sf, lf, id="not-yet-here")
        conn.exec_driver_sql("UPDATE attendance SET deleted = 1 WHERE id = ?", (d,))  # a tombstone
        conn.exec_driver_sql("UPDATE attendance SET present = 0 WHERE id = ?", (e,))  # rewritten in place
    assert_exact(demo_engine)
    assert _present(demo_engine, sa)[la] == 2 and lb not in _present(demo_engine, sb)
    assert _present(demo_engine, sc)[lc] == 1 and _present(demo_engine, sf)[lf] == 1
    changes = [
        ("DELETE FROM attendance WHERE id = ?", (early,)),  # the marks it corrected count again
        ("UPDATE attendance SET deleted = 0 WHERE id = ?", (d,)),
        ("UPDATE attendance SET session_id = ? WHERE id = ?", (sb, a)),  # moved to another session
    ]
    for sql, values in changes:
        with demo_engine.begin() as conn:
            conn.exec_driver_sql(sql, values)
        assert_exact(demo_engine)
    assert _present(demo_engine, sf)[lf] == 2


def test_records_whose_ids_change_or_that_are_deleted_by_hand(demo_engine) -> None:
    with demo_engine.connect() as conn:
        session, learner = conn.exec_driver_sql(
            "SELECT session_id, learner_id FROM attendance WHERE present = 1 ORDER BY rowid LIMIT 1"
        ).one()
    steps = [
        "UPDATE teaching_session SET id = 'session-renamed' WHERE id = :session",
        "UPDATE attendance SET session_id = 'session-renamed' WHERE session_id = :session",
        "UPDATE learner SET id = 'learner-renamed' WHERE id = :learner",
        "UPDATE attendance SET learner_id = 'learner-renamed' WHERE learner_id = :learner",
        "DELETE FROM learner WHERE id = 'learner-renamed'",
        "DELETE FROM teaching_session WHERE id = 'session-renamed'",
    ]
    with demo_engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")  # a repair by hand; the app never does this
        try:
            for sql in steps:
                conn.execute(text(sql), {"session": session, "learner": learner})
                conn.commit()
                assert _kept(conn) == _expected(conn)
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")


SESSION_COLUMNS = (
    "id, commune_code, created_by_device, created_at, pending, deleted, updated_at, revision, kind, "
    "pack_id, pack_version, lesson_ids, place, hamlet, starts_at, volunteer_ids, notes, attendance_closed"
)
LEARNER_COLUMNS = (
    "id, commune_code, created_by_device, created_at, pending, deleted, updated_at, revision, full_name, "
    "name_folded, name_sort, hamlet, groups, anonymized"
)


@pytest.mark.parametrize("session_first", [True, False], ids=["session-first", "learner-first"])
def test_marks_that_arrive_before_their_session_and_learner(engine, session_first: bool) -> None:
    from volunteer_kit.core.ids import new_id
    from volunteer_kit.store.devices import set_device_commune

    session, learner = new_id(), new_id()
    parents = [
        (
            f"INSERT INTO teaching_session ({SESSION_COLUMNS}) VALUES "
            "(?, '00577', 'd', ?, 0, 0, ?, 1, 'group_class', 'p', '1', '', '', '', ?, '', '', 0)",
            (session, NOW, NOW, NOW),
        ),
        (
            f"INSERT INTO learner ({LEARNER_COLUMNS}) VALUES "
            "(?, '00577', 'd', ?, 0, 0, ?, 1, 'Lò Văn Pấng', 'lo van pang', 'pang', 'Thôn Kim Lan', '', 0)",
            (learner, NOW, NOW),
        ),
    ]
    with engine.begin() as conn:
        set_device_commune(conn, "00577")
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # as a sync pull does
        _mark(conn, session, learner)
        for sql, values in parents if session_first else reversed(parents):
            assert _kept(conn) == {}  # one of the two is still missing
            conn.exec_driver_sql(sql, values)
        expected = {_rowid(conn, "teaching_session", session): Counter([_rowid(conn, "learner", learner)])}
        assert _kept(conn) == expected
    assert_exact(engine)


@pytest.fixture
def other_store(tmp_path: Path):
    from volunteer_kit.store.devices import ensure_device, set_device_commune
    from volunteer_kit.store.engine import open_store

    engine = open_store(tmp_path / "other" / "volunteer-kit.sqlite3")
    ensure_device(engine)
    with engine.begin() as conn:
        set_device_commune(conn, "00577")
    yield engine
    engine.dispose()


def _pull(engine, records: list[dict[str, Any]], *, page: int, first_seq: int = 1) -> None:
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.sync import incoming

    for n, record in enumerate(records):
        record["seq"] = first_seq + n
    for start in range(0, len(records), page):
        chunk = records[start : start + page]
        with engine.begin() as conn:
            incoming.apply_page(
                conn,
                chunk,
                next_cursor=chunk[-1]["seq"],
                device_id=ensure_device(engine),
                commune_code="00577",
            )


def _outgoing(engine) -> list[dict[str, Any]]:
    from volunteer_kit.sync import outgoing

    return [
        {"table": item.table, "id": item.id, "hash": item.hash, "data": json.loads(item.body)["data"]}
        for item in outgoing.iter_outgoing(engine, skip={})
    ]


def test_pulled_pages_keep_it_exact(demo_engine, other_store) -> None:
    from volunteer_kit.store.attendance import record_attendance
    from volunteer_kit.sync import payload

    with demo_engine.begin() as conn:
        for session_id, learner_id in conn.exec_driver_sql(
            "SELECT session_id, learner_id FROM attendance ORDER BY rowid LIMIT 20"
        ).all():
            record_attendance(conn, session_id=session_id, learner_id=learner_id, present=False)
    records = _outgoing(demo_engine)
    # Learners edited after their marks come last: their marks wait (parked) for them.
    records.sort(key=lambda r: r["table"] == "learner")
    _pull(other_store, records, page=97)
    pulled = assert_exact(other_store)
    with demo_engine.connect() as conn:
        assert sum(map(len, pulled.values())) == sum(map(len, _expected(conn).values())) > 0
    # A tombstone and a rewritten mark come in a later page: the upsert updates the rows.
    with other_store.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT {', '.join(payload.table_columns('attendance'))} FROM attendance a "
            f"WHERE a.present = 1 AND {current('attendance', 'a')} ORDER BY rowid LIMIT 2"
        ).all()
    changed = []
    for row, change in zip(rows, ({"deleted": True}, {"present": False}), strict=True):
        data = {**payload.row_to_data("attendance", row._mapping), **change}
        changed.append(
            {"table": "attendance", "id": data["id"], "hash": payload.content_hash(data), "data": data}
        )
    _pull(other_store, changed, page=10, first_seq=len(records) + 1)
    assert sum(map(len, assert_exact(other_store).values())) < sum(map(len, pulled.values()))


def test_bulk_inserted_marks_and_corrections_keep_it_exact(demo_engine) -> None:
    from volunteer_kit.core.ids import new_id
    from volunteer_kit.store.bulk import insert_values

    with demo_engine.begin() as conn:
        pairs = conn.exec_driver_sql(
            "SELECT s.id, l.id FROM teaching_session s, learner l WHERE l.deleted = 0 LIMIT 300"
        ).all()
        rows = []
        for n, (session_id, learner_id) in enumerate(pairs):
            record_id = new_id()
            rows.append((record_id, "00577", "d", NOW, 0, 0, session_id, learner_id, 1, 0, 0, NOW, None))
            if n % 7 == 0:  # corrected in the same batch
                rows.append(
                    (new_id(), "00577", "d", NOW, 0, 0, session_id, learner_id, 0, 0, 0, NOW, record_id)
                )
        insert_values(conn, "attendance", tuple(MARK_COLUMNS.split(", ")), rows)
    assert_exact(demo_engine)


def test_the_migration_fills_it_from_existing_marks(data_dir: Path) -> None:
    from volunteer_kit import paths
    from volunteer_kit.store.attendance import record_attendance
    from volunteer_kit.store.demo import load_demo
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import make_engine, open_store
    from volunteer_kit.store.migrations import upgrade_to

    path = data_dir / "old.sqlite3"
    old = make_engine(path)
    upgrade_to(old, "0006")
    ensure_device(old)
    load_demo(old, learners=200, seed=3, anchor=ANCHOR, lessons_dir=paths.lessons_dir())
    with old.begin() as conn:
        for session_id, learner_id in conn.exec_driver_sql(
            "SELECT session_id, learner_id FROM attendance ORDER BY rowid LIMIT 10"
        ).all():
            record_attendance(conn, session_id=session_id, learner_id=learner_id, present=False)
    old.dispose()
    engine = open_store(path)
    assert sum(sum(c.values()) for c in assert_exact(engine).values()) > 100
    engine.dispose()


def test_it_is_never_synced(demo_engine) -> None:
    from volunteer_kit.core.tables import SYNCED_TABLES
    from volunteer_kit.sync import payload

    assert "attendance_present" not in SYNCED_TABLES
    with pytest.raises(ValueError):
        payload.table_columns("attendance_present")
    assert "attendance_present" not in {r["table"] for r in _outgoing(demo_engine)}


# --- the report's attendance figures --------------------------------------------------------------


def _independent(
    conn, start: date | None, end: date | None, hamlet: str | None, volunteer: str | None
) -> dict:
    """The attendance figures counted straight from the records, with the supersede rule."""
    from volunteer_kit.exports.report import _bound

    where = [f"a.present = 1 AND {current('attendance', 'a')} AND s.deleted = 0 AND l.deleted = 0"]
    params: dict[str, object] = {}
    if start:
        where.append("s.starts_at >= :lo")
        params["lo"] = _bound(start, after=False)
    if end:
        where.append("s.starts_at < :hi")
        params["hi"] = _bound(end, after=True)
    if hamlet:
        where.append("l.hamlet = :hamlet")
        params["hamlet"] = hamlet
    if volunteer:
        where.append("instr(',' || s.volunteer_ids || ',', ',' || :vol || ',') > 0")
        params["vol"] = volunteer
    marks = (
        "FROM attendance a JOIN teaching_session s ON s.id = a.session_id "
        f"JOIN learner l ON l.id = a.learner_id WHERE {' AND '.join(where)}"
    )
    week = "date(s.starts_at, '+7 hours', '-6 days', 'weekday 1')"
    led_by = "instr(',' || s.volunteer_ids || ',', ',{v},') > 0"

    def rows(sql: str) -> list[tuple]:
        return [tuple(r) for r in conn.exec_driver_sql(sql, params).all()]

    return {
        "people": rows(f"SELECT count(DISTINCT a.learner_id) {marks}")[0][0],
        "packs": dict(rows(f"SELECT s.pack_id, count(DISTINCT a.learner_id) {marks} GROUP BY s.pack_id")),
        "weeks": {
            w: (n, p)
            for w, n, p in rows(f"SELECT {week}, count(*), count(DISTINCT a.learner_id) {marks} GROUP BY 1")
        },
        "volunteers": {
            v: rows(f"SELECT count(DISTINCT a.learner_id) {marks} AND {led_by.format(v=v)}")[0][0]
            for (v,) in rows("SELECT id FROM volunteer")
        },
        "sessions_with_someone": rows(f"SELECT count(DISTINCT s.id) {marks}")[0][0],
    }


def test_report_attendance_figures_equal_independent_counts(demo_engine, data_dir: Path) -> None:
    from volunteer_kit import paths
    from volunteer_kit.exports.report import compute_report
    from volunteer_kit.packs.outline import outlines_by_id

    outlines = outlines_by_id(paths.lessons_dir())
    with demo_engine.begin() as conn:
        # Two devices marked one person at one session; a record deleted by another device.
        session_id, learner_id = conn.exec_driver_sql(
            "SELECT session_id, learner_id FROM attendance WHERE present = 1 ORDER BY rowid DESC LIMIT 1"
        ).one()
        _mark(conn, session_id, learner_id)
        first = conn.exec_driver_sql("SELECT learner_id FROM attendance ORDER BY rowid LIMIT 1").scalar()
        conn.exec_driver_sql("UPDATE learner SET deleted = 1 WHERE id = ?", (first,))
        hamlet = conn.exec_driver_sql(
            "SELECT hamlet FROM learner GROUP BY hamlet ORDER BY count(*) DESC"
        ).scalar()
        volunteer = conn.exec_driver_sql("SELECT id FROM volunteer ORDER BY rowid").scalar()
    scopes = [
        (None, None, None, None),
        (date(ANCHOR.year, ANCHOR.month, 1), ANCHOR, None, None),
        (None, None, hamlet, None),
        (None, None, None, volunteer),
        (date(2026, 10, 1), ANCHOR, hamlet, volunteer),
    ]
    with demo_engine.connect() as conn:
        for start, end, in_hamlet, led_by in scopes:
            report = compute_report(
                conn, outlines, start=start, end=end, hamlet=in_hamlet, volunteer_id=led_by, questions={}
            )
            raw = _independent(conn, start, end, in_hamlet, led_by)
            assert report.people_guided == raw["people"] > 0
            assert {p.pack_id: p.people for p in report.packs if p.people} == raw["packs"]
            assert {
                w.week_start.isoformat(): (w.attendance, w.people) for w in report.weeks if w.attendance
            } == (raw["weeks"])
            assert {v.volunteer_id: v.people for v in report.volunteers if v.people} == {
                v: n for v, n in raw["volunteers"].items() if n
            }
            if in_hamlet:  # a hamlet's sessions are those one of its people attended
                assert report.sessions == raw["sessions_with_someone"]
    assert max(n for _w, (n, p) in raw["weeks"].items()) > 0
