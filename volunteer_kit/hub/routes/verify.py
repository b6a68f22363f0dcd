"""GET /v/{code}: the page a phone opens from a certificate's QR code (no login: anyone may check)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from volunteer_kit.hub import enrollment
from volunteer_kit.hub.deps import engine_of

MAX_CERTIFICATE_CODE = 1000  # a certificate payload is a few hundred characters

router = APIRouter(include_in_schema=False)


@router.get("/v/{code}", response_class=HTMLResponse)
@router.get("/V/{code}", response_class=HTMLResponse)
def verify_certificate(request: Request, code: str) -> HTMLResponse:
    from volunteer_kit.certificates.payload import verify_payload
    from volunteer_kit.hub import verify_page

    if len(code) > MAX_CERTIFICATE_CODE:
        verdict = verify_payload("", {})
    else:
        verdict = verify_page.check(engine_of(request), code)
    name = enrollment.commune_name(engine_of(request), verdict.data.commune_code) if verdict.data else None
    return HTMLResponse(verify_page.page(verdict, commune_name=name), headers=verify_page.HEADERS)
