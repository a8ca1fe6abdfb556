"""The accessibility gate: problems that would make a document fail people using screen
readers or who cannot tell colours apart, found before anything is built.

Content is mostly safe by construction (headings come from templates, and a text field's
own sit under the section it is printed in; tables have column headings; pictures need alt
text; RAG ratings print their word), so the gate looks where that can be undone: a
restyled template that skips a heading level or shows a picture without alt text, and
content that writes a RAG status as a coloured symbol alone. A brand's colours are held
to their contrast in `brand`; alt text that says nothing is refused in `images`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sgdocs.errors import Finding, Location
from sgdocs.read.yamlsource import YamlFile, text_lines

COLOUR_SYMBOLS = "\U0001f534\U0001f7e0\U0001f7e1\U0001f7e2\U0001f7e5\U0001f7e7\U0001f7e8\U0001f7e9"
"""Red, orange, yellow and green circles and squares, as people type RAG ratings."""
RATING_WORDS = re.compile(r"\b(red|amber|green|yellow|orange)\b", re.IGNORECASE)
HTML_HEADING = re.compile(r"<h([1-6])\b", re.IGNORECASE)
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def colour_only_ratings(source: YamlFile) -> list[Finding]:
    """An error at each line of a content file's values that shows a rating as a coloured
    symbol with no word saying which."""
    found = []
    for where, line in text_lines(source):
        symbols = [c for c in line if c in COLOUR_SYMBOLS]
        if symbols and not RATING_WORDS.search(line):
            found.append(Finding(where, f"a RAG status shown only as colour "
                                 f"({''.join(symbols)})", "write the rating as a word too "
                                 "(Red, Amber or Green), or use a `rag:` field, which prints "
                                 "both"))
    return found


def html_template_problems(source: str, filename: Path) -> list[Finding]:
    """Heading levels skipped, and pictures without alt text, in an HTML template."""
    found = []
    previous = None
    for match in HTML_HEADING.finditer(source):
        level = int(match.group(1))
        if previous is not None and level > previous + 1:
            found.append(Finding(Location(filename, _line(source, match.start())),
                                 f"an h{level} follows an h{previous}: a heading level is "
                                 "skipped", f"use h{previous + 1}, and style it in the CSS "
                                 "if it should look smaller"))
        previous = level
    for match in HTML_IMAGE.finditer(source):
        if not re.search(r"\salt(\s*=|[\s/>])", match.group(0), re.IGNORECASE):
            found.append(Finding(Location(filename, _line(source, match.start())),
                                 "a picture without alt text", 'add alt="…" saying what it '
                                 'shows, or alt="" if it is decoration'))
    return found


def word_heading_problems(paragraphs: Iterable[Any], template: Path) -> list[Finding]:
    """Heading levels skipped in a Word template's body (Heading 1, then Heading 3)."""
    found = []
    previous = None
    for paragraph in paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        heading = re.fullmatch(r"Heading (\d)", name or "")
        if not heading:
            continue
        level = int(heading.group(1))
        if previous is not None and level > previous + 1:
            found.append(Finding(Location(template), f"the heading \u201c{paragraph.text}"
                                 f"\u201d is a Heading {level} after a Heading {previous}: a "
                                 "heading level is skipped",
                                 f"give it the Heading {previous + 1} style in Word"))
        previous = level
    return found


def _line(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1
