"""This device and the volunteer profile that uses it."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text, update

from volunteer_kit.core.admin_units import PROVINCES
from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.ids import new_id
from volunteer_kit.core.records import Profile
from volunteer_kit.core.text import clean_text, fold
from volunteer_kit.store.bulk import stored_datetime


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


def set_device_commune(conn: Connection, commune_code: str) -> None:
    this_device_id(conn)
    conn.execute(
        text("UPDATE device SET commune_code = :code WHERE is_this_device = 1"),
        {"code": commune_code},
    )


def profile(conn: Connection) -> Profile:
    device_id = this_device_id(conn)
    row = conn.exec_driver_sql(
        "SELECT d.commune_code, c.name FROM device d LEFT JOIN commune c ON c.code = d.commune_code "
        "WHERE d.is_this_device = 1"
    ).first()
    me = conn.exec_driver_sql(
        "SELECT id, full_name, role, coalesce(phone, '') FROM volunteer WHERE is_me = 1 AND deleted = 0"
    ).first()
    return Profile(
        device_id=device_id,
        commune_code=row[0] if row else None,
        commune_name=row[1] if row else None,
        volunteer_id=me[0] if me else None,
        full_name=me[1] if me else "",
        role=me[2] if me else "volunteer",
        phone=me[3] if me else "",
    )


def save_profile(conn: Connection, *, full_name: str, role: str, phone: str) -> Profile:
    """Create or edit this device's volunteer record (it syncs like other profiles)."""
    from volunteer_kit.core.models import Volunteer  # not needed at start-up: imported here

    current = profile(conn)
    name = clean_text(full_name)
    values = {
        "full_name": name,
        "name_folded": fold(name),
        "role": role,
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
                role=role,
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
                "role": role,
                "phone": values["phone"],
                "is_me": True,
            },
        )
    return profile(conn)
