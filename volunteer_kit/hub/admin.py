"""Commune administration by its officers, over the API (hub.routes.admin): enrollment codes for
volunteers and trainers, the commune's devices and their revocation, and the commune's figures.

Every function takes the officer (hub.enrollment.Actor) and works in the officer's commune only:
another commune's code or device is "not found", as one that does not exist. Bodies are checked
here whole, before any work, with one-line reasons in Vietnamese and English. The hub operator's
command line (`hub enroll-code`, `hub revoke-device`, `hub stats`) keeps working across communes.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.text import nfc
from volunteer_kit.hub import enrollment
from volunteer_kit.hub.db import writing
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.models import code_t, device_t, erasure_t, latest_t, record_t
from volunteer_kit.hub.times import as_utc, iso

log = logging.getLogger("volunteer_kit.hub")

# Roles an officer may make codes for; officer codes stay with the hub operator's command line.
CODE_ROLES = ("volunteer", "trainer")
DEFAULT_CODE_HOURS = 72
MAX_CODE_HOURS = 24 * 14
# Open codes a commune may hold at once (each is a way in until used, cancelled or expired).
MAX_OPEN_CODES = 50
REASON_MAX = 200
DEFAULT_WEEKS = 12
MAX_WEEKS = 52
MAX_BODY = 4096  # bytes of an admin request's body


def _invalid(en: str, vi: str) -> HubError:
    return HubError(422, en, vi)


def _object(document: Any, allowed: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(document, dict):
        raise _invalid("The body must be a JSON object.", "Nội dung yêu cầu phải là một đối tượng JSON.")
    unknown = sorted(set(document) - set(allowed))
    if unknown:
        name = unknown[0][:40]
        raise _invalid(f"Unknown field {name!r}.", f"Trường không hợp lệ: {name!r}.")
    return document


# ---------------------------------------------------------------- enrollment codes


def code_request(document: Any) -> tuple[str, float]:
    """(role, hours) of a POST /admin/codes body, checked: 422 for anything but a known role and
    0 < hours ≤ MAX_CODE_HOURS; 403 for an officer code."""
    body = _object(document, ("role", "expires_hours"))
    role = body.get("role")
    if role == "officer":
        raise HubError(
            403,
            "Officer codes are made by the hub operator only (hub enroll-code).",
            "Mã cho cán bộ xã chỉ do người quản lý máy chủ tạo (hub enroll-code).",
        )
    if not isinstance(role, str) or role not in CODE_ROLES:
        shown = repr(role)[:40]
        raise _invalid(
            f"Unknown role {shown}: volunteer or trainer.",
            f"Vai trò không hợp lệ {shown}: volunteer (tình nguyện viên) hoặc trainer (giảng viên).",
        )
    hours = body.get("expires_hours", DEFAULT_CODE_HOURS)
    if (
        isinstance(hours, bool)
        or not isinstance(hours, int | float)
        or not math.isfinite(hours)
        or not 0 < hours <= MAX_CODE_HOURS
    ):
        raise _invalid(
            f"expires_hours must be a number of hours above 0 and at most {MAX_CODE_HOURS} (14 days).",
            f"Thời hạn của mã (expires_hours) phải là số giờ lớn hơn 0 và không quá {MAX_CODE_HOURS} "
            "(14 ngày).",
        )
    return role, float(hours)


def _open_codes(commune_code: str, now: datetime) -> Any:
    return (
        code_t.c.commune_code == commune_code,
        code_t.c.used_at.is_(None),
        code_t.c.cancelled_at.is_(None),
        code_t.c.expires_at > now,
    )


def make_code(
    engine: Engine,
    officer: Actor,
    role: str,
    hours: float = DEFAULT_CODE_HOURS,
    *,
    now: datetime | None = None,
) -> dict[str, Any]:
    """A one-time code for the officer's commune (role and hours as code_request checked them)."""
    now = now or utcnow()
    with engine.connect() as conn:
        held = conn.execute(
            select(func.count()).select_from(code_t).where(*_open_codes(officer.commune_code, now))
        ).scalar()
    if (held or 0) >= MAX_OPEN_CODES:
        raise HubError(
            409,
            f"The commune already has {MAX_OPEN_CODES} open codes; cancel the ones not needed first.",
            f"Xã đã có {MAX_OPEN_CODES} mã chưa dùng; hãy huỷ những mã không cần trước.",
        )
    made = enrollment.make_enroll_code(
        engine,
        commune_code=officer.commune_code,
        role=role,
        hours=hours,
        now=now,
        created_by=officer.device_id,
    )
    return {
        "id": made["id"],
        "code": made["code"],
        "role": made["role"],
        "expires_at": made["expires_at"],
        "commune_code": made["commune_code"],
    }


def list_codes(engine: Engine, officer: Actor, *, now: datetime | None = None) -> list[dict[str, Any]]:
    """The commune's open codes (unused, unexpired, not cancelled), newest first; never the code."""
    now = now or utcnow()
    with engine.connect() as conn:
        rows = conn.execute(
            select(code_t.c.id, code_t.c.role, code_t.c.created_at, code_t.c.expires_at)
            .where(*_open_codes(officer.commune_code, now))
            .order_by(code_t.c.created_at.desc(), code_t.c.id)
            .limit(MAX_OPEN_CODES * 2)
        ).all()
    return [
        {"id": r.id, "role": r.role, "created_at": iso(r.created_at), "expires_at": iso(r.expires_at)}
        for r in rows
    ]


def cancel_code(
    engine: Engine, officer: Actor, code_id: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Cancel an open code of the officer's commune; 404 for any other (used, expired, cancelled,
    unknown, or another commune's)."""
    now = now or utcnow()
    with writing(engine) as conn:
        done = conn.execute(
            code_t.update()
            .where(code_t.c.id == code_id, *_open_codes(officer.commune_code, now))
            .values(cancelled_at=now)
        )
    if done.rowcount != 1:
        raise HubError(
            404,
            "No open enrollment code with this id in your commune (used, expired or cancelled already?).",
            "Không có mã đăng ký nào còn hiệu lực với mã số này ở xã của bạn (đã dùng, hết hạn hoặc "
            "đã huỷ?).",
        )
    return {"id": code_id, "cancelled": True}


# ---------------------------------------------------------------- devices


def _device_entries(
    conn: Connection, commune_code: str, device_id: str | None = None
) -> list[dict[str, Any]]:
    where = [device_t.c.commune_code == commune_code]
    if device_id is not None:
        where.append(device_t.c.id == device_id)
    rows = conn.execute(
        select(device_t).where(*where).order_by(device_t.c.enrolled_at, device_t.c.id)
    ).mappings()
    devices = list(rows)
    if not devices:
        return []
    pushed_q = select(record_t.c.device_id, func.count()).where(record_t.c.commune_code == commune_code)
    waiting_q = select(erasure_t.c.device_id, func.count()).where(
        erasure_t.c.commune_code == commune_code, erasure_t.c.status == "waiting"
    )
    if device_id is not None:
        pushed_q = pushed_q.where(record_t.c.device_id == device_id)
        waiting_q = waiting_q.where(erasure_t.c.device_id == device_id)
    pushed: dict[str, int] = dict(conn.execute(pushed_q.group_by(record_t.c.device_id)).tuples().all())
    waiting: dict[str, int] = dict(conn.execute(waiting_q.group_by(erasure_t.c.device_id)).tuples().all())
    return [
        {
            "id": d["id"],
            "label": d["label"],
            "role": d["role"],
            "enrolled_at": iso(d["enrolled_at"]),
            "last_contact": iso(d["last_seen_at"]),
            "records_pushed": pushed.get(d["id"], 0),
            "pending_erasures": waiting.get(d["id"], 0),
            "app_version": d["app_version"] or "",
            "revoked": d["revoked_at"] is not None,
            "revoked_at": iso(d["revoked_at"]),
            "revoked_reason": d["revoked_reason"] or "",
        }
        for d in devices
    ]


def list_devices(engine: Engine, officer: Actor) -> list[dict[str, Any]]:
    """Every device of the officer's commune, revoked ones included, oldest enrollment first."""
    with engine.connect() as conn:
        return _device_entries(conn, officer.commune_code)


def revoke_reason(document: Any) -> str:
    """The reason of a POST /admin/devices/{id}/revoke body: one line of 1 … REASON_MAX
    characters once NFC and stripped, no control or invisible characters (422 otherwise)."""
    body = _object(document, ("reason",))
    reason = body.get("reason")
    if not isinstance(reason, str):
        raise _invalid(
            "Give the reason for revoking the laptop (reason, text).",
            "Hãy ghi lý do thu hồi máy (reason, dạng chữ).",
        )
    try:
        reason.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _invalid("The reason is not valid text.", "Lý do không phải văn bản hợp lệ.") from exc
    text = "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in nfc(reason)).strip()
    if not text:
        raise _invalid(
            "Give the reason for revoking the laptop (e.g. lost, stolen).",
            "Hãy ghi lý do thu hồi máy (ví dụ: bị mất, bị lấy cắp).",
        )
    if len(text) > REASON_MAX:
        raise _invalid(
            f"The reason is {len(text)} characters long; at most {REASON_MAX}.",
            f"Lý do dài {len(text)} ký tự; tối đa {REASON_MAX}.",
        )
    if any(not ch.isprintable() and ch not in "\u200c\u200d" for ch in text):
        raise _invalid(
            "The reason must be one line with no control characters.",
            "Lý do phải nằm trên một dòng, không có ký tự điều khiển.",
        )
    return text


_NO_DEVICE = HubError(
    404, "No device with this id in your commune.", "Không có thiết bị nào với mã này ở xã của bạn."
)


def revoke(
    engine: Engine, officer: Actor, device_id: str, reason: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Revoke a volunteer's or trainer's device of the officer's commune (a lost or stolen laptop);
    its entry after. Refused: another commune's or unknown device (404), the officer's own (409), an
    officer's device (403: the hub operator revokes officers). Revoked already: unchanged (the first
    time, reason and author stay)."""
    now = now or utcnow()
    with writing(engine) as conn:
        row = (
            conn.execute(
                select(device_t.c.id, device_t.c.role).where(
                    device_t.c.id == device_id, device_t.c.commune_code == officer.commune_code
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            raise _NO_DEVICE
        if row["id"] == officer.device_id:
            raise HubError(
                409,
                "This is your own laptop; the hub operator revokes it if it is lost.",
                "Đây là máy của chính bạn; nếu máy bị mất, người quản lý máy chủ sẽ thu hồi nó.",
            )
        if row["role"] == "officer":
            raise HubError(
                403,
                "An officer's laptop is revoked by the hub operator only (hub revoke-device).",
                "Máy của cán bộ xã chỉ do người quản lý máy chủ thu hồi (hub revoke-device).",
            )
        conn.execute(
            device_t.update()
            .where(device_t.c.id == device_id, device_t.c.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason, revoked_by=officer.device_id)
        )
        entry = _device_entries(conn, officer.commune_code, device_id)[0]
    log.info(
        "device %s of commune %s revoked by officer %s", device_id, officer.commune_code, officer.device_id
    )
    return entry


# ---------------------------------------------------------------- figures


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def commune_stats(
    engine: Engine, officer: Actor, weeks: int = DEFAULT_WEEKS, *, now: datetime | None = None
) -> dict[str, Any]:
    """The commune's figures, of what the hub stored for it:

    - per_kind: records per table (each record once, at its latest version; deleted ones too);
    - per_device: versions each device of the commune pushed (every device, with 0 for none);
    - per_week: versions received per week (Monday to Sunday, UTC), the last `weeks` weeks,
      this one included, oldest first.
    """
    now = as_utc(now or utcnow())
    first_week = monday_of(now.date()) - timedelta(weeks=weeks - 1)
    since = datetime(first_week.year, first_week.month, first_week.day, tzinfo=UTC)
    code = officer.commune_code
    with engine.connect() as conn:
        per_kind: dict[str, int] = dict(
            conn.execute(
                select(latest_t.c.table_name, func.count())
                .where(latest_t.c.commune_code == code)
                .group_by(latest_t.c.table_name)
            )
            .tuples()
            .all()
        )
        pushed: dict[str, int] = dict(
            conn.execute(
                select(record_t.c.device_id, func.count())
                .where(record_t.c.commune_code == code)
                .group_by(record_t.c.device_id)
            )
            .tuples()
            .all()
        )
        devices = conn.execute(
            select(device_t.c.id, device_t.c.label, device_t.c.role).where(device_t.c.commune_code == code)
        ).all()
        received = record_t.c.received_at
        if conn.dialect.name == "postgresql":
            day = func.date(func.timezone("UTC", received))
        else:  # SQLite holds the UTC time as text
            day = func.date(received)
        per_day = conn.execute(
            select(day, func.count()).where(record_t.c.commune_code == code, received >= since).group_by(day)
        ).all()
    per_week = {first_week + timedelta(weeks=n): 0 for n in range(weeks)}
    for when, n in per_day:
        start = monday_of(when if isinstance(when, date) else date.fromisoformat(str(when)[:10]))
        if start in per_week:
            per_week[start] += n
    known = {d.id for d in devices}
    per_device = [
        {"device_id": d.id, "label": d.label, "role": d.role, "records": pushed.get(d.id, 0)} for d in devices
    ] + [
        {"device_id": device_id, "label": "", "role": "", "records": n}
        for device_id, n in pushed.items()
        if device_id not in known
    ]
    per_device.sort(key=lambda d: (-d["records"], d["label"], d["device_id"]))
    return {
        "per_kind": dict(sorted(per_kind.items())),
        "per_device": per_device,
        "per_week": [
            {"week_start": start.isoformat(), "records": n} for start, n in sorted(per_week.items())
        ],
    }
