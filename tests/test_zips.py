"""A zip from elsewhere that lies about how large its parts unpack to is never unpacked past
what it says: the way a Word template and a returned workbook are opened."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from sgdocs.read import zips


def _zip(data: bytes, stated: int | None = None) -> bytes:
    """A zip of one deflated part holding `data`, saying it unpacks to `stated` bytes."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("part.xml", data)
    raw = bytearray(packed.getvalue())
    if stated is not None:  # the size in the part's own header and in the list of parts
        struct.pack_into("<I", raw, raw.find(b"PK\x03\x04") + 22, stated)
        struct.pack_into("<I", raw, raw.find(b"PK\x01\x02") + 24, stated)
    return bytes(raw)


def test_a_package_whose_parts_cannot_unpack_past_the_limits_is_used_as_it_is() -> None:
    data = _zip(b"<p>text</p>" * 100)
    assert zips.within(data, zipfile.ZipFile(io.BytesIO(data)), 100_000, 100_000).getvalue() \
        == data


def test_a_part_that_could_be_larger_is_repacked_at_its_stated_size() -> None:
    content = b"\0" * 2_000_000  # packs to about 2 KB, so it could be anything up to 2 MB
    data = _zip(content)
    repacked = zips.within(data, zipfile.ZipFile(io.BytesIO(data)), 2_000_000, 2_000_000)
    assert zipfile.ZipFile(repacked).read("part.xml") == content


def test_a_part_larger_than_it_says_is_damaged_and_not_unpacked_further() -> None:
    data = _zip(b"\0" * 2_000_000, stated=100)
    with pytest.raises(zips.DamagedPart, match=r"part\.xml"):
        zips.within(data, zipfile.ZipFile(io.BytesIO(data)), 1_000, 1_000)
