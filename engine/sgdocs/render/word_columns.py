"""Word table columns at least as wide as their longest word, once the table is filled in.

Words are measured in the house table font (Arial, or Liberation Sans with its widths)
where its file is found, else by counting characters.

A layout gives each column a share of the page before it knows what the column will hold,
and Word breaks a word that does not fit its column mid-word ("Septembe|r"). After
rendering, each column too narrow for its longest word (or date, or reference) is widened,
and the width is taken from the columns with room to spare, in proportion to their spare
room; a table whose words cannot all fit is left as it was laid out. A date ("20 November
2024") and a cell of a short phrase ("In progress") are measured whole, as a reader would
not break them either, where the table has room for them all.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

TABLE_TEXT = 190
"""The house table text, 9.5 points, in twentieths of a point (twips)."""
TABLE_STYLE_ID = "sgdocsTable"
CHARACTER = 115
"""A character's width in that text, when no font is found to measure words with."""
PADDING = 240
"""A cell's left and right margins (100 twips each), and a little room."""
HOUSE_FONT_FILES = {False: ("LiberationSans-Regular.ttf", "arial.ttf", "Arial.ttf"),
                    True: ("LiberationSans-Bold.ttf", "arialbd.ttf", "Arial Bold.ttf")}
"""The files of Arial, or of Liberation Sans drawn to its widths, in which Word sets the
house tables."""
FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                Path.home() / ".fonts", Path("C:/Windows/Fonts"), Path("/Library/Fonts"),
                Path("/System/Library/Fonts/Supplemental"))


SHORT_PHRASE = 12
"""The most characters of a cell's text kept on one line whatever its column's width."""
_UNIT = re.compile(r"(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|"
                   r"September|October|November|December) \d{4}|\S+")
"""A date, or else a word."""


def fit_columns(document: Any) -> None:
    for table in document.element.body.iter(qn("w:tbl")):
        _sized(table)
        _fit(table)


def _sized(table: Any) -> None:
    """Each run in the table, and each paragraph's mark (a list number is set in its size),
    in the table text's size, said on each: LibreOffice does not read a table style's text
    size, and would set the words larger than the columns were widened for."""
    style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    if style is None or style.get(qn("w:val")) != TABLE_STYLE_ID:
        return
    for paragraph in table.iter(qn("w:p")):
        mark = paragraph.find(qn("w:pPr"))
        if mark is None:
            mark = parse_xml(f"<w:pPr {nsdecls('w')}/>")
            paragraph.insert(0, mark)
        if mark.find(qn("w:rPr")) is None:
            mark.insert(next((i for i, child in enumerate(mark) if child.tag in _AFTER_MARK),
                             len(mark)), parse_xml(f"<w:rPr {nsdecls('w')}/>"))
    for run in table.iter(qn("w:r")):
        if run.find(qn("w:rPr")) is None:
            run.insert(0, parse_xml(f"<w:rPr {nsdecls('w')}/>"))
    for properties in [*table.iter(qn("w:rPr"))]:
        if properties.find(qn("w:sz")) is None:
            later = next((i for i, child in enumerate(properties) if child.tag in _AFTER_SIZE),
                         len(properties))
            properties.insert(later, parse_xml(
                f'<w:sz {nsdecls("w")} w:val="{TABLE_TEXT // 10}"/>'))


_AFTER_MARK = {qn("w:sectPr"), qn("w:pPrChange")}
"""What follows a paragraph mark's run properties among a paragraph's properties."""
_AFTER_SIZE = {qn(f"w:{name}") for name in (
    "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath")}
"""What follows a run's size among its properties, as the schema orders them."""


def _fit(table: Any) -> None:
    grid = table.find(qn("w:tblGrid"))
    columns = grid.findall(qn("w:gridCol")) if grid is not None else []
    rows = table.findall(qn("w:tr"))
    if not columns or next(table.iter(qn("w:gridSpan")), None) is not None or any(
            len(row.findall(qn("w:tc"))) != len(columns) for row in rows):
        return  # merged cells: a layout's own arrangement
    widths = [int(column.get(qn("w:w"), 0)) for column in columns]
    for whole in (True, False):  # dates and short phrases whole if they can all be
        needed = _needed(rows, len(columns), whole)
        short = sum(max(need - width, 0) for width, need in zip(widths, needed, strict=True))
        spare = [max(width - need, 0) for width, need in zip(widths, needed, strict=True)]
        if short <= sum(spare):
            break
    if short == 0 or short > sum(spare):
        return
    fitted = [max(width, need) - short * room // sum(spare)
              for width, need, room in zip(widths, needed, spare, strict=True)]
    fitted[fitted.index(max(fitted))] += sum(widths) - sum(fitted)  # rounding
    for column, width in zip(columns, fitted, strict=True):
        column.set(qn("w:w"), str(width))
    for row in rows:
        for cell, width in zip(row.findall(qn("w:tc")), fitted, strict=True):
            cell_width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if cell_width is not None and cell_width.get(qn("w:type")) == "dxa":
                cell_width.set(qn("w:w"), str(width))


def _needed(rows: list[Any], columns: int, whole: bool) -> list[int]:
    """Each column's width for its longest word (with `whole`, date or short phrase)."""
    needed = [0] * columns
    for number, row in enumerate(rows):
        for index, cell in enumerate(row.findall(qn("w:tc"))):
            text = "".join(t.text or "" for t in cell.iter(qn("w:t"))).strip()
            words = ([text] if len(text) <= SHORT_PHRASE else _UNIT.findall(text)) if whole \
                else text.split()
            longest = max((_width(word, bold=number == 0) for word in words), default=0)
            needed[index] = max(needed[index], longest + PADDING)
    return needed


def _width(word: str, bold: bool) -> int:
    """How wide `word` is set in the house table text, in twips."""
    font = _font(bold)
    return round(font.getlength(word)) if font is not None else len(word) * CHARACTER


@functools.cache
def _font(bold: bool) -> Any:
    from PIL import ImageFont

    for folder in FONT_FOLDERS:
        for name in HOUSE_FONT_FILES[bold]:
            found = next(folder.rglob(name), None) if folder.is_dir() else None
            if found is not None:
                return ImageFont.truetype(str(found), TABLE_TEXT)
    return None
