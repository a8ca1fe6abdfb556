"""A Markdown table as a native Word table, in the template's "sgdocs Table" style.

It looks and behaves as the tables a layout makes (`word_writer.Writer.table`): the header
row repeats on every page and is styled by the table style's first row, rows never split
across a page, and no banding. Each cell is one paragraph of inline Markdown, aligned as
the column's `:---:` marks say. Widths are shares of the text width, by how much each column
holds, so a table fits wherever the field is printed (the page, or a layout's table cell).
An empty paragraph follows the table: Word needs one before a cell ends, and it keeps two
tables in a row from running together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from markdown_it.token import Token

TABLE_STYLE = "sgdocs Table"
TEXT_WIDTH = 9638
"""The text width of the house A4 page, 170 mm, in twentieths of a point."""
WHOLE = 5000
"""The whole width, in fiftieths of a percent, as Word measures shares of it."""
_ALIGN = {"text-align:center": "center", "text-align:right": "right"}
_NARROWEST, _WIDEST = 6, 40
"""Bounds on how many characters a column's width is worked out from: a column of short
numbers still has room for its heading, a long one does not squeeze the others out."""

Runs = Callable[[list[Token], bool], str]
"""Writes a cell's inline tokens as runs; true for a header cell, whose links take the
header row's colours."""


@dataclass
class _Cell:
    header: bool
    align: str | None
    children: list[Token]

    @property
    def length(self) -> int:
        return sum(len(child.content) for child in self.children
                   if child.type in ("text", "code_inline"))


def table_xml(tokens: list[Token], style_id: str, runs: Runs) -> str:
    """The table `tokens` holds (from table_open to table_close), and the paragraph after."""
    rows: list[list[_Cell]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            opening = tokens[index - 1]
            rows[-1].append(_Cell(opening.type == "th_open",
                                  _ALIGN.get(str(opening.attrGet("style") or "")),
                                  token.children or []))
    shares = _shares(rows)
    grid = "".join(f'<w:gridCol w:w="{TEXT_WIDTH * share // WHOLE}"/>' for share in shares)
    return ("<w:tbl><w:tblPr>"
            f"<w:tblStyle w:val={quoteattr(style_id)}/>"
            f'<w:tblW w:w="{WHOLE}" w:type="pct"/>'
            '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
            + "".join(_row(row, shares, runs) for row in rows)
            + "</w:tbl><w:p/>")


def _shares(rows: list[list[_Cell]]) -> list[int]:
    """Each column's share of the width, in proportion to its longest text (bounded)."""
    columns = len(rows[0])
    lengths = [min(max([_NARROWEST, *(row[i].length for row in rows if i < len(row))]),
                   _WIDEST) for i in range(columns)]
    shares = [WHOLE * length // sum(lengths) for length in lengths]
    shares[-1] += WHOLE - sum(shares)
    return shares


def _row(cells: list[_Cell], shares: list[int], runs: Runs) -> str:
    header = bool(cells) and cells[0].header
    properties = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    return (f"<w:tr><w:trPr>{properties}</w:trPr>"
            + "".join(_cell(cell, share, runs) for cell, share in zip(cells, shares,
                                                                      strict=True))
            + "</w:tr>")


def _cell(cell: _Cell, share: int, runs: Runs) -> str:
    align = f'<w:pPr><w:jc w:val="{cell.align}"/></w:pPr>' if cell.align else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{share}" w:type="pct"/></w:tcPr>'
            f"<w:p>{align}{runs(cell.children, cell.header)}</w:p></w:tc>")
