"""An assessment written out for the person who judges it: what was found on each
requirement, quoted with its page and heading, with room for their own verdict; and, for
many reports, the count per requirement across them with a chart. Each is a page of plain
blocks, laid out alike in Word, PDF and the web page (`render.assessment_formats`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sgdocs.check.assess import ASSESS_NOTE, Assessed, across
from sgdocs.errors import Finding
from sgdocs.read.charts import RAG_COLOURS, BarChart, Series
from sgdocs.render.templating import sentence


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = ""
    """"note" (a boxed note), "muted" (a line about what follows) or "" (body text)."""


@dataclass(frozen=True)
class Quote:
    text: str
    place: str
    """Where it stands in the report: "page 4, under “Voice”"."""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numbers: int = 0
    """How many of the last columns hold numbers (aligned right)."""


@dataclass(frozen=True)
class Figure:
    chart: BarChart


@dataclass(frozen=True)
class Answer:
    """A box for the person's own words."""

    label: str


@dataclass(frozen=True)
class Together:
    """Blocks kept on one page where they fit: a requirement with its quotes and verdict."""

    blocks: tuple[Heading | Paragraph | Quote | Answer, ...]


Block = Heading | Paragraph | Quote | Table | Figure | Answer | Together


@dataclass(frozen=True)
class Page:
    title: str
    subtitle: str
    blocks: tuple[Block, ...]


FOUND = {"addressed": "Evidence found", "partly": "Partly", "missing": "No evidence found"}
"""What was found, in the words of the page: never "met", which is the person's to say."""


def assessment_page(assessed: Assessed) -> Page:
    """One report's assessment."""
    counts = Counter(a.status for a in assessed.assessments)
    how = "as asked" if assessed.sure else "worked out from its title and headings"
    pages = f" · {assessed.document.pages} pages" if assessed.document.pages else ""
    dates = f" · It {assessed.dates.said}" if assessed.dates.said else ""
    blocks: list[Block] = [
        Paragraph(ASSESS_NOTE, "note"),
        Paragraph(f"Of the {len(assessed.assessments)} requirements looked for, evidence was "
                  f"found for {counts['addressed']}, in part for {counts['partly']} and not "
                  f"at all for {counts['missing']}."),
        Table(("Requirement", "Level", "Found"),
              tuple((a.requirement.summary, a.requirement.level, FOUND[a.status])
                    for a in assessed.assessments)),
        Heading("What the report says on each requirement")]
    for a in assessed.assessments:
        requirement = a.requirement
        unsaid = [Paragraph("Nothing found on: " + "; ".join(a.unsaid) + ".")] if a.unsaid else []
        blocks.append(Together((
            Heading(requirement.summary, 3),
            Paragraph(f"{FOUND[a.status]} · {requirement.level} · {requirement.reference} · "
                      f"{requirement.id}", "muted"),
            *(Quote(text, place) for text, place in zip(a.quotes, a.places, strict=True)),
            *unsaid, Answer("Your verdict and notes"))))
    if assessed.not_looked_for:
        blocks += [Heading("To find in the report yourself"),
                   Paragraph("A report meets these by how it is made (its period, its "
                             "sign-off, where it is published), which sgdocs does not judge "
                             "from its text."),
                   Table(("Requirement", "Level"), tuple(
                       (r.summary, r.level) for r in assessed.not_looked_for))]
    if assessed.findings:
        blocks += [Heading("Also noticed"),
                   *(Paragraph(f"{f.message}: {f.hint}." if f.hint else f"{f.message}.")
                     for f in assessed.findings)]
    return Page(f"{assessed.document.path.name}: assessment against Working Together 2023",
                f"Read as {_a(assessed.kind)} ({how}){pages}{dates}", tuple(blocks))


def summary_page(reports: Sequence[Assessed], unread: Sequence[Finding]) -> Page:
    """Many reports at once: per requirement, how many address it, partly or not at all;
    and the files that could not be read."""
    counts = across(reports)
    requirements = {a.requirement.id: a.requirement
                    for assessed in reports for a in assessed.assessments}
    labels = tuple(sentence(requirements[r].evidence[0].part) for r in counts)
    statuses = ("addressed", "partly", "missing")
    colours = dict(zip(statuses, RAG_COLOURS.values(), strict=True))
    chart = BarChart(f"requirements across the {len(reports)} reports", labels,
                     tuple(Series(FOUND[status], colours[status],
                                  tuple(counts[r][status] for r in counts))
                           for status in statuses), scale=len(reports))
    blocks: list[Block] = [
        Paragraph(ASSESS_NOTE, "note"),
        Figure(chart),
        Table(("Requirement", "What Working Together 2023 asks", *(FOUND[s] for s in statuses)),
              tuple((label, requirements[r].summary, *(str(counts[r][s]) for s in statuses))
                    for label, r in zip(labels, counts, strict=True)), numbers=3),
        Heading("The reports"),
        Table(("Report", "Read as", *(FOUND[s] for s in statuses)), tuple(
            (a.document.path.name, a.kind, *(str(sum(x.status == s for x in a.assessments))
                                             for s in statuses))
            for a in reports), numbers=3)]
    if unread:
        blocks += [Heading("Not assessed"),
                   *(Paragraph(f"{f.where.file.name}: {f.message}.") for f in unread)]
    return Page(f"Across {len(reports)} reports: evidence for Working Together 2023",
                "How many of the reports give evidence of each requirement", tuple(blocks))


def _a(kind: str) -> str:
    words = kind.replace("-", " ")
    return ("an " if words[0] in "aeiou" else "a ") + words
