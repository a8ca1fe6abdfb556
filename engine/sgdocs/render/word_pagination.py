"""Where a filled-in Word document may break between pages, said the way Word and
LibreOffice read it: "keep with next" on a paragraph (in a table row, it keeps the row
with the next one).

Nothing is left alone at a page's foot or head: a short table stays whole and a long one
leaves no row by itself; a lead-in ("I declare that:") stays with what it leads into, a
short list whole; a short paragraph introducing a table stays with it; a chart stays with
its caption; document control comes with what precedes it; the last lines before an
appendix or the end stay together; the empty paragraph Word needs after a table never
makes a page of its own. Headings keep with what follows through their styles.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

SHORT_TABLE_ROWS = 8
"""A table of this many rows or fewer, each a line or two, is kept on one page."""
DOCUMENT_CONTROL = "Document control"
ENDING_PARAGRAPHS = 3
SHORT_LIST = 6
"""A list of this many items or fewer after a lead-in is kept on one page."""
TABLE_INTRODUCTION = 250
"""The most characters of a paragraph kept with the table it comes before."""


def keep_together(document: Any) -> None:
    body = document.element.body
    blocks = [block for block in body.iterchildren() if block.tag in (qn("w:p"), qn("w:tbl"))]
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.tag == qn("w:tbl"):
            _table(block)
        elif following is not None and _text(block).rstrip().endswith(":"):
            _keep(block)
            _keep_short_list(blocks[index + 1:])
        elif following is not None and (
                (_has_picture(block) and _style(following) == "Caption") or
                (following.tag == qn("w:tbl") and 0 < len(_text(block)) <= TABLE_INTRODUCTION)):
            _keep(block)
        if _text(block).strip() == DOCUMENT_CONTROL and _style(block).startswith("Heading"):
            _keep_what_precedes(blocks[:index])
    _keep_the_ends(blocks)
    for before, spacer, after in zip(blocks[:-1], blocks[1:], [*blocks[2:], None], strict=True):
        if before.tag == qn("w:tbl") and spacer.tag == qn("w:p") and not _text(spacer).strip() \
                and (after is None or _starts_a_page(after)):
            _hairline(spacer)


def _keep_the_ends(blocks: list[Any]) -> None:
    """The last lines before the document ends, or before a block that starts a new page
    (an appendix), stay together: never a line or two alone on a page of their own."""
    segment: list[Any] = []
    for block in [*blocks, None]:
        if block is None or _starts_a_page(block):
            _keep_the_end(segment)
            segment = []
        if block is not None:
            segment.append(block)


def _keep_the_end(blocks: list[Any]) -> None:
    """Its last three paragraphs kept together; or, where a table comes first, its last
    three rows, and those with the paragraphs after it."""
    kept = 0
    for block in reversed(blocks):
        if block.tag == qn("w:tbl"):
            rows = block.findall(qn("w:tr"))
            for row in rows[-3:-1] + (rows[-1:] if kept else []):
                for paragraph in row.iter(qn("w:p")):
                    _keep(paragraph)
            return
        if kept:
            _keep(block)  # an empty one between too, or the chain would break there
        if _text(block).strip():
            kept += 1
            if kept == ENDING_PARAGRAPHS:
                return


def _starts_a_page(block: Any) -> bool:
    flag = block.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}")
    return flag is not None and flag.get(qn("w:val"), "1") not in ("0", "false")


def _hairline(paragraph: Any) -> None:
    """The empty paragraph Word needs after a table, where it ends the document or a page
    comes next, made too small to be carried onto a page of its own."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is not None:
        paragraph.remove(properties)
    paragraph.insert(0, parse_xml(
        f'<w:pPr {nsdecls("w")}><w:spacing w:before="0" w:after="0" w:line="20" '
        'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr>'))


def _table(table: Any) -> None:
    """A short table of simple rows stays whole; a longer one keeps its first two rows (the
    header and one more) and its last two together."""
    rows = table.findall(qn("w:tr"))
    simple = all(len(cell.findall(qn("w:p"))) <= 2 for row in rows
                 for cell in row.findall(qn("w:tc")))
    if len(rows) <= SHORT_TABLE_ROWS and simple:
        kept = rows[:-1]
    else:
        kept = [*rows[:2], *rows[-2:-1]] if len(rows) > 3 else []
    for row in kept:
        for paragraph in row.iter(qn("w:p")):
            _keep(paragraph)


def _keep_short_list(blocks: list[Any]) -> None:
    """The list at the start of `blocks`, if it is short, kept on one page."""
    items = []
    for block in blocks:
        if block.tag != qn("w:p") or (block.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None \
                and not _style(block).startswith("List")):
            break
        items.append(block)
    if len(items) <= SHORT_LIST:
        for item in items[:-1]:
            _keep(item)


def _keep_what_precedes(blocks: list[Any]) -> None:
    """Keep the last block with real content (its last row, for a table) with the next."""
    for block in reversed(blocks):
        if block.tag == qn("w:tbl"):
            last = block.findall(qn("w:tr"))[-1]
            for paragraph in last.iter(qn("w:p")):
                _keep(paragraph)
            return
        _keep(block)
        if _text(block).strip():
            return


def _keep(paragraph: Any) -> None:
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = parse_xml(f"<w:pPr {nsdecls('w')}/>")
        paragraph.insert(0, properties)
    if properties.find(qn("w:keepNext")) is None:
        properties.insert(_position(properties), parse_xml(f"<w:keepNext {nsdecls('w')}/>"))


def _position(properties: Any) -> int:
    """Where keepNext goes among a paragraph's properties: after its style and frame
    settings, as the schema orders them."""
    before = {qn("w:pStyle")}
    return sum(1 for child in properties if child.tag in before)


def _text(block: Any) -> str:
    return "".join(t.text or "" for t in block.iter(qn("w:t")))


def _has_picture(paragraph: Any) -> bool:
    return next(paragraph.iter(qn("w:drawing")), None) is not None


def _style(paragraph: Any) -> str:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return str(style.get(qn("w:val"))) if style is not None else ""
