"""HTTP to the hub: one session, timeouts, retries with backoff, and errors as one-line messages.

Every request may be repeated: pulls and conflict lists are reads, and pushes
and bundles are idempotent on the hub (the same record sent twice gets the same
answer), so a lost reply or a dropped connection is simply tried again.
"""

from __future__ import annotations

import gzip
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests

from volunteer_kit import __version__
from volunteer_kit.errors import InvalidInput
from volunteer_kit.sync.errors import (
    DeviceRevoked,
    HubCertificateUntrusted,
    HubFailed,
    HubRefused,
    HubUnreachable,
    ProtocolMismatch,
    SyncError,
)
from volunteer_kit.sync.payload import API, PROTOCOL, PROTOCOL_HEADER

log = logging.getLogger("volunteer_kit.sync")

RETRY_STATUSES = frozenset({429, 502, 503, 504})
# gzip level 1: on a LAN the hub is faster than compression; level 1 already shrinks JSON ~5x.
GZIP_LEVEL = 1


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...

    def wait(self, timeout: float | None = None) -> bool: ...


class Cancelled(Exception):
    """The user cancelled while the client waited to retry (not an error: work done so far is kept)."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6  # tries in all, the first included
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 120.0
    # A hub that answers "busy, come back in N s" (503 with Retry-After) is working, not failing:
    # its turns do not use up `attempts` until this much time has been spent waiting for them.
    max_busy_wait: float = 900.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before try `attempt + 1` (attempt counts from 1): exponential with jitter.

        "Equal jitter": half the exponential step plus a random part of the other half, so
        devices that lost the link together do not come back in step. A wait the hub asked for
        is kept, plus up to a quarter more, for the same reason.
        """
        if retry_after is not None:
            asked = min(max(retry_after, 0.0), self.max_retry_after)
            return asked + random.uniform(0, asked / 4)
        step = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return step / 2 + random.uniform(0, step / 2)


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, when.timestamp() - time.time())


def normalize_hub_url(url: str) -> str:
    """`https://hub.example:8443/` → `https://hub.example:8443` (the API paths are added to it)."""
    url = url.strip().rstrip("/")
    if url.endswith(API):
        url = url[: -len(API)]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput(
            f"Không phải địa chỉ máy chủ: {url!r}; hãy viết dạng https://may-chu-xa:8443.",
            f"Not a hub address: {url!r}; write it like https://commune-hub:8443.",
        )
    return url


class HubConnection:
    """Requests to one hub, with the device's token (when enrolled)."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_file: str | None = None,
        timeout: tuple[float, float] = (5.0, 60.0),
        retry: RetryPolicy | None = None,
        cancel: CancelFlag | None = None,
        sleep: Callable[[float], None] | None = None,
        on_busy: Callable[[float], None] | None = None,
    ) -> None:
        self.base_url = normalize_hub_url(base_url)
        self.on_busy = on_busy  # told the seconds before each wait the busy hub asked for
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.cancel = cancel
        self._sleep = sleep
        self.session = requests.Session()  # trust_env stays on: proxies come from the environment
        self.session.verify = ca_file or True
        self.session.headers.update(
            {
                PROTOCOL_HEADER: str(PROTOCOL),
                "User-Agent": f"volunteer-kit/{__version__}",
                "Accept": "application/json",
                "Accept-Encoding": "gzip",
            }
        )
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> HubConnection:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _wait(self, seconds: float) -> None:
        if self._sleep is not None:
            self._sleep(seconds)
        elif self.cancel is not None:
            if self.cancel.wait(seconds):
                raise Cancelled
        else:
            time.sleep(seconds)
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.request("GET", path, params=params)

    def post_json(self, path: str, body: Any) -> Any:
        raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return self.request("POST", path, data=raw, content_type="application/json")

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        data: bytes | None = None,
        content_type: str | None = None,
        compress: bool = True,
        gzipped: bool = False,
    ) -> Any:
        """Send one request (repeating it on a broken link, 429, 502, 503, 504) and return its JSON.

        The body is gzip-compressed here unless `compress` is false, or `gzipped` says it already is.
        """
        url = f"{self.base_url}{API}{path}"
        headers: dict[str, str] = {}
        if data is not None:
            if content_type:
                headers["Content-Type"] = content_type
            if compress and not gzipped:
                data = gzip.compress(data, compresslevel=GZIP_LEVEL)
            if compress or gzipped:
                headers["Content-Encoding"] = "gzip"
        attempt = 0
        busy_waited = 0.0
        while True:
            attempt += 1
            retry_after: float | None = None
            try:
                response = self.session.request(
                    method, url, params=params, data=data, headers=headers, timeout=self.timeout
                )
            except requests.exceptions.SSLError as exc:
                log.warning("TLS to %s failed: %s", self.base_url, exc)
                raise HubCertificateUntrusted(self.base_url) from exc
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
                problem = "timed out" if isinstance(exc, requests.exceptions.Timeout) else "no connection"
                log.info("%s %s: %s (try %d)", method, path, problem, attempt)
                if attempt >= self.retry.attempts:
                    raise HubUnreachable(self.base_url, problem) from exc
            else:
                if response.status_code not in RETRY_STATUSES:
                    return self._answer(response)
                retry_after = _retry_after(response) if response.status_code in (429, 503) else None
                log.info("%s %s: HTTP %d (try %d)", method, path, response.status_code, attempt)
                if (
                    response.status_code == 503
                    and retry_after is not None
                    and busy_waited < self.retry.max_busy_wait
                ):
                    delay = self.retry.delay(attempt, retry_after)
                    busy_waited += delay
                    attempt -= 1  # the hub's turn, not a failed try
                    response.close()
                    if self.on_busy is not None:
                        self.on_busy(delay)
                    self._wait(delay)
                    continue
                if attempt >= self.retry.attempts:
                    if response.status_code == 429:
                        return self._answer(response)
                    raise HubUnreachable(self.base_url, f"HTTP {response.status_code}")
                response.close()
            self._wait(self.retry.delay(attempt, retry_after))

    def _answer(self, response: requests.Response) -> Any:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        if 200 <= status < 300:
            if body is None:
                raise HubFailed(self.base_url, f"HTTP {status}, not JSON")
            return body
        detail = body.get("detail") if isinstance(body, dict) else None
        detail_vi = body.get("detail_vi") if isinstance(body, dict) else None
        if not isinstance(detail, str):
            detail = json.dumps(detail, ensure_ascii=False) if detail else response.reason or ""
        if not isinstance(detail_vi, str):
            detail_vi = ""
        if status == 401:
            raise DeviceRevoked
        if status == 426:
            raise ProtocolMismatch(body.get("protocol", "?") if isinstance(body, dict) else "?")
        if 400 <= status < 500:
            raise HubRefused(status, detail, detail_vi)
        raise HubFailed(self.base_url, f"HTTP {status}: {detail}")


__all__ = [
    "Cancelled",
    "HubConnection",
    "RetryPolicy",
    "SyncError",
    "normalize_hub_url",
]
