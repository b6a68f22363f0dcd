"""POST /api/v1/enroll: a device trades a one-time enrollment code for its token (no token needed)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from volunteer_kit.hub import enrollment
from volunteer_kit.hub.deps import check_protocol, engine_of, parse_json, protocol_parameter, read_body
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.schemas import EnrollAnswer, EnrollRequest, error_responses

MAX_ENROLL_BODY = 16 * 1024
# The request is one flat object; anything deeper is refused before it is parsed.
MAX_ENROLL_DEPTH = 2

router = APIRouter(tags=["enroll"])


@router.post(
    "/enroll",
    response_model=EnrollAnswer,
    responses=error_responses(403, 409, 413, 415, 422, 426, 429),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": EnrollRequest.model_json_schema()}},
        },
        "parameters": [protocol_parameter(required=False)],
    },
)
async def enroll(request: Request) -> dict[str, Any]:
    # The body is read by hand (not as a pydantic parameter): the client's refusals are counted
    # first, then the body bounded in size and depth, before anything is parsed or looked up.
    check_protocol(request, required=False)
    engine = engine_of(request)
    # The address uvicorn gives: the real client's when --forwarded-allow-ips trusts the proxy.
    client = enrollment.client_key(request.client.host if request.client else None)
    await run_in_threadpool(enrollment.check_attempts, engine, client)
    try:
        wanted = _enroll_request(await read_body(request, MAX_ENROLL_BODY))
    except HubError as refused:
        await run_in_threadpool(enrollment.record_refusal, engine, client=client, status=refused.status)
        raise
    answer = await run_in_threadpool(
        lambda: enrollment.enroll_device(
            engine,
            code=wanted.code,
            device_id=wanted.device_id,
            label=wanted.label,
            public_key=wanted.public_key,
            proof=wanted.proof,
            hub_id=request.app.state.hub_id,
            client=client,
        )
    )
    request.state.device_id = wanted.device_id
    return answer


def _enroll_request(body: bytes) -> EnrollRequest:
    try:
        return EnrollRequest.model_validate(parse_json(body, max_depth=MAX_ENROLL_DEPTH))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise HubError(
            422, f"Invalid enrollment: {problems}", f"Yêu cầu đăng ký không hợp lệ: {problems}"
        ) from exc
