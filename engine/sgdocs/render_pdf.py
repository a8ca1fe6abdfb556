"""PDF output: the print page laid out by WeasyPrint as a tagged, accessible PDF.

A document that runs past a few pages gets a table of contents with page numbers. Laying
out is most of the cost of a PDF, so the length is first judged from the amount of text and
the page laid out once; only when that judgement proves wrong is it laid out again. The
provenance goes into the document information; the tags are finished where WeasyPrint
leaves gaps (`pdf_tags`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from . import render_html
from .content import LoadedDocument
from .errors import Finding, Location, Severity
from .kinds import Output
from .pdf_tags import finisher
from .provenance import provenance

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

VARIANT = "pdf/ua-1"
"""Tagged for assistive technology, to the PDF/UA standard."""
CONTENTS_FROM_PAGES = 5
"""Documents of this many pages or more get a table of contents."""
CHARACTERS_PER_PAGE = 1800
"""About how much text an A4 page of the shipped style holds, with its tables and space."""

problems = render_html.problems
"""The PDF is laid out from the HTML template, so its problems are that template's."""


def render(document: LoadedDocument, output: Output) -> bytes:
    origin = provenance(document, render_html.template_files(document, output))
    page = render_html.pages(document, output, "print", origin)
    bare = page(())
    listed = page(entries) if (entries := render_html.headings(bare)) else bare
    with_contents = listed != bare and (render_html.text_length(bare) // CHARACTERS_PER_PAGE
                                        + 1 >= CONTENTS_FROM_PAGES)
    laid_out = _lay_out(listed if with_contents else bare, document)
    if listed != bare and (len(laid_out.pages) - with_contents >= CONTENTS_FROM_PAGES
                           ) != with_contents:  # the guess was wrong
        with_contents = not with_contents
        laid_out = _lay_out(listed if with_contents else bare, document)
    laid_out.metadata.custom = origin.properties()
    pdf: bytes = laid_out.write_pdf(
        pdf_variant=VARIANT, custom_metadata=True, pdf_identifier=True,
        finisher=finisher(render_html.targets(listed if with_contents else bare)))
    return pdf


def machine_problems() -> list[Finding]:
    from weasyprint.text.ffi import harfbuzz_subset

    if harfbuzz_subset is not None:
        return []
    return [Finding(Location(Path(".")), "HarfBuzz's font subsetting library is not "
                    "installed, so each PDF takes about twice as long to make",
                    "install it: on Debian or Ubuntu, `apt-get install libharfbuzz-subset0`",
                    Severity.WARNING)]


def prepare() -> None:
    import weasyprint  # noqa: F401


def _lay_out(html: str, document: LoadedDocument) -> Any:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(document.root)).render(pdf_variant=VARIANT)
