"""Households: registering one with its people, and what the Households page shows.

A household has "shown" a household skill (HH-1..HH-5, frameworks.md) when at
least one member did, unaided, every required skill check of a pack that maps
to that skill. Five of five make a "digital household", the figure communes report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import parse_utc, utcnow
from volunteer_kit.core.competencies import HOUSEHOLD_SKILLS
from volunteer_kit.core.ids import new_id
from volunteer_kit.core.people import NewLearner, check_person
from volunteer_kit.core.records import HouseholdDetail, HouseholdMember, HouseholdRow, HouseholdVisit
from volunteer_kit.core.text import clean_text, fold
from volunteer_kit.errors import InvalidInput
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.store import attendance
from volunteer_kit.store.bulk import insert_values, stored_datetime
from volunteer_kit.store.devices import profile
from volunteer_kit.store.facts import current
from volunteer_kit.store.learners import PossibleDuplicate, _insert_with_consent, possible_duplicates

MAX_ADDRESS_LENGTH = 200
LIST_LIMIT = 2000

_HOUSEHOLD_COLUMNS = (
    "id",
    "commune_code",
    "created_by_device",
    "created_at",
    "pending",
    "deleted",
    "updated_at",
    "revision",
    "hamlet",
    "address",
    "head_name",
    "note",
)


def register_household(
    conn: Connection,
    *,
    hamlet: str,
    address: str,
    people: Sequence[NewLearner],
    household_id: str | None = None,
    attach_ids: Sequence[str] = (),
    consent_version: str | None = None,
    allow_duplicate: bool = False,
) -> str:
    """A new household (or `household_id`'s) with these people and the consent each gave, in the
    caller's transaction. Returns the household id. `attach_ids` are people already registered
    (offered by the duplicate guard) who join the household as they are.

    Raises InvalidInput for a bad value and PossibleDuplicate when someone already looks
    registered (unless `allow_duplicate`); either way nothing is written.
    """
    from volunteer_kit.core.consent import CONSENT_TEXT_VERSION

    hamlet = clean_text(hamlet)
    address = clean_text(address)
    if household_id is None and not hamlet:
        raise InvalidInput("Hãy chọn thôn, tổ dân phố.", "Choose the hamlet or residential group.")
    if len(address) > MAX_ADDRESS_LENGTH:
        raise InvalidInput(
            f"Địa chỉ dài quá {MAX_ADDRESS_LENGTH} ký tự.",
            f"The address is longer than {MAX_ADDRESS_LENGTH} characters.",
        )
    if not people and not attach_ids:
        raise InvalidInput("Hãy thêm ít nhất một người.", "Add at least one person.")
    if household_id is not None:
        found = conn.execute(
            text("SELECT hamlet FROM household WHERE id = :id AND deleted = 0"), {"id": household_id}
        ).first()
        if found is None:
            raise InvalidInput("Không tìm thấy hộ gia đình này.", "This household was not found.")
        hamlet = found[0]
    checked = [check_person(person) for person in people]
    attach = list(dict.fromkeys(attach_ids))
    if attach:
        marks = ", ".join(f":a{n}" for n in range(len(attach)))
        known = conn.execute(
            text(f"SELECT id, full_name FROM learner WHERE deleted = 0 AND id IN ({marks})"),
            {f"a{n}": learner_id for n, learner_id in enumerate(attach)},
        ).all()
        if len(known) != len(attach):
            raise InvalidInput("Không tìm thấy người học này.", "This learner was not found.")
        head = checked[0].full_name if checked else known[0][1]
    else:
        head = checked[0].full_name
    if not allow_duplicate:
        existing = {}
        for person in checked:
            for row in possible_duplicates(
                conn, full_name=person.full_name, birth_year=person.birth_year, phone=person.phone
            ):
                existing[row.id] = row
        if existing:
            raise PossibleDuplicate(list(existing.values()))
    now = stored_datetime(utcnow())
    if household_id is None:
        household_id = new_id()
        me = profile(conn)
        insert_values(
            conn,
            "household",
            _HOUSEHOLD_COLUMNS,
            [
                (
                    household_id,
                    me.commune_code or "",
                    me.device_id,
                    now,
                    True,
                    False,
                    now,
                    1,
                    hamlet,
                    address,
                    head,
                    "",
                )
            ],
        )
    members = [
        NewLearner(
            p.full_name,
            p.birth_year,
            gender=p.gender,
            phone=p.phone,
            hamlet=hamlet,
            groups=p.groups,
            household_id=household_id,
            given_by=p.given_by,
            representative_name=p.representative_name,
        )
        for p in checked
    ]
    _insert_with_consent(conn, members, consent_version=consent_version or CONSENT_TEXT_VERSION)
    for learner_id in attach:
        conn.execute(
            text(
                "UPDATE learner SET household_id = :household, updated_at = :now, revision = revision + 1, "
                "pending = 1 WHERE id = :id"
            ),
            {"household": household_id, "now": now, "id": learner_id},
        )
    return household_id


def _skills_shown(
    conn: Connection, outlines: Mapping[str, PackOutline], *, household_id: str | None = None
) -> dict[str, dict[str, set[str]]]:
    """{household id: {HH-n: names of the members who showed it}}."""
    skill_packs = {
        pack_id: [c for c in outline.competencies if c in HOUSEHOLD_SKILLS]
        for pack_id, outline in outlines.items()
        if outline.required_checks and any(c in HOUSEHOLD_SKILLS for c in outline.competencies)
    }
    if not skill_packs:
        return {}
    only = "AND l.household_id = :household" if household_id else ""
    done: dict[tuple[str, str, str], set[str]] = {}
    names: dict[str, str] = {}
    for household, learner_id, name, pack_id, check_id in conn.execute(
        text(
            "SELECT l.household_id, l.id, l.full_name, c.pack_id, c.check_id FROM skill_check c "
            "JOIN learner l ON l.id = c.learner_id "
            f"WHERE c.passed = 1 AND {current('skill_check', 'c')} AND l.deleted = 0 "
            f"AND l.household_id IS NOT NULL {only}"
        ),
        {"household": household_id},
    ):
        if pack_id in skill_packs:
            done.setdefault((household, learner_id, pack_id), set()).add(check_id)
            names[learner_id] = name
    shown: dict[str, dict[str, set[str]]] = {}
    for (household, learner_id, pack_id), checks in done.items():
        if set(outlines[pack_id].required_checks) <= checks:
            for code in skill_packs[pack_id]:
                shown.setdefault(household, {}).setdefault(code, set()).add(names[learner_id])
    return shown


# A household's visits (store.attendance.household_visits) follow its five columns.
_LIST_SQL = """
WITH members AS (
    SELECT household_id, count(*) AS n FROM learner
    WHERE deleted = 0 AND household_id IS NOT NULL GROUP BY household_id
)
SELECT h.id, h.hamlet, h.address, h.head_name, coalesce(m.n, 0)
FROM household h LEFT JOIN members m ON m.household_id = h.id
WHERE h.deleted = 0
"""


def _with_visits(
    rows: Sequence[Sequence[object]], visits: Mapping[str, tuple[int, str | None]]
) -> list[tuple[object, ...]]:
    """Each household row followed by (visits, last visit): none is (0, None)."""
    return [(*r, *visits.get(str(r[0]), (0, None))) for r in rows]


def _household_row(values: Sequence[object], skills: Mapping[str, Iterable[str]]) -> HouseholdRow:
    last = values[6]
    return HouseholdRow(
        id=str(values[0]),
        hamlet=str(values[1]),
        address=str(values[2]),
        head_name=str(values[3]),
        member_count=int(values[4]),  # type: ignore[call-overload]
        visit_count=int(values[5]),  # type: ignore[call-overload]
        last_visit=parse_utc(last) if isinstance(last, str | datetime) else None,
        skills=frozenset(skills.get(str(values[0]), ())),
    )


def _natural(text_value: str) -> tuple[tuple[int, int | str], ...]:
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"(\d+)", fold(text_value))
        if part
    )


def list_households(
    conn: Connection,
    outlines: Mapping[str, PackOutline],
    *,
    hamlet: str | None = None,
    search: str = "",
    limit: int = LIST_LIMIT,
) -> tuple[list[HouseholdRow], int]:
    """Households of a hamlet (or all), matching `search` in the head's name or the address
    (accents optional), by hamlet then address. Returns (at most `limit` rows, how many matched)."""
    where = " AND h.hamlet = :hamlet" if hamlet else ""
    rows = _with_visits(
        conn.execute(text(_LIST_SQL + where), {"hamlet": hamlet}).all(), attendance.household_visits(conn)
    )
    # As a volunteer walks the hamlet: house 9 before house 10 (numbers compare as numbers).
    rows.sort(key=lambda r: (fold(str(r[1])), _natural(str(r[2])), fold(str(r[3]))))
    needle = fold(search)
    if needle:
        rows = [r for r in rows if needle in fold(f"{r[3]} {r[2]}")]
    skills = _skills_shown(conn, outlines)
    return [_household_row(r, skills) for r in rows[:limit]], len(rows)


def household_hamlets(conn: Connection) -> list[str]:
    result = conn.exec_driver_sql(
        "SELECT DISTINCT hamlet FROM household WHERE deleted = 0 AND hamlet != '' ORDER BY hamlet"
    )
    return [r[0] for r in result]


def household_detail(
    conn: Connection, outlines: Mapping[str, PackOutline], household_id: str
) -> HouseholdDetail | None:
    head = conn.execute(text(_LIST_SQL + " AND h.id = :id"), {"id": household_id}).first()
    if head is None:
        return None
    [found] = _with_visits([head], attendance.household_visits(conn, household_id))
    shown = _skills_shown(conn, outlines, household_id=household_id).get(household_id, {})
    note = conn.execute(text("SELECT note FROM household WHERE id = :id"), {"id": household_id}).scalar()
    members = tuple(
        HouseholdMember(
            learner_id=r[0],
            full_name=r[1],
            birth_year=r[2],
            gender=r[3],
            phone=r[4],
            groups=tuple(g for g in r[5].split(",") if g),
            anonymized=bool(r[6]),
            consent_by=r[7] if r[8] == "given" else None,
            representative_name=r[9] or "",
        )
        for r in conn.execute(
            text(
                "SELECT l.id, l.full_name, l.birth_year, l.gender, l.phone, l.groups, l.anonymized, "
                "c.given_by, c.action, c.representative_name FROM learner l "
                "LEFT JOIN consent c ON c.id = (SELECT id FROM consent WHERE learner_id = l.id "
                "ORDER BY recorded_at DESC, id DESC LIMIT 1) "
                "WHERE l.household_id = :id AND l.deleted = 0 ORDER BY l.birth_year, l.name_sort"
            ),
            {"id": household_id},
        )
    )
    visits: dict[str, tuple[tuple[object, ...], list[str]]] = {}
    for r in attendance.household_present_marks(conn, household_id):
        visits.setdefault(r[0], (tuple(r[:5]), []))[1].append(r[5])
    return HouseholdDetail(
        household=_household_row(found, {household_id: shown.keys()}),
        note=note or "",
        members=members,
        visits=tuple(
            HouseholdVisit(
                session_id=str(head[0]),
                starts_at=parse_utc(head[1]),
                kind=str(head[2]),
                pack_id=str(head[3]),
                place=str(head[4]),
                present=tuple(name or "—" for name in names),
            )
            for head, names in visits.values()
        ),
        shown_by={code: tuple(sorted(names)) for code, names in shown.items()},
    )
