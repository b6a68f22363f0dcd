"""What every route needs from a request: its body (bounded), its JSON, its protocol, its engine,
and the device of its bearer token (with the role it was enrolled for).

As in the FastAPI template's `api/deps.py`, the device and the role come as typed dependencies:
a route that takes `device: CurrentDevice` or `officer: CurrentOfficer` is refused with 401/403
before its body runs.
"""

from __future__ import annotations

import zlib
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from volunteer_kit.hub import enrollment
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.hub.errors import HubError
from volunteer_kit.sync import payload, strict_json

# Declares the scheme in the OpenAPI description; never refuses by itself (auto_error=False), so
# bearer_token checks the protocol first and refuses with the hub's own 401 body.
bearer_scheme = HTTPBearer(
    auto_error=False, bearerFormat="device token", description="The token the hub gave at enrollment."
)


# The largest cursor or id a query may name: the hub's sequences are BIGINT (int64). A larger
# one is a 422 from FastAPI (Query(le=MAX_CURSOR)), never a database overflow.
MAX_CURSOR = 2**63 - 1


def _too_big() -> HubError:
    return HubError(413, "The request is too large.", "Yêu cầu quá lớn.")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, gunzipped if sent so, refusing more than `limit` bytes as soon as it shows.

    The gzip stream is inflated chunk by chunk with a cap on the output, so a small
    compressed body that inflates to gigabytes (a gzip bomb) stops at `limit` + 1 bytes.
    """
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise _too_big()
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", ""):
        raise HubError(
            415,
            f"Content-Encoding {encoding!r} is not supported; send gzip or nothing.",
            f"Không hỗ trợ Content-Encoding {encoding!r}; hãy gửi gzip hoặc không nén.",
        )
    inflater = zlib.decompressobj(wbits=31) if encoding == "gzip" else None
    out = bytearray()
    raw = 0
    try:
        async for chunk in request.stream():
            raw += len(chunk)
            if raw > limit:
                raise _too_big()
            if inflater is None:
                out += chunk
            else:
                out += inflater.decompress(chunk, limit + 1 - len(out))
            if len(out) > limit:
                raise _too_big()
        if inflater is not None:
            out += inflater.flush(limit + 1 - len(out)) if len(out) <= limit else b""
            if len(out) > limit:
                raise _too_big()
            if not inflater.eof:
                raise HubError(422, "The gzip body is cut short.", "Nội dung nén gzip bị thiếu.")
    except zlib.error as exc:
        raise HubError(422, "The body is not valid gzip.", "Nội dung không phải gzip hợp lệ.") from exc
    return bytes(out)


def parse_json(body: bytes, *, max_depth: int | None = None) -> Any:
    """The body's JSON; 422 for anything else, or for nesting deeper than `max_depth` (checked
    before parsing) — json.loads itself fails with RecursionError some thousands deep."""
    if max_depth is not None and json_depth(body) > max_depth:
        raise _too_deep()
    try:
        # Strict UTF-8 (json.loads of bytes would let an encoded surrogate through), and no lone
        # surrogate escape: such a string cannot be stored or logged (sync.strict_json).
        return strict_json.loads_checked(body.decode("utf-8"))
    except RecursionError as exc:
        raise _too_deep() from exc
    except UnicodeDecodeError as exc:
        raise HubError(
            422,
            f"The body is not valid UTF-8 text (byte {exc.start}).",
            f"Nội dung không phải văn bản UTF-8 hợp lệ (byte {exc.start}).",
        ) from exc
    except ValueError as exc:
        raise HubError(
            422, f"The body is not valid JSON ({exc}).", f"Nội dung không phải JSON hợp lệ ({exc})."
        ) from exc


def _too_deep() -> HubError:
    return HubError(422, "The JSON body is nested too deeply.", "Nội dung JSON lồng nhau quá sâu.")


def json_depth(body: bytes) -> int:
    """How deep arrays and objects nest in `body` (strings skipped), without parsing it: one
    linear pass, for a body already bounded in size."""
    depth = deepest = 0
    in_string = escaped = False
    for char in body:
        if in_string:
            if escaped:
                escaped = False
            elif char == 0x5C:  # backslash
                escaped = True
            elif char == 0x22:  # quote
                in_string = False
        elif char == 0x22:
            in_string = True
        elif char in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in b"]}":
            depth -= 1
    return deepest


def protocol_parameter(*, required: bool = True) -> dict[str, Any]:
    """The protocol header as an OpenAPI parameter, for a route's `openapi_extra`.

    Declared by hand, not as a FastAPI Header: check_protocol answers a missing or other value
    with 426 and "update Volunteer Kit", where FastAPI's own check would say 422.
    """
    return {
        "name": payload.PROTOCOL_HEADER,
        "in": "header",
        "required": required,
        "schema": {"type": "string", "enum": [str(payload.PROTOCOL)]},
        "description": "The sync protocol the app speaks; another one (or none) is refused with 426.",
    }


def check_protocol(request: Request, *, required: bool = True) -> None:
    sent = request.headers.get(payload.PROTOCOL_HEADER)
    if sent is None and not required:
        return
    if sent != str(payload.PROTOCOL):
        raise HubError(
            426,
            f"This hub speaks sync protocol {payload.PROTOCOL}, the app sent {sent or 'none'}: "
            "update Volunteer Kit.",
            f"Máy chủ dùng giao thức đồng bộ {payload.PROTOCOL}, ứng dụng gửi {sent or 'không có'}: "
            "hãy cập nhật Volunteer Kit.",
            extra={"protocol": payload.PROTOCOL},
        )


def app_version(request: Request) -> str | None:
    """The Volunteer Kit version the request's User-Agent names (recorded for the officer's list)."""
    return enrollment.app_version_of(request.headers.get("user-agent"))


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def read_engine_of(request: Request) -> Engine:
    """The engine of pure reads (pulls, feeds): the read replica when the hub has one (hub serve
    --db-read), else its main engine. A lagging replica only delays what a device is given."""
    engine: Engine | None = getattr(request.app.state, "read_engine", None)
    return engine if engine is not None else engine_of(request)


def bearer_token(
    request: Request,
    _declared: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> str:
    """The request's device token (protocol checked first: an old app hears "update"); no database.

    For push and pull, which look the token up in their worker thread after taking the hub's turn.
    """
    check_protocol(request)
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HubError(
            401,
            "No device token: enroll this device with the hub first.",
            "Chưa có mã truy cập của thiết bị: hãy đăng ký thiết bị với máy chủ trước.",
        )
    return token.strip()


DeviceToken = Annotated[str, Depends(bearer_token)]


async def current_device(request: Request, token: DeviceToken) -> Actor:
    """The enrolled, unrevoked device of the request's token (401 otherwise)."""
    actor = await run_in_threadpool(
        lambda: enrollment.device_for_token(engine_of(request), token, app_version=app_version(request))
    )
    request.state.device_id = actor.device_id
    return actor


CurrentDevice = Annotated[Actor, Depends(current_device)]


def require_role(
    role: str, *, en: str | None = None, vi: str | None = None
) -> Callable[[Actor], Awaitable[Actor]]:
    """A dependency: the current device, refused with 403 (and `en`/`vi` if given) unless it
    was enrolled as `role`."""

    async def device_with_role(actor: CurrentDevice) -> Actor:
        if actor.role != role:
            raise HubError(
                403,
                en or f"Only a device enrolled as {role} may do this.",
                vi or f"Chỉ thiết bị đăng ký với vai trò {role} mới được làm việc này.",
            )
        return actor

    return device_with_role


CurrentOfficer = Annotated[Actor, Depends(require_role("officer"))]
