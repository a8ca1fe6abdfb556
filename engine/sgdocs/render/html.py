"""HTML output: a standalone, accessible web page; and the print page WeasyPrint lays out.

Both come from the kind's one HTML template: `mode` is "web" or "print", and the shared base
template switches the page furniture (skip link and landmarks on the web; running header,
footer and page numbers in print). Once a page is filled in, the sub-headings of its text
fields are given their levels under the sections they are printed in (`levelled`).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import lxml.html
from jinja2 import (
    Environment,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    meta,
)
from markupsafe import Markup

from sgdocs.check.accessibility import html_template_problems
from sgdocs.check.templates import TEMPLATE_EXTRAS, TemplateChecker, context_shape
from sgdocs.errors import Finding, Location, TemplateProblem
from sgdocs.kinds import Kind, Output
from sgdocs.read import richtext
from sgdocs.read.addresses import PageProblem, page_problems
from sgdocs.read.charts import BarChart
from sgdocs.read.documents import LoadedDocument
from sgdocs.read.schema import Image
from sgdocs.read.values import Rag
from sgdocs.render import charts
from sgdocs.render.context import template_context
from sgdocs.render.kind_templates import made_html_templates
from sgdocs.render.templating import (
    environment,
    html_environment,
    html_loader,
    raised_in_template,
    template_failure,
    template_folders,
)
from sgdocs.write.provenance import Provenance, provenance

Mode = Literal["web", "print"]


def render(document: LoadedDocument, output: Output) -> bytes:
    return page(document, output, "web").encode("utf-8")


def page(document: LoadedDocument, output: Output, mode: Mode,
         origin: Provenance | None = None) -> str:
    """The page; `origin` is the provenance, if already worked out."""
    return pages(document, output, mode, origin)(())


def pages(document: LoadedDocument, output: Output, mode: Mode,
          origin: Provenance | None = None) -> Callable[[Sequence[Entry]], str]:
    """The page with a given table of contents (the headings listed, print only): the
    fields are made ready once, however many times the page is rendered."""
    env = _environment(document.root)
    name = _template_name(document.kind, output)
    try:
        origin = origin or provenance(document, _template_sources(env, name))
        context = template_context(document, _HtmlFormatter(), mode=mode,
                                   provenance=origin.properties())
        template = env.get_template(name)
    except TemplateError as exc:
        raise template_failure(exc, Path(name)) from None

    def render(contents: Sequence[Entry]) -> str:
        try:
            html = template.render(context, toc=contents)
        except TemplateError as exc:
            raise template_failure(exc, Path(name)) from None
        except Exception as exc:  # raised by the template's own expression, e.g. 1 / 0
            if not raised_in_template(exc):
                raise
            raise template_failure(exc, Path(name)) from None
        html = unbroken(levelled(html))
        refused = list(page_problems(html))
        if refused:
            raise TemplateProblem(traced(refused, _template_sources(env, name)))
        return html
    return render


_TEXT = re.compile(r">([^<]+)<")
_CODE = re.compile(r"(?<![\w/.:@-])(?=[\w-]*\d)\w+(?:-\w+)+(?![\w/@-])")


def unbroken(html: str) -> str:
    """The page with each code a reader takes as one word ("BSP-IS-2018-01", "2023-24")
    kept on one line: a line may otherwise break after any hyphen. Only the body's text
    is touched, never a tag, a web address or the head's title and styles."""
    start = html.find("<body")

    def text(node: re.Match[str]) -> str:
        return ">" + _CODE.sub(r'<span class="nowrap">\g<0></span>', node.group(1)) + "<"

    return html if start < 0 else html[:start] + _TEXT.sub(text, html[start:])


_HEADING_TAG = re.compile(r"<(/?)h([1-6])(\s[^>]*)?>")
_DEPTH = re.compile(rf'\s{richtext.SUBHEADING}="(\d)"')


def levelled(html: str) -> str:
    """The page with each field's sub-heading at its level: as many levels under the
    heading printed before the field as its depth says (at most h6), and with an id, so
    that the contents can list it as they would any heading of its level."""
    section, number, field_level = 1, 0, 0

    def level(tag: re.Match[str]) -> str:
        nonlocal section, number, field_level
        closing, depth = tag.group(1), _DEPTH.search(tag.group(3) or "")
        if closing and field_level:
            closed, field_level = field_level, 0
            return f"</h{closed}>"
        if closing:
            return tag.group(0)
        if depth is None:
            section = int(tag.group(2))
            return tag.group(0)
        number += 1
        field_level = min(section + int(depth.group(1)), 6)
        return f'<h{field_level} id="subheading-{number}">'

    return _HEADING_TAG.sub(level, html) if richtext.SUBHEADING in html else html


def traced(problems: list[PageProblem], sources: dict[Path, str]) -> list[Finding]:
    """Findings for what a filled-in page must not hold, each at the template line that
    wrote it, or at the template for what a field filled in."""
    found = []
    for problem in problems:
        where = next((Location(file, number) for file, text in sources.items()
                      for number, line in enumerate(text.splitlines(), 1)
                      if problem.text in line), Location(next(iter(sources))))
        found.append(Finding(where, problem.message, problem.hint))
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Entry:
    """A heading in a table of contents: its anchor, text and level (2 or 3)."""

    anchor: str
    text: str
    level: int


def headings(html: str) -> list[Entry]:
    """The section headings of a rendered page that carry anchors, in reading order."""
    tree = lxml.html.fromstring(html)
    return [Entry(str(h.get("id")), " ".join(h.text_content().split()), int(h.tag[1]))
            for h in tree.xpath("//main//*[self::h2 or self::h3][@id]")]


def text_length(html: str) -> int:
    """How many characters of text the page's main content holds."""
    return sum(len(main.text_content()) for main in lxml.html.fromstring(html).xpath("//main"))


def targets(html: str) -> dict[str, str]:
    """What each anchor of a rendered page is: its element's text (a heading's title)."""
    tree = lxml.html.fromstring(html)
    return {str(element.get("id")): " ".join(element.text_content().split())[:120]
            for element in tree.xpath("//main//*[@id]")}


def template_files(document: LoadedDocument, output: Output) -> dict[Path, str]:
    """The files the document's HTML template is made of, each with its text: itself, then
    what it uses."""
    return _template_sources(_environment(document.root),
                             _template_name(document.kind, output))


def _template_sources(env: Environment, name: str) -> dict[Path, str]:
    """The template `name` and every template it includes, imports or extends, each file
    with its text, `name`'s first."""
    found: dict[str, tuple[Path, str]] = {}
    waiting = [name]
    while waiting:
        current = waiting.pop(0)
        if current in found:
            continue
        try:
            source, filename, _ = env.loader.get_source(env, current)  # type: ignore[union-attr]
        except UnicodeDecodeError:
            raise TemplateProblem([Finding(
                Location(_find(env, current)), "the template is not UTF-8 text",
                "save it as UTF-8 (in a text editor: Save As, encoding UTF-8)")]) from None
        found[current] = (Path(filename), source)  # type: ignore[arg-type]
        parsed = env.parse(source, current, filename)
        waiting += [used for used in meta.find_referenced_templates(parsed) if used is not None]
    return dict(found.values())


def _find(env: Environment, name: str) -> Path:
    """Where the template `name` is, for a message about it: the first folder holding it."""
    for loader in env.loader.loaders:  # type: ignore[union-attr]
        for folder in loader.searchpath:
            if (Path(folder) / name).is_file():
                return Path(folder) / name
    return Path(name)


def problems(kind: Kind, output: Output, root: Path) -> list[Finding]:
    return _problems(_environment(root), _template_name(kind, output), kind,
                     root / "templates" / "html")


def _environment(root: Path) -> Environment:
    """The HTML templates for content under `root`, with those made from layouts for the
    kinds that have none shipped or restyled."""
    made = made_html_templates(root)
    return html_environment(root, tuple((name, text, path)
                                        for name, (text, path) in sorted(made.items())))


def lint_file(path: Path, kind: Kind) -> list[Finding]:
    """Every problem in the HTML template at `path`, for documents of `kind`; the templates
    it includes are looked for beside it, then among the shipped ones."""
    folders = [path.parent, *template_folders(path.parent, "html")]
    env = environment(html_loader(folders, path.parent))
    return _problems(env, path.name, kind, path.parent)


def _problems(env: Environment, name: str, kind: Kind, folder: Path) -> list[Finding]:
    checker = TemplateChecker(env, context_shape(kind, *TEMPLATE_EXTRAS))
    try:
        sources = _template_sources(env, name)
        main, source = next(iter(sources.items()))
        found = checker.check_source(source, name, str(main))
    except TemplateNotFound as exc:
        return [Finding(Location(folder / name), f"there is no HTML template `{exc.name}`",
                        "`sgdocs templates export` copies out the shipped ones")]
    except TemplateSyntaxError as exc:
        return list(template_failure(exc, Path(name)).findings)
    except TemplateProblem as exc:
        return list(exc.findings)
    return [*(Finding(Location(_filename(env, problem.template), problem.line),
                      problem.message, problem.hint) for problem in found),
            *(problem for file, text in sources.items()
              for problem in html_template_problems(text, file)),
            *(Finding(Location(file, problem.line), problem.message, problem.hint)
              for file, text in sources.items() for problem in page_problems(text))]


class _HtmlFormatter:
    """Markdown as HTML; charts as SVG images inside the page, so it stands alone."""

    def rich(self, text: str, inline: bool) -> Markup:
        return Markup(richtext.to_html(text, inline=inline))

    def chart(self, chart: BarChart) -> Markup:
        data = base64.b64encode(charts.svg(chart)).decode("ascii")
        return Markup('<img class="chart" src="data:image/svg+xml;base64,{}" alt="{}">').format(
            data, chart.alt)

    def image(self, image: Image) -> Markup:
        return self._img(image, "picture")

    def logo(self, image: Image) -> Markup:
        return self._img(image, "logo")

    def _img(self, image: Image, role: str) -> Markup:
        data = image.path.read_bytes()
        kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
        return Markup('<img class="{}" src="data:image/{};base64,{}" alt="{}">').format(
            role, kind, base64.b64encode(data).decode("ascii"), image.alt)

    def rag(self, rating: Rag) -> Markup:
        return Markup('<span class="rag rag-{}"><span class="swatch" aria-hidden="true">'
                      "</span>{}</span>").format(str(rating), rating.word)

    def link(self, address: str, words: str | None = None, bold: bool = False) -> Markup:
        linked = Markup('<a href="{}">{}</a>').format(address,
                                                      address if words is None else words)
        return Markup("<strong>{}</strong>").format(linked) if bold else linked


def _template_name(kind: Kind, output: Output) -> str:
    return f"{kind.template(output)}.html"


def _filename(env: object, name: str) -> Path:
    _, filename, _ = env.loader.get_source(env, name)  # type: ignore[attr-defined]
    return Path(filename)
