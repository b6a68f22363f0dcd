"""1,000 certificates into one PDF: target >= 50 certificates/s and <= 60 KB per certificate.

Long, heavily accented names, a hub link in every QR (the larger code), the
competency list of a real pack: the same pages `certificates print` writes.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import ROOT, report

sys.path.insert(0, str(ROOT))

COUNT = 1000
NAMES = (
    "Nguyễn Thị Phương Quỳnh Hương",
    "Hoàng Phương Khánh Hạnh",
    "Nghiêm Bảo Quỳnh Quyên",
    "Trương Thị Ngọc Huyền Trang",
    "Lò Văn Thưởng",
)


def main() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from volunteer_kit import paths
    from volunteer_kit.certificates import fonts
    from volunteer_kit.certificates.payload import CertificateData, encode_payload, key_id_for, qr_text
    from volunteer_kit.certificates.pdf import PrintedCertificate, write_certificates_pdf
    from volunteer_kit.packs.outline import outlines_by_id

    outline = outlines_by_id(paths.lessons_dir())["vn.bdhvs.dich-vu-cong"]
    key = Ed25519PrivateKey.generate()
    key_id = key_id_for(key.public_key().public_bytes_raw())
    fonts.register_fonts()
    certificates = []
    for n in range(COUNT):
        serial = f"00577-{key_id[:6].upper()}-{n + 1:06d}"
        name = NAMES[n % len(NAMES)]
        data = CertificateData(serial, name, outline.pack_id, date(2026, 11, 21), key_id)
        payload = encode_payload(data, key)
        certificates.append(
            PrintedCertificate(
                serial=serial,
                full_name=name,
                birth_year=1950 + n % 40,
                pack_title=outline.title_vi,
                competencies=outline.competencies,
                issued_on=data.issued_on,
                commune_name="Xã Bát Tràng",
                officer_name="Trần Thị Quỳnh Hương",
                qr_text=qr_text(payload, "https://hub.battrang.hanoi.gov.vn"),
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "certificates.pdf"
        started = time.perf_counter()
        write_certificates_pdf(certificates, out)
        seconds = time.perf_counter() - started
        size = out.stat().st_size
        digest = hashlib.sha256(out.read_bytes()).hexdigest()[:12]
    rate = COUNT / seconds
    per_cert_kb = size / COUNT / 1024
    print(f"{COUNT} certificates, {size / 1024 / 1024:.1f} MB, {seconds:.2f} s (sha256 {digest})")
    report(
        "certificates_pdf",
        [
            ("certificates per second (1,000 in one PDF)", rate, "/s", ">= 50", rate >= 50),
            ("PDF size per certificate", per_cert_kb, "KB", "<= 60", per_cert_kb <= 60),
            ("total time for 1,000", seconds, "s", "", True),
        ],
    )


if __name__ == "__main__":
    main()
