"""The optional app PIN: a lost laptop's window does not open for a stranger.

The PIN lives in the data folder as app-pin.json: a salted scrypt hash (never the PIN, never in
settings.json), the idle minutes before the window locks, and the wrong tries so far with the time
of the last one. A wrong PIN makes the next try wait 1, 2, 4, 8 … seconds, at most 60; the count is
on disk, so closing and opening the app does not reset it. The file is written whole or not at all
(paths.write_private_file, owner-only).

What the PIN protects is the window (and the teaching windows): someone who finds the laptop open
cannot browse learners. It does not encrypt the data folder; the operating system account guards
the files (docs/app-pin.md). Nothing here imports Qt: the window calls it off the GUI thread.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from volunteer_kit import paths
from volunteer_kit.errors import KnownError

log = logging.getLogger("volunteer_kit.app_pin")

PIN_FILE_NAME = "app-pin.json"
FORMAT = 1
MIN_DIGITS = 4
MAX_DIGITS = 8
IDLE_CHOICES = (5, 10, 15, 30)  # minutes without use before the window locks
DEFAULT_IDLE_MINUTES = 10
MAX_WAIT_SECONDS = 60
# scrypt at 16 MiB and about 0.1 s a try: slow for a guesser with the file, quick for the user.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32

Clock = Callable[[], float]  # seconds since the epoch (wall time: the wait outlives a restart)

# One read-modify-write of the file at a time (the window checks on a worker pool).
_file_lock = threading.Lock()


@dataclass(frozen=True)
class PinState:
    """What app-pin.json holds. No file: no PIN, the default idle time, no wrong tries."""

    salt: str = ""  # hex
    hash: str = ""  # hex
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    failures: int = 0
    last_failure_at: float = 0.0

    @property
    def is_set(self) -> bool:
        return bool(self.hash)

    def wait_seconds(self, now: float) -> float:
        """How long before the next try is heard (0: now). A clock set back never makes it longer."""
        if self.failures <= 0:
            return 0.0
        delay = delay_after(self.failures)
        return max(0.0, min(delay, self.last_failure_at + delay - now))


@dataclass(frozen=True)
class Outcome:
    """The answer to a try: `opened`, or refused with the seconds to wait before the next one
    (`too_soon`: the try came during the wait and was not checked nor counted)."""

    opened: bool
    wait_seconds: float = 0.0
    too_soon: bool = False
    failures: int = 0


def delay_after(failures: int) -> float:
    """The wait after `failures` wrong tries in a row: 1, 2, 4, 8 … seconds, at most 60."""
    if failures <= 0:
        return 0.0
    return float(min(2 ** min(failures - 1, 16), MAX_WAIT_SECONDS))


class PinFileDamaged(KnownError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Tệp mã PIN {path} bị hỏng nên không mở khóa được; hãy nhờ cán bộ kỹ thuật xóa tệp đó "
            "(dữ liệu vẫn còn nguyên), rồi đặt lại mã PIN trong Cài đặt.",
            f"The PIN file {path} is damaged, so the window cannot be unlocked; ask your IT contact to "
            "remove that file (the records stay as they are), then set the PIN again in Settings.",
        )


def pin_path(folder: Path | None = None) -> Path:
    return (paths.data_dir() if folder is None else Path(folder)) / PIN_FILE_NAME


def load(folder: Path | None = None) -> PinState:
    """The PIN state of this data folder. A damaged file is refused (PinFileDamaged), never taken
    as 'no PIN': the window stays locked rather than open."""
    path = pin_path(folder)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return PinState()
    except (OSError, ValueError) as exc:
        log.warning("PIN file %s unreadable: %s", path, exc)
        raise PinFileDamaged(path) from exc
    try:
        state = PinState(
            salt=str(raw.get("salt", "")),
            hash=str(raw.get("hash", "")),
            n=int(raw.get("n", SCRYPT_N)),
            r=int(raw.get("r", SCRYPT_R)),
            p=int(raw.get("p", SCRYPT_P)),
            idle_minutes=int(raw.get("idle_minutes", DEFAULT_IDLE_MINUTES)),
            failures=max(0, int(raw.get("failures", 0))),
            last_failure_at=float(raw.get("last_failure_at", 0.0)),
        )
        if state.is_set:
            bytes.fromhex(state.salt)
            bytes.fromhex(state.hash)
            if state.n < 2 or state.n & (state.n - 1) or not (1 <= state.r <= 64 and 1 <= state.p <= 16):
                raise ValueError("scrypt parameters out of range")
        if not math.isfinite(state.last_failure_at):
            raise ValueError("last_failure_at is not a number")
    except (AttributeError, TypeError, ValueError) as exc:
        log.warning("PIN file %s damaged: %s", path, exc)
        raise PinFileDamaged(path) from exc
    if state.idle_minutes not in IDLE_CHOICES:
        state = replace(state, idle_minutes=DEFAULT_IDLE_MINUTES)
    return state


def _save(state: PinState, folder: Path | None) -> None:
    path = pin_path(folder)
    if not state.is_set and state == PinState(idle_minutes=state.idle_minutes):
        path.unlink(missing_ok=True)  # no PIN and nothing to remember: no file
        return
    data = json.dumps({"format": FORMAT, "kdf": "scrypt", **asdict(state)}, indent=2).encode("utf-8")
    paths.write_private_file(path, data)


def _digest(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES, maxmem=64 << 20)


def validate_new_pin(pin: str, again: str) -> None:
    """A new PIN: 4 to 8 digits, typed the same twice."""
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise KnownError(
            f"Mã PIN gồm {MIN_DIGITS} đến {MAX_DIGITS} chữ số.",
            f"A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits.",
        )
    if not hmac.compare_digest(pin.encode("ascii"), again.encode("ascii", "replace")):
        raise KnownError("Hai lần nhập mã PIN không giống nhau.", "The two PINs you typed differ.")


def _try(state: PinState, pin: str, now: float) -> tuple[PinState, Outcome]:
    """Check one try against `state`; the state to save and the outcome."""
    wait = state.wait_seconds(now)
    if wait > 0:
        return state, Outcome(False, wait, too_soon=True, failures=state.failures)
    candidate = pin.encode("ascii", "replace") if pin else b""
    right = False
    if candidate.isdigit() and len(candidate) <= MAX_DIGITS:  # anything else is wrong, hashed or not
        digest = _digest(pin, bytes.fromhex(state.salt), state.n, state.r, state.p)
        right = hmac.compare_digest(digest, bytes.fromhex(state.hash))
    if right:
        return replace(state, failures=0, last_failure_at=0.0), Outcome(True)
    failures = state.failures + 1
    return replace(state, failures=failures, last_failure_at=now), Outcome(
        False, delay_after(failures), failures=failures
    )


def check(pin: str, *, now: float | None = None, folder: Path | None = None) -> Outcome:
    """Try `pin` to open the window. With no PIN set, it opens. A try during the wait after a
    wrong one is refused unchecked; a wrong one is counted on disk before the answer."""
    at = time.time() if now is None else now
    with _file_lock:
        state = load(folder)
        if not state.is_set:
            return Outcome(True)
        new_state, outcome = _try(state, pin, at)
        if new_state != state:
            _save(new_state, folder)
    return outcome


def _refused(outcome: Outcome) -> KnownError:
    seconds = math.ceil(outcome.wait_seconds)
    if outcome.too_soon:
        return KnownError(
            f"Hãy chờ {seconds} giây rồi nhập lại mã PIN.", f"Wait {seconds} s, then type the PIN again."
        )
    return KnownError(
        f"Mã PIN hiện tại không đúng; hãy chờ {seconds} giây rồi thử lại.",
        f"The current PIN is wrong; wait {seconds} s and try again.",
    )


def _change(
    old: str, change: Callable[[PinState], PinState], now: float | None, folder: Path | None
) -> PinState:
    """Check the PIN in force (as a try that counts), then save what `change` makes of the state."""
    at = time.time() if now is None else now
    with _file_lock:
        state = load(folder)
        if state.is_set:
            tried, outcome = _try(state, old, at)
            if not outcome.opened:
                if tried != state:
                    _save(tried, folder)
                raise _refused(outcome)
            state = tried
        new_state = change(state)
        _save(new_state, folder)
        return new_state


def set_pin(
    new: str, again: str, *, old: str = "", now: float | None = None, folder: Path | None = None
) -> PinState:
    """Set the PIN (no PIN yet) or change it (`old` must be the PIN in force)."""
    validate_new_pin(new, again)
    salt = os.urandom(SALT_BYTES)
    digest = _digest(new, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)

    def with_new(state: PinState) -> PinState:
        return replace(
            state,
            salt=salt.hex(),
            hash=digest.hex(),
            n=SCRYPT_N,
            r=SCRYPT_R,
            p=SCRYPT_P,
            failures=0,
            last_failure_at=0.0,
        )

    state = _change(old, with_new, now, folder)
    log.info("app PIN set")
    return state


def remove_pin(old: str, *, now: float | None = None, folder: Path | None = None) -> PinState:
    """Remove the PIN: only with the PIN in force."""
    state = _change(old, lambda s: PinState(idle_minutes=s.idle_minutes), now, folder)
    log.info("app PIN removed")
    return state


def set_idle_minutes(minutes: int, *, folder: Path | None = None) -> PinState:
    """Lock after this many minutes without use (one of IDLE_CHOICES)."""
    if minutes not in IDLE_CHOICES:
        raise KnownError(
            "Thời gian khóa chỉ chọn được 5, 10, 15 hoặc 30 phút.",
            "The lock time can only be 5, 10, 15 or 30 minutes.",
        )
    with _file_lock:
        state = replace(load(folder), idle_minutes=minutes)
        _save(state, folder)
        return state
