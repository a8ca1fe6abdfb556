"""PDF output: the print page laid out by WeasyPrint as a tagged, accessible PDF.

A document that runs past a few pages gets a table of contents with page numbers: the page
is laid out once to count its pages, then again with the contents. The provenance goes into
the document information; the tags are finished where WeasyPrint leaves gaps (`pdf_tags`).
"""

from __future__ import annotations

import logging
from typing import Any

from . import render_html
from .content import LoadedDocument
from .kinds import Output
from .pdf_tags import finish_tags
from .provenance import provenance

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

CONTENTS_FROM_PAGES = 5
"""Documents of this many pages or more get a table of contents."""

problems = render_html.problems
"""The PDF is laid out from the HTML template, so its problems are that template's."""


def render(document: LoadedDocument, output: Output) -> bytes:
    origin = provenance(document, render_html.template_files(document, output))
    html = render_html.page(document, output, "print", origin=origin)
    laid_out = _lay_out(html, document)
    if len(laid_out.pages) >= CONTENTS_FROM_PAGES and (entries := render_html.headings(html)):
        html = render_html.page(document, output, "print", entries, origin)
        laid_out = _lay_out(html, document)
    laid_out.metadata.custom = origin.properties()
    pdf: bytes = laid_out.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
    return finish_tags(pdf, render_html.targets(html))


def _lay_out(html: str, document: LoadedDocument) -> Any:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(document.root)).render(pdf_variant="pdf/ua-1")
