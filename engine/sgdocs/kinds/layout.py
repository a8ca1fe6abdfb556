"""A kind's layout (`layout.yaml` in its folder): the one description of how its documents
read, from which both its Word template and its HTML template are made.

A layout is a list of blocks in reading order: sections with their headings (each written
once, here), text, paragraphs whose wording may follow the content, lists, tables, facts,
figures, quoted extracts, blocks repeated for each entry of a list, and the furniture every
document shares (cover, contents, document control, the statutory ending). Wording and
conditions are Jinja expressions over the document's fields, checked like any template's.
A section whose field is absent is left out, heading and all.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from sgdocs.errors import ContentError
from sgdocs.read.schema import Issue, Model, Text
from sgdocs.read.validation import validate
from sgdocs.read.yamlsource import read_yaml

FURNITURE = ("cover", "contents", "pdf_contents", "document_control", "statutory_ending")
Furniture = Literal["cover", "contents", "pdf_contents", "document_control",
                    "statutory_ending"]
"""cover: the title, partnership, version and status; contents: a contents table (in Word,
and in a PDF long enough to need one); pdf_contents: a contents table only in a PDF long
enough to need one, none in Word (for documents usually a page or two long);
document_control: the version, status, owner, approval and change history;
statutory_ending: the document's own sections, the partners' sign-off, how it meets Working
Together 2023, and document control."""


class Block(Model):
    when: Text | None = None
    """Shown only when this holds, e.g. `funding.contributions` or `cost.expenses`."""


class Heading(Block):
    heading: Text
    """The heading's words; may name fields, e.g. `Appendix {{ loop.index }}`."""
    anchor: Text | None = None
    """The name links to it use (its `id` on the web page, its bookmark in Word)."""
    page_break: bool = False
    """Start a new page with it (Word and PDF)."""


class Section(Block):
    section: Text = Field(pattern=r"^[a-z][a-z0-9_.]*$")
    """The field the section shows (its heading is linked to as this), e.g. `purpose`.
    Unless `when` says otherwise, the section is left out when the field is absent."""
    heading: Text
    """The section's heading, e.g. `1. Purpose`."""
    page_break: bool = False
    """Start a new page with it (Word and PDF)."""
    blocks: list[AnyBlock] = Field(min_length=1)
    """What the section holds, in order; sections inside it are its sub-sections."""

    def condition(self, fields: Collection[str]) -> str | None:
        """When the section is shown: its `when`, else while the field it shows (one of
        the kind's `fields`) is filled in."""
        if self.when is None and self.section.split(".")[0] in fields:
            return self.section
        return self.when


class RichText(Block):
    text: Text
    """A field of rich text (paragraphs, lists, links), e.g. `purpose`."""


class Paragraph(Block):
    paragraph: Text
    """A paragraph's words, naming fields where they follow the content, e.g.
    `These arrangements take effect from {{ effective_from }}.`"""
    style: Literal["lead", "caption", "attribution"] | None = None
    """lead: an opening paragraph; caption: under a figure or table; attribution: who is
    quoted."""


class BulletList(Block):
    list: Text
    """The field holding the list, e.g. `key_questions.items`."""
    each: Text = "item"
    """The name each entry goes by in `item`."""
    item: Text | None = None
    """Each entry's words; by default the entry itself."""
    numbered: bool = False
    """Numbered (1, 2, 3) rather than bulleted."""
    body: Text | None = None
    """A field of rich text shown under each entry's words, e.g. `priority.description`:
    the words are then the entry's title, in bold."""
    lead_in: Text | None = None
    """Words in bold at the start of each entry, e.g. `{{ method.name }}`; `item` follows."""
    link: Text | None = None
    """The field holding the web address each entry's words link to, e.g. `source.url`;
    an entry without one is plain words. Word prints the address in brackets after them."""
    style: Literal["notes"] | None = None
    """notes: small and unbulleted, as sources and footnotes are printed."""


class Points(Block):
    points: Text
    """A field with an optional `intro` and its `items`, shown as text and a bulleted list."""


class CellList(Model):
    list: Text
    """Entries shown one to a line in the cell, bulleted when there are several."""


class CellLink(Model):
    link: Text
    """The address the cell links to, e.g. `slot.registration`."""
    words: Text | None = None
    """The link's words, e.g. `resource.title`; by default the address itself."""
    otherwise: Text = ""
    """What the cell shows when there is no address, e.g. `–`."""


class Column(Model):
    header: Text | None = None
    """The column's heading."""
    cell: Text | CellList | CellLink
    """What each row shows in this column."""
    width: float = Field(gt=0, le=250)
    """Its width in Word, in millimetres (the page's text is 170 mm wide)."""
    align: Literal["text", "amount", "date", "status"] = "text"
    """amount: figures, right-aligned; date: kept on one line; status: a word or two,
    e.g. `In progress`, kept on one line."""
    row_heading: bool = False
    """Each row's heading (its name, say): read out with the row's other cells by screen
    readers, and bold."""


class SpannedCell(Model):
    cell: Text
    """What the cell shows, e.g. `{{ slot.label }}: no meeting`."""
    span: int = Field(ge=2, le=20)
    """How many columns it spans."""


class SpecialRow(Model):
    when: Text
    """The entries shown this way, e.g. `slot.status == "break"`."""
    cells: list[Text | SpannedCell] = Field(min_length=1)
    """What such an entry's row shows, left to right; a cell may span several columns
    (`{cell: ..., span: 2}`), as long as the row fills every column."""


class Table(Block):
    table: Text
    """The list the rows are made from, e.g. `timetable.entries`."""
    each: Text = "row"
    """The name each entry goes by in the columns' cells."""
    columns: list[Column] = Field(min_length=1)
    """The columns, left to right."""
    total: list[Text] = []
    """A last row, in bold, under the others (one entry per column)."""
    special_rows: list[SpecialRow] = []
    """Rows laid out differently for some entries (a month with no meeting, across the
    columns): an entry takes the first whose `when` holds, and the columns' cells if none
    does."""

    css_class: Text | None = Field(None, pattern=r"^[a-z][a-z0-9-]*$")
    """A name the web page and the PDF style the table by: `figures` (a table of counts,
    its row headings in plain type), or one the kind's own style.css gives, as in
    `table.objectives td:first-child { width: 6%; }`. Word keeps its house table style."""

    def issues(self) -> Iterator[Issue]:
        for number, special in enumerate(self.special_rows):
            filled = sum(1 if isinstance(cell, str) else cell.span for cell in special.cells)
            if filled != len(self.columns):
                yield Issue(("special_rows", number, "cells"), f"the row fills {filled} "
                            f"columns, but the table has {len(self.columns)}",
                            "give a cell for each column, or a `span` that makes up the "
                            "difference")


class Fact(Model):
    label: Text
    """What the row says, e.g. `Maximum annual fee`."""
    value: Text
    """Its value, e.g. `{{ days_and_cost.max_annual_fee }}`."""
    when: Text | None = None
    """The row is shown only when this holds."""


Width = Annotated[float, Field(gt=0, le=250)]


class Facts(Block):
    facts: list[Fact] = Field(min_length=1)
    """Rows of a label and its value."""
    header: tuple[Text, Text] | None = None
    """Headings over the labels and over the values, e.g. `[Figure, Number]`: the rows
    then read as a table of figures, each label a plain heading of its row."""
    align: Literal["text", "amount", "date", "status"] = "text"
    """How the values are set, as a table column's are, e.g. `amount`."""
    widths: tuple[Width, Width] = (50, 120)
    """The widths in Word of the labels and of the values, in millimetres (the page's text
    is 170 mm wide)."""


class Figure(Block):
    figure: Text
    """A chart the document describes, e.g. `reviews.figures.totals.chart`."""
    caption: Text
    """What it shows, and where its figures are given as a table."""


class Extract(Block):
    extract: Text
    """Paragraphs quoted from a source, each with its number, e.g. `appendix.paragraphs`."""
    each: Text = "paragraph"
    """The name each paragraph goes by in `number` and `text`."""
    number: Text
    """Each paragraph's number, e.g. `{{ paragraph.number }}.`"""
    text: Text
    """Each paragraph's words, e.g. `{{ paragraph.text }}`."""
    source: Text | None = None
    """Where they are quoted from, printed under them."""


class Quote(Block):
    quote: Text
    """A field of rich text in someone's own words, e.g. `scrutiny.evaluation`, set apart as
    a quotation; left out when the field is absent."""
    by: Text | None = None
    """The field naming who is quoted, printed under the quotation when it is filled in,
    e.g. `scrutiny.scrutineer`."""


class Repeat(Block):
    repeat: Text
    """A list, e.g. `appendices`: the blocks are shown once for each entry."""
    each: Text = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """The name each entry goes by in the blocks; `loop.index` counts them from 1."""
    blocks: list[AnyBlock] = Field(min_length=1)
    """What is shown for each entry."""


_KINDS: dict[str, type[Model]] = {
    "section": Section, "heading": Heading, "text": RichText, "paragraph": Paragraph,
    "list": BulletList, "points": Points, "table": Table, "facts": Facts, "figure": Figure,
    "extract": Extract, "repeat": Repeat,
    "quote": Quote,
}


def _block_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "furniture"
    if isinstance(value, dict):  # by its first key, as written (an extract has `text` too)
        first = next(iter(value), None)
        return first if first in _KINDS else None
    return None


AnyBlock = Annotated[
    Annotated[Furniture, Tag("furniture")]
    | Annotated[Section, Tag("section")] | Annotated[Heading, Tag("heading")]
    | Annotated[RichText, Tag("text")] | Annotated[Paragraph, Tag("paragraph")]
    | Annotated[BulletList, Tag("list")] | Annotated[Points, Tag("points")]
    | Annotated[Table, Tag("table")] | Annotated[Facts, Tag("facts")]
    | Annotated[Figure, Tag("figure")] | Annotated[Extract, Tag("extract")]
    | Annotated[Repeat, Tag("repeat")]
    | Annotated[Quote, Tag("quote")],
    Discriminator(_block_kind, custom_error_type="block", custom_error_message=(
        "a block is one of: " + ", ".join(FURNITURE) + ", or a group of keys starting "
        "with one of: " + ", ".join(_KINDS)))]


class Layout(Model):
    """How documents of a kind read, in Word and on the web page alike."""

    title: Text
    """What the Word template is called, e.g. `Role brief`."""
    blocks: list[AnyBlock] = Field(min_length=1)
    """The document from top to bottom."""


Section.model_rebuild()
Repeat.model_rebuild()
Layout.model_rebuild()


def read_layout(path: Path) -> Layout:
    """The layout in `path`; ContentError naming the file and line of every problem."""
    layout, findings = validate(Layout, read_yaml(path), what="layout")
    if layout is None or any(f.is_error for f in findings):
        raise ContentError(findings)
    return layout
