"""Which files sgdocs may read, and paths written in content.

Content, templates and the pictures and stylesheets they name are untrusted: a restyled
template is e-mailed between partnerships, an article comes from another agency. One rule
holds for every file read on their behalf: it must resolve (symbolic links followed) inside
the folder it belongs to (the content root, a templates folder, the package's own files),
be an ordinary file (not a device or a pipe, which could be endless or never answer) and be
no larger than the limit for its kind of file. Paths written in content are relative to the
file that names them: no absolute paths, no web addresses, no `..` that leads out.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
"""sgdocs's own folder: the shipped kinds, templates and catalogue are read from inside it."""
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_DRIVE = re.compile(r"^[a-zA-Z]:[\\/]")


def shipped_templates() -> Path:
    """The templates installed with sgdocs (or, in a source checkout, the repository's)."""
    installed = PACKAGE / "templates"
    return installed if installed.is_dir() else PACKAGE.parent.parent / "templates"


class PathRefused(ValueError):
    """The path cannot be used; the message says why, the hint what to do, for a finding."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


def resolve_inside(written: str, folder: Path, root: Path) -> Path:
    """The file `written` names, from a content file in `folder`, checked to lie in `root`."""
    if _SCHEME.match(written) and not _DRIVE.match(written):
        raise PathRefused(f"`{written}` is a web address; name a file in the content folder")
    if Path(written).is_absolute() or _DRIVE.match(written):
        raise PathRefused(f"`{written}` is an absolute path; write it relative to this file, "
                          "e.g. role-brief.yaml")
    target = (folder / written).resolve()
    if not target.is_relative_to(root.resolve()):
        raise PathRefused(f"`{written}` leads outside the content folder {root}; keep the "
                          "files a document uses inside it")
    return target


def inside(path: Path, folders: tuple[Path, ...] | Path) -> bool:
    """Whether `path`, its symbolic links followed, lies in one of `folders`."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder.resolve()) for folder in
               (folders if isinstance(folders, tuple) else (folders,)))


def contained(path: Path, folders: tuple[Path, ...] | Path, what: str) -> None:
    """Refuse (PathRefused) `path` unless it is an ordinary file lying in one of `folders`;
    `what` names such a file in messages ("a content file")."""
    if not inside(path, folders):
        where = folders if isinstance(folders, Path) else folders[0]
        raise PathRefused(f"`{path.name}` is a link to a file outside {where}",
                          "put the file itself there instead of a link")
    if not stat.S_ISREG(path.stat().st_mode):
        raise PathRefused(f"`{path.name}` is not an ordinary file (a device or a pipe?)",
                          f"{what} must be a saved file")


def read_contained(path: Path, folders: tuple[Path, ...] | Path, limit: int, what: str
                   ) -> bytes:
    """The bytes of the ordinary file at `path`, which must lie in one of `folders`, never
    holding more than `limit` + 1 bytes. PathRefused says what is wrong, for the person
    who put the file there; OSError is the machine's problem."""
    contained(path, folders, what)
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    with os.fdopen(handle, "rb") as stream:
        size = os.fstat(handle).st_size
        data = stream.read(limit + 1)  # the file may grow while it is read
    if len(data) > limit:
        raise PathRefused(f"the file is {max(size, len(data)):,} bytes, over the "
                          f"{limit:,}-byte limit for {what}", "make it smaller, or split it")
    return data
