"""The province dashboard in a real browser: Playwright driving Debian's Chromium against a real hub
process. Sign in, sort, export CSV and XLSX, and a commune's figures equal the desktop report's for
the same records; a device's token and another province's viewer read nothing of it. Screenshots at
1366×768 and at phone width (390×844, full page) go to $VK_SCREENSHOTS when it is set."""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from test_hub_support import COMMUNE_A, COMMUNE_B, Hub, hub, hub_db_url  # noqa: F401
from test_province_web import (
    COMMUNE_C,
    OTHER_COMMUNE,
    OTHER_PROVINCE,
    PASSWORD,
    Laptop,
    add_viewer,
    laptops,  # noqa: F401
)

from volunteer_kit import paths
from volunteer_kit.certificates.eligibility import eligibility
from volunteer_kit.core.clock import VIETNAM
from volunteer_kit.exports.report import compute_report
from volunteer_kit.hub import analytics
from volunteer_kit.packs.outline import outlines_by_id
from volunteer_kit.store.demo import load_demo

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


def shots_folder() -> Path | None:
    folder = os.environ.get("VK_SCREENSHOTS")
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder)


class Watched:
    """A page whose console errors and uncaught exceptions are collected (a CSP refusal is one)."""

    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))


def sign_in(page: Any, url: str, login: str) -> None:
    page.goto(f"{url}/province/")
    assert page.url.endswith("/province/login")
    page.fill("#login", login)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/province/")


def row_codes(page: Any) -> list[str]:
    return page.eval_on_selector_all("tbody tr", "rows => rows.map(r => r.dataset.commune)")


def row_cells(page: Any, commune: str) -> dict[str, str]:
    """The commune's cells by column key, as the browser shows them (figure, "Chưa có dữ liệu")."""
    return page.eval_on_selector_all(
        f'tbody tr[data-commune="{commune}"] td',
        "tds => Object.fromEntries(tds.map(td => [td.dataset.key, td.innerText.split('/')[0].trim()]))",
    )


def shown_number(text: str) -> int:
    return int(text.replace(".", "").replace(",", ""))


def test_the_dashboard_in_chromium(hub: Hub, laptops: Any, browser: Any, tmp_path: Path) -> None:  # noqa: F811
    # Commune A: the demo commune's records from an officer's laptop (certificates, household skills);
    # commune B: one session; commune C known, never synced; a commune of province 79.
    today = datetime.now(VIETNAM).date()
    officer: Laptop = laptops("officer")
    load_demo(officer.engine, learners=80, seed=3, anchor=today, lessons_dir=paths.lessons_dir())
    officer.enroll(COMMUNE_A, "officer").sync()
    b = laptops("b").enroll(COMMUNE_B)
    b.teach(["Vũ Văn Hải"])
    b.sync()
    from volunteer_kit.hub import enrollment

    enrollment.ensure_commune(hub.engine, COMMUNE_C, "Xã Ân Thi", "01")
    other = laptops("other").enroll(OTHER_COMMUNE, province=OTHER_PROVINCE)
    other.teach(["Nguyễn Văn Nam", "Trần Thị Hoa"])
    other.sync()
    analytics.rebuild(hub.engine, data_dir=hub.data_dir)
    add_viewer(hub, "hanoi")
    add_viewer(hub, "saigon", OTHER_PROVINCE)
    volunteer = hub.enroll(COMMUNE_A, "volunteer")
    officer_token = hub.enroll(COMMUNE_A, "officer")
    shots = shots_folder()

    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="vi-VN"
    )
    watched = Watched(context)
    page = watched.page
    sign_in(page, hub.url, "hanoi")
    assert page.locator("h1").first.inner_text() == "Thành phố Hà Nội"
    completeness = page.locator("#completeness").inner_text()
    assert re.match(r"2/\d+ xã đã đồng bộ tuần này", completeness), completeness

    # A commune's figures equal the desktop report over a store holding that commune's records.
    outlines = outlines_by_id(paths.lessons_dir())
    with officer.engine.connect() as conn:
        report = compute_report(conn, outlines, start=None, end=None, questions={})
        completed = Counter(e.pack_id for e in eligibility(conn, outlines) if e.complete)
    shown = row_cells(page, COMMUNE_A)
    assert shown_number(shown["learners"]) == report.people_guided > 0
    assert shown_number(shown["certificates"]) == report.certificates_issued
    assert report.household_skills
    for skill, value in report.household_skills.items():
        assert shown[skill] == ("Chưa có dữ liệu" if value is None else f"{value}"), skill
    for pack_id in outlines:
        assert shown_number(shown[f"pack:{pack_id}"]) == completed.get(pack_id, 0), pack_id
    assert sum(completed.values()) > 0
    no_data = row_cells(page, COMMUNE_C)
    assert no_data["learners"] == "Chưa có dữ liệu" and no_data["synced"] == "Chưa có dữ liệu"
    style = page.eval_on_selector(
        f'tbody tr[data-commune="{COMMUNE_C}"] td[data-key="learners"]',
        "td => [getComputedStyle(td).fontStyle, getComputedStyle(td).color]",
    )
    assert style == ["italic", "rgb(138, 143, 152)"]  # grey italic, not a 0
    assert OTHER_COMMUNE not in row_codes(page)
    if shots:
        page.screenshot(path=str(shots / "province-table-1366.png"), full_page=False)
        page.evaluate("() => { const s = document.querySelector('.scroll'); s.scrollLeft = s.scrollWidth; }")
        page.screenshot(path=str(shots / "province-table-1366-right.png"), full_page=False)

    # Sorting by a column: its header link, largest first, then the other way; no data last both ways.
    page.click('th[data-key="learners"] a')
    page.wait_for_url(re.compile(r"sort=learners&dir=desc"))
    ours = [c for c in row_codes(page) if c in (COMMUNE_A, COMMUNE_B, COMMUNE_C)]
    assert ours == [COMMUNE_A, COMMUNE_B, COMMUNE_C]
    page.click('th[data-key="learners"] a')
    page.wait_for_url(re.compile(r"sort=learners&dir=asc"))
    ours = [c for c in row_codes(page) if c in (COMMUNE_A, COMMUNE_B, COMMUNE_C)]
    assert ours == [COMMUNE_B, COMMUNE_A, COMMUNE_C]

    # Exports: a job page that says it is preparing, then the file.
    files = {}
    for fmt in ("csv", "xlsx"):
        page.goto(f"{hub.url}/province/")
        page.click(f'button[name="format"][value="{fmt}"]')
        page.wait_for_url(re.compile(r"/province/exports/[0-9a-f-]{36}$"))
        page.wait_for_selector("#download", timeout=60_000)
        with page.expect_download() as info:
            page.click("#download")
        target = tmp_path / f"export.{fmt}"
        info.value.save_as(target)
        files[fmt] = target
    rows = list(csv.reader(io.StringIO(files["csv"].read_text(encoding="utf-8-sig"))))
    by_code = {r[1]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert int(by_code[COMMUNE_A]["Người học đã tiếp cận"]) == report.people_guided
    assert by_code[COMMUNE_C]["Người học đã tiếp cận"] == ""
    from openpyxl import load_workbook

    book = load_workbook(files["xlsx"], read_only=True)
    values = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    assert values[0] == rows[0]
    xlsx = {r[1]: dict(zip(values[0], r, strict=True)) for r in values[1:]}
    assert xlsx[COMMUNE_A]["Chứng chỉ đã cấp"] == report.certificates_issued

    # Charts: drawn by the bundled Chart.js (no CDN), one per indicator, nothing refused by the CSP.
    page.goto(f"{hub.url}/province/charts")
    page.wait_for_function("() => document.querySelectorAll('canvas').length > 5")
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('canvas')].filter(c => Chart.getChart(c)).length"
    )
    assert drawn == page.locator("canvas").count() > 5
    assert "Chưa có dữ liệu: Xã Ân Thi" in page.locator("#charts").inner_text()
    if shots:
        page.screenshot(path=str(shots / "province-charts-1366.png"), full_page=True)

    # English on asking, kept for the next page.
    page.goto(f"{hub.url}/province/?lang=en")
    assert "communes synced this week" in page.locator("#completeness").inner_text()
    page.goto(f"{hub.url}/province/")
    assert page.locator('th[data-key="learners"]').inner_text().startswith("Learners reached")
    page.goto(f"{hub.url}/province/?lang=vi")
    assert watched.problems == []
    context.close()

    # A phone: the table scrolls inside its box, the commune column stays; charts full width.
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    small = Watched(phone)
    sign_in(small.page, hub.url, "hanoi")
    sizes = small.page.evaluate(
        "() => { const s = document.querySelector('.scroll'); return [document.documentElement.scrollWidth,"
        " s.clientWidth, s.scrollWidth]; }"
    )
    assert sizes[0] <= 390 and sizes[2] > sizes[1]  # the page does not scroll sideways; the table does
    small.page.evaluate("() => { document.querySelector('.scroll').scrollLeft = 400; }")
    left = small.page.eval_on_selector(
        "tbody tr th.sticky",
        "th => th.getBoundingClientRect().left - th.closest('.scroll').getBoundingClientRect().left",
    )
    assert abs(left) < 2  # the commune column stuck to the box's left edge
    small.page.evaluate("() => { document.querySelector('.scroll').scrollLeft = 0; }")
    if shots:
        small.page.screenshot(path=str(shots / "province-table-390.png"), full_page=True)
    small.page.goto(f"{hub.url}/province/charts")
    small.page.wait_for_function("() => document.querySelectorAll('canvas').length > 5")
    width = small.page.eval_on_selector("figure.chart", "f => f.getBoundingClientRect().width")
    assert width > 340
    if shots:
        small.page.screenshot(path=str(shots / "province-charts-390.png"), full_page=True)
    assert small.problems == []
    phone.close()

    # A volunteer's or an officer's token opens nothing: the browser lands on the sign-in page.
    for device in (volunteer, officer_token):
        ctx = browser.new_context(extra_http_headers={"Authorization": f"Bearer {device.token}"})
        tab = ctx.new_page()
        tab.goto(f"{hub.url}/province/")
        assert tab.url.endswith("/province/login") and tab.locator("#password").count() == 1
        assert ctx.request.get(f"{hub.url}/province/exports/x/file").status == 401
        ctx.close()

    # Another province's viewer sees only theirs.
    ctx = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = ctx.new_page()
    sign_in(tab, hub.url, "saigon")
    assert "Hồ Chí Minh" in tab.locator("h1").first.inner_text()
    assert OTHER_COMMUNE in row_codes(tab) and COMMUNE_A not in row_codes(tab)
    tab.goto(f"{hub.url}/province/?sort=learners&dir=desc")
    assert COMMUNE_A not in row_codes(tab)
    ctx.close()

    # The sign-in page itself, for the record.
    if shots:
        ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        tab = ctx.new_page()
        tab.goto(f"{hub.url}/province/login")
        tab.screenshot(path=str(shots / "province-login-390.png"), full_page=True)
        ctx.close()
