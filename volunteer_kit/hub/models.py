"""The hub's own schema: a registry and metadata apart from the device's models.

`hub_record` keeps every accepted version of every record (its primary key is
the hub's sequence); `hub_latest` points at the latest version of each record,
so a pull returns each record once, at its latest seq.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, Text, UniqueConstraint
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from volunteer_kit.core.models import table_of

# BIGINT on PostgreSQL; on SQLite only INTEGER PRIMARY KEY is the auto-incrementing rowid.
SeqType = BigInteger().with_variant(Integer(), "sqlite")


class HubModel(SQLModel, registry=registry()):
    """Base of the hub's tables (its metadata holds nothing of the device's schema)."""


metadata = HubModel.metadata


class HubMeta(HubModel, table=True):
    __tablename__ = "hub_meta"
    key: str = Field(primary_key=True, max_length=64)
    value: str = ""


class HubCommune(HubModel, table=True):
    __tablename__ = "hub_commune"
    code: str = Field(primary_key=True, max_length=5)
    name: str
    province_code: str = Field(default="", max_length=2)


class HubDevice(HubModel, table=True):
    __tablename__ = "hub_device"
    id: str = Field(primary_key=True, max_length=36)
    label: str = Field(default="", max_length=100)
    commune_code: str = Field(max_length=5, index=True)
    role: str = Field(max_length=16)
    token_hash: str = Field(max_length=64, unique=True)
    public_key: str = Field(default="", max_length=64)
    enrolled_at: datetime
    last_seen_at: datetime | None = None
    revoked_at: datetime | None = None
    revoked_reason: str = Field(default="", max_length=200)  # the officer's words, shown to the laptop
    revoked_by: str = Field(default="", max_length=64)  # an officer's device id, or "hub operator"
    app_version: str = Field(default="", max_length=32)  # from its User-Agent at its last contact


class HubEnrollCode(HubModel, table=True):
    __tablename__ = "hub_enroll_code"
    __table_args__ = (Index("ix_hub_enroll_code_commune_created", "commune_code", "created_at"),)
    code_hash: str = Field(primary_key=True, max_length=64)
    # Names the code to the officer who lists or cancels it (the code itself is never shown again).
    id: str = Field(max_length=36, unique=True)
    commune_code: str = Field(max_length=5)
    role: str = Field(max_length=16)
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    used_by: str | None = Field(default=None, max_length=36)
    cancelled_at: datetime | None = None
    created_by: str = Field(default="", max_length=64)  # an officer's device id, or "hub operator"


class HubEnrollAttempt(HubModel, table=True):
    """A refused enrollment (wrong, used or expired code; id taken; bad request), kept a few
    minutes: every hub process counts them here, so the limits hold behind a load balancer."""

    __tablename__ = "hub_enroll_attempt"
    __table_args__ = (
        Index("ix_hub_enroll_attempt_client_at", "client", "at"),
        Index("ix_hub_enroll_attempt_at", "at"),
        Index("ix_hub_enroll_attempt_code_at", "code_hash", "at"),
    )
    id: int | None = Field(default=None, sa_column=Column(SeqType, primary_key=True, autoincrement=True))
    client: str = Field(max_length=64)  # the client's address (an IPv6 client: its /64 network)
    code_hash: str | None = Field(default=None, max_length=64)  # set when the code itself was valid
    status: int
    at: datetime


class HubRecord(HubModel, table=True):
    """Every accepted version of every record. On PostgreSQL the table is partitioned by
    province_code (migration 0008), its primary key (seq, province_code) and its version key
    (table_name, record_id, content_hash, province_code); seq alone is unique all the same."""

    __tablename__ = "hub_record"
    __table_args__ = (
        UniqueConstraint("table_name", "record_id", "content_hash", name="uq_hub_record_version"),
    )
    seq: int | None = Field(default=None, sa_column=Column(SeqType, primary_key=True, autoincrement=True))
    table_name: str = Field(max_length=32)
    record_id: str = Field(max_length=36)
    commune_code: str = Field(max_length=5)
    device_id: str = Field(max_length=36)
    content_hash: str = Field(max_length=64)
    data: str = Field(sa_column=Column(Text, nullable=False))  # the record's `data` as received (JSON)
    received_at: datetime
    # The province of its commune (hub_commune), the partition key: a pull names it, so PostgreSQL
    # reads one partition.
    province_code: str = Field(default="", max_length=2)


class HubLatest(HubModel, table=True):
    """The latest version of each record. Its key (table_name, record_id) is unique across
    communes: the commune that stores a (table, id) first owns it for ever (hub.push writes it
    with an upsert conditioned on the commune; a trigger of migration 0004 refuses any move)."""

    __tablename__ = "hub_latest"
    __table_args__ = (Index("ix_hub_latest_commune_seq", "commune_code", "seq"),)
    table_name: str = Field(primary_key=True, max_length=32)
    record_id: str = Field(primary_key=True, max_length=36)
    seq: int = Field(sa_column=Column(SeqType, nullable=False))
    commune_code: str = Field(max_length=5)
    device_id: str = Field(max_length=36)
    content_hash: str = Field(max_length=64)
    anonymized: bool = False


class HubConflict(HubModel, table=True):
    __tablename__ = "hub_conflict"
    __table_args__ = (Index("ix_hub_conflict_commune_id", "commune_code", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    commune_code: str = Field(max_length=5)
    table_name: str = Field(max_length=32)
    record_id: str = Field(max_length=36, index=True)
    kept_seq: int = Field(sa_column=Column(SeqType, nullable=False))
    overwritten_seq: int = Field(sa_column=Column(SeqType, nullable=False))
    overwritten_data: str = Field(sa_column=Column(Text, nullable=False))
    by_device: str = Field(max_length=36)
    overwritten_device: str = Field(max_length=36)
    at: datetime


class HubErasure(HubModel, table=True):
    """One erasure of a learner's identifying data after a consent withdrawal (the audit trail: who,
    when, which record; no personal data), or one waiting for an officer's approval, holding the
    pushed version (its identifying columns already blank) until then."""

    __tablename__ = "hub_erasure"
    __table_args__ = (
        Index("ix_hub_erasure_commune_id", "commune_code", "id"),
        Index("ix_hub_erasure_device_at", "device_id", "at"),
        Index("ix_hub_erasure_record", "table_name", "record_id"),
    )
    id: int | None = Field(default=None, sa_column=Column(SeqType, primary_key=True, autoincrement=True))
    commune_code: str = Field(max_length=5)
    table_name: str = Field(max_length=32)
    record_id: str = Field(max_length=36)
    device_id: str = Field(max_length=36)  # the device that pushed the erasure
    at: datetime  # when the hub received it
    status: str = Field(max_length=16)  # "applied" or "waiting"
    content_hash: str = Field(max_length=64)
    seq: int | None = Field(default=None, sa_column=Column(SeqType, nullable=True))  # once applied
    approved_by: str | None = Field(default=None, max_length=64)  # an officer's device, or "hub operator"
    approved_at: datetime | None = None
    waiting_record: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class HubPack(HubModel, table=True):
    """A lesson pack archive published to devices; its bytes are in hub_pack_chunk."""

    __tablename__ = "hub_pack"
    __table_args__ = (UniqueConstraint("pack_id", "version", name="uq_hub_pack_version"),)
    sha256: str = Field(primary_key=True, max_length=64)
    # The pack feed's sequence (shared with hub_publisher): devices pull what is after their cursor.
    seq: int = Field(sa_column=Column(SeqType, nullable=False, unique=True))
    pack_id: str = Field(max_length=100)
    version: str = Field(max_length=32)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    title_vi: str = Field(sa_column=Column(Text, nullable=False))
    title_en: str = Field(sa_column=Column(Text, nullable=False))
    all_communes: bool = False
    communes: str = Field(default="", sa_column=Column(Text, nullable=False))  # ",00577,00580," or ""
    trust: str = Field(default="", max_length=20)  # the hub's view: trusted, unsigned, unknown-publisher
    key_id: str = Field(default="", max_length=16)
    published_at: datetime


class HubPackChunk(HubModel, table=True):
    """One MiB of a pack archive, content-addressed by the archive's SHA-256: every hub process reads
    the same bytes from the database (no shared disk), and a database backup holds the packs too."""

    __tablename__ = "hub_pack_chunk"
    sha256: str = Field(primary_key=True, max_length=64)
    n: int = Field(primary_key=True)  # 0, 1, 2 ... in the archive's order
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class HubPublisher(HubModel, table=True):
    """A lesson-pack publisher's public key that every device of the hub trusts."""

    __tablename__ = "hub_publisher"
    key_id: str = Field(primary_key=True, max_length=16)
    seq: int = Field(sa_column=Column(SeqType, nullable=False, unique=True))
    name: str = Field(max_length=200)
    public_key: str = Field(max_length=64)
    added_at: datetime


record_t = table_of(HubRecord)
latest_t = table_of(HubLatest)
conflict_t = table_of(HubConflict)
erasure_t = table_of(HubErasure)
device_t = table_of(HubDevice)
code_t = table_of(HubEnrollCode)
attempt_t = table_of(HubEnrollAttempt)
commune_t = table_of(HubCommune)
meta_t = table_of(HubMeta)
pack_t = table_of(HubPack)
pack_chunk_t = table_of(HubPackChunk)
publisher_t = table_of(HubPublisher)
