"""TLS for the hub (issue 14): `hub serve --self-signed` or `--tls-cert/--tls-key`; the enrollment
code carries the https address and the certificate's fingerprint, which a new laptop pins by the
code alone; a tampered fingerprint or a replaced certificate is refused; plain http only for this
computer or with --insecure, which the Sync page shows as a warning.

Every hub is a real `hub serve` process on 127.0.0.1. Addresses of the network appear only as
URL strings that must be refused before any connection: no traffic leaves this computer.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import certifi
import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.conftest import make_officer
from tests.conftest import run_cli as run_laptop_cli
from tests.test_hub_support import (  # noqa: F401 - fixtures
    COMMUNE_A,
    ROOT,
    Hub,
    free_port,
    hub,
    hub_db_url,
    run_cli,
)
from volunteer_kit.errors import InvalidInput, KnownError
from volunteer_kit.hub.db import open_hub_engine
from volunteer_kit.hub.serve import lan_address, local_hub_session, served_certificate
from volunteer_kit.hub.tls import CERT_FILE, KEY_FILE, file_fingerprint
from volunteer_kit.sync import client, local
from volunteer_kit.sync.probe import EnrollmentCode, probe, read_enroll_qr
from volunteer_kit.sync.transport import fingerprint_groups, is_loopback_url

WAIT = 60_000


# ---------------------------------------------------------------- helpers


def _enroll_code(hub_dir: Path, db: str, *options: str) -> dict:
    done = run_cli(
        "hub",
        "enroll-code",
        "--commune",
        COMMUNE_A,
        "--role",
        "volunteer",
        "--json",
        *options,
        data_dir=hub_dir,
        db=db,
    )
    return json.loads(done.stdout)


def _laptop(
    folder: Path, *args: str, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = run_laptop_cli("--lang", "en", *args, data_dir=folder, env=env)
    if check and done.returncode != 0:
        raise AssertionError(f"exit {done.returncode}: {done.stderr}")
    return done


def _laptop_with_records(folder: Path, learners: int = 20) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _laptop(folder, "demo", "--learners", str(learners), "--anchor-date", "2026-11-20")
    return folder


def _enrolled(folder: Path) -> bool:
    return json.loads(_laptop(folder, "status", "--json").stdout)["enrolled"]


def _hub_records(db: str) -> int:
    engine = open_hub_engine(db)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM hub_record").scalar()
    finally:
        engine.dispose()


def _tampered(fingerprint: str) -> str:
    last = "0" if fingerprint[-1] != "0" else "1"
    return fingerprint[:-1] + last


@contextmanager
def _serving(hub_dir: Path, port: int, db: str, *options: str) -> Iterator[str]:
    """`hub serve` on 127.0.0.1:`port` with `options` until the block ends; yields its URL once
    its health endpoint answers over the certificate it serves."""
    hub_dir.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("VOLUNTEER_KIT_HOME", None)
    log_path = hub_dir.parent / f"hub-{port}.txt"
    with log_path.open("a") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "volunteer_kit", "hub", "serve", "--data-dir", str(hub_dir)]
            + ["--port", str(port), "--db", db, *options],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )
        try:
            cert = served_certificate(hub_dir, options)
            url = f"{'https' if cert else 'http'}://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    with local_hub_session(url, cert) as session:
                        if session.get(f"{url}/api/v1/health", timeout=1).ok:
                            break
                except (requests.RequestException, OSError, KnownError):
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("the hub did not start: " + log_path.read_text())
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _certificate(
    cert_path: Path,
    key_path: Path,
    *,
    name: str,
    issuer: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None = None,
    ca: bool = False,
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """A certificate for 127.0.0.1 (self-signed, or signed by `issuer`), as an operator brings one."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    signer_name, signer_key = (issuer[0].subject, issuer[1]) if issuer else (subject, key)
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(signer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True
        )
    else:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        )
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer[1].public_key()), critical=False
        )
    cert = builder.sign(signer_key, hashes.SHA256())
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert, key


def _network_address() -> str:
    """An address of the network, used only as text in a URL that must be refused."""
    found = lan_address()
    return found if not ipaddress.ip_address(found).is_loopback else "192.0.2.10"  # TEST-NET-1


# ---------------------------------------------------------------- enrolling by the code alone


@pytest.mark.hub_args("--self-signed")
def test_new_laptop_enrolls_over_tls_by_the_code_text_alone(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    assert hub.url.startswith("https://") and hub.cert == hub.data_dir / CERT_FILE
    pin = file_fingerprint(hub.cert)
    made = _enroll_code(hub.data_dir, hub.db_url)
    assert made["hub_url"] == hub.url and made["tls_fingerprint"] == pin
    assert made["qr_text"] == f"vk-enroll:{hub.url}?code={made['code']}&fp={pin}"

    laptop = _laptop_with_records(tmp_path / "laptop")
    enrolled = json.loads(_laptop(laptop, "enroll", "--code", made["qr_text"], "--json").stdout)
    assert enrolled["hub_url"] == hub.url and enrolled["commune_code"] == COMMUNE_A
    synced = json.loads(_laptop(laptop, "sync", "--json").stdout)
    assert synced["accepted"] > 20 and synced["rejected"] == 0 and synced["pending"] == 0
    assert hub.count("hub_record") >= synced["accepted"]

    # Another new laptop, with nothing of its own, receives them over the same pinned TLS.
    other = tmp_path / "other laptop"
    other.mkdir()
    _laptop(other, "enroll", "--code", _enroll_code(hub.data_dir, hub.db_url)["qr_text"])
    assert json.loads(_laptop(other, "sync", "--json").stdout)["pulled"] >= synced["accepted"]


@pytest.mark.hub_args("--self-signed")
def test_self_signed_certificate_is_kept_private_and_names_the_hub(hub: Hub) -> None:  # noqa: F811
    cert = x509.load_pem_x509_certificate(hub.cert.read_bytes())
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "localhost" in names.get_values_for_type(x509.DNSName)
    assert ipaddress.ip_address("127.0.0.1") in names.get_values_for_type(x509.IPAddress)
    assert (
        isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
        and cert.public_key().curve.name == "secp256r1"
    )
    assert cert.not_valid_after_utc - cert.not_valid_before_utc > dt.timedelta(days=9 * 365)
    if os.name == "posix":
        assert (hub.data_dir / KEY_FILE).stat().st_mode & 0o777 == 0o600
    # The automatic sync's health probe connects as the sync does: pinned.
    pin = file_fingerprint(hub.cert)
    assert probe(hub.url, fingerprint=pin).reachable
    assert not probe(hub.url, fingerprint=_tampered(pin)).reachable
    # The hub's own certificate also serves as a --ca-file (for tools that do not pin).
    assert requests.get(f"{hub.url}/api/v1/health", verify=str(hub.cert), timeout=10).ok


@pytest.mark.hub_args("--self-signed")
def test_the_qr_image_carries_the_fingerprint(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    made = _enroll_code(hub.data_dir, hub.db_url, "--qr", str(tmp_path / "ma.png"))
    found = read_enroll_qr(str(tmp_path / "ma.png"))  # what the Sync page's QR reader gives
    assert found == EnrollmentCode(hub.url, made["code"], file_fingerprint(hub.cert))


@pytest.mark.hub_args("--self-signed")
def test_a_typed_code_with_the_fingerprint_read_out_enrolls(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    made = _enroll_code(hub.data_dir, hub.db_url)
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    read_out = fingerprint_groups(made["tls_fingerprint"])  # "3F2A 9C01 …", as enroll-code shows it
    _laptop(laptop, "enroll", "--hub", hub.url, "--code", made["code"], "--fingerprint", read_out)
    assert _enrolled(laptop)
    assert json.loads(_laptop(laptop, "sync", "--json").stdout)["cancelled"] is False


# ---------------------------------------------------------------- refusals


@pytest.mark.hub_args("--self-signed")
def test_a_tampered_fingerprint_is_refused_and_nothing_is_enrolled(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    made = _enroll_code(hub.data_dir, hub.db_url)
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    tampered = made["qr_text"].replace(made["tls_fingerprint"], _tampered(made["tls_fingerprint"]))
    refused = _laptop(laptop, "enroll", "--code", tampered, check=False)
    assert refused.returncode == 1
    assert "does not match the enrollment code" in refused.stderr and "nothing was enrolled" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert not _enrolled(laptop)
    typed = _laptop(
        laptop,
        "enroll",
        *("--hub", hub.url, "--code", made["code"], "--fingerprint", _tampered(made["tls_fingerprint"])),
        check=False,
    )
    assert typed.returncode == 1 and "does not match the enrollment code" in typed.stderr
    assert not _enrolled(laptop)
    # The code never reached the impostor: the genuine text still enrolls with it.
    _laptop(laptop, "enroll", "--code", made["qr_text"])
    assert _enrolled(laptop)


def test_a_hub_restarted_with_another_certificate_is_refused(hub_db_url: str, tmp_path: Path) -> None:  # noqa: F811
    hub_dir, port = tmp_path / "hubdata", free_port()
    laptop = _laptop_with_records(tmp_path / "laptop")
    with _serving(hub_dir, port, hub_db_url, "--self-signed"):
        _laptop(laptop, "enroll", "--code", _enroll_code(hub_dir, hub_db_url)["qr_text"])
        assert json.loads(_laptop(laptop, "sync", "--json").stdout)["pending"] == 0
    (hub_dir / CERT_FILE).unlink()
    (hub_dir / KEY_FILE).unlink()
    listed = tmp_path / "list.csv"  # two people registered since: pending on the laptop
    listed.write_text(
        "Họ và tên;Năm sinh;Giới tính;Đồng ý\nLê Thị Mai;1960;Nữ;Có\nPhạm Văn Nam;1958;Nam;Có\n",
        encoding="utf-8",
    )
    _laptop(laptop, "learners", "import", str(listed))
    on_hub = _hub_records(hub_db_url)
    with _serving(hub_dir, port, hub_db_url, "--self-signed"):  # same address, another certificate
        refused = _laptop(laptop, "sync", check=False)
        assert refused.returncode == 1
        assert "another certificate than at enrollment" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    assert _hub_records(hub_db_url) == on_hub  # nothing was sent to the hub it could not trust
    status = json.loads(_laptop(laptop, "status", "--json").stdout)
    assert status["enrolled"] and status["pending"]["total"] > 0


def test_plain_http_to_a_network_address_is_refused_before_connecting(tmp_path: Path) -> None:
    address = _network_address()
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    for args in (
        ("--hub", f"http://{address}:8765", "--code", "ABCD-EFGH-JKLM"),
        ("--code", f"vk-enroll:http://{address}:8765?code=ABCD-EFGH-JKLM"),
    ):
        refused = _laptop(laptop, "enroll", *args, check=False)
        assert refused.returncode == 1
        assert (
            "Will not connect unencrypted (http)" in refused.stderr
            and "https enrollment code" in refused.stderr
        )
        assert len(refused.stderr.strip().splitlines()) == 1
    assert not _enrolled(laptop)


def test_a_laptop_that_chose_insecure_keeps_it_and_one_that_did_not_is_refused(engine) -> None:
    make_officer(engine)
    url = f"http://{_network_address()}:8765"
    with engine.begin() as conn:
        local.write_state(conn, {local.HUB_URL: url, local.INSECURE: ""})
    with pytest.raises(InvalidInput, match="unencrypted"):
        client.connect(engine)  # refused on construction: nothing is sent
    with engine.begin() as conn:
        local.write_state(conn, {local.INSECURE: "1"})
        assert client.status(conn)["insecure"] is True
    client.connect(engine).close()  # allowed (no request is made here)
    assert not is_loopback_url(url)


def test_hub_serve_checks_its_certificate_before_serving(tmp_path: Path) -> None:
    hub_dir, db = tmp_path / "hubdata", f"sqlite:///{tmp_path / 'hubdata' / 'hub.sqlite3'}"
    hub_dir.mkdir()
    cert, key = tmp_path / "hub.pem", tmp_path / "hub-key.pem"
    _certificate(cert, key, name="hub")
    _certificate(tmp_path / "other.pem", tmp_path / "other-key.pem", name="other")
    port = str(free_port())
    for options, says in (
        (("--tls-cert", str(cert)), "--tls-cert and --tls-key go together"),
        (("--tls-cert", str(cert), "--tls-key", str(tmp_path / "other-key.pem")), "does not belong"),
        (("--tls-cert", str(tmp_path / "missing.pem"), "--tls-key", str(key)), "Cannot read the certificate"),
        (("--tls-cert", str(key), "--tls-key", str(key)), "is not a PEM certificate"),
        (("--self-signed", "--tls-cert", str(cert), "--tls-key", str(key)), "Choose one"),
        (("--self-signed", "--url", "http://127.0.0.1:8765"), "--url must be https"),
    ):
        done = run_cli("hub", "serve", "--port", port, *options, data_dir=hub_dir, db=db, check=False)
        assert done.returncode == 1, options
        assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_operator_certificate_is_pinned_when_self_signed(hub_db_url: str, tmp_path: Path) -> None:  # noqa: F811
    hub_dir, cert, key = tmp_path / "hubdata", tmp_path / "hub.pem", tmp_path / "hub-key.pem"
    _certificate(cert, key, name="commune hub")
    laptop = _laptop_with_records(tmp_path / "laptop")
    with _serving(hub_dir, free_port(), hub_db_url, "--tls-cert", str(cert), "--tls-key", str(key)) as url:
        made = _enroll_code(hub_dir, hub_db_url)
        assert made["tls_fingerprint"] == file_fingerprint(cert)
        assert made["qr_text"].startswith(f"vk-enroll:{url}?code=")
        _laptop(laptop, "enroll", "--code", made["qr_text"])
        synced = json.loads(_laptop(laptop, "sync", "--json").stdout)
    assert synced["accepted"] > 20 and synced["rejected"] == 0


def test_a_ca_issued_certificate_is_checked_against_the_ca_not_pinned(tmp_path: Path) -> None:
    hub_dir, db = tmp_path / "hubdata", f"sqlite:///{tmp_path / 'hubdata' / 'hub.sqlite3'}"
    authority = _certificate(tmp_path / "ca.pem", tmp_path / "ca-key.pem", name="Province CA", ca=True)
    cert, key = tmp_path / "hub.pem", tmp_path / "hub-key.pem"
    _certificate(cert, key, name="hub", issuer=authority)
    laptop = _laptop_with_records(tmp_path / "laptop")
    with _serving(hub_dir, free_port(), db, "--tls-cert", str(cert), "--tls-key", str(key)) as url:
        made = _enroll_code(hub_dir, db)
        assert made["tls_fingerprint"] == "" and "&fp=" not in made["qr_text"]  # renewed certificates change
        untrusted = _laptop(laptop, "enroll", "--code", made["qr_text"], check=False)
        assert untrusted.returncode == 1 and "does not trust" in untrusted.stderr
        # A CA bundle named by the environment (as on many servers) must not replace --ca-file.
        env = {"REQUESTS_CA_BUNDLE": certifi.where()}
        _laptop(laptop, "enroll", "--code", made["qr_text"], "--ca-file", str(tmp_path / "ca.pem"), env=env)
        synced = json.loads(_laptop(laptop, "sync", "--json", env=env).stdout)
    assert url.startswith("https://") and synced["accepted"] > 20


# ---------------------------------------------------------------- the Sync page


def _open_app(qtbot, monkeypatch: pytest.MonkeyPatch):
    from PySide6.QtWidgets import QApplication

    from volunteer_kit.ui.app import Application
    from volunteer_kit.ui.pages import sync as sync_page

    # The page probes its hub by itself after a while; here it must not: a network address is
    # only text in these tests (a day is longer than any test).
    monkeypatch.setattr(sync_page, "PROBE_FIRST_MS", 24 * 3600 * 1000)
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.sync_page.overview is not None, timeout=10_000)
    return application


@pytest.mark.gui
def test_sync_page_warns_while_a_laptop_syncs_unencrypted(qtbot, engine, monkeypatch) -> None:
    make_officer(engine)  # enrolled as `enroll --insecure` to a hub of the network leaves it
    with engine.begin() as conn:
        local.write_state(conn, {local.HUB_URL: f"http://{_network_address()}:8765", local.INSECURE: "1"})
    application = _open_app(qtbot, monkeypatch)
    try:
        page = application.window.sync_page
        application.window.show_page(page)
        qtbot.waitUntil(lambda: page.synced_area.isVisible(), timeout=WAIT)
        assert page.insecure_warning.isVisible()
        assert page.insecure_warning.text().startswith("Kết nối không mã hóa")
    finally:
        application.shutdown()


@pytest.mark.gui
def test_sync_page_enrolls_over_tls_from_the_pasted_code(
    qtbot, demo_engine, tmp_path: Path, monkeypatch
) -> None:
    hub_dir, db = tmp_path / "hubdata", f"sqlite:///{tmp_path / 'hubdata' / 'hub.sqlite3'}"
    with _serving(hub_dir, free_port(), db, "--self-signed") as url:
        made = _enroll_code(hub_dir, db)
        application = _open_app(qtbot, monkeypatch)
        try:
            page = application.window.sync_page
            application.window.show_page(page)
            box = page.enroll_box
            assert box.isVisible() and box.insecure_check.isVisible()
            box.code_edit.setText(made["qr_text"])  # the whole text, as the operator copies it
            assert box.hub_edit.text() == url and box.code_edit.text() == made["code"]
            assert box.fingerprint_edit.text() == made["tls_fingerprint"]
            with qtbot.waitSignal(page.enrolled, timeout=WAIT):
                box.enroll_button.click()
            qtbot.waitUntil(lambda: page.synced_area.isVisible(), timeout=WAIT)
            assert not page.insecure_warning.isVisible()
            with qtbot.waitSignal(page.sync_finished, timeout=WAIT) as finished:
                page.sync_button.click()
            result = finished.args[0]
            assert not isinstance(result, BaseException) and result.accepted > 0 and result.rejected == 0
        finally:
            application.shutdown()


def test_a_laptop_enrolled_over_plain_http_before_tls_keeps_syncing_with_a_warning(engine) -> None:
    """An enrollment made before the hub spoke TLS recorded no choice about plain http: the laptop
    is not cut off at its next sync (its records would wait for ever), but the window warns."""
    with engine.begin() as conn:
        local.write_state(conn, {local.HUB_URL: "http://192.168.1.10:8765", local.TOKEN: "t" * 43})
    with engine.connect() as conn:
        assert client.status(conn)["insecure"] is True
    client.connect(engine).close()  # no refusal: the connection is made lazily, nothing is sent
    with engine.begin() as conn:  # a laptop enrolled now, without --insecure, is refused
        local.write_state(conn, {local.INSECURE: ""})
    with pytest.raises(KnownError):
        client.connect(engine)
