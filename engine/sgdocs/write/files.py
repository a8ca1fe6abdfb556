"""Writing outputs so that a failed or interrupted build never costs a good file, and the
same content always gives the same bytes.

Each output is written to a temporary file beside its target, flushed to disk, then renamed
over the target in one step: readers see the old file or the new one, never half of one.

Dates written into outputs (zip entries, document properties, calendar stamps) come from
SOURCE_DATE_EPOCH when it is set, and otherwise from the document's own dates (its approval
and change history), never from the clock. Zip-based outputs are written once, already
deterministic: fixed entry dates and attributes, in the order the package gives.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from sgdocs.errors import usage_error

FALLBACK_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""For a document with no dates of its own."""


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


LATEST_EPOCH = 4354819199
"""The end of 2107, the last date a zip entry can carry."""


def build_time(model: Any) -> dt.datetime:
    """When an output says it was made: SOURCE_DATE_EPOCH, or the document's latest date
    (its approval or publication, a change in its history, or a meeting series'
    revision)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit() or int(epoch) > LATEST_EPOCH:
            raise usage_error(f"SOURCE_DATE_EPOCH is {epoch!r}, not a time sgdocs can use",
                              "set it to whole seconds since 1 January 1970, before 2108, "
                              "e.g. 1700000000, or unset it")
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    control = getattr(model, "document_control", None)
    dates = [change.date for change in getattr(control, "history", [])]
    if control is not None:
        dates += [day for day in (control.approved_on, control.published_on) if day]
    if getattr(model, "revised_on", None) is not None:
        dates.append(model.revised_on)
    if not dates:
        return FALLBACK_DATE
    latest = max(dates).date
    return dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC)


class DeterministicZip(zipfile.ZipFile):
    """A zip archive whose entries all carry `when` and the same attributes."""

    def __init__(self, file: Any, when: dt.datetime) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC))
        self._date_time = stamp.timetuple()[:6]

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        entry = zipfile.ZipInfo(name, date_time=self._date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        super().writestr(entry, data)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        """Files added from disk (openpyxl writes worksheets that way) get the same date."""
        self.writestr(arcname or str(filename), Path(filename).read_bytes())


def docx_bytes(document: Any, when: dt.datetime) -> bytes:
    """A python-docx document as a .docx, written once and deterministically.

    python-docx's own save stamps every entry with the clock; this writes the same parts,
    in the same order, through its package writer's steps into a deterministic archive.
    """
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    buffer = io.BytesIO()
    with DeterministicZip(buffer, when) as archive:
        writer: Any = _PartWriter(archive)  # duck-types python-docx's PhysPkgWriter
        write: Any = PackageWriter
        write._write_content_types_stream(writer, parts)
        write._write_pkg_rels(writer, package.rels)
        write._write_parts(writer, parts)
    return buffer.getvalue()


class _PartWriter:
    """The interface python-docx's package writer writes through."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self._archive.writestr(pack_uri.membername, blob)
