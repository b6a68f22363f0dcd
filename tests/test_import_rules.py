"""The import rules that keep the rooms apart (issue 15), read from the source with `ast`.

No PySide6 outside `ui/` (the core is tested without a QApplication), no new `sqlalchemy` or
`requests` in `ui/`, and no import cycle. Imports inside functions count too: a function-level
import is often how a cycle hides. Imports under `if TYPE_CHECKING:` never run, so they count
for nothing but the PySide6 and ui rules.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "volunteer_kit"

# Cycles that exist today only through function-level imports, one pair of modules each with the
# reason it is still there. Shrink this list; never grow it. The exports must never be in it.
ALLOWED_FUNCTION_LEVEL_CYCLES: dict[frozenset[str], str] = {
    # push imports PushState from erasures; applying a waiting erasure runs push.apply_approved.
    frozenset(
        {"volunteer_kit.hub.erasures", "volunteer_kit.hub.push"}
    ): "erasure approval reuses the push apply step",
    # serve starts the hub with its TLS files; the certificate names the LAN address serve finds.
    frozenset({"volunteer_kit.hub.serve", "volunteer_kit.hub.tls"}): "tls asks serve for the LAN address",
}

# `ui/` modules that may import sqlalchemy or requests: only ui/ops.py, the worker plumbing (for the
# types of the connection and engine its work is given); a module not listed here fails the test.
ALLOWED_UI_BACKEND_IMPORTS: dict[str, set[str]] = {"volunteer_kit.ui.ops": {"sqlalchemy"}}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. volunteer_kit.exports.roster
    target: str  # what it imports: a volunteer_kit module, or a third-party top-level name
    where: str  # "module", "function" or "type" (under `if TYPE_CHECKING:`)
    line: int


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The modules an import statement loads: `from pkg import mod` names pkg.mod when it is one."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:  # relative: resolve against the importing module's package
        package = module.split(".")
        if not MODULES[module].name == "__init__.py":
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join(package + ([base] if base else []))
    for alias in node.names:
        yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base


def _walk(module: str, node: ast.AST, where: str) -> Iterator[Import]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            for target in _targets(module, child):
                yield Import(module, target, where, child.lineno)
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _walk(module, child, "function" if where == "module" else where)
        elif isinstance(child, ast.If) and _is_type_checking(child):
            for statement in child.body:
                yield from _walk(module, ast.Module(body=[statement], type_ignores=[]), "type")
            for statement in child.orelse:
                yield from _walk(module, ast.Module(body=[statement], type_ignores=[]), where)
        else:
            yield from _walk(module, child, where)


def imports() -> list[Import]:
    found = []
    for module, path in MODULES.items():
        found += _walk(module, ast.parse(path.read_text(encoding="utf-8"), str(path)), "module")
    return found


def _top(target: str) -> str:
    return target.split(".")[0]


def _in_ui(module: str) -> bool:
    return module == "volunteer_kit.ui" or module.startswith("volunteer_kit.ui.")


def qt_outside_ui(found: list[Import]) -> list[str]:
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for i in found
        if _top(i.target) == "PySide6" and not _in_ui(i.module)
    ]


def backend_in_ui(found: list[Import]) -> dict[str, set[str]]:
    offenders: dict[str, set[str]] = {}
    for i in found:
        if _in_ui(i.module) and _top(i.target) in {"sqlalchemy", "requests"}:
            offenders.setdefault(i.module, set()).add(_top(i.target))
    return offenders


def graph(found: list[Import], kinds: set[str]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in found:
        if i.where in kinds and i.target in MODULES and i.target != i.module:
            edges[i.module].add(i.target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative: no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _pairs(edges: dict[str, set[str]], component: list[str]) -> set[frozenset[str]]:
    """The pairs of modules in a cycle that import each other (how the allow-list names a cycle)."""
    members = set(component)
    return {frozenset((a, b)) for a in members for b in edges[a] & members if a in edges[b]}


def test_no_pyside6_outside_ui() -> None:
    assert qt_outside_ui(imports()) == []


def test_no_import_cycle_among_module_level_imports() -> None:
    assert cycles(graph(imports(), {"module"})) == []


def test_function_level_imports_add_no_cycle_beyond_the_allowed_ones() -> None:
    edges = graph(imports(), {"module", "function"})
    found = cycles(edges)
    for component in found:
        print("cycle with function-level imports:", " ↔ ".join(component))
    unexplained = [
        c
        for c in found
        if not _pairs(edges, c) or not _pairs(edges, c) <= ALLOWED_FUNCTION_LEVEL_CYCLES.keys()
    ]
    assert unexplained == []
    stale = ALLOWED_FUNCTION_LEVEL_CYCLES.keys() - set().union(*(_pairs(edges, c) for c in found))
    assert stale == set(), "a cycle was removed: take it off the allow-list"


def test_the_exports_are_a_one_way_chain() -> None:
    edges = graph(imports(), {"module", "function"})
    exports = [c for c in cycles(edges) if any(m.startswith("volunteer_kit.exports.") for m in c)]
    assert exports == []
    assert not any("volunteer_kit.exports." in " ".join(pair) for pair in ALLOWED_FUNCTION_LEVEL_CYCLES)


def test_no_new_sqlalchemy_or_requests_in_ui() -> None:
    offenders = backend_in_ui(imports())
    new = {m: names - ALLOWED_UI_BACKEND_IMPORTS.get(m, set()) for m, names in offenders.items()}
    assert {m: names for m, names in new.items() if names} == {}
    gone = {m for m in ALLOWED_UI_BACKEND_IMPORTS if m not in offenders}
    assert gone == set(), "a ui module no longer imports these: take it off the allow-list"


def test_the_rules_see_imports_inside_functions_and_relative_ones() -> None:
    """The scanner itself: a function-level and a relative import are both found and resolved."""
    source = "from . import pdf\n\ndef write():\n    from volunteer_kit.exports.roster import Roster\n"
    found = list(_walk("volunteer_kit.exports.report_files", ast.parse(source), "module"))
    assert [(i.target, i.where) for i in found] == [
        ("volunteer_kit.exports.pdf", "module"),
        ("volunteer_kit.exports.roster", "function"),
    ]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


SQL_WORDS = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|exec_driver_sql|\.execute\(")
# Who may hand work to the worker threads directly: the operations, and the application that opens
# the store (StoreClient.open) and shuts the threads down.
TASK_PLUMBING = {"ops.py", "store_client.py", "app.py", "tasks.py"}


def ui_files() -> list[Path]:
    return sorted((PACKAGE / "ui").rglob("*.py"))


def test_ui_holds_no_sql() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for path in ui_files()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SQL_WORDS.search(line)
    ]
    assert found == []


def test_pages_reach_the_store_only_through_operations() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for path in ui_files()
        if path.name not in TASK_PLUMBING
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.tasks\.run_|\brun_(read|write)\(", line)
    ]
    assert found == []
