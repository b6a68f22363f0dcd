"""The province analytics' tables: commune figures and commune × week figures, rebuilt in the
background by hub.analytics and read by the province dashboard (migration 0010).

A build replaces the rows of the communes it rebuilt in one transaction, so a reader (who reads in
one snapshot) sees each commune's figures of one build, never half of two.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Text
from sqlmodel import Field

from volunteer_kit.core.models import table_of
from volunteer_kit.hub.models import HubModel, SeqType


class HubAnalyticsCommune(HubModel, table=True):
    """One commune's figures to date, from the desktop's report run over its synced records."""

    __tablename__ = "hub_analytics_commune"
    commune_code: str = Field(primary_key=True, max_length=5)
    seen_seq: int = Field(sa_column=Column(SeqType, nullable=False))  # its newest hub_latest seq read
    packs_key: str = Field(default="", max_length=64)  # digest of the pack outlines used
    month: str = Field(max_length=7)  # "YYYY-MM" (Vietnam time) of volunteers_active_month
    learners_reached: int
    households_visited: int
    sessions: int
    households_total: int
    certificates_issued: int
    volunteers_active_month: int
    pack_people: str = Field(sa_column=Column(Text, nullable=False))  # JSON {pack_id: learners}
    household_skills: str = Field(sa_column=Column(Text, nullable=False))  # JSON {"HH-1": n | null}
    pack_titles: str = Field(sa_column=Column(Text, nullable=False))  # JSON {pack_id: [vi, en]}
    last_received_at: datetime | None = None  # the hub's receipt time of the newest record read
    last_recorded_at: datetime | None = None  # that record's own time on the laptop
    built_at: datetime
    seconds: float = 0.0  # how long this commune's build took


class HubAnalyticsWeek(HubModel, table=True):
    """One commune's sessions, present marks and people of one week (Monday, Vietnam time)."""

    __tablename__ = "hub_analytics_week"
    commune_code: str = Field(primary_key=True, max_length=5)
    week_start: date = Field(primary_key=True)
    sessions: int
    attendance: int
    people: int


class HubAnalyticsProvince(HubModel, table=True):
    """When a rebuild last brought a province's figures up to date (the time the dashboard shows)."""

    __tablename__ = "hub_analytics_province"
    province_code: str = Field(primary_key=True, max_length=2)
    built_at: datetime
    communes_rebuilt: int = 0
    seconds: float = 0.0


analytics_commune_t = table_of(HubAnalyticsCommune)
analytics_week_t = table_of(HubAnalyticsWeek)
analytics_province_t = table_of(HubAnalyticsProvince)
