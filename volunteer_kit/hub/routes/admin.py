"""Officer endpoints of the hub (role-checked with deps.require_role, scoped to the officer's
commune): the erasure audit trail and approving an erasure that waits (hub.erasures); enrollment
codes, devices and their revocation, and the commune's figures (hub.admin)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from volunteer_kit.hub import admin, erasures
from volunteer_kit.hub.deps import engine_of, parse_json, protocol_parameter, read_body, require_role
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.hub.schemas import (
    CodeCancelled,
    CodeMade,
    CodeRequest,
    CommuneStats,
    DeviceEntry,
    DevicesList,
    ErasureEntry,
    ErasuresPage,
    ErrorBody,
    OpenCodes,
    RevokeRequest,
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


# ---------------------------------------------------------------- commune administration

AdminOfficer = Annotated[
    Actor,
    Depends(
        require_role(
            "officer",
            en="Only the commune's officers may manage its laptops and enrollment codes.",
            vi="Chỉ cán bộ xã mới được quản lý máy và mã đăng ký của xã.",
        )
    ),
]
# Ids of codes and devices are UUIDs (lower case, with hyphens): anything else is a 422.
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
CodeId = Annotated[str, Path(min_length=36, max_length=36, pattern=UUID_PATTERN)]
DeviceId = Annotated[str, Path(min_length=36, max_length=36, pattern=UUID_PATTERN)]


def _json_body(model: type[BaseModel]) -> dict[str, Any]:
    """A JSON request body as `model` describes it, for `openapi_extra` (hub.admin checks it with
    one-line reasons in both languages, so FastAPI does not)."""
    return {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}


async def _document(request: Request) -> Any:
    return parse_json(await read_body(request, admin.MAX_BODY), max_depth=2)


def _described(
    model: type[BaseModel], description: str, status: int = 200
) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": model, "description": description}}


_TOO_MANY_CODES: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "The commune holds too many open codes already."}
}
_OWN_DEVICE: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "The officer's own laptop (the hub operator revokes it)."}
}


@router.post(
    "/admin/codes",
    status_code=201,
    response_model=None,
    responses=_described(CodeMade, "The new one-time code, shown this once.", 201)
    | error_responses(401, 403, 413, 415, 422, 426)
    | _TOO_MANY_CODES,
    openapi_extra={"requestBody": _json_body(CodeRequest), "parameters": [protocol_parameter()]},
)
async def make_code(request: Request, officer: AdminOfficer) -> JSONResponse:
    """A one-time enrollment code for a volunteer's or trainer's laptop of the officer's commune."""
    role, hours = admin.code_request(await _document(request))
    made = await run_in_threadpool(admin.make_code, engine_of(request), officer, role, hours)
    return JSONResponse(made, status_code=201)


@router.get(
    "/admin/codes",
    response_model=None,
    responses=ok_response(OpenCodes, "The commune's open codes, newest first (never the code itself).")
    | error_responses(401, 403, 426),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def list_codes(request: Request, officer: AdminOfficer) -> dict[str, Any]:
    found = await run_in_threadpool(admin.list_codes, engine_of(request), officer)
    return {"codes": found}


@router.delete(
    "/admin/codes/{code_id}",
    response_model=None,
    responses=ok_response(CodeCancelled, "The code can no longer enroll a laptop.")
    | error_responses(401, 403, 404, 422, 426),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def cancel_code(request: Request, officer: AdminOfficer, code_id: CodeId) -> dict[str, Any]:
    """Cancel an open code of the officer's commune (404: used, expired, cancelled, or not the commune's)."""
    return await run_in_threadpool(admin.cancel_code, engine_of(request), officer, code_id)


@router.get(
    "/admin/devices",
    response_model=None,
    responses=ok_response(DevicesList, "Every device of the commune, revoked ones included.")
    | error_responses(401, 403, 426),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def list_devices(request: Request, officer: AdminOfficer) -> dict[str, Any]:
    found = await run_in_threadpool(admin.list_devices, engine_of(request), officer)
    return {"devices": found}


@router.post(
    "/admin/devices/{device_id}/revoke",
    response_model=None,
    responses=ok_response(DeviceEntry, "The device, revoked (its first revocation, if revoked already).")
    | error_responses(401, 403, 404, 413, 415, 422, 426)
    | _OWN_DEVICE,
    openapi_extra={"requestBody": _json_body(RevokeRequest), "parameters": [protocol_parameter()]},
)
async def revoke_device(request: Request, officer: AdminOfficer, device_id: DeviceId) -> dict[str, Any]:
    """Revoke a lost or stolen volunteer's or trainer's laptop of the commune, with a reason its
    user is told at its next contact."""
    reason = admin.revoke_reason(await _document(request))
    return await run_in_threadpool(admin.revoke, engine_of(request), officer, device_id, reason)


@router.get(
    "/admin/stats",
    response_model=None,
    responses=ok_response(CommuneStats, "The commune's records per kind, per device and per week.")
    | error_responses(401, 403, 422, 426),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def stats(
    request: Request,
    officer: AdminOfficer,
    weeks: Annotated[int, Query(ge=1, le=admin.MAX_WEEKS)] = admin.DEFAULT_WEEKS,
) -> dict[str, Any]:
    return await run_in_threadpool(admin.commune_stats, engine_of(request), officer, weeks)
