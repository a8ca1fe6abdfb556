"""PDF output: the print page laid out by WeasyPrint as a tagged, accessible PDF."""

from __future__ import annotations

import logging

from . import render_html
from .content import LoadedDocument
from .kinds import Output

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


problems = render_html.problems
"""The PDF is laid out from the HTML template, so its problems are that template's."""


def render(document: LoadedDocument, output: Output) -> bytes:
    from weasyprint import HTML

    html = render_html.page(document, output, "print")
    pdf: bytes = HTML(string=html, base_url=str(document.root)).write_pdf(
        pdf_variant="pdf/ua-1")
    return pdf
