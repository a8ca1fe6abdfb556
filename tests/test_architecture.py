"""The package's shape: stages that depend one way (read → check → render → write, put in
order by the pipelines), no import circles, kinds that import no rendering code, modules a
reader can hold in mind, and every kind a folder with what a kind needs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO
from sgdocs.kinds import all_kinds

PACKAGE = REPO / "engine" / "sgdocs"
MAX_LINES = 400
LAID_OUT_IN_CODE = {"workbook.py", "ical.py"}
"""A kind's own layouts of a workbook or calendar: rendering code, found by the renderers."""

MAY_NOT_IMPORT = {
    "read": ("check", "render", "write", "pipeline", "serve"),
    "kinds": ("check", "render", "write", "pipeline", "serve"),
    "check": ("render", "write", "pipeline", "serve"),
    "render": ("pipeline", "serve"),
    "write": ("pipeline", "serve"),
    "pipeline": ("serve",),
}
"""The editor (`serve`) sits with the command line on top of the pipelines."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, *, at_run_time_only: bool = False) -> set[str]:
    """The sgdocs modules `path` imports, anywhere in it (inside functions too); with
    `at_run_time_only`, leaving out imports made only for the type checker."""
    tree = ast.parse(path.read_text())
    skipped: set[int] = set()
    if at_run_time_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                skipped.update(id(inner) for inner in ast.walk(node))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sgdocs"):
            assert node.module is not None
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("sgdocs"))
    return found


def _circles() -> list[list[str]]:
    """Groups of modules that import one another, however indirectly (Tarjan)."""
    edges = {name: _imports(path) & MODULES.keys() for name, path in MODULES.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        for other in edges[name]:
            if other not in index:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == name:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for name in MODULES:
        if name not in index:
            visit(name)
    return circles


def test_no_module_imports_itself_in_a_circle() -> None:
    assert _circles() == []


def test_the_circle_finder_finds_a_circle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    first.write_text("def later():\n    from sgdocs.second import x\n")
    second.write_text("from sgdocs.first import later\n")
    monkeypatch.setattr(f"{__name__}.MODULES", {"sgdocs.first": first,
                                                "sgdocs.second": second})
    assert _circles() == [["sgdocs.first", "sgdocs.second"]]


@pytest.mark.parametrize("stage", sorted(MAY_NOT_IMPORT))
def test_stages_depend_one_way(stage: str) -> None:
    """Reading knows nothing of checking or rendering, checks nothing of rendering, and
    nothing but the pipelines puts the stages in order."""
    wrong = {
        f"{name} imports {imported}"
        for name, path in MODULES.items()
        if name.startswith(f"sgdocs.{stage}") and path.name not in LAID_OUT_IN_CODE
        for imported in _imports(path, at_run_time_only=True)
        if imported.partition(".")[2].split(".")[0] in MAY_NOT_IMPORT[stage]
    }
    assert sorted(wrong) == []


def test_modules_are_short_enough_to_read() -> None:
    long = {name: lines for name, path in MODULES.items()
            if (lines := len(path.read_text().splitlines())) > MAX_LINES}
    assert long == {}


def test_every_kind_is_a_folder_with_its_starter() -> None:
    for kind in all_kinds().values():
        assert kind.folder.name == kind.name.replace("-", "_")
        assert (kind.folder / "starter.yaml").is_file(), kind.name
        code = {path.name for path in kind.folder.glob("*.py")} - {"__init__.py"}
        assert code <= LAID_OUT_IN_CODE, kind.name
