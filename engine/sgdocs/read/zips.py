"""Zip packages from elsewhere (a restyled Word template, a workbook sent back), unpacked no
further than their limits.

A zip says how large each of its parts unpacks to, and may lie: Python's zip reader, which
python-docx and openpyxl use, then unpacks up to 2 GB in one call before cutting a part down
to the size it was told. So a package whose parts could unpack past the limits is repacked
first, each part read no further than its stated size, which the callers have checked.
"""

from __future__ import annotations

import io
import zipfile
import zlib

_MOST_SHRUNK = 1_032
"""Deflate shrinks data at most this many times: a part packed this small cannot unpack to
more than this many times its packed size, whatever the zip says."""


class DamagedPart(Exception):
    """A part that cannot be unpacked within its stated size: its name."""


def within(data: bytes, archive: zipfile.ZipFile, max_part: int, max_total: int
           ) -> io.BytesIO:
    """The package `data` (opened as `archive`, its stated sizes within `max_part` and
    `max_total`) for a library that trusts stated sizes: as it is when no part could unpack
    past the limits even if the sizes lie, as they cannot for ordinary files; otherwise
    repacked. DamagedPart names a part packed in a way whose unpacking cannot be bounded,
    damaged, or larger than it says."""
    parts = archive.infolist()
    for info in parts:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DamagedPart(info.filename)
    most = [info.compress_size * (_MOST_SHRUNK if info.compress_type == zipfile.ZIP_DEFLATED
                                  else 1) for info in parts]
    if max(most, default=0) <= max_part and sum(most) <= max_total:
        return io.BytesIO(data)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as copy:
        for name, info in {info.filename: info for info in parts}.items():  # twice: the last
            copy.writestr(name, _unpacked(archive, info))
    packed.seek(0)
    return packed


def _unpacked(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One part, read in one call for at most its size."""
    try:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, ValueError, OSError):
        raise DamagedPart(info.filename) from None
    if len(data) != info.file_size:
        raise DamagedPart(info.filename)
    return data
