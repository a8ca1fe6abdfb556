"""Reading a report sgdocs did not write: a partnership's Word file, the PDF on its website,
or a web page, as its passages of text, each under the heading it stands beneath and on the
page it is printed on, so that what is found in it can be quoted and found again.

Each reader uses the library that knows its format: python-docx for Word (paragraphs in
order with their styles, tables included), pypdf for PDF (text page by page, and the
outline the PDF's bookmarks give as headings), lxml for web pages (headings and blocks of
text). Lines printed on every page of a PDF (a running header or footer) are left out.
The files come from elsewhere, so each is read within limits, and one that cannot be read
(a scan with no text, an encrypted or damaged file, a file that is not what its name says)
is a finding naming the file, never a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sgdocs.errors import ContentError, Finding, Location
from sgdocs.read import zips

FORMATS = (".docx", ".pdf", ".html", ".htm")
MAX_FILE_BYTES = 100_000_000
"""A 400-page report with pictures is well under this."""
MAX_UNPACKED_BYTES = 300_000_000
MAX_PAGES = 1_000
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dd", "blockquote",
           "figcaption")
"""The elements of a web page that hold a heading or a block of text."""
_HEADING_STYLE = re.compile(r"^(?:Title|Heading \d)$")
_RUNNING = 0.5
"""A line on every page of a PDF, or on at least this share of three or more, is a running
header or footer."""


@dataclass(frozen=True)
class Passage:
    """A paragraph, list item or table cell of a document, and where it stands."""

    text: str
    heading: str = ""
    """The heading it stands under ("" before the first)."""
    page: int | None = None
    """The page it is printed on (1 for the first), where the format has pages."""

    @property
    def place(self) -> str:
        """Where it is, as a reader finds it: "page 4, under “Our priorities”"."""
        parts = ([f"page {self.page}"] if self.page else []) + (
            [f"under \u201c{self.heading}\u201d"] if self.heading else [])
        return ", ".join(parts) or "at the start"


@dataclass(frozen=True)
class ForeignDocument:
    path: Path
    passages: tuple[Passage, ...]
    headings: tuple[str, ...]
    pages: int | None = None


def read_foreign(path: Path) -> ForeignDocument:
    """The document at `path`, as passages; ContentError naming the file when it cannot be
    read."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise _cannot(path, f"sgdocs reads {', '.join(FORMATS[:3])} files, not "
                      f"\u201c{path.suffix or path.name}\u201d", "save the report as Word, PDF "
                      "or a web page")
    try:
        size = path.stat().st_size
        data = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        raise _cannot(path, f"it cannot be read ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise _cannot(path, f"the file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte "
                      "limit for a report", "split it, or save it without its pictures")
    reader = {".docx": _word, ".pdf": _pdf}.get(suffix, _web)
    passages, pages = reader(path, data)
    passages = [p for p in passages if p.text]
    if not passages:
        raise _cannot(path, "it has no text to read" + (
            ": it looks like a scan, with no text layer" if suffix == ".pdf" else ""),
                      "assess a copy with text (for a scan, run it through OCR first)")
    headings = tuple(dict.fromkeys(p.heading for p in passages if p.heading))
    return ForeignDocument(path, tuple(passages), headings, pages)


def _cannot(path: Path, message: str, hint: str = "") -> ContentError:
    return ContentError([Finding(Location(path), message, hint)])


def _word(path: Path, data: bytes) -> tuple[list[Passage], int | None]:
    import docx
    from docx.oxml.ns import qn

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if "word/document.xml" not in archive.namelist():
            raise zipfile.BadZipFile
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise _cannot(path, "it unpacks to more than a report can hold",
                          "save it again from Word")
        package = zips.within(data, archive, MAX_UNPACKED_BYTES, MAX_UNPACKED_BYTES)
        document = docx.Document(package)
    except (zipfile.BadZipFile, zips.DamagedPart, KeyError, ValueError):
        raise _cannot(path, "it is not a Word document (.docx), or it is damaged",
                      "open it in Word and save it again as .docx") from None
    passages, heading, page = [], "", 1
    for block in document.element.body.iterchildren():
        paragraphs = ([block] if block.tag == qn("w:p") else
                      list(block.iter(qn("w:p"))) if block.tag == qn("w:tbl") else [])
        for paragraph in paragraphs:
            page += len(paragraph.findall(".//" + qn("w:lastRenderedPageBreak"))) + sum(
                1 for br in paragraph.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
            text = " ".join("".join(t.text or "" for t in paragraph.iter(qn("w:t"))).split())
            style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = _style_name(document, style.get(qn("w:val")) if style is not None else "")
            if _HEADING_STYLE.match(name) and text:
                heading = text
            else:
                passages.append(Passage(text, heading, page))
    if not any(True for _ in document.element.body.iter(qn("w:lastRenderedPageBreak"))):
        return [Passage(p.text, p.heading) for p in passages], None  # never laid out in Word
    return passages, page


def _style_name(document: Any, style_id: str) -> str:
    try:
        return str(document.styles.get_by_id(style_id, 1).name) if style_id else ""
    except (KeyError, ValueError):
        return ""


def _pdf(path: Path, data: bytes) -> tuple[list[Passage], int | None]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _cannot(path, "it is encrypted with a password", "assess a copy without "
                          "the password")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise _cannot(path, f"it has {count:,} pages, more than the {MAX_PAGES:,} a "
                          "report may have", "split it")
        texts = [page.extract_text() or "" for page in reader.pages]
        marks = dict(_outline(reader, reader.outline))
    except ContentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError):
        raise _cannot(path, "it is not a PDF, or it is damaged", "open it and save it "
                      "again as PDF") from None
    lines = [[" ".join(line.split()) for line in text.splitlines() if line.strip()]
             for text in texts]
    seen = Counter(line for page in lines for line in set(page))
    running = {line for line, n in seen.items()
               if (count >= 2 and n == count) or (count >= 3 and n >= _RUNNING * count)}
    passages, heading = [], ""
    for number, page in enumerate(lines, 1):
        for line in page:
            if line in running:
                continue
            if marks.get(number) and line == marks[number][0]:
                heading = marks[number].pop(0)
                continue
            passages.append(Passage(line, heading, number))
    return _joined(passages), count


def _outline(reader: Any, items: Any) -> Iterator[tuple[int, list[str]]]:
    """Each page's bookmarked headings, in order (the PDF's own outline)."""
    found: dict[int, list[str]] = {}
    for item in items:
        if isinstance(item, list):
            for page, titles in _outline(reader, item):
                found.setdefault(page, []).extend(titles)
        else:
            page = reader.get_destination_page_number(item) + 1
            found.setdefault(page, []).append(" ".join(str(item.title).split()))
    yield from found.items()


def _joined(lines: list[Passage]) -> list[Passage]:
    """A PDF's lines joined into sentences: a line that does not end a sentence runs on."""
    passages: list[Passage] = []
    for line in lines:
        last = passages[-1] if passages else None
        if last and last.page == line.page and last.heading == line.heading and \
                not last.text.endswith((".", "!", "?", ":")):
            passages[-1] = Passage(f"{last.text} {line.text}", last.heading, last.page)
        else:
            passages.append(line)
    return passages


def _web(path: Path, data: bytes) -> tuple[list[Passage], int | None]:
    from lxml import etree, html

    try:
        tree = html.fromstring(data)
    except (etree.ParserError, ValueError):
        raise _cannot(path, "it is not a web page, or it is empty") from None
    passages, heading = [], ""
    for element in tree.iter(*_BLOCKS):
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors()):
            continue  # its words are in the block it stands in
        text = " ".join(element.text_content().split())
        if element.tag.startswith("h") and element.tag[1:].isdigit():
            heading = text or heading
        elif text:
            passages.append(Passage(text, heading))
    return passages, None
