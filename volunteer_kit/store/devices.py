"""This device, its commune, and the volunteer profile that uses it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, bindparam, text, update

from volunteer_kit.core.admin_units import PROVINCES
from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.ids import new_id
from volunteer_kit.core.records import Profile
from volunteer_kit.core.text import clean_text, fold, sort_key
from volunteer_kit.core.vocab import ROLES, word
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.sync import local as sync_local


def this_device_id(conn: Connection) -> str:
    """The id of this device, made on first use."""
    found = conn.exec_driver_sql("SELECT id FROM device WHERE is_this_device = 1").scalar()
    if found:
        return str(found)
    device_id = new_id()
    conn.execute(
        text("INSERT INTO device (id, label, is_this_device, created_at) VALUES (:id, '', 1, :now)"),
        {"id": device_id, "now": stored_datetime(utcnow())},
    )
    return device_id


def ensure_device(engine: Engine) -> str:
    with engine.begin() as conn:
        return this_device_id(conn)


def ensure_commune(conn: Connection, code: str, name: str, province_code: str, kind: str = "xa") -> None:
    conn.execute(
        text(
            "INSERT INTO commune (code, name, kind, province_code, province_name) "
            "VALUES (:code, :name, :kind, :pcode, :pname) ON CONFLICT(code) DO NOTHING"
        ),
        {
            "code": code,
            "name": clean_text(name),
            "kind": kind,
            "pcode": province_code,
            "pname": PROVINCES.get(province_code, ""),
        },
    )


def this_commune(conn: Connection) -> tuple[str | None, str | None]:
    """(code, name) of this device's commune; None for what is not known yet (before enrollment)."""
    row = conn.exec_driver_sql(
        "SELECT d.commune_code, c.name FROM device d LEFT JOIN commune c ON c.code = d.commune_code "
        "WHERE d.is_this_device = 1"
    ).first()
    return (row[0], row[1]) if row else (None, None)


def commune_names(conn: Connection, codes: Iterable[str]) -> dict[str, str]:
    """{code: name} of the communes this store knows among `codes` (a certificate names its commune)."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    rows = conn.execute(
        text("SELECT code, name FROM commune WHERE code IN :codes").bindparams(
            bindparam("codes", expanding=True)
        ),
        {"codes": wanted},
    )
    return {str(code): str(name) for code, name in rows if name}


def set_device_commune(conn: Connection, commune_code: str) -> None:
    this_device_id(conn)
    conn.execute(
        text("UPDATE device SET commune_code = :code WHERE is_this_device = 1"),
        {"code": commune_code},
    )


def enrolled_role(conn: Connection) -> str | None:
    """The role the hub gave this device at enrollment (sync_state), or None before enrollment."""
    rows = conn.exec_driver_sql(
        "SELECT key, value FROM sync_state WHERE key IN (?, ?)", (sync_local.TOKEN, sync_local.ROLE)
    ).all()
    state = {str(key): str(value) for key, value in rows}
    if not state.get(sync_local.TOKEN):
        return None
    role = state.get(sync_local.ROLE, "")
    return role if role in ROLES else "volunteer"  # a role this app does not know grants nothing


def device_role(conn: Connection) -> str:
    """What this device may do (DESIGN.md "Who uses it"): the hub's word from enrollment, never a
    setting the user can change; before enrollment a laptop is a volunteer's."""
    return enrolled_role(conn) or "volunteer"


def require_officer(conn: Connection, doing_vi: str, doing_en: str) -> None:
    """Refuse an officer's task on any other device, saying how a laptop becomes an officer's."""
    role = device_role(conn)
    if role == "officer":
        return
    raise InvalidInput(
        f"Chỉ cán bộ xã mới được {doing_vi}; máy này đang dùng với vai trò {word(ROLES, role, 'vi')}. "
        "Để có vai trò cán bộ xã, hãy đăng ký máy này bằng mã đăng ký cán bộ do người quản lý máy chủ xã "
        "cấp (volunteer-kit enroll --hub URL --code CODE, hoặc trang Đồng bộ).",
        f"Only a commune officer may {doing_en}; this device's role is {role}. To become an officer's "
        "laptop, enroll it with an officer enrollment code from the hub operator "
        "(volunteer-kit enroll --hub URL --code CODE, or the Sync page).",
    )


def follow_enrolled_role(conn: Connection) -> None:
    """Give this device's volunteer record (synced as the person's profile) the enrolled role."""
    conn.execute(
        text(
            "UPDATE volunteer SET role = :role, updated_at = :now, revision = revision + 1, pending = true "
            "WHERE is_me = 1 AND deleted = 0 AND role != :role"
        ),
        {"role": device_role(conn), "now": stored_datetime(utcnow())},
    )


def volunteer_choices(conn: Connection) -> list[tuple[str, str]]:
    """Every volunteer with a name, as (id, full name), by name: whom a report can be about."""
    people = conn.exec_driver_sql("SELECT id, full_name FROM volunteer WHERE deleted = 0 AND full_name != ''")
    return sorted(((str(r[0]), str(r[1])) for r in people), key=lambda p: sort_key(p[1]))


def profile(conn: Connection) -> Profile:
    device_id = this_device_id(conn)
    commune_code, commune_name = this_commune(conn)
    me = conn.exec_driver_sql(
        "SELECT id, full_name, coalesce(phone, '') FROM volunteer WHERE is_me = 1 AND deleted = 0"
    ).first()
    enrolled = enrolled_role(conn)
    return Profile(
        device_id=device_id,
        commune_code=commune_code,
        commune_name=commune_name,
        volunteer_id=me[0] if me else None,
        full_name=me[1] if me else "",
        role=enrolled or "volunteer",
        phone=me[2] if me else "",
        enrolled=enrolled is not None,
    )


def save_profile(conn: Connection, *, full_name: str, phone: str) -> Profile:
    """Create or edit this device's volunteer record (it syncs like other profiles). Its role is
    the enrolled one: the person edits their name and phone, never what the device may do."""
    from volunteer_kit.core.models import Volunteer  # not needed at start-up: imported here

    current = profile(conn)
    name = clean_text(full_name)
    values = {
        "full_name": name,
        "name_folded": fold(name),
        "role": current.role,
        "phone": clean_text(phone) or None,
        "now": utcnow(),
    }
    if current.volunteer_id:
        table = Volunteer.__table__  # type: ignore[attr-defined]
        conn.execute(
            update(table)
            .where(table.c.id == current.volunteer_id)
            .values(
                full_name=name,
                name_folded=values["name_folded"],
                role=values["role"],
                phone=values["phone"],
                updated_at=values["now"],
                revision=table.c.revision + 1,
                pending=True,
            )
        )
    else:
        conn.execute(
            Volunteer.__table__.insert(),  # type: ignore[attr-defined]
            {
                "id": new_id(),
                "commune_code": current.commune_code or "",
                "created_by_device": current.device_id,
                "created_at": values["now"],
                "updated_at": values["now"],
                "full_name": name,
                "name_folded": values["name_folded"],
                "role": values["role"],
                "phone": values["phone"],
                "is_me": True,
            },
        )
    return profile(conn)
