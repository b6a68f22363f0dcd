"""The hub's certificate page (/v/…, opened by anyone from a QR code) over HTTP: it may load nothing
but its own inline style, is never sniffed as another type, and sends no referrer."""

from __future__ import annotations

import re

import pytest
import requests

from tests.test_hub_support import Hub, hub, hub_db_url  # noqa: F401 - fixtures


@pytest.mark.parametrize("code", ["NOT-A-CODE", "VK1." + "A" * 2000], ids=["unreadable", "overlong"])
def test_the_certificate_page_sends_a_strict_content_security_policy(hub: Hub, code: str) -> None:  # noqa: F811
    answer = requests.get(f"{hub.url}/v/{code}", timeout=30)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    policy = {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in answer.headers["content-security-policy"].split(";"))
        if part
    }
    assert policy == {
        "default-src": ["'none'"],
        "style-src": ["'unsafe-inline'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    # What the policy allows is all the page needs: one inline style, no script, image or link.
    page = answer.text
    assert page.count("<style>") == 1
    assert not re.search(r"<(script|img|link|iframe|form)\b|\b(src|href|action)=", page, re.IGNORECASE)
