"""Certificates: eligibility from facts, issuing (officers only), signed QR, PDF, verification, revocation."""

from __future__ import annotations

import base64
import stat
import threading
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader
from sqlalchemy import text

from tests.conftest import make_officer, run_cli
from volunteer_kit import paths
from volunteer_kit.certificates import keys
from volunteer_kit.certificates.eligibility import eligibility
from volunteer_kit.certificates.issue import issue_certificates, print_certificates, revoke
from volunteer_kit.certificates.payload import (
    HEADER_BYTES,
    CertificateData,
    Status,
    encode_payload,
    key_id_for,
    qr_text,
    verify_payload,
)
from volunteer_kit.certificates.pdf import Cancelled, PrintedCertificate, write_certificates_pdf
from volunteer_kit.certificates.qr import qr_version
from volunteer_kit.certificates.verify import verify_image, verify_image_in_store, verify_in_store
from volunteer_kit.errors import InvalidInput
from volunteer_kit.packs.outline import outlines_by_id
from volunteer_kit.store import certificates as store
from volunteer_kit.store.devices import save_profile
from volunteer_kit.store.engine import open_store
from volunteer_kit.store.learners import withdraw_consent
from volunteer_kit.store.merge import merge_learners
from volunteer_kit.store.teaching import record_quiz_attempt, record_skill_checks, start_session

PACK = "vn.bdhvs.vneid"


def _outlines():
    return outlines_by_id(paths.lessons_dir())


def complete_pack(conn, learner_ids: list[str], pack_id: str = PACK) -> None:
    """Record what finishing a pack takes: every lesson attended, the quiz passed, every required check."""
    outline = _outlines()[pack_id]
    session = start_session(
        conn,
        kind="group_class",
        pack_id=pack_id,
        pack_version=outline.version,
        lesson_ids=outline.lesson_ids,
        place="Nhà văn hóa thôn",
        learner_ids=learner_ids,
    )
    for learner_id in learner_ids:
        record_quiz_attempt(
            conn,
            session_id=session,
            learner_id=learner_id,
            pack_id=pack_id,
            pack_version=outline.version,
            answers={},
            correct=9,
            total=10,
            percent=90.0,
            passed=True,
        )
    record_skill_checks(
        conn,
        session_id=session,
        pack_id=pack_id,
        pack_version=outline.version,
        results={(x, check): True for x in learner_ids for check in outline.required_checks},
    )


def longest_names(conn, count: int) -> list[str]:
    """Ids of the demo learners with the longest, most accented names (still identifiable, not merged)."""
    rows = conn.exec_driver_sql(
        "SELECT id, full_name FROM learner WHERE deleted = 0 AND anonymized = 0 AND merged_into_id IS NULL"
    ).all()
    rows.sort(key=lambda r: (-len(r[1].encode("utf-8")), r[0]))
    return [r[0] for r in rows[:count]]


@pytest.fixture
def officer(demo_engine, data_dir: Path):
    """The demo commune on an officer's device; twelve learners (longest names first) finished VNeID."""
    make_officer(demo_engine)
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
        learners = longest_names(conn, 12)
        complete_pack(conn, learners)
    return demo_engine, learners


def _issue(engine, learner_ids: list[str], data_dir: Path, pack_id: str = PACK):
    with engine.begin() as conn:
        return issue_certificates(conn, data_dir, learner_ids, pack_id, _outlines())


def _qr_texts_of(pdf: Path, dpi: int = 200) -> list[str]:
    document = pdfium.PdfDocument(str(pdf))
    texts = []
    for index in range(len(document)):
        image = document[index].render(scale=dpi / 72).to_pil()
        # QR codes only: zxing also tries linear formats, and the fine print can pass for one.
        found = {code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)}
        assert len(found) == 1, f"page {index + 1}: {len(found)} different QR codes"
        texts.append(found.pop())
    document.close()
    return texts


# Eligibility


def test_completing_a_pack_makes_a_learner_eligible_and_says_why(officer) -> None:
    engine, learners = officer
    with engine.connect() as conn:
        found = {e.learner_id: e for e in eligibility(conn, _outlines(), PACK)}
    for learner_id in learners:
        assert found[learner_id].eligible
        assert "đạt bài kiểm tra" in found[learner_id].why("vi")
    waiting = [e for e in found.values() if not e.eligible]
    assert waiting, "the demo has learners part-way through the pack"
    assert all(e.why("en").startswith("Still missing: ") for e in waiting)
    assert all(e.eligible == (e.complete and e.issued_serial is None) for e in found.values())


def test_eligibility_lists_by_pack_then_hamlet(officer) -> None:
    engine, _learners = officer
    with engine.connect() as conn:
        rows = eligibility(conn, _outlines())
    keys_in_order = [(e.pack_id, e.hamlet) for e in rows]
    assert keys_in_order == sorted(keys_in_order)


def test_an_issued_learner_is_not_eligible_again(officer, data_dir: Path) -> None:
    engine, learners = officer
    issued = _issue(engine, learners[:1], data_dir)
    with engine.connect() as conn:
        again = {e.learner_id: e for e in eligibility(conn, _outlines(), PACK)}[learners[0]]
    assert not again.eligible and again.issued_serial == issued[0].serial
    with pytest.raises(InvalidInput, match="Already holds certificate"):
        _issue(engine, learners[:1], data_dir)


def test_withdrawn_or_merged_learners_are_never_eligible(officer, data_dir: Path) -> None:
    engine, learners = officer
    with engine.begin() as conn:
        withdraw_consent(conn, learners[0])
        merge_learners(conn, keep_id=learners[2], merge_id=learners[1])
    with engine.connect() as conn:
        listed = {e.learner_id for e in eligibility(conn, _outlines(), PACK)}
    assert learners[0] not in listed and learners[1] not in listed
    for learner_id in learners[:2]:
        with pytest.raises(InvalidInput):
            _issue(engine, [learner_id], data_dir)


# Issuing


def test_only_an_officer_issues_and_revokes(demo_engine, data_dir: Path) -> None:
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Lê Văn Hùng", phone="")
        learners = longest_names(conn, 1)
        complete_pack(conn, learners)
    with pytest.raises(InvalidInput, match="officer") as refused:
        _issue(demo_engine, learners, data_dir)
    assert "cán bộ" in refused.value.vi
    with pytest.raises(InvalidInput, match="officer"), demo_engine.begin() as conn:
        revoke(conn, "00577-ABCDEF-000001", "nhầm")
    assert not keys.key_path(data_dir).exists()


def test_issuing_records_a_signed_fact_and_a_private_key_only_on_disk(officer, data_dir: Path) -> None:
    engine, learners = officer
    issued = _issue(engine, learners[:3], data_dir)
    key_file = keys.key_path(data_dir)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with engine.connect() as conn:
        trusted = keys.trusted_keys(conn)
        rows = conn.execute(text("SELECT serial, pending, payload FROM certificate")).all()
        key_rows = conn.execute(text("SELECT key_id, pending, volunteer_id FROM issuer_key")).all()
        dump = "\n".join(conn.connection.iterdump())
    loaded = keys.load_issuer_key(data_dir)
    assert loaded is not None and list(trusted) == [loaded.key_id]
    assert key_id_for(base64.b64decode(trusted[loaded.key_id])) == loaded.key_id
    assert (
        len(rows) == 3 and all(r.pending for r in rows) and key_rows[0].pending and key_rows[0].volunteer_id
    )
    assert "PRIVATE" not in dump and "PRIVATE KEY" in key_file.read_text()
    for cert in issued:
        assert cert.serial.startswith(f"00577-{loaded.key_id[:6].upper()}-")
        assert cert.qr_text.startswith("vk-cert:")
        assert verify_payload(cert.qr_text, trusted).valid


def test_the_qr_links_to_the_hub_once_the_device_knows_it(officer, data_dir: Path) -> None:
    engine, learners = officer
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES ('hub_url', 'https://hub.battrang.vn')"
        )
    (cert,) = _issue(engine, learners[:1], data_dir)
    assert cert.qr_text == f"https://hub.battrang.vn/v/{cert.payload}"


def test_a_name_the_font_cannot_draw_is_refused_at_issue(officer, data_dir: Path) -> None:
    engine, learners = officer
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE learner SET full_name = :n WHERE id = :id"),
            {"n": "Nguyễn 李 Hoa 😀", "id": learners[0]},
        )
    with pytest.raises(InvalidInput, match="U\\+674E") as refused:
        _issue(engine, learners[:2], data_dir)
    assert "U+1F600" in refused.value.en and "phông chữ" in refused.value.vi
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM certificate").scalar() == 0


def test_serials_are_unique_across_two_offline_data_folders(officer, data_dir: Path, tmp_path: Path) -> None:
    from datetime import date

    from volunteer_kit.store.demo import load_demo
    from volunteer_kit.store.devices import ensure_device

    engine, learners = officer
    other_dir = tmp_path / "other"
    other = open_store(other_dir / "volunteer-kit.sqlite3")
    ensure_device(other)
    load_demo(other, learners=300, seed=7, anchor=date(2026, 11, 20), lessons_dir=paths.lessons_dir())
    make_officer(other)
    with other.begin() as conn:
        save_profile(conn, full_name="Phạm Minh Đức", phone="")
        other_learners = longest_names(conn, 12)
        complete_pack(conn, other_learners)
    first = {c.serial for c in _issue(engine, learners, data_dir)}
    second = {c.serial for c in _issue(other, other_learners, other_dir)}
    other.dispose()
    assert len(first) == len(second) == 12
    assert not first & second
    assert {s[:5] for s in first | second} == {"00577"}


# Printing and reading back


def test_printed_certificates_read_back_exactly_and_every_qr_verifies(officer, data_dir: Path) -> None:
    engine, learners = officer
    issued = _issue(engine, learners, data_dir)
    out = data_dir / "out" / "chung-nhan.pdf"
    seen = []
    with engine.begin() as conn:
        printed = print_certificates(
            conn, out, _outlines(), progress=lambda done, total: seen.append((done, total))
        )
    assert sorted(printed) == sorted(c.serial for c in issued)
    assert seen[-1] == (12, 12)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 12
    page_texts = [unicodedata.normalize("NFC", page.extract_text()) for page in reader.pages]
    by_serial = {c.serial: c for c in issued}
    for page_text in page_texts:
        assert (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page_text and "Độc lập - Tự do - Hạnh phúc" in page_text
        )
        serial = next(s for s in by_serial if s in page_text)
        lines = page_text.splitlines()
        assert by_serial[serial].full_name in lines  # the whole name, on one line, exactly as registered
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        if "/BaseFont" in font.get_object()
    }
    assert all("Noto" in f for f in fonts)
    qr_texts = _qr_texts_of(out)
    assert sorted(qr_texts) == sorted(c.qr_text for c in issued)
    with engine.connect() as conn:
        verdicts = [verify_in_store(conn, t) for t in qr_texts]
        assert all(v.status is Status.valid for v in verdicts), verdicts
        assert {v.data.full_name for v in verdicts} == {c.full_name for c in issued}
        assert all(v.status is Status.valid for v in verify_image_in_store(conn, out))
        assert store.certificates(conn, unprinted_only=True) == []


def test_print_pending_prints_only_what_was_not_printed(officer, data_dir: Path) -> None:
    engine, learners = officer
    _issue(engine, learners[:2], data_dir)
    with engine.begin() as conn:
        print_certificates(conn, data_dir / "a.pdf", _outlines())
    later = _issue(engine, learners[2:3], data_dir)
    with engine.begin() as conn:
        assert print_certificates(conn, data_dir / "b.pdf", _outlines()) == [later[0].serial]
    with pytest.raises(InvalidInput, match="no certificates to print"), engine.begin() as conn:
        print_certificates(conn, data_dir / "c.pdf", _outlines())


def _sample(n: int, name: str = "Nguyễn Thị Phương Quỳnh Hương") -> list[PrintedCertificate]:
    from datetime import date

    return [
        PrintedCertificate(
            serial=f"00577-ABCDEF-{i:06d}",
            full_name=name,
            birth_year=1956,
            pack_title="Sử dụng VNeID",
            competencies=("NLS-2.6", "HH-1"),
            issued_on=date(2026, 11, 21),
            commune_name="Xã Bát Tràng",
            officer_name="Trần Văn Bình",
            qr_text="vk-cert:" + "A" * 200,
        )
        for i in range(1, n + 1)
    ]


def test_a_cancelled_batch_leaves_no_pdf(tmp_path: Path) -> None:
    cancel = threading.Event()
    out = tmp_path / "batch.pdf"

    def progress(done: int, _total: int) -> None:
        if done == 3:
            cancel.set()

    with pytest.raises(Cancelled):
        write_certificates_pdf(_sample(10), out, progress=progress, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_a_long_name_shrinks_to_one_line(tmp_path: Path) -> None:
    name = "Tôn Nữ Hoàng Thị Phương Quỳnh Khánh Ngọc Huyền Trang Diễm Kiều Nguyệt Ánh"
    out = tmp_path / "long.pdf"
    write_certificates_pdf(_sample(1, name), out)
    assert name in PdfReader(str(out)).pages[0].extract_text().splitlines()


def test_the_qr_stays_at_version_15_or_below_for_the_longest_names() -> None:
    from datetime import date

    key = Ed25519PrivateKey.generate()
    key_id = key_id_for(key.public_key().public_bytes_raw())
    for name in (
        "Tôn Nữ Hoàng Thị Phương Quỳnh Khánh Ngọc Huyền Trang",  # 52 characters, 71 bytes
        "Nguyễn Huỳnh Phượng Quỳnh Thương",
        "Hoàng Phương Khánh Hạnh",
    ):
        data = CertificateData(
            f"00577-{key_id[:6].upper()}-123456",
            name,
            "vn.bdhvs.tri-tue-nhan-tao",
            date(2026, 11, 21),
            key_id,
        )
        payload = encode_payload(data, key)
        assert qr_version(qr_text(payload, "https://hub.tinh-tuyen-quang.gov.vn/xa-binh-an")) <= 15
        assert qr_version(qr_text(payload, None)) <= 13


# Verifying


def _signed(name: str = "Lò Thị Mai") -> tuple[str, dict[str, bytes], CertificateData]:
    from datetime import date

    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw()
    key_id = key_id_for(public)
    data = CertificateData(f"00577-{key_id[:6].upper()}-000042", name, PACK, date(2026, 11, 21), key_id)
    return encode_payload(data, key), {key_id: public}, data


def _raw(payload: str) -> bytes:
    return base64.b32decode(payload + "=" * (-len(payload) % 8))


def _text(raw: bytes) -> str:
    return base64.b32encode(raw).decode().rstrip("=")


def test_a_valid_payload_shows_its_data() -> None:
    payload, trusted, data = _signed()
    verdict = verify_payload("https://hub.example.vn/v/" + payload, trusted)
    assert verdict.valid and verdict.data == data and data.commune_code == "00577"
    assert verify_payload("vk-cert:" + payload.lower(), trusted).valid  # case and scheme do not matter


def test_flipping_any_byte_of_a_payload_is_caught() -> None:
    payload, trusted, _data = _signed()
    raw = _raw(payload)
    for index in range(len(raw)):
        for bit in (0x01, 0x80):
            changed = bytearray(raw)
            changed[index] ^= bit
            verdict = verify_payload(_text(bytes(changed)), trusted)
            if index == 0 or index == HEADER_BYTES - 1:  # format version, text length: the frame breaks
                assert verdict.status is Status.unreadable, (index, verdict)
            elif index <= 3:  # the key id's first 3 bytes are also in the serial: they no longer match
                assert verdict.status is Status.altered, (index, verdict)
            elif index < HEADER_BYTES - 1:  # the rest of the key id: no trusted key by that id
                assert verdict.status is Status.unknown_key, (index, verdict)
            else:  # the fields and the signature
                assert verdict.status is Status.altered, (index, verdict)


def test_an_edited_name_date_or_serial_is_altered() -> None:
    payload, trusted, data = _signed()
    raw = _raw(payload)
    for old, new in (
        (data.full_name.encode(), "Lò Thị Mây".encode()),
        (b"20261121", b"20251121"),
        (data.serial.encode(), data.serial[:-2].encode() + b"43"),
    ):
        edited = raw.replace(old, new)
        length = edited[HEADER_BYTES - 1] + len(new) - len(old)
        edited = edited[: HEADER_BYTES - 1] + bytes([length]) + edited[HEADER_BYTES:]
        assert verify_payload(_text(edited), trusted).status is Status.altered


def test_a_payload_from_an_unknown_key_is_unknown() -> None:
    payload, _trusted, data = _signed()
    _other, other_keys, _ = _signed()
    verdict = verify_payload(payload, other_keys)
    assert verdict.status is Status.unknown_key and verdict.data == data


def test_revoked_serials_are_revoked() -> None:
    payload, trusted, data = _signed()
    assert verify_payload(payload, trusted, {data.serial}).status is Status.revoked


@pytest.mark.parametrize(
    "text_in",
    ["", "   ", "xin chào", "https://hub.example.vn/v/", "vk-cert:!!!!", "0" * 500, "🙂" * 40, "\x00\x01"],
)
def test_garbage_is_unreadable(text_in: str) -> None:
    verdict = verify_payload(text_in, {})
    assert verdict.status is Status.unreadable and verdict.vi and verdict.en


def test_a_truncated_payload_is_unreadable() -> None:
    payload, trusted, _data = _signed()
    for cut in (1, 2, 8, 40, len(payload) // 2, len(payload) - 10):
        assert verify_payload(payload[:-cut], trusted).status is Status.unreadable, cut


def test_revoking_makes_the_certificate_revoked_here(officer, data_dir: Path) -> None:
    engine, learners = officer
    (cert,) = _issue(engine, learners[:1], data_dir)
    with engine.begin() as conn:
        revoke(conn, cert.serial.lower(), "Sai năm sinh, cấp lại")
    with engine.connect() as conn:
        verdict = verify_in_store(conn, cert.qr_text)
        pending = conn.exec_driver_sql("SELECT pending, reason FROM certificate_revocation").one()
        again = {e.learner_id: e for e in eligibility(conn, _outlines(), PACK)}[learners[0]]
    assert verdict.status is Status.revoked
    assert pending == (1, "Sai năm sinh, cấp lại")
    assert again.eligible  # a revoked certificate can be replaced
    for serial, reason in ((cert.serial, "lần nữa"), ("00577-ABCDEF-999999", "không có"), (cert.serial, " ")):
        with pytest.raises(InvalidInput), engine.begin() as conn:
            revoke(conn, serial, reason)


def test_bad_files_get_their_own_verdicts(tmp_path: Path) -> None:
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("RGB", (600, 400), "white").save(blank)
    broken_image = tmp_path / "photo.jpg"
    Image.effect_noise((800, 600), 60).save(broken_image, quality=90)
    broken_image.write_bytes(broken_image.read_bytes()[:4000])  # a photo cut off in transfer
    broken_pdf = tmp_path / "scan.pdf"
    broken_pdf.write_bytes(b"%PDF-1.7\n garbage")
    text_file = tmp_path / "notes.txt"
    text_file.write_text("không phải ảnh")
    for path, words in (
        (blank, "no QR code"),
        (broken_image, "damaged"),
        (broken_pdf, "PDF is damaged"),
        (text_file, "not an image"),
        (tmp_path / "missing.png", "cannot be opened"),
        (tmp_path, "cannot be opened"),
    ):
        (verdict,) = verify_image(path, {})
        assert verdict.status is Status.unreadable and words in verdict.en, (path, verdict.en)


def test_a_photo_of_a_certificate_verifies(tmp_path: Path) -> None:
    """A 300-dpi scan as a JPEG, slightly rotated and shrunk (a phone photo)."""
    payload, trusted, _data = _signed("Hoàng Phương Khánh Hạnh")
    pdf = tmp_path / "one.pdf"
    sample = _sample(1)[0]
    write_certificates_pdf([_replace_qr(sample, payload)], pdf)
    page = pdfium.PdfDocument(str(pdf))[0].render(scale=300 / 72).to_pil()
    photo = tmp_path / "photo.jpg"
    page.convert("L").rotate(3, expand=True, fillcolor=255).resize((1600, 1150)).save(photo, quality=70)
    (verdict,) = verify_image(photo, trusted)
    assert verdict.valid


def _replace_qr(cert: PrintedCertificate, payload: str) -> PrintedCertificate:
    from dataclasses import replace

    return replace(cert, qr_text=qr_text(payload, None))


# The command line


def test_the_command_line_issues_prints_verifies_and_revokes(officer, data_dir: Path) -> None:
    import json

    engine, _learners = officer
    engine.dispose()
    eligible = run_cli("certificates", "eligible", "--pack", PACK, "--json", data_dir=data_dir)
    assert eligible.returncode == 0, eligible.stderr
    assert len(json.loads(eligible.stdout)) >= 12
    issued = run_cli("certificates", "issue", "--pack", PACK, "--all-eligible", "--json", data_dir=data_dir)
    assert issued.returncode == 0, issued.stderr
    certs = json.loads(issued.stdout)
    out = data_dir / "in.pdf"
    printed = run_cli("certificates", "print", "--out", str(out), "--pending", data_dir=data_dir)
    assert printed.returncode == 0 and out.exists(), printed.stderr
    ok = run_cli("--lang", "en", "certificates", "verify", certs[0]["qr_text"], data_dir=data_dir)
    assert ok.returncode == 0 and ok.stdout.startswith("valid: "), ok
    scanned = run_cli("certificates", "verify", "--image", str(out), "--data-dir", str(data_dir))
    assert scanned.returncode == 0 and scanned.stdout.count("valid: ") == len(certs)
    revoked = run_cli("certificates", "revoke", certs[0]["serial"], "--reason", "Cấp nhầm", data_dir=data_dir)
    assert revoked.returncode == 0, revoked.stderr
    again = run_cli("--lang", "en", "certificates", "verify", certs[0]["qr_text"], data_dir=data_dir)
    assert again.returncode == 1 and again.stdout.startswith("revoked: ")
    garbage = run_cli("certificates", "verify", "rác", data_dir=data_dir)
    assert (
        garbage.returncode == 1
        and garbage.stdout.startswith("unreadable: ")
        and "Traceback" not in garbage.stderr
    )
    usage = run_cli("certificates", "print", "--out", str(out), data_dir=data_dir)
    assert usage.returncode == 2
    none = run_cli("certificates", "issue", "--pack", PACK, "--all-eligible", data_dir=data_dir)
    assert none.returncode == 0  # nobody left: nothing issued, no error
