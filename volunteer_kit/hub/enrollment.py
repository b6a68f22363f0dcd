"""Communes, enrollment codes, devices and their tokens: who may talk to the hub, for which commune.

Functions take the engine as their first argument and return plain data; the routes
(hub.routes) and the command line (`hub enroll-code`, `hub revoke`) both call them.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError

from volunteer_kit.core.clock import utcnow
from volunteer_kit.hub import security
from volunteer_kit.hub.db import ensure_province_partition, move_commune_records, writing
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.models import attempt_t, code_t, commune_t, device_t
from volunteer_kit.hub.times import as_utc, iso
from volunteer_kit.sync import enroll_proof, payload

log = logging.getLogger("volunteer_kit.hub")

ROLES = ("volunteer", "officer", "trainer")
OPERATOR = "hub operator"  # who made a code or revoked a device from the hub's own command line
DEFAULT_CODE_HOURS = 72
# A device's last contact is written at most this often (a pull must not be a write each time).
LAST_SEEN_EVERY = timedelta(seconds=60)

# Refused enrollment attempts are counted in the database over this window, by every hub process.
ATTEMPT_WINDOW = timedelta(seconds=60)
# One client (address; an IPv6 client's /64) may be refused this often per window, then waits.
CLIENT_REFUSALS = 10
# Past this many refusals per window from all clients together (a guesser with many addresses),
# a client refused even once waits out the window; a client with no refusal is still heard, so
# a laptop with a valid code enrolls at its first try whatever others do.
GLOBAL_REFUSALS = 50
# A valid code offered with ids it may not take this often is withdrawn (no probing of ids with it).
CODE_REFUSALS = 3
# Refusals older than this are deleted as new ones are written.
ATTEMPT_KEEP = timedelta(minutes=10)


# ---------------------------------------------------------------- communes and enrollment codes


def known_commune(code: str) -> tuple[str, str] | None:
    """(name, province code) of a commune the app knows, or None."""
    from volunteer_kit.core import admin_units

    for unit in vars(admin_units).values():
        if isinstance(unit, admin_units.CommuneUnit) and unit.code == code:
            return unit.name, unit.province_code
    return None


def ensure_commune(
    engine: Engine, code: str, name: str | None = None, province_code: str | None = None
) -> dict[str, Any]:
    """The hub's row for commune `code`, made from the app's admin units or the given name.

    Raises HubError(422) for a code that is not five digits, or an unknown code with no name.
    """
    code = code.strip()
    if len(code) != 5 or not code.isdigit():
        raise HubError(
            422,
            f"A commune code has five digits, not {code!r}.",
            f"Mã xã gồm năm chữ số, không phải {code!r}.",
        )
    with writing(engine) as conn:
        row = conn.execute(select(commune_t).where(commune_t.c.code == code)).mappings().first()
        if row is not None and not name:
            return dict(row)
        known = known_commune(code)
        if not name and known is None:
            raise HubError(
                422,
                f"Commune {code} is not in the hub's list; give its name with --commune-name.",
                f"Xã {code} chưa có trong danh sách của máy chủ; hãy cho biết tên xã bằng --commune-name.",
            )
        values = {
            "code": code,
            "name": name or known[0],  # type: ignore[index]
            "province_code": province_code or (known[1] if known else ""),
        }
        ensure_province_partition(conn, values["province_code"])  # PostgreSQL: a new province's own
        if row is None:
            conn.execute(commune_t.insert().values(**values))
        else:
            conn.execute(commune_t.update().where(commune_t.c.code == code).values(**values))
            if row["province_code"] != values["province_code"]:
                move_commune_records(conn, code, values["province_code"])  # pulls read its province
        return values


def make_enroll_code(
    engine: Engine,
    *,
    commune_code: str,
    role: str,
    hours: float = DEFAULT_CODE_HOURS,
    now: datetime | None = None,
    created_by: str = OPERATOR,
) -> dict[str, Any]:
    """A new one-time code for commune and role; only its hash is stored. Returns code, its id
    (which names it in the officer's list) and expiry. `created_by`: the officer's device that asked
    for it (hub.admin), or the hub operator."""
    if role not in ROLES:
        raise HubError(422, f"Unknown role {role!r}.", f"Vai trò không hợp lệ: {role!r}.")
    if not 0 < hours <= 24 * 90:
        raise HubError(
            422, "A code lasts between a minute and 90 days.", "Mã chỉ có hạn từ một phút đến 90 ngày."
        )
    now = now or utcnow()
    code = security.new_enroll_code()
    code_id = str(uuid.uuid4())
    expires = now + timedelta(hours=hours)
    with writing(engine) as conn:
        commune = conn.execute(select(commune_t).where(commune_t.c.code == commune_code)).mappings().first()
        if commune is None:
            raise HubError(422, f"Unknown commune {commune_code}.", f"Không rõ xã {commune_code}.")
        conn.execute(
            code_t.insert().values(
                id=code_id,
                code_hash=security.sha256_hex(security.normalize_code(code)),
                commune_code=commune_code,
                role=role,
                created_at=now,
                expires_at=expires,
                created_by=created_by,
            )
        )
    return {
        "id": code_id,
        "code": code,
        "commune_code": commune_code,
        "commune_name": commune["name"],
        "role": role,
        "expires_at": iso(expires),
    }


CODE_REFUSED = HubError(
    403,
    "This enrollment code is wrong, used, cancelled or expired; ask the commune officer for a new one.",
    "Mã đăng ký sai, đã dùng, đã bị huỷ hoặc đã hết hạn; hãy xin cán bộ xã mã mới.",
)
ID_TAKEN = HubError(
    409,
    "This laptop's id is already enrolled with this hub by another enrollment; if this is that "
    "laptop, enroll from its own data folder (it holds the key the hub knows), else use a new data "
    "folder (--data-dir).",
    "Mã định danh của máy này đã được ghi danh với máy chủ; nếu đây đúng là máy đó, hãy ghi danh "
    "từ chính thư mục dữ liệu của nó (nơi giữ khóa mà máy chủ biết), nếu không hãy dùng một thư "
    "mục dữ liệu mới (--data-dir).",
)
ID_REVOKED = HubError(
    409,
    "This laptop's id was revoked by the hub operator and can never enroll again; enroll from a new "
    "data folder (--data-dir).",
    "Mã định danh của máy này đã bị người quản lý máy chủ thu hồi và không bao giờ ghi danh lại "
    "được; hãy ghi danh từ một thư mục dữ liệu mới (--data-dir).",
)


class EnrollRefused(HubError):
    """A refusal counted against the client (and, with `code_hash`, against that valid code)."""

    def __init__(self, refusal: HubError, code_hash: str | None = None) -> None:
        super().__init__(refusal.status, refusal.en, refusal.vi)
        self.code_hash = code_hash


def enroll_device(
    engine: Engine,
    *,
    code: str,
    device_id: str,
    label: str,
    public_key: str,
    hub_id: str,
    client: str = "local",
    proof: str = "",
    now: datetime | None = None,
) -> dict[str, Any]:
    """Trade a code for a token (the code is then used up), binding `device_id` to this enrollment.

    An id the hub knows is refused (409) unless it is the same laptop enrolling again: not revoked,
    and `proof` signed by the key it registered (hub.enroll_proof). Every refusal is counted for
    `client` (see check_attempts; "local" for the hub's own tools). Raises HubError 403 for a bad
    code, 409 for an id it may not take.
    """
    now = now or utcnow()
    try:
        return _bind_device(
            engine,
            code=code,
            device_id=device_id,
            label=label,
            public_key=public_key,
            hub_id=hub_id,
            proof=proof,
            now=now,
        )
    except EnrollRefused as refused:
        record_refusal(engine, client=client, status=refused.status, code_hash=refused.code_hash, now=now)
        raise


def _bind_device(
    engine: Engine,
    *,
    code: str,
    device_id: str,
    label: str,
    public_key: str,
    hub_id: str,
    proof: str,
    now: datetime,
) -> dict[str, Any]:
    code_hash = security.sha256_hex(security.normalize_code(code))
    token = security.new_token()
    with writing(engine) as conn:
        row = conn.execute(select(code_t).where(code_t.c.code_hash == code_hash)).mappings().first()
        if (
            row is None
            or row["used_at"] is not None
            or row["cancelled_at"] is not None
            or as_utc(row["expires_at"]) <= now
        ):
            raise EnrollRefused(CODE_REFUSED)
        if _refusals(conn, attempt_t.c.code_hash == code_hash, now) >= CODE_REFUSALS:
            raise EnrollRefused(CODE_REFUSED)
        known = conn.execute(select(device_t).where(device_t.c.id == device_id)).mappings().first()
        if known is not None:
            _check_same_laptop(known, code=code, public_key=public_key, proof=proof, code_hash=code_hash)
        used = conn.execute(
            code_t.update()
            .where(
                code_t.c.code_hash == code_hash, code_t.c.used_at.is_(None), code_t.c.cancelled_at.is_(None)
            )
            .values(used_at=now, used_by=device_id)
        )
        if used.rowcount != 1:  # another request used it a moment ago
            raise EnrollRefused(CODE_REFUSED)
        values = {
            "label": label,
            "commune_code": row["commune_code"],
            "role": row["role"],
            "token_hash": security.sha256_hex(token),
            "public_key": public_key,
            "enrolled_at": now,
            "last_seen_at": now,
            "revoked_at": None,
        }
        if known is not None:
            # Only while it is unrevoked (a revocation racing this enrollment wins).
            again = conn.execute(
                device_t.update()
                .where(device_t.c.id == device_id, device_t.c.revoked_at.is_(None))
                .values(**values)
            )
            if again.rowcount != 1:
                raise EnrollRefused(ID_REVOKED, code_hash)
        else:
            try:
                conn.execute(device_t.insert().values(id=device_id, **values))
            except IntegrityError as exc:  # the primary key binds the id: of two racing, one fails
                raise EnrollRefused(ID_TAKEN, code_hash) from exc
        commune = (
            conn.execute(select(commune_t).where(commune_t.c.code == row["commune_code"])).mappings().first()
        )
    log.info(
        "device %s %s for commune %s as %s",
        device_id,
        "enrolled again" if known is not None else "enrolled",
        row["commune_code"],
        row["role"],
    )
    return {
        "token": token,
        "device_id": device_id,
        "commune_code": row["commune_code"],
        "commune_name": commune["name"] if commune else "",
        "province_code": commune["province_code"] if commune else "",
        "role": row["role"],
        "hub_id": hub_id,
        "protocol": payload.PROTOCOL,
    }


def _check_same_laptop(known: Any, *, code: str, public_key: str, proof: str, code_hash: str) -> None:
    """Refuse a known id unless the laptop that holds it asks: unrevoked, its registered key
    presented, and the new code and id signed with it (a device id and a public key are no secret)."""
    if known["revoked_at"] is not None:
        raise EnrollRefused(ID_REVOKED, code_hash)
    if (
        not proof
        or not known["public_key"]
        or public_key != known["public_key"]
        or not enroll_proof.verify(known["public_key"], proof, code, known["id"])
    ):
        raise EnrollRefused(ID_TAKEN, code_hash)


# ---------------------------------------------------------------- attempts


def client_key(address: str | None) -> str:
    """Whom refusals are counted for: the client's address as the hub sees it (the real one when a
    trusted proxy forwarded it); for IPv6, its /64 network, which one subscriber usually holds whole."""
    if not address:
        return "?"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _refusals(conn: Connection, which: Any, now: datetime, *, at_most: int | None = None) -> int:
    """Refusals matching `which` in the window (counting stops at `at_most`)."""
    recent = select(attempt_t.c.id).where(which, attempt_t.c.at > now - ATTEMPT_WINDOW)
    if at_most is not None:
        recent = recent.limit(at_most)
    return conn.execute(select(func.count()).select_from(recent.subquery())).scalar() or 0


def check_attempts(engine: Engine, client: str, *, now: datetime | None = None) -> None:
    """Refuse (429, Retry-After) a client refused CLIENT_REFUSALS times in the window, or refused
    at all while the whole hub sees more than GLOBAL_REFUSALS. Asked before the body is read, so a
    throttled client learns nothing about any code; a client never refused is always heard."""
    now = now or utcnow()
    with engine.connect() as conn:
        count, first, last = conn.execute(
            select(func.count(), func.min(attempt_t.c.at), func.max(attempt_t.c.at)).where(
                attempt_t.c.client == client, attempt_t.c.at > now - ATTEMPT_WINDOW
            )
        ).one()
        if count == 0:
            return
        if count >= CLIENT_REFUSALS:
            free_at = as_utc(first) + ATTEMPT_WINDOW
        elif _refusals(conn, attempt_t.c.id.is_not(None), now, at_most=GLOBAL_REFUSALS) >= GLOBAL_REFUSALS:
            free_at = as_utc(last) + ATTEMPT_WINDOW
        else:
            return
    wait = max(1, math.ceil((free_at - now).total_seconds()))
    raise HubError(
        429,
        f"Too many enrollment attempts; try again in {wait} s.",
        f"Thử đăng ký quá nhiều lần; hãy thử lại sau {wait} giây.",
        headers={"Retry-After": str(wait)},
    )


def record_refusal(
    engine: Engine,
    *,
    client: str,
    status: int,
    code_hash: str | None = None,
    now: datetime | None = None,
) -> None:
    """Count a refused attempt for every hub process to see; forget the ones too old to matter."""
    now = now or utcnow()
    with writing(engine) as conn:
        conn.execute(attempt_t.insert().values(client=client, code_hash=code_hash, status=status, at=now))
        conn.execute(attempt_t.delete().where(attempt_t.c.at < now - ATTEMPT_KEEP))


# ---------------------------------------------------------------- devices


@dataclass(frozen=True)
class Actor:
    """The device a request (or bundle) acts for, as the hub enrolled it."""

    device_id: str
    commune_code: str
    role: str


# What a device says it runs, from its User-Agent ("volunteer-kit/1.4.0 ..."): bounded, plain.
_APP_VERSION = re.compile(r"volunteer-kit/([0-9A-Za-z.+-]{1,32})(?:\s|$)")


def app_version_of(user_agent: str | None) -> str | None:
    """The Volunteer Kit version a User-Agent names, or None (another client, or none given)."""
    if not user_agent:
        return None
    found = _APP_VERSION.match(user_agent[:200].strip())
    return found.group(1) if found else None


DEVICE_REVOKED = "device_revoked"  # the `code` of the refusal a revoked device gets


def revoked_error(reason: str, revoked_at: datetime | None) -> HubError:
    """What a revoked device hears at any request with its token (403, code "device_revoked")."""
    vi_reason = reason or "không ghi"
    en_reason = reason or "none given"
    return HubError(
        403,
        f"This laptop was revoked by the commune officer (reason: {en_reason}). Its unsent records "
        "are still on it; export them to a file for the commune officer to take in.",
        f"Máy này đã bị cán bộ xã thu hồi (lý do: {vi_reason}). Dữ liệu chưa gửi vẫn còn trên máy; "
        "hãy xuất ra tệp để cán bộ xã nhận lại.",
        extra={"code": DEVICE_REVOKED, "reason": reason, "revoked_at": iso(revoked_at)},
    )


def device_for_token(
    engine: Engine, token: str, *, now: datetime | None = None, app_version: str | None = None
) -> Actor:
    """The enrolled, unrevoked device holding `token`: HubError(401) for a token the hub does not
    know, HubError(403, code "device_revoked", with the officer's reason) for a revoked one.

    Its last contact is written (at most every LAST_SEEN_EVERY), and `app_version` (hub.enrollment.
    app_version_of its User-Agent) when it changed.
    """
    now = now or utcnow()
    with engine.connect() as conn:
        row = (
            conn.execute(select(device_t).where(device_t.c.token_hash == security.sha256_hex(token)))
            .mappings()
            .first()
        )
    if row is None:
        raise HubError(
            401,
            "This device is not enrolled with this hub (unknown token); enroll it with a new code.",
            "Thiết bị này chưa đăng ký với máy chủ (mã truy cập không đúng); hãy đăng ký bằng mã mới.",
        )
    if row["revoked_at"] is not None:
        raise revoked_error(row["revoked_reason"] or "", as_utc(row["revoked_at"]))
    changes: dict[str, Any] = {}
    last = as_utc(row["last_seen_at"])
    if last is None or now - last >= LAST_SEEN_EVERY:
        changes["last_seen_at"] = now
    if app_version and app_version != row["app_version"]:
        changes["app_version"] = app_version
    if changes:
        with writing(engine) as conn:
            conn.execute(device_t.update().where(device_t.c.id == row["id"]).values(**changes))
    return Actor(device_id=row["id"], commune_code=row["commune_code"], role=row["role"])


def get_device(engine: Engine, device_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(device_t).where(device_t.c.id == device_id)).mappings().first()
    return dict(row) if row else None


def revoke_device(
    engine: Engine, device_id: str, *, now: datetime | None = None, reason: str = "", by: str = OPERATOR
) -> bool:
    """Revoke a device's token, with `reason` (told to the laptop at its next contact) and who
    revoked it; False when the hub does not know the device. A device revoked already keeps its
    first revocation's time, reason and author."""
    with writing(engine) as conn:
        known = conn.execute(select(device_t.c.id).where(device_t.c.id == device_id)).first()
        conn.execute(
            device_t.update()
            .where(device_t.c.id == device_id, device_t.c.revoked_at.is_(None))
            .values(revoked_at=now or utcnow(), revoked_reason=reason, revoked_by=by)
        )
    return known is not None


def commune_name(engine: Engine, code: str) -> str | None:
    """The name the hub knows for a commune code, or None."""
    with engine.connect() as conn:
        return conn.execute(select(commune_t.c.name).where(commune_t.c.code == code)).scalar()
