"""How many pushes, pulls and bundles the hub works on at once, and what it says to the others.

When a commune's devices all come back online together (after a training day, or when the hub
restarts) hundreds of syncs arrive in the same second. Served all at once, every one of them gets
slow, the devices' read timeouts fire, they send again, and the hub drowns in repeats. Instead the
hub works on a few requests at a time; a request that does not get its turn within `patience`
seconds is answered at once with 503 and a Retry-After saying when the queue should have drained.
The client waits that long (with jitter) and sends again: pushes are idempotent, so nothing is
lost or doubled, and every request the hub does take is served quickly.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from volunteer_kit.hub.errors import HubError

# Two at a time: one request's Python work runs while the other's waits on the database. More
# only share the one interpreter (its GIL) and each gets slower: with 200 devices syncing at
# once on 2 cores, 2 served 95 % of requests within 0.7 s, 3 or 4 within 1.0-1.2 s.
AT_ONCE = 2
PATIENCE_S = 0.5
MAX_RETRY_AFTER_S = 30
RECENT_S = 10.0


class Gate:
    def __init__(self, at_once: int = AT_ONCE, patience: float = PATIENCE_S) -> None:
        self.at_once = at_once
        self.patience = patience
        self.waiting = 0
        self.turned_away = 0
        self._service_s = 0.1  # moving average of how long one request holds its turn
        self._slots: asyncio.Semaphore | None = None  # made in the server's event loop
        self._recent: deque[float] = deque()  # when requests were turned away, last RECENT_S

    def retry_after(self) -> int:
        """When to come back: a random whole second, up to the time the hub needs for the
        requests waiting now and those it turned away lately (they will be back), at most
        MAX_RETRY_AFTER_S. Random, so the devices turned away together come back spread out
        and the hub stays busy, rather than all at once after an idle pause."""
        now = time.monotonic()
        recent = self._recent
        while recent and recent[0] < now - RECENT_S:
            recent.popleft()
        recent.append(now)
        drain = self._service_s * (self.waiting + len(recent)) / self.at_once
        return random.randint(1, min(MAX_RETRY_AFTER_S, max(1, math.ceil(drain))))

    def _busy(self) -> HubError:
        self.turned_away += 1
        wait = self.retry_after()
        return HubError(
            503,
            f"The hub is busy with other devices; try again in {wait} s.",
            f"Máy chủ đang bận với các thiết bị khác; hãy thử lại sau {wait} giây.",
            headers={"Retry-After": str(wait)},
        )

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.at_once)
        # A request whose turn cannot come within the patience (by the queue ahead of it and
        # how long a turn takes) hears "busy" now rather than after waiting for nothing.
        if self._slots.locked() and self._service_s * (self.waiting + 1) / self.at_once > self.patience:
            raise self._busy()
        self.waiting += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), self.patience)
        except TimeoutError:
            raise self._busy() from None
        finally:
            self.waiting -= 1
        started = time.monotonic()
        try:
            yield
        finally:
            self._slots.release()
            self._service_s = 0.8 * self._service_s + 0.2 * (time.monotonic() - started)
