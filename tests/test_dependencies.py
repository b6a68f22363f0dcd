"""What the code imports is what a plain `pip install .` and the PyInstaller bundle give it.

A library that sits in the test extra (or only in the developer's venv) passes every test and
fails for the user ("No module named 'openpyxl'"): these tests read the imports of every module,
function-level ones included, and compare them with pyproject.toml and build.spec.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "volunteer_kit"


def _normalised(name: str) -> str:
    """A distribution name as PEP 503 compares them ("PySide6_Essentials" == "pyside6-essentials")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _main_dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for requirement in project["dependencies"]:
        found = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
        assert found, requirement
        names.add(_normalised(found.group()))
    return names


@cache
def _imports() -> dict[str, set[str]]:
    """{dotted module name imported: the files that import it}, absolute imports only."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=where)):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                # `from a import b`: b may be a submodule (a.b) as well as a name in a.
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            for name in names:
                found.setdefault(name, set()).add(where)
    return found


def _third_party(top: str) -> bool:
    return top != "volunteer_kit" and top not in sys.stdlib_module_names


def test_the_walk_sees_function_level_imports() -> None:
    # reportlab is imported only inside functions; a walk of module tops alone would miss it.
    assert "reportlab.lib.styles" in _imports()
    assert "sqlalchemy" in _imports()


def test_every_third_party_import_is_a_main_dependency() -> None:
    declared = _main_dependencies()
    providers = packages_distributions()
    by_top: dict[str, set[str]] = {}
    for name, files in _imports().items():
        by_top.setdefault(name.split(".")[0], set()).update(files)
    undeclared = []
    for top, files in sorted(by_top.items()):
        distributions = {_normalised(d) for d in providers.get(top, [])}
        if _third_party(top) and not distributions & declared:
            shown = ", ".join(sorted(distributions)) or "no installed distribution"
            undeclared.append(f"{top} ({shown}) imported by {', '.join(sorted(files))}")
    assert not undeclared, "not in [project].dependencies of pyproject.toml:\n" + "\n".join(undeclared)


def _spec_list(name: str) -> list[str]:
    """A list of strings assigned at the top of build.spec (`excludes = [...]`)."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            assert isinstance(node.value, ast.List)
            return [
                e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
    raise AssertionError(f"build.spec has no {name} list")


# The province dashboard's own libraries: a province hub is installed with pip on a server, the laptop's
# bundle leaves them out (its size target), and hub.web.available() keeps the dashboard unmounted and
# `hub add-viewer` refused in one line without them. Only hub/web may import them.
PROVINCE_HUB_ONLY = {"jinja2", "argon2"}
PROVINCE_HUB_CODE = "volunteer_kit/hub/web/"


def test_the_bundle_excludes_nothing_the_code_imports() -> None:
    excludes = _spec_list("excludes")
    assert "pytest" in excludes  # the parse found the real list
    clashes: dict[str, set[str]] = {}
    for name, files in _imports().items():
        for excluded in excludes:
            if name == excluded or name.startswith(excluded + "."):
                if excluded in PROVINCE_HUB_ONLY and all(f.startswith(PROVINCE_HUB_CODE) for f in files):
                    continue
                clashes.setdefault(excluded, set()).update(files)
    assert not clashes, "build.spec excludes what the code imports:\n" + "\n".join(
        f"{excluded}, imported by {', '.join(sorted(files))}" for excluded, files in sorted(clashes.items())
    )
