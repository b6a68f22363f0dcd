"""Schemathesis against the hub's own /openapi.json (issue 14): every operation a real hub serves,
called as an enrolled volunteer and as an officer, answers with no server error and only with what
its OpenAPI description declares (status code, content type, headers, body schema).

Each operation gets a bounded, deterministic run: Schemathesis' coverage cases (boundary and
invalid values of every declared parameter), then Hypothesis examples of valid and invalid
requests. Push and bundle bodies are built here as a device would send them (its device id, a
row of a real table with a few columns replaced by hostile values, the hash of that data, a
bundle signed with the device's key), so they reach the hub's checks of each record instead of
stopping at the first one. See docs/security.md, "Fuzzing the hub".

The operations are walked here, one test per database and role, rather than through
`schemathesis.pytest.from_fixture`: with pytest 9 that loader fails (it sets `Function._nodeid`).
"""

from __future__ import annotations

import io
import json
import re
import time
import uuid
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
import requests
import schemathesis
import test_hub_support
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import APIOperation, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from test_hub_support import COMMUNE_A, ROOT, Device, Hub, edited, record, row

from volunteer_kit.sync import payload
from volunteer_kit.sync.bundle_format import MANIFEST_NAME, SIGNATURE_NAME, bundle_json, public_key_b64

# The fixtures, by name (each test runs on SQLite, and on PostgreSQL when set).
hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
MAX_EXAMPLES = 30  # Hypothesis examples per operation and generation mode
MAX_COVERAGE_CASES = 60  # Schemathesis coverage cases per operation
# Time bounds (about 20 s per database and role are used on a 2-core machine): past them an
# operation's remaining requests are not sent, so a slow machine tests less but still finishes.
OPERATION_BUDGET_S = 10.0
TEST_BUDGET_S = 45.0
REQUEST_TIMEOUT_S = 30
MAX_FAILURE_TEXT = 4000

# Turns a generated request into one that reaches further into the hub (see shapers()).
Shaper = Callable[[Case], st.SearchStrategy[Case]]

# Bundles are sent as the bytes they are; Schemathesis has no serializer for zip by default.
schemathesis.serializer.alias("application/zip", "application/octet-stream")

# Values a malicious or broken device may put in any column: the 500s and refusals.
HOSTILE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63, -(2**63) - 1, 2**64, 10**30]),
    st.floats(),  # NaN and infinities included
    st.text(max_size=20),
    st.sampled_from(["", "\x00", "a\x00b", "\ud800", "2026-13-40T25:00:00Z", "x" * 5000]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
# A few bodies that are not records at all: deep nesting, a huge number, not JSON.
HOSTILE_DOCUMENTS = st.sampled_from(
    [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 10_000 + b"1" + b"}" * 10_000, b"1" + b"0" * 5000, b"\xff"]
)


@pytest.fixture(params=["volunteer", "officer"])
def fuzz_device(request: pytest.FixtureRequest, hub: Hub) -> Device:
    return hub.enroll(role=request.param)


def _hash(data: dict[str, Any]) -> str:
    try:
        return payload.content_hash(data)
    except (UnicodeEncodeError, ValueError):  # a lone surrogate has no UTF-8: no hash can match
        return "0" * 64


def _record(device: Device, table: str, record_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """A record of `table` as `device` would push it, its data changed by `changes` before it is
    hashed, so a hostile value travels with a matching hash and reaches the hub's model checks."""
    data = payload.row_to_data(table, row(table, device.commune_code, device.id, id=record_id))
    data.update(changes)
    return {
        "table": table,
        "id": record_id,
        "commune_code": device.commune_code,
        "hash": _hash(data),
        "base_seq": None,
        "data": data,
    }


def records(device: Device) -> st.SearchStrategy[dict[str, Any]]:
    """A device's record of any synced table, with up to two columns given hostile values."""
    tables = sorted(payload.EDITABLE_TABLES | payload.FACT_TABLES)

    def of_table(table: str) -> st.SearchStrategy[dict[str, Any]]:
        changes = st.dictionaries(st.sampled_from(payload.table_columns(table)), HOSTILE_VALUES, max_size=2)
        return st.builds(_record, st.just(device), st.just(table), st.uuids().map(str), changes)

    return st.sampled_from(tables).flatmap(of_table)


def _json_bytes(document: Any) -> bytes:
    """JSON as a device's own encoder writes it: NaN and infinities allowed, surrogates escaped."""
    return json.dumps(document).encode()


def push_bodies(device: Device) -> st.SearchStrategy[bytes]:
    """Pushes of this device's records, sometimes naming another device, sometimes not records."""
    device_ids = st.sampled_from([device.id, device.id, device.id, str(uuid.uuid4())])
    pushes = st.builds(
        lambda device_id, batch: _json_bytes({"device_id": device_id, "records": batch}),
        device_ids,
        st.lists(records(device), max_size=6),
    )
    return st.one_of(pushes, pushes, pushes, HOSTILE_DOCUMENTS)


def _zip(manifest: bytes, signature: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, manifest)
        archive.writestr(SIGNATURE_NAME, signature)
    return out.getvalue()


def bundle_bodies(device: Device, hub_id: str) -> st.SearchStrategy[bytes]:
    """Bundles this device signed (of its records), some altered after signing or for another hub."""

    def build(batch: list[dict[str, Any]], other_hub: bool, altered: bool) -> bytes:
        manifest = bundle_json(
            device_id=device.id,
            commune_code=device.commune_code,
            hub_id=str(uuid.uuid4()) if other_hub else hub_id,
            records=batch,
        )
        signature = device.key.sign(manifest)
        return _zip(manifest + b" " if altered else manifest, signature)

    sometimes = st.sampled_from([False, False, False, True])
    signed = st.builds(build, st.lists(records(device), max_size=6), sometimes, sometimes)
    broken = st.one_of(st.binary(max_size=200), HOSTILE_DOCUMENTS.map(lambda b: _zip(b, b"")))
    return st.one_of(signed, signed, signed, broken)


def enroll_cases(hub: Hub, device: Device) -> Shaper:
    """Enrollments that get past the checks of their fields: sometimes a fresh code of this hub,
    an unused device id or the fuzzing device's own id (a takeover), a real public key."""

    def shape(case: Case, fresh_code: bool, device_id: int, real_key: bool) -> Case:
        if isinstance(case.body, dict):
            body = dict(case.body)
            if fresh_code:
                body["code"] = hub.code(device.commune_code, device.role)
            if device_id:
                body["device_id"] = str(uuid.uuid4()) if device_id == 1 else device.id
            if real_key:
                body["public_key"] = public_key_b64(Ed25519PrivateKey.generate())
            case.body = body
        return case

    mostly = st.sampled_from([True, True, True, False])
    device_ids = st.sampled_from([1, 1, 2, 0])  # a new one, the fuzzing device's, as generated
    return lambda case: st.builds(shape, st.just(case), mostly, device_ids, mostly)


def body_strategies(device: Device, hub_id: str) -> dict[str, st.SearchStrategy[bytes]]:
    """The bodies built here instead of Schemathesis' own, by operation path."""
    return {
        f"{payload.API}/push": push_bodies(device),
        f"{payload.API}/bundle": bundle_bodies(device, hub_id),
    }


def published_pack(hub: Hub) -> str:
    """Publish a bundled lesson pack to the commune, and trust a publisher key, in the hub's own
    database and data folder (as `hub publish-pack` and `hub trust-publisher` do): the pack feed
    and the pack file then have something to answer. Returns the pack file's SHA-256."""
    from volunteer_kit.hub import packs as hub_packs
    from volunteer_kit.packs.archive import build_archive
    from volunteer_kit.packs.signing import generate_key

    work = hub.data_dir.parent
    archive = work / "vneid.vkpack"
    build_archive(ROOT / "lessons" / "vneid", archive)
    _key_id, public_file = generate_key(work / "publisher.key")
    hub_packs.trust_publisher(hub.engine, public_file, "Sở GD&ĐT Hà Nội")
    return hub_packs.publish_pack(hub.engine, hub.data_dir, archive, communes=[COMMUNE_A])["sha256"]


def seed_records(hub: Hub, device: Device) -> None:
    """A learner another volunteer registered, then edited by `device` from an older version: the
    pull has records and the conflicts page an entry from the start."""
    other = hub.enroll(device.commune_code, "volunteer")
    learner = record("learner", other)
    hub.push_ok(other, [learner])
    answer = hub.push_ok(device, [edited(learner, None, phone="0987654321")])
    assert answer[0]["status"] == "accepted", answer


def pack_file_cases(sha256: str) -> Shaper:
    """Asks for the published pack's file as often as for made-up ones."""

    def shape(case: Case, published: bool) -> Case:
        if published:
            case.path_parameters = {**(case.path_parameters or {}), "sha256": sha256}
        return case

    return lambda case: st.builds(shape, st.just(case), st.booleans())


def shapers(hub: Hub, device: Device, pack_sha256: str) -> dict[str, Shaper]:
    """How generated requests are changed to reach further into the hub, by operation path."""
    return {
        f"{payload.API}/enroll": enroll_cases(hub, device),
        f"{payload.API}/packs/file/{{sha256}}": pack_file_cases(pack_sha256),
    }


class Run:
    """One operation's requests, sent until `stop_at` (the first one always), failures collected."""

    def __init__(self, hub: Hub, operation: APIOperation, device: Device, stop_at: float) -> None:
        self.hub = hub
        self.operation = operation
        self.device = device
        self.stop_at = stop_at
        self.calls = 0
        self.failures: list[str] = []
        self._seen: set[tuple[str, ...]] = set()

    def send(self, case: Case) -> None:
        if self.calls and time.monotonic() > self.stop_at:
            return
        self.calls += 1
        if self.operation.path == f"{payload.API}/enroll":
            self._forget_enroll_refusals()
        case.call_and_validate(headers=self.device.auth, checks=CHECKS, timeout=REQUEST_TIMEOUT_S)

    def _forget_enroll_refusals(self) -> None:
        """Every enrollment here is heard: after ten refusals the hub would answer only 429 (its
        limit has tests of its own in tests/test_hub_attacks*.py)."""
        from volunteer_kit.hub.models import attempt_t

        with self.hub.engine.begin() as conn:
            conn.execute(attempt_t.delete())

    def failed(self, phase: str, exc: BaseException) -> None:
        text = str(exc)
        kinds = tuple(sorted(line for line in text.splitlines() if line.startswith("- ST"))) or (text,)
        if kinds in self._seen:  # the same check failing again (coverage cases go on after one)
            return
        self._seen.add(kinds)
        if len(text) > MAX_FAILURE_TEXT:  # a 100,000-deep body makes a long curl line
            text = text[:MAX_FAILURE_TEXT] + " [...]"
        self.failures.append(f"{self.operation.label} as {self.device.role} [{phase}]:\n{text}")


def _coverage(schema: schemathesis.BaseSchema, run: Run) -> None:
    """Schemathesis' coverage cases: each declared parameter at its bounds and beyond."""
    cases = schema.iter_coverage_cases(
        run.operation,
        generation_modes=list(GenerationMode),
        generation_config=schema.config.generation_for(operation=run.operation),
    )
    for count, case in enumerate(cases):
        if count >= MAX_COVERAGE_CASES:
            return
        try:
            run.send(case)
        except (Exception, BaseExceptionGroup) as exc:  # Schemathesis' FailureGroup is a BaseExceptionGroup
            run.failed("coverage", exc)


def _examples(
    run: Run, mode: GenerationMode, bodies: st.SearchStrategy[bytes] | None, shaper: Shaper | None
) -> None:
    """Hypothesis examples of `mode`, with a body of `bodies` or reshaped by `shaper` if given."""
    if bodies is not None:  # the body is not generated at all: Hypothesis' data goes to `bodies`
        cases = run.operation.as_strategy(generation_mode=mode, body=b"")
        cases = cases.flatmap(lambda case: bodies.map(lambda body: _with_body(case, body)))
    else:
        cases = run.operation.as_strategy(generation_mode=mode)
    if shaper is not None:
        cases = cases.flatmap(shaper)

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: the first failing request is shown
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def send(case: Case) -> None:
        run.send(case)

    try:
        send()
    except Unsatisfiable:
        pass  # nothing of this mode to generate (no parameters or body to make invalid)
    except (Exception, BaseExceptionGroup) as exc:  # every failure is listed at the end
        run.failed(mode.value, exc)


def _with_body(case: Case, body: bytes) -> Case:
    case.body = body
    return case


def _hub_errors(hub: Hub) -> str:
    """The exceptions in the hub's log (the fixture writes it beside the hub's data folder)."""
    log = hub.data_dir.parent / "hub-stderr.txt"
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines() if log.exists() else []
    found = sorted({line for line in lines if re.match(r"^[A-Za-z_.]*(Error|Exception)\b", line)})
    return "\n".join(found)


def undescribed(spec: dict[str, Any]) -> list[str]:
    """The operations whose 200 (or 201) answer has no schema of its own (FastAPI's `{}` or any object), and
    the token routes that do not declare the protocol header they are refused without (426)."""
    found = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            name = f"{method.upper()} {path}"
            # Its success answer: 200, or 201 for one that makes something (POST /admin/codes).
            status, answer = next((s, a) for s, a in operation["responses"].items() if s.startswith("2"))
            content = answer.get("content") or {"?": {"schema": {}}}
            for media, body in content.items():
                if "$ref" not in body["schema"] and body["schema"].get("format") != "binary":
                    found.append(f"{name}: {status} {media} {body['schema']}")
            declared = [p for p in operation.get("parameters", []) if p["name"] == payload.PROTOCOL_HEADER]
            if operation.get("security") and not (declared and declared[0]["required"]):
                found.append(f"{name}: no required {payload.PROTOCOL_HEADER} parameter")
    return found


def test_every_answer_and_the_protocol_header_are_described(hub: Hub) -> None:
    # Without this, response_schema_conformance below has nothing to check a 200 against.
    spec = requests.get(f"{hub.api}/openapi.json", timeout=REQUEST_TIMEOUT_S).json()
    assert not undescribed(spec)


def test_hub_answers_only_as_its_openapi_says(hub: Hub, fuzz_device: Device) -> None:
    schema = schemathesis.openapi.from_url(f"{hub.api}/openapi.json", timeout=REQUEST_TIMEOUT_S)
    hub_id = requests.get(f"{hub.api}/health", timeout=REQUEST_TIMEOUT_S).json()["hub_id"]
    bodies = body_strategies(fuzz_device, hub_id)
    seed_records(hub, fuzz_device)
    shaper_of = shapers(hub, fuzz_device, published_pack(hub))
    failures: list[str] = []
    tried: dict[str, int] = {}
    deadline = time.monotonic() + TEST_BUDGET_S
    for result in schema.get_all_operations():
        operation = result.ok()  # an operation its description cannot be read for fails here
        run = Run(hub, operation, fuzz_device, min(time.monotonic() + OPERATION_BUDGET_S, deadline))
        _coverage(schema, run)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _examples(run, mode, bodies.get(operation.path), shaper_of.get(operation.path))
        failures += run.failures
        tried[operation.label] = run.calls
    assert not failures, "\n\n".join([*failures, "The hub logged:", _hub_errors(hub)])
    assert all(tried.values()), tried  # every operation was called
    assert {f"POST {payload.API}/push", f"POST {payload.API}/bundle"} <= set(tried)
