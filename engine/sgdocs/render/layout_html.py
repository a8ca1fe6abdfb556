"""A kind's layout as its HTML template: Jinja over `_base.html`, with the pieces every
document shares from `_macros.html`. The web page and the PDF are both made from it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sgdocs.kinds.layout import (
    BulletList,
    CellLink,
    CellList,
    Column,
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
    SpecialRow,
    Table,
)

_FURNITURE = {
    "cover": "{{ shared.cover(title, partnership, document_control) }}",
    "contents": "{{ shared.contents(toc) }}",
    "pdf_contents": "{{ shared.contents(toc) }}",
    "document_control": "{{ shared.document_control(document_control) }}",
    "statutory_ending": "{{ shared.statutory_ending(sections, sign_off, requirements, "
                        "document_control) }}",
}
_CELL_CLASS = {"text": "", "amount": ' class="amount"', "date": ' class="nowrap"',
               "status": ' class="nowrap"'}
_HEADER_CLASS = {"amount": ' class="amount"'}
_INDENT = "  "


def html_template(layout: Layout, fields: set[str], style: str = "") -> str:
    """The template's text; `fields` are the kind's top-level fields, so that a section
    showing one is left out when it is absent; `style` is the kind's own CSS, after the
    house style."""
    lines = ['{% extends "_base.html" %}', '{% import "_macros.html" as shared %}']
    if style.strip():
        lines += ["{% block style %}{{ super() }}", "<style>", style.strip(), "</style>",
                  "{% endblock %}"]
    lines.append("{% block content %}")
    lines += _blocks(layout.blocks, 1, fields)
    lines.append("{% endblock %}")
    return "\n".join(lines) + "\n"


def _blocks(items: list[Any], level: int, fields: set[str]) -> list[str]:
    return [line for block in items for line in _block(block, level, fields)]


def _block(block: Any, level: int, fields: set[str]) -> list[str]:
    if isinstance(block, str):
        return [_FURNITURE[block]]
    lines = list(_shown(block, level, fields))
    when = block.condition(fields) if isinstance(block, Section) else block.when
    if when:
        return [f"{{% if {when} %}}", *lines, "{% endif %}"]
    return lines


def _shown(block: Any, level: int, fields: set[str]) -> Iterator[str]:
    tag = f"h{level + 1}"
    if isinstance(block, Section):
        anchor = block.section.replace(".", "_")
        classes = ' class="new-page"' if block.page_break else ""
        yield f'<section aria-labelledby="{anchor}"{classes}>'
        yield f'{_INDENT}<{tag} id="{anchor}">{block.heading}</{tag}>'
        yield from (_INDENT + line for line in _blocks(block.blocks, level + 1, fields))
        yield "</section>"
    elif isinstance(block, Heading):
        anchor = f' id="{block.anchor}"' if block.anchor else ""
        classes = ' class="new-page"' if block.page_break else ""
        yield f"<{tag}{anchor}{classes}>{block.heading}</{tag}>"
    elif isinstance(block, RichText):
        yield f"{{% if {block.text} %}}{{{{ {block.text} }}}}{{% endif %}}"
    elif isinstance(block, Paragraph):
        classes = f' class="{block.style}"' if block.style else ""
        yield f"<p{classes}>{block.paragraph}</p>"
    elif isinstance(block, BulletList):
        tag = "ol" if block.numbered else "ul"
        classes = f' class="{block.style}"' if block.style else ""
        yield (f"<{tag}{classes}>{{% for {block.each} in {block.list} %}}<li>{_entry(block)}"
               f"</li>{{% endfor %}}</{tag}>")
    elif isinstance(block, Points):
        yield f"{{{{ shared.points({block.points}) }}}}"
    elif isinstance(block, Table):
        yield from _table(block)
    elif isinstance(block, Facts):
        yield f'<table class="{"figures" if block.header else "facts"}">'
        if block.header:
            label, value = block.header
            yield (f'{_INDENT}<thead><tr><th scope="col">{label}</th><th scope="col"'
                   f'{_HEADER_CLASS.get(block.align, "")}>{value}</th></tr></thead>')
        yield f"{_INDENT}<tbody>"
        for fact in block.facts:
            row = (f'<tr><th scope="row">{fact.label}</th><td{_CELL_CLASS[block.align]}>'
                   f"{fact.value}</td></tr>")
            yield _INDENT * 2 + (f"{{% if {fact.when} %}}{row}{{% endif %}}" if fact.when
                                 else row)
        yield f"{_INDENT}</tbody>"
        yield "</table>"
    elif isinstance(block, Figure):
        yield '<figure class="chart-figure">'
        yield f"{_INDENT}{{{{ {block.figure} }}}}"
        yield f"{_INDENT}<figcaption>{block.caption}</figcaption>"
        yield "</figure>"
    elif isinstance(block, Extract):
        yield f"{{% if {block.extract} %}}"
        yield '<figure class="extract">'
        yield f"{_INDENT}<blockquote>"
        yield (f"{_INDENT * 2}{{% for {block.each} in {block.extract} %}}<p><span "
               f'class="paragraph-number">{block.number}</span> {block.text}</p>{{% endfor %}}')
        yield f"{_INDENT}</blockquote>"
        if block.source:
            yield (f"{_INDENT}{{% if {block.source} %}}<figcaption>Source: "
                   f"{{{{ {block.source} }}}}</figcaption>{{% endif %}}")
        yield "</figure>"
        yield "{% endif %}"
    elif isinstance(block, Quote):
        yield f"{{% if {block.quote} %}}"
        yield "<blockquote>"
        yield f"{_INDENT}{{{{ {block.quote} }}}}"
        if block.by:
            yield (f'{_INDENT}{{% if {block.by} %}}<p class="attribution">{{{{ {block.by} }}}}'
                   "</p>{% endif %}")
        yield "</blockquote>"
        yield "{% endif %}"
    elif isinstance(block, Repeat):
        yield f"{{% for {block.each} in {block.repeat} %}}"
        yield from _blocks(block.blocks, level, fields)
        yield "{% endfor %}"


def _table(table: Table) -> Iterator[str]:
    yield f'<table class="{table.css_class}">' if table.css_class else "<table>"
    if any(column.header for column in table.columns):
        headers = "".join(f'<th scope="col"{_HEADER_CLASS.get(column.align, "")}>'
                          f'{column.header or ""}</th>' for column in table.columns)
        yield f"{_INDENT}<thead><tr>{headers}</tr></thead>"
    yield f"{_INDENT}<tbody>"
    yield f"{_INDENT}{{% for {table.each} in {table.table} %}}"
    yield from _special_rows(table)
    cells = "".join(_row_cell(column) for column in table.columns)
    yield f"{_INDENT * 2}<tr>{cells}</tr>"
    if table.special_rows:
        yield f"{_INDENT}{{% endif %}}"
    yield f"{_INDENT}{{% endfor %}}"
    if table.total:
        first, *rest = table.total
        cells = "".join(f"<td{_CELL_CLASS[column.align]}>{value}</td>"
                        for value, column in zip(rest, table.columns[1:], strict=True))
        yield f'{_INDENT * 2}<tr class="total"><th scope="row">{first}</th>{cells}</tr>'
    yield f"{_INDENT}</tbody>"
    yield "</table>"


def _cell(cell: str | CellList | CellLink) -> str:
    if isinstance(cell, str):
        return cell
    if isinstance(cell, CellLink):
        return _link(cell)
    return (f"{{% if {cell.list} | length == 1 %}}{{{{ {cell.list}[0] }}}}{{% else %}}<ul>"
            f"{{% for entry in {cell.list} %}}<li>{{{{ entry }}}}</li>{{% endfor %}}</ul>"
            "{% endif %}")


def _special_rows(table: Table) -> Iterator[str]:
    """The rows of the entries laid out differently, each under its condition; the
    columns' own row follows under `{% else %}`."""
    for number, special in enumerate(table.special_rows):
        yield f"{_INDENT}{{% {'elif' if number else 'if'} {special.when} %}}"
        yield f"{_INDENT * 2}<tr>{''.join(_special_cells(special, table))}</tr>"
    if table.special_rows:
        yield f"{_INDENT}{{% else %}}"


def _special_cells(special: SpecialRow, table: Table) -> Iterator[str]:
    """Each cell aligned as the column it stands in, or as text if it spans several."""
    column = 0
    for cell in special.cells:
        if isinstance(cell, str):
            yield f"<td{_CELL_CLASS[table.columns[column].align]}>{cell}</td>"
            column += 1
        else:
            yield f'<td colspan="{cell.span}">{cell.cell}</td>'
            column += cell.span


def _link(cell: CellLink) -> str:
    words = cell.words or cell.link
    return (f'{{% if {cell.link} %}}<a href="{{{{ {cell.link} }}}}">{{{{ {words} }}}}</a>'
            f"{{% else %}}{cell.otherwise}{{% endif %}}")


def _entry(block: BulletList) -> str:
    """An entry of a list: its bold lead-in, then its words, linked where it has an address."""
    item = block.item or f"{{{{ {block.each} }}}}"
    if block.link:
        item = (f'{{% if {block.link} %}}<a href="{{{{ {block.link} }}}}">{item}</a>'
                f"{{% else %}}{item}{{% endif %}}")
    if block.body:  # the entry's words are its title, its body under it
        item = (f"<strong>{item}</strong>{{% if {block.body} %}}{{{{ {block.body} }}}}"
                "{% endif %}")
    return f"<strong>{block.lead_in}</strong>{item}" if block.lead_in else item


def _row_cell(column: Column) -> str:
    """A cell of a table's repeated row: a row's heading is `th`, read with the row."""
    if column.row_heading:
        return f'<th scope="row"{_CELL_CLASS[column.align]}>{_cell(column.cell)}</th>'
    return f"<td{_CELL_CLASS[column.align]}>{_cell(column.cell)}</td>"
