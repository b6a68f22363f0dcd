"""Viewer accounts of the province dashboard, their sessions and the login throttle.

Passwords are hashed with argon2-cffi's PasswordHasher (argon2id) and rehashed at login when its
parameters change. A session is a random token in a cookie; only its SHA-256 is stored, with a
fixed expiry of SESSION_HOURS from login (not sliding: reading a page never writes). Refused logins
are counted in the database per login name and per client address, as hub.enrollment counts
refused codes, so the limits hold across hub processes.
"""

from __future__ import annotations

import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select

from volunteer_kit.core.clock import utcnow
from volunteer_kit.hub import security
from volunteer_kit.hub.db import writing
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.times import as_utc, iso
from volunteer_kit.hub.web.models import login_attempt_t, session_t, viewer_t

MIN_PASSWORD = 10
MAX_PASSWORD = 1000  # argon2 hashes anything; a megabyte "password" is only a way to burn CPU
LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
SESSION_HOURS = 12

# Refused logins counted over this window: a login name refused LOGIN_REFUSALS times waits (so a
# guesser with many addresses cannot try one account fast), an address refused CLIENT_REFUSALS times
# waits (so one address cannot walk through many names).
ATTEMPT_WINDOW = timedelta(minutes=15)
LOGIN_REFUSALS = 5
CLIENT_REFUSALS = 20
ATTEMPT_KEEP = timedelta(hours=1)


@dataclass(frozen=True)
class Viewer:
    """The signed-in person of a request: the province comes from here, never from the URL."""

    login: str
    province_code: str
    csrf_token: str
    token_hash: str


class LoginThrottled(HubError):
    def __init__(self, wait_seconds: int) -> None:
        minutes = max(1, math.ceil(wait_seconds / 60))
        super().__init__(
            429,
            f"Too many failed sign-ins; try again in {minutes} min.",
            f"Đăng nhập sai quá nhiều lần; hãy thử lại sau {minutes} phút.",
            headers={"Retry-After": str(wait_seconds)},
        )
        self.wait_seconds = wait_seconds


LOGIN_REFUSED = HubError(
    401,
    "Wrong login name or password.",
    "Sai tên đăng nhập hoặc mật khẩu.",
)


def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(_hasher().hash(secrets.token_urlsafe(16)))
    return _DUMMY[0]


def normalize_login(login: str) -> str:
    return login.strip().lower()


def check_login_name(login: str) -> str:
    """The login as stored (lowercase); HubError(422) for one that is not 2-64 letters, digits, . _ -."""
    login = normalize_login(login)
    if not LOGIN_PATTERN.match(login):
        raise HubError(
            422,
            "A login name has 2 to 64 characters: letters a-z, digits, '.', '_' or '-'.",
            "Tên đăng nhập gồm 2 đến 64 ký tự: chữ a-z, chữ số, '.', '_' hoặc '-'.",
        )
    return login


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise HubError(
            422,
            f"The password needs at least {MIN_PASSWORD} characters.",
            f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.",
        )
    if len(password) > MAX_PASSWORD:
        raise HubError(
            422,
            f"The password is longer than {MAX_PASSWORD} characters.",
            f"Mật khẩu dài quá {MAX_PASSWORD} ký tự.",
        )


def add_viewer(
    engine: Engine, *, login: str, province_code: str, password: str, now: datetime | None = None
) -> dict[str, Any]:
    """A new viewer of `province_code` (checked by the caller against analytics.province_name).
    HubError 422 for a bad name or password, 409 for a name taken."""
    login = check_login_name(login)
    check_password(password)
    password_hash = _hasher().hash(password)
    now = now or utcnow()
    with writing(engine) as conn:
        if conn.execute(select(viewer_t.c.login).where(viewer_t.c.login == login)).first():
            raise HubError(
                409,
                f"There is already a viewer {login}; remove it first (hub remove-viewer {login}).",
                f"Đã có tài khoản {login}; hãy xoá trước (hub remove-viewer {login}).",
            )
        conn.execute(
            viewer_t.insert().values(
                login=login, province_code=province_code, password_hash=password_hash, created_at=now
            )
        )
    return {"login": login, "province_code": province_code, "created_at": iso(now)}


def list_viewers(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                viewer_t.c.login, viewer_t.c.province_code, viewer_t.c.created_at, viewer_t.c.last_login_at
            ).order_by(viewer_t.c.province_code, viewer_t.c.login)
        ).mappings()
        return [
            {
                "login": r["login"],
                "province_code": r["province_code"],
                "created_at": iso(r["created_at"]),
                "last_login_at": iso(r["last_login_at"]),
            }
            for r in rows
        ]


def remove_viewer(engine: Engine, login: str) -> bool:
    """Delete the account and sign out its browsers at once; False when there is no such viewer."""
    login = normalize_login(login)
    with writing(engine) as conn:
        conn.execute(session_t.delete().where(session_t.c.login == login))
        return conn.execute(viewer_t.delete().where(viewer_t.c.login == login)).rowcount > 0


# ---------------------------------------------------------------- login throttle


def check_attempts(engine: Engine, *, login: str, client: str, now: datetime | None = None) -> None:
    """LoginThrottled when this login name or this client was refused too often in the window;
    asked before the password is checked, so a throttled guesser learns nothing."""
    now = now or utcnow()
    since = now - ATTEMPT_WINDOW
    free_at: datetime | None = None
    with engine.connect() as conn:
        for column, limit, value in (
            (login_attempt_t.c.login, LOGIN_REFUSALS, normalize_login(login)[:64]),
            (login_attempt_t.c.client, CLIENT_REFUSALS, client),
        ):
            count, first = conn.execute(
                select(func.count(), func.min(login_attempt_t.c.at)).where(
                    column == value, login_attempt_t.c.at > since
                )
            ).one()
            if count >= limit:
                candidate = as_utc(first) + ATTEMPT_WINDOW
                free_at = candidate if free_at is None else max(free_at, candidate)
    if free_at is not None:
        raise LoginThrottled(max(1, math.ceil((free_at - now).total_seconds())))


def record_refusal(engine: Engine, *, login: str, client: str, now: datetime | None = None) -> None:
    now = now or utcnow()
    with writing(engine) as conn:
        conn.execute(
            login_attempt_t.insert().values(login=normalize_login(login)[:64], client=client, at=now)
        )
        conn.execute(login_attempt_t.delete().where(login_attempt_t.c.at < now - ATTEMPT_KEEP))


# ---------------------------------------------------------------- sign-in and sessions


def sign_in(
    engine: Engine, *, login: str, password: str, client: str, now: datetime | None = None
) -> tuple[str, Viewer]:
    """(cookie token, viewer) for a right name and password; LoginThrottled, or LOGIN_REFUSED
    (counted) otherwise. The same answer for an unknown name and a wrong password."""
    from argon2.exceptions import InvalidHashError, VerificationError

    now = now or utcnow()
    check_attempts(engine, login=login, client=client, now=now)
    name = normalize_login(login)
    with engine.connect() as conn:
        row = conn.execute(select(viewer_t).where(viewer_t.c.login == name)).mappings().first()
    hasher = _hasher()
    try:
        if row is None or len(password) > MAX_PASSWORD:
            # As long as a real check, so the time taken does not tell which names exist.
            hasher.verify(_dummy_hash(), password[:MAX_PASSWORD] + "\0")
            raise VerificationError()
        hasher.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        record_refusal(engine, login=login, client=client, now=now)
        raise LOGIN_REFUSED from None
    token = secrets.token_urlsafe(32)
    viewer = Viewer(
        login=name,
        province_code=row["province_code"],
        csrf_token=secrets.token_urlsafe(32),
        token_hash=security.sha256_hex(token),
    )
    with writing(engine) as conn:
        values: dict[str, Any] = {"last_login_at": now}
        if hasher.check_needs_rehash(row["password_hash"]):
            values["password_hash"] = hasher.hash(password)
        conn.execute(viewer_t.update().where(viewer_t.c.login == name).values(**values))
        conn.execute(
            session_t.insert().values(
                token_hash=viewer.token_hash,
                login=name,
                province_code=viewer.province_code,
                csrf_token=viewer.csrf_token,
                created_at=now,
                expires_at=now + timedelta(hours=SESSION_HOURS),
            )
        )
        conn.execute(session_t.delete().where(session_t.c.expires_at < now))
    return token, viewer


def viewer_for_cookie(engine: Engine, token: str | None, *, now: datetime | None = None) -> Viewer | None:
    """The viewer of a session cookie that is known and not expired, else None (one read, no write)."""
    if not token or len(token) > 200:
        return None
    now = now or utcnow()
    with engine.connect() as conn:
        row = (
            conn.execute(
                select(session_t, viewer_t.c.province_code.label("viewer_province"))
                .join(viewer_t, viewer_t.c.login == session_t.c.login)
                .where(session_t.c.token_hash == security.sha256_hex(token))
            )
            .mappings()
            .first()
        )
    if row is None or as_utc(row["expires_at"]) <= now or row["viewer_province"] != row["province_code"]:
        return None
    return Viewer(
        login=row["login"],
        province_code=row["province_code"],
        csrf_token=row["csrf_token"],
        token_hash=row["token_hash"],
    )


def sign_out(engine: Engine, viewer: Viewer) -> None:
    with writing(engine) as conn:
        conn.execute(session_t.delete().where(session_t.c.token_hash == viewer.token_hash))
