"""Times: stored in UTC, shown in Vietnam's time (UTC+7, no daylight saving)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

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
