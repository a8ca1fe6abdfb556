"""scrutiny-report: the independent scrutineer's report.

Reports are of two sorts, and a kind must hold both: a report on the year against the six
steps, each finding rated red, amber or green; and a thematic report, its findings by theme
(or none, where the report is an account of the arrangements) with no ratings at all. Either
may make recommendations, each with the partners' response, numbered R1, R2 … for the
reader when the report gives them no references of its own; from the second year, progress
on last year's recommendations is taken from last year's report by reference
(`previous_report: scrutiny-report-2023-24.yaml`), never retyped. The report says how
scrutiny is provided (one dedicated scrutineer, a panel …, appointed how), in a sentence,
and may add sections and appendices of its own, where the author puts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Annotated, ClassVar, Literal

from pydantic import Field, PositiveInt, PrivateAttr, computed_field, field_validator

from sgdocs.errors import Severity, closest
from sgdocs.kinds import Kind
from sgdocs.read.order import OwnOrder
from sgdocs.read.period import Period
from sgdocs.read.schema import (
    RAG,
    ActionStatus,
    Appendix,
    Document,
    FreeSection,
    Inline,
    Issue,
    Markdown,
    Model,
    Text,
)
from sgdocs.read.values import PartialDate, listed

NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
           "ten", "eleven", "twelve")
_COUNT = r"\d+|" + "|".join(NUMBERS[1:]) + r"|all|none"
STATED_COUNT = re.compile(
    rf"\b(?P<said>{_COUNT})\s+of\s+(?:(?:the|our|its|last\s+year['\u2019]s)\s+)?"
    rf"(?P<of>{_COUNT})\s+recommendations(?P<met>[^.]*?\b(?:met|done|implemented|"
    r"completed|achieved|in place)\b)?", re.IGNORECASE)
"""A sentence counting last year's recommendations, and how many were met."""


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.index(word) if word in NUMBERS else None


class ReportPeriod(Period):
    """The period the report covers: its first and last days, or the year as documents
    write it, "2024/25" (1 April 2024 to 31 March 2025)."""

    covers: ClassVar[str] = "a scrutiny report"


class Scrutiny(Model):
    """How independent scrutiny is provided, printed as a sentence."""

    model: Literal["scrutineer", "chair", "panel", "peers", "several"]
    """scrutineer: one dedicated independent scrutineer; chair: the independent chair, who
    is the scrutineer too; panel: a panel or group of scrutineers; peers: leaders or
    scrutineers of other partnerships; several: several ways together (say which in
    `who`)."""
    who: Text | None = None
    """Who, by name or role, e.g. "Mel John-Ross"; for a panel, its members ("three
    independent scrutineers"); for several ways, the ways ("an independent scrutineer, lay
    members and young scrutineers")."""
    appointment: Literal["permanent", "fixed-term", "rolling", "interim"] | None = None
    """How the scrutiny is appointed: permanent, fixed-term, rolling (renewed time after
    time; say how often in `renewed`) or interim."""
    renewed: Text | None = None
    """How often a rolling appointment is renewed, as the report says it, e.g. "monthly"."""
    since: PartialDate | None = None
    """When the appointment began."""
    also: list[Text] = []
    """Others who scrutinise the arrangements too, e.g. "the commissioner appointed by the
    improvement board"."""
    next: Text | None = None
    """A change to come, in a sentence of its own, e.g. "A permanent scrutineer has been
    appointed and starts in May 2025."."""

    def issues(self) -> Iterator[Issue]:
        if self.renewed and self.appointment != "rolling":
            yield Issue(("renewed",), "only a rolling appointment is renewed",
                        "set `appointment: rolling`, or leave `renewed` out")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sentence(self) -> str:
        """How scrutiny is provided, e.g. "The partnership has one dedicated independent
        scrutineer, appointed on a monthly rolling basis."."""
        who = self.who
        named = f", {who}" if who else ""
        provided = "Independent scrutiny is provided"
        opening = {
            "scrutineer": f"The partnership has one dedicated independent scrutineer{named}",
            "chair": f"The partnership's independent chair{named}{',' if who else ''} is "
                     "also its independent scrutineer",
            "panel": f"{provided} by a panel" + (f" of {who}" if who else ""),
            "peers": f"{provided} by peers from other partnerships{named}",
            "several": f"{provided} in several ways" + (f": {who}" if who else ""),
        }[self.model]
        sentences = [f"{opening}{self._appointed()}."]
        if self.also:
            sentences.append(f"There is further independent scrutiny from {listed(self.also)}.")
        if self.next:
            sentences.append(self.next)
        return " ".join(sentences)

    def _appointed(self) -> str:
        """", appointed on a monthly rolling basis since April 2023", or nothing."""
        on = "on" if self.since and self.since.day else "in"  # on 1 April, in April
        began = f" {on} {self.since}" if self.since else ""
        since = f" since {self.since}" if self.since else ""
        renewed = f"{self.renewed} " if self.renewed else ""
        how = {None: began, "permanent": f" permanently{began}",
               "fixed-term": f"{began} for a fixed term",
               "interim": f" on an interim basis{since}",
               "rolling": f" on a {renewed}rolling basis{since}"}[self.appointment]
        return f", appointed{how}" if how else ""


class Finding(Model):
    """What the scrutineer found: on a step of the six-step model, or on a theme."""

    step: PositiveInt | None = None
    """The step of the six-step model the finding is on, 1 to 6; left out in a thematic
    report."""
    title: Text | None = None
    """The step's name, or the theme, e.g. "Leadership" or "The front door"."""
    rag: RAG | None = None
    """The scrutineer's judgement, green, amber or red; left out where the report rates
    nothing."""
    judgement: Markdown
    """What the scrutineer found."""
    evidence: Markdown | None = None
    """The evidence the finding rests on."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def name(self) -> str:
        """The finding as its heading and its row in the table of ratings name it, e.g.
        "Step 3: Voice of children and families" or "The front door"."""
        step = f"Step {self.step}" if self.step else ""
        return ": ".join(part for part in (step, self.title or "") if part)


class Recommendation(Model):
    id: Annotated[Text, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$")] | None = None
    """A short reference next year's report can use, e.g. "R1"; left out, the
    recommendations are numbered R1, R2 … in order."""
    text: Inline
    """The recommendation."""
    response: Markdown | None = None
    """How the lead safeguarding partners respond to it."""
    owner: Text | None = None
    """Who owns the response."""
    due: PartialDate | None = None
    """When it is due."""
    status: ActionStatus | None = None
    """not started, in progress or done, where the report says."""
    _place: int = PrivateAttr(default=0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def reference(self) -> str:
        """How the report, and next year's, refer to it: its `id`, else "R" and its place
        in the list."""
        return self.id if self.id is not None else f"R{self._place}"


class Progress(Model):
    recommendation: Text
    """The reference of a recommendation in last year's report, e.g. "R2"."""
    progress: Markdown
    """What has happened since."""
    status: ActionStatus
    """not started, in progress or done."""


class ScrutinyReport(Document, OwnOrder):
    """The independent scrutineer's report."""

    kind: Literal["scrutiny-report"]
    period: ReportPeriod | None = None
    """The period the report covers: `2024/25`, or `start:` and `end:` dates."""
    scrutineer: Text | None = None
    """Who wrote the report."""
    scrutiny: Scrutiny | None = None
    """How independent scrutiny is provided: `model:` scrutineer, chair, panel, peers or
    several, and how it is appointed."""
    summary: Markdown | None = None
    """The scrutineer's summary."""
    methodology: Markdown | None = None
    """How scrutiny was done."""
    findings: list[Finding] = []
    """What the scrutineer found: for each of the six steps with a RAG rating, or by theme,
    rated or not."""
    recommendations: list[Recommendation] = []
    """Recommendations, each with the partners' response."""
    previous_report: Text | None = None
    """Last year's report, as a path from this file, for progress on its recommendations."""
    progress: list[Progress] = []
    """Progress on each of last year's recommendations."""
    sections: list[FreeSection] = []
    """Sections of the report's own (an introduction, the context, a conclusion), where
    `order` puts them, else after the others (each may say which requirements it meets)."""
    appendices: list[Appendix] = []
    """Appendices, after everything else."""

    @field_validator("recommendations")
    @classmethod
    def _numbered(cls, recommendations: list[Recommendation]) -> list[Recommendation]:
        """Each recommendation knows its place, for its number when it has no `id`."""
        for place, recommendation in enumerate(recommendations, 1):
            recommendation._place = place
        return recommendations

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rated(self) -> bool:
        """Whether any finding is rated: only then is there a table of ratings."""
        return any(finding.rag for finding in self.findings)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def stepped(self) -> bool:
        """Whether every finding is on a step of the six-step model: the table of ratings
        then names each row's step."""
        return bool(self.findings) and all(finding.step for finding in self.findings)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def tracking(self) -> Literal["owners", "status", "none"]:
        """What the recommendations' table tracks beside each response: owners (with due
        dates and status), status alone, or nothing, so that no column stands empty."""
        if any(r.owner or r.due for r in self.recommendations):
            return "owners"
        return "status" if any(r.status for r in self.recommendations) else "none"

    def issues(self) -> Iterator[Issue]:
        if self.period is not None:
            yield from self.period.ended_by(self.document_control.published_on,
                                            ("document_control", "published_on"),
                                            "the publication date")
        steps = [finding.step for finding in self.findings if finding.step is not None]
        if steps != list(range(1, len(steps) + 1)):
            yield Issue(("findings",), f"the findings are for steps {steps}",
                        "give one finding for each step, 1, 2, 3 … in order")
        for i, finding in enumerate(self.findings):
            if finding.rag and not finding.name:
                yield Issue(("findings", i), "a rated finding needs a `title`",
                            "give its theme as `title` (or its `step`): it names the "
                            "finding's row in the table of ratings")
        yield from self._recommendation_issues()

    def _recommendation_issues(self) -> Iterator[Issue]:
        given = [r.id is not None for r in self.recommendations]
        seen: set[str] = set()
        severity = Severity.ERROR if self.document_control.issued else Severity.WARNING
        for i, recommendation in enumerate(self.recommendations):
            reference = recommendation.reference
            if any(given) and not given[i]:
                yield Issue(("recommendations", i), "this recommendation has no `id`, though "
                            "others have one", "give every recommendation an `id`, or none: "
                            "they are then numbered R1, R2 … in order")
            elif reference in seen:
                yield Issue(("recommendations", i, "id"), f"`{reference}` is used twice",
                            "give each recommendation its own id")
            seen.add(reference)
            if recommendation.response is None:
                yield Issue(("recommendations", i), f"recommendation {reference} has no "
                            "response from the partners", "the lead safeguarding partners "
                            "must report how they respond to scrutiny findings: add "
                            "`response`", severity)

    def issues_with(self, references: Mapping[str, Document]) -> Iterator[Issue]:
        previous = references.get("previous_report")
        if not isinstance(previous, ScrutinyReport):
            return
        earlier = [r.reference for r in previous.recommendations]
        done = {r.reference for r in previous.recommendations if r.status == "done"}
        reported = {entry.recommendation for entry in self.progress}
        for i, entry in enumerate(self.progress):
            if entry.recommendation not in earlier:
                match = closest(entry.recommendation, earlier)
                yield Issue(("progress", i, "recommendation"), f"last year's report has no "
                            f"recommendation `{entry.recommendation}`",
                            f"did you mean `{match}`?" if match else
                            f"its recommendations are {', '.join(earlier)}" if earlier else
                            "it makes no recommendations")
        for missing in (ref for ref in earlier if ref not in reported | done):
            yield Issue(("progress",), f"there is no progress entry for last year's "
                        f"recommendation {missing}", "say what has happened since, even if "
                        "nothing has", Severity.WARNING)
        met = len(done | {entry.recommendation for entry in self.progress
                          if entry.status == "done"} & set(earlier))
        yield from self._stated_counts(len(earlier), met)

    def _stated_counts(self, total: int, met: int) -> Iterator[Issue]:
        """Where the text counts last year's recommendations ("two of last year's three
        recommendations have been met"), the count its own progress table gives."""
        passages = [(("summary",), self.summary), *((("sections", i, "body"), section.body)
                                                    for i, section in enumerate(self.sections)),
                    *((("progress", i, "progress"), entry.progress)
                      for i, entry in enumerate(self.progress))]
        for at, text in passages:
            for match in STATED_COUNT.finditer(text or ""):
                said, of = _number(match["said"]), _number(match["of"])
                said_text = " ".join(match[0].split())
                if of is not None and of != total:
                    yield Issue(at, f"the text says \u201c{said_text}\u201d, but last year's "
                                f"report made {total} recommendations", "correct the text or "
                                "the report it names", Severity.WARNING)
                elif match["met"] and said is not None and said != met:
                    yield Issue(at, f"the text says \u201c{said_text}\u201d, but the progress "
                                f"table has "
                                f"{met} of {total} done", "correct the text or the table",
                                Severity.WARNING)


KIND = Kind(
    name="scrutiny-report",
    model=ScrutinyReport,
    summary="The independent scrutineer's report: findings by step or theme, "
            "recommendations, progress",
    references={"previous_report": "scrutiny-report"},
)
