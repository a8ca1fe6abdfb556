"""A kind's layout as its HTML template: Jinja over `_base.html`, with the pieces every
document shares from `_macros.html`. The web page and the PDF are both made from it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from sgdocs.kinds.layout import NUMBERS, Heading, Layout, Repeat, Section, numbering, style_class
from sgdocs.kinds.layout_blocks import (
    HOUSE_STYLES,
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
    Column,
    Facts,
    Form,
    SpecialRow,
    Table,
)
from sgdocs.kinds.wording import pieces

_FURNITURE = {
    "cover": "{{ shared.cover(title, partnership, document_control, published_with) }}",
    "contents": "{{ shared.contents(toc) }}",
    "pdf_contents": "{{ shared.contents(toc) }}",
    "document_control": "{{ shared.document_control(document_control) }}",
    "sign_off": "{{ shared.sign_off(sign_off) }}",
    "requirements_appendix": "{{ shared.requirements_appendix(requirements) }}",
    "statutory_ending": "{{ shared.statutory_ending(sections, sign_off, requirements, "
                        "document_control) }}",
}
_CELL_CLASS = {"text": "", "amount": ' class="amount"', "date": ' class="nowrap"',
               "status": ' class="nowrap"'}
_HEADER_CLASS = {"amount": ' class="amount"'}
_INDENT = "  "
_SEPARATOR = ' <span class="sep" aria-hidden="true">\u00b7</span> '
_DRAFT = ('{% if document_control.status == "draft" %}<span class="status-draft">Draft</span>'
          "{% endif %}")
_LETTERHEAD = "{{ shared.letterhead(partnership, mode) }}"
_LETTERHEAD_PAGE = ("@page :first { @top-left { content: none; } @bottom-left { content: none; "
                    "} @bottom-right { content: none; } }")
"""Under a letterhead, the first page has no running header, footer or page number."""


class _Scope(NamedTuple):
    fields: set[str]
    """The kind's top-level fields: a section showing one is left out when it is absent."""
    numbered: bool
    """Whether the layout numbers its sections."""


def html_template(layout: Layout, fields: set[str], style: str = "") -> str:
    """The template's text; `fields` are the kind's top-level fields, so that a section
    showing one is left out when it is absent; `style` is the kind's own CSS, after the
    house style."""
    lines = ['{% extends "_base.html" %}', '{% import "_macros.html" as shared %}']
    css = "\n".join(([_LETTERHEAD_PAGE] if layout.letterhead else []) + [style.strip()])
    if css.strip():
        lines += ["{% block style %}{{ super() }}", "<style>", css.strip(), "</style>",
                  "{% endblock %}"]
    lines.append("{% block content %}")
    if layout.letterhead:
        lines.append(_LETTERHEAD)
    if layout.numbered:
        lines.append(f"{{% set {NUMBERS} = namespace(section=0, sub=0) %}}")
    scope = _Scope(fields, layout.numbered)
    lines += _ordered(layout.blocks, scope) if layout.ordered else _blocks(layout.blocks, 1,
                                                                           scope)
    lines.append("{% endblock %}")
    return "\n".join(lines) + "\n"


def _ordered(items: list[Any], scope: _Scope) -> list[str]:
    """An ordered layout's blocks: its sections, with the document's own, in the document's
    order (`placed`), where the first of them stands."""
    sections = [block for block in items if isinstance(block, Section)]
    lines: list[str] = []
    for block in items:
        if block is sections[0]:
            lines += ["{% for place in placed %}", "{% if place.own %}",
                      "{{ shared.section(place.name, place.own.title, place.own.body) }}"]
            for section in sections:
                lines.append(f'{{% elif place.name == "{section.section}" %}}')
                lines += _block(section, 1, scope)
            lines += ["{% endif %}", "{% endfor %}"]
        elif not isinstance(block, Section):
            lines += _block(block, 1, scope)
    return lines


def _blocks(items: list[Any], level: int, scope: _Scope) -> list[str]:
    return [line for block in items for line in _block(block, level, scope)]


def _block(block: Any, level: int, scope: _Scope) -> list[str]:
    if isinstance(block, str):
        return [_FURNITURE[block]]
    lines = list(_shown(block, level, scope))
    when = block.condition(scope.fields) if isinstance(block, Section) else block.when
    if when:
        return [f"{{% if {when} %}}", *lines, "{% endif %}"]
    return lines


def _shown(block: Any, level: int, scope: _Scope) -> Iterator[str]:
    tag = f"h{level + 1}"
    if isinstance(block, Section):
        anchor = block.section.replace(".", "_")
        classes = ' class="new-page"' if block.page_break else ""
        counts, number = numbering(level) if scope.numbered and block.numbered else ([], "")
        count = "".join(f"{{% {statement} %}}" for statement in counts)
        yield f'<section aria-labelledby="{anchor}"{classes}>{count}'
        yield f'{_INDENT}<{tag} id="{anchor}">{number}{_words(block.heading)}</{tag}>'
        yield from (_INDENT + line for line in _blocks(block.blocks, level + 1, scope))
        yield "</section>"
    elif isinstance(block, Heading):
        anchor = f' id="{block.anchor}"' if block.anchor else ""
        classes = ' class="new-page"' if block.page_break else ""
        yield f"<{tag}{anchor}{classes}>{_words(block.heading)}</{tag}>"
    elif isinstance(block, RichText):
        yield f"{{% if {block.text} %}}{{{{ {block.text} }}}}{{% endif %}}"
    elif isinstance(block, Paragraph):
        style = block.style
        classes = ("" if style is None else f' class="{style}"' if style in HOUSE_STYLES
                   else f' class="{style_class(style)}"')
        yield f"<p{classes}>{_words(block.paragraph)}</p>"
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
        yield from _facts(block)
    elif isinstance(block, Figure):
        yield '<figure class="chart-figure">'
        yield f"{_INDENT}{{{{ {block.figure} }}}}"
        yield f"{_INDENT}<figcaption>{_words(block.caption)}</figcaption>"
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
        if block.heading:  # each entry a section of its own
            anchor = f' id="{block.anchor}"' if block.anchor else ""
            yield (f'<section aria-labelledby="{block.anchor}">' if block.anchor
                   else "<section>")
            yield f"{_INDENT}<{tag}{anchor}>{_words(block.heading)}</{tag}>"
            yield from (_INDENT + line for line in _blocks(block.blocks, level + 1, scope))
            yield "</section>"
        else:
            yield from _blocks(block.blocks, level, scope)
        yield "{% endfor %}"
    elif isinstance(block, Title) and block.subtitle:
        yield '<div class="cover">'
        yield f"{_INDENT}<h1>{_words(block.title)}</h1>"
        yield f'{_INDENT}<p class="cover-meta">{_words(block.subtitle)} {_DRAFT}</p>'
        yield "</div>"
    elif isinstance(block, Title):
        yield f"<h1>{_words(block.title)}</h1>"
    elif isinstance(block, Picture):
        image = block.picture
        yield f"{{% if {image} %}}"
        yield (f"<figure>{{{{ {image}.picture }}}}{{% if {image}.caption %}}<figcaption>"
               f"{{{{ {image}.caption }}}}</figcaption>{{% endif %}}</figure>")
        yield "{% endif %}"
    elif isinstance(block, Form | Answer):
        yield from _form(block)


def _table(table: Table) -> Iterator[str]:
    yield f'<table class="{table.css_class}">' if table.css_class else "<table>"
    if any(column.header for column in table.columns):
        headers = "".join(f'<th scope="col"{_HEADER_CLASS.get(column.align, "")}>'
                          f'{_words(column.header or "")}</th>' for column in table.columns)
        yield f"{_INDENT}<thead><tr>{headers}</tr></thead>"
    yield f"{_INDENT}<tbody>"
    yield f"{_INDENT}{{% for {table.each} in {table.table} %}}"
    if table.match:
        yield f"{_INDENT * 2}{{% set {table.match.assignment()} %}}"
    yield from _special_rows(table)
    cells = "".join(_row_cell(column) for column in table.columns)
    yield f"{_INDENT * 2}<tr>{cells}</tr>"
    if table.special_rows:
        yield f"{_INDENT}{{% endif %}}"
    yield f"{_INDENT}{{% endfor %}}"
    if table.total:
        first, *rest = table.total
        span = table.total_span()
        colspan = f' colspan="{span}"' if span > 1 else ""
        cells = "".join(f"<td{_CELL_CLASS[column.align]}>{_words(value)}</td>"
                        for value, column in zip(rest, table.columns[span:], strict=True))
        yield (f'{_INDENT * 2}<tr class="total"><th scope="row"{colspan}>{_words(first)}</th>'
               f"{cells}</tr>")
    yield f"{_INDENT}</tbody>"
    yield "</table>"


def _facts(block: Facts) -> Iterator[str]:
    yield f'<table class="{"figures" if block.header else "facts"}">'
    if block.header:
        label, value = block.header
        yield (f'{_INDENT}<thead><tr><th scope="col">{label}</th><th scope="col"'
               f'{_HEADER_CLASS.get(block.align, "")}>{value}</th></tr></thead>')
    yield f"{_INDENT}<tbody>"
    for fact in block.facts:
        row = (f'<tr><th scope="row">{_words(fact.label)}</th><td{_CELL_CLASS[block.align]}>'
               f"{_words(fact.value)}</td></tr>")
        yield _INDENT * 2 + (f"{{% if {fact.when} %}}{row}{{% endif %}}" if fact.when else row)
    yield f"{_INDENT}</tbody>"
    yield "</table>"


def _cell(cell: str | CellList | CellLink | CellText) -> str:
    if isinstance(cell, str):
        return _words(cell)
    if isinstance(cell, CellLink):
        words = cell.words or cell.link
        return (f'{{% if {cell.link} %}}<a href="{{{{ {cell.link} }}}}">{{{{ {words} }}}}</a>'
                f"{{% else %}}{_words(cell.otherwise)}{{% endif %}}")
    if isinstance(cell, CellText):
        title = f"<strong>{_words(cell.title)}</strong>" if cell.title else ""
        otherwise = f"{{% else %}}{_words(cell.otherwise)}" if cell.otherwise else ""
        return (f"{title}{{% if {cell.when or cell.text} %}}{{{{ {cell.text} }}}}{otherwise}"
                "{% endif %}")
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
            yield f"<td{_CELL_CLASS[table.columns[column].align]}>{_words(cell)}</td>"
            column += 1
        else:
            yield f'<td colspan="{cell.span}">{_words(cell.cell)}</td>'
            column += cell.span


def _entry(block: BulletList) -> str:
    """An entry of a list: its bold lead-in, then its words, linked where it has an address."""
    item = _words(block.item or f"{{{{ {block.each} }}}}")
    if block.link:
        item = (f'{{% if {block.link} %}}<a href="{{{{ {block.link} }}}}">{item}</a>'
                f"{{% else %}}{item}{{% endif %}}")
    if block.body:  # the entry's words are its title, its body under it
        item = (f"<strong>{item}</strong>{{% if {block.body} %}}{{{{ {block.body} }}}}"
                "{% endif %}")
    return f"<strong>{_words(block.lead_in)}</strong>{item}" if block.lead_in else item


def _row_cell(column: Column) -> str:
    """A cell of a table's repeated row: a row's heading is `th`, read with the row."""
    if column.row_heading:
        return f'<th scope="row"{_CELL_CLASS[column.align]}>{_cell(column.cell)}</th>'
    return f"<td{_CELL_CLASS[column.align]}>{_cell(column.cell)}</td>"


def _form(block: Form | Answer) -> Iterator[str]:
    """The parts of a form the reader fills in: on the page, boxes to write in."""
    if isinstance(block, Form):
        yield '<table class="form">'
        yield f"{_INDENT}<tbody>"
        for row in block.rows():
            yield (f'{_INDENT * 2}<tr><th scope="row">{_words(row.label)}</th>'
                   '<td class="fill"></td></tr>')
        yield f"{_INDENT}</tbody>"
        yield "</table>"
        return
    yield '<table class="form question">'
    yield f'{_INDENT}<thead><tr><th scope="col">{_words(block.answer)}</th></tr></thead>'
    yield f"{_INDENT}<tbody>"
    if block.note or block.guidance:
        guidance = (f"{{% if {block.guidance} %}}{{{{ {block.guidance} }}}}{{% endif %}}"
                    if block.guidance else "")
        yield (f'{_INDENT * 2}<tr><td class="guidance">{_words(block.note or "")}{guidance}'
               "</td></tr>")
    yield f'{_INDENT * 2}<tr><td class="fill answer"></td></tr>'
    yield f"{_INDENT}</tbody>"
    yield "</table>"


def _words(wording: str) -> str:
    """Wording with its marks (`sgdocs.kinds.wording`) as HTML: bold, links, the separators
    between details, and the label before a tab in a span of its own."""
    html: list[str] = []
    bold = labelled = False
    for piece in pieces(wording):
        if piece.bold != bold:
            html.append("<strong>" if piece.bold else "</strong>")
            bold = piece.bold
        if piece.kind == "words":
            html.append(piece.words)
        elif piece.kind == "link":
            html.append(f'<a href="{piece.address}">{piece.words}</a>')
        elif piece.kind == "separator":
            html.append(_SEPARATOR)
        elif not labelled:
            html, labelled = ['<span class="label">', *html, "</span> "], True
    if bold:
        html.append("</strong>")
    return "".join(html)
