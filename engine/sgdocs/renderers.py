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

from .content import LoadedDocument
from .errors import Finding
from .kinds import Kind, Output

FORMATS = ("docx", "pdf", "html", "xlsx", "ics")
PUBLIC_FORMATS = ("html", "pdf")
"""The formats partnerships publish on their websites."""


class Renderer(Protocol):
    def problems(self, kind: Kind, output: Output, root: Path) -> list[Finding]: ...

    def render(self, document: LoadedDocument, output: Output) -> bytes: ...


def no_template(kind: Kind, output: Output, root: Path) -> list[Finding]:
    """Outputs laid out in code (spreadsheets, calendars) have no template to check."""
    return []


def renderer(fmt: str) -> Renderer:
    module: Renderer = importlib.import_module(f"{__package__}.render_{fmt}")
    return module
