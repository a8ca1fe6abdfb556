"""A Word table of contents that shows its entries when the document is first opened.

Word writes a table of contents as a TOC field whose result is the entries it last worked
out; a new document's field is empty until the reader updates it, and forcing the update
on opening brings up a prompt. So sgdocs fills in the result itself: one entry per heading,
each a link to a bookmark on its heading. Page numbers need the page layout only Word
knows; they appear when the reader updates the table (right-click, Update Field).

The table is the template's own: a block Word marks as its "Table of Contents" (one a
business manager inserts in Word works the same), whose TOC field says which heading
levels it lists.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from sgdocs.render.pdf import CHARACTERS_PER_PAGE, CONTENTS_FROM_PAGES
from sgdocs.render.wordml import style_names

CONTENTS_SPACE_AFTER = Pt(14)
"""Room between the contents' last line and the text after them."""
_NAMESPACES = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_FIELD = etree.XPath(
    "./w:sdt[w:sdtPr/w:docPartObj/w:docPartGallery/@w:val='Table of Contents']"
    "/w:sdtContent/w:p[.//w:instrText[contains(., 'TOC')]]", namespaces=_NAMESPACES)
"""The paragraph of the contents block where its TOC field starts."""
_SEPARATE = etree.XPath("./w:fldChar[@w:fldCharType='separate']", namespaces=_NAMESPACES)
_INSTRUCTION = etree.XPath(".//w:instrText/text()", namespaces=_NAMESPACES)
_PARAGRAPHS = etree.XPath("./w:p", namespaces=_NAMESPACES)


def fill_contents(document: Any) -> None:
    """Fill the document's table of contents, if it has one, from its headings; take it
    out of a document too short to need one, as its PDF has none."""
    body = document.element.body
    found = _FIELD(body)
    if not found:
        return
    first = found[0]
    content = first.getparent()
    block = content.getparent()
    text = sum(len(t.text or "") for t in body.iter(qn("w:t"))) - sum(
        len(t.text or "") for t in block.iter(qn("w:t")))
    if text // CHARACTERS_PER_PAGE + 1 < CONTENTS_FROM_PAGES:
        block.getparent().remove(block)
        return
    runs = list(first.iterchildren(qn("w:r")))
    separate = next((i for i, run in enumerate(runs)
                     if _SEPARATE(run)), None)
    if separate is None:
        return
    deepest = _deepest_level("".join(_INSTRUCTION(first)))
    styles = style_names(document)
    headings = [(level, paragraph) for paragraph in body.iterchildren(qn("w:p"))
                if (level := _level(paragraph, styles)) and level <= deepest]
    for old in _PARAGRAPHS(content)[content.index(first):]:  # the old result, the end
        content.remove(old)
    ids = {name: style_id for style_id, name in styles.items()}
    entries = [_entry(heading, ids.get(f"toc {level}"), number)
               for number, (level, heading) in enumerate(headings, start=1)]
    entries = entries or [_paragraph(ids.get("toc 1"))]
    position = 1 if entries[0].pPr is not None else 0
    for run in reversed(runs[:separate + 1]):  # the field's start: begin, TOC, separate
        entries[0].insert(position, run)
    entries[-1].append(_field_end())
    entries[-1].get_or_add_pPr().get_or_add_spacing().after = CONTENTS_SPACE_AFTER
    content.extend(entries)


def _deepest_level(instruction: str) -> int:
    """The last heading level a TOC field lists (its \\o "1-3" switch); 3 if unsaid."""
    found = re.search(r'\\o\s+"\d+-(\d+)"', instruction)
    return int(found.group(1)) if found else 3


def _level(paragraph: Any, styles: dict[str, str]) -> int | None:
    """A heading's level (Heading 1 is 1), or None for any other paragraph or an empty one."""
    found = re.fullmatch(r"Heading (\d)", styles.get(paragraph.style or "", ""))
    if found and _text(paragraph):
        return int(found.group(1))
    return None


def _entry(heading: Any, style_id: str | None, number: int) -> Any:
    """One line of the table: the heading's text, linked to a bookmark on the heading."""
    name = f"_Toc{number:08d}"
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    for mark in (start, end):
        mark.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    leading = [child for child in heading if child.tag in (qn("w:pPr"), qn("w:bookmarkStart"))]
    heading.insert(len(leading), start)  # after the heading's own bookmarks
    heading.append(end)
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), name)
    link.set(qn("w:history"), "1")
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = _text(heading)
    run.append(text)
    link.append(run)
    entry = _paragraph(style_id)
    entry.append(link)
    return entry


def _text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()


def _paragraph(style_id: str | None) -> Any:
    paragraph = OxmlElement("w:p")
    if style_id:
        paragraph.style = style_id
    return paragraph


def _field_end() -> Any:
    run, char = OxmlElement("w:r"), OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    run.append(char)
    return run
