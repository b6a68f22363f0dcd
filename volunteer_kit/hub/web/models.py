"""The province dashboard's tables: viewer accounts, their sessions, refused logins and export jobs.

Everything lives in the hub database, so any hub process behind a load balancer serves any request
of any viewer (a session made by one process is known to all; a job queued on one is seen by all).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, LargeBinary
from sqlmodel import Field

from volunteer_kit.core.models import table_of
from volunteer_kit.hub.models import HubModel, SeqType


class HubViewer(HubModel, table=True):
    """A person of the province who may read its dashboard (made by the hub operator)."""

    __tablename__ = "hub_viewer"
    login: str = Field(primary_key=True, max_length=64)
    province_code: str = Field(max_length=2)
    password_hash: str = Field(max_length=200)  # argon2id, PHC string
    created_at: datetime
    last_login_at: datetime | None = None


class HubViewerSession(HubModel, table=True):
    """A signed-in browser: only the SHA-256 of its cookie is stored, with the CSRF token of its forms."""

    __tablename__ = "hub_viewer_session"
    __table_args__ = (Index("ix_hub_viewer_session_login", "login"),)
    token_hash: str = Field(primary_key=True, max_length=64)
    login: str = Field(max_length=64)
    province_code: str = Field(max_length=2)
    csrf_token: str = Field(max_length=64)
    created_at: datetime
    expires_at: datetime


class HubViewerAttempt(HubModel, table=True):
    """A refused login, counted per login name and per client address by every hub process."""

    __tablename__ = "hub_viewer_attempt"
    __table_args__ = (
        Index("ix_hub_viewer_attempt_login_at", "login", "at"),
        Index("ix_hub_viewer_attempt_client_at", "client", "at"),
    )
    id: int | None = Field(default=None, sa_column=Column(SeqType, primary_key=True, autoincrement=True))
    login: str = Field(max_length=64)
    client: str = Field(max_length=64)
    at: datetime


class HubExportJob(HubModel, table=True):
    """A CSV/XLSX export asked for by a viewer, built by a background thread of one hub process
    (the one whose UPDATE ... WHERE status = 'queued' took it); the file is kept here for a day."""

    __tablename__ = "hub_export_job"
    __table_args__ = (
        Index("ix_hub_export_job_login_created", "login", "created_at"),
        Index("ix_hub_export_job_expires", "expires_at"),
    )
    id: str = Field(primary_key=True, max_length=36)
    login: str = Field(max_length=64)
    province_code: str = Field(max_length=2)
    format: str = Field(max_length=8)  # csv or xlsx
    lang: str = Field(max_length=2)
    status: str = Field(max_length=16)  # queued, running, done, failed
    created_at: datetime
    claimed_at: datetime | None = None
    finished_at: datetime | None = None
    expires_at: datetime
    error: str = Field(default="", max_length=300)
    filename: str = Field(default="", max_length=120)
    content: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))


viewer_t = table_of(HubViewer)
session_t = table_of(HubViewerSession)
login_attempt_t = table_of(HubViewerAttempt)
export_job_t = table_of(HubExportJob)
