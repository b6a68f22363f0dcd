"""Verifying a PDF reads every page, one at a time, and says so plainly when a bound stops it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.conftest import _running_app, make_officer
from tests.test_certificates import (
    PACK,
    _outlines,
    _replace_qr,
    _sample,
    _signed,
    complete_pack,
    longest_names,
)
from volunteer_kit.certificates import verify
from volunteer_kit.certificates.issue import issue_certificates, print_certificates
from volunteer_kit.certificates.payload import Status
from volunteer_kit.certificates.pdf import write_certificates_pdf
from volunteer_kit.certificates.verify import CodesRead, read_codes, verify_codes_in_store, verify_image
from volunteer_kit.store.devices import save_profile
from volunteer_kit.ui.app import Application

WAIT = 30_000


def _batch(path: Path, count: int) -> dict[str, bytes]:
    """A PDF of `count` certificates whose QR codes verify with the keys returned."""
    payload, trusted, _data = _signed()
    write_certificates_pdf([_replace_qr(c, payload) for c in _sample(count)], path)
    return trusted


def test_every_certificate_of_a_long_printed_batch_is_verified(demo_engine, data_dir: Path) -> None:
    make_officer(demo_engine)
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
        learners = longest_names(conn, 30)
        complete_pack(conn, learners)
        issued = issue_certificates(conn, data_dir, learners, PACK, _outlines())
    out = data_dir / "chứng nhận cả xã.pdf"
    with demo_engine.begin() as conn:
        assert len(print_certificates(conn, out, _outlines())) == 30
    moved: list[tuple[int, int]] = []
    codes = read_codes(out, progress=lambda done, total: moved.append((done, total)))
    assert isinstance(codes, CodesRead) and codes.pages == codes.pages_read == 30 and codes.every_page_read
    assert moved == [(page, 30) for page in range(1, 31)]
    with demo_engine.connect() as conn:
        verdicts = verify_codes_in_store(conn, out, codes)
    assert len(verdicts) == 30 and all(v.status is Status.valid for v in verdicts), verdicts
    assert sorted(v.data.serial for v in verdicts if v.data) == sorted(c.serial for c in issued)


def test_past_the_page_bound_the_verdicts_say_how_many_pages_were_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "MAX_PDF_PAGES", 3)
    pdf = tmp_path / "batch.pdf"
    trusted = _batch(pdf, 5)
    verdicts = verify_image(pdf, trusted)
    assert [v.status for v in verdicts] == [Status.unreadable] + [Status.valid] * 3
    assert "đã đọc 3/5 trang" in verdicts[0].vi and "read 3 of 5 pages" in verdicts[0].en


def test_a_reading_given_up_stops_after_the_page_in_hand(tmp_path: Path) -> None:
    pdf = tmp_path / "batch.pdf"
    _batch(pdf, 4)
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 2:
            cancel.set()

    codes = read_codes(pdf, progress=progress, cancel=cancel)
    assert isinstance(codes, CodesRead)
    assert (codes.pages, codes.pages_read, len(codes.texts)) == (4, 2, 2)


def test_a_huge_page_is_rendered_within_the_pixel_bound(tmp_path: Path) -> None:
    """A 5 × 5 m page would be 3.6 billion pixels at 300 dpi: it is read smaller, not refused or run out
    of memory on."""
    document = pdfium.PdfDocument.new()
    document.new_page(14_400, 14_400)
    path = tmp_path / "poster.pdf"
    document.save(str(path))
    document.close()
    assert read_codes(path) == CodesRead([], pages=1, pages_read=1)
    (verdict,) = verify_image(path, {})
    assert verdict.status is Status.unreadable and "no QR code" in verdict.en


@pytest.fixture
def app(qtbot, demo_engine, data_dir: Path) -> Iterator[Application]:
    yield from _running_app(qtbot, data_dir)


def test_the_verify_screen_says_how_many_pages_it_read(
    qtbot, app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "chứng nhận.pdf"
    _batch(pdf, 5)  # signed by a key this laptop does not know: each is "unknown signer"
    dialog = app.window.certificates.open_verify_dialog()
    said: list[str] = []
    show = dialog.status.setText

    def saying(text: str) -> None:
        said.append(text)
        show(text)

    monkeypatch.setattr(dialog.status, "setText", saying)
    with qtbot.waitSignal(dialog.verified, timeout=WAIT):
        dialog.check_file(pdf)
    assert said[0] == "Đang đọc chứng nhận.pdf…" and "Đang đọc chứng nhận.pdf: trang 5/5…" in said
    assert len(dialog.views()) == 5 and {str(v.status) for v in dialog.verdicts} == {"unknown_key"}
    assert dialog.status.text() == (
        "Tìm thấy 5 mã QR trong tệp; từng mã được kiểm tra bên dưới. Đã đọc hết 5 trang của tệp PDF."
    )

    monkeypatch.setattr(verify, "MAX_PDF_PAGES", 3)
    with qtbot.waitSignal(dialog.verified, timeout=WAIT):
        dialog.check_file(pdf)
    views = dialog.views()
    assert len(views) == 4 and "đã đọc 3/5 trang" in views[0].message.text()
    assert dialog.status.text().endswith("Đã đọc 3/5 trang: các trang sau chưa được kiểm tra.")
