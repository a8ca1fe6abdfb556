"""A layout's wording and conditions checked against its kind's fields, each problem told at
its line in the layout: a partnership writing a kind of its own sees `layout.yaml:23`, not a
line of a template it never wrote."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateSyntaxError

from sgdocs.check.templates import (
    TEMPLATE_EXTRAS,
    TemplateChecker,
    context_shape,
    expression_shape,
)
from sgdocs.errors import Finding
from sgdocs.kinds import Kind, get_kind
from sgdocs.kinds.layout import Heading, Layout, Repeat, Section, read_layout
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
from sgdocs.kinds.layout_tables import Answer, CellLink, CellList, CellText, Facts, Form, Table
from sgdocs.kinds.wording import pieces
from sgdocs.read.shapes import ANYTHING, Fields, Leaf, ListOf, Shape
from sgdocs.read.yamlsource import KeyPath, YamlFile, read_yaml

_PRINTED = re.compile(r"{{(.*?)}}", re.S)
ALONE = re.compile(r"""\s*{{\s*([A-Za-z_][\w.]*)\s*(?:or\s*("[^"]*"|'[^']*')\s*)?}}\s*""")
"""A table cell that is one field, perhaps with words to show instead when it is empty: it
may be a field of paragraphs."""
Loops = tuple[tuple[str, str], ...]
"""The lists a piece of wording sits inside: (name of each entry, the list)."""

_EXPRESSIONS: dict[type, tuple[str, ...]] = {
    RichText: ("text",), BulletList: ("list",), Points: ("points",), Table: ("table",),
    Figure: ("figure",), Extract: ("extract", "source"), Repeat: ("repeat",),
    Quote: ("quote", "by"), Picture: ("picture",), Answer: ("guidance",),
}
"""Keys holding an expression naming a field (`purpose`, `timetable.entries`)."""
_WORDING: dict[type, tuple[str, ...]] = {
    Section: ("heading",), Heading: ("heading", "anchor"), Paragraph: ("paragraph", "word"),
    Title: ("title", "subtitle"), Answer: ("answer", "note", "name"),
}
"""Keys holding wording, with fields in `{{ }}`."""


def layout_problems(layout: Layout, source: YamlFile, context: Fields) -> list[Finding]:
    """Every field the layout names that its kind's documents will not have, and every
    piece of Jinja that does not parse, at its line."""
    found: list[Finding] = []
    _blocks(layout.blocks, ("blocks",), (), source, TemplateChecker(Environment(), context),
            found)
    return list(dict.fromkeys(found))


def _blocks(blocks: list[Any], at: KeyPath, loops: Loops, source: YamlFile,
            checker: TemplateChecker, found: list[Finding]) -> None:
    for index, block in enumerate(blocks):
        if isinstance(block, str):
            continue
        here = (*at, index)

        def check(key: KeyPath, text: str | None, expression: bool = False,
                  inner: Loops = loops, here: KeyPath = here) -> None:
            if text:
                _check(text, expression, inner, source.where((*here, *key)), checker, found)

        check(("when",), block.when, expression=True)
        for key in _EXPRESSIONS.get(type(block), ()):
            check((key,), getattr(block, key), expression=True)
        for key in _WORDING.get(type(block), ()):
            check((key,), getattr(block, key))
        if isinstance(block, BulletList):
            check(("item",), block.item, inner=(*loops, (block.each, block.list)))
            check(("body",), block.body, True, (*loops, (block.each, block.list)))
        elif isinstance(block, Extract):
            inner = (*loops, (block.each, block.extract))
            check(("number",), block.number, inner=inner)
            check(("text",), block.text, inner=inner)
        elif isinstance(block, Figure):
            check(("caption",), block.caption)
        elif isinstance(block, Form):
            for i, row in enumerate(block.form):
                check(("form", i) if isinstance(row, str) else ("form", i, "label"),
                      row if isinstance(row, str) else row.label)
        elif isinstance(block, Table):
            inner = (*loops, (block.each, block.table))
            if block.match:
                check(("match", "list"), block.match.list, True, inner)
                check(("match", "equals"), block.match.equals, True, inner)
                inner = (*inner, (block.match.name, block.match.list))
            for i, column in enumerate(block.columns):
                if isinstance(column.cell, CellText):
                    for key in ("text", "when"):
                        check(("columns", i, "cell", key), getattr(column.cell, key), True,
                              inner)
                    for key in ("title", "otherwise"):
                        check(("columns", i, "cell", key), getattr(column.cell, key),
                              inner=inner)
                elif isinstance(column.cell, CellList):
                    check(("columns", i, "cell"), column.cell.list, True, inner)
                elif isinstance(column.cell, CellLink):
                    check(("columns", i, "cell", "link"), column.cell.link, True, inner)
                    check(("columns", i, "cell", "words"), column.cell.words, True, inner)
                elif alone := ALONE.fullmatch(column.cell):  # may be a field of paragraphs
                    check(("columns", i, "cell"), alone[1], True, inner)
                else:
                    check(("columns", i, "cell"), column.cell, inner=inner)
            for i, special in enumerate(block.special_rows):
                check(("special_rows", i, "when"), special.when, True, inner)
                for j, cell in enumerate(special.cells):
                    check(("special_rows", i, "cells", j),
                          cell if isinstance(cell, str) else cell.cell, inner=inner)
            for i, value in enumerate(block.total):
                check(("total", i), value)
        elif isinstance(block, Facts):
            for i, heading in enumerate(block.header or ()):
                check(("header", i), heading)
            for i, fact in enumerate(block.facts):
                check(("facts", i, "label"), fact.label)
                check(("facts", i, "value"), fact.value)
                check(("facts", i, "when"), fact.when, expression=True)
        if isinstance(block, Section):
            _blocks(block.blocks, (*here, "blocks"), loops, source, checker, found)
        elif isinstance(block, Repeat):
            inner = (*loops, (block.each, block.repeat))
            check(("heading",), block.heading, inner=inner)
            check(("anchor",), block.anchor, inner=inner)
            _blocks(block.blocks, (*here, "blocks"), inner, source, checker, found)


def own_kind_problems(kind: Kind) -> list[Finding]:
    """The problems of a partnership's own kind's layouts, at their lines (found once for
    each version of the layout)."""
    return [problem for output in kind.outputs
            if (path := kind.layout(output)).is_file()
            for problem in _layout_file(kind.name, kind.root, path, path.stat().st_mtime_ns)]


@functools.lru_cache(maxsize=32)
def _layout_file(name: str, root: Path | None, path: Path, _changed: int
                 ) -> tuple[Finding, ...]:
    return tuple(layout_problems(read_layout(path), read_yaml(path),
                                 context_shape(get_kind(name, root), *TEMPLATE_EXTRAS)))


def in_a_line(expression: str) -> str:
    """The problem with printing a field of paragraphs inside a line of wording."""
    return (f"`{expression}` holds paragraphs; show it with `text:`, or alone in a table "
            "cell, not inside a line of words")


def _link_problems(text: str, checker: TemplateChecker, scope: dict[str, Shape]
                   ) -> Iterator[str]:
    """What a link in the wording holds that a link cannot: a condition, or a field that is
    more than plain words (rich text, a rating, a chart)."""
    for piece in pieces(text):
        if piece.kind != "link":
            continue
        if "{%" in piece.words + piece.address:
            yield f"`{piece.words}`: a link's words and address cannot hold conditions"
        for printed in _PRINTED.findall(piece.words + piece.address):
            try:
                shape = expression_shape(checker.env, checker.context, printed.strip(), scope)
            except TemplateSyntaxError:
                continue  # told elsewhere
            if isinstance(shape, Leaf) and shape.kind:
                yield (f"`{printed.strip()}` is not plain words, so it cannot be in a link's "
                       "words or address")


def _check(text: str, expression: bool, loops: Loops, where: Any, checker: TemplateChecker,
           found: list[Finding]) -> None:
    if not expression:
        scope: dict[str, Shape] = {}
        for name, listed in loops:
            shape = expression_shape(checker.env, checker.context, listed, scope)
            scope[name] = shape.item if isinstance(shape, ListOf) else ANYTHING
        for printed in _PRINTED.findall(text):
            try:
                shape = expression_shape(checker.env, checker.context, printed.strip(), scope)
            except TemplateSyntaxError:
                continue  # told below
            if isinstance(shape, Leaf) and shape.kind == "block":
                found.append(Finding(where, in_a_line(printed.strip()),
                                     "give the field a `text:` block of its own"))
        found.extend(Finding(where, problem, "put a condition around the whole link, and "
                             "name fields of plain words in it")
                     for problem in _link_problems(text, checker, scope))
    body = f"{{{{ {text} }}}}" if expression else text
    for name, listed in reversed(loops):
        body = f"{{% for {name} in {listed} %}}{body}{{% endfor %}}"
    checker.problems = []
    try:
        problems = checker.check_source(body, "layout")
    except TemplateSyntaxError as exc:
        found.append(Finding(where, f"this is not wording sgdocs can read: {exc.message}",
                             "fields are written {{ field }}, conditions {% if field %}…"
                             "{% endif %}"))
        return
    found.extend(Finding(where, problem.message, problem.hint) for problem in problems)
