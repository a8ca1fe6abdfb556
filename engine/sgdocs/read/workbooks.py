"""Reading a workbook that was filled in and sent back (`sgdocs import`).

The file comes from outside the partnership's records, so it is treated like any hostile
input: its size, and what it unpacks to, are checked before it is opened; it is opened in
openpyxl's read-only mode, which reads one row at a time, and a tab is read only as far as
it may go; and a cell is read as typed, so a formula is never taken for content.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from sgdocs.errors import ContentError, Finding, Location
from sgdocs.read import zips
from sgdocs.read.yamlsource import KeyPath

MAX_FILE_BYTES = 5_000_000
"""The workbook on disk, checked first, before the file is opened. The self-assessment
workbook sgdocs makes is about 20 KB; filled in with long evidence it stays well under 1 MB."""
MAX_PARTS = 1_000
"""Files inside the workbook (an .xlsx is a zip of them): sgdocs's own holds 18, and Excel
adds a few when it saves."""
MAX_UNPACKED_BYTES = 10_000_000
"""Every file inside the workbook, unpacked, by the sizes the zip records (a zip that
understates them is repacked within them first: `zips`). A zip of a few megabytes can unpack to
gigabytes, and openpyxl reads all the text a workbook shares between cells before any
tab: 10 MB of it takes it about 3 seconds and 80 MB of memory. sgdocs's own unpacks to
60 KB."""
MAX_ROWS = 2_000
"""Rows read from one tab, counted as they are read: a step has a handful of questions."""
MAX_CELLS = 50_000
"""Cells in one tab by the range it says it uses, checked before it is read."""

_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
START_AGAIN = "copy the answers into the workbook `sgdocs build` makes, and import that"
_CLEAR = ("delete the rows and columns beyond the table (select them, then Delete), or "
          + START_AGAIN)


class ReadBack(dict[str, Any]):
    """A workbook's content, with the place (tab and row) each value was read from, so a
    problem found later, when the content is checked, is reported at its cell."""

    def __init__(self, data: dict[str, Any], places: dict[KeyPath, str]) -> None:
        super().__init__(data)
        self.places = places


def open_workbook(path: Path) -> Workbook:
    """The workbook at `path`, opened read-only once its size is known to be safe; close it
    when done."""
    where = Location(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ContentError([_unreadable(where, str(exc.strerror))]) from None
    if size > MAX_FILE_BYTES:
        raise ContentError([Finding(where, f"the workbook is {size:,} bytes, over the "
                                    f"{MAX_FILE_BYTES:,}-byte limit for a workbook to import",
                                    START_AGAIN)])
    try:
        data = path.read_bytes()
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise ContentError([_unreadable(where, "it is not an .xlsx file")]) from None
    if len(parts) > MAX_PARTS:
        raise ContentError([Finding(where, f"the workbook holds {len(parts):,} files, more "
                                    f"than the {MAX_PARTS:,} a workbook to import may hold",
                                    START_AGAIN)])
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ContentError([Finding(where, f"the workbook unpacks to {unpacked:,} bytes, over "
                                    f"the {MAX_UNPACKED_BYTES:,}-byte limit for a workbook "
                                    "to import", START_AGAIN)])
    try:
        package = zips.within(data, archive, MAX_UNPACKED_BYTES, MAX_UNPACKED_BYTES)
    except zips.DamagedPart as exc:
        raise ContentError([_unreadable(where, f"its part {exc} is damaged")]) from None
    try:
        return load_workbook(package, read_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises several types for a file it cannot read
        raise ContentError([_unreadable(where, exc.__class__.__name__)]) from None


def worksheet(book: Workbook, name: str) -> ReadOnlyWorksheet | None:
    """The tab called `name`, if the workbook has it as a tab of cells."""
    if name not in book.sheetnames:
        return None
    sheet = book[name]
    return sheet if isinstance(sheet, ReadOnlyWorksheet) else None


def rows(sheet: ReadOnlyWorksheet, path: Path, columns: int) -> Iterator[tuple[int, Any]]:
    """(row number, its first `columns` cells) from the top of the tab, refusing a tab
    larger than MAX_CELLS or longer than MAX_ROWS. Rows are read as they are asked for, so
    stopping early reads no further."""
    where = Location(path)
    last_row, last_column = sheet.max_row or 0, sheet.max_column or 0
    if last_row * last_column > MAX_CELLS:
        raise ContentError([Finding(where, f"the tab \u201c{sheet.title}\u201d spans "
                                    f"{last_row * last_column:,} cells (A1 to "
                                    f"{get_column_letter(last_column)}{last_row}), more than "
                                    f"the {MAX_CELLS:,} a tab may have", _CLEAR)])
    sheet.reset_dimensions()  # the range a tab declares may be too small: read every row
    found = sheet.iter_rows(min_row=1, max_col=columns)
    number = 0
    while True:
        try:
            cells = next(found)
        except StopIteration:
            return
        except Exception as exc:  # a damaged tab: openpyxl reads it only now
            raise ContentError([_unreadable(where, f"the tab \u201c{sheet.title}\u201d: "
                                           f"{exc.__class__.__name__}")]) from None
        number += 1
        if number > MAX_ROWS:
            raise ContentError([Finding(where, f"the tab \u201c{sheet.title}\u201d has more "
                                        f"than {MAX_ROWS:,} rows", _CLEAR)])
        yield number, cells


def typed(cell: Any, place: str, what: str, problems: list[Finding], path: Path) -> Any:
    """The value someone typed into `cell`; a formula is a problem at `place`, never content:
    its text is not what anyone wrote, and what it worked out to is not in the file unless a
    spreadsheet saved it. Text that starts with "=" but is stored as text is text."""
    if cell.data_type != "f":
        return cell.value
    formula = str(getattr(cell.value, "text", cell.value) or "=")
    shown = _UNSHOWABLE.sub("?", formula)
    shown = f"{shown[:40]}\u2026" if len(shown) > 40 else shown
    problems.append(Finding(Location(path), f"{place}: the {what} cell holds a formula "
                            f"({shown})", "type the text itself"))
    return None


def _unreadable(where: Location, reason: str) -> Finding:
    return Finding(where, f"cannot read the workbook ({reason})",
                   "save it as an Excel workbook (.xlsx)")
