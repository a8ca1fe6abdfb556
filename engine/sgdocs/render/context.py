"""What a template sees: the document's fields, its partnership, and rich text made ready.

Templates read fields by name (`{{ purpose }}`, `{{ partnership.name }}`,
`{% for step in procurement_timeline %}`). Rich text arrives already converted for the
output format, so a template prints it like any other field; dates and money print
themselves. Computed figures (a maximum annual fee) are fields like the rest. Beside the
fields, every template gets `requirements` (how the document meets the statutory
requirements, with links to its sections), `headings` (the kind's section headings, which
the requirements appendix links to), `placed` (a reorderable document's sections in its
order, `sgdocs.read.order`), `incomplete` (a statutory duty is missing),
`classification` (the highest of the document's and those it draws in), `brand`,
`made` (the date the outputs carry) and `link(address, words)` (a link to an address a
field holds, in Word as on the web page).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Protocol

from markupsafe import Markup
from pydantic import BaseModel

from sgdocs.check.requirements import Assessment
from sgdocs.kinds import Kind
from sgdocs.kinds.headings import plain
from sgdocs.read import richtext
from sgdocs.read.brand import HOUSE_FONTS, HOUSE_PRIMARY, Brand
from sgdocs.read.charts import BarChart
from sgdocs.read.documents import LoadedDocument, models
from sgdocs.read.order import placed
from sgdocs.read.richtext import InlineMarkdown, Markdown
from sgdocs.read.schema import Image
from sgdocs.read.values import Rag
from sgdocs.render.templating import environment
from sgdocs.write.files import build_time


class Formatter(Protocol):
    """How one output format writes the values that are not plain text."""

    def rich(self, text: str, inline: bool) -> Markup:
        """Markdown as the format's markup (inline: one line, no paragraphs)."""

    def chart(self, chart: BarChart) -> Markup:
        """A chart as an image, with its alt text."""

    def rag(self, rating: Rag) -> Markup:
        """A RAG rating: the word, with a mark in its colour."""

    def image(self, image: Image) -> Markup:
        """A picture, with its text alternative."""

    def logo(self, image: Image) -> Markup:
        """The partnership's logo, sized for a masthead or page header."""

    def link(self, address: str, words: str | None = None, bold: bool = False) -> Markup:
        """A link to `address`, its words plain text (by default the address), in bold
        with `bold`."""



def template_context(document: LoadedDocument, formatter: Formatter,
                     **extra: Any) -> dict[str, Any]:
    formatter = _Styled(formatter, document.partnership.brand)
    fields = vars(_convert(document.model, formatter))
    referenced = models(document.references)
    fields.update({name: _convert(model, formatter) for name, model in referenced.items()})
    for name, derive in document.kind.derived.items():
        fields[name] = _convert(derive(document.model, referenced), formatter)
    headings = _headings(document.kind, fields)
    requirements = [_requirement(a, document.kind, headings, formatter)
                    for a in document.assessments]
    if document.kind.places:
        fields["placed"] = [SimpleNamespace(name=place.name, own=None if place.own is None
                                            else fields["sections"][place.own])
                            for place in placed(document.kind.places, document.model)]
    return {**fields, "partnership": _convert(document.partnership, formatter),
            "requirements": requirements, "incomplete": document.incomplete,
            "headings": SimpleNamespace(**headings),
            "brand": _brand(document.partnership.brand, formatter),
            "classification": document.classification,
            "made": build_time(document.model), "link": formatter.link, **extra}


class _Styled:
    """A formatter drawing charts in the partnership's colour and body typeface."""

    def __init__(self, formatter: Formatter, brand: Brand | None) -> None:
        self._formatter = formatter
        self._colour = brand.primary if brand else HOUSE_PRIMARY
        self._font = brand.font if brand and brand.font else HOUSE_FONTS[0]

    def chart(self, chart: BarChart) -> Markup:
        return self._formatter.chart(chart.styled(self._colour, self._font))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._formatter, name)


def _brand(brand: Brand | None, formatter: Formatter) -> SimpleNamespace | None:
    """The partnership's brand as templates use it; None keeps the template's own style."""
    if brand is None:
        return None
    return SimpleNamespace(primary=brand.primary, accent=brand.accent, fonts=brand.fonts,
                           logo=formatter.logo(brand.logo) if brand.logo else None)


def _headings(kind: Kind, fields: dict[str, Any]) -> dict[str, str]:
    """The kind's section headings, with the fields they name filled in; a heading of a
    section the document does not have, in the words it has without them."""
    return {name: environment().from_string(heading).render(fields)
            if "{" in heading and fields.get(name.split(".")[0]) is not None
            else plain(heading) for name, heading in kind.sections.items()}


def _requirement(assessment: Assessment, kind: Kind, headings: dict[str, str],
                 formatter: Formatter) -> SimpleNamespace:
    """One row of the "How this document meets Working Together 2023" appendix; `where` is
    a link to the section that addresses the requirement, or says why there is none."""
    requirement = assessment.requirement
    unsaid = richtext.escape("; ".join(assessment.unsaid))
    if assessment.status == "partly" and not assessment.quotes:
        text = f"Partly: not yet {unsaid}"
    elif assessment.status in ("addressed", "partly"):
        anchor = kind.anchor(assessment.anchor)
        title = headings.get(anchor, assessment.section)
        text = f"[{richtext.escape(title)}](#{anchor})"
        if assessment.quotes:
            text += f": \u201c{richtext.escape(_shortened(assessment.quotes[0]))}\u201d"
        if assessment.status == "partly":
            text = f"Partly: {text}; not yet: {unsaid}"
    elif assessment.status == "not applicable":
        text = f"Not applicable: {richtext.escape(assessment.reason)}"
    elif assessment.status == "placeholder":
        text = "Not yet written: the section holds a placeholder"
    else:
        text = f"Not yet addressed: nothing on {unsaid}" if unsaid else "Not yet addressed"
    where = formatter.rich(InlineMarkdown(text), True)
    return SimpleNamespace(id=requirement.id, summary=requirement.summary,
                           reference=str(requirement.reference), level=requirement.level,
                           confidence=requirement.confidence, status=assessment.status,
                           where=where, reason=assessment.reason)


QUOTED_WORDS = 20
"""How much of the sentence relied on the appendix quotes."""


def _shortened(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:QUOTED_WORDS]) + (" \u2026" if len(words) > QUOTED_WORDS else "")


def _convert(value: Any, formatter: Formatter) -> Any:
    if isinstance(value, Image):
        return SimpleNamespace(picture=formatter.image(value),
                               caption=_convert(value.caption, formatter), alt=value.alt)
    if isinstance(value, BaseModel):
        names = [*type(value).model_fields, *type(value).model_computed_fields]
        return SimpleNamespace(**{name: _convert(getattr(value, name), formatter)
                                  for name in names})
    if isinstance(value, list):
        return [_convert(item, formatter) for item in value]
    if isinstance(value, dict):
        return {key: _convert(item, formatter) for key, item in value.items()}
    if isinstance(value, Markdown):
        return formatter.rich(value, False)
    if isinstance(value, InlineMarkdown):
        return formatter.rich(value, True)
    if isinstance(value, BarChart):
        return formatter.chart(value)
    if isinstance(value, Rag):
        return formatter.rag(value)
    return value
