"""Calendar output (.ics): events a kind lays out in code (a meeting series' programme)."""

from __future__ import annotations

from .content import LoadedDocument
from .kinds import Output
from .renderers import no_template

problems = no_template


def render(document: LoadedDocument, output: Output) -> bytes:
    assert output.layout is not None, "a calendar output names its layout"
    data: bytes = output.layout(document.model)
    return data
