"""The commune officer's administration, from the officer's own laptop (issue 18): enrollment codes,
the commune's devices and revoking one, conflicts and restoring an overwritten version, erasures
waiting for approval, and the commune's figures — over the hub's /admin API (docs/sync-protocol.md),
with this laptop's officer token and its pinned certificate (client.connect).

Every function does network I/O and raises KnownError with one line in Vietnamese and English
(offline, refused, forbidden); never call one on the GUI thread. The last good answer of each list
is kept in the store (`cached`), so the window shows it, with its time, when the hub is away.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import quote

from sqlalchemy import Engine, text

from volunteer_kit.core.clock import utcnow
from volunteer_kit.errors import InvalidInput, KnownError
from volunteer_kit.sync import client, local, payload
from volunteer_kit.sync.errors import HubFailed, HubRefused, NotEnrolled
from volunteer_kit.sync.transport import HubConnection, RetryPolicy

log = logging.getLogger("volunteer_kit.sync")

# The window waits for these answers (off its thread): few tries, short waits, so a hub that is away
# is said quickly and the cached list shows.
ADMIN_RETRY = RetryPolicy(attempts=2, base_delay=0.3, max_delay=1.0, max_busy_wait=30.0)
ADMIN_TIMEOUT = (5.0, 30.0)
ROLES = ("volunteer", "trainer")  # codes an officer may make (officer codes: the hub operator's CLI)
MAX_CODE_HOURS = 24 * 14
MAX_REASON = 200
CACHED = ("devices", "codes", "conflicts", "erasures", "stats")
_CACHE_KEY = "admin_cache:"
_ERASURE_PAGES = 1000  # at most this many pages of the erasure trail (a page holds the hub's maximum)

T = TypeVar("T")


class NotAnOfficer(KnownError):
    def __init__(self, role: str) -> None:
        from volunteer_kit.core.vocab import ROLES as ROLE_WORDS
        from volunteer_kit.core.vocab import word

        super().__init__(
            "Chỉ máy của cán bộ xã (đã ghi danh với vai trò cán bộ xã) mới quản lý được xã; máy này "
            f"ghi danh với vai trò {word(ROLE_WORDS, role, 'vi').lower() or role}.",
            "Only a commune officer's laptop (enrolled as officer) can manage the commune; this laptop "
            f"is enrolled as {role or 'no role'}.",
        )


class AdminRefused(KnownError):
    """The hub said no to an officer's request, in its own words."""

    def __init__(self, vi: str, en: str, status: int) -> None:
        super().__init__(vi, en)
        self.status = status


def _officer_state(engine: Engine) -> dict[str, str]:
    state = client.enrolled_state(engine)  # NotEnrolled when there is no token
    if state.get(local.ROLE) != "officer":
        raise NotAnOfficer(state.get(local.ROLE, ""))
    return state


def check_officer(engine: Engine) -> None:
    """Refuse (NotEnrolled / NotAnOfficer, one line) unless this laptop is an enrolled officer's;
    no network."""
    _officer_state(engine)


@contextmanager
def _hub(engine: Engine) -> Iterator[HubConnection]:
    """A connection with this laptop's officer token; the hub's refusals as one-line messages."""
    _officer_state(engine)
    try:
        with (
            client.revocation_noted(engine),
            client.connect(engine, retry=ADMIN_RETRY, timeout=ADMIN_TIMEOUT) as hub,
        ):
            yield hub
    except HubRefused as exc:
        raise _refusal(exc) from exc


def _refusal(exc: HubRefused) -> KnownError:
    detail_vi, detail_en = exc.detail_vi, exc.detail
    if exc.status == 403:
        return AdminRefused(
            f"Máy chủ xã không cho phép việc này: {detail_vi or detail_en}",
            f"The hub does not allow this: {detail_en or detail_vi}",
            403,
        )
    if exc.status == 404:
        return AdminRefused(
            f"Máy chủ xã không thấy mục này trong xã của bạn (có thể đã dùng, đã huỷ hoặc hết hạn): "
            f"{detail_vi or detail_en}",
            f"The hub finds no such item in your commune (it may be used, cancelled or expired): "
            f"{detail_en or detail_vi}",
            404,
        )
    if exc.status == 409:
        return AdminRefused(
            f"Không làm được: {detail_vi or detail_en}", f"Cannot do this: {detail_en or detail_vi}", 409
        )
    return AdminRefused(exc.vi, exc.en, exc.status)


def _answer(hub: HubConnection, value: Any, key: str | None, kind: type[T]) -> T:
    """`value[key]` (or `value`) when it is of `kind`; else the hub's answer is not the protocol."""
    found = value.get(key) if key is not None and isinstance(value, dict) else value
    if not isinstance(found, kind):
        raise HubFailed(hub.base_url, f"the answer has no {key or kind.__name__}")
    return found


def _remember(engine: Engine, what: str, data: Any) -> None:
    stamp = utcnow().strftime("%Y-%m-%dT%H:%M:%S") + "Z"
    with engine.begin() as conn:
        local.write_state(
            conn,
            {_CACHE_KEY + what: json.dumps({"at": stamp, "data": data}, ensure_ascii=False)},
        )


def cached(engine: Engine, what: str) -> tuple[str, Any] | None:
    """(fetched_at ISO UTC, data) of the last good answer of list_devices / list_codes /
    list_conflicts / list_erasures / stats ("devices", "codes", "conflicts", "erasures", "stats"),
    or None when there is none. No network: for the window while the hub cannot be reached."""
    if what not in CACHED:
        raise ValueError(f"nothing of {what!r} is cached")
    with engine.connect() as conn:
        raw = conn.exec_driver_sql(
            "SELECT value FROM sync_state WHERE key = ?", (_CACHE_KEY + what,)
        ).scalar()
    if not raw:
        return None
    try:
        kept = json.loads(raw)
        return str(kept["at"]), kept["data"]
    except (ValueError, KeyError, TypeError):  # written by this module; unreadable only if damaged
        return None


def _fetch(engine: Engine, what: str, work: Callable[[HubConnection], T]) -> T:
    with _hub(engine) as hub:
        data = work(hub)
    _remember(engine, what, data)
    return data


# --- enrollment codes --------------------------------------------------------------------------------


def enroll_text(engine: Engine, code: str) -> str:
    """The `vk-enroll:` text of a code (as `hub enroll-code` prints and `enroll --code` takes), with
    this laptop's hub address and, for https, the certificate fingerprint it pinned."""
    state = client.enrolled_state(engine)
    url = state[local.HUB_URL].rstrip("/")
    pin = state.get(local.TLS_FINGERPRINT) or ""
    fp = f"&fp={pin}" if pin and url.startswith("https://") else ""
    return f"vk-enroll:{url}?code={quote(code, safe='-')}{fp}"


def make_code(engine: Engine, role: str, hours: float = 72) -> dict[str, Any]:
    """A one-time enrollment code of this officer's commune for a volunteer's or trainer's laptop:
    the hub's answer (id, code, role, expires_at, commune_code) and its `enroll_text`."""
    if role not in ROLES:
        raise InvalidInput(
            "Vai trò của mã phải là volunteer (tình nguyện viên) hoặc trainer (giảng viên); mã cho "
            "cán bộ xã do người quản lý máy chủ tạo.",
            "The code's role must be volunteer or trainer; officer codes are made by the hub operator.",
        )
    if not (isinstance(hours, int | float) and 0 < hours <= MAX_CODE_HOURS):
        raise InvalidInput(
            f"Thời hạn của mã phải từ trên 0 đến {MAX_CODE_HOURS} giờ (14 ngày).",
            f"A code lasts more than 0 and at most {MAX_CODE_HOURS} hours (14 days).",
        )
    with _hub(engine) as hub:
        made = _answer(hub, hub.post_json("/admin/codes", {"role": role, "expires_hours": hours}), None, dict)
        code = made.get("code")
        if not isinstance(code, str) or not code:
            raise HubFailed(hub.base_url, "the new code is missing")
    return {**made, "enroll_text": enroll_text(engine, code)}


def list_codes(engine: Engine) -> list[dict[str, Any]]:
    """The commune's open codes (unused, unexpired, not cancelled), newest first; never their text."""
    return _fetch(engine, "codes", lambda hub: _answer(hub, hub.get("/admin/codes"), "codes", list))


def cancel_code(engine: Engine, code_id: str) -> None:
    with _hub(engine) as hub:
        hub.request("DELETE", f"/admin/codes/{_segment(code_id)}")


# --- devices -----------------------------------------------------------------------------------------


def list_devices(engine: Engine) -> list[dict[str, Any]]:
    """The commune's devices: id, label, role, enrolled_at, last_contact, records_pushed,
    pending_erasures, app_version, revoked, revoked_at, revoked_reason."""
    return _fetch(engine, "devices", lambda hub: _answer(hub, hub.get("/admin/devices"), "devices", list))


def revoke_device(engine: Engine, device_id: str, reason: str) -> dict[str, Any]:
    """Revoke a device of the commune (a lost or stolen laptop) with a reason (1..200 characters):
    its next contact is refused, and its unsent records stay on it to be exported."""
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput(
            f"Hãy ghi lý do thu hồi máy (1 đến {MAX_REASON} ký tự).",
            f"Give the reason for revoking the laptop (1 to {MAX_REASON} characters).",
        )
    with _hub(engine) as hub:
        return _answer(
            hub, hub.post_json(f"/admin/devices/{_segment(device_id)}/revoke", {"reason": reason}), None, dict
        )


# --- conflicts, erasures, figures --------------------------------------------------------------------


def list_conflicts(engine: Engine) -> list[dict[str, Any]]:
    """Every conflict of the commune the hub lists (the overwritten versions), oldest first."""
    return _fetch(engine, "conflicts", lambda hub: client.fetch_conflicts(hub, 0))


def list_erasures(engine: Engine) -> list[dict[str, Any]]:
    """The commune's erasures, oldest first: the applied ones (the audit trail) and those waiting
    for an officer's approval."""

    def every_page(hub: HubConnection) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        after = 0
        for _ in range(_ERASURE_PAGES):
            page = hub.get("/erasures", {"after": after})
            items = _answer(hub, page, "erasures", list)
            found.extend(items)
            if not items or not page.get("more"):
                break
            try:
                after = max(int(item["id"]) for item in items)
            except (KeyError, TypeError, ValueError) as exc:
                raise HubFailed(hub.base_url, "an erasure without an id") from exc
        return found

    return _fetch(engine, "erasures", every_page)


def approve_erasure(engine: Engine, erasure_id: int | str) -> dict[str, Any]:
    """Apply an erasure waiting for approval; the hub answers its entry in the trail."""
    with _hub(engine) as hub:
        return _answer(hub, hub.request("POST", f"/erasures/{_segment(str(erasure_id))}/approve"), None, dict)


def stats(engine: Engine, weeks: int = 12) -> dict[str, Any]:
    """The records the hub stored for the commune: per_kind, per_device and per_week (`weeks`
    weeks, 1..52)."""
    if not isinstance(weeks, int) or not 1 <= weeks <= 52:
        raise InvalidInput("Số tuần phải từ 1 đến 52.", "Weeks must be 1 to 52.")
    return _fetch(
        engine, "stats", lambda hub: _answer(hub, hub.get("/admin/stats", {"weeks": weeks}), None, dict)
    )


def _segment(value: str) -> str:
    """An id as one path segment: the hub decides whether it exists; nothing here may change the path."""
    value = str(value).strip()
    if not value or len(value) > 100:
        raise InvalidInput("Mã số không hợp lệ.", "Not a valid id.")
    return quote(value, safe="")


# --- restoring an overwritten version ----------------------------------------------------------------


def restore_conflict(engine: Engine, conflict: Mapping[str, Any]) -> None:
    """Write a conflict's overwritten version back as a new local edit of that record on this
    laptop: it syncs as the officer's own edit, authorised and checked like any edit, and the
    version that overwrote it stays in the hub's history.

    Refused, with nothing written: a record this laptop does not hold yet or holds older than the
    version that won (sync first), a fact (never edited), another commune's record, and a learner
    whose data was erased (bringing the old version back would undo the erasure).
    """
    from volunteer_kit.sync.incoming import Unstorable, stored_row

    table = conflict.get("table")
    record_id = conflict.get("record_id")
    data = conflict.get("overwritten")
    if not isinstance(table, str) or table not in payload.EDITABLE_TABLES:
        raise InvalidInput(
            "Chỉ khôi phục được hồ sơ sửa được (người học, hộ gia đình, tình nguyện viên, buổi học).",
            "Only editable records (learners, households, volunteers, sessions) can be restored.",
        )
    if not isinstance(record_id, str) or not isinstance(data, dict) or data.get("id") != record_id:
        raise InvalidInput(
            "Xung đột này thiếu bản bị ghi đè.", "This conflict lacks the overwritten version."
        )
    try:
        row = stored_row(table, data)
    except Unstorable as exc:
        raise InvalidInput(
            f"Bản bị ghi đè không lưu được trên máy này ({exc.vi}).",
            f"The overwritten version cannot be stored on this laptop ({exc.en}).",
        ) from exc
    kept_seq = conflict.get("kept_seq")
    with engine.begin() as conn:
        state = local.read_state(conn)
        columns = ("commune_code", "server_seq", "revision") + (("anonymized",) if table == "learner" else ())
        here = (
            conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (record_id,))
            .mappings()
            .first()
        )
        if here is None or (isinstance(kept_seq, int) and (here["server_seq"] or 0) < kept_seq):
            raise InvalidInput(
                "Máy này chưa có bản mới nhất của hồ sơ này; hãy đồng bộ rồi khôi phục lại.",
                "This laptop does not hold the latest version of this record yet; sync, then restore.",
            )
        if (
            here["commune_code"] != state.get(local.COMMUNE_CODE)
            or row["commune_code"] != here["commune_code"]
        ):
            raise InvalidInput(
                "Hồ sơ này không thuộc xã của máy này.",
                "This record does not belong to this laptop's commune.",
            )
        if table == "learner" and (here["anonymized"] or row.get("anonymized")):
            raise InvalidInput(
                "Dữ liệu của người học này đã được xoá theo yêu cầu; không khôi phục bản cũ được.",
                "This learner's data was erased on request; the old version cannot be restored.",
            )
        kept = {"id", "commune_code", "created_by_device", "created_at"}
        values = {column: value for column, value in row.items() if column not in kept}
        values["updated_at"] = datetime.now(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        values["revision"] = max(int(here["revision"] or 1), int(row.get("revision") or 1)) + 1
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        conn.execute(
            text(f"UPDATE {table} SET {assignments}, pending = true WHERE id = :_id"),
            {**values, "_id": record_id},
        )
    log.info("restored the overwritten version of %s %s as a new edit", table, record_id)


__all__ = [
    "AdminRefused",
    "NotAnOfficer",
    "NotEnrolled",
    "approve_erasure",
    "cached",
    "cancel_code",
    "check_officer",
    "enroll_text",
    "list_codes",
    "list_conflicts",
    "list_devices",
    "list_erasures",
    "make_code",
    "restore_conflict",
    "revoke_device",
    "stats",
]
