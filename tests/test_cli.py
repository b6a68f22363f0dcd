"""The command line as officers script it: real processes, exit codes, one-line messages."""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import run_cli
from volunteer_kit import __version__
from volunteer_kit.core.text import fold


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-demo")
    result = run_cli("demo", "--learners", "400", "--seed", "5", data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "400" in result.stdout
    return folder


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"volunteer-kit {__version__}"


def test_search_without_accents_finds_names_with_accents(demo_dir: Path) -> None:
    result = run_cli("learners", "list", "--search", "nguyen thi", "--json", data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert records, "the demo has women of the Nguyễn family"
    for record in records:
        assert "nguyen thi" in fold(record["full_name"])
        assert unicodedata.is_normalized("NFC", record["full_name"])
        assert record["commune_code"] == "00577"
        assert {"id", "full_name", "birth_year", "gender", "hamlet", "groups"} <= set(record)
    assert any("Nguyễn Thị" in record["full_name"] for record in records)


def test_data_dir_may_stand_before_or_after_the_subcommand(demo_dir: Path) -> None:
    before = run_cli("--data-dir", str(demo_dir), "sessions", "list", "--json")
    after = run_cli("sessions", "list", "--json", "--data-dir", str(demo_dir))
    assert before.returncode == after.returncode == 0
    sessions = json.loads(before.stdout)
    assert sessions == json.loads(after.stdout)
    assert sessions and {"id", "commune_code", "kind", "pack_id", "starts_at"} <= set(sessions[0])


def test_env_home_is_used_when_no_option(demo_dir: Path) -> None:
    result = run_cli("learners", "list", "--json", data_dir=demo_dir)
    assert len(json.loads(result.stdout)) == 400


def test_plain_listing_is_readable_text(demo_dir: Path) -> None:
    result = run_cli("learners", "list", "--search", "DANG", data_dir=demo_dir)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines and all(line.split(maxsplit=1)[1].startswith("Đặng") for line in lines)
    assert "người học" in result.stderr


def test_usage_error_exits_2() -> None:
    result = run_cli("learners", "frobnicate")
    assert result.returncode == 2
    assert "cách dùng:" in result.stderr  # Vietnamese by default, like every message
    assert "lựa chọn không hợp lệ: 'frobnicate'" in result.stderr


def test_unknown_subcommand_exits_2() -> None:
    assert run_cli("teleport").returncode == 2


def test_bad_number_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("demo", "--learners", "many", data_dir=tmp_path)
    assert result.returncode == 2


@pytest.mark.parametrize("lang, expected", [("vi", "1 đến"), ("en", "between 1 and")])
def test_out_of_range_value_gets_one_line_in_the_users_language(
    tmp_path: Path, lang: str, expected: str
) -> None:
    result = run_cli("--lang", lang, "demo", "--learners", "0", data_dir=tmp_path)
    assert result.returncode == 1
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_demo_into_a_store_with_learners_is_refused(demo_dir: Path) -> None:
    result = run_cli("demo", data_dir=demo_dir)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "--data-dir" in result.stderr


def test_damaged_database_gets_a_message_and_is_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "volunteer-kit.sqlite3"
    db.write_bytes(b"not a database at all" * 100)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for args in (("learners", "list"), ("sessions", "list", "--json"), ("demo",)):
        result = run_cli(*args, data_dir=tmp_path)
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
        assert "hỏng" in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_unwritable_data_folder_gets_a_message(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = tmp_path / "a-file"
        target.write_text("x")
        folder = target / "data"  # a folder inside a file cannot be made, even by root
    else:
        folder = tmp_path / "ro"
        folder.mkdir(mode=0o500)
    result = run_cli("--data-dir", str(folder), "learners", "list")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_gui_smoke_test_exits_0_offscreen(tmp_path: Path) -> None:
    result = run_cli("gui", "--smoke-test", data_dir=tmp_path, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "volunteer-kit.sqlite3").exists()


def test_gui_smoke_test_fails_on_a_damaged_database(tmp_path: Path) -> None:
    (tmp_path / "volunteer-kit.sqlite3").write_bytes(b"garbage" * 10)
    result = run_cli("gui", "--smoke-test", data_dir=tmp_path, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 1
    assert "hỏng" in result.stderr
