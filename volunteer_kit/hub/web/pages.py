"""The dashboard's routes under /province: sign-in, the table, the charts, exports.

Who may read: a viewer signed in with the session cookie (a device's bearer token opens nothing
here). The province always comes from the session, never from the URL. GET never changes anything;
every POST carries the form's CSRF token (the session's, or for sign-in a double-submit cookie),
and a request whose Origin (or Referer) names another host is refused.
"""

from __future__ import annotations

import json
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from volunteer_kit.core.clock import utcnow
from volunteer_kit.hub.deps import engine_of
from volunteer_kit.hub.enrollment import client_key
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.web import accounts, exports, table
from volunteer_kit.hub.web.accounts import LoginThrottled, Viewer
from volunteer_kit.hub.web.texts import TEXTS, t

PREFIX = "/province"
STATIC_PATH = f"{PREFIX}/static"
SESSION_COOKIE = "vk_session"
LOGIN_CSRF_COOKIE = "vk_login_csrf"
LANG_COOKIE = "vk_lang"
MAX_FORM = 16 * 1024

# Pages say who may embed and run what: no inline script, nothing from elsewhere.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}

router = APIRouter(prefix=PREFIX, include_in_schema=False)
templates = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


# ---------------------------------------------------------------- helpers


def language(request: Request) -> str:
    """?lang= (kept in a cookie by `page`), else the cookie, else Vietnamese."""
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return "en" if asked == "en" else "vi"


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _cookie(response: Response, request: Request, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=PREFIX,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
    )


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = context.pop("lang", None) or language(request)
    words = {key: (en if lang == "en" else vi) for key, (vi, en) in TEXTS.items()}
    other = "vi" if lang == "en" else "en"
    kept = {k: v for k, v in request.query_params.items() if k in ("sort", "dir")}
    html = templates.get_template(name).render(
        lang=lang,
        w=words,
        static=STATIC_PATH,
        prefix=PREFIX,
        other_lang=other,
        lang_link="?" + urlencode({**kept, "lang": other}),
        **context,
    )
    response = HTMLResponse(html, status_code=status, headers=HEADERS)
    if request.query_params.get("lang") in ("vi", "en"):
        _cookie(response, request, LANG_COOKIE, lang, 365 * 24 * 3600)
    return response


def to_login(request: Request) -> RedirectResponse:
    return RedirectResponse(f"{PREFIX}/login", status_code=303, headers=HEADERS)


async def current_viewer(request: Request) -> Viewer | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    return await run_in_threadpool(accounts.viewer_for_cookie, engine_of(request), token)


def same_origin(request: Request) -> bool:
    """False when the request's Origin (or, without one, its Referer) names another host than the
    one it was sent to; a request naming neither passes (the CSRF token still must match)."""
    host = request.headers.get("host", "")
    origin = request.headers.get("origin")
    if origin is not None:
        return origin != "null" and urlsplit(origin).netloc == host
    referer = request.headers.get("referer")
    if referer is not None:
        return urlsplit(referer).netloc == host
    return True


async def read_form(request: Request) -> dict[str, str]:
    """A urlencoded form (the only kind our pages send), bounded; the first value of each field."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            raise HubError(413, "The form is too large.", "Biểu mẫu quá lớn.")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        return {}
    return {key: values[0] for key, values in fields.items()}


def _tokens_match(given: str | None, expected: str | None) -> bool:
    return bool(given) and bool(expected) and secrets.compare_digest(str(given), str(expected))


def refused(request: Request, status: int = 403) -> HTMLResponse:
    return page(request, "message.html", status=status, title=t(language(request), "forbidden"), text="")


# ---------------------------------------------------------------- sign-in


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request) -> Response:
    if await current_viewer(request) is not None:
        return RedirectResponse(f"{PREFIX}/", status_code=303, headers=HEADERS)
    return _login_page(request)


def _login_page(request: Request, *, error: str = "", status: int = 200, login: str = "") -> HTMLResponse:
    csrf = secrets.token_urlsafe(32)
    response = page(request, "login.html", status=status, csrf=csrf, error=error, login=login)
    _cookie(response, request, LOGIN_CSRF_COOKIE, csrf, 3600)
    return response


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await read_form(request)
    if not same_origin(request) or not _tokens_match(
        form.get("csrf"), request.cookies.get(LOGIN_CSRF_COOKIE)
    ):
        return refused(request)
    lang = language(request)
    engine = engine_of(request)
    client = client_key(request.client.host if request.client else None)
    name = form.get("login", "")[:200]
    try:
        token, _viewer = await run_in_threadpool(
            lambda: accounts.sign_in(engine, login=name, password=form.get("password", ""), client=client)
        )
    except LoginThrottled as exc:
        retry = table.local_time(utcnow() + timedelta(seconds=exc.wait_seconds))
        paused = page(
            request,
            "message.html",
            status=429,
            title=t(lang, "throttled_title"),
            text=exc.en if lang == "en" else exc.vi,
            detail=f"{t(lang, 'retry_at')} {retry:%H:%M} ({retry:%d/%m/%Y}).",
        )
        paused.headers.update(exc.headers)
        return paused
    except HubError as exc:
        return _login_page(request, error=exc.en if lang == "en" else exc.vi, status=exc.status, login=name)
    response = RedirectResponse(f"{PREFIX}/", status_code=303, headers=HEADERS)
    _cookie(response, request, SESSION_COOKIE, token, accounts.SESSION_HOURS * 3600)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=PREFIX)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    viewer = await current_viewer(request)
    if viewer is None:
        return to_login(request)
    form = await read_form(request)
    if not same_origin(request) or not _tokens_match(form.get("csrf"), viewer.csrf_token):
        return refused(request)
    await run_in_threadpool(accounts.sign_out, engine_of(request), viewer)
    response = to_login(request)
    response.delete_cookie(
        SESSION_COOKIE, path=PREFIX, secure=_secure(request), httponly=True, samesite="strict"
    )
    return response


# ---------------------------------------------------------------- the table and the charts


def _view(request: Request, viewer: Viewer, lang: str) -> Any:
    from volunteer_kit.hub import analytics

    return analytics.province_view(engine_of(request), viewer.province_code, lang=lang)


@router.get("/", response_class=HTMLResponse)
async def dashboard(request: Request) -> Response:
    viewer = await current_viewer(request)
    if viewer is None:
        return to_login(request)
    lang = language(request)
    view = await run_in_threadpool(_view, request, viewer, lang)
    cols = table.columns(view, lang)
    keys = {c.key for c in cols}
    sort = request.query_params.get("sort", table.DEFAULT_SORT)
    sort = sort if sort in keys else table.DEFAULT_SORT
    descending = request.query_params.get("dir") == "desc"
    communes = table.sort_communes(view, cols, sort, descending)
    links = {}
    for column in cols:
        if column.key == sort:
            flip = "asc" if descending else "desc"
        else:  # names from A; figures largest first, sync times latest first
            flip = "asc" if column.key == "commune" else "desc"
        links[column.key] = f"{PREFIX}/?" + urlencode({"sort": column.key, "dir": flip})
    return page(
        request,
        "dashboard.html",
        lang=lang,
        viewer=viewer,
        view=view,
        cols=cols,
        rows=table.row_views(communes, cols, lang, utcnow()),
        totals=table.total_views(view, cols, lang),
        sort=sort,
        descending=descending,
        links=links,
        shown_time=table.shown_time,
        head=table.header_rows(cols),
        percent=_percent(view),
    )


def _percent(view: Any) -> int:
    total = view.communes_total or 0
    return round(100 * view.communes_synced_this_week / total) if total else 0


@router.get("/charts", response_class=HTMLResponse)
async def charts(request: Request) -> Response:
    viewer = await current_viewer(request)
    if viewer is None:
        return to_login(request)
    lang = language(request)
    view = await run_in_threadpool(_view, request, viewer, lang)
    data = chart_data(view, lang)
    return page(
        request,
        "charts.html",
        lang=lang,
        viewer=viewer,
        view=view,
        shown_time=table.shown_time,
        percent=_percent(view),
        charts=data,
        chart_json=json.dumps(data, ensure_ascii=False).replace("</", "<\\/"),
    )


def chart_data(view: Any, lang: str) -> dict[str, Any]:
    """Per indicator, a bar per commune with data (largest first) and the communes without; and
    the weekly trend summed over the province."""
    cols = table.columns(view, lang)
    indicators = []
    for column in cols:
        if not column.chart:
            continue
        ordered = table.sort_communes(view, cols, column.key, True)
        bars = [(c.commune_name, table.cell(column, c)) for c in ordered]
        indicators.append(
            {
                "key": column.key,
                "title": column.label,
                "labels": [name for name, value in bars if value is not None],
                "values": [value for _, value in bars if value is not None],
                "no_data": [name for name, value in bars if value is None],
            }
        )
    weeks: dict[str, dict[str, int]] = {}
    for week in view.weeks:
        line = weeks.setdefault(week.week_start.isoformat(), {"sessions": 0, "attendance": 0, "people": 0})
        line["sessions"] += week.sessions
        line["attendance"] += week.attendance
        line["people"] += week.people
    order = sorted(weeks)
    trend = {
        "labels": [f"{w[8:10]}/{w[5:7]}" for w in order],
        "series": [
            {"label": t(lang, f"trend_{key}"), "values": [weeks[w][key] for w in order]}
            for key in ("sessions", "attendance", "people")
        ],
    }
    return {"indicators": indicators, "trend": trend, "no_data_label": t(lang, "chart_no_data")}


# ---------------------------------------------------------------- exports


@router.post("/exports")
async def new_export(request: Request) -> Response:
    viewer = await current_viewer(request)
    if viewer is None:
        return to_login(request)
    form = await read_form(request)
    if not same_origin(request) or not _tokens_match(form.get("csrf"), viewer.csrf_token):
        return refused(request)
    fmt = form.get("format", "")
    if fmt not in exports.FORMATS:
        return page(request, "message.html", status=422, title="CSV / XLSX ?", text="")
    engine = engine_of(request)
    job_id = await run_in_threadpool(
        lambda: exports.create_job(
            engine, login=viewer.login, province_code=viewer.province_code, fmt=fmt, lang=language(request)
        )
    )
    exports.start(engine, job_id)
    return RedirectResponse(f"{PREFIX}/exports/{job_id}", status_code=303, headers=HEADERS)


@router.get("/exports/{job_id}", response_class=HTMLResponse)
async def export_status(request: Request, job_id: str) -> Response:
    viewer = await current_viewer(request)
    if viewer is None:
        return to_login(request)
    engine = engine_of(request)
    job = await run_in_threadpool(lambda: exports.get_job(engine, job_id[:36], login=viewer.login))
    if job is None:
        return page(request, "message.html", status=404, title=t(language(request), "not_found"), text="")
    if exports.needs_worker(job):
        exports.start(engine, job["id"])
    return page(request, "export.html", viewer=viewer, job=job)


@router.get("/exports/{job_id}/file")
async def export_file(request: Request, job_id: str) -> Response:
    viewer = await current_viewer(request)
    if viewer is None:
        return Response(
            "Chưa đăng nhập. / Not signed in.", status_code=401, media_type="text/plain; charset=utf-8"
        )
    engine = engine_of(request)
    job = await run_in_threadpool(
        lambda: exports.get_job(engine, job_id[:36], login=viewer.login, with_content=True)
    )
    if job is None or job["status"] != "done" or job["content"] is None:
        return Response(
            "Không tìm thấy. / Not found.", status_code=404, media_type="text/plain; charset=utf-8"
        )
    return Response(
        bytes(job["content"]),
        media_type=exports.MEDIA_TYPES[job["format"]],
        headers={
            "Content-Disposition": f'attachment; filename="{job["filename"]}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
