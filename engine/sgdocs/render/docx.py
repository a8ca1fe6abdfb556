"""Word output: the kind's .docx template filled by docxtpl.

Rich text becomes native paragraphs and runs (`wordml`), the one sandboxed, autoescaped Jinja
environment renders the tags, and the document's properties (title, language, author) are
set from the content so the file is identified correctly in Word and by screen readers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError
from lxml import etree

from sgdocs.errors import Finding, Location, TemplateProblem
from sgdocs.kinds import Kind, Output
from sgdocs.read.documents import LoadedDocument
from sgdocs.render.context import template_context
from sgdocs.render.kind_templates import made_word, unshipped
from sgdocs.render.templating import (
    find_template,
    raised_in_template,
    template_line,
    word_environment,
)
from sgdocs.render.word_brand import apply_brand
from sgdocs.render.word_columns import fit_columns
from sgdocs.render.word_contents import fill_contents
from sgdocs.render.word_headings import level_subheadings
from sgdocs.render.word_lint import line_text, lint
from sgdocs.render.word_package import NOTES, part_name, unpacked_template, verify
from sgdocs.render.word_pagination import keep_together
from sgdocs.render.wordml import WordWriter, style_names
from sgdocs.write.files import build_time, docx_bytes
from sgdocs.write.provenance import provenance

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_CUSTOM_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
               "custom-properties")
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_FORMAT = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
"""The format id Word gives user-defined properties."""
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
"""For a filled-in part: nothing in it is fetched or expanded."""


def render(document: LoadedDocument, output: Output) -> bytes:
    path, made = _template(document.kind, output, document.root)
    template = _open(path, made)
    writer = WordWriter(template.docx, Location(path),
                        lambda: template.current_rendering_part or template.docx.part)
    context = template_context(document, writer)
    template.render(context, jinja_env=word_environment())
    level_subheadings(template.docx, style_names(template.docx), writer.style_id)
    if document.partnership.brand:
        apply_brand(template.docx, document.partnership.brand)
    fill_contents(template.docx)
    fit_columns(template.docx)
    keep_together(template.docx)
    _number_ids(template.docx)
    when = build_time(document.model)
    _set_properties(template.docx, document, when)
    _set_custom_properties(template.docx, provenance(document, [path]).properties())
    verify(template.docx.part.package, path)
    return docx_bytes(template.docx, when)


def problems(kind: Kind, output: Output, root: Path) -> list[Finding]:
    try:
        path, made = _template(kind, output, root)
        return lint(_open(path, made), path, kind)
    except TemplateProblem as exc:
        return list(exc.findings)


def _template(kind: Kind, output: Output, root: Path) -> tuple[Path, bytes | None]:
    """The Word template for `output`: the partnership's restyled one if it has one, else
    the shipped one, or for a kind with neither the one its layout makes (told as the
    layout, with its bytes)."""
    if unshipped(kind, output, "docx", root):
        return kind.layout(output), made_word(kind, output)
    return find_template(root, "docx", _template_name(kind, output)), None


def lint_file(path: Path, kind: Kind) -> list[Finding]:
    """Every problem in the Word template at `path`, for documents of `kind`."""
    return lint(_open(path), path, kind)


class _StrictTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl, but refusing what it would quietly repair or pass on: its repair drops
    whatever XML does not parse, which would silently lose content, and a part it leaves
    broken would be written as a damaged document."""

    _patched: dict[str, str] = {}
    """docxtpl's rewriting of each template part's XML before compiling it, kept: every
    document made from one template asks for the same rewriting."""

    def __init__(self, path: Path, made: bytes | None = None) -> None:
        super().__init__(io.BytesIO(made) if made is not None else unpacked_template(path))
        self.path = path

    def patch_xml(self, src_xml: str) -> str:
        if src_xml not in self._patched:
            if len(self._patched) >= 64:
                self._patched.clear()
            self._patched[src_xml] = super().patch_xml(src_xml)
        return self._patched[src_xml]

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any],
                        jinja_env: Any = None) -> str:
        """One part (the body, a header or footer, the notes) filled in, and refused unless
        it is well-formed Word XML."""
        story = part_name(part.content_type)
        try:
            xml: str = super().render_xml_part(src_xml, part, context, jinja_env)
        except Exception as exc:
            problem = self._failure(exc, story, src_xml)
            if problem is None:
                raise
            raise problem from None
        self._check_filled(xml, story)
        return xml

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """The document's properties (title, subject, …), which docxtpl fills in too."""
        try:
            super().render_properties(context, jinja_env)
        except Exception as exc:
            problem = self._failure(exc, "the document properties", "")
            if problem is None:
                raise
            raise problem from None

    def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """Footnotes and endnotes, each part filled in once: docxtpl fills in footnotes only
        (an endnote's tags would be printed as typed), and once for every section (filling
        in again what the content put there)."""
        for part in self.docx.part.package.iter_parts():
            if part.content_type in NOTES:
                xml = self.patch_xml(part.blob.decode("utf-8"))
                part._blob = self.render_xml_part(xml, part, context, jinja_env
                                                  ).encode("utf-8")

    def _failure(self, exc: Exception, story: str, src_xml: str) -> TemplateProblem | None:
        """`exc`, raised filling in `story` from `src_xml`, told at its paragraph as a
        problem with the template if the template's own expression raised it (a division
        by zero); None, a fault in sgdocs, if code the template called raised it."""
        if not isinstance(exc, TemplateError) and not raised_in_template(exc):
            return None
        found = template_line(exc)
        line = found[1] if found else getattr(exc, "lineno", None)
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)  # the lines docxtpl compiles
        shown = line_text(source, line, not isinstance(exc, TemplateSyntaxError)) if line else ""
        where = f"in {story}, near \u201c{shown}\u201d" if shown else f"in {story}"
        if isinstance(exc, TemplateError):
            return TemplateProblem([Finding(Location(self.path), f"{where}: the template "
                                            f"could not be filled: {exc.message}",
                                            "`sgdocs schema` lists the fields a template "
                                            "can use")])
        return TemplateProblem([Finding(Location(self.path), f"{where}: the template could "
                                        f"not be filled: {exc}", "correct the expression "
                                        "there")])

    def _check_filled(self, xml: str, story: str) -> None:
        """Refuse a filled-in part Word could not read: XML that is not well-formed (a block
        left out or repeated across a table cell's edge), or paragraphs inside a run."""
        try:
            tree = etree.fromstring(xml.encode("utf-8"), _PARSER)
        except etree.XMLSyntaxError as exc:
            line = xml.splitlines()[exc.lineno - 1] if exc.lineno else ""
            self._refuse(line[max(exc.offset - 300, 0):exc.offset + 100], story,
                         "open and close each block tag ({%p if %}, {%p for %}) in the same "
                         "table cell, footnote or text box: `sgdocs lint` finds the ones "
                         "that do not")
        misplaced = tree.xpath("//w:t[*]", namespaces={"w": _W})
        if misplaced:
            self._refuse(etree.tostring(misplaced[0], encoding="unicode"), story,
                         "rich text must be placed with {{r field }} (inside a paragraph) "
                         "or {{p field }} (as whole paragraphs), not {{ field }}")

    def _refuse(self, near_xml: str, story: str, hint: str) -> None:
        near = " ".join(re.sub(r"<[^>]+>", " ", near_xml).split())
        shown = f" near \u201c{near[-80:]}\u201d" if near else ""  # no text: only tags there
        raise TemplateProblem([Finding(
            Location(self.path), f"the filled-in template is not valid Word XML{shown}, in "
            f"{story}", hint)])


def _open(path: Path, made: bytes | None = None) -> DocxTemplate:
    template = _StrictTemplate(path, made)
    try:
        template.init_docx()
    except Exception as exc:  # python-docx raises several unrelated types for a bad package
        raise TemplateProblem([Finding(Location(path), "this is not a Word document sgdocs "
                                       f"can open ({exc.__class__.__name__})",
                                       "save it from Word as a .docx document")]) from None
    return template


def _number_ids(docx: Any) -> None:
    """Give every bookmark and form field its own id: a loop repeats the template's."""
    body = docx.element.body
    for number, sdt_id in enumerate(body.xpath(".//w:sdtPr/w:id"), start=1):
        sdt_id.set(qn("w:val"), str(number))
    open_ids: dict[str, list[str]] = {}
    for number, element in enumerate(body.xpath(".//w:bookmarkStart | .//w:bookmarkEnd")):
        old = element.get(qn("w:id"))
        if element.tag == qn("w:bookmarkStart"):
            open_ids.setdefault(old, []).append(str(number))
            element.set(qn("w:id"), str(number))
        elif open_ids.get(old):
            element.set(qn("w:id"), open_ids[old].pop(0))


def _set_properties(docx: Any, document: LoadedDocument, when: dt.datetime) -> None:
    properties = docx.core_properties
    properties.created = properties.modified = when.replace(tzinfo=None)
    properties.revision = 1
    control = document.model.document_control
    properties.title = _fitted(document.model.title)
    properties.subject = _fitted(document.kind.summary)
    properties.author = _fitted(document.partnership.name)
    properties.last_modified_by = _fitted(document.partnership.name)
    properties.language = "en-GB"
    properties.version = _fitted(control.version or "")
    properties.content_status = control.status.capitalize()
    properties.category = document.kind.name


def _fitted(text: str) -> str:
    """Word's document properties hold 255 characters; the document shows the whole text."""
    return text if len(text) <= 255 else text[:254] + "\u2026"


def _set_custom_properties(docx: Any, values: dict[str, str]) -> None:
    """Word's custom document properties (File > Properties), keeping any the template has."""
    package = docx.part.package
    properties = etree.Element(f"{{{_CUSTOM}}}Properties", nsmap={None: _CUSTOM, "vt": _VT})
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == _CUSTOM_REL:
            kept = etree.fromstring(rel.target_part.blob)
            properties.extend(p for p in kept if p.get("name") not in values)
            del package.rels[rel_id]
    for name, value in values.items():
        entry = etree.SubElement(properties, f"{{{_CUSTOM}}}property", fmtid=_CUSTOM_FORMAT,
                                 name=name)
        etree.SubElement(entry, f"{{{_VT}}}lpwstr").text = value
    for pid, entry in enumerate(properties, start=2):  # ids 0 and 1 are reserved
        entry.set("pid", str(pid))
    blob = etree.tostring(properties, xml_declaration=True, encoding="UTF-8",
                          standalone=True)
    package.relate_to(Part(PackURI("/docProps/custom.xml"), _CUSTOM_TYPE, blob, package),
                      _CUSTOM_REL)


def _template_name(kind: Kind, output: Output) -> str:
    return f"{kind.template(output)}.docx"
