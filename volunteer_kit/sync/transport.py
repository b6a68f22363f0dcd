"""HTTP to the hub: one session, timeouts, retries with backoff, and errors as one-line messages.

Every request may be repeated: pulls and conflict lists are reads, and pushes
and bundles are idempotent on the hub (the same record sent twice gets the same
answer), so a lost reply or a dropped connection is simply tried again.
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import logging
import random
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from volunteer_kit import __version__
from volunteer_kit.errors import InvalidInput
from volunteer_kit.sync.errors import (
    DeviceRevoked,
    HubCertificateChanged,
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
        step: float = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
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


def is_loopback_url(url: str) -> bool:
    """Whether `url` names this computer only (127.0.0.0/8, ::1, localhost): no other laptop reaches it."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_FINGERPRINT_SEPARATORS = re.compile(r"[\s:.-]")


def normalize_fingerprint(text: str) -> str:
    """A certificate's SHA-256 fingerprint as 64 lowercase hex digits, from the way a person or a
    code writes it (groups, colons, capitals). Anything else is refused: urllib3 would read a
    shorter hex string as a weaker digest (32 digits: MD5)."""
    digits = _FINGERPRINT_SEPARATORS.sub("", text).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", digits):
        raise InvalidInput(
            f"Dấu vân tay chứng chỉ không hợp lệ: {text!r}; cần đủ 64 chữ số hex (0-9, A-F), như "
            "lệnh hub enroll-code in ra.",
            f"Not a certificate fingerprint: {text!r}; it needs all 64 hex digits (0-9, A-F), as "
            "hub enroll-code prints it.",
        )
    return digits


def fingerprint_groups(fingerprint: str) -> str:
    """`3f2a9c01…` → `3F2A 9C01 …`: 16 groups of four, easy to read out and compare by eye."""
    digits = normalize_fingerprint(fingerprint).upper()
    return " ".join(digits[n : n + 4] for n in range(0, len(digits), 4))


def check_transport(url: str, *, fingerprint: str = "", insecure: bool = False) -> None:
    """Refuse, before any connection, to talk to a hub over the network unencrypted: plain http
    is for this computer (loopback) only, unless the user said --insecure."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "http" and fingerprint:
        raise InvalidInput(
            f"Mã ghi danh có dấu vân tay chứng chỉ nhưng địa chỉ {url} không mã hóa (http); mã này "
            "bị sửa hoặc chép sai, hãy xin lại mã https từ người quản lý máy chủ.",
            f"The enrollment code has a certificate fingerprint but the address {url} is not "
            "encrypted (http); the code was altered or mistyped: ask the hub operator for the https one.",
        )
    if scheme == "http" and not insecure and not is_loopback_url(url):
        raise InvalidInput(
            f"Không kết nối không mã hóa (http) tới {url}; hãy dùng mã ghi danh https do người quản "
            "lý máy chủ đưa (hoặc --insecure nếu người đó bảo vậy).",
            f"Will not connect unencrypted (http) to {url}; use the https enrollment code from the "
            "hub operator (or --insecure if they say so).",
        )


class PinnedAdapter(HTTPAdapter):
    """HTTPS that trusts exactly one certificate, named by its SHA-256 fingerprint, and no CA: a
    commune hub's self-signed certificate, pinned at enrollment (as Syncthing pins device ids).

    urllib3 checks `assert_fingerprint` during the handshake, before a byte of the request is
    sent; CA verification is off only together with the pin. The pin goes into the pool key
    attributes as well as the pool manager, because requests builds those per request (and for
    a proxy's pools too), and they would otherwise turn CA verification back on.
    """

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = normalize_fingerprint(fingerprint)
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs.update(assert_fingerprint=self.fingerprint, cert_reqs="CERT_NONE")
        super().init_poolmanager(*args, **kwargs)

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: Any, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        host, pool = super().build_connection_pool_key_attributes(request, False, cert)
        pool.update(assert_fingerprint=self.fingerprint, cert_reqs="CERT_NONE")
        return host, pool

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        super().cert_verify(conn, url, False, cert)  # would set CERT_REQUIRED on the pool again


class _HubSession(requests.Session):
    """A session whose own trust (the pin, or --ca-file) is not replaced by the environment's
    REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE, which requests otherwise puts above `session.verify`.
    With neither, the environment's bundle (often the system store) is used, as usual."""

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> Any:
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is None and self.verify is not True:
            settings["verify"] = self.verify
        return settings


def hub_session(
    url: str, *, ca_file: str | None = None, fingerprint: str = "", insecure: bool = False
) -> requests.Session:
    """A requests session for the hub at `url`: pinned to `fingerprint` when there is one, else
    verified against `ca_file` or the system's CAs. Plain http only as check_transport allows."""
    check_transport(url, fingerprint=fingerprint, insecure=insecure)
    session = _HubSession()  # trust_env stays on: proxies come from the environment
    if fingerprint:
        session.mount("https://", PinnedAdapter(fingerprint))
        session.verify = False  # requests' own CA check would undo the pin; the adapter checks it
    else:
        session.verify = ca_file or True
    return session


def _pin_mismatch(exc: BaseException) -> bool:
    """Whether a TLS failure is the pinned fingerprint not matching (urllib3 says so in words)."""
    return "Fingerprints did not match" in str(exc)


class HubConnection:
    """Requests to one hub, with the device's token (when enrolled)."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_file: str | None = None,
        fingerprint: str = "",
        insecure: bool = False,
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
        self.session = hub_session(self.base_url, ca_file=ca_file, fingerprint=fingerprint, insecure=insecure)
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
                if _pin_mismatch(exc):
                    raise HubCertificateChanged(self.base_url) from exc
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
        if status == 403 and isinstance(body, dict) and body.get("code") == "device_revoked":
            raise _revoked(body, detail_vi)
        if status == 426:
            raise ProtocolMismatch(body.get("protocol", "?") if isinstance(body, dict) else "?")
        if 400 <= status < 500:
            raise HubRefused(status, detail, detail_vi)
        raise HubFailed(self.base_url, f"HTTP {status}: {detail}")


def _revoked(body: dict[str, Any], detail_vi: str) -> DeviceRevoked:
    """The hub's "device_revoked" refusal: its reason and time, from their own fields when the hub
    sends them, else the reason read out of its Vietnamese message ("… (lý do: …). …")."""
    reason = body.get("reason", body.get("revoked_reason"))
    if not isinstance(reason, str):
        found = re.search(r"\(lý do: (.*?)\)\.", detail_vi)
        reason = found.group(1) if found else ""
    revoked_at = body.get("revoked_at")
    return DeviceRevoked(reason[:200], revoked_at if isinstance(revoked_at, str) else "", by_officer=True)


__all__ = [
    "Cancelled",
    "HubConnection",
    "PinnedAdapter",
    "RetryPolicy",
    "SyncError",
    "check_transport",
    "fingerprint_groups",
    "hub_session",
    "is_loopback_url",
    "normalize_fingerprint",
    "normalize_hub_url",
]
