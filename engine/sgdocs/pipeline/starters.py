"""Starting points: a commented starter file per kind, and the shipped templates to restyle."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sgdocs.errors import usage_error
from sgdocs.kinds import PARTNERSHIP_STARTER, Kind, all_kinds, get_kind
from sgdocs.kinds.declared import RESERVED
from sgdocs.read import partnership
from sgdocs.read.partnership import content_root
from sgdocs.read.paths import shipped_templates
from sgdocs.read.schema import field_docs
from sgdocs.read.values import PartialDate
from sgdocs.render.kind_templates import made_templates


def new_document(kind_name: str, path: Path) -> list[Path]:
    """Write a starter for `kind_name` at `path`, and a partnership.yaml if none is above it,
    and a starter for each document it refers to (a tender's brief) if there is none beside
    it. Returns the files written. Never overwrites a file.
    """
    root = content_root(path.parent)
    kind = get_kind(kind_name, root)
    if path.suffix not in (".yaml", ".yml"):
        path = path.with_suffix(".yaml")
    if path.exists():
        raise usage_error("this file already exists", "choose another name; sgdocs never "
                          "overwrites content", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = [path]
    path.write_text(starter(kind), encoding="utf-8")
    for wanted in kind.references.values():
        beside = path.parent / f"{wanted}.yaml"
        if not beside.exists():
            beside.write_text(starter(get_kind(wanted, root)), encoding="utf-8")
            written.append(beside)
    folder = path.parent.resolve()
    if not any((p / partnership.FILENAME).is_file() for p in (folder, *folder.parents)):
        shutil.copyfile(PARTNERSHIP_STARTER, folder / partnership.FILENAME)
        written.append(path.parent / partnership.FILENAME)
    return written


def starter(kind: Kind) -> str:
    """The commented starter of `kind`: its own `starter.yaml`, or for a partnership's kind
    that has none, one written from its fields (the required ones to fill in, the others
    as notes)."""
    if kind.starter.is_file():
        return kind.starter.read_text(encoding="utf-8")
    docs = field_docs(kind.model)
    lines = [f"# A new {kind.name}: {kind.summary}.", "# Lines starting with # are notes: "
             "fill in what the document has, and delete the rest.", f"kind: {kind.name}",
             "title: Type the title here", "", "document_control:", '  version: "0.1"',
             "  status: draft", "  owner: Type the owner here"]
    for name, info in kind.model.model_fields.items():
        if name in RESERVED:
            continue
        mark = "" if info.is_required() else "# "
        lines += ["", *(f"# {line}" for line in docs.get(name, "").splitlines())]
        lines += [f"{mark}{line}" for line in _placeholder(name, info.annotation)]
    return "\n".join(lines) + "\n"


def _placeholder(name: str, annotation: Any) -> list[str]:
    """The lines of a field to fill in: a value, a list, or a table's first row."""
    inner = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is not list and len(inner) == 1:
        annotation = inner[0]  # an optional field: what it holds
    if typing.get_origin(annotation) is list:
        row = typing.get_args(annotation)[0]
        if isinstance(row, type) and issubclass(row, BaseModel):
            cells = [f"{column}: Type here." for column in row.model_fields]
            return [f"{name}:", f"  - {cells[0]}", *(f"    {cell}" for cell in cells[1:])]
        return [f"{name}:", "  - Type here."]
    if annotation is PartialDate:
        return [f"{name}: YYYY-MM-DD"]
    return [f"{name}: Type here."]


def export_templates(target: Path, force: bool = False, root: Path | None = None
                     ) -> list[Path]:
    """Copy the shipped templates into `target` (docx/ and html/), for restyling, with
    those of the partnership's own kinds under `root`, made from their layouts."""
    source = shipped_templates()
    files = {file.relative_to(source): file.read_bytes() for file in sorted(source.rglob("*"))
             if file.is_file() and file.suffix != ".pyc"}
    for kind in all_kinds(root).values() if root else ():
        if kind.home:
            files.update({Path(name): data for name, data in made_templates(kind).items()})
    clashes = [target / name for name in files if (target / name).exists()]
    if clashes and not force:
        raise usage_error(f"{clashes[0]} already exists", "use --force to replace existing "
                          "templates with the shipped ones", clashes[0])
    written = []
    for name, data in files.items():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
        written.append(destination)
    return written
