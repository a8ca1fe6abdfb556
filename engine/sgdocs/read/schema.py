"""The building blocks every kind's schema is declared with.

A kind's schema is a pydantic model: one typed field per line, a docstring under each (it
becomes the description an editor shows), unknown keys refused. The field types here say
how the user writes a value and what the templates receive: `Text` is plain text,
`Inline` and `Markdown` are rich text, `PartialDate` and `Money` print themselves.
"""

from __future__ import annotations

import ast
import functools
import inspect
import itertools
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)
from pydantic_core import PydanticCustomError

from sgdocs.errors import Severity
from sgdocs.read import richtext
from sgdocs.read.addresses import LINK_HINT, link_problem
from sgdocs.read.shapes import ANYTHING, BLOCK, INLINE, PICTURE, RATING, Fields
from sgdocs.read.values import PartialDate, Rag
from sgdocs.read.yamlsource import KeyPath, source_text


@dataclass(frozen=True)
class Issue:
    """A problem a rule found, at a key path relative to the part that found it."""

    at: KeyPath
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR


class Model(BaseModel):
    """A part of a document as the user writes it: typed, immutable, no unknown keys.

    Types are checked by pydantic; rules that relate fields to each other (dates in order,
    approval before review) live in `issues()`, which reports every problem rather than
    stopping at the first.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True,
                              json_schema_extra=lambda schema, cls: _describe(schema, cls))

    @model_validator(mode="before")
    @classmethod
    def _left_empty_means_default(cls, data: Any) -> Any:
        """`priorities:` with nothing after it leaves an optional field at its default (an
        empty list, no text): the requirement check still sees the key and calls the
        section empty. A required field left empty stays empty, and is reported."""
        if not isinstance(data, dict):
            return data
        return {key: value for key, value in data.items() if value is not None or (
            key in cls.model_fields and cls.model_fields[key].is_required())}

    def issues(self) -> Iterable[Issue]:
        return ()


@functools.cache
def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Each field's docstring (the string under its declaration), for hints and editors.
    Read from the source only when a message or a JSON Schema needs it: pydantic's own
    reading of them costs every command a quarter of its start-up."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)) or cls is BaseModel:
            continue
        try:
            body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
        except (OSError, TypeError, SyntaxError):
            continue
        statements = body.body if isinstance(body, ast.ClassDef) else []
        for field, under in itertools.pairwise(statements):
            if isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name) and \
                    isinstance(under, ast.Expr) and isinstance(under.value, ast.Constant) and \
                    isinstance(under.value.value, str):
                docs[field.target.id] = inspect.cleandoc(under.value.value)
    docs.update({name: info.description for name, info in model.model_fields.items()
                 if info.description})  # fields declared in YAML, by a partnership's kind
    return docs


def _describe(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    """Each property of a model's JSON Schema described by its field's docstring."""
    properties = schema.get("properties", {})
    for name, doc in field_docs(cls).items():
        if name in properties:
            properties[name].setdefault("description", doc)


def parts(model: BaseModel, at: KeyPath = ()) -> Iterator[tuple[KeyPath, BaseModel]]:
    """`model` and every model inside it, each with its key path from `model`."""
    yield at, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from parts(value, (*at, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from parts(item, (*at, name, i))


def all_issues(model: BaseModel) -> Iterator[Issue]:
    """The issues of `model` and of every part inside it, with paths from `model`."""
    for at, part in parts(model):
        if isinstance(part, Model):
            for issue in part.issues():
                yield Issue((*at, *issue.at), issue.message, issue.hint, issue.severity)


T = TypeVar("T")


def out_of_order(items: Sequence[T], key: Callable[[T], PartialDate], field: str,
                 what: str) -> Iterator[Issue]:
    """An issue for each item dated before the one above it."""
    for i in range(1, len(items)):
        before, here = key(items[i - 1]), key(items[i])
        if here < before:
            yield Issue((field, i), f"{what} dated {here} comes after one dated {before}",
                        "put the entries in date order")


def _as_text(value: Any) -> Any:
    written = source_text(value)
    return written if written is not None else value


def _block(value: str) -> richtext.Markdown:
    _refuse(richtext.refusals(value))
    return richtext.Markdown(value)


def _inline(value: str) -> richtext.InlineMarkdown:
    _refuse(richtext.refusals(value, inline=True))
    return richtext.InlineMarkdown(value.strip())


def _refuse(refusals: list[richtext.Refusal]) -> None:
    """Refuse the text, each reason kept with its line for the message (`validation`)."""
    if refusals:
        raise PydanticCustomError("markdown", "; ".join(r.message for r in refusals), {
            "hint": "; ".join(dict.fromkeys(r.hint for r in refusals)),
            "refusals": tuple(refusals)})


_WRITTEN = BeforeValidator(_as_text, json_schema_input_type=str | int | float)
"""Text fields take numbers too (`version: 1.10`, `number: 31`), exactly as written."""
_MARKDOWN = Field(json_schema_extra={"contentMediaType": "text/markdown"})

Text = Annotated[str, _WRITTEN]
"""Plain text: printed exactly as written."""

Inline = Annotated[str, _WRITTEN, AfterValidator(_inline), _MARKDOWN, INLINE]
"""A line of rich text: **bold**, *italic* and [links](https://…), but no lists."""


def _lines(value: Any) -> Any:
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return value


Lines = Annotated[list[Text], BeforeValidator(
    _lines, json_schema_input_type=str | list[str | int | float])]
"""Lines of plain text, such as a postal address: a list, or one block of text with a line
each (as a spreadsheet cell holds an address)."""

def _link(value: str) -> str:
    problem = link_problem(value)
    if problem:
        raise PydanticCustomError("link", problem, {"hint": LINK_HINT})
    return value.strip()


Url = Annotated[str, _WRITTEN, AfterValidator(_link), Field(json_schema_extra={
    "format": "uri"})]
"""An address a reader can follow: a web page (https://…), an e-mail address (mailto:…) or
a phone number (tel:…)."""

RAG = Annotated[Literal["green", "amber", "red"], AfterValidator(Rag), RATING]
"""A red / amber / green rating, written green, amber or red."""

ActionStatus = Literal["not started", "in progress", "done"]
"""How far an action has got: not started, in progress or done."""

Markdown = Annotated[str, _WRITTEN, AfterValidator(_block), _MARKDOWN, BLOCK]
"""Rich text: paragraphs, bullet and numbered lists (nested), quotes, tables, sub-headings,
emphasis, links."""


class Image(Model):
    """A picture in the content folder, always with a text alternative."""

    shape: ClassVar[Fields] = Fields("the picture", {"picture": PICTURE, "caption": INLINE,
                                                     "alt": ANYTHING})
    """How templates see a picture: the picture itself, drawn in the format's own way, its
    caption and its text alternative."""
    file: Text
    """The picture, as a path from this file, e.g. images/plan.png (PNG or JPEG)."""
    alt: Text
    """What the picture shows, for people who cannot see it."""
    caption: Inline | None = None
    """A caption printed under it."""
    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path:
        """The picture's file, found when the document was loaded."""
        assert self._path is not None, "images are found when their document loads"
        return self._path


class ChangeRecord(Model):
    version: Text
    """The version this change produced, e.g. "1.1"."""
    date: PartialDate
    """When the change was made (YYYY-MM-DD, or YYYY-MM)."""
    summary: Inline
    """What changed, in a sentence."""
    author: Text | None = None
    """Who made the change (optional)."""


Classification = Literal["OFFICIAL", "OFFICIAL-SENSITIVE"]
"""The Government Security Classifications marking for documents a partnership handles."""
CLASSIFICATIONS = (None, "OFFICIAL", "OFFICIAL-SENSITIVE")
"""Security classifications, lowest first."""


class DocumentControl(Model):
    """Who owns the document, which version this is, and who approved or published it."""

    version: Text | None = None
    """The version of this document, e.g. "1.0", when it has one."""
    status: Literal["draft", "final", "published"]
    """draft while it is being written; final once approved (say who approved it and
    when); published for a document as it was published, whose approval it may not state
    (say when it was published)."""
    owner: Text | None = None
    """The person or team responsible for keeping the document up to date."""
    approved_by: Text | None = None
    """Who signed the document off (required once the status is final)."""
    approved_on: PartialDate | None = None
    """When it was signed off (required once the status is final)."""
    published_on: PartialDate | None = None
    """When it was published, when the document says (expected once the status is
    published)."""
    review_date: PartialDate | None = None
    """When the document is next due for review."""
    history: list[ChangeRecord] = []
    """Changes made to the document, oldest first."""
    classification: Classification | None = None
    """The security classification printed at the top and bottom of every page: OFFICIAL,
    or OFFICIAL-SENSITIVE for a document that must not be published (sgdocs then builds
    only its Word and spreadsheet outputs unless told otherwise)."""

    @property
    def issued(self) -> bool:
        """Whether the document is out of draft: approved, or published."""
        return self.status != "draft"

    def issues(self) -> Iterator[Issue]:
        if self.status == "final":
            for field in ("approved_by", "approved_on"):
                if getattr(self, field) is None:
                    yield Issue((field,), f"a final document needs `{field}`",
                                "say who approved it and when, or set `status: draft`")
        if self.status == "published" and self.published_on is None:
            yield Issue(("published_on",), "a published document usually says when it was "
                        "published", "add `published_on` if the document gives its date",
                        Severity.WARNING)
        for field in ("approved_on", "published_on"):
            if getattr(self, field) and self.review_date and \
                    self.review_date < getattr(self, field):
                what = "approval" if field == "approved_on" else "publication"
                yield Issue(("review_date",), f"the review date ({self.review_date}) is "
                            f"before the {what} date ({getattr(self, field)})",
                            "check both dates")
        yield from out_of_order(self.history, lambda change: change.date, "history",
                                "a change")


class FreeSection(Model):
    """A section of the document's own, for anything the kind has no place for."""

    title: Text
    """The section heading."""
    body: Markdown | None = None
    """The section's text."""
    meets: list[Text] = []
    """Requirement ids this section addresses, e.g. [arr_escalation] (`sgdocs requirements`)."""


class Appendix(Model):
    title: Text
    """The appendix's title, e.g. "Terms of reference"; it is headed "Appendix 1: …"."""
    body: Markdown
    """What the appendix says (a table is fine)."""


class Document(Model):
    """Fields every document kind has."""

    kind: str
    """The document kind, e.g. role-brief (`sgdocs kinds` lists them)."""
    title: Text
    """The document's title, as it appears on the cover and in the window title."""
    document_control: DocumentControl
    """Version, status, owner, approval and change history."""
    published_with: list[Text] = []
    """Others who publish the document jointly with the partnership, e.g. another
    partnership or a research centre; named beside it on the cover."""
    illustrative: Inline | None = None
    """What in this document is made up rather than taken from a real one, e.g. "The
    weightings and dates are invented." Printed as a notice at the top of every output, so
    an example is never mistaken for the real thing."""
    not_applicable: dict[str, Text] = {}
    """Requirements that do not apply to this document, each with the reason, e.g.
    `is_voice: Covered by the partnership's voice strategy`."""
    written_under: Literal["Working Together 2023", "Working Together 2018",
                           "Working Together 2015"] = "Working Together 2023"
    """The statutory guidance the document was written under. One written under earlier
    guidance (before December 2023), kept as it was, is not checked against Working
    Together 2023, has no appendix saying how it meets it, and may use its terms."""

    @property
    def classification(self) -> str | None:
        control = self.document_control
        return control.classification if control is not None else None

    @property
    def sensitive(self) -> bool:
        """Classified OFFICIAL-SENSITIVE: not for publishing."""
        return self.classification == "OFFICIAL-SENSITIVE"

    def issues_with(self, references: Mapping[str, Document]) -> Iterable[Issue]:
        """Problems between this document and the documents it refers to (a tender's day
        rate above its brief's ceiling), found once those have loaded."""
        return ()
