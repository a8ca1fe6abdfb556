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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sgdocs.errors import ContentError, Finding, Location
from sgdocs.read import pdf_text, zips

FORMATS = (".docx", ".pdf", ".html", ".htm")
MAX_FILE_BYTES = 100_000_000
"""A 400-page report with pictures is well under this."""
MAX_UNPACKED_BYTES = 300_000_000
MAX_PAGES = 1_000
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dd", "blockquote",
           "figcaption")
"""The elements of a web page that hold a heading or a block of text."""
_HEADING_STYLE = re.compile(r"^(?:Title|Heading \d)$")


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
    headings = tuple(dict.fromkeys(p.heading for p in passages if p.heading))
    passages = [p for p in passages if p.text]
    if not passages:
        raise _cannot(path, "it has no text to read" + (
            ": it looks like a scan, with no text layer" if suffix == ".pdf" else ""),
                      "assess a copy with text (for a scan, run it through OCR first)")
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
            if text and _word_heading(document, paragraph, text, block.tag == qn("w:p")):
                heading = text
                passages.append(Passage("", heading, page))  # a heading, though none follows
            else:
                passages.append(Passage(text, heading, page))
    if not any(True for _ in document.element.body.iter(qn("w:lastRenderedPageBreak"))):
        return [Passage(p.text, p.heading) for p in passages], None  # never laid out in Word
    return passages, page


def _word_heading(document: Any, paragraph: Any, text: str, in_body: bool) -> bool:
    """A heading by its style or outline level (in a table too), or, in the body, a short
    line all in bold that is not a sentence: many reports set headings by hand."""
    from docx.oxml.ns import qn

    properties = paragraph.find(qn("w:pPr"))
    style = properties.find(qn("w:pStyle")) if properties is not None else None
    if _HEADING_STYLE.match(_style_name(document, style.get(qn("w:val"))
                                        if style is not None else "")) or (
            properties is not None and (level := properties.find(qn("w:outlineLvl")))
            is not None and level.get(qn("w:val")) != "9"):  # 9 is body text
        return True
    runs = [run for run in paragraph.iter(qn("w:r"))
            if "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()]
    return in_body and bool(runs) and len(text.split()) <= pdf_text.HEADING_WORDS and \
        not text.endswith((".", ",", ";", ":")) and all(
            (bold := run.find(f"{qn('w:rPr')}/{qn('w:b')}")) is not None
            and bold.get(qn("w:val"), "true") not in ("0", "false") for run in runs)


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
        pages = [pdf_text.page_lines(page) for page in reader.pages]
        marks = dict(pdf_text.outline(reader, reader.outline))
    except ContentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError):
        raise _cannot(path, "it is not a PDF, or it is damaged", "open it and save it "
                      "again as PDF") from None
    running = pdf_text.running_lines(pages)
    body = pdf_text.body_size(pages)
    passages, heading, titling = [], "", ""
    for number, page in enumerate(pages, 1):
        previous = None
        for line in page:
            if (line.text, line.size) in running:
                continue
            if marks:  # the PDF's bookmarks say which lines are headings
                pending = next(iter(marks.get(number, [])), "")
                if pending and pending.startswith(" ".join([titling, line.text]).strip()):
                    titling = " ".join([titling, line.text]).strip()
                    if titling == pending:
                        heading, titling = marks[number].pop(0), ""
                        passages.append(Passage("", heading, number))
                    continue
            elif pdf_text.is_heading(line, body):  # else their type does
                if previous is not None and previous.size == line.size and \
                        pdf_text.is_heading(previous, body):  # a heading's second line
                    heading = f"{heading} {line.text}"
                    passages.pop()
                else:
                    heading = line.text
                passages.append(Passage("", heading, number))
                previous = line
                continue
            passages.append(Passage(line.text, heading, number))
            previous = line
    return _joined(passages), count


def _joined(lines: list[Passage]) -> list[Passage]:
    """A PDF's lines joined into sentences: a line that does not end a sentence runs on."""
    passages: list[Passage] = []
    for line in lines:
        last = passages[-1] if passages else None
        if last and last.text and last.page == line.page and last.heading == line.heading \
                and not last.text.endswith((".", "!", "?", ":")):
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
        if next(element.iterdescendants(*_BLOCKS), None) is not None:
            continue  # a table cell or list item holding headings and paragraphs of its own
        text = " ".join(element.text_content().split())
        if element.tag.startswith("h") and element.tag[1:].isdigit():
            heading = text or heading
            passages.append(Passage("", heading))
        elif text:
            passages.append(Passage(text, heading))
    return passages, None
