"""A plain `pip install .` carries the whole app: every package, the fonts, the translations
and the bundled lesson packs (scripts/user_smoke.py runs each role's job on such an install)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "volunteer_kit").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    listed = set(CONFIG["packages"])
    assert folders - listed == set(), "a package the wheel would leave out"
    assert listed - folders == {"volunteer_kit.resources", "volunteer_kit.lessons"}


def _shipped(package: str, relative: str) -> bool:
    return any(fnmatch.fnmatch(relative, pattern) for pattern in CONFIG["package-data"][package])


def test_every_lesson_pack_file_and_resource_the_app_reads_ships_in_the_wheel() -> None:
    for package, folder in CONFIG["package-dir"].items():
        files = [p for p in (ROOT / folder).rglob("*") if p.is_file()]
        assert files, folder
        for path in files:
            relative = path.relative_to(ROOT / folder).as_posix()
            if path.suffix == ".ts":  # translation sources: the app reads the compiled .qm
                continue
            assert _shipped(package, relative), f"{folder}/{relative} would be missing from a plain install"


def test_the_installed_layout_is_found_before_the_source_tree(tmp_path: Path, monkeypatch) -> None:
    from volunteer_kit import paths

    package = tmp_path / "site-packages" / "volunteer_kit"
    (package / "resources").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    assert paths.install_root() == package
    assert paths.lessons_dir() == package / "lessons"
