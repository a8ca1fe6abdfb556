"""arrangements: the published local multi-agency safeguarding arrangements.

What Working Together 2023 asks the safeguarding partners to publish: who leads, the area,
vision and priorities, how relevant agencies and education take part, independent
scrutiny, funding, data and information sharing, the threshold document, reviews, training,
the voice of children and families, escalation, how the arrangements are reviewed, and the
commitment to a yearly report. The partners themselves (leads, delegates, chair, relevant
agencies) come from partnership.yaml, written once.

Every statutory section is optional in the schema: whether it is there is for the
requirement check to say, with the guidance it comes from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import computed_field

from sgdocs.kinds import Kind
from sgdocs.read.partnership import SignOff
from sgdocs.read.schema import Document, FreeSection, Inline, Issue, Markdown, Model, Text
from sgdocs.read.values import Money, PartialDate


class Priority(Model):
    title: Text
    """The priority in a few words, e.g. "Neglect"."""
    description: Markdown | None = None
    """What the partners will do about it, and how they will know it has worked."""


class ScrutinyPlan(Model):
    """The plans for independent scrutiny."""

    by_whom: Markdown | None = None
    """Who provides independent scrutiny, and how they are independent."""
    how: Markdown | None = None
    """The methods: e.g. a scrutineer, self-assessment, audits, peer review."""
    areas: list[Inline] = []
    """The areas scrutiny will look at this cycle."""
    recommendations: Markdown | None = None
    """How findings and recommendations are reported and taken forward."""
    review: Markdown | None = None
    """How often the scrutiny arrangements themselves are reviewed."""


class Contribution(Model):
    partner: Text
    """Who contributes, e.g. "Police"."""
    amount: Money
    """The yearly contribution in pounds."""


class Funding(Model):
    """The shared budget."""

    year: Text | None = None
    """The financial year, e.g. "2024-25"."""
    contributions: list[Contribution] = []
    """Each partner's contribution."""
    notes: Markdown | None = None
    """Anything else: contributions in kind, how the budget is agreed."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total(self) -> Money:
        """The shared budget: the contributions added up."""
        return Money.total(c.amount for c in self.contributions)

    def issues(self) -> Iterator[Issue]:
        for i, contribution in enumerate(self.contributions):
            if contribution.amount <= 0:
                yield Issue(("contributions", i, "amount"), "a contribution must be more "
                            "than £0", "leave out partners who contribute nothing in money, "
                            "and describe contributions in kind under `notes`")


class Arrangements(Document):
    """The published local multi-agency safeguarding arrangements."""

    kind: Literal["arrangements"]
    effective_from: PartialDate | None = None
    """When these arrangements take effect."""
    introduction: Markdown | None = None
    """A short introduction for families and professionals."""
    leadership: Markdown | None = None
    """How the lead and delegated safeguarding partners lead together; who chairs and how."""
    geography: Markdown | None = None
    """The area covered, including police and integrated care board footprints."""
    vision: Markdown | None = None
    """The partners' shared vision."""
    priorities: list[Priority] = []
    """The agreed priorities."""
    relevant_agencies: Markdown | None = None
    """Why the relevant agencies (listed in partnership.yaml) were chosen, how they take part."""
    education: Markdown | None = None
    """How early years, schools, colleges and childcare take part, including strategically."""
    independent_scrutiny: ScrutinyPlan | None = None
    """The plans for independent scrutiny."""
    funding: Funding | None = None
    """The shared budget and contributions."""
    data_and_information_sharing: Markdown | None = None
    """The agreed data set, how intelligence is used, and how information is shared."""
    threshold: Markdown | None = None
    """The local threshold document and how it fits the arrangements (with a link)."""
    reviews: Markdown | None = None
    """Serious incidents, rapid reviews, local child safeguarding practice reviews, learning."""
    training: Markdown | None = None
    """How multi-agency training is commissioned, delivered and evaluated."""
    voice: Markdown | None = None
    """How feedback from children and families is sought and used."""
    escalation: Markdown | None = None
    """How disagreements between partners are escalated and resolved."""
    review_cycle: Markdown | None = None
    """How and when these arrangements are reviewed."""
    yearly_report: Markdown | None = None
    """The commitment to publish a yearly report, and when."""
    sections: list[FreeSection] = []
    """Further sections of the partnership's own (each may say which requirements it meets)."""
    sign_off: list[SignOff] = []
    """The lead safeguarding partners' sign-off."""


KIND = Kind(
    name="arrangements",
    model=Arrangements,
    summary="Published local multi-agency safeguarding arrangements (Working Together 2023)",
)
