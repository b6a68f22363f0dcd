"""The hub's HTTP API under /api/v1 (docs/sync-protocol.md): app factory, dependencies, routes.

Handlers read and check the request, then call hub.crud in a worker thread; no SQL here.
"""

from __future__ import annotations

import json
import logging
import math
import time
import zlib
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError, field_validator
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from volunteer_kit import __version__, paths
from volunteer_kit.hub import bundles, crud
from volunteer_kit.hub import packs as hub_packs
from volunteer_kit.hub.accesslog import AccessLogMiddleware
from volunteer_kit.hub.db import hub_id as read_hub_id
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.gate import Gate
from volunteer_kit.sync import payload
from volunteer_kit.sync.bundle_format import MAX_BUNDLE_FILE_BYTES, load_public_key

MAX_CERTIFICATE_CODE = 1000  # a certificate payload is a few hundred characters

log = logging.getLogger("volunteer_kit.hub")

MAX_ENROLL_BODY = 16 * 1024
ENROLL_ATTEMPTS = 10
ENROLL_WINDOW_S = 60.0


# ---------------------------------------------------------------- wire shapes


class EnrollRequest(BaseModel):
    code: str = Field(min_length=1, max_length=40)
    device_id: str = Field(min_length=1, max_length=36)
    label: str = Field(default="", max_length=100)
    public_key: str = Field(min_length=1, max_length=64)

    @field_validator("public_key")
    @classmethod
    def _is_ed25519(cls, value: str) -> str:
        try:
            load_public_key(value)
        except (ValueError, TypeError) as exc:
            raise ValueError("not an Ed25519 public key (32 bytes, base64)") from exc
        return value


class EnrollAnswer(BaseModel):
    token: str
    device_id: str
    commune_code: str
    commune_name: str
    province_code: str
    role: str
    hub_id: str
    protocol: int


class Health(BaseModel):
    status: str
    protocol: int
    hub_id: str
    version: str


# ---------------------------------------------------------------- request helpers


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


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HubError(
            422, f"The body is not valid JSON ({exc}).", f"Nội dung không phải JSON hợp lệ ({exc})."
        ) from exc


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


def engine_of(request: Request) -> Engine:
    return request.app.state.engine


def bearer_token(request: Request) -> str:
    """The request's device token (protocol checked first: an old app hears "update"); no database."""
    check_protocol(request)
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HubError(
            401,
            "No device token: enroll this device with the hub first.",
            "Chưa có mã truy cập của thiết bị: hãy đăng ký thiết bị với máy chủ trước.",
        )
    return token.strip()


async def current_device(request: Request) -> crud.Actor:
    """The device of the request's token."""
    actor = await run_in_threadpool(crud.device_for_token, engine_of(request), bearer_token(request))
    request.state.device_id = actor.device_id
    return actor


DeviceDep = Annotated[crud.Actor, Depends(current_device)]


class AttemptLimiter:
    """At most `attempts` per `window` seconds per client address (in this hub process)."""

    def __init__(self, attempts: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.attempts = attempts
        self.window = window
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}

    def check(self, address: str) -> None:
        now = self.clock()
        times = self._seen.setdefault(address, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) >= self.attempts:
            wait = max(1, math.ceil(times[0] + self.window - now))
            raise HubError(
                429,
                f"Too many enrollment attempts; try again in {wait} s.",
                f"Thử đăng ký quá nhiều lần; hãy thử lại sau {wait} giây.",
                headers={"Retry-After": str(wait)},
            )
        times.append(now)
        if len(self._seen) > 10_000:  # forget idle addresses
            for key in [k for k, v in self._seen.items() if not v or v[-1] <= now - self.window]:
                del self._seen[key]


# ---------------------------------------------------------------- errors

_VI_BY_STATUS = {
    400: "Yêu cầu không hợp lệ.",
    401: "Chưa xác thực.",
    403: "Không được phép.",
    404: "Không tìm thấy.",
    405: "Phương thức không được hỗ trợ.",
    413: "Yêu cầu quá lớn.",
    422: "Yêu cầu không hợp lệ.",
    429: "Quá nhiều yêu cầu.",
}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HubError)
    async def _hub_error(_request: Request, exc: HubError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"detail": str(exc.detail), "detail_vi": _VI_BY_STATUS.get(exc.status_code, "Lỗi.")},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()
        )
        return JSONResponse(
            {"detail": f"Invalid request: {problems}", "detail_vi": f"Yêu cầu không hợp lệ: {problems}"},
            status_code=422,
        )

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {
                "detail": "Internal error; see the hub's log.",
                "detail_vi": "Lỗi máy chủ; xem nhật ký máy chủ.",
            },
            status_code=500,
        )


# ---------------------------------------------------------------- the app


def _push(engine: Engine, token: str, body: bytes) -> tuple[crud.Actor, list[dict[str, Any]]]:
    """A push's device and body checked, and its records applied (in a worker thread)."""
    actor = crud.device_for_token(engine, token)
    document = parse_json(body)
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        raise HubError(
            422,
            "A push is an object with a records list.",
            "Yêu cầu gửi phải là đối tượng có danh sách records.",
        )
    if document.get("device_id") != actor.device_id:
        raise HubError(
            403,
            "The push names another device than the token's.",
            "Yêu cầu gửi ghi tên thiết bị khác với mã truy cập.",
        )
    records = document["records"]
    if len(records) > payload.MAX_PUSH_RECORDS:
        raise HubError(
            413,
            f"Too many records in one push (at most {payload.MAX_PUSH_RECORDS}).",
            f"Quá nhiều bản ghi trong một lần gửi (tối đa {payload.MAX_PUSH_RECORDS}).",
        )
    return actor, crud.apply_records(engine, actor, records)


def _pull(engine: Engine, token: str, after: int, limit: int) -> tuple[crud.Actor, tuple[str, int, bool]]:
    actor = crud.device_for_token(engine, token)
    return actor, crud.pull_page(engine, commune_code=actor.commune_code, after=after, limit=limit)


def create_app(
    engine: Engine, *, access_log: bool = True, data_dir: Path | None = None, gate: Gate | None = None
) -> FastAPI:
    """The hub's app on `engine`; published pack files are read from `data_dir` (default: the data folder)."""
    app = FastAPI(
        title="Volunteer Kit hub",
        version=__version__,
        openapi_url=f"{payload.API}/openapi.json",
        docs_url=f"{payload.API}/docs",
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.hub_id = read_hub_id(engine)
    app.state.data_dir = data_dir or paths.data_dir()
    app.state.enroll_limiter = AttemptLimiter(ENROLL_ATTEMPTS, ENROLL_WINDOW_S)
    app.state.gate = gate or Gate()
    _install_error_handlers(app)
    # Level 1, as the client sends: a quarter of the work of the default 9 for a pull page ~15 %
    # larger (still ~6x smaller than the JSON); when many devices sync at once, the hub's CPU is
    # what they wait for.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=1)
    if access_log:
        app.add_middleware(AccessLogMiddleware)

    @app.get(f"{payload.API}/health", response_model=Health)
    def health(request: Request) -> dict[str, Any]:
        return {
            "status": "ok",
            "protocol": payload.PROTOCOL,
            "hub_id": request.app.state.hub_id,
            "version": __version__,
        }

    @app.get("/v/{code}", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/V/{code}", response_class=HTMLResponse, include_in_schema=False)
    def verify_certificate(request: Request, code: str) -> HTMLResponse:
        """The page a phone opens from a certificate's QR code (no login: anyone may check)."""
        from volunteer_kit.hub import verify_page

        if len(code) > MAX_CERTIFICATE_CODE:
            verdict = verify_page.verify_payload("", {})
        else:
            verdict = verify_page.check(engine_of(request), code)
        name = crud.commune_name(engine_of(request), verdict.data.commune_code) if verdict.data else None
        return HTMLResponse(verify_page.page(verdict, commune_name=name))

    @app.post(
        f"{payload.API}/enroll",
        response_model=EnrollAnswer,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": EnrollRequest.model_json_schema()}},
            }
        },
    )
    async def enroll(request: Request) -> dict[str, Any]:
        check_protocol(request, required=False)
        address = request.client.host if request.client else "?"
        request.app.state.enroll_limiter.check(address)
        try:
            wanted = EnrollRequest.model_validate(parse_json(await read_body(request, MAX_ENROLL_BODY)))
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise HubError(
                422, f"Invalid enrollment: {problems}", f"Yêu cầu đăng ký không hợp lệ: {problems}"
            ) from exc
        answer = await run_in_threadpool(
            lambda: crud.enroll_device(
                engine_of(request),
                code=wanted.code,
                device_id=wanted.device_id,
                label=wanted.label,
                public_key=wanted.public_key,
                hub_id=request.app.state.hub_id,
            )
        )
        request.state.device_id = wanted.device_id
        return answer

    @app.post(
        f"{payload.API}/push",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["device_id", "records"],
                            "properties": {
                                "device_id": {"type": "string"},
                                "records": {"type": "array", "items": {"type": "object"}},
                            },
                        }
                    }
                },
            }
        },
    )
    async def push(request: Request) -> Response:
        # The body is read and the hub's turn taken before anything touches the database, so a
        # device told "busy" has cost the hub nothing; then one worker thread does the rest.
        token = bearer_token(request)
        body = await read_body(request, payload.MAX_BODY_BYTES)
        async with request.app.state.gate.turn():
            actor, results = await run_in_threadpool(_push, engine_of(request), token, body)
        request.state.device_id = actor.device_id
        # Written directly: FastAPI's encoder walks every result dict in Python first.
        return Response(json.dumps({"results": results}).encode(), media_type="application/json")

    @app.get(f"{payload.API}/pull")
    async def pull(
        request: Request,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=payload.MAX_PULL_LIMIT)] = payload.MAX_PULL_LIMIT,
    ) -> Response:
        token = bearer_token(request)
        async with request.app.state.gate.turn():
            actor, (items, last, more) = await run_in_threadpool(
                _pull, engine_of(request), token, after, limit
            )
        request.state.device_id = actor.device_id
        body = f'{{"records":[{items}],"next":{last},"more":{"true" if more else "false"}}}'
        return Response(body.encode("utf-8"), media_type="application/json")

    @app.get(f"{payload.API}/conflicts")
    async def conflicts(
        request: Request,
        actor: DeviceDep,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=crud.MAX_CONFLICTS_PAGE)] = crud.MAX_CONFLICTS_PAGE,
    ) -> dict[str, Any]:
        if actor.role != "officer":
            raise HubError(
                403,
                "Only the commune's officers may see conflicts.",
                "Chỉ cán bộ xã mới được xem các xung đột.",
            )
        found, more = await run_in_threadpool(
            lambda: crud.list_conflicts(
                engine_of(request), commune_code=actor.commune_code, after=after, limit=limit
            )
        )
        return {"conflicts": found, "more": more}

    @app.get(f"{payload.API}/packs")
    async def packs(
        request: Request,
        actor: DeviceDep,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=hub_packs.MAX_FEED_PAGE)] = hub_packs.MAX_FEED_PAGE,
    ) -> dict[str, Any]:
        return await run_in_threadpool(
            lambda: hub_packs.feed_page(
                engine_of(request), commune_code=actor.commune_code, after=after, limit=limit
            )
        )

    @app.get(f"{payload.API}/packs/file/{{sha256}}", response_class=FileResponse)
    async def pack_file(request: Request, actor: DeviceDep, sha256: str) -> FileResponse:
        path = await run_in_threadpool(
            lambda: hub_packs.pack_file(
                engine_of(request), request.app.state.data_dir, sha256, commune_code=actor.commune_code
            )
        )
        if path is None:
            raise HubError(
                404,
                "No lesson pack with this SHA-256 is published to this device's commune.",
                "Không có gói bài học nào với mã SHA-256 này được phát hành cho xã của thiết bị.",
            )
        # application/zip: the gzip middleware leaves it as it is (a pack is compressed already).
        return FileResponse(path, media_type="application/zip", headers={"X-VK-SHA256": sha256})

    @app.post(
        f"{payload.API}/bundle",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        },
    )
    async def bundle(request: Request, actor: DeviceDep) -> dict[str, Any]:
        content = await read_body(request, MAX_BUNDLE_FILE_BYTES)
        async with request.app.state.gate.turn():
            loaded = await run_in_threadpool(bundles.load_bundle, content)
            return await run_in_threadpool(
                lambda: bundles.apply_bundle(engine_of(request), loaded, relay=actor)
            )

    return app
