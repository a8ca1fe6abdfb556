"""What a template sees: the document's fields, its partnership, and rich text made ready.

Templates read fields by name (`{{ purpose }}`, `{{ partnership.name }}`,
`{% for step in procurement_timeline %}`). Rich text arrives already converted for the
output format, so a template prints it like any other field; dates and money print
themselves. Computed figures (a maximum annual fee) are fields like the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from .partnership import Partnership
from .richtext import InlineMarkdown, Markdown
from .schema import Document
from .template_check import ANYTHING, Fields, shape_of

RichText = Callable[[str, bool], Markup]
"""Converts Markdown to the output format's markup; the flag is True for inline text."""


def template_context(document: Document, partnership: Partnership, rich: RichText,
                     **extra: Any) -> dict[str, Any]:
    fields = vars(_convert(document, rich))
    return {**fields, "partnership": _convert(partnership, rich), **extra}


def _convert(value: Any, rich: RichText) -> Any:
    if isinstance(value, BaseModel):
        names = [*type(value).model_fields, *type(value).model_computed_fields]
        return SimpleNamespace(**{name: _convert(getattr(value, name), rich) for name in names})
    if isinstance(value, list):
        return [_convert(item, rich) for item in value]
    if isinstance(value, Markdown):
        return rich(value, False)
    if isinstance(value, InlineMarkdown):
        return rich(value, True)
    return value


def context_shape(model: type[Document], label: str, *extras: str) -> Fields:
    """The fields `template_context` gives templates, for checking templates before use."""
    shape = shape_of(model, label)
    shape.names["partnership"] = shape_of(Partnership, "the partnership")
    shape.names.update(dict.fromkeys(extras, ANYTHING))
    return shape
