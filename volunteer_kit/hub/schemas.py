"""The hub's wire shapes that FastAPI describes in /openapi.json: enrollment, health, the answers
of the device routes, and the body of every refusal (ErrorBody), with what each refusal status means."""

from __future__ import annotations

import unicodedata
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from volunteer_kit.core.text import nfc
from volunteer_kit.sync.bundle_format import load_public_key


class ErrorBody(BaseModel):
    """What the hub answers with any 4xx/5xx (hub.errors.HubError and the handlers in hub.api)."""

    model_config = ConfigDict(extra="allow")

    detail: str = Field(description="Why, in one line of English.")
    detail_vi: str = Field(description="Why, in one line of Vietnamese.")
    protocol: int | None = Field(default=None, description="With 426 only: the protocol this hub speaks.")
    code: str | None = Field(
        default=None,
        description='A machine-readable kind of refusal, where one is defined: "device_revoked" (403, '
        "with `reason` and `revoked_at`).",
    )


_RETRY_AFTER = {
    "Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}
}

_MEANING: dict[int, dict[str, Any]] = {
    401: {"description": "No device token, or the token's device is unknown."},
    403: {
        "description": "The token's device (or the enrollment code) may not do this; a revoked "
        'device gets 403 with code "device_revoked".'
    },
    404: {"description": "Nothing here for this device's commune."},
    409: {"description": "Enrollment: the device id is enrolled already (or was revoked)."},
    413: {"description": "The body (or its gzip-inflated content, or its record count) is too large."},
    415: {"description": "A Content-Encoding other than gzip."},
    422: {"description": "The request is not valid (JSON, gzip, parameters or fields)."},
    426: {"description": "The app speaks another sync protocol than the hub (X-VK-Protocol)."},
    429: {
        "description": "Too many refused enrollment attempts from this client.",
        "headers": _RETRY_AFTER,
    },
    503: {"description": "The hub is busy with other devices.", "headers": _RETRY_AFTER},
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route that can refuse with `statuses`, each with the ErrorBody schema."""
    return {status: {"model": ErrorBody, **_MEANING[status]} for status in statuses}


def ok_response(model: type[BaseModel], description: str) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry of a route's 200 answer, described by `model` but not validated by
    FastAPI (the routes with `response_model=None` write their answer themselves)."""
    return {200: {"model": model, "description": description}}


class EnrollRequest(BaseModel):
    """What a device sends to enroll: checked whole before the hub looks anything up (the one
    endpoint anyone may call)."""

    code: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9 \t-]+$")
    device_id: str = Field(min_length=36, max_length=36, description="The device's UUID, lower case.")
    label: str = Field(default="", max_length=400)  # ≤ 100 characters once checked and NFC
    public_key: str = Field(min_length=1, max_length=64)
    proof: str = Field(
        default="",
        max_length=100,
        description="Enrolling again under an id the hub knows: the new code and the id signed with "
        "the key registered the first time (base64 Ed25519 signature, see sync/enroll_proof.py).",
    )

    @field_validator("device_id")
    @classmethod
    def _is_uuid(cls, value: str) -> str:
        # One spelling per id: an upper-case twin would be another id to the database.
        try:
            canonical = str(uuid.UUID(value))
        except ValueError as exc:
            raise ValueError("not a UUID") from exc
        if canonical != value:
            raise ValueError("not a UUID in lower case with hyphens")
        return value

    @field_validator("label")
    @classmethod
    def _is_plain_text(cls, value: str) -> str:
        return device_label(value)

    @field_validator("public_key")
    @classmethod
    def _is_ed25519(cls, value: str) -> str:
        try:
            load_public_key(value)
        except (ValueError, TypeError) as exc:
            raise ValueError("not an Ed25519 public key (32 bytes, base64)") from exc
        return value


LABEL_MAX = 100
# Joiners some scripts and emoji need; every other format character (bidi overrides) is refused.
_JOINERS = frozenset("\u200c\u200d")


def device_label(value: str) -> str:
    """A device's label as stored: valid Unicode, NFC, spaces as plain spaces, printable, at most
    LABEL_MAX characters. Raises ValueError otherwise (PostgreSQL text cannot even hold a NUL)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("not valid Unicode (a lone surrogate)") from exc
    text = "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in nfc(value)).strip()
    if any(not ch.isprintable() and ch not in _JOINERS for ch in text):
        raise ValueError("control or invisible characters are not allowed")
    if len(text) > LABEL_MAX:
        raise ValueError(f"at most {LABEL_MAX} characters")
    return text


class EnrollAnswer(BaseModel):
    token: str
    device_id: str
    commune_code: str
    commune_name: str
    province_code: str
    role: str
    hub_id: str
    protocol: int


class Health(BaseModel):
    status: str  # "ok", or "unavailable" (503) when the process cannot reach its database
    protocol: int
    hub_id: str
    version: str
    process: int = 0  # the id of the process that answered (several serve one address)


# ---------------------------------------------------------------- answers of the device routes
# As the routes answer them (docs/sync-protocol.md); push and pull write their JSON by hand, so
# these describe it (tests/test_hub_schemathesis.py checks real answers against them).


class PushResult(BaseModel):
    """One pushed record's answer, in the order of the push."""

    table: Any = Field(description="The record's table, as sent (anything, for a malformed record).")
    id: Any = Field(description="The record's id, as sent.")
    hash: Any = Field(description="The record's content hash, as sent.")
    status: Literal["accepted", "rejected"]
    seq: int | None = Field(default=None, description="With accepted: the hub's sequence number.")
    reason: str | None = Field(default=None, description="With rejected: why, in English.")
    reason_vi: str | None = Field(default=None, description="With rejected: why, in Vietnamese.")


class PushAnswer(BaseModel):
    results: list[PushResult] = Field(description="One result per pushed record, in order.")


class BundleAnswer(BaseModel):
    device_id: str = Field(description="The device that made the bundle (not the one relaying it).")
    results: list[PushResult] = Field(description="One result per record of the bundle, in order.")


class PulledRecord(BaseModel):
    seq: int
    table: str
    id: str
    hash: str
    data: dict[str, Any]


class PullPage(BaseModel):
    records: list[PulledRecord] = Field(description="Latest versions after the cursor, in seq order.")
    next: int = Field(description="The cursor for the next page (`after` when no records).")
    more: bool


class Conflict(BaseModel):
    id: int
    table: str
    record_id: str
    kept_seq: int
    overwritten_seq: int
    overwritten: dict[str, Any] = Field(description="The data of the version that lost.")
    by_device: str = Field(description="The device that made the kept version.")
    overwritten_device: str = Field(description="The device that made the version that lost.")
    by_device_label: str = Field(default="", description="The label the kept version's device enrolled with.")
    overwritten_device_label: str = Field(
        default="", description="The label the lost version's device enrolled with."
    )
    at: str = Field(description="When the hub recorded it (ISO 8601 UTC, Z).")


class ConflictsPage(BaseModel):
    conflicts: list[Conflict]
    more: bool


class PackTitle(BaseModel):
    vi: str
    en: str


class PackPublication(BaseModel):
    seq: int
    id: str
    version: str
    sha256: str
    size: int
    title: PackTitle
    published_at: str = Field(description="ISO 8601 UTC, Z.")


class PublisherKey(BaseModel):
    seq: int
    key_id: str
    name: str
    public_key: str


class PacksFeed(BaseModel):
    packs: list[PackPublication]
    publishers: list[PublisherKey]
    next: int = Field(description="The feed number for the next page (`after` when nothing new).")
    more: bool


class ErasureEntry(BaseModel):
    """One erasure after a consent withdrawal (hub.erasures): who, when, which record; no
    personal data."""

    id: int
    commune_code: str
    table: str
    record_id: str
    device_id: str = Field(description="The device that pushed the erasure.")
    at: str = Field(description="When the hub received it (ISO 8601 UTC, Z).")
    status: Literal["applied", "waiting"]
    seq: int | None = Field(description="The erasing version's seq, once applied.")
    approved_by: str | None = Field(description="The officer's device (or hub operator) that approved it.")
    approved_at: str | None


class ErasuresPage(BaseModel):
    erasures: list[ErasureEntry] = Field(description="Oldest first: applied ones and waiting ones.")
    more: bool


# ---------------------------------------------------------------- commune administration (hub.admin)


class CodeRequest(BaseModel):
    """POST /admin/codes: a code for a volunteer's or trainer's laptop of the officer's commune."""

    role: Literal["volunteer", "trainer"] = Field(description='"officer" is refused with 403.')
    expires_hours: float = Field(default=72, gt=0, le=24 * 14, description="Hours it stays valid.")


class CodeMade(BaseModel):
    id: str = Field(description="Names the code in GET /admin/codes and DELETE /admin/codes/{id}.")
    code: str = Field(description="The one-time code (XXXX-XXXX-XXXX), shown this once.")
    role: str
    expires_at: str = Field(description="ISO 8601 UTC, Z.")
    commune_code: str


class OpenCode(BaseModel):
    id: str
    role: str
    created_at: str = Field(description="ISO 8601 UTC, Z.")
    expires_at: str = Field(description="ISO 8601 UTC, Z.")


class OpenCodes(BaseModel):
    codes: list[OpenCode] = Field(description="Unused, unexpired, not cancelled; newest first.")


class CodeCancelled(BaseModel):
    id: str
    cancelled: Literal[True]


class RevokeRequest(BaseModel):
    reason: str = Field(min_length=1, max_length=200, description="1 … 200 characters once stripped.")


class DeviceEntry(BaseModel):
    id: str
    label: str
    role: str
    enrolled_at: str = Field(description="ISO 8601 UTC, Z.")
    last_contact: str | None = Field(description="Its last request (written at most once a minute).")
    records_pushed: int = Field(description="Record versions the hub stored from it.")
    pending_erasures: int = Field(description="Erasures from it waiting for an officer's approval.")
    app_version: str = Field(description='The Volunteer Kit version it last spoke with ("" if unknown).')
    revoked: bool
    revoked_at: str | None
    revoked_reason: str


class DevicesList(BaseModel):
    devices: list[DeviceEntry] = Field(description="Every device of the commune, oldest enrollment first.")


class DeviceRecords(BaseModel):
    device_id: str
    label: str
    role: str
    records: int


class WeekRecords(BaseModel):
    week_start: str = Field(description="The week's Monday (UTC), YYYY-MM-DD.")
    records: int


class CommuneStats(BaseModel):
    per_kind: dict[str, int] = Field(description="Records per table, each at its latest version.")
    per_device: list[DeviceRecords] = Field(description="Record versions per device, most first.")
    per_week: list[WeekRecords] = Field(description="Record versions received per week, oldest first.")
