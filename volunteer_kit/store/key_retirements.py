"""Queries of retired and compromised certificate-signing keys (issuer_key_retirement facts).

A retirement is a fact that syncs like a revocation. A key retired in the ordinary way signs
nothing more, and what it signed stands; a key declared compromised takes every certificate it
signed with it, and those learners may be issued a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.ids import new_id
from volunteer_kit.store.bulk import insert_values, stored_datetime

_HEX = re.compile(r"[0-9a-fA-F]{1,16}")
_BASE = ("id", "commune_code", "created_by_device", "created_at", "pending", "deleted")


def compromised_sql(key_column: str) -> str:
    """An SQL condition: the key named by `key_column` was declared compromised (here or by sync)."""
    return (
        "EXISTS (SELECT 1 FROM issuer_key_retirement kr "
        f"WHERE kr.key_id = {key_column} AND kr.compromised = 1 AND kr.deleted = 0)"
    )


@dataclass(frozen=True, slots=True)
class SigningKey:
    """An issuer key of the commune, as the officer chooses one to retire."""

    key_id: str
    device_id: str  # the officer device that made it (and alone holds its private part)
    officer_name: str
    retired: bool
    compromised: bool


@dataclass(frozen=True, slots=True)
class CertificateToReissue:
    """A standing certificate of a compromised key whose learner can be issued a new one."""

    serial: str
    learner_id: str
    full_name: str
    pack_id: str


def add_retirement(
    conn: Connection,
    *,
    key_id: str,
    reason: str,
    compromised: bool,
    commune_code: str,
    device_id: str,
    retired_at: datetime | None = None,
) -> str:
    retirement_id = new_id()
    now = stored_datetime(utcnow())
    insert_values(
        conn,
        "issuer_key_retirement",
        (*_BASE, "key_id", "reason", "compromised", "retired_at"),
        [
            (
                retirement_id,
                commune_code,
                device_id,
                now,
                True,
                False,
                key_id,
                reason,
                compromised,
                stored_datetime(retired_at) if retired_at else now,
            )
        ],
    )
    return retirement_id


def retirement_facts(conn: Connection) -> list[tuple[str, str, bool]]:
    """(key id, retired at, compromised) of every retirement this store knows."""
    return [
        (str(key_id), str(at), bool(compromised))
        for key_id, at, compromised in conn.exec_driver_sql(
            "SELECT key_id, retired_at, compromised FROM issuer_key_retirement WHERE deleted = 0"
        )
    ]


def signing_keys(conn: Connection) -> list[SigningKey]:
    """Every issuer key this store knows, with its officer and whether it was retired or compromised."""
    rows = conn.exec_driver_sql(
        "SELECT k.key_id, k.created_by_device, coalesce(v.full_name, ''), "
        "EXISTS (SELECT 1 FROM issuer_key_retirement kr WHERE kr.key_id = k.key_id AND kr.deleted = 0), "
        f"{compromised_sql('k.key_id')} "
        "FROM issuer_key k LEFT JOIN volunteer v ON v.id = k.volunteer_id "
        "WHERE k.deleted = 0 ORDER BY k.created_at, k.key_id"
    )
    return [SigningKey(str(r[0]), str(r[1]), str(r[2]), bool(r[3]), bool(r[4])) for r in rows]


def keys_starting(conn: Connection, prefix: str) -> list[str]:
    """The ids of the known issuer keys that start with `prefix` (hex digits; anything else finds none)."""
    if not _HEX.fullmatch(prefix):
        return []
    return [
        str(k)
        for (k,) in conn.execute(
            text("SELECT key_id FROM issuer_key WHERE deleted = 0 AND key_id LIKE :p ORDER BY key_id"),
            {"p": prefix.lower() + "%"},
        )
    ]


def certificates_to_reissue(conn: Connection, key_id: str) -> list[CertificateToReissue]:
    """The certificates signed with `key_id` that stood until now (not revoked one by one), of
    learners who may still hold one (not anonymized, deleted or merged), oldest first."""
    rows = conn.execute(
        text(
            "SELECT c.serial, c.learner_id, l.full_name, c.pack_id FROM certificate c "
            "JOIN learner l ON l.id = c.learner_id "
            "WHERE c.issuer_key_id = :k AND c.deleted = 0 "
            "AND l.deleted = 0 AND l.anonymized = 0 AND l.merged_into_id IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM certificate_revocation r "
            "WHERE r.certificate_serial = c.serial AND r.deleted = 0) "
            "ORDER BY c.issued_at, c.serial"
        ),
        {"k": key_id},
    )
    return [CertificateToReissue(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]
