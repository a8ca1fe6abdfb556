"""The content folder as the editor reads and writes it: documents named by their path in
it, and nothing outside it (no `..`, no link leading out, no partnership file or kind
declaration edited as if it were a document); files read within the reader's limits;
saves one at a time per file, combined with what changed on disk meanwhile; pictures
checked before they are written, never over another file.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sgdocs.errors import ContentError, Finding, Location
from sgdocs.read.images import MAX_IMAGE_BYTES, picture_data_problem
from sgdocs.read.partnership import FILENAME, content_root
from sgdocs.read.paths import PathRefused, read_contained
from sgdocs.read.yamlsource import MAX_FILE_BYTES, parse_yaml, read_yaml
from sgdocs.serve import roundtrip
from sgdocs.serve.conflicts import Conflict, combined
from sgdocs.write.files import write_atomic

PICTURES = "images"
MAX_UPLOAD = MAX_IMAGE_BYTES + 1
"""The most of an uploaded picture read: one byte over the limit, to tell it is over."""
NOT_DOCUMENTS = {FILENAME}
SETTINGS_FOLDERS = {"kinds", "templates"}
"""Folders beside a partnership file that hold its own kinds and templates, not documents."""


@dataclass
class Saved:
    version: str
    data: dict[str, Any]
    merged: bool


@dataclass
class Clash:
    conflicts: list[Conflict]
    theirs: dict[str, Any]
    version: str


@dataclass
class ContentFolder:
    root: Path
    _locks: dict[Path, threading.Lock] = field(default_factory=lambda: defaultdict(
        threading.Lock))

    def __post_init__(self) -> None:
        self.root = self.root.resolve()

    def document(self, doc: str, must_exist: bool = True) -> Path:
        """The content file `doc` names (a path inside the folder, with `/`), refused
        (PathRefused) unless it is one."""
        parts = doc.split("/")
        if os.path.isabs(doc) or "\\" in doc or any(p in ("..", "", ".") for p in parts):
            raise PathRefused(f"{doc!r} is not a file in the content folder")
        path = (self.root / doc).resolve()
        if not path.is_relative_to(self.root) or path.suffix not in (".yaml", ".yml") or \
                path.name in NOT_DOCUMENTS or SETTINGS_FOLDERS & set(parts[:-1]) or (
                must_exist and not path.is_file()):
            raise PathRefused(f"{doc!r} is not a document in the content folder")
        return path

    def text(self, path: Path) -> str:
        return read_contained(path, self.root, MAX_FILE_BYTES, "a content file").decode(
            "utf-8-sig")

    def save(self, path: Path, data: dict[str, Any], base: Any, version: str
             ) -> Saved | Clash:
        """`data` written into the file; if the file changed since `version` (what the
        page loaded, `base`), the two edits combined, or the fields where they clash."""
        with self._locks[path]:
            text = self.text(path)
            merged = version != version_of(text)
            if merged:
                theirs = values(text, path)
                data, conflicts = combined(base, data, theirs)
                if conflicts:
                    return Clash(conflicts, theirs, version_of(text))
            saved = roundtrip.edited(text, data)
            now = values(saved, path)  # still a readable file
            write_atomic(path, saved.encode("utf-8"))
            return Saved(version_of(saved), now, merged)

    def add_picture(self, document: Path, name: str, data: bytes) -> str | Finding:
        """The picture saved in the document's `images` folder under `name`, or a new name
        if that is taken; its path as the document writes it. Or what is wrong with it."""
        written = f"{PICTURES}/{name}"
        problem = picture_data_problem(data, written)
        if problem:
            return Finding(Location(document), problem[0], problem[1])
        folder = document.parent / PICTURES
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()) or \
                not folder.resolve().is_relative_to(self.root):
            return Finding(Location(folder), f"`{PICTURES}` beside the document is not a "
                           "folder in the content folder", "make it an ordinary folder")
        folder.mkdir(exist_ok=True)
        stem, suffix, number = Path(name).stem, Path(name).suffix, 1
        with self._locks[folder]:
            while (folder / name).exists() or (folder / name).is_symlink():
                number += 1
                name = f"{stem}-{number}{suffix}"
            write_atomic(folder / name, data)
        return f"{PICTURES}/{name}"

    def references(self, path: Path, kinds: Any) -> dict[str, list[dict[str, str]]]:
        """For each kind a field may name, the documents of that kind beside or below the
        document, as the field writes them (relative to the document's folder)."""
        found: dict[str, list[dict[str, str]]] = {kind: [] for kind in kinds}
        for other in sorted(path.parent.rglob("*.yaml")) if found else ():
            if other == path or other.name in NOT_DOCUMENTS:
                continue
            try:
                data = read_yaml(other, self.root).data
            except ContentError:
                continue
            if isinstance(data, dict) and data.get("kind") in found:
                found[data["kind"]].append({"path": other.relative_to(path.parent).as_posix(),
                                            "title": str(data.get("title", other.stem))})
        return found

    def content_root(self, path: Path) -> Path:
        return content_root(path.parent) or self.root


def values(text: str, path: Path) -> dict[str, Any]:
    """The file's values as the form edits them; ContentError if it is not a readable
    document. Read first by sgdocs's own reader, within its limits on size, depth and
    aliases, then by the round-trip reader."""
    parse_yaml(text, path)
    try:
        data = roundtrip.plain(roundtrip.load(text))
    except roundtrip.NotYaml as exc:
        raise ContentError([Finding(Location(path), f"the file cannot be read as YAML: "
                                    f"{exc}", "open it in a text editor and put the "
                                    "mistake right")]) from None
    if not isinstance(data, dict):
        raise ContentError([Finding(Location(path), "a content file should be a group of "
                                    "keys starting with `kind:`")])
    return data


def version_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

