"""Calendar output (.ics): events a kind lays out in code (a meeting series' programme)."""

from __future__ import annotations

from pathlib import Path

from .content import LoadedDocument
from .errors import Finding
from .kinds import Kind, Output


def problems(kind: Kind, output: Output, root: Path) -> list[Finding]:
    """Calendars are laid out in code, so there is no template to check."""
    return []


def render(document: LoadedDocument, output: Output) -> bytes:
    assert output.layout is not None, "a calendar output names its layout"
    data: bytes = output.layout(document.model)
    return data
