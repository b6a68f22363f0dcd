"""POST /api/v1/bundle: an offline bundle relayed by an enrolled device of the same commune."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from volunteer_kit.hub import bundles
from volunteer_kit.hub.deps import CurrentDevice, engine_of, protocol_parameter, read_body
from volunteer_kit.hub.schemas import BundleAnswer, error_responses, ok_response
from volunteer_kit.sync.bundle_format import MAX_BUNDLE_FILE_BYTES

router = APIRouter(tags=["bundles"])


@router.post(
    "/bundle",
    response_model=None,
    responses=ok_response(BundleAnswer, "One result per record of the bundle, in order.")
    | error_responses(401, 403, 413, 415, 422, 426, 503),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        },
        "parameters": [protocol_parameter()],
    },
)
async def bundle(request: Request, actor: CurrentDevice) -> dict[str, Any]:
    content = await read_body(request, MAX_BUNDLE_FILE_BYTES)
    # Sizes, entries and ratio, before a turn is taken: a zip bomb is refused having cost nothing.
    bundles.check_bundle_file(content)
    async with request.app.state.gate.turn():
        loaded = await run_in_threadpool(bundles.load_bundle, content)
        return await run_in_threadpool(lambda: bundles.apply_bundle(engine_of(request), loaded, relay=actor))
