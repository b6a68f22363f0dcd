"""The lesson-pack feed and pack files a device downloads (docs/sync-protocol.md "Lesson packs");
the files come from the database, so any hub process serves any pack."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from volunteer_kit.hub import packs as hub_packs
from volunteer_kit.hub.deps import MAX_CURSOR, CurrentDevice, engine_of, protocol_parameter, read_engine_of
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.schemas import PacksFeed, error_responses, ok_response

router = APIRouter(tags=["packs"])


_PACK_FILE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The pack archive, as published.",
        "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        "headers": {
            "X-VK-SHA256": {"description": "The archive's SHA-256, as asked.", "schema": {"type": "string"}}
        },
    }
}


@router.get(
    "/packs",
    response_model=None,
    responses=ok_response(PacksFeed, "The commune's publications and trusted keys after the cursor.")
    | error_responses(401, 403, 422, 426),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def packs(
    request: Request,
    actor: CurrentDevice,
    after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=hub_packs.MAX_FEED_PAGE)] = hub_packs.MAX_FEED_PAGE,
) -> dict[str, Any]:
    return await run_in_threadpool(
        lambda: hub_packs.feed_page(
            read_engine_of(request), commune_code=actor.commune_code, after=after, limit=limit
        )
    )


@router.get(
    "/packs/file/{sha256}",
    response_class=StreamingResponse,
    responses=_PACK_FILE | error_responses(401, 403, 404, 422, 426),
    openapi_extra={"parameters": [protocol_parameter()]},
)
async def pack_file(request: Request, actor: CurrentDevice, sha256: str) -> Response:
    engine, data_dir = engine_of(request), request.app.state.data_dir
    stored = await run_in_threadpool(
        lambda: hub_packs.pack_file(engine, data_dir, sha256, commune_code=actor.commune_code)
    )
    if stored is None:
        raise HubError(
            404,
            "No lesson pack with this SHA-256 is published to this device's commune.",
            "Không có gói bài học nào với mã SHA-256 này được phát hành cho xã của thiết bị.",
        )
    headers = {"X-VK-SHA256": sha256}
    # application/zip: the gzip middleware leaves it as it is (a pack is compressed already).
    if stored.path is not None:  # this machine's verified copy
        return FileResponse(stored.path, media_type="application/zip", headers=headers)
    # Streamed from the database a chunk at a time (starlette iterates it in a worker thread),
    # and kept on this machine's disk for the next device.
    return StreamingResponse(
        hub_packs.archive_chunks(engine, sha256, keep_in=data_dir),
        media_type="application/zip",
        headers=headers | {"Content-Length": str(stored.size)},
    )
