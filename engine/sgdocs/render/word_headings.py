"""A field's sub-headings given their Word heading style once the document is filled in.

Markdown is turned into Word before the template places it, so a field's heading cannot
know its level when it is written: it carries a placeholder style naming its depth under
the section (1 or 2, `richtext`). Once the template is filled in, each becomes "Heading n",
n being the level of the heading before it in the same story (the Title counts as 0) plus
its depth: under a Heading 1 section, a field's headings are Heading 2 and Heading 3. They
are real headings, so Word's navigation pane and screen readers nest them under their
section, and the contents list them as Word would on updating (the levels its TOC field
names); the PDF lists the same levels, from the same rule (`render.html.levelled`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docx.oxml.ns import qn

_PLACEHOLDER = "sgdocsSubheading"
_STORIES = (qn("w:document"), qn("w:hdr"), qn("w:ftr"))
_DEEPEST = 9
"""Word's built-in heading styles go to Heading 9."""


def placeholder(depth: int) -> str:
    """The style id a field's heading of `depth` waits under."""
    return f"{_PLACEHOLDER}{depth}"


def level_subheadings(document: Any, names: dict[str, str],
                      style_id: Callable[[str], str]) -> None:
    """Give each field's heading in `document` its heading style; `names` is each style's
    name by its id, `style_id` the id of a style by its name (or a refusal if missing)."""
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None or element.tag not in _STORIES:
            continue
        section = 0
        for paragraph in element.iter(qn("w:p")):
            style = paragraph.style or ""
            if style.startswith(_PLACEHOLDER):
                level = min(section + int(style.removeprefix(_PLACEHOLDER)), _DEEPEST)
                paragraph.style = style_id(f"Heading {level}")
            elif found := _level(names.get(style, "")):
                section = found
            elif names.get(style) == "Title":
                section = 0


def _level(name: str) -> int:
    found = re.fullmatch(r"Heading (\d)", name)
    return int(found.group(1)) if found else 0
