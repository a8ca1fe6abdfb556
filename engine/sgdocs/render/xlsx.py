"""Spreadsheet output: workbooks a kind lays out (a tender's scoring workbook), saved so
the same content gives the same bytes, with a house style shared by every workbook.

Every value goes into a cell through `put`: text from content is always text, and only a
`Formula` the layout writes is a formula. openpyxl is imported only here and by the
layouts, when a workbook is built.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from sgdocs.kinds import Output
from sgdocs.read.brand import Brand
from sgdocs.read.documents import LoadedDocument
from sgdocs.render.fonts import windows_name
from sgdocs.render.formats import no_template
from sgdocs.write.files import DeterministicZip, build_time
from sgdocs.write.provenance import provenance

PRIMARY = "1F3D63"
HEADER_FILL = PatternFill("solid", fgColor=PRIMARY)
INPUT_FILL = PatternFill("solid", fgColor="FFF8E1")
FONT = "Arial"
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
TITLE_FONT = Font(name=FONT, bold=True, size=14, color=PRIMARY)
BODY_FONT = Font(name=FONT, size=10)
THIN = Side(style="thin", color="B8C4D4")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How text starts that a spreadsheet takes for a formula when the cell is typed into
(OWASP's list for formula injection)."""

problems = no_template


class Formula(str):
    """A formula the workbook itself works out (a weighted total, an action pulled through):
    the only text `put` writes as a formula."""

    __slots__ = ()


def put(cell: Any, value: Any) -> None:
    """Write `value` into `cell`; text is text however it starts. Content is untrusted (a
    bidder's name, a partner's evidence): written as a formula, `=HYPERLINK(…)` would be a
    live link. Text that looks like a formula is also marked quotePrefix, as Excel marks text
    typed after an apostrophe, so editing the cell does not turn it into one either."""
    if isinstance(value, str) and not isinstance(value, Formula):
        value = value.rstrip()  # a folded YAML scalar's last line break is not the text's
    cell.value = value
    if isinstance(value, str) and not isinstance(value, Formula):
        cell.data_type = "s"  # openpyxl guesses "f" from a leading "=", "e" from "#N/A"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def render(document: LoadedDocument, output: Output) -> bytes:
    workbook: Workbook = document.kind.code("workbook").workbook(document.model)
    properties = workbook.properties
    properties.title = document.model.title
    properties.creator = properties.lastModifiedBy = document.partnership.name
    properties.language = "en-GB"
    origin = provenance(document)
    for name, value in origin.properties().items():
        workbook.custom_doc_props.append(StringProperty(name=name, value=value))
    if document.partnership.brand is not None:
        branded(workbook, document.partnership.brand)
    if origin.classification:
        for sheet in workbook.worksheets:
            for place in (sheet.oddHeader, sheet.oddFooter):
                place.center.text = origin.classification
                place.center.font = f"{FONT},Bold"
    return workbook_bytes(workbook, build_time(document.model))


def branded(workbook: Workbook, brand: Brand) -> None:
    """The workbook in the partnership's colour and typeface: every header fill and title
    in the house colour takes the brand's, every cell its font."""
    primary = brand.primary[1:].upper()
    font = windows_name(brand.font) if brand.font else None
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.fill.fgColor.rgb == f"00{PRIMARY}":
                    cell.fill = PatternFill("solid", fgColor=primary)
                if font or (cell.font.color is not None and cell.font.color.rgb == f"00{PRIMARY}"):
                    cell.font = _restyled(cell.font, primary, font)


def _restyled(old: Any, primary: str, name: str | None) -> Font:
    font = copy.copy(old)
    if font.color is not None and font.color.rgb == f"00{PRIMARY}":
        font.color = primary
    if name:
        font.name = name
    return font


def workbook_bytes(workbook: Workbook, when: dt.datetime) -> bytes:
    """The workbook saved as stamped `when`, so the same content gives the same bytes."""
    workbook.properties.created = workbook.properties.modified = when.replace(tzinfo=None)
    buffer = io.BytesIO()
    with DeterministicZip(buffer, when) as archive:
        ExcelWriter(workbook, archive).save()  # openpyxl's save() would stamp the clock
    return buffer.getvalue()


def title(sheet: Any, text: str, note: str = "") -> None:
    put(sheet["A1"], text)
    sheet["A1"].font = TITLE_FONT
    if note:
        put(sheet["A2"], note)
        sheet["A2"].font = BODY_FONT
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def header(sheet: Any, row: int, labels: Sequence[str], widths: Sequence[float]) -> None:
    """A header row in the house style, repeated when printed, with column widths."""
    for column, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        cell = sheet.cell(row=row, column=column)
        put(cell, label)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = width
    longest = max(len(label) for label in labels)
    narrowest = min(widths)
    sheet.row_dimensions[row].height = 15 * (1 + longest // max(int(narrowest) - 2, 1))
    sheet.print_title_rows = f"{row}:{row}"


def body_cell(sheet: Any, row: int, column: int, value: Any, number_format: str = "",
              editable: bool = False, bold: bool = False) -> Any:
    """A cell of a table; cells people type in are shaded so they stand out."""
    cell = sheet.cell(row=row, column=column)
    put(cell, value)
    cell.border, cell.alignment = BOX, WRAP
    cell.font = Font(name=FONT, size=10, bold=True) if bold else BODY_FONT
    if number_format:
        cell.number_format = number_format
    if editable:
        cell.fill = INPUT_FILL
    return cell


def fit_rows(sheet: Any, first: int, last: int) -> None:
    """Row heights that show wrapped text whole: spreadsheets do not always work them out
    for a file they did not write themselves."""
    for row in range(first, last + 1):
        texts = [(cell.column_letter, str(cell.value)) for cell in sheet[row]
                 if cell.value is not None and cell.data_type != "f"]
        sheet.row_dimensions[row].height = row_height(sheet, texts)


def row_height(sheet: Any, texts: Sequence[tuple[str, str]]) -> float:
    """The height, in points, that shows each (column, text) wrapped in its column."""
    lines = 1
    for column, text in texts:
        width = max(int(sheet.column_dimensions[column].width or 10) - 1, 1)
        lines = max(lines, sum(-(-max(len(part), 1) // width) for part in text.splitlines()))
    return 13.5 * lines + 3
