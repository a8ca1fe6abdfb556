"""The templates a kind's layouts make: for each of its outputs laid out from a template, the
Word template and the HTML template, both from the one layout (`layout.yaml`, or
`layout-clarifications.yaml` for the tender's `-clarifications` output), the HTML with the
kind's own CSS (`style.css`) if it has any."""

from __future__ import annotations

from pathlib import Path

from sgdocs.kinds import Kind, Output
from sgdocs.kinds.layout import read_layout
from sgdocs.render.context import context_shape
from sgdocs.render.layout_html import html_template
from sgdocs.render.layout_word import word_template

STYLE = "style.css"
"""A kind's own CSS, in its folder: added to the house style in its HTML templates."""


def layout_path(kind: Kind, output: Output) -> Path:
    return kind.folder / f"layout{output.name}.yaml"


def made_templates(kind: Kind) -> dict[str, bytes]:
    """Each template the kind's layouts make, by its path under `templates/`
    (`docx/role-brief.docx`, `html/role-brief.html`)."""
    made: dict[str, bytes] = {}
    fields = set(kind.model.model_fields) | set(kind.references) | set(kind.derived)
    for output in kind.outputs:
        path = layout_path(kind, output)
        if not path.is_file():
            continue
        layout = read_layout(path)
        name = kind.template(output)
        if "docx" in output.formats:
            made[f"docx/{name}.docx"] = word_template(layout, context_shape(kind))
        if {"html", "pdf"} & set(output.formats):
            style = kind.folder / STYLE
            css = style.read_text(encoding="utf-8") if style.is_file() else ""
            made[f"html/{name}.html"] = html_template(layout, fields, css).encode()
    return made
