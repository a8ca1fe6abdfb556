"""An assessment's page (`render.assessment_pages`) as a web page, a PDF and a Word file in
the house style: the web page and PDF from one HTML template, the Word file on the house
Word template, with fields to type the verdict in.

The words on the page come from reports written elsewhere, so none of them is ever read as
a template: the HTML template escapes them, and in Word they are added as text after the
house template's own few tags are filled in.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sgdocs.read.paths import PACKAGE, shipped_templates
from sgdocs.render import charts
from sgdocs.render.assessment_pages import (
    Answer,
    Block,
    Figure,
    Heading,
    Page,
    Paragraph,
    Quote,
    Table,
    Together,
)
from sgdocs.render.templating import environment, html_loader

if TYPE_CHECKING:
    from sgdocs.render.word_writer import Writer

HEADER = "sgdocs assessment: evidence found, for a person to judge"
"""The running header of the Word file, where a document's partnership name would be."""
TEXT_WIDTH = 170
"""The house A4 page's text width, in millimetres."""


def web_page(page: Page, mode: str = "web") -> str:
    """The page as HTML: "web" to publish or share, "print" for the PDF."""
    here = Path(__file__).parent
    template = environment(html_loader([here, shipped_templates() / "html"], PACKAGE)
                           ).get_template("assessment.html")
    return template.render(page=page, mode=mode, items=_items(page.blocks))


def _items(blocks: Sequence[Block]) -> list[tuple[str, Block, Any]]:
    """Each block with its kind's name, and what the template needs drawn or nested: a
    chart's SVG, the blocks kept together."""
    return [(type(block).__name__, block,
             base64.b64encode(charts.svg(block.chart)).decode() if isinstance(block, Figure)
             else _items(block.blocks) if isinstance(block, Together) else None)
            for block in blocks]


def pdf(page: Page) -> bytes:
    """The page laid out by WeasyPrint as a tagged PDF; nothing is fetched."""
    from weasyprint import HTML

    from sgdocs.render.pdf import VARIANT, fetcher
    from sgdocs.render.pdf_tags import finisher

    laid_out = HTML(string=web_page(page, "print"), url_fetcher=fetcher(shipped_templates())
                    ).render(pdf_variant=VARIANT)
    laid_out.metadata.title = page.title
    made: bytes = laid_out.write_pdf(pdf_variant=VARIANT, pdf_identifier=True,
                                     finisher=finisher({}))
    return made


def word(page: Page, when: dt.datetime) -> bytes:
    """The page as a Word file to annotate: each verdict a field to type in."""
    from docx import Document
    from docxtpl import DocxTemplate

    from sgdocs.render.word_columns import fit_columns
    from sgdocs.render.word_house import new_document
    from sgdocs.render.word_writer import Writer
    from sgdocs.write.files import docx_bytes

    house = io.BytesIO()
    new_document(page.title).save(house)
    template = DocxTemplate(house)
    template.render({"partnership": {"name": HEADER}, "title": page.title, "incomplete": False,
                     "classification": None, "brand": None}, jinja_env=environment())
    filled = io.BytesIO()
    template.save(filled)
    document = Document(filled)
    writer = Writer(document)
    writer.para(page.title, "Title")
    writer.para(page.subtitle, "Subtitle")
    for block in page.blocks:
        _add(writer, block)
    fit_columns(document)
    return docx_bytes(document, when)


def _add(writer: Writer, block: Any) -> None:
    if isinstance(block, Heading):
        writer.heading(block.text, block.level - 1)
    elif isinstance(block, Paragraph):
        style = {"note": "Notice", "muted": "Caption"}.get(block.style)
        writer.para(block.text, style)
    elif isinstance(block, Quote):
        writer.para(block.text, "Quote")
        writer.para(block.place, "Caption").paragraph_format.left_indent = \
            writer.document.styles["Quote"].paragraph_format.left_indent
    elif isinstance(block, Table):
        _table(writer, block)
    elif isinstance(block, Figure):
        from docx.shared import Mm

        writer.document.add_picture(io.BytesIO(charts.png(block.chart)), width=Mm(160))
        picture = writer.document.inline_shapes[-1]
        picture._inline.docPr.set("descr", block.chart.alt)
    elif isinstance(block, Answer):
        writer.form(["Your verdict (met, partly met, not met, not applicable)", "Your notes"])
    elif isinstance(block, Together):
        start = len(writer.document.paragraphs)
        for each in block.blocks:
            _add(writer, each)
        for paragraph in writer.document.paragraphs[start:-1]:  # the next may start a page
            paragraph.paragraph_format.keep_with_next = True


def _table(writer: Writer, table: Table) -> None:
    """Columns shared by how much they hold (widened to their longest word afterwards, as
    every Word table is: `word_columns`), numbers narrow and aligned right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    words = [len(heading) for heading in table.header[:len(table.header) - table.numbers]]
    for row in table.rows:
        for column, cell in enumerate(row[:len(words)]):
            words[column] = max(words[column], min(len(cell), 60))
    number_width = 24.0
    free = TEXT_WIDTH - number_width * table.numbers
    widths = [free * count / sum(words) for count in words] + [number_width] * table.numbers
    made = writer.table(list(table.header), [list(row) for row in table.rows], widths)
    for row in made.rows:
        for cell in row.cells[len(words):]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
