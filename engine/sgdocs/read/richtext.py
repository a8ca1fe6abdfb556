"""Markdown in text fields: what is allowed, and how it becomes HTML.

Long fields take CommonMark: paragraphs, **bold**, *italic*, ~~struck~~, [links](https://…),
bullet and numbered lists (nested), > quotes, tables (GitHub's pipe tables, with `:---:`
column alignment) and sub-headings. Images, code blocks and rules are refused: a block
indented by four spaces is almost always a YAML indentation slip, not code. Raw HTML is
never passed through: `<script>` in content is printed as text. Links go to web pages,
e-mail addresses, phone numbers or places in the document; a link that would run code or
open a local file (javascript:, data:, file: and the like) is refused.

A field does not know where a template prints it, so its headings are relative: the field's
top headings (those with the fewest #, whether `#` or `###`) sit one level under the
heading printed before the field, and the next ones down a level under those. Two levels
are allowed, going down one at a time, so heading levels never skip; a heading inside a
list or quote is refused. The renderers place the levels once the page is filled in (see
`render.html` and `render.word_headings`).

A table's cells hold one line of inline text each. What the formats cannot show is refused
at its line rather than printed as a row of pipes: a table inside a list or quote, more
than MAX_COLUMNS columns, a row with more cells than the header (GFM would drop the extra
ones), an empty column heading, a `<br>` in a cell, or lines of pipes that are almost a
table. One-line (inline) fields take neither tables nor headings.

The same token stream feeds the Word writer (`wordml`), so both formats agree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar, NamedTuple

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sgdocs.read.addresses import LINK_HINT, link_problem
from sgdocs.read.shapes import BLOCK, INLINE, Leaf


class Markdown(str):
    """Text with block Markdown: paragraphs, lists, quotes, tables and sub-headings."""

    __slots__ = ()
    shape: ClassVar[Leaf] = BLOCK
    """How templates see it, where a value worked out from others is rich text."""


class InlineMarkdown(str):
    """Text for one line or list item: emphasis and links, no blocks."""

    __slots__ = ()
    shape: ClassVar[Leaf] = INLINE


class Refusal(NamedTuple):
    """Why some Markdown cannot be rendered, and what to do; `line` counts the text's lines
    from 0 (None: the whole text)."""

    message: str
    hint: str
    line: int | None = None


_REFUSED = {
    "code_block": ("an indented code block", "remove the extra indentation at the start of "
                   "the line (four spaces make a code block)"),
    "fence": ("a fenced code block", "remove the ``` lines"),
    "hr": ("a horizontal rule", "remove the line of dashes or stars; for a heading, start its "
           "line with # instead"),
    "image": ("an image", "images are not yet supported inside text fields"),
}
_ONE_LINE = ("this field holds one line: headings and tables go in a longer text field; "
             "use **bold** text instead")
SUBHEADING_LEVELS = 2
"""How many levels of heading a field may hold under the section it is printed in."""
MAX_COLUMNS = 8
"""The most columns a table may have: more would not fit across a portrait A4 page."""
LIST_LEVELS = 3
"""Lists inside lists (and quotes inside quotes) as deep as the Word templates show them:
List Bullet, List Bullet 2 and List Bullet 3, and the same for numbered lists."""
MAX_PARSED_NESTING = 100
"""The parser's own limit, past which it drops text silently: far above LIST_LEVELS, so text
nested too deep is always seen and refused."""


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False,
                                     "maxNesting": MAX_PARSED_NESTING}
                      ).enable(["strikethrough", "table"])


@functools.cache
def _permissive_parser() -> MarkdownIt:
    """The same parser, keeping every link, so that unsafe ones can be found and named
    (the strict parser quietly prints them as text)."""
    parser = _parser()
    permissive = MarkdownIt("commonmark", dict(parser.options)).enable(
        ["strikethrough", "table"])
    permissive.validateLink = lambda url: True  # type: ignore[method-assign]
    return permissive


def block_tokens(text: str) -> list[Token]:
    return _parser().parse(text)


def inline_tokens(text: str) -> list[Token]:
    """The inline children of `text` read as a single paragraph (no list or quote syntax)."""
    tokens = _parser().parseInline(text)
    return list(tokens[0].children or []) if tokens else []


def heading_top(tokens: list[Token]) -> int:
    """The Markdown level (number of #) of a field's top headings: its depth-1 headings."""
    return min((int(t.tag[1]) for t in tokens if t.type == "heading_open"), default=1)


def heading_depth(token: Token, top: int) -> int:
    """How far under the section a field's heading sits: 1 for its top headings."""
    return int(token.tag[1]) - top + 1


_MAYBE_REFUSED = re.compile(r"[#`~\t>|]|    |!\[|[-*_=][ \t]*$|(?:[-*+]|\d+[.)])[ \t]+"
                            r"(?:[-*+]|\d+[.)])(?:[ \t]|$)", re.MULTILINE)
"""Text without any of these marks (a hash, backtick, tilde, tab, quote mark, pipe, four
spaces, an image's `![`, a line ending in a rule's mark, or two list marks in a row) cannot
hold a heading, table, code block, rule or image, nor lists nested deeper than two; most
text has none, and is not parsed again here."""
_PIPES = re.compile(r"^\s*\|.*\|\s*$")
"""A line that starts and ends with a pipe: a table row, or meant as one."""
_CELL_EDGE = re.compile(r"(?<!\\)\|")
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def refusals(text: str, *, inline: bool = False) -> list[Refusal]:
    """Why `text` cannot be rendered, each naming the offending line, with what to do."""
    if not _MAYBE_REFUSED.search(text):
        return _unsafe_links(text, inline)
    tokens = inline_tokens(text) if inline else block_tokens(text)
    lines = text.splitlines()
    reasons = []
    for token in _walk(tokens):
        if token.type in _REFUSED:
            what, hint = _REFUSED[token.type]
            line = token.map[0] if token.map else _line_of(token, lines)
            reasons.append(_at(lines, line, f"{what} is not allowed here", hint))
    blocks = _one_line_blocks(text, lines) if inline else (
        _heading_problems(tokens, lines) + _table_problems(tokens, lines))
    return reasons + blocks + _too_deep(tokens, lines) + _unsafe_links(text, inline)


def _at(lines: list[str], line: int, message: str, hint: str) -> Refusal:
    """A refusal at `line`, quoting it."""
    quoted = lines[line].strip() if 0 <= line < len(lines) else ""
    return Refusal(f"{message} (\u201c{quoted}\u201d)", hint, line)


def _one_line_blocks(text: str, lines: list[str]) -> list[Refusal]:
    """Headings and tables written in a one-line field, which would print as their marks."""
    found = []
    for token in block_tokens(text):
        line = token.map[0] if token.map else 0
        if token.type == "heading_open":
            found.append(_at(lines, line, "a heading is not allowed here", _ONE_LINE))
        elif token.type == "table_open" or (token.type == "paragraph_open" and any(
                _PIPES.match(row) for row in lines[line:(token.map or (0, 0))[1]])):
            found.append(_at(lines, line, "a table is not allowed here", _ONE_LINE))
    return found


def _heading_problems(tokens: list[Token], lines: list[str]) -> list[Refusal]:
    """Headings inside lists or quotes, deeper than SUBHEADING_LEVELS, or skipping a level."""
    found = []
    top, above = heading_top(tokens), 0
    for token in tokens:
        if token.type != "heading_open":
            continue
        line = token.map[0] if token.map else 0
        depth = heading_depth(token, top)
        if token.level > 0:
            found.append(_at(lines, line, "a heading inside a list or quote is not allowed "
                             "here", "start the heading at the beginning of its line, "
                             "outside the list or quote"))
        elif depth > SUBHEADING_LEVELS:
            found.append(_at(lines, line, f"a heading {depth} levels down is not allowed "
                             "here", f"a text field's headings go {SUBHEADING_LEVELS} levels "
                             "down under its section: its top headings (the fewest #), and "
                             "one # more under those; use **bold** text below that"))
        elif depth > above + 1:
            found.append(_at(lines, line, "a heading level is skipped", "give a heading at "
                             "most one # more than the heading before it (the field's first "
                             "heading has the fewest #)"))
        above = depth if token.level == 0 else above
    return found


def _table_problems(tokens: list[Token], lines: list[str]) -> list[Refusal]:
    """What a table cannot show: see the module's docstring."""
    found = []
    for index, token in enumerate(tokens):
        line = token.map[0] if token.map else 0
        if token.type == "table_open" and token.level > 0:
            found.append(_at(lines, line, "a table inside a list or quote is not allowed here",
                             "start the table's lines at the beginning of the line, with "
                             "a blank line above it, outside the list or quote"))
        elif token.type == "table_open":
            found += _table_shape(tokens[index:], lines)
        elif token.type == "paragraph_open" and token.map and any(
                _PIPES.match(row) for row in lines[token.map[0]:token.map[1]]):
            row = next(n for n in range(*token.map) if _PIPES.match(lines[n]))
            found.append(_at(lines, row, "lines starting with a pipe look like a table, but "
                             "are not one", "a table is its header row, a line with one "
                             "`---` for each column (`|---|---|`), then its rows, each "
                             "on its own line (start the field with `|`, not `>`); to "
                             "print a `|` as it is, write `\\|`"))
    return found


def _table_shape(tokens: list[Token], lines: list[str]) -> list[Refusal]:
    """Problems with the table that `tokens` starts with."""
    found = []
    first = (tokens[0].map or (0, 0))[0]
    end = next(i for i, token in enumerate(tokens) if token.type == "table_close")
    cells = [(tokens[i - 1], token) for i, token in enumerate(tokens[:end])
             if token.type == "inline"]
    columns = sum(opening.type == "th_open" for opening, _ in cells)
    if columns > MAX_COLUMNS:
        found.append(_at(lines, first, f"a table of {columns} columns is not allowed here",
                         f"a page has room for {MAX_COLUMNS} columns: split the table in "
                         "two, or turn some of its columns into rows"))
    if any(opening.type == "th_open" and not cell.content.strip()
           for opening, cell in cells):
        found.append(_at(lines, first, "a table with an empty column heading is not allowed "
                         "here", "give every column a heading: screen readers read it out "
                         "with each cell below it"))
    rows = [token.map[0] for token in tokens[:end] if token.type == "tr_open" and token.map]
    for row in rows:
        written = lines[row].strip().removeprefix("|")
        written = written[:-1] if written.endswith("|") and not written.endswith("\\|") \
            else written
        if len(_CELL_EDGE.split(written)) > columns:
            found.append(_at(lines, row, "a table row with more cells than the table has "
                             "columns is not allowed here", "give each row one cell for "
                             "each heading in the first row; to print a `|` inside a cell, "
                             "write `\\|`"))
    found += [_at(lines, (cell.map or (first, 0))[0], "a line break (`<br>`) in a table "
                  "cell is not allowed here", "a cell holds one line of text: shorten "
                  "it, or put the longer text under the table")
              for _, cell in cells if _LINE_BREAK.search(cell.content)]
    return found


def _too_deep(tokens: list[Token], lines: list[str]) -> list[Refusal]:
    """Lists, or quotes, nested deeper than LIST_LEVELS: the reason, at the first such line
    (deeper levels would all look alike in Word)."""
    depth = {"list": 0, "quote": 0}
    for token in tokens:
        what = "quote" if token.type.startswith("blockquote") else "list"
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth[what] += 1
            if depth[what] > LIST_LEVELS:
                return [_at(lines, token.map[0] if token.map else 0,
                            f"{what}s are nested more than {LIST_LEVELS} deep",
                            f"a document shows {LIST_LEVELS} levels: bring the deepest "
                            "entries up a level")]
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth[what] -= 1
    return []


def _unsafe_links(text: str, inline: bool) -> list[Refusal]:
    if "](" not in text and "]:" not in text and "<" not in text:
        return []  # no link, inline, by reference or automatic, to look at
    parser = _permissive_parser()
    if inline:
        parsed = parser.parseInline(text)
        tokens = list(parsed[0].children or []) if parsed else []
    else:
        tokens = parser.parse(text)
    reasons = []
    lines = text.splitlines()
    for token in _walk(tokens):
        if token.type == "link_open" and (problem := link_problem(str(token.attrGet("href")))):
            reasons.append(Refusal(problem, LINK_HINT, _line_of(token, lines, str(
                token.attrGet("href")))))
    return reasons


def escape(text: str) -> str:
    """`text` as literal Markdown: its *, _, [ and other marks printed as written."""
    return re.sub(r"([\\\[\]*_`<>#~|])", r"\\\1", text)


SUBHEADING = "data-subheading"
"""The attribute marking a field's heading in its HTML, with its depth under the section:
the page it is printed in gives it its level (`render.html`)."""


def to_html(text: str, *, inline: bool = False) -> str:
    """The text as HTML: a table's column headings scoped to their columns, and each
    sub-heading an h2 or h3 marked with its depth until the page gives it its level."""
    parser = _parser()
    if inline:
        return str(parser.renderInline(text)).strip()
    tokens = parser.parse(text)
    top = heading_top(tokens)
    for token in tokens:
        if token.type == "th_open":
            token.attrSet("scope", "col")
        elif token.type in ("heading_open", "heading_close"):
            depth = heading_depth(token, top)
            token.tag = f"h{depth + 1}"
            if token.type == "heading_open":
                token.attrSet(SUBHEADING, str(depth))
    return str(parser.renderer.render(tokens, parser.options, {})).strip()


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _line_of(token: Token, lines: list[str], needle: str = "") -> int:
    needle = needle or token.content or str(token.attrGet("src") or "")
    return next((i for i, line in enumerate(lines) if needle and needle in line), 0)
