"""role-brief: what a partnership asks of someone it appoints (an independent scrutineer, a
chair, a lay member, a reviewer or a panel), for recruiting them.

Modelled on Bexley's brief for independent scrutiny (purpose, background, the role, key
questions, responsibilities, qualifications, a timetable of the year's work, days and cost,
the procurement timeline, appendices quoting the guidance) and fitted to the briefs
partnerships publish: Liverpool's search for a chair with no day rate, South Tyneside's
three-year scrutineer at rates that include expenses, Knowsley's voluntary lay members.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, PositiveInt, computed_field

from sgdocs.kinds import Kind
from sgdocs.read.quantities import Amount, Days
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

    period: Text | None = None
    """The period covered, e.g. "2018-19"."""
    entries: list[TimetableEntry] = Field(min_length=1)
    """The activities, in date order."""

    def issues(self) -> Iterator[Issue]:
        return out_of_order(self.entries, lambda entry: entry.date, "entries", "an activity")


class Term(Model):
    """How long the contract runs."""

    years: PositiveInt
    """The contract's length in years, e.g. 3."""
    up_to: bool = False
    """The contract runs for up to that many years ("for a period of up to four years")."""
    starts: PartialDate | None = None
    """When it starts (YYYY-MM or YYYY-MM-DD)."""
    extension: Text | None = None
    """Any option to extend it, e.g. "up to two further years"."""


class Share(Model):
    who: Text
    """Who pays a share, e.g. "Bexley Council" or "each of the three areas"."""
    share: Text | None = None
    """Their share as the document says it, e.g. "a third", "40%" or "£5,000 a year"; left
    out when the document does not say how the cost is split."""


class DaysAndCost(Model):
    """The time the role takes and what it pays, as the document states them: say only
    what it says ("up to" only where it says so)."""

    days: Days | None = None
    """The time the role takes, e.g. `up to 15 days a year`, `40 to 50 days a year`,
    `30 half-days a year` or `2 days a month`."""
    posts: PositiveInt = 1
    """How many people are appointed to the role."""
    day_rate: Amount | None = None
    """What is paid per day, e.g. `up to £500` or `£450 to £550`."""
    half_day_rate: Amount | None = None
    """What is paid per half-day, e.g. `£275`."""
    annual_fee: Amount | None = None
    """A fee for the year, e.g. `£12,000`, when the role is paid by the year."""
    contract_value: Amount | None = None
    """The whole contract's value over its term, or its band, e.g. `£20,000 to £30,000`."""
    unpaid: Literal["voluntary", "expenses only"] | None = None
    """For a role that is not paid: voluntary (nothing is paid), or expenses only."""
    expenses: Literal["included", "on top", "not paid"] | None = None
    """Whether expenses are included in the rate or fee, paid on top of it, or not paid."""
    expenses_cover: Text | None = None
    """What expenses paid on top cover, e.g. "travel, accommodation and subsistence"."""
    term: Term | None = None
    """How long the contract runs, with any extension."""
    shared_by: list[Share] = []
    """Who shares the cost, when funders or areas split it."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def priced(self) -> bool:
        """The document says what the role pays: a rate, a fee or a contract value."""
        return any((self.day_rate, self.half_day_rate, self.annual_fee, self.contract_value))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def max_annual_fee(self) -> Money | None:
        """The most the role can cost a year before expenses, when the document gives a
        day rate and days a year (days × day rate), or a yearly fee."""
        if self.annual_fee:
            return self.annual_fee.most
        days = self.days.days_a_year if self.days else None
        if days is None or self.day_rate is None or self.day_rate.qualifier == "about":
            return None
        return self.day_rate.most.times(days * self.posts)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def term_total(self) -> Money | None:
        """The most over the whole term, when the document does not give the contract's
        value: the yearly most times the years."""
        if self.contract_value or not self.term or self.max_annual_fee is None:
            return None
        return self.max_annual_fee.times(self.term.years)

    def issues(self) -> Iterator[Issue]:
        for field in ("day_rate", "half_day_rate", "annual_fee", "contract_value"):
            amount = getattr(self, field)
            if amount is not None and amount.low <= 0:
                yield Issue((field,), f"the {field.replace('_', ' ')} must be more than £0",
                            "give the amount in pounds, or leave it out")
            if amount is not None and self.unpaid:
                yield Issue((field,), f"an unpaid role has no {field.replace('_', ' ')}",
                            "leave it out, or take out `unpaid`")
        if self.expenses_cover and self.expenses != "on top":
            yield Issue(("expenses_cover",), "`expenses_cover` says what expenses paid on top "
                        "cover", "add `expenses: on top`, or leave it out")


class Applying(Model):
    """How to apply, or that applications have closed."""

    closing_date: PartialDate | None = None
    """The last day to apply (YYYY-MM-DD)."""
    how: Markdown | None = None
    """How to apply, with any links, e.g. "Send a CV and a covering letter to …"."""
    closed: bool = False
    """Applications have closed (the brief is kept as a record)."""


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


Post = Literal["independent-scrutineer", "independent-chair", "chair-and-scrutineer",
               "lay-member", "reviewer", "panel"]
_ROLE_OF: dict[str, str] = {
    "independent-scrutineer": "independent scrutiny",
    "independent-chair": "the independent chair",
    "chair-and-scrutineer": "the independent chair and scrutineer",
    "lay-member": "lay members",
    "reviewer": "the independent reviewer",
    "panel": "the panel",
}


class RoleBrief(Document):
    """A brief describing a role the partnership appoints to (an independent scrutineer, a
    chair, a lay member, a reviewer or a panel), for partners and applicants. Only its
    purpose is required: a section the brief does not have is left out."""

    kind: Literal["role-brief"]
    post: Post = "independent-scrutineer"
    """The role the brief is for: independent-scrutineer, independent-chair,
    chair-and-scrutineer, lay-member, reviewer or panel. Headings follow it."""
    purpose: Markdown
    """Why the brief exists and what the role is for."""
    background: Markdown | None = None
    """The legal and local background to the arrangements."""
    role: Markdown | None = None
    """What the role is in these arrangements."""
    key_questions: ListSection | None = None
    """The key questions the role answers."""
    responsibilities: ListSection | None = None
    """The summary of key responsibilities."""
    qualifications: ListSection | None = None
    """The qualifications, experience and independence required."""
    timetable: Timetable | None = None
    """The timetable of the year's work."""
    days_and_cost: DaysAndCost | None = None
    """The time the role takes and what it pays."""
    applying: Applying | None = None
    """How to apply and by when, or that applications have closed."""
    procurement_timeline: list[ProcurementStep] = []
    """The steps to appoint, in date order."""
    appendices: list[Appendix] = []
    """Appendices, e.g. the guidance the role is based on."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def role_of(self) -> str:
        """Who the role's section is about, for its heading: "independent scrutiny", "the
        independent chair" …"""
        return _ROLE_OF[self.post]

    def issues(self) -> Iterator[Issue]:
        return out_of_order(self.procurement_timeline, lambda step: step.when,
                            "procurement_timeline", "a procurement step")


KIND = Kind(
    name="role-brief",
    model=RoleBrief,
    summary="Brief for independent scrutiny: the role, its questions, timetable and cost",
)
