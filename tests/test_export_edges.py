"""Exports at the edges, through the real command line: a wrong place to write, a write that fails
half-way, report filters that match nothing. Each is one line (Vietnamese, or English with
--lang en) and exit 1, with nothing half-written left behind."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli

EXPORTS = [("roster", "csv"), ("roster", "xlsx"), ("roster", "pdf"), ("report", "xlsx"), ("report", "pdf")]


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the demo commune (60 learners), made by the CLI; exports only read it."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    done = run_cli("demo", "--learners", "60", data_dir=folder)
    assert done.returncode == 0, done.stderr
    return folder


def _query(data: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(data / "volunteer-kit.sqlite3") as con:
        return con.execute(sql, params).fetchall()


def _session_id(data: Path) -> str:
    return _query(data, "SELECT id FROM teaching_session WHERE deleted = 0 ORDER BY starts_at LIMIT 1")[0][0]


def _export(data: Path, kind: str, fmt: str, out: Path, *extra: str) -> subprocess.CompletedProcess:
    target = [_session_id(data)] if kind == "roster" else []
    return run_cli(kind, "export", *target, "--format", fmt, "--out", str(out), *extra, data_dir=data)


def _one_line_error(done: subprocess.CompletedProcess) -> str:
    """The single line a failed export must print (no traceback, no "Exception ignored")."""
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert unicodedata.is_normalized("NFC", lines[0])
    return lines[0]


@pytest.mark.parametrize(("kind", "fmt"), EXPORTS)
def test_export_to_a_folder_says_so_in_one_line(demo_data: Path, tmp_path: Path, kind: str, fmt: str) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    line = _one_line_error(_export(demo_data, kind, fmt, folder))
    assert f"{folder} là một thư mục" in line
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


@pytest.mark.parametrize(("kind", "fmt"), EXPORTS)
def test_export_into_a_missing_folder_says_so_in_one_line(
    demo_data: Path, tmp_path: Path, kind: str, fmt: str
) -> None:
    out = tmp_path / "no" / "such" / f"x.{fmt}"
    line = _one_line_error(_export(demo_data, kind, fmt, out, "--lang", "en"))
    assert line == f"There is no folder {out.parent}; choose another place."
    assert list(tmp_path.iterdir()) == []


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.open("x").close()
    except OSError:
        return False
    probe.unlink()
    return True


@pytest.fixture
def unwritable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to: read-only mode, and immutable (chattr) where we are root."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if _writable(folder) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    try:
        if _writable(folder):
            pytest.skip("no way to make a folder unwritable here (root without chattr)")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


@pytest.mark.parametrize(("kind", "fmt"), EXPORTS)
def test_export_into_an_unwritable_folder_says_so_in_one_line(
    demo_data: Path, unwritable_folder: Path, kind: str, fmt: str
) -> None:
    out = unwritable_folder / f"x.{fmt}"
    line = _one_line_error(_export(demo_data, kind, fmt, out))
    assert line.startswith(f"Không ghi được {out} (")
    assert list(unwritable_folder.iterdir()) == []


# SQLite's shared-memory file (the store opens it) is 32 KiB; a PDF with its fonts embedded is more.
FILE_SIZE_LIMIT = 32 * 1024


def _with_file_size_limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("kind", ["roster", "report"])
def test_a_write_that_fails_half_way_leaves_the_old_file_and_nothing_else(
    demo_data: Path, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / "export.pdf"
    out.write_bytes(b"last week's file")
    target = [_session_id(demo_data)] if kind == "roster" else []
    # Python ignores SIGXFSZ, so a write past the limit fails as a full disk would (EFBIG).
    done = subprocess.run(
        [sys.executable, "-m", "volunteer_kit", "--data-dir", str(demo_data), kind, "export", *target]
        + ["--format", "pdf", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_with_file_size_limit,
    )
    line = _one_line_error(done)
    assert line.startswith(f"Không ghi được {out} (")
    assert out.read_bytes() == b"last week's file"
    assert [p.name for p in tmp_path.iterdir()] == ["export.pdf"]


def _hamlets(data: Path) -> list[str]:
    return [r[0] for r in _query(data, "SELECT DISTINCT hamlet FROM learner WHERE deleted = 0 ORDER BY 1")]


def test_report_for_an_unknown_hamlet_names_it_and_the_known_ones(demo_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    line = _one_line_error(_export(demo_data, "report", "xlsx", out, "--hamlet", "Thôn Không Có"))
    assert "“Thôn Không Có”" in line
    assert all(hamlet in line for hamlet in _hamlets(demo_data))
    english = _one_line_error(_export(demo_data, "report", "pdf", out, "--hamlet", "Nowhere", "--lang", "en"))
    assert english.startswith("There is no hamlet “Nowhere”; the hamlets are: ")
    assert not out.exists()


def test_report_hamlet_matches_in_any_case_and_form_but_keeps_accents(
    demo_data: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    hamlet = _query(
        demo_data,
        "SELECT l.hamlet FROM attendance a JOIN learner l ON l.id = a.learner_id WHERE a.present = 1 "
        "GROUP BY l.hamlet ORDER BY count(*) DESC, l.hamlet LIMIT 1",
    )[0][0]
    assert hamlet != unicodedata.normalize("NFD", hamlet)  # the demo's hamlets carry accents

    def sheets(name: str, typed: str) -> list[list[tuple]]:
        done = _export(demo_data, "report", "xlsx", tmp_path / name, "--hamlet", typed)
        assert done.returncode == 0, done.stderr
        return [list(s.iter_rows(values_only=True)) for s in load_workbook(tmp_path / name).worksheets]

    exact = sheets("exact.xlsx", hamlet)
    assert sheets("typed.xlsx", f"  {unicodedata.normalize('NFD', hamlet.upper())} ") == exact
    assert exact[0][1][1] > 0  # people guided: the hamlet's figures, not an empty report
    folded = "".join(c for c in unicodedata.normalize("NFD", hamlet) if not unicodedata.combining(c))
    line = _one_line_error(_export(demo_data, "report", "xlsx", tmp_path / "f.xlsx", "--hamlet", folded))
    assert f"“{folded}”" in line and hamlet in line


def test_report_for_an_unknown_volunteer_names_it_and_the_known_ones(demo_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    line = _one_line_error(_export(demo_data, "report", "pdf", out, "--volunteer", "no-such-id"))
    assert "no-such-id" in line
    for (name,) in _query(demo_data, "SELECT full_name FROM volunteer WHERE deleted = 0"):
        assert name in line
    assert not out.exists()
    known = _query(demo_data, "SELECT id FROM volunteer ORDER BY rowid LIMIT 1")[0][0]
    assert _export(demo_data, "report", "pdf", out, "--volunteer", known).returncode == 0


def test_roster_of_an_unknown_session_names_it_and_how_to_list_them(demo_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    done = run_cli("roster", "export", "0bad", "--format", "csv", "--out", str(out), data_dir=demo_data)
    line = _one_line_error(done)
    assert "0bad" in line and "volunteer-kit sessions list" in line
    assert not out.exists()


def test_the_report_layer_refuses_an_unknown_hamlet_or_volunteer(engine) -> None:
    """The check sits under the CLI, so the window's Reports page and every caller get it too."""
    from volunteer_kit.errors import InvalidInput
    from volunteer_kit.exports.report import compute_report
    from volunteer_kit.store.learners import register_learner

    with engine.begin() as conn:
        register_learner(conn, full_name="Nguyễn Thị Hằng", birth_year=1960, hamlet="Thôn Kim Lan")
    with engine.connect() as conn:
        report = compute_report(conn, {}, start=None, end=None, hamlet="THÔN KIM LAN", questions={})
        assert report.hamlet == "Thôn Kim Lan" and report.households_total is not None
        with pytest.raises(InvalidInput, match="Thôn Kim Lan"):
            compute_report(conn, {}, start=None, end=None, hamlet="Thon Kim Lan", questions={})
        with pytest.raises(InvalidInput, match="no-such-id"):
            compute_report(conn, {}, start=None, end=None, volunteer_id="no-such-id", questions={})
