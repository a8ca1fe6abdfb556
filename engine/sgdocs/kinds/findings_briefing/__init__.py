"""findings-briefing: a short research briefing whose headline figures are counts of a base.

Figures are entered as "67 of 100 LSCPs": the briefing works out each percentage, prints
every figure the same way ("67 of 100 LSCPs (67%)") and draws the headline figures as a
chart, with the figures in the text as well. A count larger than its base is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, NonNegativeInt, PositiveInt, computed_field

from sgdocs.kinds import Kind
from sgdocs.read.charts import BarChart
from sgdocs.read.schema import Document, Inline, Issue, Markdown, Model, Text, Url
from sgdocs.read.values import Proportion


class Figure(Model):
    count: NonNegativeInt
    """How many, e.g. 67."""
    base: PositiveInt
    """Out of how many, e.g. 100."""
    of: Text
    """What the base counts, e.g. "LSCPs" (or "of those")."""
    statement: Inline
    """What the figure says, e.g. "reported employing Independent Scrutineers"."""
    label: Text | None = None
    """A short label for the chart; figures without one are not charted."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def share(self) -> Proportion:
        return Proportion(self.count, self.base)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The figure as printed: "67 of 100 LSCPs (67%)"."""
        return f"{self.count} of {self.base} {self.of} ({self.share.percent})"

    def issues(self) -> Iterator[Issue]:
        if self.count > self.base:
            yield Issue(("count",), f"{self.count} is more than its base of {self.base}",
                        "the count is part of the base: check both figures")


class Section(Model):
    title: Text
    """The section's question or heading, e.g. "Who is undertaking scrutiny?"."""
    body: Markdown | None = None
    """Text before the figures."""
    figures: list[Figure] = []
    """The section's figures."""
    points: list[Inline] = []
    """Points listed after the figures."""


class Link(Model):
    text: Inline
    """What the output is."""
    url: Url | None = None
    """Where to find it."""


class FindingsBriefing(Document):
    """A briefing on research findings."""

    kind: Literal["findings-briefing"]
    overview: Markdown | None = None
    """The project and who did it."""
    respondents: PositiveInt | None = None
    """How many took part, e.g. 105."""
    respondents_label: Text = "respondents"
    """Who took part, e.g. "Local Safeguarding Children Partnerships (LSCPs)"."""
    caveat: Inline | None = None
    """Limits of the data, e.g. "Data is self-reported"."""
    key_questions: list[Inline] = []
    """The questions the research asked."""
    context_title: Text | None = None
    """The heading of the context, e.g. "Working Together 2018 & Independent Scrutiny"."""
    context: Markdown | None = None
    """The policy context."""
    findings: list[Section] = Field(min_length=1)
    """The findings, section by section."""
    outputs: list[Link] = []
    """What the project produced."""
    next_steps: list[Inline] = []
    """What should happen next."""
    chart_order: Literal["as written", "largest first"] = "as written"
    """The order of the headline figures in the chart."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def chart(self) -> BarChart:
        """The labelled figures as percentages, in one chart."""
        figures = [f for s in self.findings for f in s.figures if f.label]
        if self.chart_order == "largest first":
            figures.sort(key=lambda f: f.count / f.base, reverse=True)
        return BarChart.of("headline figures, per cent",
                           [(str(f.label), f.share.whole) for f in figures],
                           unit="%", scale=100)


KIND = Kind(
    name="findings-briefing",
    model=FindingsBriefing,
    summary="Research findings briefing: figures as counts of a base, percentages and a chart",
)
