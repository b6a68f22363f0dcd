"""The hub's HTTP app (docs/sync-protocol.md): the factory, the error handlers, and the routers
of hub.routes (enroll, sync, packs, bundles, verify, admin) included under /api/v1."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from volunteer_kit import __version__, paths
from volunteer_kit.hub import web
from volunteer_kit.hub.accesslog import AccessLogMiddleware
from volunteer_kit.hub.db import hub_id as read_hub_id
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.gate import Gate
from volunteer_kit.hub.routes import admin, bundles, enroll, meta, packs, sync, verify
from volunteer_kit.sync import payload

log = logging.getLogger("volunteer_kit.hub")

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
    """Every refusal as hub.schemas.ErrorBody: {"detail": English, "detail_vi": Vietnamese, ...}."""

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


def create_app(
    engine: Engine,
    *,
    access_log: bool = True,
    data_dir: Path | None = None,
    gate: Gate | None = None,
    read_engine: Engine | None = None,
) -> FastAPI:
    """The hub's app on `engine`. Pulls may read from `read_engine` (a PostgreSQL replica; default:
    `engine`). Pack archives live in the database; `data_dir` (default: the data folder) is only
    where archives published before they did may still lie."""
    app = FastAPI(
        title="Volunteer Kit hub",
        version=__version__,
        openapi_url=f"{payload.API}/openapi.json",
        docs_url=f"{payload.API}/docs",
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.read_engine = read_engine or engine
    app.state.hub_id = read_hub_id(engine)
    app.state.data_dir = data_dir or paths.data_dir()
    app.state.gate = gate or Gate()
    _install_error_handlers(app)
    # Level 1, as the client sends: a quarter of the work of the default 9 for a pull page ~15 %
    # larger (still ~6x smaller than the JSON); when many devices sync at once, the hub's CPU is
    # what they wait for.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=1)
    if access_log:
        app.add_middleware(AccessLogMiddleware)
    for area in (meta, enroll, sync, packs, bundles, admin):
        app.include_router(area.router, prefix=payload.API)
    app.include_router(verify.router)
    web.install(app)  # the province dashboard at /province/, when jinja2 and argon2 are installed
    return app
