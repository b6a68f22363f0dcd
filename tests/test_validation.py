"""The record validator (sync/validation.py): one schema per synced table, generated from the models.

Each column type refuses what a store cannot hold, with a reason naming the column in English and
Vietnamese; every record the app itself makes (demo data, an officer's certificates, revocations,
merges, withdrawals, key retirements) is accepted.
"""

from __future__ import annotations

import json
import math
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_officer
from tests.test_certificates import PACK, _outlines, complete_pack, longest_names
from volunteer_kit.certificates.issue import issue_certificates, revoke
from volunteer_kit.certificates.retire import retire_key
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.store.devices import save_profile
from volunteer_kit.store.learners import withdraw_consent
from volunteer_kit.store.merge import merge_learners
from volunteer_kit.sync import outgoing, payload
from volunteer_kit.sync.validation import DEFAULT_TEXT_LENGTH, why_refused

WHEN = "2026-11-20T08:00:00.000000Z"


def learner(**changes: Any) -> dict[str, Any]:
    """A learner's `data` as a device sends it."""
    data = {
        "id": str(uuid.uuid4()),
        "commune_code": "00577",
        "created_by_device": str(uuid.uuid4()),
        "created_at": WHEN,
        "deleted": False,
        "updated_at": WHEN,
        "revision": 1,
        "household_id": None,
        "full_name": "Nguyễn Thị Hằng",
        "name_folded": "nguyen thi hang",
        "name_sort": "hang nguyen thi hang",
        "search_text": "nguyen thi hang | 0912345678",
        "birth_year": 1956,
        "gender": "female",
        "phone": "0912345678",
        "hamlet": "Thôn Giang Cao",
        "groups": ",elderly,",
        "anonymized": False,
        "merged_into_id": None,
    }
    assert set(data) == set(payload.table_columns("learner"))
    return {**data, **changes}


def quiz_attempt(**changes: Any) -> dict[str, Any]:
    data = {
        "id": str(uuid.uuid4()),
        "commune_code": "00577",
        "created_by_device": str(uuid.uuid4()),
        "created_at": WHEN,
        "deleted": False,
        "learner_id": str(uuid.uuid4()),
        "session_id": None,
        "pack_id": PACK,
        "pack_version": "1.0.0",
        "answers": "{}",
        "correct_count": 9,
        "question_count": 10,
        "score": 90.0,
        "passed": True,
        "recorded_at": WHEN,
        "supersedes_id": None,
    }
    assert set(data) == set(payload.table_columns("quiz_attempt"))
    return {**data, **changes}


def refused(table: str, data: Any, column: str) -> tuple[str, str]:
    """The reason, which names the column in both languages."""
    reason = why_refused(table, data)
    assert reason is not None, f"{table}.{column} was accepted"
    assert f"{table}.{column}" in reason.en and f"{table}.{column}" in reason.vi, reason
    return reason


def test_a_well_formed_record_is_accepted() -> None:
    assert why_refused("learner", learner()) is None
    assert why_refused("quiz_attempt", quiz_attempt()) is None
    assert why_refused("learner", learner(gender=None, phone=None, birth_year=None)) is None


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**30])
def test_an_integer_outside_int64_is_refused(value: int) -> None:
    en, vi = refused("learner", learner(revision=value), "revision")
    assert "must be" in en


@pytest.mark.parametrize("value", ["3", 3.0, True, None, [3]])
def test_an_integer_column_takes_only_an_integer(value: Any) -> None:
    refused("quiz_attempt", quiz_attempt(correct_count=value), "correct_count")


def test_a_column_takes_the_range_its_model_gives() -> None:
    assert why_refused("learner", learner(birth_year=1900)) is None
    assert why_refused("learner", learner(birth_year=2100)) is None
    en, vi = refused("learner", learner(birth_year=3000), "birth_year")
    assert en.endswith("must be at most 2100.") and vi.endswith("không được lớn hơn 2100.")
    refused("learner", learner(birth_year=1899), "birth_year")
    refused("quiz_attempt", quiz_attempt(score=100.5), "score")
    refused("quiz_attempt", quiz_attempt(correct_count=-1), "correct_count")
    refused("learner", learner(revision=0), "revision")


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_float_is_finite(value: float) -> None:
    en, vi = refused("quiz_attempt", quiz_attempt(score=value), "score")
    assert "finite" in en and "hữu hạn" in vi


@pytest.mark.parametrize("value", ["90", True, None])
def test_a_float_column_takes_only_a_number(value: Any) -> None:
    refused("quiz_attempt", quiz_attempt(score=value), "score")


def test_a_float_column_takes_a_json_integer() -> None:
    assert why_refused("quiz_attempt", quiz_attempt(score=100)) is None


@pytest.mark.parametrize("value", [1, 0, "true", None])
def test_a_boolean_is_a_json_boolean(value: Any) -> None:
    refused("quiz_attempt", quiz_attempt(passed=value), "passed")


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (42, "is not text"),
        (None, "may not be empty"),
        ("Nguyễn\x00Hằng", "NUL"),
        ("Nguy\ud800n", "Unicode"),
        ("x" * 201, "longer than 200"),
    ],
)
def test_text_is_valid_unicode_without_nul_within_its_length(value: Any, said: str) -> None:
    en, _vi = refused("learner", learner(full_name=value), "full_name")
    assert said in en


def test_text_takes_its_models_bound() -> None:
    household = {
        "id": str(uuid.uuid4()),
        "commune_code": "00577",
        "created_by_device": "d",
        "created_at": WHEN,
        "deleted": False,
        "updated_at": WHEN,
        "revision": 1,
        "hamlet": "Thôn Giang Cao",
        "address": "",
        "head_name": "",
        "note": "ư" * 4000,  # characters, not bytes
    }
    assert why_refused("household", household) is None
    refused("household", {**household, "note": "x" * 4001}, "note")
    refused("household", {**household, "hamlet": "x" * 201}, "hamlet")


def test_text_without_a_bound_of_its_own_takes_the_default_length() -> None:
    """Every synced text column has a bound today; a new one without gets the default, not none."""
    from pydantic.fields import FieldInfo
    from sqlalchemy import Column, String

    from volunteer_kit.sync.validation import _text_length

    assert _text_length(Column("new_text", String()), FieldInfo(annotation=str)) == DEFAULT_TEXT_LENGTH


def test_a_reference_is_no_longer_than_the_id_it_names() -> None:
    refused("quiz_attempt", quiz_attempt(learner_id="x" * 37), "learner_id")
    refused("learner", learner(household_id="x" * 37), "household_id")


@pytest.mark.parametrize(
    ("table", "data", "column"),
    [
        ("learner", learner(gender="robot"), "gender"),
        ("learner", learner(groups="elderly"), "groups"),
    ],
)
def test_an_enum_column_takes_only_its_values(table: str, data: dict[str, Any], column: str) -> None:
    refused(table, data, column)


def test_an_enum_refusal_lists_the_values() -> None:
    en, vi = refused("learner", learner(gender="robot"), "gender")
    assert "female, male, other" in en and "female, male, other" in vi


@pytest.mark.parametrize(
    "value",
    ["2026-11-20 08:00:00", "2026-11-20T08:00:00Z", "2026-02-30T08:00:00.000000Z", "20/11/2026", 1763625600],
)
def test_a_datetime_is_a_real_instant_in_the_wire_form(value: Any) -> None:
    refused("learner", learner(created_at=value), "created_at")


def test_a_missing_or_unknown_column_is_refused() -> None:
    data = learner()
    del data["phone"]
    en, vi = refused("learner", data, "phone")
    assert "missing" in en and "thiếu" in vi
    en, vi = refused("learner", learner(is_admin=True), "is_admin")
    assert "not a column" in en


def test_a_hostile_column_name_is_shown_safely() -> None:
    """The reason travels back as JSON (UTF-8): nothing of the record may make it unencodable."""
    for key in ("\ud800", "a\x00b", "x" * 10_000):
        reason = why_refused("learner", learner(**{key: 1}))
        assert reason is not None and len(reason.en) < 300
        json.dumps(reason, ensure_ascii=False).encode("utf-8")


def test_not_a_table_or_not_an_object_is_refused() -> None:
    assert why_refused("sync_state", {}) is not None
    assert why_refused("learner", ["not", "an", "object"]) is not None


def test_several_problems_are_all_counted() -> None:
    en, vi = refused(
        "learner", learner(full_name=None, birth_year="x", gender=1, phone=5, anonymized=2), "full_name"
    )
    assert "(and 2 more)" in en and "(và 2 lỗi khác)" in vi


def test_every_synced_column_has_a_rule() -> None:
    """A column of a type the validator does not know fails here, not on a hub in the field."""
    for table in SYNCED_TABLES:
        assert why_refused(table, {}) is not None


def _outgoing_refusals(engine) -> tuple[int, list[tuple[str, str, Any]]]:
    records = [json.loads(item.body) for item in outgoing.iter_outgoing(engine, skip={})]
    bad = [(r["table"], r["id"], why_refused(r["table"], r["data"])) for r in records]
    return len(records), [b for b in bad if b[2] is not None]


def test_the_demo_commune_is_accepted(demo_engine) -> None:
    count, bad = _outgoing_refusals(demo_engine)
    assert count > 1000 and bad == []


def test_an_officers_records_are_accepted(demo_engine, data_dir: Path) -> None:
    """Certificates, revocations, issuer keys and their retirement, merges and withdrawals."""
    make_officer(demo_engine)
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="0912345678")
        learners = longest_names(conn, 4)
        complete_pack(conn, learners)
        issued = issue_certificates(conn, data_dir, learners[:3], PACK, _outlines())
        revoke(conn, issued[0].serial, "Cấp nhầm người")
        merge_learners(conn, keep_id=learners[1], merge_id=learners[3])
        withdraw_consent(conn, learners[2])
    retire_key(demo_engine, data_dir, "Máy cũ được thay")
    count, bad = _outgoing_refusals(demo_engine)
    with demo_engine.connect() as conn:
        tables = {
            t
            for t in SYNCED_TABLES
            if conn.exec_driver_sql(f"SELECT count(*) FROM {t} WHERE pending = 1").scalar()
        }
    assert tables == set(SYNCED_TABLES), set(SYNCED_TABLES) - tables
    assert bad == []
