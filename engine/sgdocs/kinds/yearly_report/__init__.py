"""yearly-report: the safeguarding partners' report on the year, published at least yearly.

What Working Together 2023 asks it to contain: the period, what the partners did (including
on child safeguarding practice reviews), how effective the arrangements were, evidence of
impact, areas of little or no progress, actions on review recommendations, feedback from
children and families, the independent scrutineer's evaluation and the partners' response,
and sign-off by the lead safeguarding partners.

Review figures are entered as counts, or worked out from each case's dates: the working days
from a serious incident notification to the completed rapid review are counted with
England's bank holidays, against the 15-working-day timescale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import NonNegativeInt, computed_field

from sgdocs.errors import Severity
from sgdocs.kinds import Kind
from sgdocs.kinds.arrangements import Funding
from sgdocs.read.charts import BarChart
from sgdocs.read.order import OwnOrder
from sgdocs.read.partnership import SignOff
from sgdocs.read.period import Period
from sgdocs.read.schema import (
    Appendix,
    Document,
    FreeSection,
    Inline,
    Issue,
    Markdown,
    Model,
    Text,
)
from sgdocs.read.values import PartialDate, Proportion
from sgdocs.read.workdays import working_days_after

RAPID_REVIEW_WORKING_DAYS = 15


class Case(Model):
    """One serious incident notified to the Child Safeguarding Practice Review Panel."""

    reference: Text
    """The partnership's reference, never a child's name, e.g. "SI-2024-03"."""
    notified: PartialDate
    """The day the Panel was notified."""
    rapid_review_completed: PartialDate | None = None
    """The day the rapid review was completed (leave out while it is under way)."""
    lcspr: Literal["commissioned", "not commissioned", "published"] | None = None
    """Whether a local child safeguarding practice review followed."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def working_days(self) -> int | None:
        """Working days from notification to completed rapid review (England)."""
        if self.rapid_review_completed is None or not (
                self.notified.day and self.rapid_review_completed.day):
            return None
        return working_days_after(_date(self.notified), _date(self.rapid_review_completed))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def on_time(self) -> bool | None:
        """Whether the rapid review was completed within 15 working days."""
        days = self.working_days
        return None if days is None else days <= RAPID_REVIEW_WORKING_DAYS

    def issues(self) -> Iterator[Issue]:
        for field in ("notified", "rapid_review_completed"):
            value = getattr(self, field)
            if value is not None and value.day is None:
                yield Issue((field,), "give the day: working days are counted from it",
                            "write the date as YYYY-MM-DD")
        if self.rapid_review_completed and self.rapid_review_completed < self.notified:
            yield Issue(("rapid_review_completed",), f"the rapid review was completed "
                        f"({self.rapid_review_completed}) before the notification "
                        f"({self.notified})", "check both dates")


def _date(value: PartialDate) -> dt.date:
    return dt.date(value.year, value.month, value.day or 1)


class ReviewTotals(Model):
    """The year's review figures as the report prints them: None for one it does not give."""

    notifications: int | None
    rapid_reviews: int | None
    on_time: Proportion | None
    lcsprs_commissioned: int | None
    lcsprs_published: int | None
    chart: BarChart | None
    """A chart of the figures, when there are two or more to compare."""


class ReviewFigures(Model):
    """The year's serious incidents and reviews: counts, or cases they are worked out from."""

    notifications: NonNegativeInt | None = None
    """Serious incidents notified to the Child Safeguarding Practice Review Panel."""
    rapid_reviews: NonNegativeInt | None = None
    """Rapid reviews completed."""
    rapid_reviews_on_time: NonNegativeInt | None = None
    """Rapid reviews completed within 15 working days of the notification."""
    lcsprs_commissioned: NonNegativeInt | None = None
    """Local child safeguarding practice reviews commissioned."""
    lcsprs_published: NonNegativeInt | None = None
    """Local child safeguarding practice reviews published."""
    cases: list[Case] = []
    """Each notification, with its dates: the counts above are then worked out from them."""

    def _counted(self) -> dict[str, int]:
        """The counts the cases give, for the figures the cases can tell."""
        if not self.cases:
            return {}
        done = [case for case in self.cases if case.rapid_review_completed]
        return {
            "notifications": len(self.cases),
            "rapid_reviews": len(done),
            "rapid_reviews_on_time": sum(bool(case.on_time) for case in done),
            "lcsprs_commissioned": sum(case.lcspr in ("commissioned", "published")
                                       for case in self.cases),
        }

    def _figure(self, name: str) -> int | None:
        """The figure as entered, else as the cases give it; None if neither gives it."""
        entered = getattr(self, name)
        return entered if entered is not None else self._counted().get(name)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def totals(self) -> ReviewTotals:
        """The figures to print (those the report gives: as entered, else worked out from
        the cases), and a chart of them."""
        notifications, rapid = self._figure("notifications"), self._figure("rapid_reviews")
        on_time, published = self._figure("rapid_reviews_on_time"), self._figure(
            "lcsprs_published")
        commissioned = self._figure("lcsprs_commissioned")
        bars = [(label, value) for label, value in (
            ("Serious incident notifications", notifications),
            ("Rapid reviews completed", rapid),
            (f"Rapid reviews within {RAPID_REVIEW_WORKING_DAYS} working days", on_time),
            ("Practice reviews commissioned", commissioned),
            ("Practice reviews published", published)) if value is not None]
        chart = (BarChart.of("serious incidents and reviews in the year", bars)
                 if len(bars) > 1 else None)
        return ReviewTotals(notifications=notifications, rapid_reviews=rapid,
                            on_time=None if on_time is None or rapid is None
                            else Proportion(on_time, rapid),
                            lcsprs_commissioned=commissioned, lcsprs_published=published,
                            chart=chart)

    def issues(self) -> Iterator[Issue]:
        for name, counted in self._counted().items():
            entered = getattr(self, name)
            if entered is not None and entered != counted:
                yield Issue((name,), f"{name.replace('_', ' ')} is {entered}, but the cases "
                            f"listed give {counted}", "correct the figure, or leave it out "
                            "to have it worked out from the cases")
        on_time, done = self._figure("rapid_reviews_on_time"), self._figure("rapid_reviews")
        if on_time is not None and done is not None and on_time > done:
            yield Issue(("rapid_reviews_on_time",), "more rapid reviews were on time than "
                        "were completed", "check both figures")


class Reviews(Model):
    """Serious incidents, rapid reviews and local child safeguarding practice reviews."""

    summary: Markdown | None = None
    """What was done on reviews in the year, and what changed as a result."""
    figures: ReviewFigures | None = None
    """The year's figures."""


class ScrutinyEvaluation(Model):
    """The independent scrutineer's evaluation, and the partners' response to it."""

    scrutineer: Text | None = None
    """Who wrote the evaluation, e.g. "Independent scrutineer"."""
    evaluation: Markdown | None = None
    """The scrutineer's evaluation of the arrangements and of this report."""
    response: Markdown | None = None
    """How the lead safeguarding partners respond to the scrutiny findings."""


class ReviewAction(Model):
    review: Text
    """The review, local or national, e.g. "LCSPR Child Q" or a national Panel review."""
    recommendation: Inline
    """The recommendation, in short."""
    action: Inline
    """What was decided or done, and the improvement it led to."""
    status: Literal["planned", "in progress", "done"]
    """planned, in progress or done."""


class Figure(Model):
    """A figure a report gives for a priority, as it states it."""

    label: Text
    """What is counted, e.g. "Practitioners trained in the Graded Care Profile 2"."""
    value: Text
    """The figure as the report gives it, e.g. "640" or "8 in 10"."""


class Priority(Model):
    """One of the partnership's priorities, and how it went in the year."""

    title: Text
    """The priority, e.g. "Neglect"."""
    progress: Markdown | None = None
    """What was done and what changed."""
    figures: list[Figure] = []
    """Figures the report gives for it."""


class CaseStudy(Model):
    title: Text
    """What the case study shows, e.g. "Help that came sooner"."""
    body: Markdown
    """The case study, with nothing that identifies the child or family."""


class YearlyReport(Document, OwnOrder):
    """The safeguarding partners' yearly report."""

    kind: Literal["yearly-report"]
    period: Period | None = None
    """The period covered (usually 1 April to 31 March)."""
    summary: Markdown | None = None
    """A short summary of the year, in plain words, for the public."""
    for_children_and_families: Markdown | None = None
    """The year told for children, young people and families: short sentences and everyday
    words (`sgdocs check` gives its reading age; aim for 11 or under)."""
    introduction: Markdown | None = None
    """A foreword from the partners."""
    what_we_did: Markdown | None = None
    """What the partners did as a result of the arrangements."""
    priorities: list[Priority] = []
    """The partnership's priorities, each with its progress and figures."""
    case_studies: list[CaseStudy] = []
    """Case studies showing the difference the arrangements made."""
    reviews: Reviews | None = None
    """Serious incidents and reviews: what was done, with the figures."""
    effectiveness: Markdown | None = None
    """How effective the arrangements have been in practice."""
    impact: Markdown | None = None
    """Evidence of the impact of the partners' work, including training, on outcomes."""
    little_progress: Markdown | None = None
    """Areas with little or no evidence of progress on the agreed priorities, and why."""
    review_actions: list[ReviewAction] = []
    """Decisions and actions on recommendations of local and national reviews."""
    voice: Markdown | None = None
    """How feedback from children and families was sought, and how it was used."""
    learning: Markdown | None = None
    """Learning from scrutiny, incidents and reviews that has been put in place, and its impact."""
    scrutiny: ScrutinyEvaluation | None = None
    """The independent scrutineer's evaluation and the partners' response."""
    budget: Funding | None = None
    """The budget and the partners' contributions, as arrangements give them."""
    training: Markdown | None = None
    """Multi-agency training in the year, with its figures (a table is fine)."""
    sections: list[FreeSection] = []
    """Sections of the partnership's own, where `order` puts them, else after the others
    (each may say which requirements it meets)."""
    appendices: list[Appendix] = []
    """Appendices, after the sign-off: "Appendix 1: …" and so on."""
    sign_off: list[SignOff] = []
    """The lead safeguarding partners' sign-off."""
    published: PartialDate | None = None
    """When the report is published."""
    sent_to: list[Text] = []
    """Who the report was sent to on publication, e.g. the Child Safeguarding Practice
    Review Panel."""
    presented_to: list[Text] = []
    """Where the report was presented, e.g. the health and wellbeing board, a scrutiny
    committee."""

    def issues(self) -> Iterator[Issue]:
        if self.period is None:
            return
        yield from self.period.ended_by(self.published, ("published",), "the publication date")
        yield from self.period.ended_by(self.document_control.published_on,
                                        ("document_control", "published_on"),
                                        "the publication date")
        for i, signature in enumerate(self.sign_off):
            yield from self.period.ended_by(signature.date, ("sign_off", i, "date"),
                                            f"the sign-off by {signature.name}",
                                            Severity.WARNING)
        cases = self.reviews.figures.cases if self.reviews and self.reviews.figures else []
        for i, case in enumerate(cases):
            yield from self.period.holds(case.notified, ("reviews", "figures", "cases", i,
                                                         "notified"),
                                         f"serious incident {case.reference} was notified")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def priorities_told(self) -> bool:
        """Whether any priority says more than its title: each then has a heading of its
        own, else they are a list."""
        return any(priority.progress or priority.figures for priority in self.priorities)


KIND = Kind(
    name="yearly-report",
    model=YearlyReport,
    summary="The safeguarding partners' yearly report (Working Together 2023)",
    shown_with={"published": "period", "sent_to": "period"},
    readability=True,
    reading_age={"for_children_and_families": 11},
)
