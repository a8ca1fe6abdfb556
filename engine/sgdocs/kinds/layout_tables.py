"""A layout's tables: rows made from a list, with columns of words, lists, links or rich text;
facts (rows of a label and its value); and forms the reader fills in and returns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from sgdocs.kinds.layout_blocks import Block
from sgdocs.read.schema import Issue, Model, Text

Align = Literal["text", "amount", "date", "status"]
Width = Annotated[float, Field(gt=0, le=250)]
"""A column's width in Word, in millimetres (the page's text is 170 mm wide)."""


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


class CellText(Model):
    text: Text
    """A field of rich text (paragraphs, lists, links) shown in the cell, e.g.
    `item.response`."""
    title: Text | None = None
    """A line in bold above it, e.g. `{{ criterion.name }}`."""
    when: Text | None = None
    """Shown only when this holds; by default, when the field is filled in."""
    otherwise: Text = ""
    """The words in the cell when it is not shown, e.g. `No response yet`."""


def _cell_kind(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "words"
    return next((key for key in ("text", "link", "list") if key in value), None)


AnyCell = Annotated[
    Annotated[Text, Tag("words")] | Annotated[CellList, Tag("list")]
    | Annotated[CellLink, Tag("link")] | Annotated[CellText, Tag("text")],
    Discriminator(_cell_kind, custom_error_type="cell", custom_error_message=(
        "a cell is words, or a group of keys with `text`, `link` or `list`"))]


class Column(Model):
    header: Text | None = None
    """The column's heading."""
    cell: AnyCell
    """What each row shows in this column."""
    width: Width
    """Its width in Word, in millimetres (the page's text is 170 mm wide)."""
    align: Align = "text"
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


class Match(Model):
    list: Text
    """The list to look in, e.g. `progress`."""
    where: Text = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """The field of its entries that must match, e.g. `recommendation`."""
    equals: Text
    """What that field must equal for the row, e.g. `earlier.id`."""
    name: Text = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """The name the matching entry goes by in the row's cells, e.g. `found`; when no entry
    matches, it is empty, so a cell can say so: `{% if found %}…{% else %}–{% endif %}`."""

    def assignment(self) -> str:
        """The Jinja (for `{% set %}`) giving the name the matching entry, or none."""
        return (f'{self.name} = {self.list} | selectattr("{self.where}", "equalto", '
                f"{self.equals}) | first | default(none)")


class Table(Block):
    table: Text
    """The list the rows are made from, e.g. `timetable.entries`."""
    each: Text = "row"
    """The name each entry goes by in the columns' cells."""
    columns: list[Column] = Field(min_length=1)
    """The columns, left to right."""
    total: list[Text] = []
    """A last row, in bold, under the others (one entry per column). With fewer entries than
    columns, the others fill the last columns and the first (`Total`) spans the rest."""
    special_rows: list[SpecialRow] = []
    """Rows laid out differently for some entries (a month with no meeting, across the
    columns): an entry takes the first whose `when` holds, and the columns' cells if none
    does."""
    match: Match | None = None
    """For each row, the entry of another list that goes with it (this year's progress on
    each of last year's recommendations)."""
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
        if len(self.total) > len(self.columns):
            yield Issue(("total",), f"the total row has {len(self.total)} entries for "
                        f"{len(self.columns)} columns", "give it one entry per column at most")

    def total_span(self) -> int:
        """How many columns the total row's first entry spans."""
        return len(self.columns) - len(self.total) + 1


class Fact(Model):
    label: Text
    """What the row says, e.g. `Maximum annual fee`."""
    value: Text
    """Its value, e.g. `{{ days_and_cost.max_annual_fee }}`."""
    when: Text | None = None
    """The row is shown only when this holds."""


class Facts(Block):
    facts: list[Fact] = Field(min_length=1)
    """Rows of a label and its value."""
    header: tuple[Text, Text] | None = None
    """Headings over the labels and over the values, e.g. `[Figure, Number]`: the rows
    then read as a table of figures, each label a plain heading of its row."""
    align: Align = "text"
    """How the values are set, as a table column's are, e.g. `amount`."""
    widths: tuple[Width, Width] = (50, 120)
    """The widths in Word of the labels and of the values, in millimetres (the page's text
    is 170 mm wide)."""


class FormRow(Model):
    label: Text
    """What the reader fills in, e.g. `Days a year (at most {{ days_and_cost.days_per_year }})`.
    In Word the field is named by the label's words before any bracket."""
    date: bool = False
    """A date: in Word it is picked from a calendar."""


class Form(Block):
    form: list[Text | FormRow] = Field(min_length=1)
    """Rows of a label and a space to fill in, for a form the reader returns: in Word a
    field to type in (click on "Type here."), in print a box to write in. A row is its
    label, or a label with `date: true`."""

    def rows(self) -> list[FormRow]:
        return [row if isinstance(row, FormRow) else FormRow(label=row) for row in self.form]


class Answer(Block):
    answer: Text
    """The question heading a large box for the reader's answer, e.g.
    `Question {{ loop.index }}: {{ question.question }}`. In Word the box is a field to
    type in."""
    note: Text | None = None
    """A line of guidance under the question, e.g. `Up to {{ question.word_limit }} words.`"""
    guidance: Text | None = None
    """A field of rich text under that line, e.g. `question.guidance` (left out when
    absent)."""
    name: Text = "Answer"
    """What the field is called in Word, e.g. `Answer {{ loop.index }}`."""
