"""GET /api/v1/health: is the hub up, which protocol and hub it is (no token needed)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from volunteer_kit import __version__
from volunteer_kit.hub.schemas import Health
from volunteer_kit.sync import payload

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=Health)
def health(request: Request) -> dict[str, Any]:
    return {
        "status": "ok",
        "protocol": payload.PROTOCOL,
        "hub_id": request.app.state.hub_id,
        "version": __version__,
    }
