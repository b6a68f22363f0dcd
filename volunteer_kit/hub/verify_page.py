"""The certificate verification page a phone opens from the QR code: plain HTML, Vietnamese first.

The hub checks the payload against the issuer keys, revocations and key retirements it holds for
the serial's commune (records that reached it by sync), with the same `verify_payload` the app
uses offline.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from sqlalchemy import Engine, and_, select

from volunteer_kit.certificates.payload import Status, Verdict, retired_keys, verify_payload
from volunteer_kit.hub.models import latest_t, record_t

TITLES = {
    Status.valid: ("✓ Giấy chứng nhận hợp lệ", "Valid certificate", "#1b5e20", "#e8f5e9"),
    Status.revoked: ("✗ Giấy chứng nhận đã bị thu hồi", "Revoked certificate", "#b71c1c", "#ffebee"),
    Status.key_revoked: (
        "✗ Khóa ký đã bị thu hồi: giấy không còn giá trị",
        "Signing key revoked: the certificate no longer stands",
        "#b71c1c",
        "#ffebee",
    ),
    Status.key_retired: (
        "✗ Khóa ký đã ngừng dùng trước ngày cấp",
        "Signed after its key was retired",
        "#b71c1c",
        "#ffebee",
    ),
    Status.altered: ("✗ Giấy chứng nhận đã bị sửa đổi", "Altered certificate", "#b71c1c", "#ffebee"),
    Status.unknown_key: ("? Không xác nhận được người ký", "Unknown signer", "#8a5a00", "#fff8e1"),
    Status.unreadable: ("– Không đọc được mã", "Unreadable code", "#444444", "#f5f5f5"),
}


def _commune_records(engine: Engine, commune_code: str, table: str) -> list[dict[str, Any]]:
    """The latest version of every record of one table and commune, as data dicts."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(record_t.c.data)
            .select_from(latest_t.join(record_t, record_t.c.seq == latest_t.c.seq))
            .where(and_(latest_t.c.commune_code == commune_code, latest_t.c.table_name == table))
        ).scalars()
        return [json.loads(data) for data in rows]


def check(engine: Engine, payload_text: str) -> Verdict:
    """The verdict for a payload, against what this hub holds for the certificate's commune."""
    claimed = verify_payload(payload_text, {})  # reads the serial (and so the commune) without keys
    if claimed.data is None:
        return claimed
    commune = claimed.data.commune_code
    keys = {
        k["key_id"]: k["public_key"]
        for k in _commune_records(engine, commune, "issuer_key")
        if not k.get("deleted")
    }
    revoked = {
        r["certificate_serial"]
        for r in _commune_records(engine, commune, "certificate_revocation")
        if not r.get("deleted")
    }
    retired = retired_keys(
        (r["key_id"], r.get("retired_at"), r.get("compromised") is True)
        for r in _commune_records(engine, commune, "issuer_key_retirement")
        if not r.get("deleted") and isinstance(r.get("key_id"), str)
    )
    return verify_payload(payload_text, keys, revoked, retired)


# What the page may load: nothing but its own inline <style> (no scripts, images, fonts, forms or
# frames), so text that slipped past escaping could run nothing; never sniffed as another type;
# the certificate code in the URL is not passed on to another site.
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def page(verdict: Verdict, *, commune_name: str | None = None) -> str:
    """The whole HTML page for a verdict (no scripts, no external files: any phone browser)."""
    title_vi, title_en, colour, background = TITLES[verdict.status]
    rows = ""
    data = verdict.data
    if data is not None:
        confirmed = verdict.status in (Status.valid, Status.revoked, Status.key_revoked)
        caption = "" if confirmed else '<p class="note">Nội dung mã ghi (chưa được xác nhận):</p>'
        fields = (
            ("Số hiệu", data.serial),
            ("Họ và tên", data.full_name),
            ("Gói bài học", data.pack_id),
            ("Ngày cấp", data.issued_on.strftime("%d/%m/%Y")),
            ("Xã/phường", f"{commune_name} ({data.commune_code})" if commune_name else data.commune_code),
        )
        cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in fields)
        rows = f"{caption}<table>{cells}</table>"
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title_vi)} — Volunteer Kit</title>
<style>
body {{ font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; margin: 0; padding: 1rem;
  font-size: 1.15rem; line-height: 1.45; color: #1a1a1a; background: #fafafa; }}
main {{ max-width: 36rem; margin: 0 auto; }}
.verdict {{ border: 3px solid {colour}; background: {background}; border-radius: 12px; padding: 1rem; }}
h1 {{ color: {colour}; font-size: 1.6rem; margin: 0 0 .3rem; }}
.en {{ color: #555; margin: 0 0 .6rem; }}
table {{ border-collapse: collapse; width: 100%; margin-top: .6rem; }}
th {{ text-align: left; font-weight: normal; color: #555; padding: .25rem .8rem .25rem 0; vertical-align: top;
  white-space: nowrap; }}
td {{ font-weight: bold; padding: .25rem 0; }}
.note {{ margin: .8rem 0 0; color: #555; }}
footer {{ margin-top: 1rem; font-size: .9rem; color: #666; }}
</style></head>
<body><main>
<div class="verdict">
<h1>{escape(title_vi)}</h1>
<p class="en">{escape(title_en)}</p>
<p>{escape(verdict.vi)}</p>
<p class="en">{escape(verdict.en)}</p>
{rows}
</div>
<footer>Phong trào “Bình dân học vụ số” — kiểm tra bằng chữ ký số của cán bộ xã.
Digital Education for All — checked against the commune officer's digital signature.</footer>
</main></body></html>
"""
