"""What the Households page shows: the list with its hamlets, and one household with the packs' words."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from volunteer_kit.core.records import HouseholdDetail, HouseholdRow
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.store import households


@dataclass(frozen=True)
class HouseholdList:
    rows: list[HouseholdRow]  # at most households.LIST_LIMIT
    total: int  # how many matched
    hamlets: list[str]  # every hamlet with a household, for the filter


@dataclass(frozen=True)
class HouseholdRecord:
    detail: HouseholdDetail | None  # None: no such household
    outlines: dict[str, PackOutline]  # for the pack titles and the skills they teach


def household_list(
    conn: Connection, outlines: dict[str, PackOutline], *, hamlet: str | None, search: str
) -> HouseholdList:
    rows, total = households.list_households(conn, outlines, hamlet=hamlet, search=search)
    return HouseholdList(rows, total, households.household_hamlets(conn))


def household_record(
    conn: Connection, outlines: dict[str, PackOutline], household_id: str
) -> HouseholdRecord:
    return HouseholdRecord(households.household_detail(conn, outlines, household_id), outlines)
