"""Push, pull and conflicts under /api/v1 (docs/sync-protocol.md).

Push and pull take the token as it is (DeviceToken, no database) and look its device up in
their worker thread, after the hub has given them a turn (hub.gate): a device told "busy"
has cost the hub nothing.

Pulls and conflict lists read from `app.state.read_engine` (a read replica with hub serve
--db-read, else the main engine); the token is always looked up on the main database, which is
written (last contact) and must know a device enrolled or revoked a moment ago.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from volunteer_kit.hub import enrollment
from volunteer_kit.hub import pull as hub_pull
from volunteer_kit.hub import push as hub_push
from volunteer_kit.hub.deps import (
    MAX_CURSOR,
    DeviceToken,
    app_version,
    engine_of,
    parse_json,
    protocol_parameter,
    read_body,
    read_engine_of,
    require_role,
)
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.schemas import ConflictsPage, PullPage, PushAnswer, error_responses, ok_response
from volunteer_kit.sync import payload

router = APIRouter(tags=["sync"])

# A record as docs/sync-protocol.md gives it; hub.push checks each one and answers a record that
# breaks this (or the models) with "rejected" in its result, not by refusing the push.
_PUSH_RECORD = {
    "type": "object",
    "required": ["table", "id", "commune_code", "hash", "data"],
    "properties": {
        "table": {"type": "string", "enum": sorted(payload.EDITABLE_TABLES | payload.FACT_TABLES)},
        "id": {"type": "string", "maxLength": 36},
        "commune_code": {"type": "string"},
        "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 of canonical data"},
        "base_seq": {"type": ["integer", "null"], "description": "The seq of the version edited"},
        "data": {"type": "object", "description": "The row: every column of the table"},
    },
}
_PUSH_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["device_id", "records"],
                "properties": {
                    "device_id": {"type": "string", "description": "The token's device"},
                    "records": {"type": "array", "items": _PUSH_RECORD, "maxItems": payload.MAX_PUSH_RECORDS},
                },
            }
        }
    },
}

ConflictsOfficer = Annotated[
    Actor,
    Depends(
        require_role(
            "officer",
            en="Only the commune's officers may see conflicts.",
            vi="Chỉ cán bộ xã mới được xem các xung đột.",
        )
    ),
]


def _push(
    engine: Engine, token: str, body: bytes, version: str | None = None
) -> tuple[Actor, list[dict[str, Any]]]:
    """A push's device and body checked, and its records applied (in a worker thread)."""
    actor = enrollment.device_for_token(engine, token, app_version=version)
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
    return actor, hub_push.apply_records(engine, actor, records)


def _pull(
    engine: Engine, reader: Engine, token: str, after: int, limit: int, version: str | None = None
) -> tuple[Actor, tuple[str, int, bool]]:
    actor = enrollment.device_for_token(engine, token, app_version=version)
    return actor, hub_pull.pull_page(reader, commune_code=actor.commune_code, after=after, limit=limit)


@router.post(
    "/push",
    response_model=None,
    responses=ok_response(PushAnswer, "One result per record, in the order sent.")
    | error_responses(401, 403, 413, 415, 422, 426, 503),
    openapi_extra={"requestBody": _PUSH_BODY, "parameters": [protocol_parameter()]},
)
async def push(request: Request, token: DeviceToken) -> Response:
    # The body is read and the hub's turn taken before anything touches the database, so a
    # device told "busy" has cost the hub nothing; then one worker thread does the rest.
    body = await read_body(request, payload.MAX_BODY_BYTES)
    async with request.app.state.gate.turn():
        actor, results = await run_in_threadpool(_push, engine_of(request), token, body, app_version(request))
    request.state.device_id = actor.device_id
    # Written directly: FastAPI's encoder walks every result dict in Python first.
    return Response(json.dumps({"results": results}).encode(), media_type="application/json")


@router.get(
    "/pull",
    response_model=None,
    responses=ok_response(PullPage, "A page of the commune's records after the cursor.")
    | error_responses(401, 403, 422, 426, 503),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def pull(
    request: Request,
    token: DeviceToken,
    after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=payload.MAX_PULL_LIMIT)] = payload.MAX_PULL_LIMIT,
) -> Response:
    async with request.app.state.gate.turn():
        actor, (items, last, more) = await run_in_threadpool(
            _pull, engine_of(request), read_engine_of(request), token, after, limit, app_version(request)
        )
    request.state.device_id = actor.device_id
    body = f'{{"records":[{items}],"next":{last},"more":{"true" if more else "false"}}}'
    return Response(body.encode("utf-8"), media_type="application/json")


@router.get(
    "/conflicts",
    response_model=None,
    responses=ok_response(ConflictsPage, "A page of the commune's conflicts, in id order.")
    | error_responses(401, 403, 422, 426),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def conflicts(
    request: Request,
    actor: ConflictsOfficer,
    after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=hub_pull.MAX_CONFLICTS_PAGE)] = hub_pull.MAX_CONFLICTS_PAGE,
) -> dict[str, Any]:
    found, more = await run_in_threadpool(
        lambda: hub_pull.list_conflicts(
            read_engine_of(request), commune_code=actor.commune_code, after=after, limit=limit
        )
    )
    return {"conflicts": found, "more": more}
