"""A report sgdocs did not write, weighed against Working Together 2023: for each
requirement of its kind, the sentence that says something on each part, with its page and
heading; the parts nothing says; the terms of earlier guidance it uses.

It looks for evidence, as `check` does for content (`check.evidence`), and a person must
judge what it finds. The kind is worked out from the title and headings when not given. A
part with no words of its own (what a section given to the requirement is about) is looked
for under the headings that name the requirement's section, as the kind's own layout or
field name words it ("How effective the arrangements have been", `effectiveness`).
Requirements a report meets by its structure (its period, its sign-off, a table of
contributions) are not looked for: they are listed for the reader to find.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sgdocs.check.catalogue import ANYWHERE, Catalogue, Requirement
from sgdocs.check.edition import earlier_terms, told
from sgdocs.check.evidence import Sentence, sentences, weigh, words_pattern
from sgdocs.check.placeholders import placeholder
from sgdocs.check.report_dates import Stated, date_findings, stated
from sgdocs.check.requirements import Assessment, Status
from sgdocs.errors import Finding, Location, Severity
from sgdocs.kinds import get_kind
from sgdocs.read.foreign import ForeignDocument, Passage

ASSESS_NOTE = ("sgdocs looks for evidence of each requirement in what the report says, and "
               "quotes it: a person must judge whether the requirement is met. This is not a "
               "judgement of compliance.")
KINDS = {
    "scrutiny-framework": r"\bscrutiny framework\b",
    "scrutiny-report": r"\bscrutin\w*(?:'s)? (?:annual |yearly )?report\b|"
                       r"\breport of the (?:independent )?scrutineer\b",
    "role-brief": r"\b(?:role|job) (?:description|brief|profile)\b|\bbrief for\b|"
                  r"\bperson specification\b",
    "yearly-report": r"\b(?:annual|yearly) report\b",
    "arrangements": r"\b(?:safeguarding|multi-agency) (?:children )?arrangements\b|"
                    r"\bhow (?:the )?(?:safeguarding )?partners work together\b",
}
"""What each kind calls itself in its title and headings, the most particular first: a
"scrutiny annual report" is a scrutiny report."""
SET_ASIDE = re.compile(r"(?:table of )?contents(?: page)?|in this (?:report|issue)|"
                       r".*\bworking together\b.*\b(?:meets?|checklist|compliance|"
                       r"requirements)\b.*|.*\b(?:meets?|checklist|compliance)\b.*"
                       r"\bworking together\b.*", re.IGNORECASE)
"""Headings of what does not say what the report did: a contents page (the headings it
lists), a table restating Working Together's requirements (a claim, not the evidence)."""
_WORD = re.compile(r"[a-z]{3,}")
_COMMON = {"the", "and", "for", "our", "how", "who", "why", "was", "are", "has", "its", "all",
           "new", "been", "with", "from", "that", "this", "what", "were", "their", "they",
           "have", "about", "into", "over", "year", "report", "section", "safeguarding",
           "partners", "partnership", "arrangements", "children", "families", "family",
           "people", "young", "document"}


@dataclass(frozen=True)
class Assessed:
    """A report weighed against its kind's requirements."""

    document: ForeignDocument
    kind: str
    sure: bool
    """Whether the kind was given, or its title and headings clearly say it."""
    assessments: tuple[Assessment, ...]
    not_looked_for: tuple[Requirement, ...]
    findings: tuple[Finding, ...]
    dates: Stated
    """The year the report says it covers and when it says it was published."""


def across(reports: Iterable[Assessed]) -> dict[str, Counter[str]]:
    """For each requirement, how many of the reports address it, partly or not at all: the
    national review of many reports in one table."""
    counts: dict[str, Counter[str]] = {}
    for assessed in reports:
        for assessment in assessed.assessments:
            counts.setdefault(assessment.requirement.id, Counter())[assessment.status] += 1
    return counts


def guess_kind(document: ForeignDocument) -> tuple[str, bool]:
    """The kind the report is, and whether it is sure: its title names it, or its opening
    headings and text name one kind far more than the rest. A yearly report when nothing
    names one."""
    title = document.headings[0] if document.headings else document.passages[0].text
    for kind, pattern in KINDS.items():
        if re.search(pattern, title, re.IGNORECASE):
            return kind, True
    opening = " ".join([*document.headings[:40], *(p.text for p in document.passages[:20])])
    counts = {kind: len(re.findall(pattern, opening, re.IGNORECASE))
              for kind, pattern in KINDS.items()}
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    best, second = counts[ranked[0]], counts[ranked[1]]
    if best == 0:
        return "yearly-report", False
    return ranked[0], best >= 2 * second + 1


def assess(document: ForeignDocument, catalogue: Catalogue, kind: str | None = None
           ) -> Assessed:
    """The report weighed against the requirements for `kind` (worked out when None)."""
    sure = kind is not None
    if kind is None:
        kind, sure = guess_kind(document)
    requirements = catalogue.for_kind(kind)
    said = sentences((((index,), passage.text)
                      for index, passage in enumerate(document.passages)
                      if not SET_ASIDE.fullmatch(passage.heading)), markdown=False)
    assessments = tuple(_weigh(requirement, kind, document, said)
                        for requirement in requirements if requirement.evidence)
    dates = stated(document)
    return Assessed(document, kind, sure, assessments,
                    tuple(r for r in requirements if not r.evidence),
                    (*date_findings(document, dates), *_placeholders(document),
                     *_earlier_terms(document)), dates)


def _weigh(requirement: Requirement, kind: str, document: ForeignDocument,
           said: Sequence[Sentence]) -> Assessment:
    """Parts with words looked for anywhere; a part without, under the report's headings
    for the requirement's own section. A report with no such heading says nothing on a
    requirement that needs a section of its own, whatever words stand elsewhere."""
    own = _own_sections(requirement, kind, document)
    if not own and any(not part.words for part in requirement.evidence):
        return Assessment(requirement, "missing", Location(document.path), "", whole=True,
                          unsaid=tuple(f"{part.part} (no heading names it)"
                                       for part in requirement.evidence))
    under = [sentence for sentence in said if _passage(document, sentence).heading in own]
    anywhere = weigh([part for part in requirement.evidence if part.words], said)
    owned = weigh([part for part in requirement.evidence if not part.words], under)
    quotes = owned.quotes + anywhere.quotes
    unsaid = (*owned.unsaid, *anywhere.unsaid)
    status: Status = "addressed" if not unsaid else "partly" if quotes else "missing"
    places = tuple(_passage(document, quote).place for quote in quotes)
    return Assessment(requirement, status, Location(document.path), places[0] if places else "",
                      quotes=tuple(quote.text for quote in quotes), places=places,
                      unsaid=unsaid, whole=True)


def _own_sections(requirement: Requirement, kind: str, document: ForeignDocument
                  ) -> set[str]:
    """The report's headings that name a section the requirement's kind gives it: they share
    a word's first five letters with the section's field name or its heading."""
    words: set[str] = set()
    headings = get_kind(kind).sections
    for path in requirement.addressed_by.get(kind, []):
        if path == ANYWHERE:
            continue
        field = path.split(".")[0]
        words |= _stems(field.replace("_", " ") + " " + headings.get(field, ""))
    named = words_pattern(tuple(requirement.headings)) if requirement.headings else None
    return {heading for heading in document.headings if words & _stems(heading)
            or (named is not None and named.search(heading))}


def _stems(text: str) -> set[str]:
    return {word[:5] for word in _WORD.findall(text.lower()) if word not in _COMMON}


def _placeholders(document: ForeignDocument) -> list[Finding]:
    """Passages that only stand in for words ("TBC", "[insert figure]"), with their page."""
    return [Finding(Location(document.path), f"\u201c{passage.text[:40]}\u201d "
                    f"({passage.place}) stands in for what this should say",
                    "a published report should say it", Severity.WARNING)
            for passage in document.passages if placeholder(passage.text)]


def _earlier_terms(document: ForeignDocument) -> list[Finding]:
    return [told(Location(document.path), term, instead, passage.place)
            for passage in document.passages
            for term, instead in earlier_terms(passage.text)]


def _passage(document: ForeignDocument, sentence: Sentence) -> Passage:
    return document.passages[int(sentence.at[0])]
