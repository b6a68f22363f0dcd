"""Lesson packs and trusted publisher keys coming down from the hub (docs/sync-protocol.md "Lesson packs").

Called by client.sync after the pull. The device reads the hub's pack feed after its own cursor
(sync_state `packs_cursor`), merges the hub's publisher keys into its trusted-publishers.json
(keeping the keys its user added), then downloads each new pack by SHA-256 into a temporary
file of the data folder, checks the SHA-256 and installs it with packs.library.install_pack.
A pack that is unsigned or signed by an unknown publisher is never installed silently: its file
is kept in `<data>/hub-packs/waiting/` and listed in sync_state `packs_waiting` until the user
decides (accept_waiting / dismiss_waiting). The cursor moves only past publications fully
handled (installed, already here, or waiting); a failed download or check leaves nothing
behind and is tried again at the next sync.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import re
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine

from volunteer_kit import paths
from volunteer_kit.core.clock import utcnow
from volunteer_kit.errors import InvalidInput, KnownError
from volunteer_kit.packs import signing
from volunteer_kit.packs.archive import MAX_ARCHIVE_BYTES, SUFFIX, read_manifest
from volunteer_kit.packs.format import PACK_ID, SEMVER
from volunteer_kit.packs.library import InstallResult, PackNotTrusted, install_pack
from volunteer_kit.packs.outline import bundled_outlines
from volunteer_kit.packs.reader import INSTALL_INFO
from volunteer_kit.sync import keys, local
from volunteer_kit.sync.errors import (
    HubCertificateUntrusted,
    HubFailed,
    HubRefused,
    HubUnreachable,
    SyncError,
)
from volunteer_kit.sync.payload import API
from volunteer_kit.sync.transport import RETRY_STATUSES, CancelFlag, Cancelled, HubConnection

log = logging.getLogger("volunteer_kit.sync")

# sync_state keys.
PACKS_CURSOR = "packs_cursor"
PACKS_WAITING = "packs_waiting"  # JSON list of the packs waiting for the user's decision

DOWNLOADS_DIR = "hub-packs"  # in the data folder: .part downloads, and waiting/<sha256>.vkpack
WAITING_DIR = "waiting"
PART_SUFFIX = ".part"
CHUNK = 1 << 16
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
KEY_ID = re.compile(r"^[0-9a-f]{16}$")

Progress = Callable[[int, int, str], None]


class PackDownloadFailed(SyncError):
    """One pack could not be fetched or checked; it is tried again at the next sync."""


@dataclass(frozen=True)
class Publication:
    seq: int
    id: str
    version: str
    sha256: str
    size: int
    title_vi: str
    title_en: str

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "sha256": self.sha256,
            "title": {"vi": self.title_vi, "en": self.title_en},
        }


@dataclass(frozen=True)
class HubPublisher:
    seq: int
    key_id: str
    name: str
    public_key: str


@dataclass
class Feed:
    publications: list[Publication]
    publishers: list[HubPublisher]
    next: int


# --- where things live -------------------------------------------------------------------------------


def data_folder(engine: Engine) -> Path:
    return keys.data_folder(engine)


def library_folder(engine: Engine) -> Path:
    return paths.packs_dir(data_folder(engine))


def downloads_folder(engine: Engine) -> Path:
    return data_folder(engine) / DOWNLOADS_DIR


def waiting_folder(engine: Engine) -> Path:
    return downloads_folder(engine) / WAITING_DIR


# --- reading the hub's feed --------------------------------------------------------------------------


def _publication(item: Any, after: int) -> Publication:
    if not isinstance(item, dict):
        raise ValueError("a pack entry is not an object")
    seq, size, title = item.get("seq"), item.get("size"), item.get("title") or {}
    pack_id, version, sha256 = item.get("id"), item.get("version"), item.get("sha256")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq <= after:
        raise ValueError(f"bad seq {seq!r}")
    if not isinstance(pack_id, str) or not re.match(PACK_ID, pack_id) or len(pack_id) > 100:
        raise ValueError(f"bad pack id {pack_id!r}")
    if not isinstance(version, str) or not re.match(SEMVER, version):
        raise ValueError(f"bad version {version!r}")
    if not isinstance(sha256, str) or not SHA256_HEX.match(sha256):
        raise ValueError(f"bad sha256 {sha256!r}")
    if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_ARCHIVE_BYTES:
        raise ValueError(f"bad size {size!r}")
    if not isinstance(title, dict):
        raise ValueError("bad title")
    return Publication(
        seq, pack_id, version, sha256, size, str(title.get("vi", "")), str(title.get("en", ""))
    )


def _publisher(item: Any, after: int) -> HubPublisher:
    if not isinstance(item, dict):
        raise ValueError("a publisher entry is not an object")
    seq, key_id, name, public = item.get("seq"), item.get("key_id"), item.get("name"), item.get("public_key")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq <= after:
        raise ValueError(f"bad seq {seq!r}")
    if not isinstance(name, str) or not isinstance(public, str) or not isinstance(key_id, str):
        raise ValueError("a publisher needs key_id, name and public_key")
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public, validate=True))
    except (ValueError, binascii.Error) as exc:
        raise ValueError(f"not an Ed25519 public key ({exc})") from exc
    if signing.key_id(key) != key_id:
        raise ValueError(f"key id {key_id!r} does not match its public key")
    return HubPublisher(seq, key_id, name[:200], signing.public_text(key))


def fetch_feed(hub: HubConnection, after: int) -> Feed | None:
    """Every publication and key after `after` (all pages); None when the hub has no pack feed."""
    feed = Feed([], [], after)
    while True:
        try:
            page = hub.get("/packs", {"after": feed.next})
        except HubRefused as exc:
            if exc.status == 404:  # a hub from before lesson packs were handed down
                log.info("the hub has no pack feed")
                return None
            raise
        try:
            packs, publishers = page["packs"], page["publishers"]
            next_cursor, more = int(page["next"]), bool(page["more"])
            if not isinstance(packs, list) or not isinstance(publishers, list) or next_cursor < feed.next:
                raise ValueError("bad page")
            feed.publications += [_publication(item, feed.next) for item in packs]
            feed.publishers += [_publisher(item, feed.next) for item in publishers]
        except (KeyError, TypeError, ValueError) as exc:
            raise HubFailed(hub.base_url, f"a packs page is not usable: {exc}") from exc
        feed.next = next_cursor
        if not more or not (packs or publishers):
            return feed


# --- trusted publishers ------------------------------------------------------------------------------


def _entry_key_id(entry: Any) -> str | None:
    try:
        return signing.key_id(Ed25519PublicKey.from_public_bytes(base64.b64decode(entry["public_key"])))
    except (KeyError, TypeError, ValueError, binascii.Error):
        return None


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def merge_publishers(folder: Path, publishers: list[HubPublisher]) -> int:
    """Add the hub's publisher keys to the data folder's trusted-publishers.json; returns how many
    were new. Keys already there (the user's own, with the user's names) are kept as they are."""
    if not publishers:
        return 0
    path = folder / signing.TRUSTED_FILE
    try:
        entries = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
        if not isinstance(entries, list):
            raise ValueError("not a list")
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"Tệp {path} hỏng: {exc}", f"{path} is damaged: {exc}") from exc
    index = {_entry_key_id(entry): entry for entry in entries if isinstance(entry, dict)}
    added = 0
    changed = False
    for publisher in publishers:
        entry = index.get(publisher.key_id)
        if entry is None:
            entry = {"name": publisher.name, "public_key": publisher.public_key, "source": "hub"}
            entries.append(entry)
            index[publisher.key_id] = entry
            added += 1
            changed = True
        elif entry.get("source") == "hub" and entry.get("name") != publisher.name:
            entry["name"] = publisher.name  # renamed on the hub; a name the user gave stays
            changed = True
    if changed:
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
        log.info("trusted publishers: %d added from the hub", added)
    return added


# --- the waiting list --------------------------------------------------------------------------------


def _read_waiting(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return waiting_entries(local.read_state(conn))


def waiting_entries(state: dict[str, str]) -> list[dict[str, Any]]:
    """The waiting packs recorded in the sync state (see waiting_packs)."""
    raw = state.get(PACKS_WAITING) or "[]"
    try:
        found = json.loads(raw)
    except ValueError:
        return []
    return [w for w in found if isinstance(w, dict) and SHA256_HEX.match(str(w.get("sha256", "")))]


def _write_waiting(engine: Engine, waiting: list[dict[str, Any]], cursor: int | None = None) -> None:
    values: dict[str, object] = {PACKS_WAITING: json.dumps(waiting, ensure_ascii=False)}
    if cursor is not None:
        values[PACKS_CURSOR] = cursor
    with engine.begin() as conn:
        local.write_state(conn, values)


def waiting_packs(engine: Engine) -> list[dict[str, Any]]:
    """The packs from the hub that wait for the user (unsigned or from an unknown publisher):
    id, version, sha256, title {vi, en}, state, at; each one's file is waiting_file(engine, sha256)."""
    return _read_waiting(engine)


def waiting_file(engine: Engine, sha256: str) -> Path:
    if not SHA256_HEX.match(sha256):
        raise ValueError(f"not a SHA-256: {sha256!r}")
    return waiting_folder(engine) / f"{sha256}{SUFFIX}"


def accept_waiting(engine: Engine, sha256: str) -> InstallResult:
    """The user accepts a waiting pack: install it as not verified, and take it off the list."""
    entry = next((w for w in _read_waiting(engine) if w["sha256"] == sha256), None)
    if entry is None:
        raise InvalidInput("Không có gói bài học nào đang chờ như vậy.", "No such pack is waiting.")
    path = waiting_file(engine, sha256)
    result = install_pack(
        path,
        allow_unsigned=True,
        library=library_folder(engine),
        trusted=signing.trusted_publishers(data_folder(engine)),
    )
    dismiss_waiting(engine, sha256)
    return result


def dismiss_waiting(engine: Engine, sha256: str) -> None:
    """Forget a waiting pack and delete its file (it does not come back by itself)."""
    _write_waiting(engine, [w for w in _read_waiting(engine) if w["sha256"] != sha256])
    waiting_file(engine, sha256).unlink(missing_ok=True)


# --- downloading -------------------------------------------------------------------------------------


def _refused(pub: Publication, vi: str, en: str) -> PackDownloadFailed:
    return PackDownloadFailed(f"Gói {pub.key}: {vi}", f"Pack {pub.key}: {en}")


def download(hub: HubConnection, pub: Publication, target: Path, cancel: CancelFlag | None = None) -> None:
    """Stream the archive into `target` (a new file), checking its size and SHA-256 as it comes.

    A broken link, 429, 502, 503 and 504 are retried like every request; a wrong file raises
    PackDownloadFailed, a hub that refuses raises its SyncError. The caller deletes `target`.
    """
    url = f"{hub.base_url}{API}/packs/file/{pub.sha256}"
    attempt = 0
    while True:
        attempt += 1
        retry_after: float | None = None
        try:
            with hub.session.get(url, stream=True, timeout=hub.timeout) as response:
                if response.status_code in RETRY_STATUSES:
                    if attempt >= hub.retry.attempts and response.status_code != 429:
                        raise HubUnreachable(hub.base_url, f"HTTP {response.status_code}")
                    if attempt < hub.retry.attempts:
                        value = response.headers.get("Retry-After", "")
                        retry_after = float(value) if value.isdigit() else None
                        raise _TryAgain
                if response.status_code != 200:
                    hub._answer(response)  # raises the SyncError of that status
                    raise HubFailed(hub.base_url, f"HTTP {response.status_code} for a pack")
                digest = hashlib.sha256()
                size = 0
                with target.open("wb") as sink:
                    for block in response.iter_content(CHUNK):
                        if cancel is not None and cancel.is_set():
                            raise Cancelled
                        size += len(block)
                        if size > pub.size:
                            raise _refused(
                                pub, "tệp tải về lớn hơn khai báo", "the download is bigger than announced"
                            )
                        digest.update(block)
                        sink.write(block)
                    sink.flush()
                    os.fsync(sink.fileno())
        except _TryAgain:
            pass
        except requests.exceptions.SSLError as exc:
            raise HubCertificateUntrusted(hub.base_url) from exc
        except (
            requests.exceptions.ConnectionError,
            requests.exceptions.Timeout,
            requests.exceptions.ChunkedEncodingError,
        ) as exc:
            log.info("download of %s: %s (try %d)", pub.key, exc, attempt)
            if attempt >= hub.retry.attempts:
                raise HubUnreachable(hub.base_url, "pack download failed") from exc
        else:
            if size != pub.size:
                raise _refused(pub, "tệp tải về bị thiếu", f"the download has {size} of {pub.size} bytes")
            if digest.hexdigest() != pub.sha256:
                raise _refused(
                    pub,
                    "mã SHA-256 của tệp tải về không khớp (tệp trên máy chủ bị hỏng hoặc bị sửa); không cài",
                    "the download's SHA-256 does not match (the hub's file is damaged or altered); "
                    "not installed",
                )
            return
        target.unlink(missing_ok=True)
        hub._wait(hub.retry.delay(attempt, retry_after))


class _TryAgain(Exception):
    pass


# --- sync --------------------------------------------------------------------------------------------


def _installed(library: Path, pub: Publication) -> bool:
    if (library / pub.id / pub.version / INSTALL_INFO).is_file():
        return True
    return any(
        o.pack_id == pub.id and o.version == pub.version for o in bundled_outlines(paths.lessons_dir())
    )


def _clean_partial(folder: Path) -> None:
    """Remove downloads left by a sync that was killed."""
    for stale in folder.glob(f"*{PART_SUFFIX}"):
        stale.unlink(missing_ok=True)


def _try_waiting_again(engine: Engine, result: Any, trusted: dict[str, signing.Publisher]) -> None:
    """Packs waiting because their publisher was unknown go in once its key is trusted (from the hub,
    or added by the user); only those whose signing key is now trusted are opened again."""
    waiting = _read_waiting(engine)
    keep = []
    for entry in waiting:
        path = waiting_file(engine, entry["sha256"])
        if entry.get("key_id") not in trusted or not path.is_file():
            keep.append(entry)
            continue
        try:
            done = install_pack(path, library=library_folder(engine), trusted=trusted)
        except PackNotTrusted:
            keep.append(entry)
            continue
        except KnownError as exc:
            log.warning("waiting pack %s@%s: %s", entry.get("id"), entry.get("version"), exc.en)
            keep.append(entry)
            continue
        if not done.already_installed:
            result.packs_installed.append({**_public(entry), "trust": done.entry.trust})
        path.unlink(missing_ok=True)
    if len(keep) != len(waiting):
        _write_waiting(engine, keep)


def _public(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: entry.get(k) for k in ("id", "version", "sha256", "title")}


def sync_packs(
    engine: Engine,
    hub: HubConnection,
    result: Any,  # client.SyncResult
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> None:
    """Bring down the hub's trusted keys and the packs published to this commune since the cursor."""
    with engine.connect() as conn:
        cursor = int(local.read_state(conn).get(PACKS_CURSOR) or 0)
    downloads = downloads_folder(engine)
    if downloads.is_dir():
        _clean_partial(downloads)
    if progress:
        progress(0, 0, "packs")
    feed = fetch_feed(hub, cursor)
    if feed is None:
        result.packs_waiting = [_public(w) | {"state": w.get("state")} for w in _read_waiting(engine)]
        return
    folder = data_folder(engine)
    merge_publishers(folder, feed.publishers)
    trusted = signing.trusted_publishers(folder)
    _try_waiting_again(engine, result, trusted)
    library = library_folder(engine)
    total = len(feed.publications)
    if progress:
        progress(0, total, "packs")
    # Keys are in trusted-publishers.json now: the cursor may pass them, and every publication
    # handled, in feed order, up to the first one that failed.
    pending = sorted(p.seq for p in feed.publications)
    handled: set[int] = set()

    def advance() -> int:
        upto = feed.next
        for seq in pending:
            if seq not in handled:
                upto = seq - 1
                break
        return max(cursor, upto)

    done = 0
    for pub in sorted(feed.publications, key=lambda p: p.seq):
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            break
        waiting = _read_waiting(engine)
        if any(w["sha256"] == pub.sha256 for w in waiting) or _installed(library, pub):
            handled.add(pub.seq)
        else:
            try:
                _bring(engine, hub, pub, result, trusted, waiting, cancel)
                handled.add(pub.seq)
            except PackDownloadFailed as exc:
                log.warning("%s", exc.en)
                result.packs_failed.append({**pub.describe(), "reason": exc.en, "reason_vi": exc.vi})
            except HubUnreachable as exc:
                # The link is gone: the other packs would fail the same way; the next sync goes on.
                result.packs_failed.append({**pub.describe(), "reason": exc.en, "reason_vi": exc.vi})
                break
        done += 1
        with engine.begin() as conn:
            local.write_state(conn, {PACKS_CURSOR: advance()})
        if progress:
            progress(done, total, "packs")
    if not feed.publications:
        with engine.begin() as conn:
            local.write_state(conn, {PACKS_CURSOR: max(cursor, feed.next)})
    result.packs_waiting = [_public(w) | {"state": w.get("state")} for w in _read_waiting(engine)]


def _bring(
    engine: Engine,
    hub: HubConnection,
    pub: Publication,
    result: Any,
    trusted: dict[str, signing.Publisher],
    waiting: list[dict[str, Any]],
    cancel: CancelFlag | None,
) -> None:
    """Download one pack, check it and install it, or park it for the user. Leaves no file behind
    when it fails (PackDownloadFailed, or the SyncError of the hub)."""
    downloads = downloads_folder(engine)
    downloads.mkdir(parents=True, exist_ok=True)
    part = downloads / f".{pub.sha256[:16]}-{uuid.uuid4().hex[:8]}{PART_SUFFIX}"
    try:
        try:
            download(hub, pub, part, cancel)
        except (HubRefused, HubFailed) as exc:  # e.g. 404: the hub lost the file; 500
            raise _refused(pub, exc.vi, exc.en) from exc
        try:
            done = install_pack(part, library=library_folder(engine), trusted=trusted)
        except PackNotTrusted as exc:
            if exc.state == "bad-signature":
                raise _refused(pub, exc.vi, exc.en) from exc
            signature = read_manifest(part).get("signature") or {}
            target = waiting_file(engine, pub.sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(part, target)
            entry = {
                **pub.describe(),
                "state": exc.state,
                "key_id": str(signature.get("key_id", "")) if isinstance(signature, dict) else "",
                "at": utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
            _write_waiting(engine, [*waiting, entry])
            log.info("pack %s waits for the user (%s)", pub.key, exc.state)
            return
        except KnownError as exc:  # not a usable pack, or another pack with this id and version
            raise _refused(pub, exc.vi, exc.en) from exc
        if not done.already_installed:
            result.packs_installed.append({**pub.describe(), "trust": done.entry.trust})
            log.info("installed pack %s from the hub (%s)", pub.key, done.entry.trust)
    finally:
        part.unlink(missing_ok=True)
