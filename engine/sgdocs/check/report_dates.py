"""The year a published report covers and when it says it was published, read from its
words ("Annual report 2023/24", "Published: 12 September 2024"), and whether they agree: a
report on a year is published after the year ends, and Working Together 2023 asks for one
at least once in every twelve months.

Only what the report states plainly is read: its title, headings and opening pages for the
year, a line naming publication or sign-off for the date. What is not found is said so,
never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from sgdocs.errors import Finding, Location, Severity
from sgdocs.read.foreign import ForeignDocument
from sgdocs.read.period import one_year

_MONTHS = "|".join(calendar.month_name[1:])
YEAR = re.compile(r"\b(20\d\d)\s*(?:[/\-\u2013]|to)\s*(20\d\d|\d\d)\b")
"""A year as reports write it: 2023/24, 2023-2024, 2023 to 2024."""
PUBLISHED = re.compile(
    rf"\b(?:published|publication|approved|signed off|ratified)\b\W*(?:\w+\W+){{0,6}}?"
    rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({_MONTHS})\s+(20\d\d)\b", re.IGNORECASE)
"""A line telling when the report was published or signed off, with the date it gives."""
OPENING_PAGES = 3
TWELVE_MONTHS = 366


@dataclass(frozen=True)
class Stated:
    """What a report states of its dates, and where."""

    period: tuple[dt.date, dt.date] | None = None
    period_written: str = ""
    period_place: str = ""
    published: dt.date | None = None
    published_written: str = ""
    published_place: str = ""
    day_given: bool = True
    """Whether the publication date has a day (else it is the month's first)."""

    @property
    def said(self) -> str:
        """What was found, for the reader: "covers 2023/24 (page 1); published 12 September
        2024 (page 2)"."""
        found = []
        if self.period:
            found.append(f"covers {self.period_written} ({self.period_place})")
        if self.published:
            found.append(f"published {self.published_written} ({self.published_place})")
        return "; ".join(found)


def stated(document: ForeignDocument) -> Stated:
    """The year the report covers and when it was published, as far as it says."""
    titles = [(heading, "in its title" if index == 0 else f"in the heading \u201c{heading}\u201d")
              for index, heading in enumerate(document.headings[:3])]
    opening = titles + [(p.text, p.place) for p in document.passages
                        if (p.page or 1) <= OPENING_PAGES][:60]
    period = next(((match, place) for text, place in opening
                   if (match := YEAR.search(text)) and one_year(int(match[1]), match[2])), None)
    published = next(((match, passage.place) for passage in document.passages
                      if (match := PUBLISHED.search(passage.text))), None)
    found = Stated()
    if period is not None:
        match, place = period
        first = int(match[1])
        found = Stated(period=(dt.date(first, 4, 1), dt.date(first + 1, 3, 31)),
                       period_written=match[0], period_place=place)
    if published is not None:
        match, place = published
        month = list(calendar.month_name).index(match[2].capitalize())
        day = int(match[1]) if match[1] else 1
        try:
            date = dt.date(int(match[3]), month, day)
        except ValueError:
            return found
        written = " ".join(part for part in (match[1], match[2].capitalize(), match[3])
                           if part)
        found = Stated(found.period, found.period_written, found.period_place, date, written,
                       place, bool(match[1]))
    return found


def date_findings(document: ForeignDocument, found: Stated) -> list[Finding]:
    """A publication date before the year covered ends, or more than twelve months after."""
    if found.period is None or found.published is None:
        return []
    end = found.period[1]
    where = Location(document.path)
    ended = f"{end.day} {calendar.month_name[end.month]} {end.year}"
    published = found.published
    if published < end and (found.day_given or (published.year, published.month)
                            != (end.year, end.month)):
        return [Finding(where, f"the report says it was published {found.published_written} "
                        f"({found.published_place}), before the year it covers "
                        f"({found.period_written}) ends on {ended}",
                        "check the dates: a report on a year is published after the year "
                        "ends", Severity.WARNING)]
    if (published - end).days > TWELVE_MONTHS:
        return [Finding(where, f"the report on {found.period_written} says it was published "
                        f"{found.published_written} ({found.published_place}), more than "
                        f"twelve months after the year ended on {ended}",
                        "Working Together 2023 asks for a report at least once in every "
                        "twelve months", Severity.WARNING)]
    return []


