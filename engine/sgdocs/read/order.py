"""A document's sections in its own order.

Real reports keep their own structure: one opens with its priorities, another puts the
budget before the reviews and its own "Looking ahead" before the scrutineer's evaluation.
Where a kind's layout allows it (`ordered: true`), a document's `order:` names its sections
in the order it gives them: the kind's sections by name (`priorities`, `budget`) and its own
sections by title. Those named come first, in that order; the kind's other sections follow
in their usual order, and the document's own sections not named come last.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sgdocs.errors import did_you_mean
from sgdocs.read.schema import FreeSection, Issue, Model, Text


class OwnOrder(Model):
    """The part of a document that sets its sections' order."""

    order: list[Text] = []
    """The sections in the order the document gives them: the kind's sections by name
    (`priorities`, `budget`) and your own sections by title. Those named come first; the
    rest follow in the usual order, your own sections last."""


@dataclass(frozen=True)
class Place:
    """One section where the document puts it."""

    name: str
    """The kind's section's name, or an own section's anchor (`section_2`)."""
    own: int | None = None
    """For one of the document's own sections, its place in `sections`."""


def own_anchor(index: int) -> str:
    """The heading id of the document's own section at `index` (a valid Word bookmark)."""
    return f"section_{index + 1}"


def placed(places: tuple[str, ...], document: Any) -> list[Place]:
    """The document's sections in its order: `places` are the kind's, in their usual order."""
    titles = _titles(document)
    named = [Place(entry) if entry in places else Place(own_anchor(titles[_key(entry)]),
                                                        titles[_key(entry)])
             for entry in getattr(document, "order", [])
             if entry in places or _key(entry) in titles]
    taken = {place.name for place in named}
    return [*named, *(Place(name) for name in places if name not in taken),
            *(Place(own_anchor(index), index) for index in range(len(_own(document)))
              if own_anchor(index) not in taken)]


def order_issues(places: tuple[str, ...], document: Any) -> Iterator[Issue]:
    """What is wrong with the document's `order`: sections it cannot name, or names twice."""
    order: list[str] = getattr(document, "order", [])
    if order and not places:
        yield Issue(("order",), "this kind keeps its sections in one order",
                    "leave out `order:`")
        return
    titles = _titles(document)
    shared = {_key(s.title) for s in _own(document)} - set(titles)
    seen: set[str] = set()
    for index, entry in enumerate(order):
        key = entry if entry in places else _key(entry)
        if key in shared:
            yield Issue(("order", index), f"two of your own sections are called "
                        f"\u201c{entry}\u201d", "give each its own title")
        elif entry not in places and key not in titles:
            yield Issue(("order", index), f"there is no section \u201c{entry}\u201d",
                        did_you_mean(entry, [*places, *(s.title for s in _own(document))]))
        elif key in seen:
            yield Issue(("order", index), f"\u201c{entry}\u201d is named twice",
                        "name each section once")
        seen.add(key)


def _own(document: Any) -> list[FreeSection]:
    return list(getattr(document, "sections", []))


def _titles(document: Any) -> dict[str, int]:
    """Each own section's place, by its title as `order` may write it; a title two sections
    share is left out."""
    keys = [_key(section.title) for section in _own(document)]
    return {key: index for index, key in enumerate(keys) if keys.count(key) == 1}


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()
