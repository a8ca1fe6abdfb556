"""Paths written in content: relative to the file that names them, and never leading out of
the content root (the folder holding the top-most partnership.yaml).

A content file can only reach files its partnership keeps: no absolute paths, no web
addresses, and no `..` or symbolic link that ends outside the root.
"""

from __future__ import annotations

import re
from pathlib import Path

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class PathRefused(ValueError):
    """The path cannot be used; the message says why, for a finding."""


def resolve_inside(written: str, folder: Path, root: Path) -> Path:
    """The file `written` names, from a content file in `folder`, checked to lie in `root`."""
    if _SCHEME.match(written) and not re.match(r"^[a-zA-Z]:[\\/]", written):
        raise PathRefused(f"`{written}` is a web address; name a file in the content folder")
    if Path(written).is_absolute() or re.match(r"^[a-zA-Z]:[\\/]", written):
        raise PathRefused(f"`{written}` is an absolute path; write it relative to this file, "
                          "e.g. role-brief.yaml")
    target = (folder / written).resolve()
    if not target.is_relative_to(root.resolve()):
        raise PathRefused(f"`{written}` leads outside the content folder {root}; keep the "
                          "files a document uses inside it")
    return target
