"""The shape of what a template sees, derived from a kind's schema: groups of named fields,
lists of them, and values whose inside is not looked into. Template checks look names up in
it, and the statutory catalogue's section paths are checked against it.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel


@dataclass
class Fields:
    """A group of named fields; `label` says whose, for messages."""

    label: str
    names: dict[str, Shape] = field(default_factory=dict)


@dataclass
class ListOf:
    item: Shape


@dataclass(frozen=True)
class Leaf:
    """A value whose inside we do not check (text, a date, a macro argument); `kind` says
    how it is shown where that matters: "inline" and "block" are rich text (a line, or
    paragraphs), "chart" a chart, "rag" a rating; "" anything else."""

    kind: str = ""


ANYTHING = Leaf()
INLINE = Leaf("inline")
BLOCK = Leaf("block")
CHART = Leaf("chart")
RATING = Leaf("rag")
PICTURE = Leaf("picture")
Shape = Fields | ListOf | Leaf


def shape_of(model: type[BaseModel], label: str) -> Fields:
    names: dict[str, Shape] = {}
    for name, info in model.model_fields.items():
        marked = [m for m in info.metadata if isinstance(m, Leaf)]
        names[name] = marked[0] if marked else _shape(info.annotation, f"`{name}`")
    for name, computed in model.model_computed_fields.items():
        names[name] = _shape(computed.return_type, f"`{name}`")
    return Fields(label, names)


def returned_shape(function: Any, label: str) -> Shape:
    """The shape of what `function` returns, from its return annotation (a model, a list of
    them, text…); anything, when it has none."""
    try:
        returned = typing.get_type_hints(function).get("return")
    except (NameError, TypeError):
        returned = None
    return ANYTHING if returned is None else _shape(returned, label)


def _shape(annotation: Any, label: str) -> Shape:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _shape(inner[0], label) if len(inner) == 1 else ANYTHING
    if origin is typing.Annotated:
        marked = [m for m in annotation.__metadata__ if isinstance(m, Leaf)]
        return marked[0] if marked else _shape(typing.get_args(annotation)[0], label)
    if origin is list:
        return ListOf(_shape(typing.get_args(annotation)[0], f"each entry of {label}"))
    own = vars(annotation).get("shape") if isinstance(annotation, type) else None
    if isinstance(own, Fields):  # a model templates see otherwise (a picture)
        return own
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return shape_of(annotation, label)
    return getattr(annotation, "shape", ANYTHING)
