"""findings-briefing: a short research briefing, its figures printed as its source gives them.

A figure is a count of a base ("67 of 100 LSCPs", its percentage worked out), a percentage
the source states ("90% of these"), or a count alone ("16 used ..."). Each is printed the same
way everywhere, and those with a percentage and a chart label are drawn as one chart, whose
caption says what the percentages are of. A briefing with no such figures has no chart.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import Field, NonNegativeInt, PlainValidator, PositiveInt, computed_field
from pydantic_core import PydanticCustomError

from sgdocs.kinds import Kind
from sgdocs.read.charts import BarChart
from sgdocs.read.schema import Document, Inline, Issue, Markdown, Model, Text, Url
from sgdocs.read.values import Proportion
from sgdocs.read.yamlsource import source_text


def _percent(value: Any) -> Decimal:
    """A percentage exactly as written (12.50 stays 12.50), with or without its % sign."""
    written = source_text(value)
    if written is None:
        written = value.strip().removesuffix("%").rstrip() if isinstance(value, str) else ""
    try:
        number = Decimal(written)
    except InvalidOperation:
        raise PydanticCustomError(
            "percent", "\u201c{found}\u201d is not a percentage",
            {"found": value, "hint": "write the number the source gives, e.g. 90 for "
                                     "\u201c90%\u201d"}) from None
    if not number.is_finite() or not 0 <= number <= 100:
        raise PydanticCustomError(
            "percent", "\u201c{found}\u201d is not a percentage from 0 to 100",
            {"found": value, "hint": "write the percentage the source states: a share of a "
                                     "whole is never over 100%"})
    return number


Percent = Annotated[Decimal, PlainValidator(_percent, json_schema_input_type=float | str)]
"""A percentage as a source states it: 90 for "90%", or 12.5."""


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


class Figure(Model):
    count: NonNegativeInt | None = None
    """How many, e.g. 67; leave out for a figure the source gives only as a percentage."""
    base: PositiveInt | None = None
    """Out of how many, e.g. 100, where the source says: the percentage is worked out."""
    percent: Percent | None = None
    """A percentage the source states, e.g. 90 for "90% of these" (with no `base`)."""
    of: Text | None = None
    """What is counted, in the words that follow the figure in the source: "LSCPs" in "67
    of 100 LSCPs", "of these" in "90% of these", "of those" in "51 of those"."""
    statement: Inline
    """What the figure says, e.g. "reported employing Independent Scrutineers"."""
    label: Text | None = None
    """A short label for the chart, which shows figures that have a percentage; figures
    without a label are not charted."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def percentage(self) -> Decimal | None:
        """The share charted: the stated percentage, or the count's share of its base in
        whole per cent; None for a count alone."""
        if self.percent is not None:
            return self.percent
        if self.count is not None and self.base:
            return Decimal(Proportion(self.count, self.base).whole)
        return None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The figure as printed: "67 of 100 LSCPs (67%)", "90% of these", "16"."""
        of = f" {self.of}" if self.of else ""
        if self.count is None:
            return f"{self.percent:f}%{of}" if self.percent is not None else ""
        if self.base is not None:
            share = Proportion(self.count, self.base).percent
            return f"{self.count:,} of {self.base:,}{of} ({share})"
        stated = f" ({self.percent:f}%)" if self.percent is not None else ""
        return f"{self.count:,}{of}{stated}"

    def issues(self) -> Iterator[Issue]:
        if self.count is None and self.percent is None:
            yield Issue((), "a figure needs a `count` or a `percent`",
                        "write the number as the source gives it: `count: 16`, with `base: 76` "
                        "if it says \u201cof 76\u201d, or `percent: 90` for \u201c90%\u201d")
        elif self.count is None and self.base is not None:
            yield Issue(("base",), "a `base` needs the `count` it is the base of",
                        "add the count, or leave out the base")
        if self.base is not None and self.percent is not None:
            yield Issue(("percent",), "give a figure's `base` or its `percent`, not both",
                        "the percentage of a count and its base is worked out: leave out "
                        "`percent`")
        if self.count is not None and self.base is not None and self.count > self.base:
            yield Issue(("count",), f"{self.count} is more than its base of {self.base}",
                        "the count is part of the base: check both figures")
        if self.label and self.count is not None and self.percentage is None:
            yield Issue(("label",), f"the chart shows percentages, and {self.text} has none",
                        "give the `base` the count is out of, or the `percent` the source "
                        "states, or leave out `label`")


class Section(Model):
    title: Text
    """The section's question or heading, e.g. "Who is undertaking scrutiny?"."""
    body: Markdown | None = None
    """Text before the figures."""
    figures: list[Figure] = []
    """The section's figures."""
    points: list[Inline] = []
    """Points listed after the figures."""

    def issues(self) -> Iterator[Issue]:
        if not (self.body or self.figures or self.points):
            yield Issue((), f"the finding \u201c{self.title}\u201d has nothing under its title",
                        "give it a `body`, `figures` or `points`, or remove it")


class Link(Model):
    text: Inline
    """What the output is."""
    url: Url | None = None
    """Where to find it."""


class Credit(Model):
    role: Text
    """What they did, e.g. "Research", "Written by" or "Project team"."""
    name: Text
    """Who, e.g. "University of Bedfordshire", or several: "Jo Bloggs and Sam Smith"."""


class FindingsBriefing(Document):
    """A briefing on research findings."""

    kind: Literal["findings-briefing"]
    credits: list[Credit] = []
    """Who made the briefing, each with their part, e.g. `{role: Research, name: University
    of Bedfordshire}`; printed under the title."""
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
    percentages_of: Text | None = None
    """What the chart's percentages are of, for its caption: "respondents", "the documents
    audited", "the partnerships that answered each question"."""
    outputs: list[Link] = []
    """What the project produced."""
    next_steps: list[Inline] = []
    """What should happen next."""
    chart_order: Literal["as written", "largest first"] = "as written"
    """The order of the headline figures in the chart."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def chart(self) -> BarChart | None:
        """The labelled figures that have a percentage, in one chart; None when there are
        none, so that no empty chart is drawn."""
        bars = [(str(f.label), f.percentage) for s in self.findings for f in s.figures
                if f.label and f.percentage is not None]
        if not bars:
            return None
        if self.chart_order == "largest first":
            bars.sort(key=lambda bar: bar[1], reverse=True)
        title = "headline figures as percentages" + (
            f" of {self.percentages_of}" if self.percentages_of else "")
        return BarChart.of(title, [(label, _number(share)) for label, share in bars],
                           unit="%", scale=100)


KIND = Kind(
    name="findings-briefing",
    model=FindingsBriefing,
    summary="Research findings briefing: figures as the source gives them, and a chart",
)
