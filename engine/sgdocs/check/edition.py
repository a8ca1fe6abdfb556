"""Words from the guidance before Working Together 2023, told at their line with the words
that replaced them: a brief naming clinical commissioning groups, a Local Safeguarding
Children Board or Working Together 2018 reads as written for another time.

A line that tells of the change ("replaced the LSCB in 2019", "formerly the CCG") is history,
not an old term, and is left alone; so is a document written under earlier guidance.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from sgdocs.errors import Finding, Location, Severity
from sgdocs.read.yamlsource import KeyPath, YamlFile, text_lines

EARLIER_TERMS = (
    (re.compile(r"\bclinical commissioning groups?\b|\bCCGs?\b", re.IGNORECASE),
     "integrated care board (ICB): integrated care boards replaced clinical commissioning "
     "groups in July 2022"),
    (re.compile(r"\blocal safeguarding children(?:'s)? boards?\b|\bLSCBs?\b", re.IGNORECASE),
     "safeguarding partners, or the safeguarding children partnership: they replaced "
     "local safeguarding children boards"),
    (re.compile(r"\bWorking Together(?: to Safeguard Children)?,? (?:2013|2015|2018)\b",
                re.IGNORECASE),
     "Working Together to Safeguard Children 2023, the guidance in force"),
    (re.compile(r"\bserious case reviews?\b|\bSCRs?\b", re.IGNORECASE),
     "local child safeguarding practice review: it replaced the serious case review"),
)
"""Each earlier term, and the current one to use instead."""
_HISTORY = re.compile(r"\b(?:replac\w*|former\w*|previous\w*|until|predecessor|succeed\w*|"
                      r"used to|no longer|was called|were called|abolish\w*|superseded|"
                      r"legacy|historic\w*|renamed|took over|era|past)\b", re.IGNORECASE)


def edition_findings(source: YamlFile, passages: Collection[KeyPath], current: bool
                     ) -> list[Finding]:
    """A warning at each line of the `passages` of prose in `source` using an earlier
    guidance's term, unless the line tells of the change (names and citations, such as a
    source titled "Working Together 2018", are not prose); none for a document written under
    earlier guidance (`current` false)."""
    return [told(where, term, instead) for where, line in
            (text_lines(source, passages) if current else ())
            for term, instead in earlier_terms(line)]


def earlier_terms(text: str) -> Iterator[tuple[str, str]]:
    """Each earlier guidance's term `text` uses, as written, with the term to use instead;
    none when it tells of the change."""
    if _HISTORY.search(text):
        return
    for term, instead in EARLIER_TERMS:
        match = term.search(text)
        if match:
            yield match.group(0), instead


def told(where: Location, term: str, instead: str, place: str = "") -> Finding:
    """The warning for an earlier term at `where` (in a report from elsewhere, at `place`)."""
    return Finding(where, f"\u201c{term}\u201d{f' ({place})' if place else ''} is a term "
                   "from the guidance before Working Together 2023", f"use {instead}",
                   Severity.WARNING)
