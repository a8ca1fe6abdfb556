"""scrutiny-report: the independent scrutineer's report on the year.

Findings for each of the six steps, each with a RAG judgement and its evidence; numbered
recommendations, each with the partners' response, an owner and a status; and progress on
last year's recommendations, which are taken from last year's report by reference
(`previous_report: scrutiny-report-2023-24.yaml`), never retyped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from pydantic import Field, PositiveInt

from sgdocs.errors import Severity, closest
from sgdocs.kinds import Kind
from sgdocs.kinds.yearly_report import Period
from sgdocs.read.schema import RAG, ActionStatus, Document, Inline, Issue, Markdown, Model, Text
from sgdocs.read.values import PartialDate


class StepFinding(Model):
    step: PositiveInt
    """The step of the six-step model, 1 to 6."""
    title: Text
    """The step's name, e.g. "Leadership"."""
    rag: RAG
    """The scrutineer's judgement: green, amber or red."""
    judgement: Markdown
    """What the scrutineer found."""
    evidence: Markdown | None = None
    """The evidence the judgement rests on."""


class Recommendation(Model):
    id: Text = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$")
    """A short reference next year's report can use, e.g. "R1"."""
    text: Inline
    """The recommendation."""
    response: Markdown | None = None
    """How the lead safeguarding partners respond to it."""
    owner: Text | None = None
    """Who owns the response."""
    due: PartialDate | None = None
    """When it is due."""
    status: ActionStatus = "not started"
    """not started, in progress or done."""


class Progress(Model):
    recommendation: Text
    """The id of a recommendation in last year's report, e.g. "R2"."""
    progress: Markdown
    """What has happened since."""
    status: ActionStatus
    """not started, in progress or done."""


class ScrutinyReport(Document):
    """The independent scrutineer's report."""

    kind: Literal["scrutiny-report"]
    period: Period | None = None
    """The period the report covers."""
    scrutineer: Text | None = None
    """Who wrote the report."""
    summary: Markdown | None = None
    """The scrutineer's summary."""
    methodology: Markdown | None = None
    """How scrutiny was done, step by step."""
    findings: list[StepFinding] = Field(min_length=1)
    """Findings for each of the six steps."""
    recommendations: list[Recommendation] = []
    """Numbered recommendations, each with the partners' response."""
    previous_report: Text | None = None
    """Last year's report, as a path from this file, for progress on its recommendations."""
    progress: list[Progress] = []
    """Progress on each of last year's recommendations."""

    def issues(self) -> Iterator[Issue]:
        steps = [finding.step for finding in self.findings]
        if steps != list(range(1, len(steps) + 1)):
            yield Issue(("findings",), f"the findings are for steps {steps}",
                        "give one finding for each step, 1, 2, 3 … in order")
        seen: set[str] = set()
        severity = Severity.ERROR if self.document_control.issued else Severity.WARNING
        for i, recommendation in enumerate(self.recommendations):
            if recommendation.id in seen:
                yield Issue(("recommendations", i, "id"), f"`{recommendation.id}` is used "
                            "twice", "give each recommendation its own id")
            seen.add(recommendation.id)
            if recommendation.response is None:
                yield Issue(("recommendations", i), f"recommendation {recommendation.id} has "
                            "no response from the partners", "the lead safeguarding partners "
                            "must report how they respond to scrutiny findings: add "
                            "`response`", severity)

    def issues_with(self, references: Mapping[str, Document]) -> Iterator[Issue]:
        previous = references.get("previous_report")
        if not isinstance(previous, ScrutinyReport):
            return
        earlier = [r.id for r in previous.recommendations]
        reported = {entry.recommendation for entry in self.progress}
        for i, entry in enumerate(self.progress):
            if entry.recommendation not in earlier:
                match = closest(entry.recommendation, earlier)
                yield Issue(("progress", i, "recommendation"), f"last year's report has no "
                            f"recommendation `{entry.recommendation}`",
                            f"did you mean `{match}`?" if match else
                            f"its recommendations are {', '.join(earlier)}")
        for missing in (rid for rid in earlier if rid not in reported):
            yield Issue(("progress",), f"there is no progress entry for last year's "
                        f"recommendation {missing}", "say what has happened since, even if "
                        "nothing has", Severity.WARNING)


KIND = Kind(
    name="scrutiny-report",
    model=ScrutinyReport,
    summary="The independent scrutineer's report: findings by step, recommendations, progress",
    references={"previous_report": "scrutiny-report"},
)
