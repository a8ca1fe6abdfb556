"""Which files are content: the YAML documents named, or found in the folders named.

Kept apart from loading so that a build can see what it has to do (and that nothing has
changed) before it imports the schemas and renderers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from sgdocs.errors import usage_error

SUFFIXES = (".yaml", ".yml")
PARTNERSHIP_FILE = "partnership.yaml"
REQUIREMENTS_FILE = "requirements.yaml"
"""A partnership's corrections to the statutory catalogue."""
_SKIPPED_FOLDERS = {"templates", "outputs", "kinds"}
"""Restyled templates, what a build wrote, and the partnership's own kinds (their
definitions are not documents)."""
_NOT_DOCUMENTS = {PARTNERSHIP_FILE, REQUIREMENTS_FILE}


def discover(paths: Iterable[Path]) -> list[Path]:
    """The content files named, or found inside the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_yaml_files(path)))
        elif path.is_file():
            if path.suffix not in SUFFIXES:
                raise usage_error("this is not a content file", "content files are YAML files "
                                  "ending in .yaml", path)
            if path.name == PARTNERSHIP_FILE:
                raise usage_error("this is the partnership file, not a document",
                                  "name a document, or the folder holding it", path)
            found.append(path)
        else:
            raise usage_error("no such file or folder", "check the path", path)
    return list(dict.fromkeys(found))


def _yaml_files(folder: Path, seen: set[Path] | None = None) -> Iterator[Path]:
    """YAML files in `folder` and the folders inside it; a folder reached twice (a link
    back up the tree) is read once."""
    seen = seen if seen is not None else set()
    if folder.resolve() in seen:
        return
    seen.add(folder.resolve())
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise usage_error(f"cannot read this folder: {exc.strerror}", "", folder) from None
    for path in entries:
        if path.name.startswith("."):
            continue
        if path.is_dir() and path.name not in _SKIPPED_FOLDERS:
            yield from _yaml_files(path, seen)
        elif path.suffix in SUFFIXES and path.name not in _NOT_DOCUMENTS:
            yield path
