"""What can be wrong with a Word template, found before it is filled, each problem told
with the paragraph or table cell it stands in.

Business managers restyle the templates in Word, and Word edits what it shows: it splits
a tag across runs when part of it is retyped or formatted, turns straight quotes into
curly ones, and lets a style be deleted. sgdocs reads split tags and curly quotes as meant
(docxtpl joins the one and straightens the other), so those are warnings worth tidying; a
block tag left open or closed twice, a field the kind does not have, a missing style or a
skipped heading level are errors. `sgdocs lint` and `build` run the same checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError
from lxml import etree

from sgdocs.check.accessibility import word_heading_problems
from sgdocs.check.templates import TemplateChecker, context_shape
from sgdocs.errors import Finding, Location, Severity
from sgdocs.kinds import Kind
from sgdocs.render.templating import environment
from sgdocs.render.word_package import NOTES, part_name, template_findings
from sgdocs.render.wordml import MISSING_STYLE_HINT, WordWriter, missing_style

_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
TAG = re.compile(r"\{[{%#].*?[}%#]\}")
HALF_TAG = re.compile(r".{0,30}(?:\{[{%]|[}%]\}).{0,30}")
"""A tag's opening or closing left over once the whole tags are taken out, with the text
around it."""
BLOCK = re.compile(r"\{%-?\s*(p|tr|tc|r)?\s*(if|for|endif|endfor)\b")
CURLY_QUOTES = "\u201c\u201d\u2018\u2019"


def lint(template: DocxTemplate, path: Path, kind: Kind) -> list[Finding]:
    """Every problem in the template `template` (opened from `path`) for `kind`."""
    found = template_findings(template.docx.part.package, path)
    for part, element in _parts(template):
        paragraphs = list(_paragraphs(element))
        found += _run_problems(paragraphs, part, path)
        unbalanced = _balance_problems(paragraphs, part, path)
        found += unbalanced
        if not unbalanced:
            found += _field_problems(template, element, paragraphs, part, path, kind)
    found += word_heading_problems(template.docx.paragraphs, path)
    writer = WordWriter(template.docx, Location(path))
    found += [Finding(Location(path), missing_style(name), MISSING_STYLE_HINT)
              for name in writer.missing_styles()]
    return found


def _parts(template: DocxTemplate) -> Iterator[tuple[str, Any]]:
    """Each part that is filled in, with the name messages give it."""
    yield "the body", template.docx.element.body
    for reltype in (_HEADER, _FOOTER):
        for _, part in template.get_headers_footers(reltype):
            yield part_name(part.content_type), part.element
    for part in template.docx.part.package.iter_parts():
        if part.content_type not in NOTES:
            continue
        try:
            element = parse_xml(part.blob)
        except etree.XMLSyntaxError:
            continue  # one of the package's problems
        yield part_name(part.content_type), element


def _paragraphs(element: Any) -> Iterator[tuple[Any, list[str]]]:
    """Each paragraph with the text of each of its runs."""
    for paragraph in element.iter(qn("w:p")):
        runs = ["".join(t.text or "" for t in run.iter(qn("w:t")))
                for run in paragraph.iter(qn("w:r"))]
        yield paragraph, runs


def _run_problems(paragraphs: list[tuple[Any, list[str]]], part: str, path: Path
                  ) -> list[Finding]:
    found = []
    for paragraph, runs in paragraphs:
        text = "".join(runs)
        ends = [sum(len(run) for run in runs[:i + 1]) for i in range(len(runs))]
        for tag in TAG.finditer(text):
            spanned = sum(1 for i, end in enumerate(ends)
                          if end > tag.start() and end - len(runs[i]) < tag.end())
            where = _where(paragraph, text, part)
            if spanned > 1:
                found.append(Finding(Location(path), f"{where}: the tag \u201c{tag.group(0)}"
                                     f"\u201d is split across {spanned} runs",
                                     "sgdocs joins it, but retype the tag in one go (select "
                                     "it, delete, type it again) so Word keeps it whole",
                                     Severity.WARNING))
            if any(quote in tag.group(0) for quote in CURLY_QUOTES):
                found.append(Finding(Location(path), f"{where}: the tag \u201c{tag.group(0)}"
                                     "\u201d has curly quotes", "sgdocs reads them as "
                                     "straight quotes; turn off Word's smart quotes "
                                     "(AutoFormat As You Type) when editing tags",
                                     Severity.WARNING))
    return found


def _balance_problems(paragraphs: list[tuple[Any, list[str]]], part: str, path: Path
                      ) -> list[Finding]:
    """Half tags, block tags that open without closing or close without opening, and
    blocks that close in another table cell, footnote or text box than they open in."""
    found = []
    opened: list[tuple[str, str, str, Any]] = []  # keyword, tag, where, place
    for paragraph, runs in paragraphs:
        text = "".join(runs)
        half = HALF_TAG.search(TAG.sub("", text))
        if half:  # docxtpl would pair it with a tag further on, and lose what is between
            found.append(Finding(Location(path), f"{_where(paragraph, text, part)}: "
                                 f"\u201c{half.group(0).strip()}\u201d is not a whole tag",
                                 "a tag opens and closes in one paragraph, {{ with }} and {% "
                                 "with %}: add what is missing"))
            continue
        for tag in TAG.finditer(text):
            block = BLOCK.match(tag.group(0))
            if not block:
                continue
            keyword, where = block.group(2), _where(paragraph, text, part)
            place = _place(paragraph, block.group(1))
            if keyword in ("if", "for"):
                opened.append((keyword, tag.group(0), where, place))
            elif not opened or opened[-1][0] != keyword[3:]:
                found.append(Finding(Location(path), f"{where}: \u201c{tag.group(0)}\u201d "
                                     f"closes a {{% {keyword[3:]} %}} that is not open here",
                                     f"remove it, or add the {{%p {keyword[3:]} … %}} it "
                                     "belongs to"))
            else:
                _, opening, opened_where, opened_place = opened.pop()
                if place is not opened_place:
                    found.append(Finding(Location(path), f"{opened_where}: \u201c{opening}"
                                         f"\u201d is closed {where}, not in the same table "
                                         "cell, footnote or text box", "open and close a "
                                         "block in the same table cell, footnote or text box "
                                         "(or both outside them): filled in as it is, the "
                                         "document would not be valid Word"))
    found += [Finding(Location(path), f"{where}: \u201c{tag}\u201d is never closed",
                      f"add {{%p end{keyword} %}} in a paragraph of its own where the "
                      f"{'condition' if keyword == 'if' else 'repeat'} ends")
              for keyword, tag, where, _ in opened]
    return found


def _place(paragraph: Any, level: str | None) -> Any:
    """The element a block tag stands in once docxtpl has taken out the row, cell or
    paragraph holding it ({%tr %}, {%tc %}, anything else). A block's opening and closing
    tags must stand in the same one, or what is kept or repeated between them is not
    well-formed XML."""
    holder = paragraph
    if level in ("tr", "tc"):
        holder = next(paragraph.iterancestors(qn(f"w:{level}")), paragraph)
    return holder.getparent()


def _field_problems(template: DocxTemplate, element: Any,
                    paragraphs: list[tuple[Any, list[str]]], part: str, path: Path,
                    kind: Kind) -> list[Finding]:
    """Broken tags and fields the kind does not have, found by Jinja over the part."""
    xml = etree.tostring(element, encoding="unicode")
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", template.patch_xml(xml))
    try:
        unknown = TemplateChecker(environment(), context_shape(kind)).check_source(source,
                                                                                   part)
    except TemplateSyntaxError as exc:
        return [Finding(Location(path), f"in {part}, near \u201c{line_text(source, exc.lineno)}"
                        f"\u201d: broken tag: {exc.message}", "check that every {{ has its "
                        "}} and every {%p if %} or {%p for %} its {%p endif %} or "
                        "{%p endfor %}")]
    return [Finding(Location(path), f"{_where_used(problem.message, paragraphs, part)}: "
                    f"{problem.message}", problem.hint) for problem in unknown]


def _where_used(message: str, paragraphs: list[tuple[Any, list[str]]], part: str) -> str:
    """The paragraph or cell holding the field a message names (the first, if several)."""
    used = re.search(r"uses `([^`]+)`", message)
    for paragraph, runs in paragraphs:
        text = "".join(runs)
        if used and used.group(1) in text:
            return _where(paragraph, text, part)
    return f"in {part}"


def _where(paragraph: Any, text: str, part: str) -> str:
    """The paragraph as a reader finds it: in a table cell (row and column), or not."""
    shown = text.strip() if len(text.strip()) <= 60 else text.strip()[:59] + "…"
    cell = next((a for a in paragraph.iterancestors(qn("w:tc"))), None)
    if cell is None:
        return f"in {part}, in the paragraph \u201c{shown}\u201d"
    row = cell.getparent()
    table = row.getparent()
    row_number = list(table.iterchildren(qn("w:tr"))).index(row) + 1
    column = list(row.iterchildren(qn("w:tc"))).index(cell) + 1
    return f"in {part}, in a table, row {row_number}, column {column}, \u201c{shown}\u201d"


def line_text(source: str, line: int, failed_running: bool = False) -> str:
    """The visible text of the template line Jinja reports (roughly one paragraph; block
    tags join several, and the error is at the end, so a long text shows its end). An
    expression that `failed_running` is not in the block tags ending the line (a syntax
    error may be), so they are left off."""
    lines = source.splitlines()
    text = re.sub(r"<[^>]+>", "", lines[line - 1]).strip() if 0 < line <= len(lines) else ""
    if failed_running:
        text = _TRAILING_BLOCK_TAGS.sub("", text) or text
    return text if len(text) <= 80 else "…" + text[-79:]


_TRAILING_BLOCK_TAGS = re.compile(r"(?:\{%.*?%\})+$")
