"""Verify a certificate from a 300-dpi scan: target <= 300 ms (median of runs) for `verify_image`.

A certificate page is rendered at 300 dpi (as a flatbed scanner gives it) and
saved as PNG and as JPEG; each run reads the file, finds and decodes the QR
(zxing-cpp) and checks the signature. A one-page PDF is timed too.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import ROOT, report

sys.path.insert(0, str(ROOT))

RUNS = 15


def main() -> None:
    import pypdfium2 as pdfium
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from volunteer_kit.certificates.payload import CertificateData, encode_payload, key_id_for, qr_text
    from volunteer_kit.certificates.pdf import PrintedCertificate, write_certificates_pdf
    from volunteer_kit.certificates.verify import verify_image

    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw()
    key_id = key_id_for(public)
    name = "Nguyễn Thị Phương Quỳnh Hương"
    data = CertificateData(
        f"00577-{key_id[:6].upper()}-000123", name, "vn.bdhvs.vneid", date(2026, 11, 21), key_id
    )
    cert = PrintedCertificate(
        serial=data.serial,
        full_name=name,
        birth_year=1956,
        pack_title="Sử dụng VNeID",
        competencies=("NLS-2.6", "NLS-4.2", "NLS-2.3", "HH-1", "HH-4"),
        issued_on=data.issued_on,
        commune_name="Xã Bát Tràng",
        officer_name="Trần Thị Quỳnh Hương",
        qr_text=qr_text(encode_payload(data, key), "https://hub.battrang.hanoi.gov.vn"),
    )
    trusted = {key_id: public}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "one.pdf"
        write_certificates_pdf([cert], pdf)
        document = pdfium.PdfDocument(str(pdf))
        scan = document[0].render(scale=300 / 72, grayscale=True).to_pil()
        document.close()
        png, jpg = Path(folder) / "scan.png", Path(folder) / "scan.jpg"
        scan.save(png)
        scan.save(jpg, quality=85)
        print(f"scan: {scan.size[0]}x{scan.size[1]} px")
        for label, path in (("PNG", png), ("JPEG", jpg), ("PDF page", pdf)):
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                verdicts = verify_image(path, trusted)
                times.append((time.perf_counter() - started) * 1000)
                assert [v.status.value for v in verdicts] == ["valid"], verdicts
            median = statistics.median(times)
            rows.append((f"verify from a 300-dpi {label} (median)", median, "ms", "<= 300", median <= 300))
            rows.append((f"verify from a 300-dpi {label} (slowest)", max(times), "ms", "", True))
    report("verify_scan", rows)


if __name__ == "__main__":
    main()
