"""The hub's TLS certificate: one the operator gives (--tls-cert/--tls-key), or a self-signed one
made once in the hub's data folder (--self-signed) and pinned by devices through the SHA-256
fingerprint that enrollment codes carry (as Syncthing pins device ids): no CA is needed.

Everything is checked before the hub listens, so a missing, unreadable or mismatched file is one
plain sentence, not uvicorn's traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from volunteer_kit import errors, paths

log = logging.getLogger("volunteer_kit.hub")

CERT_FILE = "hub-tls-cert.pem"
KEY_FILE = "hub-tls-key.pem"
# Ten years: devices trust this certificate by its pin, not by its dates, and replacing it means
# re-enrolling every laptop of the commune; a short life would only strand offline laptops.
VALID_DAYS = 3650


@dataclass(frozen=True)
class HubTls:
    cert: Path
    key: Path
    fingerprint: str  # SHA-256 of the certificate (DER), 64 lowercase hex digits
    self_signed: bool  # pinned by devices; otherwise they check it against a CA

    @property
    def pin(self) -> str:
        """What enrollment codes carry: the fingerprint of a self-signed certificate, else nothing
        (a CA-issued certificate is renewed with a new fingerprint, and a CA vouches for it)."""
        return self.fingerprint if self.self_signed else ""


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def file_fingerprint(cert_path: Path) -> str:
    """The fingerprint of the (first) certificate in a PEM file."""
    return fingerprint(_read_cert(cert_path))


def load_pair(cert_path: Path, key_path: Path) -> HubTls:
    """A certificate and its private key, checked readable, unencrypted and matching."""
    cert = _read_cert(cert_path)
    key = _read_key(key_path)
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    if cert.public_key().public_bytes(serialization.Encoding.DER, public) != key.public_key().public_bytes(
        serialization.Encoding.DER, public
    ):
        raise errors.InvalidInput(
            f"Khóa {key_path} không phải khóa của chứng chỉ {cert_path}; hãy cho đúng cặp "
            "--tls-cert/--tls-key.",
            f"The key {key_path} does not belong to the certificate {cert_path}; give the matching "
            "--tls-cert/--tls-key pair.",
        )
    return HubTls(cert_path, key_path, fingerprint(cert), _is_self_signed(cert))


def self_signed(data_dir: Path, names: Iterable[str]) -> HubTls:
    """The hub's own certificate in `data_dir`, made at the first --self-signed start and kept:
    a new one would change the fingerprint every enrolled laptop pinned."""
    cert_path, key_path = data_dir / CERT_FILE, data_dir / KEY_FILE
    present = [p for p in (cert_path, key_path) if p.exists()]
    if len(present) == 1:
        missing = key_path if present[0] == cert_path else cert_path
        raise errors.KnownError(
            f"Thiếu tệp {missing} (chỉ còn {present[0]}); hãy khôi phục nó từ bản sao lưu. Nếu xóa cả "
            "hai, máy chủ sẽ tạo chứng chỉ mới và mọi máy phải ghi danh lại.",
            f"{missing} is missing (only {present[0]} is there); restore it from a backup. If both "
            "are deleted, the hub makes a new certificate and every laptop must enroll again.",
        )
    if not present:
        _make_self_signed(cert_path, key_path, sorted(set(names)))
    return load_pair(cert_path, key_path)


def certificate_names(*, host: str, url_host: str | None) -> list[str]:
    """Who the hub is on the network, for the certificate's subject alternative names: its host
    name, LAN address, listening and public addresses, and this computer's own names."""
    from volunteer_kit.hub.serve import lan_address

    names = {socket.gethostname(), lan_address(), "localhost", "127.0.0.1", "::1"}
    names.update(n for n in (host, url_host) if n and n not in ("0.0.0.0", "::"))
    return sorted(n for n in names if n)


def _make_self_signed(cert_path: Path, key_path: Path, names: list[str]) -> None:
    key = ec.generate_private_key(ec.SECP256R1())  # P-256: what every browser and TLS stack speaks
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0] if names else "volunteer-kit-hub")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))  # a laptop clock a little behind still agrees
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName([_general_name(n) for n in names]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        paths.write_private_file(key_path, key_pem)
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    except OSError as exc:
        key_path.unlink(missing_ok=True)
        raise errors.DataFolderUnusable(cert_path.parent, exc.strerror or str(exc)) from exc
    log.info("made a self-signed TLS certificate %s for %s", fingerprint(cert), ", ".join(names))


def _general_name(name: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return x509.DNSName(name)


def _is_self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def _read(path: Path, what_vi: str, what_en: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise errors.InvalidInput(
            f"Không đọc được {what_vi} {path} ({exc.strerror or exc}).",
            f"Cannot read the {what_en} {path} ({exc.strerror or exc}).",
        ) from exc


def _read_cert(path: Path) -> x509.Certificate:
    data = _read(path, "chứng chỉ", "certificate")
    try:
        return x509.load_pem_x509_certificates(data)[0]  # the hub's own first, then its chain
    except ValueError as exc:
        raise errors.InvalidInput(
            f"Tệp {path} không phải chứng chỉ PEM (-----BEGIN CERTIFICATE-----).",
            f"{path} is not a PEM certificate (-----BEGIN CERTIFICATE-----).",
        ) from exc


def _read_key(path: Path) -> PrivateKeyTypes:
    data = _read(path, "khóa", "key")
    try:
        return serialization.load_pem_private_key(data, password=None)
    except TypeError as exc:  # a password-protected key: uvicorn would ask for it on the console
        raise errors.InvalidInput(
            f"Khóa {path} có mật khẩu; hãy cho khóa không mật khẩu (giữ tệp ở chế độ 0600).",
            f"The key {path} is password-protected; give an unencrypted key (keep the file 0600).",
        ) from exc
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise errors.InvalidInput(
            f"Tệp {path} không phải khóa riêng dạng PEM (tệp văn bản có dòng đầu ghi PRIVATE KEY).",
            f"{path} is not a PEM private key (a text file whose first line names a PRIVATE KEY).",
        ) from exc
