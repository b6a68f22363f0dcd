"""The store: pragmas, migrations that keep every record, refusing damaged files, NFC and search."""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from volunteer_kit.core.models import Household, Learner
from volunteer_kit.core.records import LearnerFilter
from volunteer_kit.errors import DatabaseDamaged, DatabaseTooNew
from volunteer_kit.store import learners
from volunteer_kit.store.devices import this_device_id
from volunteer_kit.store.engine import SCHEMA_HEAD, make_engine, open_store
from volunteer_kit.store.migrations import head_revision, upgrade_to


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_connections_get_the_safety_pragmas(engine) -> None:
    with engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 5000


def test_foreign_keys_are_enforced(engine) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), Session(engine) as session:
        session.add(
            Learner(
                full_name="Lê Văn Tám",
                household_id="no-such-household",
                commune_code="00577",
                created_by_device="d",
            )
        )
        session.commit()


def test_schema_head_constant_matches_the_migrations() -> None:
    assert SCHEMA_HEAD == head_revision()


def test_new_store_is_created_at_head(data_dir: Path) -> None:
    engine = open_store(data_dir / "new.sqlite3")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD
    engine.dispose()
    assert not (data_dir / "backups").exists()  # nothing to back up for a new file


def _first_schema_store(path: Path) -> None:
    """A store exactly as the first migration made it, with records written in that shape."""
    engine = make_engine(path)
    upgrade_to(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO household (id, commune_code, created_by_device, created_at, pending, deleted, "
            "updated_at, revision, hamlet, address, head_name, note) VALUES ('h1', '00577', 'dev', "
            "'2025-09-01 08:00:00.000000', 1, 0, '2025-09-01 08:00:00.000000', 1, 'Thôn Kim Lan', '', '', '')"
        )
        for n, (name, phone) in enumerate(
            [("Nguyễn Thị Hằng", "0912345678"), ("Đặng Văn Đức", None), ("Lò Thị Mai", "0987 654 321")]
        ):
            conn.execute(
                text(
                    "INSERT INTO learner (id, commune_code, created_by_device, created_at, pending, deleted, "
                    "updated_at, revision, household_id, full_name, name_folded, name_sort, birth_year, "
                    "gender, phone, hamlet, groups, anonymized) VALUES (:id, '00577', 'dev', "
                    "'2025-09-01 08:00:00.000000', 1, 0, '2025-09-01 08:00:00.000000', 1, 'h1', :name, '', "
                    "'', 1950, 'female', :phone, 'Thôn Kim Lan', ',elderly,', 0)"
                ),
                {"id": f"l{n}", "name": name, "phone": phone},
            )
    engine.dispose()


def test_older_schema_is_migrated_keeping_every_record_and_a_backup(data_dir: Path) -> None:
    path = data_dir / "old.sqlite3"
    _first_schema_store(path)
    engine = open_store(path)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD
        names = conn.exec_driver_sql("SELECT full_name FROM learner ORDER BY id").scalars().all()
        assert names == ["Nguyễn Thị Hằng", "Đặng Văn Đức", "Lò Thị Mai"]
        assert conn.exec_driver_sql("SELECT count(*) FROM household").scalar() == 1
        # The migration filled the new search column for existing learners.
        assert [r.full_name for r in learners.search(conn, LearnerFilter(text="dang van duc"))] == [
            "Đặng Văn Đức"
        ]
        assert [r.full_name for r in learners.search(conn, LearnerFilter(text="0987654"))] == ["Lò Thị Mai"]
        assert len(learners.search(conn, LearnerFilter(text="kim lan"))) == 3
    engine.dispose()
    backups = list((data_dir / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert copy.execute("SELECT count(*) FROM learner").fetchone()[0] == 3
    copy.close()


@pytest.mark.parametrize(
    "content",
    [b"", b"this is a spreadsheet, not a database\n" * 50, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["empty", "text", "garbage-after-header"],
)
def test_damaged_or_foreign_file_is_refused_and_left_untouched(data_dir: Path, content: bytes) -> None:
    path = data_dir / "volunteer-kit.sqlite3"
    path.write_bytes(content)
    before = _sha(path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_store(path)
    assert str(path) in caught.value.message("en")
    assert "hỏng" in caught.value.message("vi")
    assert _sha(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["volunteer-kit.sqlite3"]


def test_a_sqlite_file_of_another_program_is_refused(data_dir: Path) -> None:
    path = data_dir / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = _sha(path)
    with pytest.raises(DatabaseDamaged):
        open_store(path)
    assert _sha(path) == before


def test_a_store_from_a_newer_app_is_refused(data_dir: Path) -> None:
    path = data_dir / "newer.sqlite3"
    open_store(path).dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew):
        open_store(path)


def test_nfd_names_are_stored_nfc_and_found_by_search(engine) -> None:
    nfd_name = unicodedata.normalize("NFD", "Nguyễn  Thị Hằng ")
    with Session(engine) as session, engine.begin() as conn:
        device = this_device_id(conn)
        household = Household(
            hamlet=unicodedata.normalize("NFD", "Thôn Giang Cao"),
            commune_code="00577",
            created_by_device=device,
        )
        session.add(household)
        session.flush()
        session.add(
            Learner(
                full_name=nfd_name,
                household_id=household.id,
                hamlet=household.hamlet,
                commune_code="00577",
                created_by_device=device,
            )
        )
        session.commit()
    with engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT full_name, hamlet FROM learner").one()
        assert stored == ("Nguyễn Thị Hằng", "Thôn Giang Cao")
        assert unicodedata.is_normalized("NFC", stored[0])
        for query in ("nguyen thi hang", "NGUYỄN THỊ", unicodedata.normalize("NFD", "Hằng"), "giang cao"):
            assert [r.full_name for r in learners.search(conn, LearnerFilter(text=query))] == [
                "Nguyễn Thị Hằng"
            ]
        assert learners.search(conn, LearnerFilter(text="nguyen van")) == []


def test_search_treats_like_wildcards_as_plain_text(demo_engine) -> None:
    with demo_engine.connect() as conn:
        assert learners.search(conn, LearnerFilter(text="%")) == []
        assert learners.search(conn, LearnerFilter(text="_")) == []


def test_filters_by_hamlet_and_group(demo_engine) -> None:
    with demo_engine.connect() as conn:
        hamlets = learners.hamlets(conn)
        assert len(hamlets) >= 3
        in_hamlet = learners.search(conn, LearnerFilter(hamlet=hamlets[0]))
        assert in_hamlet and all(r.hamlet == hamlets[0] for r in in_hamlet)
        elderly = learners.search(conn, LearnerFilter(group="elderly"))
        assert elderly and all("elderly" in r.groups for r in elderly)
        expected = conn.exec_driver_sql(
            "SELECT count(*) FROM learner WHERE groups LIKE '%,elderly,%'"
        ).scalar()
        assert len(elderly) == expected


def test_search_index_answers_like_the_sql_query_and_follows_changes(demo_engine) -> None:
    from volunteer_kit.store.learner_index import LearnerSearchIndex

    index = LearnerSearchIndex()
    with demo_engine.connect() as conn:
        hamlet = learners.hamlets(conn)[0]
        phone = conn.exec_driver_sql("SELECT phone FROM learner WHERE phone IS NOT NULL LIMIT 1").scalar()
        filters = [
            LearnerFilter(),
            LearnerFilter(text="nguyen thi"),
            LearnerFilter(text="HẰNG"),
            LearnerFilter(text=f"{phone[:4]} {phone[4:7]}"),
            LearnerFilter(text="zzz"),
            LearnerFilter(text="tho"),
            LearnerFilter(hamlet=hamlet),
            LearnerFilter(text="van", group="elderly"),
            LearnerFilter(text="thi", hamlet=hamlet, group="worker"),
        ]
        for flt in filters:
            assert index.search(conn, flt) == learners.search_rowids(conn, flt), flt
        assert len(index.search(conn, LearnerFilter(text=phone))) >= 1
    # A learner added through the ORM (another connection) is found at once.
    with Session(demo_engine) as session:
        session.add(
            Learner(full_name="Ksor H'Hen", hamlet=hamlet, commune_code="00577", created_by_device="d")
        )
        session.commit()
    with demo_engine.connect() as conn:
        found = index.search(conn, LearnerFilter(text="ksor h'hen"))
        assert found == learners.search_rowids(conn, LearnerFilter(text="ksor h'hen"))
        assert len(found) == 1


def test_duplicate_guard_finds_the_same_person(demo_engine) -> None:
    from volunteer_kit.store.learners import PossibleDuplicate, possible_duplicates, register_learner

    with demo_engine.connect() as conn:
        learner_id, name, year, phone = conn.exec_driver_sql(
            "SELECT id, full_name, birth_year, phone FROM learner "
            "WHERE phone IS NOT NULL AND birth_year IS NOT NULL "
            "LIMIT 1"
        ).one()
        assert [r.id for r in possible_duplicates(conn, full_name=name.lower(), birth_year=year)] == [
            learner_id
        ]
        assert [
            r.id
            for r in possible_duplicates(
                conn, full_name="Ai Đó", birth_year=None, phone=f"{phone[:4]} {phone[4:]}"
            )
        ] == [learner_id]
        assert possible_duplicates(conn, full_name=name, birth_year=year + 1) == [] or all(
            r.birth_year == year + 1 for r in possible_duplicates(conn, full_name=name, birth_year=year + 1)
        )
    with pytest.raises(PossibleDuplicate) as caught, demo_engine.begin() as conn:
        register_learner(conn, full_name=name, birth_year=year)
    assert caught.value.existing[0].id == learner_id
    with demo_engine.begin() as conn:
        twin = register_learner(conn, full_name=name, birth_year=year, allow_duplicate=True)
    assert twin.id != learner_id


def test_withdrawing_consent_erases_identity_and_keeps_anonymous_facts(demo_engine) -> None:
    from volunteer_kit.errors import InvalidInput
    from volunteer_kit.store.learner_index import LearnerSearchIndex
    from volunteer_kit.store.learners import withdraw_consent

    with demo_engine.connect() as conn:
        learner_id, name, household = conn.exec_driver_sql(
            "SELECT l.id, l.full_name, l.household_id FROM learner l "
            "JOIN household h ON h.id = l.household_id WHERE h.head_name = l.full_name "
            "AND l.phone IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM attendance a WHERE a.learner_id = l.id) LIMIT 1"
        ).one()
        sql = lambda q: conn.exec_driver_sql(q, {"id": learner_id, "name": name}).scalar()  # noqa: E731
        attended = sql("SELECT count(*) FROM attendance WHERE learner_id = :id")
        before = len(learners.search_rowids(conn, LearnerFilter()))
    with demo_engine.begin() as conn:
        withdraw_consent(conn, learner_id)
    with demo_engine.connect() as conn:
        sql = lambda q: conn.exec_driver_sql(q, {"id": learner_id, "name": name}).scalar()  # noqa: E731
        row = conn.exec_driver_sql(
            "SELECT full_name, birth_year, phone, name_folded, search_text, anonymized, pending "
            "FROM learner WHERE id = :id",
            {"id": learner_id},
        ).one()
        assert row == ("", None, None, "", "", 1, 1)
        # The name is gone from every place it was stored.
        assert sql("SELECT count(*) FROM learner WHERE full_name = :name AND id = :id") == 0
        assert (
            conn.exec_driver_sql("SELECT head_name FROM household WHERE id = :h", {"h": household}).scalar()
            == ""
        )
        assert (
            sql(
                "SELECT count(*) FROM consent WHERE representative_name = :name AND learner_id IN "
                "(SELECT id FROM learner WHERE household_id = "
                "(SELECT household_id FROM learner WHERE id = :id))"
            )
            == 0
        )
        actions = (
            conn.exec_driver_sql(
                "SELECT action FROM consent WHERE learner_id = :id ORDER BY rowid", {"id": learner_id}
            )
            .scalars()
            .all()
        )
        assert actions == ["given", "withdrawn"]
        # Anonymous facts stay; the person leaves the register and its search.
        assert sql("SELECT count(*) FROM attendance WHERE learner_id = :id") == attended
        assert len(learners.search_rowids(conn, LearnerFilter())) == before - 1
        assert len(LearnerSearchIndex().search(conn, LearnerFilter())) == before - 1
        assert all(r.id != learner_id for r in learners.search(conn, LearnerFilter(text=name)))
    with pytest.raises(InvalidInput), demo_engine.begin() as conn:
        withdraw_consent(conn, learner_id)


def test_the_migrations_build_exactly_the_models(data_dir: Path) -> None:
    """A store migrated from nothing has every table, column and index the models declare."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    engine = open_store(data_dir / "fresh.sqlite3")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        differences = [
            diff
            for diff in compare_metadata(context, SQLModel.metadata)
            if not (
                isinstance(diff, tuple) and diff[0] == "remove_table" and diff[1].name == "alembic_version"
            )
        ]
    engine.dispose()
    assert differences == []


def test_records_are_named_as_a_person_reads_them(demo_engine) -> None:
    from volunteer_kit.store.record_names import record_names

    with demo_engine.connect() as conn:
        learner_id, name = conn.exec_driver_sql("SELECT id, full_name FROM learner LIMIT 1").one()
        household_id, head = conn.exec_driver_sql(
            "SELECT id, head_name FROM household WHERE head_name != '' LIMIT 1"
        ).one()
        attendance_id, present_name = conn.exec_driver_sql(
            "SELECT a.id, l.full_name FROM attendance a JOIN learner l ON l.id = a.learner_id LIMIT 1"
        ).one()
        session_id, place = conn.exec_driver_sql(
            "SELECT id, place FROM teaching_session WHERE place != '' LIMIT 1"
        ).one()
        names = record_names(
            conn,
            [
                ("learner", learner_id),
                ("household", household_id),
                ("attendance", attendance_id),
                ("teaching_session", session_id),
                ("learner", "not-held-here"),
                ("no_such_table", learner_id),
            ],
        )
    assert names[("learner", learner_id)] == name
    assert names[("household", household_id)] == head
    assert names[("attendance", attendance_id)] == present_name
    assert names[("teaching_session", session_id)].startswith(place + " · ")
    assert ("learner", "not-held-here") not in names and ("no_such_table", learner_id) not in names
