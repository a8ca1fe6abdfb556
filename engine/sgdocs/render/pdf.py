"""PDF output: the print page laid out by WeasyPrint as a tagged, accessible PDF.

A document that runs past a few pages gets a table of contents with page numbers. Laying
out is most of the cost of a PDF, so the length is first judged from the amount of text and
the page laid out once; only when that judgement proves wrong is it laid out again. The
provenance goes into the document information; the tags are finished where WeasyPrint
leaves gaps (`pdf_tags`).
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any

from sgdocs.errors import Finding, Location, Severity, TemplateProblem
from sgdocs.kinds import Output
from sgdocs.read.addresses import RESOURCE_HINT, PageProblem
from sgdocs.read.documents import LoadedDocument
from sgdocs.read.paths import PACKAGE, PathRefused, read_contained, shipped_templates
from sgdocs.render import html as render_html
from sgdocs.render.pdf_tags import finisher
from sgdocs.write.provenance import provenance

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
    laid_out = _lay_out(listed if with_contents else bare, document, output)
    if listed != bare and (len(laid_out.pages) >= CONTENTS_FROM_PAGES) != with_contents:
        with_contents = not with_contents  # the guess was wrong
        laid_out = _lay_out(listed if with_contents else bare, document, output)
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


def _lay_out(html: str, document: LoadedDocument, output: Output) -> Any:
    from weasyprint import HTML

    try:
        return HTML(string=html, base_url=str(document.root), url_fetcher=fetcher(document.root)
                    ).render(pdf_variant=VARIANT)
    except _Refused as refused:
        problem = PageProblem(0, refused.message, RESOURCE_HINT, refused.shown)
        raise TemplateProblem(render_html.traced(
            [problem], render_html.template_files(document, output))) from None


class _Refused(BaseException):
    """A file or address the PDF may not read: stops the layout at once (WeasyPrint turns
    ordinary exceptions from a fetcher into warnings and carries on)."""

    def __init__(self, message: str, shown: str) -> None:
        super().__init__(message)
        self.message, self.shown = message, shown


MAX_RESOURCE_BYTES = 10_000_000
"""A picture, stylesheet or font a template names."""


def fetcher(root: Path) -> Any:
    """WeasyPrint's fetcher, reading only what is embedded in the page and files inside the
    content root or sgdocs's own folders: never the network, never a file elsewhere."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = (root, shipped_templates(), PACKAGE)

    class Fetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            shown = url if not url.startswith("file:") else unquote(urlsplit(url).path)
            if not url.startswith("file:"):
                raise _Refused(f"the template makes the PDF load \u201c{url[:80]}\u201d, "
                               "which is not in the content folder", url)
            path = Path(shown)
            try:
                data = read_contained(path, allowed, MAX_RESOURCE_BYTES, "a picture or "
                                      "stylesheet")
            except PathRefused as exc:
                raise _Refused(f"the template makes the PDF read \u201c{shown[:80]}\u201d: "
                               f"{exc}", path.name) from None
            except OSError as exc:
                raise _Refused(f"the template makes the PDF read \u201c{shown[:80]}\u201d, "
                               f"which cannot be read ({exc.strerror})", path.name) from None
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, data, {"Content-Type": kind})

    return Fetcher()
