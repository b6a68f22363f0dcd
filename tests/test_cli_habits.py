"""The command line as people use it: an ANSI console, Vietnamese usage text, dates as they
write them, ids they can copy from a listing, and mistyped folders that make nothing."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "Nguyễn Văn Ánh" / "dữ liệu"
    done = run_cli("demo", "--learners", "80", "--anchor-date", "2026-11-20", data_dir=folder)
    assert done.returncode == 0, done.stderr
    return folder


def _raw(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    full = {k: v for k, v in os.environ.items() if k != "VOLUNTEER_KIT_HOME"} | env
    return subprocess.run(
        [sys.executable, "-m", "volunteer_kit", *args], capture_output=True, env=full, cwd=ROOT, timeout=120
    )


# --- a console or pipe that is not UTF-8 -----------------------------------------------------------


def test_a_listing_piped_through_an_ansi_code_page_is_written_in_utf8(demo_folder: Path) -> None:
    done = _raw("learners", "list", "--data-dir", str(demo_folder), env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")  # a pipe gets UTF-8 whatever the code page
    assert any(letter in text for letter in "ễếữạảơư")
    assert b"UnicodeEncodeError" not in done.stderr
    assert "người học" in done.stderr.decode("utf-8")


def test_an_error_message_through_an_ansi_code_page_does_not_crash(tmp_path: Path) -> None:
    missing = tmp_path / "không có"
    done = _raw("learners", "list", "--data-dir", str(missing), env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 1
    assert "Không có dữ liệu" in done.stderr.decode("utf-8")


class _Console(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [
        ("cp1258", "Nguyễn Văn Ánh, Đặng Lỗi"),  # e + combining marks: every letter still there
        ("cp1252", "Nguyen Van Ánh, Dang Loi"),  # no Vietnamese letters: without accents
        ("cp437", "Nguyen Van Anh, Dang Loi"),
    ],
)
def test_a_legacy_console_shows_what_it_cannot_encode_as_near_as_it_can(encoding: str, shown: str) -> None:
    import unicodedata

    from volunteer_kit.console import make_safe

    raw = io.BytesIO()
    console = _Console(raw, encoding=encoding)
    make_safe(console)
    console.write("Nguyễn Văn Ánh, Đặng Lỗi")
    console.flush()
    assert unicodedata.normalize("NFC", raw.getvalue().decode(encoding)) == shown


# --- usage in the chosen language, one date parser --------------------------------------------------


def test_usage_errors_and_help_are_vietnamese_by_default(tmp_path: Path) -> None:
    bad_day = run_cli("report", "export", "--from", "2026-02-30", "--format", "pdf", "--out", "x.pdf")
    assert bad_day.returncode == 2
    assert "lỗi: tham số --from: Ngày không hợp lệ: '2026-02-30'" in bad_day.stderr
    assert "cách dùng:" in bad_day.stderr
    demo_day = run_cli("demo", "--anchor-date", "2026-02-30", data_dir=tmp_path / "d")
    assert demo_day.returncode == 2
    assert "tham số --anchor-date: Ngày không hợp lệ: '2026-02-30'" in demo_day.stderr
    missing = run_cli("learners")
    assert missing.returncode == 2 and "thiếu tham số bắt buộc" in missing.stderr
    helped = run_cli("certificates", "issue", "--help")
    assert helped.returncode == 0
    assert "tùy chọn:" in helped.stdout
    assert "mọi người đủ điều kiện" in helped.stdout
    assert "show this help" not in helped.stdout


def test_english_usage_when_asked() -> None:
    helped = run_cli("--lang", "en", "report", "export", "--help")
    assert helped.returncode == 0 and "usage:" in helped.stdout and "only this hamlet" in helped.stdout
    wrong = run_cli(
        "--lang", "en", "report", "export", "--from", "30/02/2026", "--format", "pdf", "--out", "x"
    )
    assert wrong.returncode == 2 and "Not a date: '30/02/2026'" in wrong.stderr


def test_every_help_text_has_its_vietnamese() -> None:
    from volunteer_kit.cli import build_parser
    from volunteer_kit.cli.i18n import untranslated

    assert untranslated(build_parser()) == []


def test_one_date_parser_takes_iso_and_vietnamese_order() -> None:
    from datetime import date

    from volunteer_kit.core.clock import parse_day
    from volunteer_kit.errors import InvalidInput

    assert (
        parse_day("2026-11-21") == parse_day("21/11/2026") == parse_day(" 21/11/2026 ") == date(2026, 11, 21)
    )
    for bad in ("2026-02-30", "30/02/2026", "21/11/26", "hôm nay", ""):
        with pytest.raises(InvalidInput):
            parse_day(bad)


# --- mistyped folders make nothing ------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("learners", "list"),
        ("sessions", "list"),
        ("certificates", "eligible"),
        ("report", "export", "--format", "pdf", "--out", "r.pdf"),
        ("packs", "list"),
    ],
)
def test_a_reading_command_refuses_a_data_folder_that_does_not_exist(tmp_path: Path, command: tuple) -> None:
    missing = tmp_path / "nonexistent" / "deep" / "dir"
    done = run_cli(*command, "--data-dir", str(missing))
    assert done.returncode == 1, done.stdout
    assert str(missing) in done.stderr and "--data-dir" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "nonexistent").exists()


# --- ids people can copy, Vietnamese words for kinds, unknown names refused ------------------------


def test_sessions_list_shows_short_ids_and_vietnamese_kinds_that_roster_export_takes(
    demo_folder: Path, tmp_path: Path
) -> None:
    listed = run_cli("sessions", "list", data_dir=demo_folder)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert "group_class" not in listed.stdout and "home_visit" not in listed.stdout
    assert "Lớp học nhóm" in listed.stdout
    short = lines[0].split()[0]
    assert len(short) == 8
    out = tmp_path / "danh sách.csv"
    done = run_cli("roster", "export", short, "--format", "csv", "--out", str(out), data_dir=demo_folder)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
    nobody = run_cli(
        "roster", "export", "deadbeef", "--format", "csv", "--out", str(out), data_dir=demo_folder
    )
    assert nobody.returncode == 1 and "sessions list" in nobody.stderr


def test_learners_list_shows_the_short_id_certificates_issue_takes(demo_folder: Path) -> None:
    import json

    listed = run_cli("learners", "list", data_dir=demo_folder)
    first = listed.stdout.splitlines()[0]
    short = first.split()[0]
    records = json.loads(run_cli("learners", "list", "--json", data_dir=demo_folder).stdout)
    assert [r["id"] for r in records if r["id"].endswith(short)] == [records[0]["id"]]
    # The id is taken (the learner is refused only because they are not eligible, or not an officer).
    done = run_cli(
        "certificates", "issue", "--pack", "vn.bdhvs.vneid", "--learner", short, data_dir=demo_folder
    )
    assert "Không có người học nào có mã" not in done.stderr
    unknown = run_cli(
        "certificates", "issue", "--pack", "vn.bdhvs.vneid", "--learner", "abcdef99", data_dir=demo_folder
    )
    assert unknown.returncode == 1 and "Không có người học nào có mã 'abcdef99'" in unknown.stderr


def test_an_unknown_pack_or_volunteer_is_an_error_not_an_empty_result(
    demo_folder: Path, tmp_path: Path
) -> None:
    issue = run_cli("certificates", "issue", "--pack", "no.such.pack", "--all-eligible", data_dir=demo_folder)
    assert issue.returncode == 1 and "no.such.pack" in issue.stderr and "Đã cấp 0" not in issue.stderr
    out = tmp_path / "báo cáo.pdf"
    report = run_cli(
        "report",
        "export",
        "--format",
        "pdf",
        "--out",
        str(out),
        "--volunteer",
        "Không Ai",
        data_dir=demo_folder,
    )
    assert report.returncode == 1 and "Không có tình nguyện viên 'Không Ai'" in report.stderr
    assert not out.exists()


# --- a window on a Linux desktop that lacks Qt's X11 libraries -------------------------------------


def test_missing_x11_libraries_are_named_by_their_packages() -> None:
    from volunteer_kit import desktop_libs

    table = {"libc.so.6": "libc6", "libxcb-nosuchthing.so.9": "libxcb-nosuchthing9"}
    missing = desktop_libs.missing_packages(table)
    assert missing == ["libxcb-nosuchthing9"]
    vi, en = desktop_libs.missing_message(missing)
    assert "sudo apt-get install -y libxcb-nosuchthing9" in vi and "Thiếu thư viện" in vi
    assert "install them with" in en


def test_the_readme_install_line_names_every_x11_package_the_check_knows() -> None:
    from volunteer_kit.desktop_libs import X11_LIBRARIES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = next(line for line in readme.splitlines() if line.startswith("sudo apt-get install"))
    assert set(X11_LIBRARIES.values()) <= set(install.split())


def test_the_x11_check_applies_only_where_qt_uses_xcb(monkeypatch: pytest.MonkeyPatch) -> None:
    from volunteer_kit import desktop_libs

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not desktop_libs.uses_x11()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert desktop_libs.uses_x11()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert desktop_libs.uses_x11()


def test_the_readme_shows_every_command_with_an_example() -> None:
    from volunteer_kit.cli import build_parser
    from volunteer_kit.cli.i18n import parsers

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for parser in parsers(build_parser()):
        words = parser.prog.split()[1:]  # "volunteer-kit hub serve" -> ["hub", "serve"]
        has_children = any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
        if words and not has_children:
            commands.append(" ".join(words))
    assert len(commands) > 30
    missing = [c for c in commands if f"volunteer-kit {c}" not in readme]
    assert missing == [], "commands the README never shows"
