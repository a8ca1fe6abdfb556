"""How easy each section of a document is to read, for documents the public reads (the
yearly report): the Flesch reading ease and a reading age, worked out by textstat from the
section's prose. A section written for younger readers (a yearly report's summary for
children and families) is held to a reading age, and `sgdocs check` warns above it.

The reading age is the Flesch-Kincaid grade plus five, the usual conversion from a US
school grade to a UK reading age. The scores are a guide to sentence and word length, not
a judgement of the writing; below 30 words a section is too short to score.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from sgdocs.errors import Finding, Location, Severity
from sgdocs.kinds.headings import plain
from sgdocs.read import richtext
from sgdocs.read.documents import LoadedDocument
from sgdocs.read.richtext import InlineMarkdown, Markdown

MINIMUM_WORDS = 30
BANDS = ((70, "easy"), (60, "plain English"), (50, "fairly hard"), (0, "hard"))
"""Flesch reading ease bands: at least this score, this description."""


@dataclass(frozen=True)
class Score:
    """One section's readability."""

    section: str
    where: Location
    words: int
    reading_ease: float | None
    reading_age: int | None
    target: int | None = None
    """The reading age the section should not exceed, if it has one."""

    @property
    def band(self) -> str:
        if self.reading_ease is None:
            return "too short to score"
        return next(name for floor, name in BANDS if self.reading_ease >= floor)

    @property
    def too_hard(self) -> bool:
        return (self.target is not None and self.reading_age is not None
                and self.reading_age > self.target)


def scores(document: LoadedDocument) -> list[Score]:
    """Each filled-in section's readability, in the kind's order; none for kinds the public
    does not read."""
    kind = document.kind
    if not kind.readability:
        return []
    import textstat  # only for the kinds that are scored

    found = []
    for field, heading in kind.sections.items():
        text = " ".join(_prose(getattr(document.model, field, None)))
        words = textstat.lexicon_count(text)
        if not words:
            continue
        long_enough = words >= MINIMUM_WORDS
        found.append(Score(
            plain(heading), document.source.where((field,)), words,
            round(textstat.flesch_reading_ease(text), 1) if long_enough else None,
            max(round(textstat.flesch_kincaid_grade(text)) + 5, 5) if long_enough else None,
            kind.reading_age.get(field)))
    return found


def findings(found: list[Score]) -> list[Finding]:
    """A warning for each section harder to read than its readers' age allows."""
    return [Finding(score.where, f"\u201c{score.section}\u201d has a reading age of "
                    f"{score.reading_age}, above the {score.target} it is written for",
                    "use shorter sentences and everyday words", Severity.WARNING)
            for score in found if score.too_hard]


def _prose(value: Any) -> Iterator[str]:
    """The prose in a section's value, each paragraph or list item as a sentence (so that
    unpunctuated list items are not read as one long sentence)."""
    if isinstance(value, Markdown | InlineMarkdown):
        yield from _sentences(value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _prose(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _prose(item)


def _sentences(text: str) -> Iterator[str]:
    for token in richtext.block_tokens(text):
        if token.type != "inline":
            continue
        words = "".join(child.content for child in token.children or []
                        if child.type in ("text", "code_inline")).strip()
        if words:
            yield words if words[-1] in ".!?" else words + "."
