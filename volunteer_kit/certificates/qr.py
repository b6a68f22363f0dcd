"""The certificate QR code (level Q) as a module matrix, built with `qrcode`, with a fast mask choice.

`qrcode` picks the mask by building and scoring eight full matrices (~30 ms a
code), which alone would cap batch printing near 30 certificates a second. Here
the matrix is built once with mask 0; the other seven are derived by flipping
the data modules (rows as integers), and each is scored with the four penalty
rules of ISO/IEC 18004 (7.8.3) on strings and integers. Same rules, about a
third of the time.

The link part of the text goes in byte mode; the Base32 payload that ends it in
the compact alphanumeric mode.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qrcode import QRCode

MAX_VERSION = 15
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = ("10111010000", "00001011101")


def split_alphanumeric_tail(text: str) -> tuple[str, str]:
    """("https://hub/v/", "ABC...") : the longest tail of upper-case letters and digits (the payload)."""
    cut = len(text)
    while cut > 0 and text[cut - 1] in _ALNUM:
        cut -= 1
    if len(text) - cut < 16:  # too short to be worth a second segment
        return text, ""
    return text[:cut], text[cut:]


def _qr(text: str) -> QRCode:
    import qrcode
    from qrcode.util import MODE_8BIT_BYTE, QRData

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=0, mask_pattern=0)
    head, tail = split_alphanumeric_tail(text)
    if head:
        qr.add_data(QRData(head.encode("utf-8"), mode=MODE_8BIT_BYTE))
    if tail:
        qr.add_data(QRData(tail.encode("ascii")))
    qr.make(fit=True)
    return qr


@cache
def _layout(version: int, error_correction: int) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    """Per mask, as row integers: (its format-information modules, the data modules it flips)."""
    import qrcode
    from qrcode.util import mask_func

    qr = qrcode.QRCode(version=version, error_correction=error_correction, border=0)
    n = qr.modules_count = version * 4 + 17

    def as_rows(cells: list[list[bool | None]], keep: Callable[..., bool]) -> tuple[int, ...]:
        return tuple(sum(1 << (n - 1 - c) for c in range(n) if keep(r, c, cells[r][c])) for r in range(n))

    qr.modules = [[None] * n for _ in range(n)]
    qr.setup_position_probe_pattern(0, 0)
    qr.setup_position_probe_pattern(n - 7, 0)
    qr.setup_position_probe_pattern(0, n - 7)
    qr.setup_position_adjust_pattern()
    qr.setup_timing_pattern()
    qr.setup_type_info(True, 0)
    if version >= 7:
        qr.setup_type_number(True)
    data = as_rows(qr.modules, lambda _r, _c, cell: cell is None)
    layout = []
    for mask in range(8):
        func = mask_func(mask)
        flips = as_rows(qr.modules, lambda r, c, _cell, func=func: bool(func(r, c)))
        fixed = qr.modules
        qr.modules = [[None] * n for _ in range(n)]
        qr.setup_type_info(False, mask)
        format_bits = as_rows(qr.modules, lambda _r, _c, cell: bool(cell))
        qr.modules = fixed
        layout.append((format_bits, tuple(f & d for f, d in zip(flips, data, strict=True))))
    return tuple(layout)


def _penalty(rows: list[int], n: int) -> int:
    """The four penalty rules of ISO/IEC 18004 7.8.3.2 on a matrix given as row integers."""
    lines = [format(row, f"0{n}b") for row in rows]
    # Rows and columns in one string; the separator keeps runs and patterns from spanning lines.
    both = "|".join(lines) + "|" + "|".join(map("".join, zip(*lines, strict=True)))
    score = sum(len(run) - 2 for run in _RUN.findall(both))  # rule 1: 3 for five alike, +1 for each more
    score += 40 * sum(both.count(pattern) for pattern in _FINDER_LIKE)  # rule 3
    full = (1 << (n - 1)) - 1
    for upper, lower in zip(rows, rows[1:], strict=False):
        dark = upper & lower
        light = ~(upper | lower)
        score += 3 * ((dark & (dark >> 1) & full).bit_count() + (light & (light >> 1) & full).bit_count())
    dark_share = sum(row.bit_count() for row in rows) * 100 // (n * n)
    score += 10 * (abs(dark_share - 50) // 5)  # rule 4
    return score


def qr_rows(text: str) -> list[str]:
    """The QR code's rows as strings of "1" (dark) and "0", no quiet zone. Raises ValueError when too big."""
    qr = _qr(text)
    if qr.version > MAX_VERSION:
        raise ValueError(f"QR version {qr.version} is above {MAX_VERSION}")
    n = qr.modules_count
    base = [sum(1 << (n - 1 - c) for c, dark in enumerate(row) if dark) for row in qr.modules]
    masks = _layout(qr.version, qr.error_correction)
    format0, flip0 = masks[0]
    # Without mask 0's data flips and format bits: the raw data modules plus the fixed patterns.
    raw = [row ^ flip0[r] ^ format0[r] for r, row in enumerate(base)]
    best: tuple[int, list[int]] | None = None
    for format_bits, flip in masks:
        rows = [row ^ flip[r] ^ format_bits[r] for r, row in enumerate(raw)]
        score = _penalty(rows, n)
        if best is None or score < best[0]:
            best = (score, rows)
    assert best is not None
    return [format(row, f"0{n}b") for row in best[1]]


def qr_version(text: str) -> int:
    return (len(qr_rows(text)) - 17) // 4
