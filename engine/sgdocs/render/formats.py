"""The output formats, each rendered by its own module, imported only when used.

A renderer module offers `problems(kind, output, root)`, which checks its template before
anything is rendered, and `render(document, output)`, which returns the output's bytes.
Importing them lazily keeps `--help` free of WeasyPrint and docxtpl, and `sgdocs check`
(which checks templates but renders nothing) free of WeasyPrint.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from sgdocs.errors import Finding
from sgdocs.kinds import Kind, Output
from sgdocs.read.documents import LoadedDocument
from sgdocs.render.templating import restyled


class Renderer(Protocol):
    def problems(self, kind: Kind, output: Output, root: Path) -> list[Finding]: ...

    def render(self, document: LoadedDocument, output: Output) -> bytes: ...


def no_template(kind: Kind, output: Output, root: Path) -> list[Finding]:
    """Outputs laid out in code (spreadsheets, calendars) have no template to check."""
    return []


TEMPLATES = {"docx": "docx", "pdf": "html", "html": "html"}
"""The templates each format is made from (a PDF from the HTML template); the other formats
are laid out in code."""


def template_problems(fmt: str, kind: Kind, output: Output, root: Path) -> list[Finding]:
    """The problems of the template `fmt` is made from, if the partnership restyled it (the
    shipped ones are checked when sgdocs is tested): without loading any renderer
    otherwise."""
    source = TEMPLATES.get(fmt)
    if source is None or not restyled(root, source):
        return []
    return renderer(source).problems(kind, output, root)


def machine_problems(fmt: str) -> list[Finding]:
    """What on this machine makes `fmt` slower or worse than it should be."""
    check = getattr(renderer(fmt), "machine_problems", None)
    return check() if check is not None else []


def prepare(fmt: str) -> None:
    """Load the libraries rendering `fmt` needs now, not at its first document: before
    forking workers, so that each does not load them again."""
    preparation = getattr(renderer(fmt), "prepare", None)
    if preparation is not None:
        preparation()


def renderer(fmt: str) -> Renderer:
    module: Renderer = importlib.import_module(f"{__package__}.{fmt}")
    return module
