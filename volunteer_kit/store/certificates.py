"""Queries of certificates: who completed which pack, issuer keys, issued certificates, revocations.

Certificates, revocations and issuer keys are facts (they sync, and are never
edited). Whether a certificate has been printed is local bookkeeping kept in
sync_state ("certificate_printed:<serial>"), so it never travels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, text

from volunteer_kit.core.clock import parse_utc, utcnow
from volunteer_kit.core.ids import new_id
from volunteer_kit.core.records import PackFacts
from volunteer_kit.store import attendance
from volunteer_kit.store.bulk import insert_values, stored_datetime
from volunteer_kit.store.facts import current
from volunteer_kit.store.key_retirements import compromised_sql

_BASE = ("id", "commune_code", "created_by_device", "created_at", "pending", "deleted")
PRINTED_PREFIX = "certificate_printed:"
_SET_STATE = text(
    "INSERT INTO sync_state (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = :v"
)
SEQUENCE_PREFIX = "certificate_sequence:"


@dataclass(frozen=True, slots=True)
class LearnerFacts:
    """A learner who may hold certificates, with what they did in one pack."""

    learner_id: str
    full_name: str
    birth_year: int | None
    hamlet: str
    facts: PackFacts


@dataclass(frozen=True, slots=True)
class CertificateRow:
    """An issued certificate with what its paper shows."""

    serial: str
    learner_id: str
    full_name: str  # as registered now ("" once consent was withdrawn)
    birth_year: int | None
    anonymized: bool
    pack_id: str
    pack_version: str
    issuer_key_id: str
    issued_at: datetime
    payload: str
    commune_code: str
    commune_name: str
    officer_name: str
    revoked: bool  # revoked, or signed with a key declared compromised
    printed: bool


def learners_with_pack_facts(conn: Connection, pack_ids: Sequence[str] | None = None) -> list[LearnerFacts]:
    """Every learner who may hold a certificate (not merged, not anonymized) and did something in a pack.

    The bulk form of store.teaching.learner_pack_facts: three grouped queries for the whole commune.
    """
    only = ""
    params: dict[str, Any] = {}
    if pack_ids is not None:
        only = " AND {col} IN :packs"
        params["packs"] = list(pack_ids)

    def bind(sql: str) -> Any:
        statement = text(sql)
        return statement.bindparams(bindparam("packs", expanding=True)) if pack_ids is not None else statement

    lessons = attendance.attended_lessons_by_learner(conn, pack_ids)
    quiz: dict[tuple[str, str], tuple[float, bool]] = {}
    for learner_id, pack_id, best, passed in conn.execute(
        bind(
            "SELECT learner_id, pack_id, max(score), max(passed) FROM quiz_attempt q "
            f"WHERE {current('quiz_attempt', 'q')}"
            + only.format(col="q.pack_id")
            + " GROUP BY learner_id, pack_id"
        ),
        params,
    ):
        quiz[(learner_id, pack_id)] = (float(best), bool(passed))
    checks: dict[tuple[str, str], set[str]] = {}
    for learner_id, pack_id, check_id in conn.execute(
        bind(
            "SELECT learner_id, pack_id, check_id FROM skill_check c "
            f"WHERE c.passed = 1 AND {current('skill_check', 'c')}" + only.format(col="c.pack_id")
        ),
        params,
    ):
        checks.setdefault((learner_id, pack_id), set()).add(check_id)
    keys = set(lessons) | set(quiz) | set(checks)
    people: dict[str, tuple[str, int | None, str]] = {}
    learner_ids = sorted({learner_id for learner_id, _ in keys})
    for start in range(0, len(learner_ids), 500):
        for row in conn.execute(
            text(
                "SELECT id, full_name, birth_year, hamlet FROM learner "
                "WHERE id IN :ids AND deleted = 0 AND anonymized = 0 AND merged_into_id IS NULL"
            ).bindparams(bindparam("ids", expanding=True)),
            {"ids": learner_ids[start : start + 500]},
        ):
            people[row[0]] = (row[1], row[2], row[3])
    found = []
    for learner_id, pack_id in keys:
        if learner_id not in people:
            continue
        name, birth_year, hamlet = people[learner_id]
        facts = PackFacts(
            pack_id=pack_id,
            lessons_attended=frozenset(lessons.get((learner_id, pack_id), ())),
            best_score=quiz[(learner_id, pack_id)][0] if (learner_id, pack_id) in quiz else None,
            quiz_passed=quiz.get((learner_id, pack_id), (0.0, False))[1],
            checks_passed=frozenset(checks.get((learner_id, pack_id), ())),
        )
        found.append(LearnerFacts(learner_id, name, birth_year, hamlet, facts))
    return found


def learner(conn: Connection, learner_id: str) -> tuple[str, int | None, str, bool, bool] | None:
    """(full name, birth year, hamlet, anonymized, deleted or merged) of one learner."""
    row = conn.execute(
        text(
            "SELECT full_name, birth_year, hamlet, anonymized, deleted OR merged_into_id IS NOT NULL "
            "FROM learner WHERE id = :id"
        ),
        {"id": learner_id},
    ).first()
    return (row[0], row[1], row[2], bool(row[3]), bool(row[4])) if row else None


def current_certificates(conn: Connection) -> dict[tuple[str, str], str]:
    """{(learner id, pack id): serial} of the certificates that stand (issued, not revoked, and not
    signed with a key declared compromised: those learners may be issued a new one)."""
    return {
        (learner_id, pack_id): serial
        for learner_id, pack_id, serial in conn.execute(
            text(
                "SELECT c.learner_id, c.pack_id, c.serial FROM certificate c "
                "WHERE c.deleted = 0 AND NOT EXISTS (SELECT 1 FROM certificate_revocation r "
                "WHERE r.certificate_serial = c.serial AND r.deleted = 0) "
                f"AND NOT {compromised_sql('c.issuer_key_id')} "
                "ORDER BY c.issued_at"
            )
        )
    }


def revoked_serials(conn: Connection) -> set[str]:
    return {
        str(serial)
        for (serial,) in conn.exec_driver_sql(
            "SELECT certificate_serial FROM certificate_revocation WHERE deleted = 0"
        )
    }


def issuer_keys(conn: Connection) -> dict[str, str]:
    """The trusted keys: {key id: base64 public key} of every issuer key this store knows."""
    return {
        str(key_id): str(public)
        for key_id, public in conn.exec_driver_sql(
            "SELECT key_id, public_key FROM issuer_key WHERE deleted = 0"
        )
    }


def add_issuer_key(
    conn: Connection,
    *,
    key_id: str,
    public_key: str,
    volunteer_id: str | None,
    commune_code: str,
    device_id: str,
) -> None:
    """Record this device's public key as a fact (it syncs); a key already recorded is left as it is."""
    if conn.execute(text("SELECT 1 FROM issuer_key WHERE key_id = :k"), {"k": key_id}).first():
        return
    insert_values(
        conn,
        "issuer_key",
        (*_BASE, "key_id", "public_key", "volunteer_id"),
        [
            (
                new_id(),
                commune_code,
                device_id,
                stored_datetime(utcnow()),
                True,
                False,
                key_id,
                public_key,
                volunteer_id,
            )
        ],
    )


def key_prefixes(conn: Connection) -> set[str]:
    """The serial middle parts (first 6 hex of the key id, upper case) of every known issuer key."""
    return {str(k)[:6].upper() for (k,) in conn.exec_driver_sql("SELECT key_id FROM issuer_key")}


def next_sequence(conn: Connection, serial_prefix: str) -> int:
    """The next sequence number for serials starting `serial_prefix` ("00577-3F9A2C-").

    The counter in sync_state goes with the highest serial already stored, so a store restored
    from an older backup (but since synced) never hands out a number twice.
    """
    key = SEQUENCE_PREFIX + serial_prefix
    counter = conn.execute(text("SELECT value FROM sync_state WHERE key = :k"), {"k": key}).scalar()
    highest = 0
    for (serial,) in conn.execute(
        text("SELECT serial FROM certificate WHERE serial LIKE :p"), {"p": serial_prefix + "%"}
    ):
        tail = str(serial)[len(serial_prefix) :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    value = max(highest, int(counter) if counter and str(counter).isdigit() else 0) + 1
    conn.execute(
        _SET_STATE,
        {"k": key, "v": str(value)},
    )
    return value


def add_certificate(
    conn: Connection,
    *,
    serial: str,
    learner_id: str,
    pack_id: str,
    pack_version: str,
    issuer_key_id: str,
    issued_at: datetime,
    payload: str,
    commune_code: str,
    device_id: str,
) -> str:
    certificate_id = new_id()
    when = stored_datetime(issued_at)
    insert_values(
        conn,
        "certificate",
        (*_BASE, "serial", "learner_id", "pack_id", "pack_version", "issuer_key_id", "issued_at", "payload"),
        [
            (
                certificate_id,
                commune_code,
                device_id,
                when,
                True,
                False,
                serial,
                learner_id,
                pack_id,
                pack_version,
                issuer_key_id,
                when,
                payload,
            )
        ],
    )
    return certificate_id


def add_revocation(conn: Connection, *, serial: str, reason: str, commune_code: str, device_id: str) -> str:
    revocation_id = new_id()
    now = stored_datetime(utcnow())
    insert_values(
        conn,
        "certificate_revocation",
        (*_BASE, "certificate_serial", "reason", "revoked_at"),
        [(revocation_id, commune_code, device_id, now, True, False, serial, reason, now)],
    )
    return revocation_id


def _printed(conn: Connection) -> set[str]:
    return {
        str(key)[len(PRINTED_PREFIX) :]
        for (key,) in conn.execute(
            text("SELECT key FROM sync_state WHERE key LIKE :p"), {"p": PRINTED_PREFIX + "%"}
        )
    }


def certificates(
    conn: Connection, *, serials: Iterable[str] | None = None, unprinted_only: bool = False
) -> list[CertificateRow]:
    """Issued certificates (all, the given serials, or those not printed yet), oldest first."""
    where, params = "c.deleted = 0", {}
    statement_binds: list[BindParameter[list[str]]] = []
    if serials is not None:
        where += " AND c.serial IN :serials"
        params["serials"] = list(serials)
        statement_binds.append(bindparam("serials", expanding=True))
    statement = text(
        "SELECT c.serial, c.learner_id, l.full_name, l.birth_year, l.anonymized, c.pack_id, c.pack_version, "
        "c.issuer_key_id, c.issued_at, c.payload, c.commune_code, coalesce(m.name, ''), "
        "coalesce(v.full_name, ''), EXISTS (SELECT 1 FROM certificate_revocation r "
        f"WHERE r.certificate_serial = c.serial AND r.deleted = 0) OR {compromised_sql('c.issuer_key_id')} "
        "FROM certificate c JOIN learner l ON l.id = c.learner_id "
        "LEFT JOIN commune m ON m.code = c.commune_code "
        "LEFT JOIN issuer_key k ON k.key_id = c.issuer_key_id "
        "LEFT JOIN volunteer v ON v.id = k.volunteer_id "
        f"WHERE {where} ORDER BY c.issued_at, c.serial"
    )
    if statement_binds:
        statement = statement.bindparams(*statement_binds)
    printed = _printed(conn)
    rows = [
        CertificateRow(
            serial=r[0],
            learner_id=r[1],
            full_name=r[2],
            birth_year=r[3],
            anonymized=bool(r[4]),
            pack_id=r[5],
            pack_version=r[6],
            issuer_key_id=r[7],
            issued_at=parse_utc(r[8]),
            payload=r[9],
            commune_code=r[10],
            commune_name=r[11],
            officer_name=r[12],
            revoked=bool(r[13]),
            printed=r[0] in printed,
        )
        for r in conn.execute(statement, params)
    ]
    if unprinted_only:
        rows = [r for r in rows if not r.printed and not r.revoked and not r.anonymized]
    return rows


def stored_payload(conn: Connection, serial: str) -> str | None:
    found = conn.execute(
        text("SELECT payload FROM certificate WHERE serial = :s AND deleted = 0"), {"s": serial}
    ).scalar()
    return None if found is None else str(found)


def mark_printed(conn: Connection, serials: Iterable[str]) -> None:
    now = stored_datetime(utcnow())
    for serial in serials:
        conn.execute(
            _SET_STATE,
            {"k": PRINTED_PREFIX + serial, "v": now},
        )
