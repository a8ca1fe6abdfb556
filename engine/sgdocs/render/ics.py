"""Calendar output (.ics): events a kind lays out in code (a meeting series' programme),
with the provenance and classification as calendar properties."""

from __future__ import annotations

from icalendar import Calendar

from sgdocs.kinds import Output
from sgdocs.read.documents import LoadedDocument
from sgdocs.render.formats import no_template
from sgdocs.write.provenance import provenance

problems = no_template


def render(document: LoadedDocument, output: Output) -> bytes:
    calendar: Calendar = document.kind.code("ical").calendar(document.model)
    origin = provenance(document)
    for name, value in origin.properties().items():
        calendar.add(f"x-sgdocs-{name.lower()}", value)
    if document.sensitive:
        for event in calendar.walk("VEVENT"):
            event.add("class", "CONFIDENTIAL")
    data: bytes = calendar.to_ical()
    return data
