"""Queries of learners: search, lazy pages for the Learners table, detail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

from sqlalchemy import Connection, Row, text

from volunteer_kit.core.clock import parse_utc
from volunteer_kit.core.people import NewLearner, check_new_learner
from volunteer_kit.core.records import (
    AttemptRow,
    LearnerDetail,
    LearnerFilter,
    LearnerRow,
    SkillCheckRow,
)
from volunteer_kit.core.text import digits, fold
from volunteer_kit.errors import KnownError
from volunteer_kit.store import attendance
from volunteer_kit.store.facts import current

if TYPE_CHECKING:
    from volunteer_kit.imports.learner_list import ListRow

_ROW_COLUMNS = "rowid, id, full_name, birth_year, gender, hamlet, groups, phone"


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _order(flt: LearnerFilter) -> str:
    # With a search text, reading the table in one pass and sorting the matches beats walking
    # the name_sort index and fetching each row (5x at 100,000 learners); "+" keeps the index out.
    return "ORDER BY +name_sort, rowid" if flt.text.strip() else "ORDER BY name_sort, rowid"


def _where(flt: LearnerFilter) -> tuple[str, dict[str, object]]:
    # People who withdrew their consent are only anonymous counts now: not in the register.
    clauses = ["deleted = 0", "anonymized = 0"]
    params: dict[str, object] = {}
    folded = fold(flt.text)
    if folded:
        # A phone number may be typed with spaces or dots: match its digits.
        term = digits(folded) if folded.replace(" ", "").replace(".", "").isdigit() else folded
        clauses.append("instr(search_text, :text) > 0")
        params["text"] = term
    if flt.hamlet:
        clauses.append("hamlet = :hamlet")
        params["hamlet"] = flt.hamlet
    if flt.group:
        clauses.append("groups LIKE :group ESCAPE '\\'")
        params["group"] = f"%,{_like_escape(flt.group)},%"
    return " AND ".join(clauses), params


def search_rowids(conn: Connection, flt: LearnerFilter) -> list[int]:
    """Row ids of the learners matching `flt`, in roster order (given name first)."""
    where, params = _where(flt)
    result = conn.execute(text(f"SELECT rowid FROM learner WHERE {where} {_order(flt)}"), params)
    return [row[0] for row in result]


def _row(values: Row[int, str, str, int | None, str | None, str, str, str | None]) -> LearnerRow:
    """A learner from the `_ROW_COLUMNS` of a query."""
    rowid, id_, name, year, gender, hamlet, groups, phone = values
    return LearnerRow(
        rowid=int(rowid),
        id=str(id_),
        full_name=str(name),
        birth_year=year,
        gender=gender,
        hamlet=str(hamlet),
        groups=tuple(g for g in str(groups).split(",") if g),
        phone=phone,
    )


def rows_by_rowid(conn: Connection, rowids: Sequence[int]) -> list[LearnerRow]:
    """The learners with these row ids, in the order given."""
    if not rowids:
        return []
    found: dict[int, LearnerRow] = {}
    for start in range(0, len(rowids), 500):
        chunk = list(rowids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for values in conn.exec_driver_sql(
            f"SELECT {_ROW_COLUMNS} FROM learner WHERE rowid IN ({marks})", tuple(chunk)
        ):
            row = _row(values)
            found[row.rowid] = row
    return [found[r] for r in rowids if r in found]


def search(conn: Connection, flt: LearnerFilter, limit: int | None = None) -> list[LearnerRow]:
    where, params = _where(flt)
    sql = f"SELECT {_ROW_COLUMNS} FROM learner WHERE {where} {_order(flt)}"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [_row(values) for values in conn.execute(text(sql), params)]


def hamlets(conn: Connection) -> list[str]:
    result = conn.exec_driver_sql(
        "SELECT DISTINCT hamlet FROM learner WHERE hamlet != '' AND deleted = 0 ORDER BY hamlet"
    )
    return [row[0] for row in result]


def detail(conn: Connection, learner_id: str) -> LearnerDetail | None:
    found = conn.execute(
        text(f"SELECT {_ROW_COLUMNS} FROM learner WHERE id = :id"), {"id": learner_id}
    ).first()
    if found is None:
        return None
    learner = _row(found)
    address = conn.execute(
        text("SELECT h.address FROM household h JOIN learner l ON l.household_id = h.id WHERE l.id = :id"),
        {"id": learner_id},
    ).scalar()
    consent = conn.execute(
        text(
            "SELECT text_version, recorded_at, action FROM consent WHERE learner_id = :id "
            "ORDER BY recorded_at DESC LIMIT 1"
        ),
        {"id": learner_id},
    ).first()
    # Facts may be superseded: only records nothing supersedes count.
    sessions = attendance.attended_sessions(conn, learner_id)
    attempts = [
        AttemptRow(r[0], r[1], r[2], bool(r[3]), parse_utc(r[4]))
        for r in conn.execute(
            text(
                "SELECT pack_id, pack_version, score, passed, recorded_at FROM quiz_attempt q "
                f"WHERE learner_id = :id AND {current('quiz_attempt', 'q')} "
                "ORDER BY recorded_at DESC"
            ),
            {"id": learner_id},
        )
    ]
    checks = [
        SkillCheckRow(r[0], r[1], bool(r[2]), parse_utc(r[3]))
        for r in conn.execute(
            text(
                "SELECT pack_id, check_id, passed, recorded_at FROM skill_check c "
                f"WHERE learner_id = :id AND {current('skill_check', 'c')} "
                "ORDER BY recorded_at DESC"
            ),
            {"id": learner_id},
        )
    ]
    given = consent if consent is not None and consent[2] == "given" else None
    return LearnerDetail(
        learner=learner,
        household_address=address or "",
        consent_version=given[0] if given is not None else None,
        consent_at=parse_utc(given[1]) if given is not None else None,
        sessions=sessions,
        attempts=attempts,
        skill_checks=checks,
    )


class LearnerRecord(TypedDict):
    """A learner as `list_records` gives it (the CLI's --json shape)."""

    id: str
    commune_code: str
    household_id: str | None
    full_name: str
    birth_year: int | None
    gender: str | None
    phone: str | None
    hamlet: str
    groups: list[str]
    created_at: str  # ISO 8601, UTC
    pending: bool


def list_records(conn: Connection, flt: LearnerFilter) -> list[LearnerRecord]:
    """Learners as plain dicts keyed by field name (the CLI's --json shape)."""
    where, params = _where(flt)
    result = conn.execute(
        text(
            "SELECT id, commune_code, household_id, full_name, birth_year, gender, phone, hamlet, "
            f"groups, created_at, pending FROM learner WHERE {where} {_order(flt)}"
        ),
        params,
    )
    return [
        {
            "id": r[0],
            "commune_code": r[1],
            "household_id": r[2],
            "full_name": r[3],
            "birth_year": r[4],
            "gender": r[5],
            "phone": r[6],
            "hamlet": r[7],
            "groups": [g for g in r[8].split(",") if g],
            "created_at": parse_utc(r[9]).isoformat(),
            "pending": bool(r[10]),
        }
        for r in result
    ]


def possible_duplicates(
    conn: Connection, *, full_name: str, birth_year: int | None, phone: str | None = None
) -> list[LearnerRow]:
    """Learners who look like this person: the same folded name and birth year, or the same phone."""
    from volunteer_kit.core.text import digits as phone_digits

    found = {}
    if birth_year is not None:
        for values in conn.execute(
            text(
                f"SELECT {_ROW_COLUMNS} FROM learner WHERE name_folded = :name AND birth_year = :year "
                "AND deleted = 0 AND anonymized = 0"
            ),
            {"name": fold(full_name), "year": birth_year},
        ):
            found[values[0]] = _row(values)
    number = phone_digits(phone)
    if number:
        for values in conn.execute(
            text(f"SELECT {_ROW_COLUMNS} FROM learner WHERE phone = :phone AND deleted = 0"),
            {"phone": number},
        ):
            found[values[0]] = _row(values)
    return list(found.values())


class PossibleDuplicate(KnownError):
    """Someone who looks the same is already registered; the caller offers them instead (a known
    problem, so the pages' operations hand it to them rather than to the crash dialog)."""

    def __init__(self, existing: list[LearnerRow]) -> None:
        super().__init__(
            "Đã có người học trùng họ tên và năm sinh; hãy chọn người đã có hoặc xác nhận là người khác.",
            "Someone with this name and birth year is already registered; pick them or confirm it is "
            "someone else.",
        )
        self.existing = existing


LEARNER_COLUMNS = (
    "id",
    "commune_code",
    "created_by_device",
    "created_at",
    "pending",
    "deleted",
    "updated_at",
    "revision",
    "full_name",
    "name_folded",
    "name_sort",
    "search_text",
    "birth_year",
    "gender",
    "phone",
    "hamlet",
    "groups",
    "anonymized",
    "household_id",
)
CONSENT_COLUMNS = (
    "id",
    "commune_code",
    "created_by_device",
    "created_at",
    "pending",
    "deleted",
    "learner_id",
    "action",
    "text_version",
    "given_by",
    "representative_name",
    "recorded_by",
    "recorded_at",
)


def _insert_with_consent(
    conn: Connection, people: Sequence[NewLearner], *, consent_version: str
) -> list[str]:
    """Write learners and the consent each gave, made by this device; returns their ids."""
    from volunteer_kit.core.clock import utcnow
    from volunteer_kit.core.ids import new_id
    from volunteer_kit.core.text import clean_text, search_text_from_folded, sort_key_from_folded
    from volunteer_kit.store.bulk import insert_values, stored_datetime
    from volunteer_kit.store.devices import profile

    me = profile(conn)
    now = stored_datetime(utcnow())
    base = (me.commune_code or "", me.device_id, now, True, False)
    ids, learner_rows, consent_rows = [], [], []
    hamlets: dict[str, tuple[str, str]] = {}  # as given -> (clean, folded); a list has a few hamlets
    for person in people:
        learner_id = new_id()
        if person.hamlet not in hamlets:
            clean = clean_text(person.hamlet)
            hamlets[person.hamlet] = (clean, fold(clean))
        hamlet, folded_hamlet = hamlets[person.hamlet]
        folded = fold(person.full_name)
        groups = "," + ",".join(person.groups) + ("," if person.groups else "")
        learner_rows.append(
            (
                learner_id,
                *base,
                now,
                1,
                person.full_name,
                folded,
                sort_key_from_folded(folded),
                search_text_from_folded(folded, person.phone, folded_hamlet),
                person.birth_year,
                person.gender,
                person.phone,
                hamlet,
                groups,
                False,
                person.household_id,
            )
        )
        consent_rows.append(
            (
                new_id(),
                *base,
                learner_id,
                "given",
                consent_version,
                person.given_by,
                clean_text(person.representative_name) if person.given_by == "representative" else "",
                me.volunteer_id,
                now,
            )
        )
        ids.append(learner_id)
    insert_values(conn, "learner", LEARNER_COLUMNS, learner_rows)
    insert_values(conn, "consent", CONSENT_COLUMNS, consent_rows)
    return ids


def register_learner(
    conn: Connection,
    *,
    full_name: str,
    birth_year: int | None,
    hamlet: str = "",
    gender: str | None = None,
    given_by: str = "self",
    representative_name: str = "",
    allow_duplicate: bool = False,
) -> LearnerRow:
    """A new learner and their consent, in the caller's transaction (a walk-in at a session).

    Raises PossibleDuplicate (writing nothing) when someone who looks the same is already known,
    unless `allow_duplicate`: two people may share a name and a birth year.
    """
    from volunteer_kit.core.consent import CONSENT_TEXT_VERSION

    name = check_new_learner(full_name, birth_year)
    if not allow_duplicate:
        existing = possible_duplicates(conn, full_name=name, birth_year=birth_year)
        if existing:
            raise PossibleDuplicate(existing)
    person = NewLearner(
        name,
        birth_year,
        gender=gender,
        hamlet=hamlet,
        given_by=given_by,
        representative_name=representative_name,
    )
    [learner_id] = _insert_with_consent(conn, [person], consent_version=CONSENT_TEXT_VERSION)
    found = conn.execute(text(f"SELECT {_ROW_COLUMNS} FROM learner WHERE id = :id"), {"id": learner_id}).one()
    return _row(found)


def known_keys(conn: Connection) -> tuple[set[tuple[str, int | None]], dict[str, str]]:
    """(folded name and birth year of every learner, phone -> name): for the duplicate check."""
    names = {
        (r[0], r[1])
        for r in conn.exec_driver_sql(
            "SELECT name_folded, birth_year FROM learner WHERE deleted = 0 AND anonymized = 0"
        )
    }
    phones = {
        r[0]: r[1]
        for r in conn.exec_driver_sql(
            "SELECT phone, full_name FROM learner WHERE phone IS NOT NULL AND deleted = 0"
        )
    }
    return names, phones


def mark_known(conn: Connection, rows: Sequence[ListRow]) -> None:
    """Give each valid list row whose person is already registered (same folded name and birth
    year, or same phone) a problem saying so: they are not registered twice."""
    from volunteer_kit.errors import language

    english = language() == "en"
    names, phones = known_keys(conn)
    for row in rows:
        if not row.ok:
            continue
        values = row.values
        phone = values["phone"]
        if (fold(str(values["full_name"])), values["birth_year"]) in names:
            row.problems.append(
                "already registered (same name and birth year)"
                if english
                else "đã có trong danh sách người học (cùng họ tên và năm sinh)"
            )
        elif phone and phone in phones:
            row.problems.append(
                f"the phone is already a learner's: {phones[phone]}"
                if english
                else f"số điện thoại đã có ở người học {phones[phone]}"
            )


def import_learners(conn: Connection, rows: Sequence[ListRow], *, consent_version: str) -> int:
    """Write checked list rows (learners and their consents) in the caller's transaction.

    Rows that duplicate a learner already in the store get a problem and are left out.
    """
    mark_known(conn, rows)
    people = []
    for row in rows:
        if not row.ok:
            continue
        values: Mapping[str, Any] = row.values  # typed by learner_list's checks of each field
        people.append(
            NewLearner(
                values["full_name"],
                values["birth_year"],
                gender=values["gender"],
                phone=values["phone"],
                hamlet=values["hamlet"],
                groups=values["groups"],
            )
        )
    return len(_insert_with_consent(conn, people, consent_version=consent_version))


def withdraw_consent(conn: Connection, learner_id: str) -> None:
    """Record the withdrawal and erase the person's identifying data; their anonymous facts stay.

    Name, birth year and phone are blanked on the learner (an edit that syncs like any other), and
    a household whose head was recorded under this name loses that name too.
    """
    from volunteer_kit.core.clock import utcnow
    from volunteer_kit.core.consent import CONSENT_TEXT_VERSION
    from volunteer_kit.core.ids import new_id
    from volunteer_kit.errors import InvalidInput
    from volunteer_kit.store.bulk import insert_values, stored_datetime
    from volunteer_kit.store.devices import profile

    found = conn.execute(
        text("SELECT full_name, household_id, anonymized FROM learner WHERE id = :id AND deleted = 0"),
        {"id": learner_id},
    ).first()
    if found is None:
        raise InvalidInput("Không tìm thấy người học này.", "This learner was not found.")
    if found[2]:
        raise InvalidInput(
            "Người học này đã rút lại sự đồng ý.", "This learner has already withdrawn consent."
        )
    me = profile(conn)
    now = stored_datetime(utcnow())
    insert_values(
        conn,
        "consent",
        CONSENT_COLUMNS,
        [
            (
                new_id(),
                me.commune_code or "",
                me.device_id,
                now,
                True,
                False,
                learner_id,
                "withdrawn",
                CONSENT_TEXT_VERSION,
                "self",
                "",
                me.volunteer_id,
                now,
            )
        ],
    )
    conn.execute(
        text(
            "UPDATE learner SET full_name = '', name_folded = '', name_sort = '', search_text = '', "
            "birth_year = NULL, phone = NULL, anonymized = 1, updated_at = :now, revision = revision + 1, "
            "pending = 1 WHERE id = :id"
        ),
        {"now": now, "id": learner_id},
    )
    if found[1]:
        conn.execute(
            text(
                "UPDATE household SET head_name = '', updated_at = :now, revision = revision + 1, "
                "pending = 1 WHERE id = :household AND head_name = :name"
            ),
            {"now": now, "household": found[1], "name": found[0]},
        )
    # Consent events that named this person as someone's representative keep the fact, not the name.
    conn.execute(
        text(
            "UPDATE consent SET representative_name = '' WHERE representative_name = :name "
            "AND learner_id IN (SELECT id FROM learner WHERE household_id = :household)"
        ),
        {"name": found[0], "household": found[1]},
    )
