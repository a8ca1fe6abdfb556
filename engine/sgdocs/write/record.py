"""What each document was last built from, so a document that has not changed is not built
again.

After a build, `.sgdocs-build.json` in the output folder records for each content file the
state of everything its outputs depend on (its own file, the files it draws in, partnership
files, pictures, the partnership's own templates, and where such files would be if added),
the state of sgdocs itself and of the build's options, and what the build did: each output's
size and modification time, and the findings to report again. The next build skips a
document whose inputs and outputs are all as recorded.

This module imports nothing heavy: a build that has nothing to do should cost almost nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sgdocs.write.files import write_atomic

RECORD_FILE = ".sgdocs-build.json"
_FORMAT = 1
_LIBRARIES = ("docxtpl", "python-docx", "jinja2", "weasyprint", "pydyf",
              "openpyxl", "icalendar", "matplotlib", "markdown-it-py", "pydantic", "pyyaml")
"""The libraries whose version changes what an output holds."""


@dataclass
class BuildRecord:
    """The record kept in an output folder: one entry per content file."""

    path: Path
    engine: str
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def open(cls, out_dir: Path, options: Mapping[str, object]) -> BuildRecord:
        """The record in `out_dir` for builds with `options`; an unreadable or foreign
        record is simply started afresh (it only saves time)."""
        record = cls(out_dir / RECORD_FILE, _engine_state(options))
        try:
            saved = json.loads(record.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return record
        if isinstance(saved, dict) and saved.get("format") == _FORMAT and \
                isinstance(saved.get("documents"), dict):
            record.entries = saved["documents"]
        return record

    def unchanged(self, source: Path) -> dict[str, Any] | None:
        """The recorded entry for `source`, if nothing it was built from and none of its
        outputs has changed since."""
        entry = self.entries.get(_key(source))
        if not isinstance(entry, dict) or entry.get("engine") != self.engine:
            return None
        try:
            inputs: dict[str, str | None] = entry["inputs"]
            if any(_state(Path(path)) != state for path, state in inputs.items()):
                return None
            outputs: dict[str, list[int] | None] = entry["outputs"]
            if any(_stamp(Path(path)) != stamp for path, stamp in outputs.items()):
                return None
        except (KeyError, AttributeError, TypeError, ValueError):
            return None  # edited by hand or damaged: build again
        return entry

    def remember(self, source: Path, depends_on: Iterable[Path], outputs: Iterable[Path],
                 details: Mapping[str, Any]) -> None:
        """Record that `source` was built from `depends_on` into `outputs`; `details` is
        what to report when it is next skipped. An output recorded as absent (one withheld
        from publication) that appears later, say written by another build running at the
        same time, makes the document be built, and so withheld, again."""
        self.entries[_key(source)] = {
            "engine": self.engine,
            "inputs": {str(path): _state(path) for path in dict.fromkeys(depends_on)},
            "outputs": {str(path): _stamp(path) for path in outputs},
            **details}

    def forget(self, source: Path) -> None:
        self.entries.pop(_key(source), None)

    def save(self) -> None:
        """Written atomically: two builds into one folder each leave a whole record (the
        later one's), and a lost entry only means a document is built again."""
        data = json.dumps({"format": _FORMAT, "documents": self.entries}, indent=1,
                          sort_keys=True)
        write_atomic(self.path, data.encode("utf-8"))


def _key(source: Path) -> str:
    return str(source.resolve())


def _state(path: Path) -> str | None:
    """The SHA-256 of a file, or of a folder's files and their names; None if absent."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    if path.is_dir():
        digest = hashlib.sha256()
        for found in sorted(p for p in path.rglob("*") if p.is_file() and not
                            p.name.startswith(".") and "__pycache__" not in p.parts):
            digest.update(str(found.relative_to(path)).encode() + b"\0" + found.read_bytes())
        return digest.hexdigest()
    return None


def _stamp(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


def _engine_state(options: Mapping[str, object]) -> str:
    """sgdocs itself, the libraries and the build's options."""
    return hashlib.sha256(json.dumps({
        "engine": _engine(), "options": options,
        "epoch": os.environ.get("SOURCE_DATE_EPOCH", "")}, sort_keys=True,
        default=str).encode()).hexdigest()


@functools.cache
def _engine() -> str:
    """sgdocs's files (their names, sizes and times: installed files change only when
    replaced), its version and the libraries' versions; once a process."""
    from sgdocs import __version__
    from sgdocs.read.paths import PACKAGE, shipped_templates

    digest = hashlib.sha256(json.dumps([__version__, _versions(_LIBRARIES)]).encode())
    for folder in dict.fromkeys((PACKAGE, shipped_templates())):
        for found in sorted(folder.rglob("*")):
            if found.is_file() and "__pycache__" not in found.parts:
                status = found.stat()
                digest.update(f"{found}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _versions(names: Sequence[str]) -> list[str]:
    from importlib import metadata

    found = []
    for name in names:
        try:
            found.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            found.append("")
    return found
