"""article: one contribution to a newsletter, written by its contributor in a file of its own.

An article is a part, not a document: it is built only through the newsletter issue that
lists it, and an article no issue lists is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import computed_field

from sgdocs.kinds import Kind
from sgdocs.read.schema import (
    Document,
    DocumentControl,
    Image,
    Inline,
    Issue,
    Markdown,
    Model,
    Text,
    Url,
)
from sgdocs.read.values import Clock, PartialDate


class Event(Model):
    title: Inline | None = None
    """What it is, if not the article's heading."""
    date: PartialDate
    """The day (YYYY-MM-DD)."""
    end_date: PartialDate | None = None
    """The last day, for an event over several days."""
    start: Clock | None = None
    """Start time, e.g. 16:00."""
    end: Clock | None = None
    """End time, e.g. 17:15."""
    booking: Url | None = None
    """The booking or registration link."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def when(self) -> str:
        """British style: "Monday 22 January 2024, 4pm to 5:15pm"."""
        if self.end_date and self.end_date != self.date:
            return f"{self.date.weekday} to {self.end_date.weekday}"
        times = ""
        if self.start:
            times = f", {self.start.british}" + (f" to {self.end.british}" if self.end else "")
        return self.date.weekday + times

    def issues(self) -> Iterator[Issue]:
        if self.date.day is None:
            yield Issue(("date",), "give the day of the event (YYYY-MM-DD)")
        if self.end_date and self.end_date < self.date:
            yield Issue(("end_date",), f"the event ends ({self.end_date}) before it starts "
                        f"({self.date})")
        if self.start and self.end and self.end <= self.start:
            yield Issue(("end",), f"the event ends ({self.end.british}) before it starts "
                        f"({self.start.british})")


class Link(Model):
    text: Text
    """What the link says, e.g. "Register for the AGM"."""
    url: Url
    """Where it goes."""


class Article(Document):
    """A newsletter article."""

    kind: Literal["article"]
    document_control: DocumentControl | None = None  # type: ignore[assignment]
    """Articles take the newsletter issue's document control."""
    section: Text
    """The newsletter section it belongs in, e.g. "Webinars"."""
    body: Markdown | None = None
    """The article."""
    author: Text | None = None
    """Who wrote it, if signed."""
    events: list[Event] = []
    """Events it announces."""
    links: list[Link] = []
    """Links for readers."""
    image: Image | None = None
    """A picture, with its text alternative."""
    members_only: bool = False
    """For members only: marked so in the issue and its contents."""
    elsewhere: Url | None = None
    """Where the article is published instead, e.g. a page of the website: the issue's
    contents link to it, and the issue prints only what the article says here."""


KIND = Kind(
    name="article",
    model=Article,
    summary="A newsletter article (a part: built through the issue that lists it)",
    outputs=(),
)
