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

from sgdocs.check.templates import expression_shape
from sgdocs.kinds.layout import (
    BulletList,
    CellList,
    Extract,
    Facts,
    Figure,
    Heading,
    Layout,
    Paragraph,
    Points,
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
_ALONE = re.compile(r"""\s*{{\s*([A-Za-z_][\w.]*)\s*(?:or\s*("[^"]*"|'[^']*')\s*)?}}\s*""")
"""A cell that is one field, perhaps with words to show instead when it is empty."""
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
        when = block.when
        if (isinstance(block, Section) and when is None
                and block.section.split(".")[0] in self.context.names):
            when = block.section
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
            w.table(None, rows, [50, 120], first_column=True)
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
        elif isinstance(block, Repeat):
            inner = self.each(block.each, block.repeat, scope)
            w.tag(f"{{%p for {block.each} in {block.repeat} %}}")
            self.blocks(block.blocks, level, inner)
            w.tag("{%p endfor %}")

    def table(self, table: Table, scope: dict[str, Shape]) -> None:
        inner = self.each(table.each, table.table, scope)
        columns = table.columns
        blank = [""] * (len(columns) - 1)
        cells = [self.text(c.cell, inner) if isinstance(c.cell, str)
                 and self.paragraphs(c.cell, inner) is None else "" for c in columns]
        rows = [[f"{{%tr for {table.each} in {table.table} %}}", *blank], cells,
                ["{%tr endfor %}", *blank]]
        if table.total:
            rows.append([self.text(value, scope) for value in table.total])
        header = [c.header or "" for c in columns] if any(c.header for c in columns) else None
        made = self.w.table(header, rows, [c.width for c in columns], total=bool(table.total))
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
                self.w.cell_paragraphs(made, 2 if header else 1, index, [
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
        paragraph.add_run(self.text(item, scope))

    def paragraphs(self, cell: str, scope: dict[str, Shape]
                   ) -> list[tuple[str, str | None]] | None:
        """A table cell showing a field of paragraphs, alone or with words in its place
        when it is empty (`{{ answer.evidence or "–" }}`), as the paragraphs Word needs;
        None for a cell of words."""
        alone = _ALONE.fullmatch(cell)
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
                raise LayoutError(f"`{expression}` holds paragraphs; show it with `text:`, "
                                  "or alone in a table cell, not inside a line of words")
            if isinstance(shape, Leaf) and shape.kind in _PLACED_AS_RUNS:
                alone = _ALONE.fullmatch(match.group(0))
                if alone and alone.group(2):  # words instead, in a run of their own
                    field, instead = alone.groups()
                    return (f"{{% if {field} %}}{{{{r {field} }}}}{{% else %}}{instead[1:-1]}"
                            "{% endif %}")
                return f"{{{{r {expression} }}}}"
            return match.group(0)

        return _PRINTED.sub(placed, template)
