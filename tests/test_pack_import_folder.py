"""Importing a pack folder (not an archive): everything is checked before anything is copied,
only the files the pack lists are copied, and leftovers of killed imports cost the next one nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from volunteer_kit.packs import archive
from volunteer_kit.packs.archive import PackArchiveRefused, build_archive
from volunteer_kit.packs.library import install_pack
from volunteer_kit.packs.reader import PackInvalid

LESSONS = ROOT / "lessons"
NAME = "Nguyễn Văn Ánh"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's folder with Vietnamese letters and spaces in its path."""
    folder = tmp_path / NAME / "Gói bài học"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def pack(home: Path) -> Path:
    target = home / "vneid copy"
    shutil.copytree(LESSONS / "vneid", target)
    return target


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / NAME / "thư viện"


def _contents(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) if folder.exists() else []


def _one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_folder_holding_the_data_folder_is_refused_and_nothing_is_copied(pack: Path) -> None:
    data = pack / "dữ liệu của Ánh"
    data.mkdir()
    (data / "big file.bin").write_bytes(b"x" * 4096)
    result = run_cli("packs", "import", str(pack), "--allow-unsigned", data_dir=data)
    line = _one_line_refusal(result)
    assert "dữ liệu" in line
    assert _contents(data / "packs") == []
    assert _contents(data) == ["big file.bin"]  # nothing of the pack, no staging folder


def test_a_folder_holding_the_data_folder_through_a_link_is_refused(pack: Path, tmp_path: Path) -> None:
    if not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    data = pack / "data"
    data.mkdir()
    link = tmp_path / "lối tắt"
    link.symlink_to(pack, target_is_directory=True)
    result = run_cli("--lang", "en", "packs", "import", str(link), "--allow-unsigned", data_dir=data)
    assert "holds the data folder" in _one_line_refusal(result)
    assert _contents(data) == []


def test_a_folder_inside_the_data_folder_is_refused(data_dir: Path) -> None:
    inside = data_dir / "gói của Nguyễn Văn Ánh"
    shutil.copytree(LESSONS / "vneid", inside)
    result = run_cli("--lang", "en", "packs", "import", str(inside), "--allow-unsigned", data_dir=data_dir)
    assert "inside the data folder" in _one_line_refusal(result)
    assert _contents(data_dir / "packs") == []


def test_a_folder_without_a_manifest_is_refused_before_any_copy(home: Path, tmp_path: Path) -> None:
    data = tmp_path / "dữ liệu"
    stray = home / "ảnh gia đình"
    stray.mkdir()
    (stray / "anh 1.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 2048)
    if hasattr(os, "symlink"):
        # A home folder holds links; before, they were copied first and only then looked at.
        (stray / "lối tắt").symlink_to(tmp_path, target_is_directory=True)
    result = run_cli("--lang", "en", "packs", "import", str(stray), "--allow-unsigned", data_dir=data)
    assert "manifest.json" in _one_line_refusal(result)
    assert _contents(data / "packs") == []


def test_a_file_over_the_per_file_limit_is_refused(
    pack: Path, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 64 * 1024)
    (pack / "media" / "video lớn.mp4").write_bytes(b"\0" * (64 * 1024 + 1))
    with pytest.raises(PackArchiveRefused, match="larger than"):
        install_pack(pack, library=library, allow_unsigned=True, trusted={})
    assert _contents(library) == []


def test_a_sparse_file_over_the_per_file_limit_is_refused_through_the_cli(pack: Path, tmp_path: Path) -> None:
    data = tmp_path / "dữ liệu"
    with (pack / "bản ghi.bin").open("wb") as handle:
        handle.truncate(archive.MAX_FILE_BYTES + 1)  # sparse: takes no room on the disk
    result = run_cli("--lang", "en", "packs", "import", str(pack), "--allow-unsigned", data_dir=data)
    assert "larger than" in _one_line_refusal(result)
    assert _contents(data / "packs") == []


def test_too_many_entries_are_refused(pack: Path, library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_ENTRIES", 40)
    junk = pack / "rác"
    junk.mkdir()
    for index in range(60):
        (junk / f"tệp {index}.txt").write_text("x")
    with pytest.raises(PackArchiveRefused, match="too many entries"):
        install_pack(pack, library=library, allow_unsigned=True, trusted={})
    assert _contents(library) == []


def test_a_folder_over_the_total_size_is_refused(
    pack: Path, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 256 * 1024)
    for index in range(4):
        (pack / f"phần {index}.bin").write_bytes(b"\0" * (100 * 1024))
    with pytest.raises(PackArchiveRefused, match="more than"):
        install_pack(pack, library=library, allow_unsigned=True, trusted={})
    assert _contents(library) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_inside_the_folder_is_refused(pack: Path, tmp_path: Path) -> None:
    data = tmp_path / "dữ liệu"
    secret = tmp_path / NAME / "mật khẩu.txt"
    secret.write_text("không được chép")
    (pack / "media" / "lối tắt.svg").symlink_to(secret)
    result = run_cli("--lang", "en", "packs", "import", str(pack), "--allow-unsigned", data_dir=data)
    assert "link" in _one_line_refusal(result)
    assert _contents(data / "packs") == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_to_a_folder_inside_is_refused_without_following_it(pack: Path, library: Path) -> None:
    (pack / "vòng lặp").symlink_to(pack.parent, target_is_directory=True)
    with pytest.raises(PackArchiveRefused, match="link"):
        install_pack(pack, library=library, allow_unsigned=True, trusted={})
    assert _contents(library) == []


def test_a_valid_folder_imports_without_its_junk(pack: Path, tmp_path: Path) -> None:
    data = tmp_path / "dữ liệu"
    (pack / "ghi chú của Ánh.docx").write_bytes(b"PK junk")
    (pack / "media" / "Thumbs.db").write_bytes(b"junk")
    (pack / "bản nháp").mkdir()
    (pack / "bản nháp" / "cũ.md").write_text("# cũ")
    result = run_cli("--lang", "en", "packs", "import", str(pack), "--allow-unsigned", data_dir=data)
    assert result.returncode == 0, result.stderr
    version = json.loads((LESSONS / "vneid" / "manifest.json").read_text(encoding="utf-8"))["version"]
    installed = data / "packs" / "vn.bdhvs.vneid" / version
    copied = _contents(installed)
    assert "ghi chú của Ánh.docx" not in copied and "media/Thumbs.db" not in copied
    assert not any(name.startswith("bản nháp") for name in copied)
    expected = {p.relative_to(LESSONS / "vneid").as_posix() for p in (LESSONS / "vneid").rglob("*")}
    assert set(copied) <= expected | {"install.json"}
    assert "manifest.json" in copied and "quiz.json" in copied
    assert [p.name for p in (data / "packs").iterdir()] == ["vn.bdhvs.vneid"]
    listed = run_cli("packs", "list", "--json", data_dir=data)
    assert any(entry["source"] == "imported" for entry in json.loads(listed.stdout))


def test_only_files_the_manifest_lists_are_copied_and_their_hashes_checked(pack: Path, library: Path) -> None:
    archive_path = pack.parent / "đã đóng gói.vkpack"
    build_archive(pack, archive_path)
    from volunteer_kit.packs.archive import read_manifest

    (pack / "manifest.json").write_text(
        json.dumps(read_manifest(archive_path), ensure_ascii=False), encoding="utf-8"
    )
    (pack / "notes.txt").write_text("chưa liệt kê")
    result = install_pack(pack, library=library, allow_unsigned=True, trusted={})
    assert "notes.txt" not in _contents(result.entry.pack.root)
    shutil.rmtree(library)
    lesson = next((pack / "lessons").glob("*.md"))
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nđã sửa\n", encoding="utf-8")
    with pytest.raises(PackInvalid, match="SHA-256"):
        install_pack(pack, library=library, allow_unsigned=True, trusted={})
    assert _contents(library) == []


def test_a_missing_lesson_is_refused_before_any_copy(pack: Path, library: Path) -> None:
    next((pack / "lessons").glob("*.md")).unlink()
    with pytest.raises(PackInvalid, match="not in the folder"):
        install_pack(pack, library=library, allow_unsigned=True, trusted={})
    assert _contents(library) == []


def test_a_path_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / NAME / "không có gói.vkpack"
    result = run_cli("--lang", "en", "packs", "import", str(missing), data_dir=tmp_path / "dữ liệu")
    assert "does not exist" in _one_line_refusal(result)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_path_that_is_neither_a_file_nor_a_folder_is_one_line(home: Path, tmp_path: Path) -> None:
    pipe = home / "ống dẫn"
    os.mkfifo(pipe)
    # Before: opening the pipe as a zip waited for a writer forever.
    result = run_cli("--lang", "en", "packs", "import", str(pipe), data_dir=tmp_path / "dữ liệu", timeout=60)
    assert "neither" in _one_line_refusal(result)


@pytest.mark.skipif(sys.platform == "win32", reason="the test holds the lock with fcntl")
def test_a_running_import_keeps_its_staging_folder(pack: Path, library: Path) -> None:
    import fcntl

    library.mkdir(parents=True)
    live = library / ".staging-dang-chay"
    live.mkdir()
    (live / "manifest.json").write_text("{}")
    with (library / ".staging-dang-chay.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # what a running import holds
        install_pack(pack, library=library, allow_unsigned=True, trusted={})
        assert (live / "manifest.json").exists()


def test_a_killed_import_leftover_is_moved_out_of_the_way(pack: Path, library: Path) -> None:
    library.mkdir(parents=True)
    stale = library / ".staging-0123"
    shutil.copytree(pack, stale / "một bản sao" / "lồng nhau")
    install_pack(pack, library=library, allow_unsigned=True, trusted={})
    assert not stale.exists()
    assert not any(p.name.startswith(".staging-") for p in library.iterdir())
