"""A hub other laptops can reach, and hub commands that make no database where none was asked for.

Every test runs the command line as a real process; the serving tests start a real `hub serve`.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from conftest import ROOT, run_cli

COMMUNE = "00577"  # Xã Bát Tràng, the demo commune
# Vietnamese letters, spaces, `#`, and a `%` that reads like a URL escape: a folder name, taken literally.
ODD_NAME = "Nguyễn Văn Ánh #1 %20 100%"
# In a --db URL `%20` is an escape (a space), as in every URL; a lone `%` and `#` are taken as typed.
ODD_URL_NAME = "Nguyễn Văn Ánh #1 100%"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serving(stderr: Path, *options: str) -> Iterator[str]:
    """A real `hub serve` on a free port of 127.0.0.1 until the block ends; yields its URL once
    /api/v1/health answers. Its stderr goes to `stderr`."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "VOLUNTEER_KIT_HOME"} | {"PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "volunteer_kit", "--lang", "en", "hub", "serve", "--port", str(port)]
    with stderr.open("w", encoding="utf-8") as err:
        process = subprocess.Popen(
            [*command, *options], stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while not _healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("the hub did not start: " + stderr.read_text(encoding="utf-8"))
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _healthy(url: str) -> bool:
    try:
        return requests.get(f"{url}/api/v1/health", timeout=1).status_code == 200
    except requests.ConnectionError:
        return False


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in text, text
    return lines[0]


def _enroll_code(data_dir: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "--lang", "en", "hub", "enroll-code", "--data-dir", str(data_dir),
        "--commune", COMMUNE, "--role", "volunteer", "--json", *options,
    )  # fmt: skip


# ---------------------------------------------------------------- the port and the address


def test_busy_port_is_one_line_and_nothing_says_the_hub_runs(tmp_path: Path) -> None:
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        vi = run_cli("hub", "serve", "--data-dir", str(tmp_path), "--port", str(port))
        en = run_cli("--lang", "en", "hub", "serve", "--data-dir", str(tmp_path), "--port", str(port))
    assert vi.returncode == 1
    assert _one_line(vi.stderr) == (
        f"Cổng {port} đang được dùng bởi chương trình khác; hãy chọn cổng khác bằng --port."
    )
    assert en.returncode == 1
    assert (
        _one_line(en.stderr) == f"Port {port} is in use by another program; choose another port with --port."
    )
    assert list(tmp_path.iterdir()) == []  # no database made for a hub that never ran


@pytest.mark.parametrize("port", ["99999", "0", "-1"])
def test_port_outside_1_to_65535_is_one_line(tmp_path: Path, port: str) -> None:
    done = run_cli("--lang", "en", "hub", "serve", "--data-dir", str(tmp_path), f"--port={port}")
    assert done.returncode == 1
    assert _one_line(done.stderr) == f"--port must be 1 to 65535 (given {port})."


def test_unknown_host_is_one_line(tmp_path: Path) -> None:
    done = run_cli(
        "--lang", "en", "hub", "serve", "--data-dir", str(tmp_path), "--host", "no-such-host.invalid"
    )
    assert done.returncode == 1
    assert _one_line(done.stderr).startswith("Cannot find the address 'no-such-host.invalid'; check --host")


def test_public_url_is_carried_by_enrollment_codes(tmp_path: Path) -> None:
    data = tmp_path / "hub"
    data.mkdir()
    with _serving(tmp_path / "stderr.txt", "--data-dir", str(data), "--url", "http://192.168.1.10:8765/"):
        done = _enroll_code(data)
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["hub_url"] == "http://192.168.1.10:8765"
    assert made["qr_text"] == f"vk-enroll:http://192.168.1.10:8765?code={made['code']}"
    assert "warning" not in made and done.stderr.count("Warning") == 0
    said = (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    assert "Hub serving at http://192.168.1.10:8765" in said and "cannot reach" not in said
    assert "Warning: the hub is not encrypted (http)" in said  # laptops would need --insecure


@pytest.mark.parametrize(
    "url",
    ["http://192.168.1.10:8765/api/v1", "ftp://192.168.1.10", "http://:8765", "http://hub:99999", "hub:8765"],
)
def test_public_url_with_junk_is_refused(tmp_path: Path, url: str) -> None:
    done = run_cli("--lang", "en", "hub", "serve", "--data-dir", str(tmp_path), "--url", url)
    assert done.returncode == 1
    assert _one_line(done.stderr).startswith(f"Not a hub address: {url!r}")


def test_a_loopback_hub_and_its_codes_warn_that_other_laptops_cannot_reach_them(tmp_path: Path) -> None:
    data = tmp_path / "hub"
    data.mkdir()
    with _serving(tmp_path / "stderr.txt", "--data-dir", str(data)) as url:
        done = _enroll_code(data)
    said = (tmp_path / "stderr.txt").read_text(encoding="utf-8").splitlines()
    warning = [line for line in said if line.startswith("Warning")]
    assert len(warning) == 1 and f"other laptops cannot reach {url}" in warning[0]
    assert "--host 0.0.0.0 --url http://ADDRESS:" in warning[0]
    # The code still comes (exit 0), with the warning on stderr and in the JSON.
    assert done.returncode == 0
    made = json.loads(done.stdout)
    assert made["qr_text"] == f"vk-enroll:{url}?code={made['code']}"
    assert made["warning"] == _one_line(done.stderr) and url in made["warning"]
    given = _enroll_code(data, "--url", "http://localhost:8765")
    assert "localhost" in json.loads(given.stdout)["warning"]


# ---------------------------------------------------------------- no stray databases


@pytest.mark.parametrize(
    "command",
    [
        ("stats",),
        ("revoke-device", "some-device"),
        ("enroll-code", "--commune", COMMUNE, "--role", "volunteer"),
        ("import-bundle", "BUNDLE"),
        ("publish-pack", "pack.vkpack", "--all"),
        ("trust-publisher", "--key", "publisher.pub", "--name", "Sở GD&ĐT"),
    ],
)
def test_hub_commands_refuse_a_folder_where_no_hub_was_served(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    args = [str(_bundle(tmp_path)) if a == "BUNDLE" else a for a in command]
    done = run_cli("--lang", "en", "hub", *args, "--data-dir", str(empty))
    assert done.returncode == 1
    assert _one_line(done.stderr) == (
        f"No hub database at {empty / 'hub.sqlite3'}; start the hub there first with "
        "hub serve --data-dir DIR, or give --db."
    )
    assert list(empty.iterdir()) == []


def _bundle(tmp_path: Path) -> Path:
    """A well-formed signed bundle, so import-bundle gets as far as the hub database."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from volunteer_kit.sync import bundle_format

    return bundle_format.write_bundle(
        tmp_path / "laptop.vkbundle",
        device_id="d1",
        commune_code=COMMUNE,
        hub_id="h1",
        records=[],
        private_key=Ed25519PrivateKey.generate(),
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the user data folder is moved with XDG_DATA_HOME")
def test_hub_stats_without_a_data_folder_makes_nothing_in_the_laptops_data_folder(tmp_path: Path) -> None:
    done = run_cli("--lang", "en", "hub", "stats", env={"XDG_DATA_HOME": str(tmp_path)})
    assert done.returncode == 1 and _one_line(done.stderr).startswith("No hub database at ")
    assert list(tmp_path.iterdir()) == []


def test_a_database_file_that_is_not_there_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.sqlite3"
    done = run_cli(
        "--lang", "en", "hub", "stats", "--data-dir", str(tmp_path), "--db", f"sqlite:///{missing}"
    )
    assert done.returncode == 1 and _one_line(done.stderr).startswith(f"No hub database at {missing};")
    assert not missing.exists()


def test_serve_makes_no_folders_for_a_database_url(tmp_path: Path) -> None:
    nowhere = tmp_path / "nonexistent"
    done = run_cli(
        "--lang", "en", "hub", "serve", "--data-dir", str(tmp_path), "--db", f"sqlite:///{nowhere / 'x.db'}"
    )
    assert done.returncode == 1
    assert _one_line(done.stderr).startswith(f"The folder {nowhere} does not exist; check --db")
    assert list(tmp_path.iterdir()) == []


def test_serve_refuses_a_mistyped_deep_data_folder(tmp_path: Path) -> None:
    deep = tmp_path / "nonexistent" / "deep" / "dir"
    done = run_cli("--lang", "en", "hub", "serve", "--data-dir", str(deep))
    assert done.returncode == 1
    assert _one_line(done.stderr).startswith(f"The data folder {deep} does not exist, nor does the folder")
    assert not (tmp_path / "nonexistent").exists()


# ---------------------------------------------------------------- names with odd letters


def test_a_new_data_folder_with_vietnamese_letters_spaces_percent_and_hash_serves(tmp_path: Path) -> None:
    data = tmp_path / ODD_NAME  # not there yet: serve makes this one folder
    with _serving(tmp_path / "stderr.txt", "--data-dir", str(data)) as url:
        assert requests.get(f"{url}/api/v1/health", timeout=5).json()["status"] == "ok"
    assert (data / "hub.sqlite3").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([ODD_NAME, "stderr.txt"])
    stats = run_cli("--lang", "en", "hub", "stats", "--json", "--data-dir", str(data))
    assert stats.returncode == 0 and json.loads(stats.stdout)["devices"] == []


@pytest.mark.parametrize(
    ("name", "quoted"),
    [(ODD_URL_NAME, False), (ODD_NAME, True)],
    ids=["as-typed", "percent-quoted"],
)
def test_a_database_url_with_vietnamese_letters_spaces_percent_and_hash_serves(
    tmp_path: Path, name: str, quoted: bool
) -> None:
    folder = tmp_path / "hub" / name
    folder.mkdir(parents=True)
    file = str(folder / "hub.sqlite3")
    db = f"sqlite:///{quote(file) if quoted else file}"
    with _serving(tmp_path / "stderr.txt", "--data-dir", str(tmp_path), "--db", db) as url:
        assert requests.get(f"{url}/api/v1/health", timeout=5).json()["status"] == "ok"
    # The file is where the URL says, and no folder was made from the URL's undecoded text.
    assert [p.name for p in folder.iterdir() if p.suffix == ".sqlite3"] == ["hub.sqlite3"]
    assert [p.name for p in (tmp_path / "hub").iterdir()] == [name]
    stats = run_cli("--lang", "en", "hub", "stats", "--json", "--data-dir", str(tmp_path), "--db", db)
    assert stats.returncode == 0, stats.stderr
