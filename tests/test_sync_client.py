"""The sync client's own parts, without a hub: batches, answers, quarantine, pulled pages, HTTP retries."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.store.devices import ensure_device, set_device_commune
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import incoming, local, outgoing, payload
from volunteer_kit.sync.errors import DeviceRevoked, HubRefused, HubUnreachable, ProtocolMismatch
from volunteer_kit.sync.transport import HubConnection, RetryPolicy

FAST = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)


def _store(folder: Path):
    engine = open_store(folder / "volunteer-kit.sqlite3")
    ensure_device(engine)
    return engine


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Any]:
    engine = _store(tmp_path / "other")
    with engine.begin() as conn:
        set_device_commune(conn, "00577")
    yield engine
    engine.dispose()


def _accept_all(batch: list[outgoing.Outgoing], first_seq: int = 1) -> list[dict[str, Any]]:
    return [
        {"table": o.table, "id": o.id, "hash": o.hash, "status": "accepted", "seq": first_seq + n}
        for n, o in enumerate(batch)
    ]


def _as_pulled(items: list[outgoing.Outgoing]) -> list[dict[str, Any]]:
    records = []
    for n, item in enumerate(items, start=1):
        record = json.loads(item.body)
        records.append(
            {"seq": n, "table": item.table, "id": item.id, "hash": item.hash, "data": record["data"]}
        )
    return records


def _hashes(engine) -> dict[tuple[str, str], str]:
    found = {}
    with engine.connect() as conn:
        for table in SYNCED_TABLES:
            columns = payload.table_columns(table)
            for row in conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table}"):
                data = payload.row_to_data(table, dict(zip(columns, row, strict=True)))
                found[(table, data["id"])] = payload.content_hash(data)
    return found


def test_batches_stay_within_the_record_and_byte_limits(demo_engine) -> None:
    items = list(outgoing.iter_outgoing(demo_engine, skip={}))
    with demo_engine.connect() as conn:
        assert len(items) == local.pending_count(conn)
    by_count = list(outgoing.batches(items))
    assert all(len(b) <= payload.CLIENT_BATCH_RECORDS for b in by_count)
    assert sum(len(b) for b in by_count) == len(items)
    by_size = list(outgoing.batches(items, max_bytes=20_000))
    assert len(by_size) > len(by_count)
    for batch in by_size:
        body = outgoing.push_body("device", batch)
        assert len(body) <= 20_000
        decoded = json.loads(body)
        assert [r["id"] for r in decoded["records"]] == [o.id for o in batch]
        assert all(payload.content_hash(r["data"]) == r["hash"] for r in decoded["records"])


def test_pending_records_go_in_foreign_key_order(demo_engine) -> None:
    order = [SYNCED_TABLES.index(o.table) for o in outgoing.iter_outgoing(demo_engine, skip={})]
    assert order == sorted(order)


def test_answers_mark_only_rows_still_as_sent(demo_engine) -> None:
    batch = next(outgoing.batches(outgoing.iter_outgoing(demo_engine, skip={})))
    edited = next(o for o in batch if o.table == "household")
    with demo_engine.begin() as conn:  # an edit while the batch is on its way
        conn.exec_driver_sql("UPDATE household SET note = 'sửa trong lúc gửi' WHERE id = ?", (edited.id,))
    with demo_engine.begin() as conn:
        outcome = outgoing.record_answers(conn, batch, _accept_all(batch, 100))
    assert outcome.accepted == len(batch)
    assert outcome.marked == len(batch) - 1
    with demo_engine.connect() as conn:
        rows = dict(conn.exec_driver_sql("SELECT id, pending FROM household").all())
        assert rows[edited.id] == 1
        assert sum(1 for o in batch if o.table == "household" and rows[o.id] == 0) == (
            sum(1 for o in batch if o.table == "household") - 1
        )
        n, other = next((n, o) for n, o in enumerate(batch) if o.table == "household" and o is not edited)
        seq = conn.exec_driver_sql("SELECT server_seq FROM household WHERE id = ?", (other.id,)).scalar()
        assert seq == 100 + n
    remaining = {o.id for o in outgoing.iter_outgoing(demo_engine, skip={})}
    assert edited.id in remaining
    assert not ({o.id for o in batch} - {edited.id}) & remaining


def test_rejected_records_wait_in_quarantine_until_changed_or_retried(demo_engine) -> None:
    batch = next(outgoing.batches(outgoing.iter_outgoing(demo_engine, skip={}), max_records=5))
    refused = batch[2]
    results = _accept_all(batch)
    results[2] = {
        "table": refused.table,
        "id": refused.id,
        "hash": refused.hash,
        "status": "rejected",
        "reason": "Another commune.",
        "reason_vi": "Xã khác.",
    }
    with demo_engine.begin() as conn:
        outcome = outgoing.record_answers(conn, batch, outgoing.check_results(batch, results))
    assert [r["id"] for r in outcome.rejected] == [refused.id]
    with demo_engine.connect() as conn:
        skip = local.quarantined(conn)
        assert local.list_quarantine(conn)[0]["reason_vi"] == "Xã khác."
    assert skip == {(refused.table, refused.id): refused.hash}
    # Not sent again as it is, and it does not hold back the others.
    again = [o.id for o in outgoing.iter_outgoing(demo_engine, skip=skip)]
    assert refused.id not in again and again
    # Changed, it goes again; accepted, it leaves the quarantine.
    with demo_engine.begin() as conn:
        conn.exec_driver_sql(
            f"UPDATE {refused.table} SET updated_at = '2026-11-21 01:02:03.000000' WHERE id = ?",
            (refused.id,),
        )
    changed = [o for o in outgoing.iter_outgoing(demo_engine, skip=skip) if o.id == refused.id]
    assert len(changed) == 1 and changed[0].hash != refused.hash
    with demo_engine.begin() as conn:
        outgoing.record_answers(conn, changed, _accept_all(changed, 50), quarantine_before=skip)
        assert local.quarantined(conn) == {}


def test_retry_lets_quarantined_records_go_again(demo_engine) -> None:
    batch = next(outgoing.batches(outgoing.iter_outgoing(demo_engine, skip={}), max_records=1))
    rejected = [{**_accept_all(batch)[0], "status": "rejected", "reason": "x", "reason_vi": "x"}]
    with demo_engine.begin() as conn:
        outgoing.record_answers(conn, batch, rejected)
        skip = local.quarantined(conn)
    assert batch[0].id not in {o.id for o in outgoing.iter_outgoing(demo_engine, skip=skip)}
    with demo_engine.begin() as conn:
        assert local.retry_quarantined(conn) == 1
        skip = local.quarantined(conn)
    assert batch[0].id in {o.id for o in outgoing.iter_outgoing(demo_engine, skip=skip)}


def test_answers_that_do_not_match_the_batch_are_refused(demo_engine) -> None:
    batch = next(outgoing.batches(outgoing.iter_outgoing(demo_engine, skip={}), max_records=3))
    with pytest.raises(ValueError):
        outgoing.check_results(batch, _accept_all(batch)[:2])
    with pytest.raises(ValueError):
        outgoing.check_results(batch, list(reversed(_accept_all(batch))))
    with pytest.raises(ValueError):
        outgoing.check_results(batch, [{**r, "status": "maybe"} for r in _accept_all(batch)])


def _apply(engine, records: list[dict[str, Any]], page: int = 2000) -> list[incoming.PageOutcome]:
    device_id = ensure_device(engine)
    outcomes = []
    for start in range(0, len(records), page):
        chunk = records[start : start + page]
        with engine.begin() as conn:
            outcomes.append(
                incoming.apply_page(
                    conn, chunk, next_cursor=chunk[-1]["seq"], device_id=device_id, commune_code="00577"
                )
            )
    return outcomes


def test_pulled_pages_rebuild_the_same_records(demo_engine, other_store) -> None:
    records = _as_pulled(list(outgoing.iter_outgoing(demo_engine, skip={})))
    outcomes = _apply(other_store, records, page=700)
    assert sum(o.applied for o in outcomes) == len(records)
    assert _hashes(other_store) == _hashes(demo_engine)
    with other_store.connect() as conn:
        assert local.pending_count(conn) == 0
        assert local.read_state(conn)[local.PULL_CURSOR] == str(len(records))
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    # Applying the same pages again writes nothing (the rows already hold these seqs).
    assert sum(o.applied for o in _apply(other_store, records, page=700)) == 0


def test_a_row_whose_reference_comes_in_a_later_page_waits_for_it(demo_engine, other_store) -> None:
    records = _as_pulled(list(outgoing.iter_outgoing(demo_engine, skip={})))
    # Learners edited after their attendance: their latest versions come last.
    reordered = [r for r in records if r["table"] != "learner"] + [
        r for r in records if r["table"] == "learner"
    ]
    for n, record in enumerate(reordered, start=1):
        record["seq"] = n
    outcomes = _apply(other_store, reordered, page=500)
    assert any(o.parked for o in outcomes[:-1])
    assert outcomes[-1].parked == 0
    assert _hashes(other_store) == _hashes(demo_engine)
    with other_store.connect() as conn:
        assert local.parked_count(conn) == 0
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_a_pulled_row_never_overwrites_a_local_edit_not_yet_pushed(demo_engine, other_store) -> None:
    records = _as_pulled(list(outgoing.iter_outgoing(demo_engine, skip={})))
    _apply(other_store, records)
    learner = next(r for r in records if r["table"] == "learner")
    with other_store.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE learner SET hamlet = 'Thôn Mới', pending = 1 WHERE id = ?", (learner["id"],)
        )
    newer = {**learner, "seq": len(records) + 1, "data": {**learner["data"], "hamlet": "Thôn Khác"}}
    newer["hash"] = payload.content_hash(newer["data"])
    _apply(other_store, [newer])
    with other_store.connect() as conn:
        hamlet = conn.exec_driver_sql("SELECT hamlet FROM learner WHERE id = ?", (learner["id"],)).scalar()
    assert hamlet == "Thôn Mới"


def test_pulled_learners_are_found_by_search(demo_engine, other_store) -> None:
    from volunteer_kit.core.records import LearnerFilter
    from volunteer_kit.store import learners
    from volunteer_kit.store.learner_index import LearnerSearchIndex

    index = LearnerSearchIndex()
    with other_store.connect() as conn:
        assert index.search(conn, LearnerFilter()) == []
    records = _as_pulled(list(outgoing.iter_outgoing(demo_engine, skip={})))
    _apply(other_store, records)
    with demo_engine.connect() as conn:
        name = conn.exec_driver_sql("SELECT full_name FROM learner ORDER BY rowid LIMIT 1").scalar()
    with other_store.connect() as conn:
        assert len(index.search(conn, LearnerFilter())) == 300
        found = learners.search(conn, LearnerFilter(text=name))
    assert name in {r.full_name for r in found}


def test_another_devices_me_is_not_mine(demo_engine, other_store) -> None:
    from volunteer_kit.store.devices import profile, save_profile

    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Hoa", phone="")
    records = _as_pulled(list(outgoing.iter_outgoing(demo_engine, skip={})))
    _apply(other_store, records)
    with other_store.connect() as conn:
        assert profile(conn).volunteer_id is None
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM volunteer WHERE full_name = 'Trần Thị Hoa'").scalar()
            == 1
        )


# --- HTTP ---------------------------------------------------------------------------------------------


class _Script:
    """A tiny hub stand-in: answers each request with the next scripted (status, headers, body)."""

    def __init__(self, answers: list[tuple[int, dict[str, str], Any]]) -> None:
        self.answers = answers
        self.requests: list[dict[str, Any]] = []

    def __enter__(self) -> str:
        script = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: object) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                script.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                status, headers, answer = script.answers.pop(0) if script.answers else (200, {}, {})
                data = json.dumps(answer).encode()
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = _answer
            do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_busy_hub_is_tried_again_and_the_push_goes_through() -> None:
    waits: list[float] = []
    answers = [(503, {}, {"detail": "busy"}), (503, {}, {"detail": "busy"}), (200, {}, {"results": []})]
    with _Script(answers) as url:
        script_requests = answers  # emptied as the server answers
        hub = HubConnection(url, token="t0k", retry=FAST, sleep=waits.append)
        assert hub.post_json("/push", {"device_id": "d", "records": []}) == {"results": []}
    assert script_requests == []
    assert len(waits) == 2 and all(w <= 0.05 for w in waits)


def test_requests_carry_the_protocol_token_and_gzip() -> None:
    script = _Script([(200, {}, {"ok": True})])
    with script as url:
        HubConnection(url, token="t0k", retry=FAST).post_json("/push", {"records": ["é"]})
    seen = script.requests[0]
    assert seen["path"] == "/api/v1/push"
    assert seen["headers"]["X-VK-Protocol"] == "1"
    assert seen["headers"]["Authorization"] == "Bearer t0k"
    assert seen["headers"]["Content-Encoding"] == "gzip"
    assert json.loads(seen["body"]) == {"records": ["é"]}


def test_too_many_requests_waits_as_long_as_the_hub_asks() -> None:
    waits: list[float] = []
    with _Script([(429, {"Retry-After": "3"}, {"detail": "slow down"}), (200, {}, {"ok": 1})]) as url:
        assert HubConnection(url, retry=FAST, sleep=waits.append).get("/health") == {"ok": 1}
    assert len(waits) == 1 and 3.0 <= waits[0] <= 3.75


def test_a_busy_hub_that_says_when_is_waited_for_without_using_up_the_tries() -> None:
    waits: list[float] = []
    busy = (503, {"Retry-After": "2"}, {"detail": "busy"})
    with _Script([busy] * 6 + [(200, {}, {"results": []})]) as url:
        hub = HubConnection(url, token="t0k", retry=FAST, sleep=waits.append)
        assert hub.post_json("/push", {"device_id": "d", "records": []}) == {"results": []}
    assert len(waits) == 6 and all(2.0 <= w <= 2.5 for w in waits)
    assert len(set(waits)) > 1  # jittered: devices turned away together do not return together


def test_the_wait_for_a_busy_hub_is_told_to_whoever_shows_progress() -> None:
    told: list[float] = []
    busy = (503, {"Retry-After": "4"}, {"detail": "busy"})
    with _Script([busy, (200, {}, {"ok": 1})]) as url:
        hub = HubConnection(url, retry=FAST, sleep=lambda _s: None, on_busy=told.append)
        assert hub.get("/pull") == {"ok": 1}
    assert len(told) == 1 and 4.0 <= told[0] <= 5.0


def test_a_hub_busy_for_too_long_is_unreachable_in_the_end() -> None:
    waits: list[float] = []
    busy = (503, {"Retry-After": "60"}, {"detail": "busy"})
    policy = RetryPolicy(attempts=2, base_delay=0.01, max_busy_wait=100.0)
    with _Script([busy] * 5) as url:
        with pytest.raises(HubUnreachable):
            HubConnection(url, retry=policy, sleep=waits.append).get("/pull")
    # Two waits the hub asked for (60 s each, over 100 s in all), then the normal tries run out.
    assert len(waits) == 3 and sum(waits[:2]) >= 120


def test_backoff_grows_with_jitter_and_has_a_ceiling() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0)
    for attempt, step in ((1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)):
        delays = {policy.delay(attempt) for _ in range(20)}
        assert all(step / 2 <= d <= step for d in delays)
        assert len(delays) > 1


def test_an_unreachable_hub_is_one_clear_error() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    hub = HubConnection(f"http://127.0.0.1:{port}", retry=FAST, sleep=lambda _s: None)
    with pytest.raises(HubUnreachable) as caught:
        hub.get("/health")
    assert "\n" not in caught.value.en and "records are kept" in caught.value.en


@pytest.mark.parametrize(
    ("status", "body", "error", "words"),
    [
        (401, {"detail": "unknown token"}, DeviceRevoked, "removed from the hub; your records are kept here"),
        (426, {"detail": "old", "protocol": 2}, ProtocolMismatch, "update Volunteer Kit"),
        (403, {"detail": "Officers only.", "detail_vi": "Chỉ cán bộ."}, HubRefused, "Officers only."),
    ],
)
def test_hub_answers_become_one_line_errors(status: int, body: dict, error: type, words: str) -> None:
    with _Script([(status, {}, body)]) as url:
        with pytest.raises(error) as caught:
            HubConnection(url, retry=FAST).get("/conflicts")
    assert words in caught.value.en and "\n" not in caught.value.en
    assert caught.value.vi


def test_cancel_stops_the_wait_between_tries() -> None:
    from volunteer_kit.sync.transport import Cancelled

    cancel = threading.Event()
    cancel.set()
    with _Script([(503, {}, {}), (200, {}, {})]) as url:
        with pytest.raises(Cancelled):
            HubConnection(url, retry=RetryPolicy(base_delay=5), cancel=cancel).get("/pull")
