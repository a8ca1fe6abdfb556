"""The form a document is edited in, made from its kind's fields: the kinds sgdocs ships
and a partnership's own alike, since both are pydantic models.

Each field becomes one control, labelled in plain words from its name, with its own
description as help: a line of text, Markdown with a preview, a date, a number, a choice
of words (a RAG rating among them), a picture with its alt text, another document of a
named kind, a group of fields, or a list of any of these whose rows are added, removed and
reordered. What has no control of its own (a value of more than one shape) is edited as
YAML in a box, so that nothing in a document is out of reach.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from sgdocs.kinds import Kind
from sgdocs.read.schema import Document, Image, field_docs
from sgdocs.read.shapes import BLOCK, INLINE, Leaf
from sgdocs.read.values import PartialDate

Control = Literal["line", "inline", "markdown", "date", "integer", "number", "boolean",
                  "choice", "rating", "picture", "reference", "group", "list", "pairs",
                  "yaml"]
WORDS = {"rag": "RAG", "wt2023": "WT2023", "cv": "CV", "url": "web address",
         "lcspr": "LCSPR", "ics": "calendar", "id": "ID"}
"""Words a field's name is spelt differently in its label."""
LAST = tuple(Document.model_fields)
"""The fields every document has: after the kind's own, apart from the title, first."""


@dataclass
class FormField:
    name: str
    label: str
    control: Control
    help: str = ""
    required: bool = False
    choices: list[str] = field(default_factory=list)
    fields: list[FormField] = field(default_factory=list)
    """A group's fields, a picture's."""
    item: FormField | None = None
    """What each row of a list is."""
    kind: str = ""
    """The kind of document a reference names."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def document_form(kind: Kind) -> list[FormField]:
    """The fields of a document of `kind`, title first, those every document has last."""
    fields = _fields(kind.model, references=kind.references)
    own = [f for f in fields if f.name not in LAST]
    shared = [f for f in fields if f.name in LAST and f.name != "kind"]
    return [f for f in shared if f.name == "title"] + own + \
        [f for f in shared if f.name != "title"]


def label(name: str) -> str:
    """A field's name as words: `day_rate` is "Day rate"."""
    words = [WORDS.get(word, word) for word in name.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


_FOR_YAML = ((re.compile(r",? one per line starting with `- `"), ""),
             (re.compile(r",? e\.g\. `\{[^`]*\}`"), ""),
             (re.compile(r",? as a path from this file"), ""),
             (re.compile(r"`(\w+):`"), r"\1"))
"""How a description speaks to someone writing the YAML by hand, and what the form says
instead (the form draws the list, the group, the choice of files)."""


def plain_help(doc: str) -> str:
    """A field's description as help beside its control: on one line, without what only
    matters when writing YAML by hand."""
    text = " ".join(doc.split())
    for pattern, instead in _FOR_YAML:
        text = pattern.sub(instead, text)
    return text


def _fields(model: type[BaseModel], references: dict[str, str] | None = None
            ) -> list[FormField]:
    docs = field_docs(model)
    made = []
    for name, info in model.model_fields.items():
        marked = next((m for m in info.metadata if isinstance(m, Leaf)), None)
        control = _control(name, info.annotation, marked, (references or {}).get(name))
        control.help = plain_help(docs.get(name, ""))
        control.required = info.is_required()
        made.append(control)
    return made


def _control(name: str, annotation: Any, marked: Leaf | None = None,
             reference: str | None = None) -> FormField:
    shown = label(name)
    annotation = _without_none(annotation)
    if reference is not None:
        if typing.get_origin(annotation) is list:
            return FormField(name, shown, "list", item=FormField(
                "", shown, "reference", kind=reference))
        return FormField(name, shown, "reference", kind=reference)
    leaf = marked or _leaf(annotation)
    if leaf == BLOCK:
        return FormField(name, shown, "markdown")
    if leaf == INLINE:
        return FormField(name, shown, "inline")
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _control(name, arguments[0], marked)
    if origin is Literal:
        words = [str(argument) for argument in arguments]
        rating = sorted(words) == ["amber", "green", "red"]
        return FormField(name, shown, "rating" if rating else "choice", choices=words)
    if origin is list:
        return FormField(name, shown, "list", item=_control("", arguments[0]))
    if origin is dict:
        return FormField(name, shown, "pairs", item=_control("", arguments[1]))
    if isinstance(annotation, type):
        return _typed(name, shown, annotation)
    return FormField(name, shown, "yaml")


def _typed(name: str, shown: str, annotation: type) -> FormField:
    if issubclass(annotation, Image):
        return FormField(name, shown, "picture", fields=_fields(annotation))
    if issubclass(annotation, BaseModel):
        return FormField(name, shown, "group", fields=_fields(annotation))
    if issubclass(annotation, bool):
        return FormField(name, shown, "boolean")
    if issubclass(annotation, PartialDate | dt.date):
        return FormField(name, shown, "date")
    if issubclass(annotation, int):
        return FormField(name, shown, "integer")
    if issubclass(annotation, float | Decimal) and not _written_as_text(annotation):
        return FormField(name, shown, "number")
    return FormField(name, shown, "line")


def _written_as_text(annotation: type) -> bool:
    """Money and the like are numbers written with their sign: "£500"."""
    return annotation.__module__.startswith("sgdocs.")


def _leaf(annotation: Any) -> Leaf | None:
    if typing.get_origin(annotation) is typing.Annotated:
        return next((m for m in typing.get_args(annotation)[1:] if isinstance(m, Leaf)),
                    None)
    return None


def _without_none(annotation: Any) -> Any:
    """`X | None` as X; a union of several other types as it is."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(annotation) if a is not type(None)]
        return kept[0] if len(kept) == 1 else annotation
    return annotation
