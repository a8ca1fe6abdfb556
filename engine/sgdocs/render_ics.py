"""Calendar output (.ics): events a kind lays out in code (a meeting series' programme),
with the provenance and classification as calendar properties."""

from __future__ import annotations

from icalendar import Calendar

from .content import LoadedDocument
from .kinds import Output
from .provenance import provenance
from .renderers import no_template

problems = no_template


def render(document: LoadedDocument, output: Output) -> bytes:
    assert output.layout is not None, "a calendar output names its layout"
    calendar: Calendar = output.layout(document.model)
    origin = provenance(document)
    for name, value in origin.properties().items():
        calendar.add(f"x-sgdocs-{name.lower()}", value)
    if document.sensitive:
        for event in calendar.walk("VEVENT"):
            event.add("class", "CONFIDENTIAL")
    data: bytes = calendar.to_ical()
    return data
