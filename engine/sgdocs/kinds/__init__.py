"""The document kinds, each one folder named after the kind (`role_brief/` is role-brief).

A kind's folder holds its fields and rules with its `KIND` (`__init__.py`), its starter
(`starter.yaml`), which of its fields address which statutory requirements
(`requirements.yaml`), and any format it lays out in code (`workbook.py`, `ical.py`).
Folders are found by name, so adding a kind adds a folder and never edits the pipeline.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import replace
from pathlib import Path
from typing import Literal

from pydantic import create_model

from sgdocs.errors import ContentError, Finding, Location, did_you_mean, usage_error
from sgdocs.kinds.declared import FILENAME as DECLARATION
from sgdocs.kinds.declared import declared_kind, declared_names, kinds_folder
from sgdocs.kinds.headings import FILENAME as LAYOUT
from sgdocs.kinds.headings import layout_headings, layout_places
from sgdocs.kinds.kind import FOLDER, PARTNERSHIP_STARTER, Kind, Output, kind_folder


def kind_names(root: Path | None = None) -> list[str]:
    """Every kind's name, from its folder's (role_brief/ is role-brief), importing none:
    a command that needs one kind loads only that one. With the content root `root`, the
    partnership's own kinds too."""
    return sorted({*shipped_names(), *(declared_names(root) if root else ())})


@functools.cache
def shipped_names() -> list[str]:
    return sorted(module.name.replace("_", "-") for module in pkgutil.iter_modules(__path__)
                  if module.ispkg)


def find_kind(name: str, root: Path | None = None) -> Kind | None:
    """The kind called `name`, if there is one: one sgdocs ships, or one of the
    partnership's own under the content root `root`."""
    if name in shipped_names():
        if root and name in declared_names(root):
            raise ContentError([Finding(
                Location(kinds_folder(root) / name / DECLARATION), f"sgdocs ships a kind "
                f"called `{name}`, so this one of yours is never used",
                "give your kind another name (its folder's name)")])
        return _shipped(name)
    return declared_kind(root, name) if root and name in declared_names(root) else None


@functools.cache
def _shipped(name: str) -> Kind:
    kind: Kind = importlib.import_module(f"{__name__}.{name.replace('-', '_')}").KIND
    if kind.name != name:  # a folder copied or renamed: the kind is named by its folder
        kind = replace(kind, name=name, model=create_model(
            kind.model.__name__, __base__=kind.model,
            kind=(Literal[name], ...)))  # type: ignore[arg-type]
    layout = kind.folder / LAYOUT
    if layout.is_file():
        kind = replace(kind, sections=layout_headings(layout), places=layout_places(layout))
    return kind


def all_kinds(root: Path | None = None) -> dict[str, Kind]:
    return {name: kind for name in kind_names(root) if (kind := find_kind(name, root))}


def get_kind(name: str, root: Path | None = None) -> Kind:
    kind = find_kind(name, root)
    if kind is None:
        raise usage_error(f"there is no document kind `{name}`",
                          did_you_mean(name, kind_names(root)))
    return kind


__all__ = ["FOLDER", "PARTNERSHIP_STARTER", "Kind", "Output", "all_kinds", "find_kind",
           "get_kind", "kind_folder", "kind_names", "shipped_names"]
