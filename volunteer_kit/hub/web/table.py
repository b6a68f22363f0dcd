"""The dashboard's table from analytics.ProvinceView: its columns, rows, sorting and totals.

One definition serves the page, the charts and the CSV/XLSX exports, so an export has exactly the
table's columns. A value of None is "no data" (never 0): drawn differently and sorted last.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from volunteer_kit.core.competencies import COMPETENCIES, HOUSEHOLD_SKILLS
from volunteer_kit.core.text import clean_text
from volunteer_kit.hub.analytics import CommuneFigures, ProvinceView
from volunteer_kit.hub.web.texts import t

VIETNAM = timezone(timedelta(hours=7))
DEFAULT_SORT = "commune"

Value = int | str | datetime | None


@dataclass(frozen=True)
class Column:
    key: str  # what ?sort= names
    label: str
    value: Callable[[CommuneFigures], Value]
    numeric: bool = True
    chart: bool = True  # an indicator with a bar chart
    group: str = ""  # a heading over several columns ("Hoàn thành", "Hộ có kỹ năng")
    short: str = ""  # the label under that heading

    @property
    def heading(self) -> str:
        return self.short or self.label


def _synced(c: CommuneFigures) -> datetime | None:
    return c.last_received_at


def columns(view: ProvinceView, lang: str) -> list[Column]:
    """The table's columns in order: commune, synced, learners, per pack, HH-1..5, certificates,
    volunteers active this month, laptops not seen for 14 days."""
    cols = [
        Column("commune", t(lang, "commune"), lambda c: c.commune_name, numeric=False, chart=False),
        Column("synced", t(lang, "synced"), _synced, numeric=False, chart=False),
        Column("learners", t(lang, "learners"), lambda c: c.learners_reached),
    ]
    for pack_id, title in sorted(view.pack_titles.items(), key=lambda item: collation_key(item[1])):
        label = f"{t(lang, 'completed')}: {title}"
        cols.append(
            Column(f"pack:{pack_id}", label, _pack_value(pack_id), group=t(lang, "completed"), short=title)
        )
    for skill in HOUSEHOLD_SKILLS:
        vi, en = COMPETENCIES.get(skill, ("", ""))
        short = f"{skill}: {en if lang == 'en' else vi}" if vi else skill
        label = f"{t(lang, 'households')} {short}"
        cols.append(Column(skill, label, _skill_value(skill), group=t(lang, "households"), short=short))
    cols += [
        Column("certificates", t(lang, "certificates"), lambda c: c.certificates_issued),
        Column("volunteers", t(lang, "volunteers"), lambda c: c.volunteers_active_month),
        Column("stale", t(lang, "stale"), lambda c: c.laptops_stale),
    ]
    return cols


def _pack_value(pack_id: str) -> Callable[[CommuneFigures], Value]:
    def value(c: CommuneFigures) -> Value:
        return c.pack_people.get(pack_id, 0) if c.has_data else None

    return value


def _skill_value(skill: str) -> Callable[[CommuneFigures], Value]:
    def value(c: CommuneFigures) -> Value:
        return c.household_skills.get(skill) if c.has_data else None

    return value


def cell(column: Column, commune: CommuneFigures) -> Value:
    """A commune's value in a column; None for "no data" (a commune that never synced has no
    figures, not zeros; its laptops, known to the hub, are still counted)."""
    if not commune.has_data and column.key not in ("commune", "stale"):
        return None
    return column.value(commune)


# ---------------------------------------------------------------- Vietnamese collation

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_LETTER_MARKS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}  # breve, circumflex, horn (on a/o/u)
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_UNIT_PREFIXES = ("xã ", "phường ", "thị trấn ", "đặc khu ")


def _letters(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(letters in the Vietnamese alphabet's order, tones): a < ă < â, d < đ, o < ô < ơ, u < ư;
    tones only break ties, in the order ngang, huyền, hỏi, ngã, sắc, nặng."""
    primary: list[int] = []
    tones: list[int] = []
    for base in unicodedata.normalize("NFD", text.lower()):
        if base in _TONES:
            tones[-1:] = [_TONES[base]]
        elif base in _LETTER_MARKS and primary:
            previous = _ALPHABET[primary[-1]] if primary[-1] < len(_ALPHABET) else ""
            marked = {
                ("a", "\u0306"): "ă",
                ("a", "\u0302"): "â",
                ("e", "\u0302"): "ê",
                ("o", "\u0302"): "ô",
                ("o", "\u031b"): "ơ",
                ("u", "\u031b"): "ư",
            }.get((previous, base))
            if marked:
                primary[-1] = _RANK[marked]
        elif unicodedata.combining(base):
            continue
        else:
            primary.append(_RANK.get(base, len(_ALPHABET) + ord(base)))
            tones.append(0)
    return tuple(primary), tuple(tones)


def collation_key(name: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A commune name's sort key in Vietnamese order, without its "Xã"/"Phường" prefix (so
    "Phường Bến Nghé" sorts among the B's)."""
    text = clean_text(name)
    lowered = text.lower()
    for prefix in _UNIT_PREFIXES:
        if lowered.startswith(prefix):
            text = text[len(prefix) :]
            break
    primary, tones = _letters(text)
    return primary, tones, text


# ---------------------------------------------------------------- sorting and totals


def sort_communes(
    view: ProvinceView, cols: list[Column], sort: str, descending: bool
) -> list[CommuneFigures]:
    """Communes ordered by column `sort` (unknown: by name); communes with no data last either way,
    then cells with no value, so "no data" never passes for the smallest (or largest) figure."""
    column = next((c for c in cols if c.key == sort), cols[0])
    by_name = sorted(view.communes, key=lambda c: collation_key(c.commune_name))
    with_value: list[tuple[Any, CommuneFigures]] = []
    empty: list[CommuneFigures] = []
    no_data: list[CommuneFigures] = []
    for commune in by_name:
        value = cell(column, commune)
        if not commune.has_data:
            no_data.append(commune)
        elif value is None:
            empty.append(commune)
        else:
            key = collation_key(value) if isinstance(value, str) else value
            with_value.append((key, commune))
    # A stable sort on names first: equal figures stay in name order.
    with_value.sort(key=lambda pair: pair[0], reverse=descending)
    return [c for _, c in with_value] + empty + no_data


def totals(view: ProvinceView, cols: list[Column]) -> dict[str, int | None]:
    """Each numeric column's sum over the communes with data (None where none has a value)."""
    out: dict[str, int | None] = {}
    for column in cols:
        if not column.numeric:
            continue
        values = [v for c in view.communes if c.has_data for v in [cell(column, c)] if isinstance(v, int)]
        out[column.key] = sum(values) if values else None
    return out


def local_time(value: datetime | None) -> datetime | None:
    """A time as Vietnam's clock shows it (naive stored times are UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(VIETNAM)


def _clock(local: datetime, *, year: bool) -> str:
    # Formatted by hand: strftime asks the C library, which reads the time zone files on each call
    # here (a quarter of a millisecond a cell).
    day = f"{local.day:02d}/{local.month:02d}" + (f"/{local.year}" if year else "")
    return f"{day} {local.hour:02d}:{local.minute:02d}"


def shown_time(value: datetime | None) -> str:
    local = local_time(value)
    return "" if local is None else _clock(local, year=True)


def short_time(value: datetime | None, now: datetime) -> str:
    """Day, month and time; the year too when it is not this year's (a narrow table cell)."""
    local = local_time(value)
    if local is None:
        return ""
    return _clock(local, year=local.year != (local_time(now) or now).year)


def header_rows(cols: list[Column]) -> list[tuple[Column | str, int]]:
    """The first heading row: a column standing alone, or a group's heading and how many it spans."""
    first: list[tuple[Column | str, int]] = []
    for column in cols:
        if not column.group:
            first.append((column, 1))
        elif first and first[-1][0] == column.group:
            first[-1] = (column.group, first[-1][1] + 1)
        else:
            first.append((column.group, 1))
    return first


# ---------------------------------------------------------------- the rows as the page draws them


@dataclass(frozen=True)
class CellView:
    """One table cell, formatted in Python (a page of 100 communes × 25 columns renders in a few
    milliseconds this way, where the same logic in the template took ten times longer)."""

    key: str
    css: str
    text: str
    sub: str = ""  # a second, smaller line
    title: str = ""
    mark: str = ""  # a class for the first line (the sync time: this week or late)


@dataclass(frozen=True)
class RowView:
    commune_code: str
    commune_name: str
    has_data: bool
    cells: tuple[CellView, ...]


def number(value: int, lang: str) -> str:
    """1.234 in Vietnamese, 1,234 in English."""
    text = f"{value:,}"
    return text if lang == "en" else text.replace(",", ".")


def row_views(communes: list[CommuneFigures], cols: list[Column], lang: str, now: datetime) -> list[RowView]:
    no_data = t(lang, "no_data")
    rows = []
    for commune in communes:
        cells = []
        for column in cols[1:]:  # the first, the commune's name, is the row's heading
            value = cell(column, commune)
            if column.key == "synced":
                cells.append(_synced_cell(commune, lang, now, no_data))
            elif value is None:
                cells.append(CellView(column.key, "nodata", no_data))
            elif column.key == "stale":
                css = "num warn" if value else "num"
                cells.append(CellView("stale", css, str(value), sub=f"/{commune.laptops}"))
            else:
                cells.append(
                    CellView(column.key, "num", number(value, lang) if isinstance(value, int) else "")
                )
        rows.append(RowView(commune.commune_code, commune.commune_name, commune.has_data, tuple(cells)))
    return rows


def _synced_cell(commune: CommuneFigures, lang: str, now: datetime, no_data: str) -> CellView:
    """The hub's receipt time of the newest record, the laptop's own time of it below."""
    if commune.last_received_at is None:
        return CellView("synced", "nodata", no_data)
    title = f"{t(lang, 'hub_time')}: {shown_time(commune.last_received_at)}"
    sub = ""
    if commune.last_recorded_at is not None:
        title += f" · {t(lang, 'laptop_time')}: {shown_time(commune.last_recorded_at)}"
        sub = f"{t(lang, 'laptop_time')} {short_time(commune.last_recorded_at, now)}"
    return CellView(
        "synced",
        "time",
        short_time(commune.last_received_at, now),
        sub=sub,
        title=title,
        mark="ok" if commune.synced_this_week else "late",
    )


def total_views(view: ProvinceView, cols: list[Column], lang: str) -> list[CellView]:
    sums = totals(view, cols)
    out = []
    for column in cols[1:]:
        if not column.numeric:
            out.append(CellView(column.key, "", ""))
        elif sums[column.key] is None:
            out.append(CellView(column.key, "nodata", t(lang, "no_data")))
        else:
            out.append(CellView(column.key, "num", number(sums[column.key] or 0, lang)))
    return out
