"""tender: an invitation to tender (or quote) for independent scrutiny, a review, research
or a panel service.

A tender for a role names its brief (`brief: role-brief.yaml`) and takes the purpose, key
questions, responsibilities, timetable, days and day-rate ceiling from it, so the two cannot
drift apart; a tender for a review or a research commission describes the service itself
(`requirement`). It adds what procurement needs: the contracting authority, contract term,
procurement timeline, how to submit, evaluation criteria and weightings, a pricing schedule
(by the day or fixed prices), and where the tender has them, conditions of contract,
independence declarations and a response form for bidders; a clarifications log issued on
its own; and once decided, the award. Its wording follows the law the procurement is run
under: the Procurement Act 2023, the Public Contracts Regulations 2015, Scottish law, or a
quotation below the thresholds under the buyer's own rules.

Besides the tender itself (docx, pdf, html), a build makes the clarifications log
(`-clarifications`) and an evaluators' scoring workbook (`-scoring.xlsx`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Literal

from pydantic import Field, PositiveInt, computed_field

from sgdocs.errors import Severity, closest
from sgdocs.kinds import Kind, Output
from sgdocs.kinds.role_brief import RoleBrief
from sgdocs.read.quantities import Amount
from sgdocs.read.schema import Document, Inline, Issue, Markdown, Model, Text, out_of_order
from sgdocs.read.values import Money, PartialDate

Law = Literal["procurement-act-2023", "pcr-2015", "scotland", "below-threshold"]
_LAWS: dict[str, str] = {
    "procurement-act-2023": "This invitation is issued under the Procurement Act 2023",
    "pcr-2015": "This invitation is issued under the Public Contracts Regulations 2015",
    "scotland": "This invitation is issued under the Procurement Reform (Scotland) Act 2014 "
                "and the Public Contracts (Scotland) Regulations 2015",
    "below-threshold": "This is a quotation below the thresholds of public procurement law, "
                       "run under the buyer's own contract rules",
}
PROCUREMENT_ACT_STARTS = PartialDate(2025, 2, 24)
"""The Procurement Act 2023 applies to procurements begun on or after this day."""

SCORING_SCALE = (
    (0, "Unacceptable", "No answer, or an answer that does not meet the requirement."),
    (1, "Poor", "Meets the requirement in part, with serious gaps or risks."),
    (2, "Weak", "Meets most of the requirement, with some gaps or risks."),
    (3, "Satisfactory", "Meets the requirement."),
    (4, "Good", "Meets the requirement well, with some added value."),
    (5, "Excellent", "Meets the requirement fully, with clear evidence and added value."),
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Contact(Model):
    name: Text
    """Who bidders contact, e.g. "Procurement team"."""
    email: Text = Field(pattern=_EMAIL.pattern)
    """The address for questions and tenders."""
    phone: Text | None = None
    """A telephone number (optional)."""


class Term(Model):
    """How long the contract runs."""

    start: PartialDate
    """The day the contract starts."""
    end: PartialDate
    """The day the contract ends (before any extension)."""
    extension: Text | None = None
    """Any option to extend, e.g. "up to 12 months more, at the partners' option"."""

    def issues(self) -> Iterator[Issue]:
        if self.end <= self.start:
            yield Issue(("end",), f"the contract ends ({self.end}) before it starts "
                        f"({self.start})", "check both dates")


class TimelineStep(Model):
    step: Text
    """What happens, e.g. "Deadline for clarification questions"."""
    date: PartialDate
    """When (YYYY-MM-DD)."""
    time: Text | None = None
    """A time of day where it matters, e.g. "12:00 noon"."""
    before_issue: bool = False
    """A step before the invitation is issued, e.g. a planning or preliminary market
    engagement notice."""


class Criterion(Model):
    name: Text
    """The criterion, e.g. "Understanding of the role"."""
    type: Literal["quality", "price"]
    """quality (scored 0 to 5 by evaluators) or price (scored against the lowest price)."""
    weighting: int = Field(gt=0, le=100)
    """The share of the total score, in per cent."""
    description: Markdown | None = None
    """What evaluators look for."""


class PriceLine(Model):
    """A priced item: days at a day rate, or a fixed price."""

    item: Text
    """What is priced, e.g. "Independent scrutiny, 2018-19"."""
    days: PositiveInt | None = None
    """The number of days, for an item priced by the day."""
    day_rate: Money | None = None
    """The day rate, in pounds (at most the brief's ceiling)."""
    price: Money | None = None
    """A fixed price for the item, instead of days at a day rate, e.g. for a review
    delivered as a whole."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total(self) -> Money:
        """Days × day rate, or the fixed price."""
        if self.price is not None:
            return self.price
        if self.day_rate is None or self.days is None:
            return Money(0)
        return self.day_rate.times(self.days)

    def issues(self) -> Iterator[Issue]:
        by_the_day = self.days is not None or self.day_rate is not None
        if self.price is not None and by_the_day:
            yield Issue(("price",), "the item has both a fixed price and days at a day rate",
                        "give `price`, or `days` and `day_rate`, not both")
        elif self.price is None and (self.days is None or self.day_rate is None):
            yield Issue(("day_rate" if self.days is not None else "days",),
                        "the item has no price", "give `days` and `day_rate`, or a fixed "
                        "`price`")


class Pricing(Model):
    """The pricing schedule: the most the partners will pay."""

    lines: list[PriceLine] = Field(min_length=1)
    """Each priced item: days at a day rate, or a fixed price."""
    vat: Text
    """How VAT is treated, e.g. "Prices exclude VAT, which is paid where it applies"."""
    expenses: Text | None = None
    """How expenses are paid."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total(self) -> Money:
        """The schedule's total."""
        return Money.total(line.total for line in self.lines)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def by_the_day(self) -> bool:
        """Every item is days at a day rate: bidders quote a day rate."""
        return all(line.price is None for line in self.lines)


class Conditions(Model):
    """Conditions of contract bidders accept by tendering; each is left out where the
    tender does not state it."""

    data_protection: Markdown | None = None
    """Handling personal data under the data protection law in force."""
    insurance: Markdown | None = None
    """The insurance cover required."""
    dbs: Markdown | None = None
    """The enhanced DBS check required."""
    ir35: Markdown | None = None
    """How employment status for tax (IR35) is determined for individual contractors."""
    other: Markdown | None = None
    """Any other conditions."""


class ResponseQuestion(Model):
    question: Inline
    """What the bidder is asked."""
    criterion: Text
    """The evaluation criterion the answer is scored against (its name)."""
    guidance: Markdown | None = None
    """What a good answer covers."""
    word_limit: PositiveInt | None = None
    """The most words an answer may have."""


class Clarification(Model):
    date: PartialDate
    """When the answer was issued."""
    question: Inline
    """The question, with nothing that identifies who asked it."""
    answer: Markdown
    """The answer, as issued to every bidder."""


class Award(Model):
    """The outcome of a tender that has been decided."""

    supplier: Text
    """Who was awarded the contract."""
    awarded_on: PartialDate
    """When the contract was awarded."""
    value: Amount | None = None
    """The contract's value as awarded, e.g. `£64,500`."""
    notice: Text | None = None
    """Where the award was published, e.g. its Contracts Finder or Find a Tender notice."""


class ScoreLevel(Model):
    score: int
    meaning: str
    description: str


class Tender(Document):
    """An invitation to tender for independent scrutiny services."""

    kind: Literal["tender"]
    reference: Text | None = None
    """The procurement reference bidders quote, e.g. "BSP-IS-2018-01"."""
    brief: Text | None = None
    """The role brief this tender is for, as a path from this file, e.g. role-brief.yaml;
    left out when the tender describes the service itself, in `requirement`."""
    requirement: Markdown | None = None
    """What is to be provided, said in the tender itself: for a review, a research
    commission or a panel service, which has no role brief. With a brief, what the tender
    adds to it."""
    contracting_authority: Text
    """Who awards the contract, e.g. "London Borough of Bexley, for the partnership"."""
    commissioned_by: list[Text] = []
    """The boards or partnerships the service is for, when more than one commissions it,
    e.g. [Safeguarding Children Partnership, Safeguarding Adults Board]."""
    contact: Contact | None = None
    """Who bidders contact, where it is not only through the e-tendering portal."""
    law: Law = "procurement-act-2023"
    """The law the procurement is run under: procurement-act-2023 (procurements begun on
    or after 24 February 2025), pcr-2015 (the Public Contracts Regulations 2015, for those
    begun before), scotland, or below-threshold (a quotation under the buyer's own rules)."""
    procedure: Text | None = None
    """The procedure, as the law names it, e.g. "open procedure" or "competitive flexible
    procedure"."""
    tender_notice: Text | None = None
    """Where the tender notice was published, e.g. its Find a Tender reference."""
    notice_id: Text | None = None
    """The notice's own identifier where it was published, beside the buyer's reference,
    e.g. "2025/S 000-012345"."""
    cpv_codes: list[Text] = []
    """The Common Procurement Vocabulary codes of the contract, e.g. "85310000-5 Social
    work services"."""
    value: Amount | None = None
    """The contract's value, or its band, as the notice states it, e.g.
    `£20,000 to £30,000`."""
    issue_date: PartialDate | None = None
    """When the invitation is issued."""
    introduction: Markdown | None = None
    """An introduction for bidders."""
    term: Term | None = None
    """The contract term."""
    timeline: list[TimelineStep] = []
    """The procurement timeline, in date order, all after the issue date."""
    how_to_submit: Markdown
    """How and where to submit a tender, in what form."""
    evaluation: list[Criterion] = Field(min_length=1)
    """The evaluation criteria; the weightings add up to 100."""
    pricing: Pricing | None = None
    """The pricing schedule; left out when the price is fixed and tenders compete on quality
    alone."""
    conditions: Conditions | None = None
    """Conditions of contract."""
    declarations: list[Inline] = []
    """What each bidder declares about their independence."""
    response_form: list[ResponseQuestion] = []
    """The questions bidders answer, in the response form printed as Appendix A; left out
    when bidders answer on the buyer's e-tendering portal."""
    clarifications: list[Clarification] = []
    """Questions from bidders and the answers given to all, oldest first."""
    bidders: list[Text] = []
    """Who tendered (added after the closing date), for the scoring workbook."""
    award: Award | None = None
    """Who was awarded the contract, when and for how much, once the tender is decided."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def scoring_scale(self) -> list[ScoreLevel]:
        """How evaluators score quality answers, 0 to 5."""
        return [ScoreLevel(score=s, meaning=m, description=d) for s, m, d in SCORING_SCALE]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def legal_basis(self) -> str:
        """The sentence saying which law the tender is issued under, and by which
        procedure: "This invitation is issued under the Public Contracts Regulations 2015,
        using the open procedure."""
        sentence = _LAWS[self.law]
        if self.procedure:
            named = self.procedure if self.procedure.endswith("procedure") else (
                f"{self.procedure} procedure")
            sentence += f", using the {named}"
        return sentence + "."

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_weighting(self) -> int:
        return sum(criterion.weighting for criterion in self.evaluation)

    def issues(self) -> Iterator[Issue]:
        if self.brief is None and self.requirement is None:
            yield Issue(("requirement",), "the tender does not say what is to be provided",
                        "name the role brief it is for (`brief: role-brief.yaml`), or "
                        "describe the service in `requirement`")
        if self.award and self.issue_date and self.award.awarded_on < self.issue_date:
            yield Issue(("award", "awarded_on"), f"the contract is awarded "
                        f"({self.award.awarded_on}) before the tender is issued "
                        f"({self.issue_date})", "check both dates")
        if self.total_weighting != 100:
            yield Issue(("evaluation",), f"the weightings add up to {self.total_weighting}%, "
                        "not 100%", "adjust the weightings so quality and price total 100")
        for wanted in ("quality", "price"):
            if not any(criterion.type == wanted for criterion in self.evaluation):
                yield Issue(("evaluation",), f"there is no {wanted} criterion", "tenders are "
                            "usually assessed on quality and price; leave it so only where the "
                            "tender means it (a fixed price, or the lowest price)",
                            Severity.WARNING)
        if (self.law == "procurement-act-2023" and self.issue_date is not None
                and self.issue_date < PROCUREMENT_ACT_STARTS):
            yield Issue(("issue_date",), f"a procurement begun on {self.issue_date} is not under "
                        "the Procurement Act 2023, which applies to those begun on or after "
                        "24 February 2025", "set `law: pcr-2015` (or `below-threshold` for a "
                        "quotation under the buyer's own rules)")
        yield from out_of_order(self.timeline, lambda step: step.date, "timeline", "a step")
        for i, step in enumerate(self.timeline):
            if self.issue_date and step.date < self.issue_date and not step.before_issue:
                yield Issue(("timeline", i, "date"), f"\u201c{step.step}\u201d ({step.date}) is "
                            f"before the tender is issued ({self.issue_date})",
                            "every step comes after the issue date; mark a notice published "
                            "before it with `before_issue: true`")
        yield from out_of_order(self.clarifications, lambda c: c.date, "clarifications",
                                "a clarification")
        names = [criterion.name for criterion in self.evaluation]
        for i, question in enumerate(self.response_form):
            if question.criterion not in names:
                match = closest(question.criterion, names)
                yield Issue(("response_form", i, "criterion"), f"\u201c{question.criterion}\u201d "
                            "is not one of the evaluation criteria",
                            f"did you mean \u201c{match}\u201d?" if match else
                            f"use one of: {', '.join(names)}")

    def issues_with(self, references: Mapping[str, Document]) -> Iterator[Issue]:
        brief = references.get("brief")
        if not isinstance(brief, RoleBrief):
            return
        ceiling = brief.days_and_cost
        rate = ceiling.day_rate.most if ceiling and ceiling.day_rate else None
        days = ceiling.days.days_a_year if ceiling and ceiling.days else None
        for i, line in enumerate(self.pricing.lines if self.pricing else []):
            if rate is not None and line.day_rate is not None and line.day_rate > rate:
                yield Issue(("pricing", "lines", i, "day_rate"), f"the day rate {line.day_rate} "
                            f"is above the brief's ceiling of {rate} a day",
                            "lower it, or change the ceiling in the brief")
            if days is not None and line.days is not None and line.days > days:
                yield Issue(("pricing", "lines", i, "days"), f"{line.days} days is more than "
                            f"the brief's {days} days a year",
                            "price the days the brief describes")


KIND = Kind(
    name="tender",
    model=Tender,
    summary="Invitation to tender for independent scrutiny (built on its role brief), a review "
            "or research",
    outputs=(Output(), Output("-clarifications"),
             Output("-scoring", formats=("xlsx",))),
    references={"brief": "role-brief"},
)
