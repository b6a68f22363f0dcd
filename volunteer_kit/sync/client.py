"""The device-side sync client (docs/sync-protocol.md): enroll, push, pull, conflicts.

Each function takes the store's engine and does its own transactions: a push
batch's answers are written in one transaction, a pulled page and its cursor in
another, so stopping at any moment (cancel, power cut, a killed process) keeps
everything done so far and the next sync carries on. No Qt here: the window
runs `sync` on a worker thread with a progress callback and a cancel event.
"""

from __future__ import annotations

import gzip
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, Engine

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store.devices import (
    ensure_commune,
    ensure_device,
    follow_enrolled_role,
    set_device_commune,
    this_device_id,
)
from volunteer_kit.sync import incoming, keys, local, outgoing, payload
from volunteer_kit.sync import packs as hub_packs
from volunteer_kit.sync.errors import (
    DeviceRevoked,
    EnrollFingerprintMismatch,
    HubCertificateChanged,
    HubFailed,
    NotEnrolled,
    OtherCommune,
    SyncError,
)
from volunteer_kit.sync.probe import EnrollmentCode, is_enroll_text, parse_enroll_qr
from volunteer_kit.sync.transport import (
    GZIP_LEVEL,
    CancelFlag,
    Cancelled,
    HubConnection,
    RetryPolicy,
    check_transport,
    is_loopback_url,
    normalize_fingerprint,
    normalize_hub_url,
)

log = logging.getLogger("volunteer_kit.sync")

# (done, total or 0 when unknown, "push" | "pull" | "packs" | "conflicts")
Progress = Callable[[int, int, str], None]


@dataclass
class SyncResult:
    pushed: int = 0  # records sent to the hub
    accepted: int = 0  # of those, taken by the hub
    rejected: int = 0  # of those, refused and quarantined
    # Records other devices made or changed, received from the hub: what the summaries report
    # ("nhận N"). A device's own pushes come back in its next pull: those are `echoed`, not news.
    pulled: int = 0
    pulled_total: int = 0  # every record the hub sent: pulled + echoed
    echoed: int = 0  # versions already here, mostly this device's own records coming back
    applied: int = 0  # received records written here (others were already here, or pending here)
    parked: int = 0  # received records waiting for a record they reference
    unstorable: int = 0  # received records this device cannot store: quarantined, the rest applied
    conflicts: int = 0  # new conflicts listed for an officer
    pending: int = 0  # records still waiting to go (edited during the sync, quarantined, cancelled)
    quarantined: int = 0
    duration: float = 0.0
    last_sync_at: str | None = None
    cancelled: bool = False
    rejections: list[dict[str, Any]] = field(default_factory=list)
    # Lesson packs from the hub (sync/packs.py): installed by this sync ({id, version, sha256, title,
    # trust}); every pack waiting for the user's decision ({..., state: "unsigned" |
    # "unknown-publisher"}); and those this sync could not bring ({..., reason, reason_vi}: tried again).
    packs_installed: list[dict[str, Any]] = field(default_factory=list)
    packs_waiting: list[dict[str, Any]] = field(default_factory=list)
    packs_failed: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Enrollment:
    hub_url: str
    hub_id: str
    device_id: str
    commune_code: str
    commune_name: str
    role: str


def _stamp() -> str:
    return utcnow().strftime("%Y-%m-%dT%H:%M:%S") + "Z"


def _state(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return local.read_state(conn)


def enrolled_state(engine: Engine) -> dict[str, str]:
    state = _state(engine)
    if not state.get(local.TOKEN) or not state.get(local.HUB_URL):
        raise NotEnrolled
    return state


def connect(
    engine: Engine,
    *,
    cancel: CancelFlag | None = None,
    retry: RetryPolicy | None = None,
    timeout: tuple[float, float] | None = None,
    on_busy: Callable[[float], None] | None = None,
) -> HubConnection:
    """A connection to the hub this device enrolled with: its URL and token, and the certificate
    pinned at enrollment (or the CA file), or the user's word that plain http is fine."""
    state = enrolled_state(engine)
    options: dict[str, Any] = {"cancel": cancel, "retry": retry, "on_busy": on_busy}
    if timeout:
        options["timeout"] = timeout
    return HubConnection(
        state[local.HUB_URL],
        token=state[local.TOKEN],
        ca_file=state.get(local.CA_FILE) or None,
        fingerprint=state.get(local.TLS_FINGERPRINT) or "",
        insecure=_insecure(state),
        **options,
    )


# --- enrollment --------------------------------------------------------------------------------------


def _commune_held(conn: Connection, offered: str) -> str | None:
    """The commune of records this store holds other than `offered` (records with no commune yet
    are adopted by enrollment)."""
    for table in SYNCED_TABLES:
        found = conn.exec_driver_sql(
            f"SELECT commune_code FROM {table} WHERE commune_code NOT IN ('', ?) LIMIT 1", (offered,)
        ).scalar()
        if found:
            return str(found)
    return None


def enrollment_target(hub_url: str | None, code: str, fingerprint: str | None = None) -> EnrollmentCode:
    """Where to enroll and with what, from what the user gave: the whole text of the QR
    (`vk-enroll:https://…?code=…&fp=…`, as the operator copies it) or a hub address and a code,
    with a fingerprint typed from the operator's screen. Given twice, the two must agree."""
    given = parse_enroll_qr(code) if is_enroll_text(code) else EnrollmentCode(hub_url or "", code.strip())
    pin = normalize_fingerprint(fingerprint) if fingerprint and fingerprint.strip() else ""
    if pin and given.fingerprint and pin != given.fingerprint:
        raise InvalidInput(
            "Dấu vân tay đã nhập khác với dấu vân tay trong mã ghi danh; hãy kiểm tra lại với người "
            "quản lý máy chủ.",
            "The fingerprint given differs from the one in the enrollment code; check with the hub operator.",
        )
    if not given.hub_url:
        raise InvalidInput(
            "Thiếu địa chỉ máy chủ: hãy dán cả mã ghi danh (vk-enroll:…) hoặc cho --hub.",
            "The hub address is missing: paste the whole enrollment code (vk-enroll:…) or give --hub.",
        )
    url = normalize_hub_url(given.hub_url)
    if hub_url and normalize_hub_url(hub_url) != url:
        raise InvalidInput(
            f"Mã ghi danh dành cho máy chủ {url}, không phải {hub_url}.",
            f"The enrollment code is for the hub {url}, not {hub_url}.",
        )
    return EnrollmentCode(url, given.code, pin or given.fingerprint)


def enroll(
    engine: Engine,
    hub_url: str | None,
    code: str,
    *,
    label: str = "",
    ca_file: str | Path | None = None,
    fingerprint: str | None = None,
    insecure: bool = False,
    retry: RetryPolicy | None = None,
) -> Enrollment:
    """Trade a one-time enrollment code for this device's token, and join the code's commune.

    `code` may be the whole text of the enrollment QR, which names the hub and pins its
    certificate. Plain http is refused before any connection unless the hub is this computer or
    `insecure` is given; a certificate that is not the pinned one enrolls nothing.
    """
    target = enrollment_target(hub_url, code, fingerprint)
    url, code, pin = target.hub_url, target.code, target.fingerprint
    check_transport(url, fingerprint=pin, insecure=insecure)
    ca = None
    if ca_file:
        ca_path = Path(ca_file).expanduser().resolve()
        if not ca_path.is_file():
            raise InvalidInput(
                f"Không thấy tệp chứng chỉ {ca_path}.", f"The certificate file {ca_path} does not exist."
            )
        ca = str(ca_path)
    device_id = ensure_device(engine)
    key = _enrollment_key(engine)
    from volunteer_kit.sync import enroll_proof
    from volunteer_kit.sync.bundle_format import public_key_b64

    with HubConnection(url, ca_file=ca, fingerprint=pin, insecure=insecure, retry=retry) as hub:
        try:
            answer = hub.post_json(
                "/enroll",
                {
                    "code": code.strip(),
                    "device_id": device_id,
                    "label": label,
                    "public_key": public_key_b64(key),
                    # Lets the hub give this id back to this laptop (and nobody else) if it knows it.
                    "proof": enroll_proof.sign(key, code.strip(), device_id),
                },
            )
        except HubCertificateChanged as exc:  # the handshake failed: the code never left this laptop
            raise EnrollFingerprintMismatch(url) from exc
    try:
        token = str(answer["token"])
        commune_code = str(answer["commune_code"])
        commune_name = str(answer.get("commune_name") or commune_code)
        province_code = str(answer.get("province_code") or "")
        role = str(answer["role"])
        hub_id = str(answer["hub_id"])
    except (KeyError, TypeError) as exc:
        raise HubFailed(url, "enrollment answer without token/commune/role") from exc
    with engine.begin() as conn:
        held = _commune_held(conn, commune_code)
        if held:
            raise OtherCommune(held, commune_code)
        before = local.read_state(conn)
        for table in SYNCED_TABLES:  # records made before the device had a commune join it now
            conn.exec_driver_sql(
                f"UPDATE {table} SET commune_code = ? WHERE commune_code = ''", (commune_code,)
            )
        if before.get(local.HUB_ID) and before[local.HUB_ID] != hub_id:
            # Another hub (a new or restored one) knows none of our records: all of them go to it.
            for table in SYNCED_TABLES:
                conn.exec_driver_sql(f"UPDATE {table} SET pending = true, server_seq = NULL")
            conn.exec_driver_sql("DELETE FROM sync_quarantine")
            conn.exec_driver_sql("DELETE FROM sync_parked")
        fresh = before.get(local.HUB_ID) != hub_id or before.get(local.COMMUNE_CODE) != commune_code
        ensure_commune(conn, commune_code, commune_name, province_code)
        set_device_commune(conn, commune_code)
        conn.exec_driver_sql("UPDATE device SET role = ?, label = ? WHERE is_this_device = 1", (role, label))
        values: dict[str, object] = {
            local.HUB_URL: url,
            local.TOKEN: token,
            local.HUB_ID: hub_id,
            local.ROLE: role,
            local.COMMUNE_CODE: commune_code,
            local.COMMUNE_NAME: commune_name,
            local.CA_FILE: ca or "",
            local.TLS_FINGERPRINT: pin,
            local.INSECURE: "1" if insecure and _travels_unencrypted(url) else "",
            local.DEVICE_LABEL: label,
            local.ENROLLED_AT: _stamp(),
            # A new enrollment: whatever refusal came before is over.
            local.REVOKED_SEEN_AT: "",
            local.REVOKED_AT: "",
            local.REVOKED_REASON: "",
            local.REVOKED_BY_OFFICER: "",
            local.REVOKED_EXPORT: "",
            local.TOKEN_FORGOTTEN_AT: "",
        }
        if fresh:
            values[local.PULL_CURSOR] = 0
            values[local.CONFLICTS_CURSOR] = 0
            values[hub_packs.PACKS_CURSOR] = 0
        local.write_state(conn, values)
        follow_enrolled_role(conn)
    if role == "officer":
        # An officer's laptop signs certificates: its key pair is made now, and the public part
        # (a synced fact) reaches the hub with the next sync, then every device of the commune.
        from volunteer_kit.certificates.keys import ensure_issuer_key

        with engine.begin() as conn:
            ensure_issuer_key(conn, hub_packs.data_folder(engine))
    log.info("enrolled with %s in commune %s as %s", url, commune_code, role)
    return Enrollment(url, hub_id, device_id, commune_code, commune_name, role)


def _enrollment_key(engine: Engine) -> Ed25519PrivateKey:
    """This laptop's key, kept across enrollments: the hub binds the device id to it, so a
    laptop that enrolls again (a lost reply, a new role) proves it is the same one. A new key is
    saved before it is sent, so a reply lost on the way still leaves the laptop holding it."""
    path = keys.key_path(engine)
    if path.exists():
        try:
            return keys.load_key(path)
        except SyncError:
            log.warning("the device key %s is unreadable; a new one is made", path)
    key = keys.new_key()
    keys.save_key(path, key)
    return key


# --- sync --------------------------------------------------------------------------------------------


def _is_set(cancel: CancelFlag | None) -> bool:
    return cancel is not None and cancel.is_set()


def push(
    engine: Engine,
    hub: HubConnection,
    result: SyncResult,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> None:
    """Send every pending record in batches; write each batch's answers in one transaction.

    Three steps overlap, so the hub is never kept waiting by the laptop: a thread reads and
    encodes the next batches, this thread sends one batch at a time, and a writer thread records
    the previous batch's answers while the next one travels.
    """
    with engine.connect() as conn:
        device_id = this_device_id(conn)
        skip = local.quarantined(conn)
        total = max(local.pending_count(conn) - len(skip), 0)
    if progress:
        progress(0, total, "push")
    stop = threading.Event()
    prepared: queue.Queue[Any] = queue.Queue(maxsize=2)

    def offer(item: object) -> bool:
        while not stop.is_set():
            try:
                prepared.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def prepare() -> None:
        try:
            for batch in outgoing.batches(outgoing.iter_outgoing(engine, skip=skip)):
                body = gzip.compress(outgoing.push_body(device_id, batch), compresslevel=GZIP_LEVEL)
                if not offer((batch, body)):
                    return
            offer(None)
        except BaseException as exc:  # handed to the sending thread, which raises it
            offer(exc)

    def record(batch: list[outgoing.Outgoing], results: list[Any]) -> tuple[int, outgoing.BatchOutcome]:
        with engine.begin() as conn:
            return len(batch), outgoing.record_answers(conn, batch, results, quarantine_before=skip)

    done = 0

    def account(future: Future[tuple[int, outgoing.BatchOutcome]]) -> None:
        nonlocal done
        size, outcome = future.result()
        result.pushed += size
        result.accepted += outcome.accepted
        result.rejected += len(outcome.rejected)
        result.rejections.extend(outcome.rejected)
        done += size
        if progress:
            progress(min(done, total) if total else done, total, "push")

    reader = threading.Thread(target=prepare, name="sync-prepare", daemon=True)
    reader.start()
    writing: Future[tuple[int, outgoing.BatchOutcome]] | None = None
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-record") as writer:
            try:
                while True:
                    item = prepared.get()
                    if item is None:
                        break
                    if isinstance(item, BaseException):
                        raise item
                    if _is_set(cancel):
                        result.cancelled = True
                        break
                    batch, body = item
                    answer = hub.request(
                        "POST", "/push", data=body, content_type="application/json", gzipped=True
                    )
                    try:
                        results = outgoing.check_results(
                            batch, answer.get("results") if isinstance(answer, dict) else None
                        )
                    except ValueError as exc:
                        raise HubFailed(hub.base_url, str(exc)) from exc
                    if writing is not None:
                        previous, writing = writing, None
                        account(previous)
                    writing = writer.submit(record, batch, list(results))
            finally:
                stop.set()
                if writing is not None:  # the answers already received are always written
                    account(writing)
    finally:
        stop.set()
        reader.join()


def pull(
    engine: Engine,
    hub: HubConnection,
    result: SyncResult,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    limit: int = payload.MAX_PULL_LIMIT,
) -> None:
    """Fetch pages after the cursor; apply each page and its cursor in one transaction."""
    with engine.connect() as conn:
        state = local.read_state(conn)
        device_id = this_device_id(conn)
    commune_code = state.get(local.COMMUNE_CODE, "")
    cursor = int(state.get(local.PULL_CURSOR) or 0)
    if progress:
        progress(0, 0, "pull")
    while True:
        if _is_set(cancel):
            result.cancelled = True
            return
        page = hub.get("/pull", {"after": cursor, "limit": limit})
        try:
            records = page["records"]
            next_cursor = int(page["next"])
            more = bool(page["more"])
            if not isinstance(records, list) or next_cursor < cursor:
                raise ValueError("bad page")
            with engine.begin() as conn:
                outcome = incoming.apply_page(
                    conn, records, next_cursor=next_cursor, device_id=device_id, commune_code=commune_code
                )
        except (KeyError, TypeError, ValueError) as exc:
            raise HubFailed(hub.base_url, f"a pulled page is not usable: {exc}") from exc
        result.pulled_total += outcome.received
        result.echoed += outcome.echoed
        result.pulled += outcome.received - outcome.echoed
        result.applied += outcome.applied
        result.parked = outcome.parked
        result.unstorable += outcome.quarantined
        cursor = next_cursor
        if progress:  # the work done, own records included: a first sync shows them coming
            progress(result.pulled_total, 0, "pull")
        if not more or not records:
            return


def fetch_conflicts(hub: HubConnection, after: int = 0) -> list[dict[str, Any]]:
    """Every conflict the hub lists after conflict id `after` (all pages)."""
    found: list[dict[str, Any]] = []
    while True:
        page = hub.get("/conflicts", {"after": after})
        items = page.get("conflicts") if isinstance(page, dict) else None
        if not isinstance(items, list):
            raise HubFailed(hub.base_url, "the conflicts answer has no list")
        found.extend(items)
        if not items or not page.get("more"):
            return found
        after = max(int(item["id"]) for item in items)


def conflicts(engine: Engine, *, after: int = 0) -> list[dict[str, Any]]:
    """The hub's conflicts of this commune (officers only: others get HubRefused 403)."""
    with connect(engine) as hub:
        return fetch_conflicts(hub, after)


def sync(
    engine: Engine,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    retry: RetryPolicy | None = None,
    timeout: tuple[float, float] | None = None,
) -> SyncResult:
    """Push what is pending, pull what is new, bring down lesson packs, and (officers) count new conflicts.

    Cancelling stops between batches and pages; what was done is kept and `cancelled` is set.
    Errors are SyncError (one line each); records are never lost by an error.
    """
    started = time.perf_counter()
    result = SyncResult()
    state = enrolled_state(engine)
    # A busy hub's "come back in N s" shows as progress, so the wait is not a silent stall.
    on_busy = (lambda seconds: progress(round(seconds), 0, "busy")) if progress else None
    try:
        with (
            revocation_noted(engine),
            connect(engine, cancel=cancel, retry=retry, timeout=timeout, on_busy=on_busy) as hub,
        ):
            push(engine, hub, result, progress=progress, cancel=cancel)
            if not result.cancelled:
                pull(engine, hub, result, progress=progress, cancel=cancel)
            if not result.cancelled:
                hub_packs.sync_packs(engine, hub, result, progress=progress, cancel=cancel)
            if not result.cancelled and state.get(local.ROLE) == "officer":
                after = int(state.get(local.CONFLICTS_CURSOR) or 0)
                found = fetch_conflicts(hub, after)
                result.conflicts = len(found)
                if found:
                    with engine.begin() as conn:
                        last = max(int(c["id"]) for c in found)
                        local.write_state(conn, {local.CONFLICTS_CURSOR: last})
    except Cancelled:
        result.cancelled = True
    result.duration = time.perf_counter() - started
    with engine.begin() as conn:
        result.pending = local.pending_count(conn)
        result.quarantined = conn.exec_driver_sql("SELECT count(*) FROM sync_quarantine").scalar() or 0
        result.parked = local.parked_count(conn)
        if not result.cancelled:
            result.last_sync_at = _stamp()
            summary = {k: v for k, v in result.to_json().items() if k != "rejections"}
            local.write_state(
                conn,
                {local.LAST_SYNC_AT: result.last_sync_at, local.LAST_SYNC_RESULT: json.dumps(summary)},
            )
        else:
            result.last_sync_at = local.read_state(conn).get(local.LAST_SYNC_AT) or None
    log.info("sync: %s", {k: v for k, v in result.to_json().items() if k != "rejections"})
    return result


@contextmanager
def revocation_noted(engine: Engine) -> Iterator[None]:
    """Let DeviceRevoked through, after writing down in the store that the hub refused this laptop
    (the officer's reason and time): `status` and the window say so until the token is forgotten."""
    try:
        yield
    except DeviceRevoked as exc:
        note_revocation(engine, exc)
        raise


def note_revocation(engine: Engine, exc: DeviceRevoked) -> None:
    with engine.begin() as conn:
        state = local.read_state(conn)
        values: dict[str, object] = {
            local.REVOKED_REASON: exc.reason or state.get(local.REVOKED_REASON, ""),
            local.REVOKED_AT: exc.revoked_at or state.get(local.REVOKED_AT, ""),
            local.REVOKED_BY_OFFICER: "1" if exc.by_officer else state.get(local.REVOKED_BY_OFFICER, ""),
        }
        if not state.get(local.REVOKED_SEEN_AT):
            values[local.REVOKED_SEEN_AT] = _stamp()
        local.write_state(conn, values)
    log.warning("the hub refused this laptop's token (revoked: %s)", exc.reason or "no reason given")


revocation = local.revocation  # what this laptop knows of its revocation


def _travels_unencrypted(url: str) -> bool:
    return url.lower().startswith("http://") and not is_loopback_url(url)


def _insecure(state: dict[str, str]) -> bool:
    """Plain http to a hub on the network is allowed: the user said --insecure at enrollment, or
    the laptop enrolled before the hub spoke TLS (no such setting was recorded then) — it keeps
    syncing as before, and the window warns until it is enrolled again with an https code."""
    if local.INSECURE in state:
        return state[local.INSECURE] == "1"
    return bool(state.get(local.TOKEN))


def status(conn: Connection) -> dict[str, Any]:
    """What the Today and Sync pages show: enrolled or not, last sync, what waits to go."""
    state = local.read_state(conn)
    return {
        "enrolled": bool(state.get(local.TOKEN)),
        "hub_url": state.get(local.HUB_URL),
        # Records travel unencrypted over the network (the user chose --insecure): the window warns.
        "insecure": _insecure(state) and _travels_unencrypted(state.get(local.HUB_URL) or ""),
        "tls_fingerprint": state.get(local.TLS_FINGERPRINT) or "",
        "commune_code": state.get(local.COMMUNE_CODE),
        "role": state.get(local.ROLE),
        "last_sync_at": state.get(local.LAST_SYNC_AT),
        "pending": local.pending_count(conn),
        "quarantined": conn.exec_driver_sql("SELECT count(*) FROM sync_quarantine").scalar() or 0,
    }
