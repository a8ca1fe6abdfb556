"""A kind's layout as its Word template: an ordinary Word document in the house style, with
docxtpl's tags where the content goes, that a business manager can open and restyle.

Rich text must be placed differently from plain text in Word (a paragraph's worth with
`{{p }}`, a line's worth with `{{r }}`), so each field a layout names is looked up in the
shape of what templates see to know which it is; the layout itself never says.
"""

from __future__ import annotations

import re
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from jinja2 import Environment

from sgdocs.check.layouts import ALONE, in_a_line
from sgdocs.check.templates import expression_shape
from sgdocs.kinds.layout import NUMBERS, Heading, Layout, LayoutError, Repeat, Section, numbering
from sgdocs.kinds.layout_blocks import (
    BulletList,
    Extract,
    Figure,
    Paragraph,
    Picture,
    Points,
    Quote,
    RichText,
    Title,
)
from sgdocs.kinds.layout_tables import (
    Answer,
    CellLink,
    CellList,
    CellText,
    Facts,
    Form,
    Table,
)
from sgdocs.read.shapes import ANYTHING, Fields, Leaf, ListOf, Shape
from sgdocs.render.word_house import FIXED_TIME, new_document
from sgdocs.render.word_styles import layout_style
from sgdocs.render.word_wording import SEPARATOR, add_wording, expression, link_run, mark_cells
from sgdocs.render.word_writer import Writer
from sgdocs.write.files import docx_bytes

_STYLES = {None: None, "lead": None, "caption": "Caption", "attribution": "Caption",
           "headline": "Intense Quote"}
_PRINTED = re.compile(r"{{(.*?)}}", re.S)
_PLACED_AS_RUNS = {"inline", "chart", "rag", "picture"}
"""Values placed in Word as runs of their own (`{{r }}`): rich lines, charts, ratings,
pictures."""
_DRAFT = f'{{% if document_control.status == "draft" %}}{SEPARATOR}DRAFT{{% endif %}}'
Lines = list[tuple[str, str | None]]
"""A table cell's paragraphs: each one's text and style."""


def word_template(layout: Layout, context: Fields) -> bytes:
    """The Word template's bytes (the same layout always gives the same bytes); `context`
    is the shape of what templates see."""
    document = new_document(layout.title)
    for name, style in layout.styles.items():
        layout_style(document, name, style)
    writer = Writer(document)
    writer.illustrative()
    if layout.letterhead:
        writer.letterhead()
    if layout.numbered:
        writer.tag(f"{{%p set {NUMBERS} = namespace(section=0, sub=0) %}}")
    compiler = _Compiler(writer, context, layout.numbered)
    if layout.ordered:
        compiler.ordered(layout.blocks)
    else:
        compiler.blocks(layout.blocks, 1, {})
    return docx_bytes(document, FIXED_TIME)


class _Compiler:
    def __init__(self, writer: Writer, context: Fields, numbered: bool = False) -> None:
        self.w = writer
        self.context = context
        self.numbered = numbered
        self.env = Environment()

    def blocks(self, items: list[Any], level: int, scope: dict[str, Shape]) -> None:
        for block in items:
            self.block(block, level, scope)

    def ordered(self, items: list[Any]) -> None:
        """An ordered layout's blocks: its sections, with the document's own, in the
        document's order (`placed`), where the first of them stands."""
        sections = [block for block in items if isinstance(block, Section)]
        for block in items:
            if block is sections[0]:
                self.w.tag("{%p for place in placed %}")
                self.w.tag("{%p if place.own %}")
                self.w.own_section("place.own", "{{ place.name }}")
                for section in sections:
                    self.w.tag(f'{{%p elif place.name == "{section.section}" %}}')
                    self.block(section, 1, {})
                self.w.tag("{%p endif %}")
                self.w.tag("{%p endfor %}")
            elif not isinstance(block, Section):
                self.block(block, 1, {})

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
            counts, number = (numbering(level) if self.numbered and block.numbered
                              else ([], ""))
            for statement in counts:  # each in a paragraph that vanishes
                w.tag(f"{{%p {statement} %}}")
            w.heading(number + self.text(block.heading, scope), level, block.page_break,
                      anchor=block.section.replace(".", "_"))
            self.blocks(block.blocks, level + 1, scope)
        elif isinstance(block, Heading):
            w.heading(self.text(block.heading, scope), level, block.page_break,
                      anchor=block.anchor or "")
        elif isinstance(block, RichText):
            self.rich(block.text)
        elif isinstance(block, Paragraph):
            self.line(block.word or block.paragraph, scope, _STYLES.get(block.style,
                                                                         block.style))
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
            mark_cells(w.table(list(block.header) if block.header else None, rows,
                               list(block.widths), first_column=not block.header))
        elif isinstance(block, Figure):
            chart = w.para(f"{{{{r {block.figure} }}}}")
            chart.paragraph_format.keep_with_next = True  # on the page of its caption
            self.line(block.caption, scope, "Caption")
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
            w.para(f"{{{{p {block.quote} | quoted }}}}")
            if block.by:
                w.tag(f"{{%p if {block.by} %}}")
                w.para(self.text(f"{{{{ {block.by} }}}}", scope), "Caption")
                w.tag("{%p endif %}")
            w.tag("{%p endif %}")
        elif isinstance(block, Repeat):
            inner = self.each(block.each, block.repeat, scope)
            w.tag(f"{{%p for {block.each} in {block.repeat} %}}")
            if block.heading:  # each entry a section of its own
                w.heading(self.text(block.heading, inner), level, anchor=block.anchor or "")
            self.blocks(block.blocks, level + 1 if block.heading else level, inner)
            w.tag("{%p endfor %}")
        elif isinstance(block, Title):
            self.line(block.title, scope, "Title")
            if block.subtitle:
                self.line(block.subtitle + _DRAFT, scope, "Subtitle")
        elif isinstance(block, Picture):
            w.tag(f"{{%p if {block.picture} %}}")
            w.para(f"{{{{r {block.picture}.picture }}}}")
            w.tag(f"{{%p if {block.picture}.caption %}}")
            w.para(self.text(f"{{{{ {block.picture}.caption }}}}", scope), "Caption")
            w.tag("{%p endif %}")
            w.tag("{%p endif %}")
        elif isinstance(block, Form):
            labels = [self.text(row.label, scope) for row in block.rows()]
            w.form(labels, tuple(label for label, row in zip(labels, block.rows(), strict=True)
                                 if row.date))
        elif isinstance(block, Answer):
            guided = bool(block.note or block.guidance)
            made = w.table([self.text(block.answer, scope)], [[""]] * (1 + guided), [170])
            mark_cells(made)
            if guided:
                w.cell_paragraphs(made, 1, 0, self.titled(block.note, block.guidance, scope))
            w.field(made.cell(1 + guided, 0).paragraphs[0], self.text(block.name, scope),
                    "Type your answer here.")

    def rich(self, field: str) -> None:
        """A field of rich text as paragraphs of their own, left out when it is absent."""
        self.w.tag(f"{{%p if {field} %}}")
        self.w.para(f"{{{{p {field} }}}}")
        self.w.tag("{%p endif %}")

    def line(self, wording: str, scope: dict[str, Shape], style: str | None = None) -> Any:
        """A paragraph of wording, its marks as runs (`word_wording`), in `style`."""
        try:
            paragraph = self.w.para(style=style)
        except KeyError:
            raise LayoutError(f"there is no Word style `{style}`") from None
        add_wording(paragraph, self.text(wording, scope))
        return paragraph

    def table(self, table: Table, scope: dict[str, Shape]) -> None:
        inner = self.each(table.each, table.table, scope)
        columns = table.columns
        blank = [""] * (len(columns) - 1)
        rows = [[f"{{%tr for {table.each} in {table.table} %}}", *blank]]
        if table.match:
            rows.append([f"{{%tr set {table.match.assignment()} %}}", *blank])
            inner = self.each(table.match.name, table.match.list, inner)
        cells = [self.link(c.cell, inner) if isinstance(c.cell, CellLink)
                 else self.text(c.cell, inner) if isinstance(c.cell, str)
                 and self.paragraphs(c.cell, inner) is None else "" for c in columns]
        special, spans = self.special_rows(table, inner)
        header = [c.header or "" for c in columns] if any(c.header for c in columns) else None
        first = len(rows) + len(special) + (1 if header else 0)  # the columns' own row
        rows += [*special, cells, *([["{%tr endif %}", *blank]] if special else []),
                 ["{%tr endfor %}", *blank]]
        if table.total:
            total, *rest = (self.text(value, scope) for value in table.total)
            rows.append([total, *[""] * (table.total_span() - 1), *rest])
        made = self.w.table(header, rows, [c.width for c in columns], total=bool(table.total),
                            first_column=columns[0].row_heading)
        mark_cells(made)
        for row, at, span in spans:  # counted from the loop's first row
            self.w.span(made, row + bool(table.match) + (1 if header else 0), at, span)
        if table.total and table.total_span() > 1:
            self.w.span(made, len(made.rows) - 1, 0, table.total_span())
        for index, column in enumerate(columns):
            if column.align == "amount":  # figures line up on their last digit
                for row in made.rows:
                    for paragraph in row.cells[index].paragraphs:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for index, column in enumerate(columns):
            cell = column.cell
            if column.row_heading:
                for run in made.cell(first, index).paragraphs[0].runs:
                    run.bold = True
            if isinstance(cell, str) and (lines := self.paragraphs(cell, inner)):
                self.w.cell_paragraphs(made, first, index, lines)
            elif isinstance(cell, CellText):
                self.w.cell_paragraphs(made, first, index, self.titled(
                    cell.title, cell.text, inner, cell.when, cell.otherwise))
                for run in made.cell(first, index).paragraphs[0].runs if cell.title else []:
                    run.bold = True
            elif isinstance(cell, CellList):
                entry = self.text("{{ entry }}", self.each("entry", cell.list, inner))
                single = self.text(f"{{{{ {cell.list}[0] }}}}", inner)
                self.w.cell_paragraphs(made, first, index, [
                    (f"{{%p if {cell.list} | length == 1 %}}", None), (single, None),
                    ("{%p else %}", None), (f"{{%p for entry in {cell.list} %}}", None),
                    (entry, "List Bullet"), ("{%p endfor %}", None), ("{%p endif %}", None)])

    def titled(self, title: str | None, field: str | None, scope: dict[str, Shape],
               when: str | None = None, otherwise: str = "") -> Lines:
        """A cell's words (`title`) over a field of rich text, the field shown while `when`
        holds (by default, while it is filled in) and `otherwise` in its place."""
        lines: Lines = [(self.text(title, scope), None)] if title else []
        if field:
            shape = expression_shape(self.env, self.context, field, scope)
            shown = (f"{{{{p {field} }}}}" if isinstance(shape, Leaf) and shape.kind == "block"
                     else self.text(f"{{{{ {field} }}}}", scope))
            lines += [(f"{{%p if {when or field} %}}", None), (shown, None)]
            if otherwise or not title:  # a cell needs a paragraph
                lines += [("{%p else %}", None), (self.text(otherwise, scope), None)]
            lines.append(("{%p endif %}", None))
        return lines

    def entry(self, block: BulletList, scope: dict[str, Shape]) -> None:
        """An entry of a list: its bold lead-in, then its words, linked where it has an
        address."""
        words = self.text(block.item or f"{{{{ {block.each} }}}}", scope)
        if block.link:
            words = (f"{{% if {block.link} %}}{link_run(block.link, expression(words))}"
                     f"{{% else %}}{words}{{% endif %}}")
        style = ("Caption" if block.style == "notes" else
                 "List Number" if block.numbered else "List Bullet")
        paragraph = self.w.para("", style)
        if block.lead_in:
            add_wording(paragraph, self.text(block.lead_in, scope), bold=True)
        add_wording(paragraph, words, bold=bool(block.body) or None)
        if block.body:  # the entry's words are its title, its body under it
            self.rich(block.body)

    def paragraphs(self, cell: str, scope: dict[str, Shape]) -> Lines | None:
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
        return self.titled(None, field, scope, otherwise=instead[1:-1] if instead else "")

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
        return (f"{{% if {cell.link} %}}{link_run(cell.link, words)}{{% else %}}"
                f"{self.text(cell.otherwise, scope)}{{% endif %}}")
