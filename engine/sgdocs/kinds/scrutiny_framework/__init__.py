"""scrutiny-framework: how a partnership has chosen to scrutinise its arrangements.

Modelled on Northumberland's framework: the national context, the local approach, the
blend of scrutiny methods, the scrutineer's role, the key objectives (the six steps for
independent scrutiny) with their descriptors, and the self-assessment tool.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, PositiveInt, computed_field

from sgdocs.kinds import Kind
from sgdocs.read import richtext
from sgdocs.read.schema import RAG, Document, Inline, Issue, Markdown, Model, Text, Url


class Method(Model):
    name: Text
    """The method, e.g. "Independent Scrutineer"."""
    description: Inline | None = None
    """What it is, e.g. "appointed April 2023 (see appendix 1)"."""
    note: Inline | None = None
    """A remark printed after it, e.g. how its learning is used."""


class Methods(Model):
    """The blend of scrutiny methods the partnership uses."""

    intro: Markdown
    """How the partnership chose its approach."""
    methods: list[Method] = Field(min_length=1)
    """Each method."""


class Days(Model):
    minimum: PositiveInt
    """The fewest days a year."""
    maximum: PositiveInt
    """The most days a year."""

    def issues(self) -> Iterator[Issue]:
        if self.maximum < self.minimum:
            yield Issue(("maximum",), f"the most days ({self.maximum}) is fewer than the "
                        f"fewest ({self.minimum})")


class ScrutineerRole(Model):
    """The independent scrutineer's role."""

    summary: Markdown
    """What the role is for."""
    days: Days | None = None
    """How many days a year the role takes."""
    responsibilities: list[Inline] = Field(min_length=1)
    """What the role involves."""


class Descriptor(Model):
    text: Inline
    """A summary statement of key activity."""
    points: list[Inline] = []
    """Points the statement lists, if any."""


class Objective(Model):
    number: PositiveInt
    """The step of the six-step model, 1 to 6."""
    title: Text
    """The key objective, e.g. "Engagement of relevant agencies"."""
    descriptors: list[Descriptor] = Field(min_length=1)
    """Its numbered descriptors."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def descriptor_list(self) -> richtext.Markdown:
        """The descriptors as one numbered list (points nested under their statement), so
        each objective's numbering starts at 1 in Word as on the page."""
        lines = []
        for number, descriptor in enumerate(self.descriptors, start=1):
            lines.append(f"{number}. {descriptor.text}")
            lines.extend(f"   - {point}" for point in descriptor.points)
        return richtext.Markdown("\n".join(lines))


class Rating(Model):
    colour: RAG
    """green, amber or red."""
    meaning: Inline
    """What an answer in this colour means."""


class SelfAssessmentTool(Model):
    """The self-assessment tool that goes with the framework."""

    intro: Markdown
    """What the tool is, and who can use it."""
    uses: list[Inline] = []
    """What it can be used for."""
    ratings: list[Rating] = []
    """How each question is answered."""
    notes: Markdown | None = None
    """Anything else: actions for every answer, how the tool is used for review."""


class Source(Model):
    mark: Text
    """The footnote mark used in the text, e.g. "¹"."""
    title: Text
    """The source, e.g. "Working Together 2018 – Chapter 3"."""
    url: Url | None = None
    """Its web address, where known."""


class ScrutinyFramework(Document):
    """An independent scrutiny framework."""

    kind: Literal["scrutiny-framework"]
    introduction: Markdown | None = None
    """The role of independent scrutiny and its place in the system."""
    guidance: Markdown | None = None
    """What the statutory guidance expects of the published approach to scrutiny."""
    approach_title: Text = "Our approach to independent scrutiny"
    """The heading of the local approach."""
    approach: Markdown | None = None
    """The local approach, and what the framework applies to."""
    methods: Methods | None = None
    """The blend of scrutiny methods."""
    scrutineer_role: ScrutineerRole | None = None
    """The scrutineer's role (an appendix)."""
    objectives: list[Objective] = []
    """The key objectives and their descriptors (an appendix)."""
    self_assessment: SelfAssessmentTool | None = None
    """The self-assessment tool (an appendix)."""
    disagreements: Markdown | None = None
    """How scrutiny gives independent advice when partners disagree, and supports
    escalation."""
    sources: list[Source] = []
    """The sources the footnote marks in the text refer to."""

    def issues(self) -> Iterator[Issue]:
        numbers = [objective.number for objective in self.objectives]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            yield Issue(("objectives",), f"the objectives are numbered {numbers}",
                        "number them 1, 2, 3 … in order")


KIND = Kind(
    name="scrutiny-framework",
    model=ScrutinyFramework,
    summary="Independent scrutiny framework: approach, methods, scrutineer role, objectives",
    shown_with={"guidance": "introduction"},
)
