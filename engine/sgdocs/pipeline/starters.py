"""Starting points: a commented starter file per kind, and the shipped templates to restyle."""

from __future__ import annotations

import shutil
from pathlib import Path

from sgdocs.errors import usage_error
from sgdocs.kinds import FOLDER, get_kind
from sgdocs.read import partnership
from sgdocs.render.templating import shipped_templates

PARTNERSHIP_STARTER = FOLDER / "partnership.yaml"


def new_document(kind_name: str, path: Path) -> list[Path]:
    """Write a starter for `kind_name` at `path`, and a partnership.yaml if none is above it,
    and a starter for each document it refers to (a tender's brief) if there is none beside
    it. Returns the files written. Never overwrites a file.
    """
    kind = get_kind(kind_name)
    if path.suffix not in (".yaml", ".yml"):
        path = path.with_suffix(".yaml")
    if path.exists():
        raise usage_error("this file already exists", "choose another name; sgdocs never "
                          "overwrites content", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = [path]
    shutil.copyfile(kind.folder / "starter.yaml", path)
    for wanted in kind.references.values():
        beside = path.parent / f"{wanted}.yaml"
        if not beside.exists():
            shutil.copyfile(get_kind(wanted).folder / "starter.yaml", beside)
            written.append(beside)
    folder = path.parent.resolve()
    if not any((p / partnership.FILENAME).is_file() for p in (folder, *folder.parents)):
        shutil.copyfile(PARTNERSHIP_STARTER, folder / partnership.FILENAME)
        written.append(path.parent / partnership.FILENAME)
    return written


def export_templates(target: Path, force: bool = False) -> list[Path]:
    """Copy the shipped templates into `target` (docx/ and html/), for restyling."""
    source = shipped_templates()
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix != ".pyc")
    clashes = [target / f.relative_to(source) for f in files
               if (target / f.relative_to(source)).exists()]
    if clashes and not force:
        raise usage_error(f"{clashes[0]} already exists", "use --force to replace existing "
                          "templates with the shipped ones", clashes[0])
    written = []
    for file in files:
        destination = target / file.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, destination)
        written.append(destination)
    return written
