"""Who chairs a partnership, as partnerships arrange it: an independent chair, the
independent scrutineer chairing too, co-chairs, a chair rotating among the delegated
partners, or one of the partners, each for a term; and the sentence that says so."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sgdocs.read.schema import Model, Text
from sgdocs.read.values import PartialDate, listed


class Chair(Model):
    """How the partnership is chaired."""

    arrangement: Literal["independent", "scrutineer", "co-chairs", "rotating", "partner"]
    """independent: an independent chair; scrutineer: the independent scrutineer chairs
    too; co-chairs: two or more chair together; rotating: the chair passes among the
    delegated safeguarding partners; partner: one of the partners chairs."""
    who: list[Text] = Field(default=[], max_length=6)
    """Who chairs, by name or role (for co-chairs, each of them; for a rotating chair,
    whoever holds it now)."""
    since: PartialDate | None = None
    """When the present arrangement or chair began."""
    until: PartialDate | None = None
    """When it ends, if the partnership says."""
    rotation: Text | None = None
    """How often a rotating chair passes on, e.g. "every six months"."""

    def sentence(self) -> str:
        """The arrangement in a sentence, e.g. "The partnership is co-chaired by A and B,
        from 1 October 2024."."""
        who = listed(self.who)
        term = _term(self.since, self.until)
        if self.arrangement == "independent":
            return f"The partnership has an independent chair{', ' + who if who else ''}{term}."
        if self.arrangement == "scrutineer":
            named = f", {who}," if who else ""
            return f"The independent scrutineer{named} also chairs the partnership{term}."
        if self.arrangement == "co-chairs":
            return f"The partnership is co-chaired{' by ' + who if who else ''}{term}."
        if self.arrangement == "rotating":
            every = f" {self.rotation}" if self.rotation else ""
            held = f"; it is held now by {who}" if who else ""
            return ("The chair rotates among the delegated safeguarding partners"
                    f"{every}{held}{term}.")
        return f"The partnership is chaired by {who or 'one of the partners'}{term}."


def _term(since: PartialDate | None, until: PartialDate | None) -> str:
    if since and until:
        return f", from {since} to {until}"
    return f", from {since}" if since else f", until {until}" if until else ""
