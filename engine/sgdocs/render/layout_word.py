"""A kind's layout as its Word template: an ordinary Word document in the house style, with
docxtpl's tags where the content goes, that a business manager can open and restyle.

Rich text must be placed differently from plain text in Word (a paragraph's worth with
`{{p }}`, a line's worth with `{{r }}`), so each field a layout names is looked up in the
shape of what templates see to know which it is; the layout itself never says.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment

from sgdocs.check.layouts import ALONE, in_a_line
from sgdocs.check.templates import expression_shape
from sgdocs.kinds.layout import (
    BulletList,
    CellLink,
    CellList,
    Extract,
    Facts,
    Figure,
    Heading,
    Layout,
    Paragraph,
    Points,
    Quote,
    Repeat,
    RichText,
    Section,
    Table,
)
from sgdocs.read.shapes import ANYTHING, Fields, Leaf, ListOf, Shape
from sgdocs.render.word_house import FIXED_TIME, new_document
from sgdocs.render.word_writer import Writer
from sgdocs.write.files import docx_bytes

_STYLES = {None: None, "lead": None, "caption": "Caption", "attribution": "Caption"}
_PRINTED = re.compile(r"{{(.*?)}}", re.S)
_PLACED_AS_RUNS = {"inline", "chart", "rag"}
"""Values placed in Word as runs of their own (`{{r }}`): rich lines, charts, ratings."""


class LayoutError(ValueError):
    """A layout asks for something Word cannot show where it is."""


def word_template(layout: Layout, context: Fields) -> bytes:
    """The Word template's bytes (the same layout always gives the same bytes); `context`
    is the shape of what templates see."""
    document = new_document(layout.title)
    _Compiler(Writer(document), context).blocks(layout.blocks, 1, {})
    return docx_bytes(document, FIXED_TIME)


class _Compiler:
    def __init__(self, writer: Writer, context: Fields) -> None:
        self.w = writer
        self.context = context
        self.env = Environment()

    def blocks(self, items: list[Any], level: int, scope: dict[str, Shape]) -> None:
        for block in items:
            self.block(block, level, scope)

    def block(self, block: Any, level: int, scope: dict[str, Shape]) -> None:
        if isinstance(block, str):
            getattr(self.w, block)()
            return
        when = block.condition(self.context.names) if isinstance(block, Section) else block.when
        if when:
            self.w.tag(f"{{%p if {when} %}}")
        self.shown(block, level, scope)
        if when:
            self.w.tag("{%p endif %}")

    def shown(self, block: Any, level: int, scope: dict[str, Shape]) -> None:
        w = self.w
        if isinstance(block, Section):
            w.heading(self.text(block.heading, scope), level, block.page_break,
                      anchor=block.section.replace(".", "_"))
            self.blocks(block.blocks, level + 1, scope)
        elif isinstance(block, Heading):
            w.heading(self.text(block.heading, scope), level, block.page_break,
                      anchor=block.anchor or "")
        elif isinstance(block, RichText):
            w.tag(f"{{%p if {block.text} %}}")
            w.para(f"{{{{p {block.text} }}}}")
            w.tag("{%p endif %}")
        elif isinstance(block, Paragraph):
            w.para(self.text(block.paragraph, scope), _STYLES[block.style])
        elif isinstance(block, BulletList):
            inner = self.each(block.each, block.list, scope)
            w.tag(f"{{%p for {block.each} in {block.list} %}}")
            self.entry(block, inner)
            w.tag("{%p endfor %}")
        elif isinstance(block, Points):
            w.points(block.points)
        elif isinstance(block, Table):
            self.table(block, scope)
        elif isinstance(block, Facts):
            rows: list[list[str]] = []
            for fact in block.facts:
                row = [self.text(fact.label, scope), self.text(fact.value, scope)]
                rows += ([[f"{{%tr if {fact.when} %}}", ""], row, ["{%tr endif %}", ""]]
                         if fact.when else [row])
            w.table(list(block.header) if block.header else None, rows, list(block.widths),
                    first_column=not block.header)
        elif isinstance(block, Figure):
            w.para(f"{{{{r {block.figure} }}}}")
            w.para(self.text(block.caption, scope), "Caption")
        elif isinstance(block, Extract):
            inner = self.each(block.each, block.extract, scope)
            w.tag(f"{{%p for {block.each} in {block.extract} %}}")
            quoted = w.para(self.text(block.number, inner) + "\t", "Extract")
            quoted.add_run(self.text(block.text, inner))
            w.tag("{%p endfor %}")
            if block.source:
                w.tag(f"{{%p if {block.source} %}}")
                w.para(f"Source: {{{{ {block.source} }}}}", "Caption")
                w.tag("{%p endif %}")
        elif isinstance(block, Quote):
            w.tag(f"{{%p if {block.quote} %}}")
            w.para(f"{{{{p {block.quote} }}}}")
            if block.by:
                w.tag(f"{{%p if {block.by} %}}")
                w.para(self.text(f"{{{{ {block.by} }}}}", scope), "Caption")
                w.tag("{%p endif %}")
            w.tag("{%p endif %}")
        elif isinstance(block, Repeat):
            inner = self.each(block.each, block.repeat, scope)
            w.tag(f"{{%p for {block.each} in {block.repeat} %}}")
            self.blocks(block.blocks, level, inner)
            w.tag("{%p endfor %}")

    def table(self, table: Table, scope: dict[str, Shape]) -> None:
        inner = self.each(table.each, table.table, scope)
        columns = table.columns
        blank = [""] * (len(columns) - 1)
        cells = [self.link(c.cell, inner) if isinstance(c.cell, CellLink)
                 else self.text(c.cell, inner) if isinstance(c.cell, str)
                 and self.paragraphs(c.cell, inner) is None else "" for c in columns]
        special, spans = self.special_rows(table, inner)
        rows = [[f"{{%tr for {table.each} in {table.table} %}}", *blank], *special, cells,
                *([["{%tr endif %}", *blank]] if special else []), ["{%tr endfor %}", *blank]]
        if table.total:
            rows.append([self.text(value, scope) for value in table.total])
        header = [c.header or "" for c in columns] if any(c.header for c in columns) else None
        made = self.w.table(header, rows, [c.width for c in columns], total=bool(table.total))
        for row, first, span in spans:
            self.w.span(made, row + (1 if header else 0), first, span)
        for index, column in enumerate(columns):
            if column.row_heading:
                for run in made.cell(2 if header else 1, index).paragraphs[0].runs:
                    run.bold = True
            if isinstance(column.cell, str) and (lines := self.paragraphs(column.cell, inner)):
                self.w.cell_paragraphs(made, 2 if header else 1, index, lines)
            if isinstance(column.cell, CellList):
                listed = column.cell.list
                entry = self.text("{{ entry }}", self.each("entry", listed, inner))
                single = self.text(f"{{{{ {listed}[0] }}}}", inner)
                self.w.cell_paragraphs(made, len(special) + (2 if header else 1), index, [
                    (f"{{%p if {listed} | length == 1 %}}", None), (single, None),
                    ("{%p else %}", None), (f"{{%p for entry in {listed} %}}", None),
                    (entry, "List Bullet"), ("{%p endfor %}", None), ("{%p endif %}", None)])

    def entry(self, block: BulletList, scope: dict[str, Shape]) -> None:
        """An entry of a list: its bold lead-in, its words, and any address they link to,
        printed after them in brackets."""
        item = block.item or f"{{{{ {block.each} }}}}"
        if block.link:
            item += f"{{% if {block.link} %}} ({{{{ {block.link} }}}}){{% endif %}}"
        style = ("Caption" if block.style == "notes" else
                 "List Number" if block.numbered else "List Bullet")
        paragraph = self.w.para("", style)
        if block.lead_in:
            paragraph.add_run(self.text(block.lead_in, scope)).bold = True
        paragraph.add_run(self.text(item, scope)).bold = bool(block.body) or None
        if block.body:  # the entry's words are its title, its body under it
            self.w.tag(f"{{%p if {block.body} %}}")
            self.w.para(f"{{{{p {block.body} }}}}")
            self.w.tag("{%p endif %}")

    def paragraphs(self, cell: str, scope: dict[str, Shape]
                   ) -> list[tuple[str, str | None]] | None:
        """A table cell showing a field of paragraphs, alone or with words in its place
        when it is empty (`{{ answer.evidence or "–" }}`), as the paragraphs Word needs;
        None for a cell of words."""
        alone = ALONE.fullmatch(cell)
        if alone is None:
            return None
        field, instead = alone.groups()
        shape = expression_shape(self.env, self.context, field, scope)
        if not (isinstance(shape, Leaf) and shape.kind == "block"):
            return None
        lines = [f"{{%p if {field} %}}", f"{{{{p {field} }}}}"]
        if instead:
            lines += ["{%p else %}", instead[1:-1]]
        return [(line, None) for line in [*lines, "{%p endif %}"]]

    def each(self, name: str, listed: str, scope: dict[str, Shape]) -> dict[str, Shape]:
        """`scope` with `name` standing for each entry of the list `listed`."""
        shape = expression_shape(self.env, self.context, listed, scope)
        return {**scope, name: shape.item if isinstance(shape, ListOf) else ANYTHING,
                "loop": ANYTHING}

    def text(self, template: str, scope: dict[str, Shape]) -> str:
        """Words for a run of Word text: rich values printed as runs of their own."""
        def placed(match: re.Match[str]) -> str:
            expression = match.group(1).strip()
            shape = expression_shape(self.env, self.context, expression, scope)
            if isinstance(shape, Leaf) and shape.kind == "block":
                raise LayoutError(in_a_line(expression))
            if isinstance(shape, Leaf) and shape.kind in _PLACED_AS_RUNS:
                alone = ALONE.fullmatch(match.group(0))
                if alone and alone.group(2):  # words instead, in a run of their own
                    field, instead = alone.groups()
                    return (f"{{% if {field} %}}{{{{r {field} }}}}{{% else %}}{instead[1:-1]}"
                            "{% endif %}")
                return f"{{{{r {expression} }}}}"
            return match.group(0)

        return _PRINTED.sub(placed, template)

    def special_rows(self, table: Table, scope: dict[str, Shape]
                     ) -> tuple[list[list[str]], list[tuple[int, int, int]]]:
        """The rows of the entries laid out differently, each under its {%tr if %} (the
        columns' own row follows a {%tr else %}), and where cells span columns: the row
        (counted from the loop's first), column and span of each."""
        rows: list[list[str]] = []
        spans: list[tuple[int, int, int]] = []
        blank = [""] * (len(table.columns) - 1)
        for number, special in enumerate(table.special_rows):
            rows.append([f"{{%tr {'elif' if number else 'if'} {special.when} %}}", *blank])
            texts: list[str] = []
            for cell in special.cells:
                text, span = (cell, 1) if isinstance(cell, str) else (cell.cell, cell.span)
                if span > 1:
                    spans.append((len(rows) + 1, len(texts), span))
                texts += [self.text(text, scope)] + [""] * (span - 1)
            rows.append(texts)
        if rows:
            rows.append(["{%tr else %}", *blank])
        return rows, spans

    def link(self, cell: CellLink, scope: dict[str, Shape]) -> str:
        """A cell linking to an address, placed as a run of its own ({{r link() }})."""
        words = cell.words or cell.link
        shape = expression_shape(self.env, self.context, words, scope)
        if not isinstance(shape, Leaf) or shape.kind:
            raise LayoutError(f"`{words}` is not plain text, so it cannot be a link's words")
        return (f"{{% if {cell.link} %}}{{{{r link({cell.link}, {words}) }}}}{{% else %}}"
                f"{self.text(cell.otherwise, scope)}{{% endif %}}")
