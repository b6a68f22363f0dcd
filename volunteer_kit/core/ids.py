"""Record ids are UUIDs made on the device that creates the record.

They are UUIDv7 (RFC 9562): a millisecond timestamp, then random bits. Ids made
one after another sort together, so SQLite appends to its indexes instead of
writing all over them, and two devices still never make the same id.
"""

from __future__ import annotations

import os
import random
import threading
import time

_lock = threading.Lock()
_last_ms = 0


def _format(n: int) -> str:
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _uuid7(ms: int, rand_a: int, rand_b: int) -> str:
    n = (
        (ms & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76
        | (rand_a & 0xFFF) << 64
        | 0b10 << 62
        | (rand_b & 0x3FFF_FFFF_FFFF_FFFF)
    )
    return _format(n)


def new_id() -> str:
    """A new UUIDv7; the millisecond part never goes backwards within this process."""
    global _last_ms
    with _lock:
        ms = max(time.time_ns() // 1_000_000, _last_ms + 1)
        _last_ms = ms
    rand = int.from_bytes(os.urandom(10), "big")
    return _uuid7(ms, rand >> 62, rand)


class SeededIds:
    """UUIDv7-shaped ids from a seed: the same seed and start give the same ids, in order."""

    def __init__(self, rng: random.Random, start_ms: int) -> None:
        self._rng = rng
        self._ms = start_ms

    def __call__(self) -> str:
        self._ms += 1
        return _uuid7(self._ms, self._rng.getrandbits(12), self._rng.getrandbits(62))
