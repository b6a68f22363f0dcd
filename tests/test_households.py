"""Households with their people and consent, the household skills, and merging duplicates."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, make_officer
from volunteer_kit.core.people import NewLearner
from volunteer_kit.errors import InvalidInput
from volunteer_kit.packs.outline import outlines_by_id
from volunteer_kit.store.attendance import record_attendance
from volunteer_kit.store.devices import save_profile
from volunteer_kit.store.households import household_detail, list_households, register_household
from volunteer_kit.store.learners import PossibleDuplicate
from volunteer_kit.store.merge import merge_learners
from volunteer_kit.store.teaching import record_skill_checks, start_session

OUTLINES = outlines_by_id(ROOT / "lessons")
VNEID = "vn.bdhvs.vneid"


def _family(hamlet: str = "Thôn Đông") -> dict:
    return {
        "hamlet": hamlet,
        "address": "  Số 12,  ngõ 3 ",
        "people": [
            NewLearner("Nguyễn Thị Hoa", 1958, gender="female", phone="091 234 5678", groups=("elderly",)),
            NewLearner(
                "Trần Minh Khôi",
                2015,
                gender="male",
                given_by="representative",
                representative_name="Nguyễn Thị Hoa",
            ),
        ],
    }


def test_a_household_with_two_people_and_their_consents(engine) -> None:
    with engine.begin() as conn:
        household = register_household(conn, **_family())
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT hamlet, address, head_name, pending FROM household WHERE id = ?", (household,)
        ).one()
        assert tuple(row) == ("Thôn Đông", "Số 12, ngõ 3", "Nguyễn Thị Hoa", 1)
        people = conn.exec_driver_sql(
            "SELECT l.full_name, l.phone, l.groups, l.hamlet, c.given_by, c.representative_name, c.action "
            "FROM learner l JOIN consent c ON c.learner_id = l.id WHERE l.household_id = ? "
            "ORDER BY l.birth_year",
            (household,),
        ).all()
    assert [tuple(p) for p in people] == [
        ("Nguyễn Thị Hoa", "0912345678", ",elderly,", "Thôn Đông", "self", "", "given"),
        ("Trần Minh Khôi", None, ",", "Thôn Đông", "representative", "Nguyễn Thị Hoa", "given"),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"hamlet": " "}, "thôn"),
        ({"people": []}, "ít nhất một người"),
        ({"people": [NewLearner("Lò Văn Páo", 1800)]}, "Năm sinh"),
        ({"people": [NewLearner("Lò Văn Páo", 1990, phone="09abc")]}, "số điện thoại"),
        ({"people": [NewLearner("=HYPERLINK(1)", 1990)]}, "Họ tên"),
        ({"people": [NewLearner("Lò Văn Páo", 2020, given_by="representative")]}, "người đại diện"),
        ({"address": "x" * 201}, "Địa chỉ"),
    ],
)
def test_bad_values_are_named_and_nothing_is_written(engine, change: dict, message: str) -> None:
    with pytest.raises(InvalidInput) as refused, engine.begin() as conn:
        register_household(conn, **{**_family(), **change})
    assert message in refused.value.vi
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM household").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM learner").scalar() == 0


def test_someone_already_known_is_offered_not_registered_twice(engine) -> None:
    with engine.begin() as conn:
        register_household(conn, **_family())
    again = {**_family("Thôn Tây"), "people": [NewLearner("NGUYEN thi  hoa", 1958)]}
    with pytest.raises(PossibleDuplicate) as offered, engine.begin() as conn:
        register_household(conn, **again)
    assert [r.full_name for r in offered.value.existing] == ["Nguyễn Thị Hoa"]
    by_phone = {**_family("Thôn Tây"), "people": [NewLearner("Lê Văn Tám", 1970, phone="0912345678")]}
    with pytest.raises(PossibleDuplicate), engine.begin() as conn:
        register_household(conn, **by_phone)
    with engine.begin() as conn:
        register_household(conn, **again, allow_duplicate=True)
        assert conn.exec_driver_sql("SELECT count(*) FROM household").scalar() == 2


def test_household_skills_come_from_the_required_checks_a_member_did(engine) -> None:
    vneid = OUTLINES[VNEID]
    with engine.begin() as conn:
        household = register_household(conn, **_family())
        other = register_household(conn, **{**_family("Thôn Tây"), "people": [NewLearner("Lê Thị Mơ", 1980)]})
        grandmother = conn.exec_driver_sql(
            "SELECT id FROM learner WHERE household_id = ? ORDER BY birth_year", (household,)
        ).scalar()
        session = start_session(
            conn,
            kind="home_visit",
            pack_id=VNEID,
            pack_version=vneid.version,
            lesson_ids=list(vneid.lesson_ids),
            place="Số 12, ngõ 3",
            learner_ids=[grandmother],
        )
        # Not every required check yet: no household skill.
        record_skill_checks(
            conn,
            session_id=session,
            pack_id=VNEID,
            pack_version=vneid.version,
            results={(grandmother, vneid.required_checks[0]): True},
        )
    with engine.connect() as conn:
        rows, total = list_households(conn, OUTLINES)
        assert total == 2 and {r.id: r.skills for r in rows}[household] == frozenset()
    with engine.begin() as conn:
        record_skill_checks(
            conn,
            session_id=session,
            pack_id=VNEID,
            pack_version=vneid.version,
            results={(grandmother, check): True for check in vneid.required_checks},
        )
    with engine.connect() as conn:
        rows, _ = list_households(conn, OUTLINES, hamlet="Thôn Đông")
        detail = household_detail(conn, OUTLINES, household)
        others, _ = list_households(conn, OUTLINES, search="le thi mo")
    expected = {c for c in vneid.competencies if c.startswith("HH-")}
    assert [r.id for r in rows] == [household] and rows[0].skills == expected
    assert rows[0].visit_count == 1 and rows[0].member_count == 2
    assert detail is not None and detail.shown_by == {c: ("Nguyễn Thị Hoa",) for c in expected}
    assert [v.present for v in detail.visits] == [("Nguyễn Thị Hoa",)]
    assert [m.consent_by for m in detail.members] == ["self", "representative"]
    assert [r.id for r in others] == [other]


def _two_records_of_one_person(conn) -> tuple[str, str, str, str]:
    """Returns (kept, duplicate, session both attended, session only the duplicate attended)."""
    vneid = OUTLINES[VNEID]
    save_profile(conn, full_name="Phạm Văn Cán Bộ", phone="")
    register_household(conn, **_family())
    register_household(
        conn, **{**_family("Thôn Tây"), "people": [NewLearner("Nguyen Thi Hoa", None)]}, allow_duplicate=True
    )
    kept, duplicate = conn.exec_driver_sql(
        "SELECT id FROM learner WHERE name_folded = 'nguyen thi hoa' ORDER BY birth_year DESC"
    ).scalars()
    both, only = (
        start_session(
            conn,
            kind="group_class",
            pack_id=VNEID,
            pack_version=vneid.version,
            lesson_ids=[vneid.lesson_ids[0]],
            place="Nhà văn hóa",
            learner_ids=people,
        )
        for people in ([kept, duplicate], [duplicate])
    )
    record_attendance(conn, session_id=both, learner_id=kept, present=False)  # marked absent by mistake
    record_skill_checks(
        conn,
        session_id=only,
        pack_id=VNEID,
        pack_version=vneid.version,
        results={(duplicate, vneid.required_checks[0]): True},
    )
    return kept, duplicate, both, only


def test_merging_moves_every_fact_and_is_itself_a_fact(engine) -> None:
    make_officer(engine)
    with engine.begin() as conn:
        kept, duplicate, both, only = _two_records_of_one_person(conn)
        facts_before = conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM attendance) + (SELECT count(*) FROM skill_check)"
        ).scalar()
        moved = merge_learners(conn, keep_id=kept, merge_id=duplicate)
    assert moved == 3  # two attendance marks and one skill check
    with engine.connect() as conn:
        current = conn.exec_driver_sql(
            "SELECT a.session_id, a.learner_id, a.present FROM attendance a "
            "WHERE a.deleted = 0 AND NOT EXISTS "
            "(SELECT 1 FROM attendance n WHERE n.supersedes_id = a.id)"
        ).all()
        assert sorted(tuple(r) for r in current) == sorted([(both, kept, 1), (only, kept, 1)])
        checks = (
            conn.exec_driver_sql(
                "SELECT learner_id FROM skill_check c WHERE NOT EXISTS "
                "(SELECT 1 FROM skill_check n WHERE n.supersedes_id = c.id)"
            )
            .scalars()
            .all()
        )
        assert checks == [kept]
        # Nothing was edited away: every old fact is still there.
        facts_after = conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM attendance) + (SELECT count(*) FROM skill_check)"
        ).scalar()
        assert facts_after > facts_before
        merged = conn.exec_driver_sql(
            "SELECT deleted, merged_into_id, pending FROM learner WHERE id = ?", (duplicate,)
        ).one()
        assert tuple(merged) == (1, kept, 1)
        record = conn.exec_driver_sql(
            "SELECT kept_id, merged_id, moved_facts, pending, merged_by IS NOT NULL FROM learner_merge"
        ).one()
        assert tuple(record) == (kept, duplicate, 3, 1, 1)
        assert conn.exec_driver_sql("SELECT birth_year FROM learner WHERE id = ?", (kept,)).scalar() == 1958


def test_only_an_officer_merges_and_never_a_withdrawn_record(engine) -> None:
    from volunteer_kit.store.learners import withdraw_consent

    with engine.begin() as conn:
        kept, duplicate, _both, _only = _two_records_of_one_person(conn)
    with pytest.raises(InvalidInput, match="cán bộ xã|officer"), engine.begin() as conn:
        merge_learners(conn, keep_id=kept, merge_id=duplicate)
    make_officer(engine)
    with engine.begin() as conn:
        withdraw_consent(conn, duplicate)
    with pytest.raises(InvalidInput), engine.begin() as conn:
        merge_learners(conn, keep_id=kept, merge_id=duplicate)
    with pytest.raises(InvalidInput), engine.begin() as conn:
        merge_learners(conn, keep_id=kept, merge_id=kept)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM learner_merge").scalar() == 0


def test_what_needs_doing_on_the_demo_commune(demo_engine) -> None:
    from volunteer_kit.store.overview import to_do

    with demo_engine.begin() as conn:
        household = register_household(conn, **_family("Thôn Mới"))
        todo = to_do(conn, OUTLINES)
        hamlets = dict(todo.unvisited_by_hamlet)
        assert hamlets["Thôn Mới"] == 1  # nobody of the new household attended anything yet
        never = conn.exec_driver_sql(
            "SELECT count(*) FROM household h WHERE NOT EXISTS (SELECT 1 FROM learner l "
            "JOIN attendance a ON a.learner_id = l.id WHERE l.household_id = h.id AND a.present = 1)"
        ).scalar()
        assert sum(hamlets.values()) == never
        open_ids = [s.id for s in todo.open_sessions]
        assert (
            open_ids
            == conn.exec_driver_sql(
                "SELECT id FROM teaching_session WHERE attendance_closed = 0 ORDER BY starts_at, id"
            )
            .scalars()
            .all()
        )
        assert open_ids  # the demo leaves the last two days' sessions open
        # Each learner listed really misses exactly one lesson of that pack.
        assert todo.one_lesson_short_total >= len(todo.one_lesson_short) > 0
        for learner_id, _name, _hamlet, pack_id, lesson in todo.one_lesson_short:
            attended = set()
            for (lessons,) in conn.exec_driver_sql(
                "SELECT s.lesson_ids FROM attendance a JOIN teaching_session s ON s.id = a.session_id "
                "WHERE a.learner_id = ? AND s.pack_id = ? AND a.present = 1 AND NOT EXISTS "
                "(SELECT 1 FROM attendance n WHERE n.supersedes_id = a.id)",
                (learner_id, pack_id),
            ):
                attended |= set(lessons.split(","))
            assert set(OUTLINES[pack_id].lesson_ids) - attended == {lesson}
        assert household


def test_someone_already_registered_joins_the_household_as_they_are(engine) -> None:
    from volunteer_kit.store.learners import register_learner

    with engine.begin() as conn:
        walk_in = register_learner(conn, full_name="Nguyễn Thị Hoa", birth_year=1958, hamlet="Thôn Đông")
    family = _family()
    with engine.begin() as conn:
        household = register_household(
            conn, hamlet=family["hamlet"], address="", people=family["people"][1:], attach_ids=[walk_in.id]
        )
    with engine.connect() as conn:
        members = conn.exec_driver_sql(
            "SELECT full_name, revision FROM learner WHERE household_id = ? ORDER BY birth_year", (household,)
        ).all()
        consents = conn.exec_driver_sql("SELECT count(*) FROM consent").scalar()
    assert [tuple(m) for m in members] == [("Nguyễn Thị Hoa", 2), ("Trần Minh Khôi", 1)]
    assert consents == 2  # the walk-in's own consent, and the child's given by the representative
