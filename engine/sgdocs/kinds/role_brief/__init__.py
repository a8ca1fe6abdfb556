"""role-brief: what a partnership asks of an independent scrutineer, for recruiting one.

Modelled on Bexley's brief for independent scrutiny: purpose, background, the role, key
questions, responsibilities, qualifications, a timetable of the year's work, days and cost,
the procurement timeline, and appendices quoting the guidance.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, PositiveInt, computed_field

from sgdocs.kinds import Kind
from sgdocs.read.schema import Document, Inline, Issue, Markdown, Model, Text, out_of_order
from sgdocs.read.values import Money, PartialDate


class ListSection(Model):
    """A list of points, with optional text before it."""

    intro: Markdown | None = None
    """Text before the list, e.g. "The role of independent scrutiny is to:"."""
    items: list[Inline] = Field(min_length=1)
    """The points, one per line starting with `- `."""


class TimetableEntry(Model):
    activity: Text
    """What happens, e.g. "Partnership Board"."""
    date: PartialDate
    """When (YYYY-MM-DD)."""


class Timetable(Model):
    """The year's programme the scrutineer works to."""

    period: Text
    """The period covered, e.g. "2018-19"."""
    entries: list[TimetableEntry] = Field(min_length=1)
    """The activities, in date order."""

    def issues(self) -> Iterator[Issue]:
        return out_of_order(self.entries, lambda entry: entry.date, "entries", "an activity")


class DaysAndCost(Model):
    """How much scrutiny is bought, and at what price."""

    days_per_year: PositiveInt
    """The most days a year the role is expected to take."""
    day_rate: Money
    """The most that is paid per day, in pounds."""
    expenses: Text | None = None
    """Expenses paid on top of the day rate, e.g. "travel, accommodation and subsistence"."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def max_annual_fee(self) -> Money:
        """The most the role can cost a year before expenses: days × day rate."""
        return self.day_rate.times(self.days_per_year)

    def issues(self) -> Iterator[Issue]:
        if self.day_rate <= 0:
            yield Issue(("day_rate",), "the day rate must be more than £0")


class ProcurementStep(Model):
    when: PartialDate
    """The month (YYYY-MM) or day (YYYY-MM-DD) of this step."""
    activities: list[Inline] = Field(min_length=1)
    """What happens then."""


class QuotedParagraph(Model):
    number: Text
    """The paragraph's number in the source, e.g. "31"."""
    text: Inline
    """The paragraph as the source words it."""


class Appendix(Model):
    title: Text
    """The appendix title, e.g. "Section on independent scrutiny from Working Together 2018"."""
    intro: Markdown | None = None
    """Text before any quoted paragraphs."""
    paragraphs: list[QuotedParagraph] = []
    """Paragraphs quoted from a source, with their numbers."""
    source: Text | None = None
    """Where the quoted paragraphs come from, e.g. "Working Together 2018, pp 78-79"."""


class RoleBrief(Document):
    """A brief describing the independent scrutiny role, for partners and applicants."""

    kind: Literal["role-brief"]
    purpose: Markdown
    """Why the brief exists and what the scrutiny function is for."""
    background: Markdown
    """The legal and local background to the arrangements."""
    role: Markdown
    """The role of independent scrutiny in these arrangements."""
    key_questions: ListSection
    """The key questions the scrutiny function answers."""
    responsibilities: ListSection
    """The summary of key responsibilities."""
    qualifications: ListSection
    """The qualifications, experience and independence required."""
    timetable: Timetable
    """The timetable of the year's work."""
    days_and_cost: DaysAndCost
    """The number of days and the cost."""
    procurement_timeline: list[ProcurementStep] = Field(min_length=1)
    """The steps to appoint the scrutineer, in date order."""
    appendices: list[Appendix] = []
    """Appendices, e.g. the guidance the role is based on."""

    def issues(self) -> Iterator[Issue]:
        return out_of_order(self.procurement_timeline, lambda step: step.when,
                            "procurement_timeline", "a procurement step")


KIND = Kind(
    name="role-brief",
    model=RoleBrief,
    summary="Brief for independent scrutiny: the role, its questions, timetable and cost",
)
