"""Markdown in text fields: what is allowed, and how it becomes HTML.

Long fields take CommonMark: paragraphs, **bold**, *italic*, ~~struck~~, [links](https://…),
bullet and numbered lists (nested), and > quotes. Headings, images, code blocks and rules
are refused: headings come from the template (so heading levels never skip), and a block
indented by four spaces is almost always a YAML indentation slip, not code. Raw HTML is
never passed through: `<script>` in content is printed as text. Links go to web pages,
e-mail addresses, phone numbers or places in the document; a link that would run code or
open a local file (javascript:, data:, file: and the like) is refused.

The same token stream feeds the Word writer (`wordml`), so both formats agree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sgdocs.read.addresses import LINK_HINT, link_problem
from sgdocs.read.shapes import BLOCK, INLINE, Leaf


class Markdown(str):
    """Text with block Markdown: paragraphs, lists and quotes."""

    __slots__ = ()
    shape: ClassVar[Leaf] = BLOCK
    """How templates see it, where a value worked out from others is rich text."""


class InlineMarkdown(str):
    """Text for one line or list item: emphasis and links, no blocks."""

    __slots__ = ()
    shape: ClassVar[Leaf] = INLINE


_REFUSED = {
    "heading_open": ("a heading", "headings come from the template; use **bold** text instead"),
    "code_block": ("an indented code block", "remove the extra indentation at the start of "
                   "the line (four spaces make a code block)"),
    "fence": ("a fenced code block", "remove the ``` lines"),
    "hr": ("a horizontal rule", "remove the line of dashes or stars; if it was meant as a "
           "heading underline, use **bold** text instead"),
    "image": ("an image", "images are not yet supported inside text fields"),
}




@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False,
                                     "maxNesting": MAX_PARSED_NESTING}).enable("strikethrough")


@functools.cache
def _permissive_parser() -> MarkdownIt:
    """The same parser, keeping every link, so that unsafe ones can be found and named
    (the strict parser quietly prints them as text)."""
    parser = _parser()
    permissive = MarkdownIt("commonmark", dict(parser.options)).enable("strikethrough")
    permissive.validateLink = lambda url: True  # type: ignore[method-assign]
    return permissive


def block_tokens(text: str) -> list[Token]:
    return _parser().parse(text)


def inline_tokens(text: str) -> list[Token]:
    """The inline children of `text` read as a single paragraph (no list or quote syntax)."""
    tokens = _parser().parseInline(text)
    return list(tokens[0].children or []) if tokens else []


_MAYBE_REFUSED = re.compile(r"[#`~\t>]|    |!\[|[-*_=][ \t]*$|(?:[-*+]|\d+[.)])[ \t]+"
                            r"(?:[-*+]|\d+[.)])(?:[ \t]|$)", re.MULTILINE)
"""Text without any of these marks (a hash, backtick, tilde, tab, quote mark, four spaces, an
image's `![`, a line ending in a rule's mark, or two list marks in a row) cannot hold a
heading, code block, rule or image, nor lists nested deeper than two; most text has none,
and is not parsed again here."""
LIST_LEVELS = 3
"""Lists inside lists (and quotes inside quotes) as deep as the Word templates show them:
List Bullet, List Bullet 2 and List Bullet 3, and the same for numbered lists."""
MAX_PARSED_NESTING = 100
"""The parser's own limit, past which it drops text silently: far above LIST_LEVELS, so text
nested too deep is always seen and refused."""


def refusals(text: str, *, inline: bool = False) -> list[tuple[str, str]]:
    """Why `text` cannot be rendered, each naming the offending line, with what to do."""
    if not _MAYBE_REFUSED.search(text):
        return _unsafe_links(text, inline)
    tokens = inline_tokens(text) if inline else block_tokens(text)
    lines = text.splitlines()
    reasons = []
    for token in _walk(tokens):
        if token.type not in _REFUSED:
            continue
        what, hint = _REFUSED[token.type]
        line = token.map[0] if token.map else _line_of(token, lines)
        quoted = lines[line].strip() if 0 <= line < len(lines) else ""
        reasons.append((f"{what} is not allowed here (\u201c{quoted}\u201d)", hint))
    return reasons + _too_deep(tokens, lines) + _unsafe_links(text, inline)


def _too_deep(tokens: list[Token], lines: list[str]) -> list[tuple[str, str]]:
    """Lists, or quotes, nested deeper than LIST_LEVELS: the reason, at the first such line
    (deeper levels would all look alike in Word)."""
    depth = {"list": 0, "quote": 0}
    for token in tokens:
        what = "quote" if token.type.startswith("blockquote") else "list"
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth[what] += 1
            if depth[what] > LIST_LEVELS:
                line = token.map[0] if token.map else 0
                quoted = lines[line].strip() if 0 <= line < len(lines) else ""
                return [(f"{what}s are nested more than {LIST_LEVELS} deep (\u201c{quoted}"
                         "\u201d)", f"a document shows {LIST_LEVELS} levels: bring the "
                         "deepest entries up a level")]
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth[what] -= 1
    return []


def _unsafe_links(text: str, inline: bool) -> list[tuple[str, str]]:
    if "](" not in text and "]:" not in text and "<" not in text:
        return []  # no link, inline, by reference or automatic, to look at
    parser = _permissive_parser()
    if inline:
        parsed = parser.parseInline(text)
        tokens = list(parsed[0].children or []) if parsed else []
    else:
        tokens = parser.parse(text)
    reasons = []
    for token in _walk(tokens):
        if token.type == "link_open" and (problem := link_problem(str(token.attrGet("href")))):
            reasons.append((problem, LINK_HINT))
    return reasons


def escape(text: str) -> str:
    """`text` as literal Markdown: its *, _, [ and other marks printed as written."""
    return re.sub(r"([\\\[\]*_`<>#~])", r"\\\1", text)


def to_html(text: str, *, inline: bool = False) -> str:
    parser = _parser()
    html: str = parser.renderInline(text) if inline else parser.render(text)
    return html.strip()


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _line_of(token: Token, lines: list[str]) -> int:
    needle = token.content or token.attrGet("src") or ""
    needle = str(needle)
    return next((i for i, line in enumerate(lines) if needle and needle in line), 0)
