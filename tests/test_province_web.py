"""The province dashboard over HTTP against a real hub process (SQLite, and PostgreSQL when
VK_TEST_POSTGRES_URL is set): accounts, sessions, the throttle, CSRF, who may read what, sorting,
export jobs, and the viewer commands."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from test_hub_analytics import Laptop, laptops  # noqa: F401 - the same laptops that sync
from test_hub_support import COMMUNE_A, COMMUNE_B, ROOT, Hub, hub, hub_db_url, run_cli  # noqa: F401

from volunteer_kit.hub import analytics, enrollment

pytest.importorskip("jinja2")
pytest.importorskip("argon2")

COMMUNE_C = "00583"  # of province 01, never synced: "no data"
OTHER_PROVINCE = "79"
OTHER_COMMUNE = "26734"  # of province 79
PACK = "vn.bdhvs.vneid"
PASSWORD = "mat-khau-dai-1"


# ---------------------------------------------------------------- data: laptops that sync


def seed_province(hub: Hub, laptops: Any) -> dict[str, Laptop]:  # noqa: F811
    """Commune A: 3 learners; commune B: 1; commune C of the province known, never synced; a commune
    of province 79 with 2 learners. Figures rebuilt."""
    a = laptops("a").enroll(COMMUNE_A)
    a.teach(["Lê Thị Mai", "Phạm Văn Tú", "Đỗ Thị Lan"])
    a.sync()
    b = laptops("b").enroll(COMMUNE_B)
    b.teach(["Vũ Văn Hải"])
    b.sync()
    enrollment.ensure_commune(hub.engine, COMMUNE_C, "Xã Ân Thi", "01")
    other = laptops("other").enroll(OTHER_COMMUNE, province=OTHER_PROVINCE)
    other.teach(["Nguyễn Văn Nam", "Trần Thị Hoa"])
    other.sync()
    analytics.rebuild(hub.engine, data_dir=hub.data_dir)
    return {"a": a, "b": b, "other": other}


# ---------------------------------------------------------------- a browser without a browser


def viewer_cli(hub: Hub, *args: str, password: str | None = PASSWORD) -> subprocess.CompletedProcess[str]:  # noqa: F811
    """`hub add-viewer ARGS`, the password piped on stdin (as a script would)."""
    command = [sys.executable, "-m", "volunteer_kit", "--lang", "en", "hub", "add-viewer", *args]
    return subprocess.run(
        [*command, "--db", hub.db_url],
        input=password,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "VOLUNTEER_KIT_HOME": str(hub.data_dir)},
    )


def add_viewer(hub: Hub, login: str, province: str = "01") -> None:  # noqa: F811
    done = viewer_cli(hub, "--province", province, "--name", login, "--password-stdin")
    assert done.returncode == 0, done.stderr


def form_token(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


def sign_in(hub: Hub, login: str, password: str = PASSWORD) -> tuple[requests.Session, requests.Response]:  # noqa: F811
    session = requests.Session()
    page = session.get(f"{hub.url}/province/login", timeout=10)
    assert page.status_code == 200
    answer = session.post(
        f"{hub.url}/province/login",
        data={"csrf": form_token(page.text), "login": login, "password": password},
        allow_redirects=False,
        timeout=30,
    )
    return session, answer


def signed_in(hub: Hub, login: str) -> requests.Session:  # noqa: F811
    session, answer = sign_in(hub, login)
    assert answer.status_code == 303 and answer.headers["location"] == "/province/", answer.text[:300]
    return session


def commune_rows(html: str) -> list[str]:
    """The commune codes of the table's rows, in order."""
    return re.findall(r'<tr data-commune="(\d{5})"', html)


def cells(html: str, commune: str) -> dict[str, str]:
    """A commune row's cells by column key: the figure, or "no data"."""
    row = re.search(rf'<tr data-commune="{commune}".*?</tr>', html, re.S)
    assert row, commune
    found = {}
    for cls, key, text in re.findall(
        r'<td class="([^"]*)" data-key="([^"]+)">(.*?)</td>', row.group(0), re.S
    ):
        found[key] = "no data" if "nodata" in cls else re.sub(r"<[^>]+>", "", text).split("/")[0].strip()
    return found


def count(hub: Hub, table: str) -> int:  # noqa: F811
    return hub.count(table)


# ---------------------------------------------------------------- tests


def test_sign_in_session_cookie_and_sign_out(hub: Hub, laptops: Any) -> None:  # noqa: F811
    seed_province(hub, laptops)
    add_viewer(hub, "hanoi")
    anonymous = requests.get(f"{hub.url}/province/", allow_redirects=False, timeout=10)
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/province/login"
    assert requests.get(f"{hub.url}/province/exports/x/file", timeout=10).status_code == 401

    session, wrong = sign_in(hub, "hanoi", "not-the-password")
    assert wrong.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu." in wrong.text
    assert "vk_session" not in session.cookies
    session, unknown = sign_in(hub, "nobody", PASSWORD)
    assert unknown.status_code == 401 and "vk_session" not in session.cookies

    session, ok = sign_in(hub, "HaNoi")  # login names are not case-sensitive
    assert ok.status_code == 303
    cookie = ok.headers["set-cookie"]
    assert "vk_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/province" in cookie and "Secure" not in cookie  # plain http on loopback
    token = session.cookies["vk_session"]
    with hub.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash, login FROM hub_viewer_session").all()
    assert stored == [(hashlib.sha256(token.encode()).hexdigest(), "hanoi")]  # only its hash

    page = session.get(f"{hub.url}/province/", timeout=10)
    assert page.status_code == 200 and "Thành phố Hà Nội" in page.text
    assert "xã đã đồng bộ tuần này" in page.text and "Số liệu tính lúc" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    # Completeness comes before the table.
    assert page.text.index("xã đã đồng bộ tuần này") < page.text.index("<table")

    # Sign-out is a POST with the session's form token; without it nothing happens.
    refused = session.post(f"{hub.url}/province/logout", data={}, allow_redirects=False, timeout=10)
    assert refused.status_code == 403
    assert session.get(f"{hub.url}/province/", allow_redirects=False, timeout=10).status_code == 200
    out = session.post(
        f"{hub.url}/province/logout", data={"csrf": form_token(page.text)}, allow_redirects=False, timeout=10
    )
    assert out.status_code == 303 and out.headers["location"] == "/province/login"
    assert count(hub, "hub_viewer_session") == 0
    # The old cookie opens nothing any more, even sent by hand.
    again = requests.get(
        f"{hub.url}/province/", cookies={"vk_session": token}, allow_redirects=False, timeout=10
    )
    assert again.status_code == 303


def test_failed_sign_ins_are_throttled_per_name_in_the_database(hub: Hub) -> None:  # noqa: F811
    add_viewer(hub, "hanoi")
    add_viewer(hub, "hanoi2")
    for _ in range(5):
        assert sign_in(hub, "hanoi", "wrong-password")[1].status_code == 401
    session, paused = sign_in(hub, "hanoi")  # the right password, but the name waits
    assert paused.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in paused.text and "Thử lại lúc" in paused.text
    assert 1 <= int(paused.headers["retry-after"]) <= 15 * 60
    assert "vk_session" not in session.cookies
    assert count(hub, "hub_viewer_attempt") == 5
    # Another account from the same address is still heard (its address is under its own limit).
    assert sign_in(hub, "hanoi2")[1].status_code == 303


def test_every_post_needs_the_form_token_and_the_same_origin(hub: Hub, laptops: Any) -> None:  # noqa: F811
    add_viewer(hub, "hanoi")
    # Sign-in: the double-submit cookie must match the form's token.
    fresh = requests.Session()
    fresh.get(f"{hub.url}/province/login", timeout=10)
    no_token = fresh.post(
        f"{hub.url}/province/login", data={"login": "hanoi", "password": PASSWORD}, allow_redirects=False
    )
    assert no_token.status_code == 403 and "vk_session" not in fresh.cookies
    bad_token = fresh.post(
        f"{hub.url}/province/login",
        data={"csrf": "x" * 43, "login": "hanoi", "password": PASSWORD},
        allow_redirects=False,
    )
    assert bad_token.status_code == 403 and count(hub, "hub_viewer_session") == 0

    session = signed_in(hub, "hanoi")
    token = form_token(session.get(f"{hub.url}/province/", timeout=10).text)
    url = f"{hub.url}/province/exports"
    assert session.post(url, data={"format": "csv"}, allow_redirects=False).status_code == 403
    assert (
        session.post(url, data={"format": "csv", "csrf": "wrong"}, allow_redirects=False).status_code == 403
    )
    elsewhere = session.post(
        url,
        data={"format": "csv", "csrf": token},
        headers={"Origin": "https://evil.example"},
        allow_redirects=False,
    )
    assert elsewhere.status_code == 403
    assert count(hub, "hub_export_job") == 0  # nothing done
    # GET never changes anything: a GET of the export route is not an export.
    assert session.get(url, allow_redirects=False).status_code == 405
    ok = session.post(
        url, data={"format": "csv", "csrf": token}, headers={"Origin": hub.url}, allow_redirects=False
    )
    assert ok.status_code == 303 and count(hub, "hub_export_job") == 1


@pytest.fixture
def quick_rebuilds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hub process started after this rebuilds the figures every second."""
    monkeypatch.setenv(analytics.ENV_EVERY, "1")


def test_the_hub_rebuilds_the_figures_in_the_background(quick_rebuilds: None, hub: Hub, laptops: Any) -> None:  # noqa: F811
    add_viewer(hub, "hanoi")
    session = signed_in(hub, "hanoi")
    a = laptops("a").enroll(COMMUNE_A)
    a.teach(["Lê Thị Mai", "Phạm Văn Tú"])
    a.sync()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # nobody rebuilds here: the hub's own Rebuilder does
        page = session.get(f"{hub.url}/province/", timeout=10).text
        if cells(page, COMMUNE_A)["learners"] == "2":
            break
        time.sleep(0.3)
    else:
        raise AssertionError("the hub did not rebuild the figures in 30 s")
    assert "Số liệu tính lúc" in page


def test_a_device_token_never_opens_the_dashboard(hub: Hub) -> None:  # noqa: F811
    volunteer = hub.enroll(COMMUNE_A, "volunteer")
    officer = hub.enroll(COMMUNE_A, "officer")
    for device in (volunteer, officer):
        for path in ("/province/", "/province/charts", "/province/exports/x"):
            r = requests.get(f"{hub.url}{path}", headers=device.auth, allow_redirects=False, timeout=10)
            assert r.status_code == 303 and r.headers["location"] == "/province/login", path
        r = requests.get(f"{hub.url}/province/exports/x/file", headers=device.auth, timeout=10)
        assert r.status_code == 401
        r = requests.post(
            f"{hub.url}/province/exports", data={"format": "csv"}, headers=device.auth, allow_redirects=False
        )
        assert r.status_code == 303 and count(hub, "hub_export_job") == 0


def test_a_viewer_sees_only_their_province(hub: Hub, laptops: Any) -> None:  # noqa: F811
    seed_province(hub, laptops)
    add_viewer(hub, "hanoi")
    add_viewer(hub, "saigon", OTHER_PROVINCE)
    hanoi, saigon = signed_in(hub, "hanoi"), signed_in(hub, "saigon")
    page = hanoi.get(f"{hub.url}/province/", timeout=10).text
    assert set(commune_rows(page)) >= {COMMUNE_A, COMMUNE_B, COMMUNE_C}
    assert OTHER_COMMUNE not in commune_rows(page)
    other = saigon.get(f"{hub.url}/province/?province=01", timeout=10).text  # the URL names nothing
    assert OTHER_COMMUNE in commune_rows(other) and COMMUNE_A not in commune_rows(other)
    assert cells(other, OTHER_COMMUNE)["learners"] == "2"
    assert "Hồ Chí Minh" in other
    # Another viewer's export is not there for you: neither its page nor its file.
    job = saigon.post(
        f"{hub.url}/province/exports",
        data={"format": "csv", "csrf": form_token(other)},
        allow_redirects=False,
    ).headers["location"]
    wait_for_export(saigon, hub.url + job)
    assert hanoi.get(hub.url + job, timeout=10).status_code == 404
    assert hanoi.get(hub.url + job + "/file", timeout=10).status_code == 404
    assert saigon.get(hub.url + job + "/file", timeout=10).status_code == 200


def test_no_data_is_drawn_apart_and_sorting_keeps_it_last(hub: Hub, laptops: Any) -> None:  # noqa: F811
    seed_province(hub, laptops)
    add_viewer(hub, "hanoi")
    session = signed_in(hub, "hanoi")
    page = session.get(f"{hub.url}/province/", timeout=10).text
    assert cells(page, COMMUNE_A)["learners"] == "3" and cells(page, COMMUNE_B)["learners"] == "1"
    assert (
        cells(page, COMMUNE_C)["learners"] == "no data"
        and cells(page, COMMUNE_C)["certificates"] == "no data"
    )
    assert cells(page, COMMUNE_A)["certificates"] == "0"  # with data and no certificate: 0, not "no data"
    assert "Chưa có dữ liệu" in page

    def order(query: str) -> list[str]:
        rows = commune_rows(session.get(f"{hub.url}/province/?{query}", timeout=10).text)
        return [c for c in rows if c in (COMMUNE_A, COMMUNE_B, COMMUNE_C)]

    assert order("sort=learners&dir=desc") == [COMMUNE_A, COMMUNE_B, COMMUNE_C]
    assert order("sort=learners&dir=asc") == [COMMUNE_B, COMMUNE_A, COMMUNE_C]  # no data last either way
    asc = session.get(f"{hub.url}/province/?sort=learners&dir=asc", timeout=10).text
    assert 'aria-sort="ascending" data-key="learners"' in asc
    # A sort the table does not have falls back to names, in Vietnamese order.
    by_name = session.get(f"{hub.url}/province/?sort=nonsense", timeout=10).text
    names = re.findall(
        r'<tr data-commune="\d{5}" class="">\s*<th scope="row" class="sticky">([^<]+)<', by_name
    )
    from volunteer_kit.hub.web.table import collation_key

    assert names == sorted(names, key=collation_key) and len(names) == 2


def test_vietnamese_collation_of_commune_names() -> None:
    from volunteer_kit.hub.web.table import collation_key

    names = [
        "Xã Đa Tốn",
        "Xã Ân Thi",
        "Phường Bến Nghé",
        "Xã Dương Xá",
        "Xã An Khánh",
        "Xã Ăn Ý",
        "Xã Bát Tràng",
    ]
    assert sorted(names, key=collation_key) == [
        "Xã An Khánh",
        "Xã Ăn Ý",
        "Xã Ân Thi",
        "Xã Bát Tràng",
        "Phường Bến Nghé",
        "Xã Dương Xá",
        "Xã Đa Tốn",
    ]


def wait_for_export(session: requests.Session, url: str) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = session.get(url, timeout=10)
        assert page.status_code == 200
        status = re.search(r'data-status="(\w+)"', page.text)
        assert status
        if status.group(1) == "done":
            return page.text
        assert status.group(1) in ("queued", "running"), page.text
        assert "Đang chuẩn bị…" in page.text and 'http-equiv="refresh"' in page.text
        time.sleep(0.2)
    raise AssertionError("the export was not built in 60 s")


def test_exports_are_background_jobs_with_the_tables_columns(hub: Hub, laptops: Any) -> None:  # noqa: F811
    from openpyxl import load_workbook

    seed_province(hub, laptops)
    add_viewer(hub, "hanoi")
    session = signed_in(hub, "hanoi")
    page = session.get(f"{hub.url}/province/", timeout=10).text
    headers_on_page = re.findall(r'<th scope="col"[^>]*title="([^"]+)">', page)
    files = {}
    for fmt in ("csv", "xlsx"):
        made = session.post(
            f"{hub.url}/province/exports",
            data={"format": fmt, "csrf": form_token(page)},
            allow_redirects=False,
        )
        assert made.status_code == 303 and made.headers["location"].startswith("/province/exports/")
        job_page = wait_for_export(session, hub.url + made.headers["location"])
        link = re.search(r'id="download" href="([^"]+)"', job_page)
        assert link
        answer = session.get(hub.url + link.group(1), timeout=10)
        assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
        files[fmt] = answer.content
    with hub.engine.connect() as conn:
        jobs = conn.exec_driver_sql("SELECT status, format, login FROM hub_export_job ORDER BY format").all()
    assert jobs == [("done", "csv", "hanoi"), ("done", "xlsx", "hanoi")]

    assert files["csv"].startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads the Vietnamese right
    rows = list(csv.reader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    header = rows[0]
    # The table's columns (the commune's code beside its name, the two sync times apart).
    assert header[0] == "Xã" and header[1] == "Mã xã"
    assert header[2:4] == ["Đã đồng bộ (máy chủ nhận)", "Đã đồng bộ (máy ghi)"]
    assert sorted([header[0], "Đã đồng bộ", *header[4:]]) == sorted(headers_on_page)
    assert "Hoàn thành: Sử dụng VNeID" in header
    assert "Hộ có kỹ năng HH-1: Sử dụng dịch vụ công trực tuyến" in header
    by_code = {r[1]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert set(by_code) >= {COMMUNE_A, COMMUNE_B, COMMUNE_C} and OTHER_COMMUNE not in by_code
    assert by_code[COMMUNE_A]["Người học đã tiếp cận"] == "3"
    assert by_code[COMMUNE_C]["Người học đã tiếp cận"] == ""  # no data is empty, not 0
    assert by_code[COMMUNE_A]["Chứng chỉ đã cấp"] == "0"
    assert by_code[COMMUNE_A]["Đã đồng bộ (máy chủ nhận)"] != ""

    book = load_workbook(io.BytesIO(files["xlsx"]), read_only=True)
    sheet = book.worksheets[0]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    book.close()
    assert values[0] == header
    xlsx = {r[1]: dict(zip(header, r, strict=True)) for r in values[1:]}
    assert xlsx[COMMUNE_A]["Người học đã tiếp cận"] == 3
    assert xlsx[COMMUNE_C]["Người học đã tiếp cận"] is None
    assert xlsx[COMMUNE_B]["Người học đã tiếp cận"] == 1


def test_add_viewer_refusals_write_nothing(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    def add(*args: str, password: str | None = PASSWORD) -> subprocess.CompletedProcess[str]:
        return viewer_cli(hub, *args, password=password)

    cases = [
        (("--province", "01", "--name", "hanoi", "--password-stdin"), "short\n", "at least 10 characters"),
        (("--province", "99", "--name", "hanoi", "--password-stdin"), PASSWORD, "no province '99'"),
        (("--province", "01", "--name", "a b", "--password-stdin"), PASSWORD, "A login name has"),
        (("--province", "01", "--name", "hanoi"), PASSWORD, "use --password-stdin"),  # no terminal
    ]
    for args, password, says in cases:
        done = add(*args, password=password)
        assert done.returncode == 1, done
        assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert count(hub, "hub_viewer") == 0
    assert add("--province", "01", "--name", "hanoi", "--password-stdin").returncode == 0
    taken = add("--province", "01", "--name", "HANOI", "--password-stdin")
    assert taken.returncode == 1 and "already a viewer hanoi" in taken.stderr
    listed = run_cli("hub", "viewers", "--json", data_dir=hub.data_dir, db=hub.db_url)
    assert '"login": "hanoi"' in listed.stdout and '"province_code": "01"' in listed.stdout
    with hub.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT password_hash FROM hub_viewer").scalar()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    session = signed_in(hub, "hanoi")
    assert run_cli("hub", "remove-viewer", "hanoi", data_dir=hub.data_dir, db=hub.db_url).returncode == 0
    # Removing the account signs its browsers out at once.
    assert session.get(f"{hub.url}/province/", allow_redirects=False, timeout=10).status_code == 303
    gone = run_cli("hub", "remove-viewer", "hanoi", data_dir=hub.data_dir, db=hub.db_url, check=False)
    assert gone.returncode == 1 and "no account hanoi" in gone.stderr
    # As DESIGN.md gives it, `hub add-viewer --province CODE` alone: the login is tinhCODE.
    plain = add("--province", "01", "--password-stdin")
    assert plain.returncode == 0 and "Account tinh01 made" in plain.stdout, plain
    assert sign_in(hub, "tinh01")[1].status_code == 303


def test_the_migration_builds_exactly_the_dashboards_tables(hub_db_url: str) -> None:  # noqa: F811
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from volunteer_kit.hub.db import open_hub_engine
    from volunteer_kit.hub.models import metadata
    from volunteer_kit.hub.web import models

    engine = open_hub_engine(hub_db_url)
    mine = {t.name for t in (models.viewer_t, models.session_t, models.login_attempt_t, models.export_job_t)}
    assert mine <= set(metadata.tables)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        differences = [d for d in compare_metadata(context, metadata) if _table_of(d) in mine]
    engine.dispose()
    assert differences == []


def _table_of(diff: Any) -> str | None:
    """The table an alembic autogenerate difference is about."""
    op = diff[0] if isinstance(diff, list) else diff
    kind = op[0]
    if kind in ("add_table", "remove_table"):
        return str(op[1].name)
    if kind in ("add_index", "remove_index", "add_constraint", "remove_constraint"):
        return str(op[1].table.name)
    if kind in ("add_column", "remove_column") or kind.startswith("modify_"):
        return str(op[2])
    return None


@pytest.mark.hub_args("--self-signed")
def test_over_https_the_session_cookie_is_secure(hub: Hub) -> None:  # noqa: F811
    from volunteer_kit.hub.serve import local_hub_session

    add_viewer(hub, "hanoi")
    with local_hub_session(hub.url, hub.cert) as session:
        form = session.get(f"{hub.url}/province/login", timeout=10)
        assert "Secure" in form.headers["set-cookie"]  # the sign-in form's token cookie too
        answer = session.post(
            f"{hub.url}/province/login",
            data={"csrf": form_token(form.text), "login": "hanoi", "password": PASSWORD},
            allow_redirects=False,
            timeout=30,
        )
        assert answer.status_code == 303
        cookie = answer.headers["set-cookie"]
        assert "vk_session=" in cookie and "Secure" in cookie and "HttpOnly" in cookie


def test_one_process_claims_an_export_and_a_dead_ones_job_is_taken_again(hub_db_url: str) -> None:  # noqa: F811
    from datetime import timedelta

    from volunteer_kit.core.clock import utcnow
    from volunteer_kit.hub.db import open_hub_engine
    from volunteer_kit.hub.web import exports

    engine = open_hub_engine(hub_db_url)
    try:
        job = exports.create_job(engine, login="hanoi", province_code="01", fmt="csv", lang="vi")
        queued = exports.get_job(engine, job, login="hanoi") or {}
        assert not exports.needs_worker(queued)  # its own process starts it
        assert exports.needs_worker(queued, utcnow() + exports.QUEUED_WAIT + timedelta(seconds=1))
        assert exports.claim(engine, job) and not exports.claim(engine, job)  # one taker only
        later = utcnow() + exports.STALE_RUNNING + timedelta(seconds=1)
        assert exports.needs_worker(exports.get_job(engine, job, login="hanoi") or {}, later)
        assert exports.claim(engine, job, now=later)  # its process died: taken again
        exports.run_job(engine, job)  # already claimed by the one above: this one does nothing
        assert (exports.get_job(engine, job, login="hanoi") or {})["status"] == "running"
        assert exports.get_job(engine, job, login="saigon") is None
        # Past its 24 hours it is gone, and deleted when the next job is made.
        gone = utcnow() + exports.EXPORT_KEEP + timedelta(seconds=1)
        exports.create_job(engine, login="hanoi", province_code="01", fmt="xlsx", lang="vi", now=gone)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM hub_export_job").scalar() == 1
    finally:
        engine.dispose()


def test_without_jinja2_the_hub_mounts_no_dashboard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from starlette.routing import NoMatchFound

    from volunteer_kit.hub.api import create_app
    from volunteer_kit.hub.db import open_hub_engine, sqlite_url

    engine = open_hub_engine(sqlite_url(tmp_path / "hub.sqlite3"))
    try:
        app = create_app(engine, access_log=False, data_dir=tmp_path)
        assert app.url_path_for("login_form") == "/province/login"
        assert "province-static" in [getattr(r, "name", "") for r in app.routes]
        monkeypatch.setitem(sys.modules, "jinja2", None)  # as in the desktop bundle: import fails
        with caplog.at_level("INFO", logger="volunteer_kit.hub"):
            app = create_app(engine, access_log=False, data_dir=tmp_path)
    finally:
        engine.dispose()
    with pytest.raises(NoMatchFound):
        app.url_path_for("login_form")
    assert "province-static" not in [getattr(r, "name", "") for r in app.routes]
    assert app.url_path_for("verify_certificate", code="x").lower() == "/v/x"  # the rest of the hub is there
    assert "province dashboard not served" in caplog.text


def _add_viewer_on_a_terminal(hub: Hub, login: str, first: str, second: str) -> tuple[int, str]:  # noqa: F811
    """`hub add-viewer` run on a pseudo-terminal (its controlling terminal, as a person's), typing
    the password twice when asked; (exit code, what the terminal showed)."""
    import pty

    command = [sys.executable, "-m", "volunteer_kit", "--lang", "en", "hub", "add-viewer"]
    command += ["--province", "01", "--name", login, "--db", hub.db_url]
    env = {**os.environ, "VOLUNTEER_KIT_HOME": str(hub.data_dir), "PYTHONIOENCODING": "utf-8"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI, with the pty as its terminal
        os.chdir(ROOT)
        os.execvpe(sys.executable, command, env)
    shown = b""

    def read_until(wanted: bytes | None, seen: int) -> None:
        """Read what the terminal shows until `wanted` appears after `seen` (None: until it closes)."""
        nonlocal shown
        deadline = time.monotonic() + 60
        while wanted is None or wanted not in shown[seen:]:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, f"the terminal showed no {wanted!r} in 60 s: {shown!r}"
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                assert wanted is None, shown
                return
            shown += chunk

    try:
        # Each answer only once its prompt is shown: getpass flushes what was typed before it.
        read_until(b"Password:", 0)
        os.write(fd, first.encode() + b"\n")
        read_until(b"Password again:", len(shown))
        os.write(fd, second.encode() + b"\n")
        read_until(None, len(shown))
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
# Python 3.12+ warns at any fork of a process with threads; the child only execs the CLI.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_add_viewer_asks_the_password_twice_on_a_terminal(hub: Hub) -> None:  # noqa: F811
    code, shown = _add_viewer_on_a_terminal(hub, "hanoi", PASSWORD, PASSWORD + "x")
    assert code == 1 and "The two passwords differ; no account made." in shown
    assert PASSWORD not in shown  # never echoed
    assert count(hub, "hub_viewer") == 0
    code, shown = _add_viewer_on_a_terminal(hub, "hanoi", PASSWORD, PASSWORD)
    assert code == 0 and "Account hanoi made" in shown, shown
    assert sign_in(hub, "hanoi")[1].status_code == 303
