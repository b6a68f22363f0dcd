"""Any path a user can have works: Vietnamese letters, spaces, "%", "#", "?" and long paths.

A Windows laptop whose user is "Nguyễn Văn Ánh" keeps its data under
C:\\Users\\Nguyễn Văn Ánh\\AppData\\Local\\volunteer-kit (the platformdirs default). The
store's URL reaches Alembic's ConfigParser percent-encoded, where "%" once started an
interpolation and the app could not open its data at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

AWKWARD = [
    pytest.param("Nguyễn Văn Ánh/dữ liệu", id="vietnamese-and-space"),
    pytest.param("100% chắc/#1 ?x", id="percent-hash-question"),
    pytest.param("/".join(["Thư mục rất dài của xã Bát Tràng"] * 6), id="long"),
]


@pytest.mark.parametrize("relative", AWKWARD)
def test_the_store_opens_migrates_and_reopens_under_an_awkward_path(tmp_path: Path, relative: str) -> None:
    from volunteer_kit.store.engine import SCHEMA_HEAD, current_revision, open_store

    path = tmp_path / relative / "volunteer-kit.sqlite3"
    engine = open_store(path)
    engine.dispose()
    assert path.is_file()
    assert current_revision(path) == SCHEMA_HEAD
    open_store(path).dispose()  # a second start finds it migrated
    # Nothing was made at a mangled path beside it (e.g. cut at "#" or "?").
    assert [p for p in tmp_path.rglob("*.sqlite3")] == [path]


@pytest.mark.parametrize("relative", AWKWARD)
def test_demo_and_lists_through_the_command_line_under_an_awkward_path(tmp_path: Path, relative: str) -> None:
    folder = tmp_path / relative
    done = run_cli("--data-dir", str(folder), "demo", "--learners", "20")
    assert done.returncode == 0, done.stderr
    listed = run_cli("learners", "list", "--json", "--data-dir", str(folder))
    assert listed.returncode == 0, listed.stderr
    assert '"full_name"' in listed.stdout
    assert (folder / "volunteer-kit.sqlite3").is_file()


def test_the_hub_database_migrates_under_an_awkward_path(tmp_path: Path) -> None:
    from sqlalchemy import URL

    from volunteer_kit.hub.db import open_hub_engine

    path = tmp_path / "Nguyễn Văn Ánh" / "100% hub"
    path.mkdir(parents=True)
    engine = open_hub_engine(URL.create("sqlite", database=str(path / "hub.sqlite3")).render_as_string())
    engine.dispose()
    assert (path / "hub.sqlite3").is_file()


@pytest.mark.gui
def test_the_window_smoke_test_under_a_vietnamese_user_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Nguyễn Văn Ánh" / "AppData" / "Local" / "volunteer-kit"
    done = run_cli("gui", "--smoke-test", "--data-dir", str(folder), env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "smoke test: ok" in done.stdout + done.stderr
