"""CSV/XLSX exports of the province table, built as background jobs, not in the request.

POST /province/exports makes a queued job row; a thread of the process that answered claims it with
UPDATE ... WHERE status = 'queued' (so exactly one process builds it, whichever first), builds the
file from analytics.province_view and stores its bytes in the row for EXPORT_KEEP. A job left
"running" by a process that died is claimed again after STALE_RUNNING by the next one that looks.
"""

from __future__ import annotations

import csv
import io
import logging
import threading
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, or_, select

from volunteer_kit.core.clock import utcnow
from volunteer_kit.exports.cells import safe_cell
from volunteer_kit.exports.saving import workbook_bytes
from volunteer_kit.hub.db import writing
from volunteer_kit.hub.web import table
from volunteer_kit.hub.web.models import export_job_t
from volunteer_kit.hub.web.texts import t

log = logging.getLogger("volunteer_kit.hub")

FORMATS = ("csv", "xlsx")
EXPORT_KEEP = timedelta(hours=24)
STALE_RUNNING = timedelta(minutes=10)
QUEUED_WAIT = timedelta(seconds=5)
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# ---------------------------------------------------------------- the file


def export_rows(view: Any, lang: str) -> tuple[list[str], list[list[Any]]]:
    """The table as header and rows, in the page's default order; the "synced" column split in the
    hub's receipt time and the laptop's own time, and an empty cell for "no data" (never 0)."""
    cols = table.columns(view, lang)
    header: list[str] = []
    for column in cols:
        if column.key == "commune":
            header += [t(lang, "commune"), "Mã xã" if lang != "en" else "Commune code"]
        elif column.key == "synced":
            header += [
                f"{t(lang, 'synced')} ({t(lang, 'hub_time')})",
                f"{t(lang, 'synced')} ({t(lang, 'laptop_time')})",
            ]
        else:
            header.append(column.label)
    rows = []
    for commune in table.sort_communes(view, cols, table.DEFAULT_SORT, False):
        line: list[Any] = []
        for column in cols:
            if column.key == "commune":
                line += [commune.commune_name, commune.commune_code]
            elif column.key == "synced":
                line += [
                    _naive_local(commune.last_received_at),
                    _naive_local(commune.last_recorded_at),
                ]
            else:
                line.append(table.cell(column, commune))
        rows.append(line)
    return header, rows


def _naive_local(value: datetime | None) -> datetime | None:
    local = table.local_time(value)
    return None if local is None else local.replace(tzinfo=None, microsecond=0)


def csv_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    """UTF-8 with a BOM, so Excel opens the Vietnamese right; cells neutralised against formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(h) for h in header])
    for line in rows:
        writer.writerow(["" if v is None else _csv_value(v) for v in line])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return safe_cell(value)


def xlsx_bytes(header: list[str], rows: list[list[Any]], *, sheet_title: str) -> bytes:
    """A write-only workbook (openpyxl), as the app's other XLSX exports are written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31])
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 28
    bold = Font(bold=True)
    head = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(title))
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    for line in rows:
        out = []
        for value in line:
            cell = WriteOnlyCell(sheet, value=safe_cell(value))
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            out.append(cell)
        sheet.append(out)
    return workbook_bytes(book)


def build_file(engine: Engine, *, province_code: str, fmt: str, lang: str) -> tuple[str, bytes]:
    """(file name, bytes) of the province's table now."""
    from volunteer_kit.hub import analytics

    view = analytics.province_view(engine, province_code, lang=lang)
    header, rows = export_rows(view, lang)
    stamp = table.local_time(utcnow())
    name = f"tinh-{province_code}-{stamp:%Y%m%d-%H%M}.{fmt}"
    if fmt == "csv":
        return name, csv_bytes(header, rows)
    return name, xlsx_bytes(header, rows, sheet_title=view.province_name or province_code)


# ---------------------------------------------------------------- the jobs


def create_job(
    engine: Engine, *, login: str, province_code: str, fmt: str, lang: str, now: datetime | None = None
) -> str:
    """A queued job for the viewer; old ones (past their 24 h) are deleted on the way."""
    now = now or utcnow()
    job_id = str(uuid.uuid4())
    with writing(engine) as conn:
        conn.execute(export_job_t.delete().where(export_job_t.c.expires_at < now))
        conn.execute(
            export_job_t.insert().values(
                id=job_id,
                login=login,
                province_code=province_code,
                format=fmt,
                lang=lang,
                status="queued",
                created_at=now,
                expires_at=now + EXPORT_KEEP,
                error="",
                filename="",
            )
        )
    return job_id


def get_job(engine: Engine, job_id: str, *, login: str, with_content: bool = False) -> dict[str, Any] | None:
    """The viewer's own job (another viewer's is None, as one that does not exist)."""
    wanted = [c for c in export_job_t.c if with_content or c.name != "content"]
    with engine.connect() as conn:
        row = (
            conn.execute(
                select(*wanted).where(
                    export_job_t.c.id == job_id,
                    export_job_t.c.login == login,
                    export_job_t.c.expires_at > utcnow(),
                )
            )
            .mappings()
            .first()
        )
    return None if row is None else dict(row)


def claim(engine: Engine, job_id: str, *, now: datetime | None = None) -> bool:
    """Take the job for this process: True for exactly one taker (a conditional UPDATE)."""
    now = now or utcnow()
    with writing(engine) as conn:
        done = conn.execute(
            export_job_t.update()
            .where(
                export_job_t.c.id == job_id,
                or_(
                    export_job_t.c.status == "queued",
                    and_(export_job_t.c.status == "running", export_job_t.c.claimed_at < now - STALE_RUNNING),
                ),
            )
            .values(status="running", claimed_at=now)
        )
        return done.rowcount == 1


def run_job(engine: Engine, job_id: str) -> None:
    """Claim and build the job, storing the file or the reason it failed (logged)."""
    if not claim(engine, job_id):
        return
    with engine.connect() as conn:
        job = conn.execute(
            select(export_job_t.c.province_code, export_job_t.c.format, export_job_t.c.lang).where(
                export_job_t.c.id == job_id
            )
        ).one()
    try:
        name, content = build_file(engine, province_code=job.province_code, fmt=job.format, lang=job.lang)
        values: dict[str, Any] = {"status": "done", "filename": name, "content": content}
    except Exception as exc:  # a failed export is reported on its page; the hub goes on
        log.exception("province export %s failed", job_id)
        values = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"[:300]}
    with writing(engine) as conn:
        conn.execute(
            export_job_t.update().where(export_job_t.c.id == job_id).values(finished_at=utcnow(), **values)
        )


def start(engine: Engine, job_id: str) -> threading.Thread:
    """Build the job on a daemon thread of this process (the request returns at once)."""
    thread = threading.Thread(target=run_job, args=(engine, job_id), name=f"export-{job_id[:8]}", daemon=True)
    thread.start()
    return thread


def needs_worker(job: dict[str, Any], now: datetime | None = None) -> bool:
    """Whether a job's page should start a worker here: still queued after QUEUED_WAIT (its process
    may have gone before starting it), or running for longer than STALE_RUNNING. The worker only
    finishes what a POST asked for; the page itself changes nothing."""
    from volunteer_kit.hub.times import as_utc

    now = now or utcnow()
    if job["status"] == "queued":  # the process that took the POST starts it at once, as a rule
        created: datetime = as_utc(job["created_at"])
        return created < now - QUEUED_WAIT
    claimed = as_utc(job["claimed_at"])
    return job["status"] == "running" and claimed is not None and claimed < now - STALE_RUNNING
