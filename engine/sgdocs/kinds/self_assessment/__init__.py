"""self-assessment: the partners' RAG self-assessment against the six steps for scrutiny.

Each question is answered Green, Amber or Red with evidence, and every answer, whatever its
colour, carries an action with an owner and a due date. Besides the summary (docx, pdf,
html: RAG counts per step as a chart and a table, the answers, the actions), a build makes
the workbook partners fill in (.xlsx: a tab per step, an action tracker); `sgdocs import
self-assessment` reads a filled-in workbook back into content.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, PositiveInt, computed_field

from sgdocs.errors import Severity
from sgdocs.kinds import Kind, Output
from sgdocs.read.charts import RAG_COLOURS, BarChart, Series
from sgdocs.read.schema import RAG, ActionStatus, Document, Inline, Issue, Markdown, Model, Text
from sgdocs.read.values import PartialDate, Rag

RAG_ORDER = ("green", "amber", "red")


class Answer(Model):
    question: Inline
    """The statement or question being assessed."""
    rag: RAG | None = None
    """green, amber or red (leave out until it is rated)."""
    evidence: Markdown | None = None
    """The evidence for the rating."""
    action: Inline | None = None
    """What will be done to reach or keep the desired outcome."""
    owner: Text | None = None
    """Who owns the action."""
    due: PartialDate | None = None
    """When the action is due."""
    status: ActionStatus = "not started"
    """not started, in progress or done."""

    def issues(self) -> Iterator[Issue]:
        if self.rag is None:
            yield Issue(("rag",), "this question is not rated yet",
                        "rate it green, amber or red", severity=Severity.WARNING)
            return
        for field, what in (("action", "action"), ("owner", "owner for the action"),
                            ("due", "due date for the action")):
            if getattr(self, field) is None:
                yield Issue((field,), f"the answer is rated {Rag(self.rag).word} but has no "
                            f"{what}", "every answer, whatever its colour, needs an action "
                            "with an owner and a due date")


class RagCounts(Model):
    green: int
    amber: int
    red: int
    unrated: int


class Step(Model):
    number: PositiveInt
    """The step, 1 to 6."""
    title: Text
    """The step's name, e.g. "Leadership"."""
    questions: list[Answer] = Field(min_length=1)
    """The questions for this step."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts(self) -> RagCounts:
        """How many answers are green, amber, red, or not yet rated."""
        ratings = [answer.rag for answer in self.questions]
        return RagCounts(green=ratings.count("green"), amber=ratings.count("amber"),
                         red=ratings.count("red"), unrated=ratings.count(None))


class TrackedAction(Model):
    step: int
    question: Inline
    rag: RAG | None
    action: Inline | None
    owner: Text | None
    due: PartialDate | None
    status: ActionStatus


class SelfAssessment(Document):
    """A RAG self-assessment against the six steps for independent scrutiny."""

    kind: Literal["self-assessment"]
    completed_by: Text | None = None
    """Who completed the assessment, e.g. "The three delegated safeguarding partners"."""
    completed_on: PartialDate | None = None
    """When it was completed."""
    introduction: Markdown | None = None
    """What the assessment is for and how it was done."""
    steps: list[Step] = Field(min_length=1)
    """The six steps, each with its questions."""

    def issues(self) -> Iterator[Issue]:
        numbers = [step.number for step in self.steps]
        if numbers != list(range(1, len(numbers) + 1)):
            yield Issue(("steps",), f"the steps are numbered {numbers}",
                        "number them 1, 2, 3 … in order")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def chart(self) -> BarChart:
        """RAG ratings per step, stacked, with the words in the legend."""
        return BarChart(
            "ratings by step", tuple(f"Step {s.number}: {s.title}" for s in self.steps),
            tuple(Series(rag.capitalize(), RAG_COLOURS[rag],
                         tuple(getattr(s.counts, rag) for s in self.steps))
                  for rag in RAG_ORDER))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def actions(self) -> list[TrackedAction]:
        """Every answer's action, in step order: the action tracker."""
        return [TrackedAction(step=step.number, question=answer.question, rag=answer.rag,
                              action=answer.action, owner=answer.owner, due=answer.due,
                              status=answer.status)
                for step in self.steps for answer in step.questions]


KIND = Kind(
    name="self-assessment",
    model=SelfAssessment,
    summary="RAG self-assessment against the six steps, with its workbook and action tracker",
    outputs=(Output(formats=("docx", "pdf", "html", "xlsx")),),
)
