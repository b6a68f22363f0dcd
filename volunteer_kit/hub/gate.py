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

from sqlalchemy import Connection, select, text

from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.models import meta_t

# Two at a time: one request's Python work runs while the other's waits on the database. More
# only share the one interpreter (its GIL) and each gets slower: with 200 devices syncing at
# once on 2 cores, 2 served 95 % of requests within 0.7 s, 3 or 4 within 1.0-1.2 s.
AT_ONCE = 2
PATIENCE_S = 0.5
MAX_RETRY_AFTER_S = 30
RECENT_S = 10.0
# The database-wide cap on pushes (see take_push_slot): its hub_meta key, and the first key of the
# (key, slot) advisory locks ("VKPU"; an int4, as the two-key form takes).
DB_AT_ONCE_KEY = "db_at_once"
PUSH_SLOT_LOCK = 0x564B_5055
DB_RETRY_AFTER_S = 5


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
        return busy(self.retry_after())

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


def busy(wait: int) -> HubError:
    """The refusal of a hub too busy to take a request now: 503, and when to come back."""
    return HubError(
        503,
        f"The hub is busy with other devices; try again in {wait} s.",
        f"Máy chủ đang bận với các thiết bị khác; hãy thử lại sau {wait} giây.",
        headers={"Retry-After": str(wait)},
    )


def take_push_slot(conn: Connection) -> None:
    """Take one of the hub's database-wide push slots for this transaction, or refuse as the gate
    does (503 + Retry-After). A Gate guards one process's interpreter; this guards the database
    that every process of a province hub shares: at most hub_meta "db_at_once" pushes are applied
    at once, whatever the number of processes. Slots are PostgreSQL transaction-level advisory
    locks (KEY, slot), tried in a random order and released by the commit or rollback, so a
    crashed process never keeps one. No limit set, or SQLite (one writer anyway): nothing to do."""
    if conn.dialect.name != "postgresql":
        return
    configured = conn.execute(select(meta_t.c.value).where(meta_t.c.key == DB_AT_ONCE_KEY)).scalar()
    if not configured:
        return
    slots = list(range(int(configured)))
    random.shuffle(slots)
    # unnest keeps the array's order and LIMIT 1 stops at the first lock taken: one lock, not all.
    taken = conn.execute(
        text(
            "SELECT s FROM unnest(CAST(:slots AS integer[])) AS s "
            "WHERE pg_try_advisory_xact_lock(CAST(:key AS integer), s) LIMIT 1"
        ),
        {"slots": slots, "key": PUSH_SLOT_LOCK},
    ).first()
    if taken is None:
        raise busy(random.randint(1, DB_RETRY_AFTER_S))
