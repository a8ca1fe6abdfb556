"""What a Word package may hold. A restyled template is e-mailed between partnerships, so
sgdocs treats it as untrusted until checked.

A .docx is a zip of XML parts. One with a part too big to unpack (a zip bomb) would take the
memory of the machine that builds it: it is refused from the zip's directory, and each part
unpacked with a limit, before python-docx reads anything.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from .errors import Finding, Location, TemplateProblem

MAX_PART_BYTES = 50_000_000
"""The most one part of a template may unpack to. A template's biggest parts, its styles and
its pictures, are well under a megabyte; a 6 MB file unpacking to gigabytes is an attack."""

MAX_TEMPLATE_BYTES = 200_000_000
"""The most a whole template may unpack to, and the most its file may be: python-docx holds
every part in memory at once."""

MAX_PARTS = 2_000
"""The most parts a template may hold; Word's own have about twenty."""

_DIRECTORY_BYTES = MAX_PARTS * 1_024
"""The most the zip's list of parts may take (an entry takes about a hundred bytes), checked
before the list is read, so that counting the parts is quick too."""


def unpacked_template(path: Path) -> io.BytesIO:
    """The template at `path` for python-docx to open, once nothing in it can unpack to more
    than the limits: python-docx unpacks each part whole, trusting the size the zip gives
    it, so a zip bomb must be refused before python-docx sees it."""
    data = _read(path)
    try:  # zipfile's reading of the zip's last record, which gives the list's size
        end = zipfile._EndRecData(io.BytesIO(data))  # type: ignore[attr-defined]
        if end and end[5] > _DIRECTORY_BYTES:
            raise _refused(path, f"the template's list of parts takes {end[5]:,} bytes, "
                           f"too many for the {MAX_PARTS:,} parts a Word template may have")
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise _unopenable(path, "it is not a zip package, as every .docx is") from None
    parts = archive.infolist()
    _check_sizes(path, parts)
    if _bounded(parts):
        return io.BytesIO(data)
    return _repacked(path, archive)


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise _refused(path, f"the template is {size:,} bytes, over the "
                           f"{MAX_TEMPLATE_BYTES:,}-byte limit for a Word template")
        with path.open("rb") as stream:
            return stream.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise TemplateProblem([Finding(Location(path), f"cannot read the template: "
                                       f"{exc.strerror}", "check that the file is there and "
                                       "that you may read it")]) from None


def _check_sizes(path: Path, parts: list[zipfile.ZipInfo]) -> None:
    """The sizes the zip gives, and how it packs each part: deflate, which Word uses, and
    storing are the ways whose unpacking can be bounded."""
    if len(parts) > MAX_PARTS:
        raise _refused(path, f"the template holds {len(parts):,} parts, more than the "
                       f"{MAX_PARTS:,} a Word template may have")
    for info in parts:
        if info.file_size > MAX_PART_BYTES:
            raise _refused(path, f"the part {_shown(info.filename)} unpacks to "
                           f"{info.file_size:,} bytes, over the {MAX_PART_BYTES:,}-byte limit "
                           "for one part of a Word template")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _unopenable(path, f"its part {_shown(info.filename)} is packed in a way "
                              "Word does not use")
    total = sum(info.file_size for info in parts)
    if total > MAX_TEMPLATE_BYTES:
        raise _refused(path, f"the template unpacks to {total:,} bytes, over the "
                       f"{MAX_TEMPLATE_BYTES:,}-byte limit for a Word template")


def _bounded(parts: list[zipfile.ZipInfo]) -> bool:
    """Whether no part could unpack to more than the limits even if the zip lies about its
    size: so it is for every template whose parts are small packed (deflate shrinks data
    at most 1,032 times)."""
    most = [info.compress_size * (1_032 if info.compress_type == zipfile.ZIP_DEFLATED else 1)
            for info in parts]
    return max(most, default=0) <= MAX_PART_BYTES and sum(most) <= MAX_TEMPLATE_BYTES


def _repacked(path: Path, archive: zipfile.ZipFile) -> io.BytesIO:
    """The template zipped again from its parts, each unpacked no further than the size
    the zip gives it."""
    parts = {info.filename: info for info in archive.infolist()}  # a name twice: the last
    packed = io.BytesIO()
    with archive, zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as copy:
        for name, info in parts.items():
            copy.writestr(name, _unpacked(path, archive, info))
    packed.seek(0)
    return packed


def _unpacked(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One part, read in one call for at most its size: zipfile's own reading of a whole
    part first unpacks as much as the data holds."""
    try:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, ValueError, OSError):
        raise _unopenable(path, f"its part {_shown(info.filename)} is damaged or "
                          "encrypted") from None
    if len(data) != info.file_size:
        raise _unopenable(path, f"its part {_shown(info.filename)} is damaged or "
                          "encrypted")
    return data


def _refused(path: Path, message: str) -> TemplateProblem:
    return TemplateProblem([Finding(Location(path), message, "a Word template holds styles, "
                                    "a header and footer and a few pictures, far less than "
                                    "this: start again from `sgdocs templates export`")])


def _unopenable(path: Path, why: str) -> TemplateProblem:
    return TemplateProblem([Finding(Location(path), f"this is not a Word document sgdocs can "
                                    f"open ({why})", "save it from Word as a .docx document")])


def _shown(text: str) -> str:
    """Text from a file, safe to print: no control characters, at most 80 of them."""
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 80 else text[:79] + "\u2026"
