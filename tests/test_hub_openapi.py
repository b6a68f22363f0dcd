"""The hub's /openapi.json states its real answers: the bearer scheme on the device's routes,
and each refusal (401/403/413/415/422/426/429/503) with the body the hub really sends."""

from __future__ import annotations

import requests
import test_hub_support
from test_hub_support import HEADERS, Hub

# The fixtures, by name (each test runs on SQLite, and on PostgreSQL when set).
hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url

ERROR_BODY_REF = "#/components/schemas/ErrorBody"


def _spec(hub: Hub) -> dict:
    r = requests.get(f"{hub.api}/openapi.json", timeout=5)
    assert r.status_code == 200, r.text
    return r.json()


def _bearer_schemes(spec: dict) -> set[str]:
    schemes = spec["components"]["securitySchemes"]
    return {name for name, s in schemes.items() if s["type"] == "http" and s["scheme"] == "bearer"}


def test_device_routes_declare_the_bearer_scheme_and_open_ones_do_not(hub: Hub) -> None:
    spec = _spec(hub)
    bearer = _bearer_schemes(spec)
    assert bearer
    paths = spec["paths"]
    for path, method in [
        ("push", "post"),
        ("pull", "get"),
        ("conflicts", "get"),
        ("packs", "get"),
        ("bundle", "post"),
    ]:
        security = paths[f"/api/v1/{path}"][method].get("security", [])
        assert any(bearer & set(s) for s in security), (path, security)
    for path, method in [("health", "get"), ("enroll", "post")]:
        assert not paths[f"/api/v1/{path}"][method].get("security"), path


def test_refusals_are_declared_with_the_error_body(hub: Hub) -> None:
    spec = _spec(hub)
    expected = {
        ("push", "post"): {401, 403, 413, 415, 422, 426, 503},
        ("pull", "get"): {401, 422, 426, 503},
        ("conflicts", "get"): {401, 403, 422, 426},
        ("bundle", "post"): {401, 403, 413, 415, 422, 426, 503},
        ("enroll", "post"): {403, 413, 415, 422, 429},
    }
    for (path, method), statuses in expected.items():
        responses = spec["paths"][f"/api/v1/{path}"][method]["responses"]
        for status in statuses:
            schema = responses[str(status)]["content"]["application/json"]["schema"]
            assert schema == {"$ref": ERROR_BODY_REF}, (path, status, schema)
    body = spec["components"]["schemas"]["ErrorBody"]
    assert set(body["required"]) == {"detail", "detail_vi"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # FastAPI's 422 is not ours


def test_real_refusals_match_the_declared_error_body(hub: Hub) -> None:
    from volunteer_kit.hub.schemas import ErrorBody

    no_token = requests.get(f"{hub.api}/pull", headers=HEADERS, timeout=5)
    old_app = requests.get(f"{hub.api}/pull", timeout=5)
    bad_query = requests.get(f"{hub.api}/pull", params={"after": -1}, headers=hub.enroll().auth, timeout=5)
    for r, status in [(no_token, 401), (old_app, 426), (bad_query, 422)]:
        assert r.status_code == status, r.text
        ErrorBody.model_validate(r.json())
