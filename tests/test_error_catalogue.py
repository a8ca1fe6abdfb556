"""docs/errors.md lists every message sgdocs can print: each finding, usage error and rule
message in the code appears there (its fixed wording, with … where a value goes), so a
business manager can look up what a message means and what to do."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from conftest import REPO

CATALOGUE = REPO / "docs/errors.md"
MESSAGE_ARGUMENT = {"Finding": 1, "usage_error": 0, "Issue": 1, "PydanticCustomError": 1,
                    "_problem": 1, "report": 1, "PathRefused": 0}
"""Calls that carry a message, and which positional argument it is."""


def _pieces(node: ast.expr) -> list[str | None]:
    """The fixed text of a message expression, None where a value goes."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value if isinstance(v, ast.Constant) else None for v in node.values]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _pieces(node.left) + _pieces(node.right)
    return [None]


def _fixed(node: ast.expr) -> list[str]:
    return [p.strip() for p in _pieces(node) if p and p.strip()]


def _message(node: ast.AST) -> ast.expr | None:
    """The message `node` carries: an argument of a call that reports one, or the first of
    a (message, hint) pair — two pieces of wording, the hint a phrase of three words or more."""
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        index = MESSAGE_ARGUMENT.get(name)
        return node.args[index] if index is not None and len(node.args) > index else None
    if isinstance(node, ast.Tuple) and len(node.elts) == 2:
        message, hint = node.elts
        if " " in " ".join(_fixed(message)) and len(" ".join(_fixed(hint)).split()) >= 3:
            return message
    return None


def messages() -> Iterator[tuple[str, int, str]]:
    """Every message in the code: file, line, and its longest fixed piece of wording."""
    for path in sorted((REPO / "engine/sgdocs").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            message = _message(node)
            fixed = _fixed(message) if message is not None else []
            if fixed:
                yield (str(path.relative_to(REPO)), getattr(node, "lineno", 0),
                       max(fixed, key=len))


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_every_message_is_in_the_catalogue() -> None:
    catalogue = _normal(CATALOGUE.read_text())
    missing = [f"{file}:{line}: {wording}" for file, line, wording in messages()
               if _normal(wording) not in catalogue]
    assert missing == []


def test_the_catalogue_is_found_from_the_readme() -> None:
    assert "docs/errors.md" in (REPO / "README.md").read_text()
    assert re.search(r"^# ", CATALOGUE.read_text(), re.MULTILINE)
