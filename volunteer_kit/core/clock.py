"""Times: stored in UTC, shown in Vietnam's time (UTC+7, no daylight saving)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_utc(value: object) -> datetime:
    """A datetime from the store (raw SQL gives ISO text); naive values are UTC."""
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def local(value: datetime) -> datetime:
    return value.astimezone(VIETNAM)


def week_start(now: datetime | None = None) -> datetime:
    """Monday 00:00 Vietnam time of the current week, as UTC."""
    here = local(now or utcnow())
    monday = (here - timedelta(days=here.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    return monday.astimezone(UTC)


def parse_day(text: str) -> date:
    """A day as people write it: 2026-11-21 (ISO) or 21/11/2026 (Vietnamese order, day first).

    The one parser of every date option; a day that does not exist (2026-02-30) is refused
    with a message in the user's language."""
    from volunteer_kit.errors import InvalidInput

    value = text.strip()
    try:
        if "/" in value:
            day, month, year = (int(part) for part in value.split("/"))
            if year < 1000:
                raise ValueError(value)
            return date(year, month, day)
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            f"Ngày không hợp lệ: {text!r}; hãy viết NĂM-THÁNG-NGÀY (2026-11-21) hoặc NGÀY/THÁNG/NĂM "
            "(21/11/2026).",
            f"Not a date: {text!r}; write YYYY-MM-DD (2026-11-21) or DD/MM/YYYY (21/11/2026).",
        ) from None
