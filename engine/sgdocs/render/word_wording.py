"""A layout's wording (`sgdocs.kinds.wording`) as the runs of a Word paragraph: bold runs,
links that are real links (the templates' `link()`, placed as runs of their own), the
separator between details, and a tab after a label. Each rich value (`{{r }}`) stands in a
run of its own, so that the words after it keep their bold."""

from __future__ import annotations

import json
import re
from typing import Any

from sgdocs.kinds.layout import LayoutError
from sgdocs.kinds.wording import Piece, pieces

SEPARATOR = "  \u00b7  "
_RICH = re.compile(r"({{r .*?}})", re.S)
_PRINTED = re.compile(r"{{(.*?)}}", re.S)


def add_wording(paragraph: Any, wording: str, bold: bool | None = None) -> None:
    """Runs for `wording` added to `paragraph`, all of them bold with `bold`."""
    for piece in pieces(wording):
        if piece.kind == "link":
            paragraph.add_run(_link(piece, piece.bold or bool(bold)))
            continue
        text = {"words": piece.words, "separator": SEPARATOR, "tab": "\t"}[piece.kind]
        for part in _RICH.split(text):
            if part:
                paragraph.add_run(part).bold = True if piece.bold else bold


def mark_cells(table: Any) -> None:
    """The wording in a table's cells, written as plain text, made runs as `add_wording`
    makes them, keeping each cell's bold."""
    for row in table.rows:
        for cell in row.cells:
            paragraph = cell.paragraphs[0]
            if len(paragraph.runs) != 1 or not marked(paragraph.runs[0].text):
                continue
            old = paragraph.runs[0]
            paragraph._p.remove(old._r)
            add_wording(paragraph, old.text, old.bold)


def marked(wording: str) -> bool:
    """Whether the wording has marks, or rich values words follow (and so needs runs)."""
    found = pieces(wording)
    return (len(found) > 1 or found[0].kind != "words" or found[0].bold) and bool(wording)


def link_run(address: str, words: str, bold: bool = False) -> str:
    """A run linking to the address the expression `address` gives, its words what the
    expression `words` gives."""
    return f"{{{{r link({address}, {words}{', bold=true' if bold else ''}) }}}}"


def _link(piece: Piece, bold: bool) -> str:
    return link_run(expression(piece.address), expression(piece.words), bold)


def expression(wording: str) -> str:
    """Wording naming fields as one Jinja expression: `mailto:{{ contact.email }}` is
    `"mailto:" ~ (contact.email)`."""
    if "{%" in wording or "{{r " in wording:
        raise LayoutError(f"`{wording}`: a link's words and address may name plain fields "
                          "({{ field }}), but not hold conditions or rich text")
    terms = [f"({part.strip()})" if index % 2 else json.dumps(part, ensure_ascii=False)
             for index, part in enumerate(_PRINTED.split(wording)) if part]
    return " ~ ".join(terms) or '""'
