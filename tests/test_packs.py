"""Lesson packs: the bundled packs pass their check; build, sign and import round-trip;
hostile archives are refused with their reason and leave nothing behind."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from volunteer_kit.packs.archive import PackArchiveRefused, build_archive, read_manifest, rewrite_manifest
from volunteer_kit.packs.library import PackNotTrusted, PackVersionConflict, install_pack, list_library
from volunteer_kit.packs.reader import PackInvalid, read_pack
from volunteer_kit.packs.signing import generate_key, load_private_key, sign_manifest, trust_publisher

LESSONS = ROOT / "lessons"
BUNDLED = sorted(p.parent.name for p in LESSONS.glob("*/manifest.json"))


def test_there_are_at_least_six_bundled_packs() -> None:
    assert len(BUNDLED) >= 6


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_pack_is_valid_and_complete(name: str) -> None:
    pack = read_pack(LESSONS / name)
    assert len(pack.lessons) >= 4
    for lesson in pack.lessons:
        assert 3 <= len(lesson.steps) <= 8, lesson.id
    assert len(pack.quiz.questions) >= 8
    assert all(q.explanation.vi for q in pack.quiz.questions)
    assert {q.kind for q in pack.quiz.questions} >= {"single", "true_false"}
    assert len(pack.manifest.skill_checks) >= 2
    assert any(code.startswith("NLS-") for code in pack.manifest.competencies)
    assert pack.manifest.title.en and pack.manifest.sources


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "src" / "vneid"
    shutil.copytree(LESSONS / "vneid", target)
    return target


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    return folder


def _library_state(library: Path) -> list[str]:
    return sorted(p.relative_to(library).as_posix() for p in library.rglob("*"))


def _signed_archive(pack_copy: Path, tmp_path: Path) -> tuple[Path, dict]:
    archive = tmp_path / "vneid.vkpack"
    build_archive(pack_copy, archive)
    key = tmp_path / "publisher.key"
    generate_key(key)
    rewrite_manifest(archive, sign_manifest(read_manifest(archive), load_private_key(key)))
    trust_folder = tmp_path / "trust"
    trust_folder.mkdir()
    trust_publisher(key.with_name("publisher.key.pub"), "Sở Giáo dục", trust_folder)
    from volunteer_kit.packs.signing import trusted_publishers

    return archive, trusted_publishers(trust_folder)


def test_missing_image_is_reported_precisely(pack_copy: Path) -> None:
    (pack_copy / "media" / "vneid-cua-hang.svg").unlink()
    with pytest.raises(PackInvalid) as caught:
        read_pack(pack_copy)
    assert "lessons[0].steps[1]: image media/vneid-cua-hang.svg is not in the pack" in caught.value.problems


def test_bad_json_and_bad_quiz_are_reported_precisely(pack_copy: Path) -> None:
    quiz = json.loads((pack_copy / "quiz.json").read_text())
    quiz["questions"][2]["correct"] = ["zz"]
    (pack_copy / "quiz.json").write_text(json.dumps(quiz, ensure_ascii=False))
    manifest = (pack_copy / "manifest.json").read_text()
    (pack_copy / "manifest.json").write_text(manifest.replace('"NLS-2.6"', '"NLS-9.9"'))
    with pytest.raises(PackInvalid) as caught:
        read_pack(pack_copy)
    assert any("competencies" in p and "NLS-9.9" in p for p in caught.value.problems)
    (pack_copy / "manifest.json").write_text(manifest)
    with pytest.raises(PackInvalid) as caught:
        read_pack(pack_copy)
    assert any(p.startswith("quiz.json: questions[2]") and "zz" in p for p in caught.value.problems)
    (pack_copy / "quiz.json").write_text('{"pass_percent": 70,')
    with pytest.raises(PackInvalid) as caught:
        read_pack(pack_copy)
    assert any(p.startswith("quiz.json: bad JSON at line 1") for p in caught.value.problems)


def test_build_sign_import_round_trip(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    archive, trusted = _signed_archive(pack_copy, tmp_path)
    result = install_pack(archive, library=library, trusted=trusted)
    assert result.entry.trust == "trusted" and not result.already_installed
    installed = library / "vn.bdhvs.vneid" / read_pack(pack_copy).manifest.version
    assert (installed / "manifest.json").exists() and (installed / "install.json").exists()
    assert read_pack(installed).files == read_pack(pack_copy).files
    # The same version again is a no-op.
    again = install_pack(archive, library=library, trusted=trusted)
    assert again.already_installed
    entries = list_library(bundled_dir=tmp_path / "none", library=library)
    assert [(e.pack.key, e.trust) for e in entries] == [(read_pack(pack_copy).key, "trusted")]


def test_newer_version_installs_beside_the_old_one(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    archive, trusted = _signed_archive(pack_copy, tmp_path)
    install_pack(archive, library=library, trusted=trusted)
    manifest = json.loads((pack_copy / "manifest.json").read_text())
    old = manifest["version"]
    manifest["version"] = "9.0.0"
    (pack_copy / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    newer = tmp_path / "newer.vkpack"
    build_archive(pack_copy, newer)
    install_pack(newer, library=library, trusted=trusted, allow_unsigned=True)
    versions = sorted(p.name for p in (library / "vn.bdhvs.vneid").iterdir())
    assert versions == [old, "9.0.0"]


def test_same_version_with_other_content_is_refused(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    archive, trusted = _signed_archive(pack_copy, tmp_path)
    install_pack(archive, library=library, trusted=trusted)
    lesson = next((pack_copy / "lessons").glob("01-*.md"))
    lesson.write_text(lesson.read_text() + "\nThêm một dòng.\n")
    changed = tmp_path / "changed.vkpack"
    build_archive(pack_copy, changed)
    before = _library_state(library)
    with pytest.raises(PackVersionConflict):
        install_pack(changed, library=library, trusted=trusted, allow_unsigned=True)
    assert _library_state(library) == before


def test_unsigned_pack_needs_explicit_permission(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    archive = tmp_path / "unsigned.vkpack"
    build_archive(pack_copy, archive)
    with pytest.raises(PackNotTrusted) as caught:
        install_pack(archive, library=library, trusted={})
    assert caught.value.state == "unsigned"
    assert _library_state(library) == []
    result = install_pack(archive, library=library, trusted={}, allow_unsigned=True)
    assert result.entry.trust == "unsigned"


def _rezip(source: Path, out: Path, change) -> Path:
    """Copy an archive entry by entry, letting `change(name, data)` alter or drop entries."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            changed = change(info.filename, src.read(info))
            if changed is not None:
                dst.writestr(info.filename, changed)
    return out


HOSTILE = {
    "zip-slip": ("points outside the pack", lambda z: z.writestr("../../evil.txt", b"x")),
    "absolute-path": ("absolute path", lambda z: z.writestr("/etc/evil.txt", b"x")),
    "backslash-path": ("absolute path", lambda z: z.writestr("media\\..\\..\\evil.txt", b"x")),
    "too-many-entries": (
        "too many entries",
        lambda z: [z.writestr(f"media/f{i}.txt", b"") for i in range(5001)],
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archive_is_refused_and_leaves_nothing(
    case: str, pack_copy: Path, tmp_path: Path, library: Path
) -> None:
    reason, add = HOSTILE[case]
    archive = tmp_path / "good.vkpack"
    build_archive(pack_copy, archive)
    hostile = tmp_path / f"{case}.vkpack"
    shutil.copy(archive, hostile)
    with zipfile.ZipFile(hostile, "a") as z:
        add(z)
    with pytest.raises(PackArchiveRefused, match=reason):
        install_pack(hostile, library=library, allow_unsigned=True, trusted={})
    assert _library_state(library) == []
    assert not (tmp_path / "evil.txt").exists()


def test_symlink_entry_is_refused(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    archive = tmp_path / "link.vkpack"
    build_archive(pack_copy, archive)
    with zipfile.ZipFile(archive, "a") as z:
        info = zipfile.ZipInfo("media/link.svg")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(info, "/etc/passwd")
    with pytest.raises(PackArchiveRefused, match="link"):
        install_pack(archive, library=library, allow_unsigned=True, trusted={})
    assert _library_state(library) == []


def test_zip_bomb_stops_before_filling_the_disk(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    archive = tmp_path / "bomb.vkpack"
    build_archive(pack_copy, archive)
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("media/bomb.txt", b"\0" * (50 * 1024 * 1024))  # 50 MB of zeros, about 50 KB packed
    with pytest.raises(PackArchiveRefused, match="zip bomb"):
        install_pack(archive, library=library, allow_unsigned=True, trusted={})
    assert _library_state(library) == []


def test_size_lies_in_the_header_are_caught_while_reading(
    pack_copy: Path, tmp_path: Path, library: Path
) -> None:
    archive = tmp_path / "liar.vkpack"
    build_archive(pack_copy, archive)
    data = bytearray(archive.read_bytes())
    # Make the central directory claim the quiz is 10 bytes: the real bytes must not get through.
    with zipfile.ZipFile(archive) as z:
        info = z.getinfo("quiz.json")
    real = info.file_size.to_bytes(4, "little")
    fake = (10).to_bytes(4, "little")
    start = data.rfind(b"PK\x01\x02")
    central = data[:start]  # keep local headers, patch the central record of quiz.json
    index = data.find(b"quiz.json", data.find(b"PK\x01\x02"))
    record = data.rfind(b"PK\x01\x02", 0, index)
    assert data[record + 24 : record + 28] == real
    data[record + 24 : record + 28] = fake
    del central
    archive.write_bytes(bytes(data))
    with pytest.raises((PackArchiveRefused, PackInvalid)):
        install_pack(archive, library=library, allow_unsigned=True, trusted={})
    assert _library_state(library) == []


def test_tampered_file_fails_its_hash(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    archive, trusted = _signed_archive(pack_copy, tmp_path)
    tampered = _rezip(
        archive,
        tmp_path / "tampered.vkpack",
        lambda name, data: data.replace(b"OTP", b"PIN") if name.endswith(".md") else data,
    )
    with pytest.raises(PackInvalid) as caught:
        install_pack(tampered, library=library, trusted=trusted)
    assert any("SHA-256 does not match" in p for p in caught.value.problems)
    assert _library_state(library) == []


def test_altered_manifest_breaks_the_signature(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    archive, trusted = _signed_archive(pack_copy, tmp_path)
    manifest = read_manifest(archive)
    manifest["estimated_minutes"] = 5
    rewrite_manifest(archive, manifest)
    with pytest.raises(PackNotTrusted) as caught:
        install_pack(archive, library=library, trusted=trusted, allow_unsigned=True)
    assert caught.value.state == "bad-signature"
    assert _library_state(library) == []


def test_not_a_zip_is_refused(tmp_path: Path, library: Path) -> None:
    junk = tmp_path / "junk.vkpack"
    junk.write_bytes(b"this is not a zip" * 100)
    with pytest.raises(PackArchiveRefused, match="not a pack archive"):
        install_pack(junk, library=library, allow_unsigned=True, trusted={})
    assert _library_state(library) == []


def test_an_interrupted_import_leaves_no_half_pack(pack_copy: Path, tmp_path: Path, library: Path) -> None:
    # What a killed import leaves: a staging folder. The library never lists it, and the next
    # import clears it.
    stale = library / ".staging-0123"
    shutil.copytree(pack_copy, stale)
    assert list_library(bundled_dir=tmp_path / "none", library=library) == []
    archive = tmp_path / "ok.vkpack"
    build_archive(pack_copy, archive)
    install_pack(archive, library=library, allow_unsigned=True, trusted={})
    assert not stale.exists()


def test_cli_build_sign_trust_import_and_list(pack_copy: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    archive = tmp_path / "out" / "vneid.vkpack"
    key = tmp_path / "keys" / "publisher.key"
    key.parent.mkdir()
    assert run_cli("packs", "check", str(pack_copy), data_dir=data).returncode == 0
    assert run_cli("packs", "build", str(pack_copy), str(archive), data_dir=data).returncode == 0
    assert run_cli("packs", "keygen", str(key), data_dir=data).returncode == 0
    assert run_cli("packs", "sign", str(archive), "--key", str(key), data_dir=data).returncode == 0
    refused = run_cli("packs", "import", str(archive), data_dir=data)
    assert refused.returncode == 1 and "--allow-unsigned" in refused.stderr
    assert run_cli("packs", "trust", str(key) + ".pub", "--name", "Sở KH&CN", data_dir=data).returncode == 0
    imported = run_cli("packs", "import", str(archive), data_dir=data)
    assert imported.returncode == 0, imported.stderr
    listed = json.loads(run_cli("packs", "list", "--json", data_dir=data).stdout)
    mine = [e for e in listed if e["source"] == "imported"]
    assert [(e["id"], e["trust"], e["lessons"], e["questions"]) for e in mine] == [
        ("vn.bdhvs.vneid", "trusted", 5, len(read_pack(LESSONS / "vneid").quiz.questions))
    ]
    assert {e["id"] for e in listed if e["source"] == "bundled"} >= {"vn.bdhvs.vneid", "vn.bdhvs.tu-bao-ve"}
    assert all(e["skill_checks"] >= 2 and e["competencies"] for e in listed)


def test_cli_check_reports_every_problem(pack_copy: Path, tmp_path: Path) -> None:
    (pack_copy / "media" / "vneid-cua-hang.svg").unlink()
    result = run_cli("packs", "check", str(pack_copy), data_dir=tmp_path)
    assert result.returncode == 1
    assert "lessons[0].steps[1]: image media/vneid-cua-hang.svg is not in the pack" in result.stderr
