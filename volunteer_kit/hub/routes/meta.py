"""GET /api/v1/health: is the hub up, which protocol and hub it is (no token needed).

Load balancers call it every few seconds to choose where to send devices, so it tells the truth
cheaply: it answers 200 only when this process reaches its database (one `SELECT 1`, in a worker
thread, given HEALTH_TIMEOUT_S), else 503 with "status": "unavailable". "process" names the
process that answered (several serve one address).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from volunteer_kit import __version__
from volunteer_kit.hub.deps import engine_of
from volunteer_kit.hub.schemas import Health
from volunteer_kit.sync import payload

router = APIRouter(tags=["meta"])

HEALTH_TIMEOUT_S = 2.0


def _database_answers(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return True
    except (SQLAlchemyError, OSError):
        return False


_UNAVAILABLE: dict[int | str, dict[str, Any]] = {
    503: {"model": Health, "description": "This process cannot reach its database: send devices elsewhere."}
}


@router.get("/health", response_model=Health, responses=_UNAVAILABLE)
async def health(request: Request) -> Any:
    body = {
        "status": "ok",
        "protocol": payload.PROTOCOL,
        "hub_id": request.app.state.hub_id,
        "version": __version__,
        "process": os.getpid(),
    }
    try:
        check = run_in_threadpool(_database_answers, engine_of(request))
        ok = await asyncio.wait_for(check, HEALTH_TIMEOUT_S)
    except TimeoutError:
        ok = False
    if ok:
        return body
    return JSONResponse(
        body
        | {
            "status": "unavailable",
            "detail": "The hub cannot reach its database.",
            "detail_vi": "Máy chủ không kết nối được cơ sở dữ liệu.",
        },
        status_code=503,
    )
