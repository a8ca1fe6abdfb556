"""A PDF's text as a reader sees it: its lines page by page, each with its type size and
whether it is bold, so that headings can be told from body text when the PDF has no
bookmarks; lines on every page (a running header or footer) and footnote marks left out.

pypdf gives the text in the order it was laid down, which for a report exported from Word
or InDesign is the reading order, columns included; its text visitor gives each run's font
and size, from which a line's type is taken.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

RUNNING = 0.5
"""A line on every page, or on at least this share of three or more pages, is a running
header or footer."""
HEADING_SIZE = 1.2
"""A line in type this much larger than the body's is a heading."""
HEADING_WORDS = 14
_BOLD = ("bold", "black", "heavy", "semibold", "demi")


@dataclass
class Line:
    """A line of a PDF page, with the size of its largest type and whether all of it is bold."""

    text: str = ""
    size: float = 0.0
    bold: bool = True
    sizes: Counter[float] = field(default_factory=Counter)

    def add(self, text: str, size: float, bold: bool) -> None:
        self.text += text
        letters = sum(c.isalnum() for c in text)
        if letters:
            self.sizes[size] += letters
            self.size = max(self.size, size)
            self.bold = self.bold and bold


def page_lines(page: Any) -> list[Line]:
    """The lines of one pypdf page, in the order its text was laid down."""
    lines = [Line()]
    last_y: float | None = None

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any,
              size: float) -> None:
        nonlocal last_y
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]) or 1.0
        y = tm[5] * cm[3] + cm[5]
        if text.strip().isdigit() and last_y is not None and abs(y - last_y) > 1 \
                and lines[-1].text and not lines[-1].text.endswith(" "):
            return  # a footnote mark raised above its line
        name = str(font.get("/BaseFont", "")).lower() if font else ""
        bold = any(weight in name for weight in _BOLD)
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append(Line())
            lines[-1].add(part, round(size * scale, 1), bold)
        if text.strip():
            last_y = y

    page.extract_text(visitor_text=visit)
    found = []
    for line in lines:
        line.text = " ".join(line.text.split())
        if line.text:
            found.append(line)
    return found


def running_lines(pages: Sequence[Sequence[Line]]) -> set[tuple[str, float]]:
    """The lines printed on (nearly) every page in the same type, whatever their numbers: a
    running header or footer ("Page 3 of 40"), each as its text and size. A title wrapped
    like the footer that repeats it is in other type, and kept."""
    count = len(pages)
    seen = Counter(key for page in pages for key in {_running_key(line) for line in page})
    running = {key for key, n in seen.items()
               if (count >= 2 and n == count) or (count >= 3 and n >= RUNNING * count)}
    return {(line.text, line.size) for page in pages for line in page
            if _running_key(line) in running}


def _running_key(line: Line) -> tuple[str, float]:
    return _shape(line.text), round(line.size, 1)


def _shape(text: str) -> str:
    """A page number's line with its numbers taken out ("Page # of #"); any other as it is,
    so that lines alike but for a number (a numbered list) are kept."""
    return re.sub(r"\d+", "#", text) if _PAGE_NUMBER.search(text) else text


_PAGE_NUMBER = re.compile(r"^\W*\d+\W*$|\bpage\s+\d+", re.IGNORECASE)


def body_size(pages: Sequence[Sequence[Line]]) -> float:
    """The size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page:
            sizes.update(line.sizes)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def is_heading(line: Line, body: float) -> bool:
    """A short line, not a sentence, set larger than the body or in bold at its size."""
    words = line.text.split()
    if not words or len(words) > HEADING_WORDS or line.text.endswith((".", ",", ";", ":")) \
            or not any(c.isalpha() for c in line.text):
        return False
    return line.size >= HEADING_SIZE * body or (line.bold and line.size >= 0.95 * body)


def outline(reader: Any, items: Any) -> Iterator[tuple[int, list[str]]]:
    """Each page's bookmarked headings, in order (the PDF's own outline)."""
    found: dict[int, list[str]] = {}
    for item in items:
        if isinstance(item, list):
            for page, titles in outline(reader, item):
                found.setdefault(page, []).extend(titles)
        else:
            page = reader.get_destination_page_number(item) + 1
            found.setdefault(page, []).append(" ".join(str(item.title).split()))
    yield from found.items()
