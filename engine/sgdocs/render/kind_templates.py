"""The templates a kind's layouts make: for each of its outputs laid out from a template, the
Word template and the HTML template, both from the one layout (`layout.yaml`, or
`layout-clarifications.yaml` for the tender's `-clarifications` output), the HTML with the
kind's own CSS (`style.css`) if it has any."""

from __future__ import annotations

import functools
from pathlib import Path

from sgdocs.check.templates import context_shape
from sgdocs.errors import ContentError
from sgdocs.kinds import Kind, Output, get_kind, kind_folder, kind_names, shipped_names
from sgdocs.kinds.layout import read_layout
from sgdocs.read.paths import shipped_templates
from sgdocs.render.layout_html import html_template
from sgdocs.render.layout_word import word_template
from sgdocs.render.templating import template_folders

STYLE = "style.css"
"""A kind's own CSS, in its folder: added to the house style in its HTML templates."""


def made_templates(kind: Kind) -> dict[str, bytes]:
    """Each template the kind's layouts make, by its path under `templates/`
    (`docx/role-brief.docx`, `html/role-brief.html`)."""
    made: dict[str, bytes] = {}
    for output in kind.outputs:
        if not kind.layout(output).is_file():
            continue
        name = kind.template(output)
        if "docx" in output.formats:
            made[f"docx/{name}.docx"] = made_word(kind, output)
        if {"html", "pdf"} & set(output.formats):
            made[f"html/{name}.html"] = made_html(kind, output).encode()
    return made


def made_word(kind: Kind, output: Output) -> bytes:
    """The Word template of `output`, made from its layout."""
    path = kind.layout(output)
    return _word(kind.name, kind.root, path, path.stat().st_mtime_ns)


def made_html(kind: Kind, output: Output) -> str:
    """The HTML template of `output`, made from its layout and the kind's CSS."""
    path, style = kind.layout(output), kind.folder / STYLE
    css = style.read_text(encoding="utf-8") if style.is_file() else ""
    fields = set(kind.model.model_fields) | set(kind.references) | set(kind.derived)
    return html_template(read_layout(path), fields, css)


def unshipped(kind: Kind, output: Output, fmt: str, root: Path) -> bool:
    """Whether `output` has no template in `fmt` but the one its layout makes: neither the
    partnership under `root` nor sgdocs has one of that name (a kind of the partnership's
    own, or a shipped kind's folder copied under a new name)."""
    name = f"{kind.template(output)}.{fmt}"
    return not any((folder / name).exists() for folder in template_folders(root, fmt))


def made_html_templates(root: Path) -> dict[str, tuple[str, Path]]:
    """The HTML templates made from layouts for content under `root`, by name, each with
    the layout it is made from: those of every kind with none shipped or restyled. A kind
    of the partnership's own whose definition has problems has none: they are reported
    with its documents."""
    made: dict[str, tuple[str, Path]] = {}
    for name in kind_names(root):
        if name in shipped_names() and all(  # its templates are shipped: nothing to load
                (shipped_templates() / "html" / f"{name}{layout.stem[len('layout'):]}.html")
                .exists() for layout in kind_folder(name).glob("layout*.yaml")):
            continue
        try:
            kind = get_kind(name, root)
        except ContentError:
            continue
        for output in kind.outputs:
            if {"html", "pdf"} & set(output.formats) and unshipped(kind, output, "html", root):
                made[f"{kind.template(output)}.html"] = (made_html(kind, output),
                                                         kind.layout(output))
    return made


@functools.lru_cache(maxsize=32)
def _word(name: str, root: Path | None, path: Path, _changed: int) -> bytes:
    """Made once per process for each version of the layout."""
    return word_template(read_layout(path), context_shape(get_kind(name, root)))
