"""Officer endpoints of the hub (role-checked with deps.CurrentOfficer, scoped to the officer's
commune): the erasure audit trail, and approving an erasure that waits (hub.erasures)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from volunteer_kit.hub import erasures
from volunteer_kit.hub.deps import engine_of, protocol_parameter, require_role
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.hub.schemas import (
    ErasureEntry,
    ErasuresPage,
    ErrorBody,
    error_responses,
    ok_response,
)

router = APIRouter(tags=["admin"])

ErasureOfficer = Annotated[
    Actor,
    Depends(
        require_role(
            "officer",
            en="Only the commune's officers may see and approve erasures.",
            vi="Chỉ cán bộ xã mới được xem và duyệt việc xoá dữ liệu.",
        )
    ),
]
MAX_ID = 2**63 - 1


@router.get(
    "/erasures",
    response_model=None,
    responses=ok_response(ErasuresPage, "A page of the commune's erasures, oldest first.")
    | error_responses(401, 403, 422, 426),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def list_erasures(
    request: Request,
    officer: ErasureOfficer,
    after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=erasures.MAX_PAGE)] = erasures.MAX_PAGE,
) -> dict[str, Any]:
    """The commune's erasures, oldest first: applied ones (the audit trail) and waiting ones."""
    found, more = await run_in_threadpool(
        lambda: erasures.list_erasures(
            engine_of(request), commune_code=officer.commune_code, after=after, limit=limit
        )
    )
    return {"erasures": found, "more": more}


_NOT_WAITING: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "The erasure is not waiting, or can no longer be applied."}
}


@router.post(
    "/erasures/{erasure_id}/approve",
    response_model=None,
    responses=ok_response(ErasureEntry, "The erasure, applied: its entry in the trail.")
    | error_responses(401, 403, 404, 422, 426)
    | _NOT_WAITING,
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def approve_erasure(
    request: Request, officer: ErasureOfficer, erasure_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> dict[str, Any]:
    """Apply a waiting erasure of the officer's commune; answers its entry in the trail."""
    return await run_in_threadpool(
        lambda: erasures.approve(
            engine_of(request), erasure_id, approver=officer.device_id, commune_code=officer.commune_code
        )
    )
