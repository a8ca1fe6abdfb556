"""meeting-series: a recurring meeting, its programme and calendar.

"The third Wednesday of each month, 4:30pm to 5:30pm" is a rule (or of every other month);
breaks (no meeting in August) and exceptions (the launch meeting on a different day, a
meeting to be confirmed, at another time) are listed; the programme is worked out from them,
for twelve months when it is open-ended. A series with no rule lists its meetings' dates.
A build makes the programme (docx, pdf, html) and an .ics calendar whose events keep their
identity from one revision to the next, so a calendar that imported the programme updates
instead of duplicating it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, PositiveInt, computed_field

from sgdocs.kinds import Kind, Output
from sgdocs.read.schema import Document, Issue, Markdown, Model, Text, Url
from sgdocs.read.values import Clock, PartialDate

OPEN_ENDED_MONTHS = 12
"""How far ahead the programme of a series with no last month runs."""
EVERY = {"month": (1, "each month"), "other month": (2, "every other month"),
         "quarter": (3, "every third month")}
"""How often a rule applies: the months from one meeting to the next, and as it reads."""
MAX_MONTHS = 120
"""Ten years of meetings: a programme is planned a year or two ahead."""
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
WEEKDAYS = [day.lower() for day in calendar.day_name]
RULE_PATTERN = rf"(?i)^({'|'.join(ORDINALS)}) ({'|'.join(WEEKDAYS)})$"


def nth_weekday(year: int, month: int, ordinal: int, weekday: int) -> dt.date:
    """The `ordinal`th `weekday` (0 = Monday) of the month; ordinal -1 is the last."""
    days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
    return dt.date(year, month, days[ordinal if ordinal < 0 else ordinal - 1])


class Break(Model):
    month: PartialDate
    """The month with no meeting (YYYY-MM)."""
    reason: Text
    """Why, e.g. "Summer break"."""


class Meeting(Model):
    """A meeting the rule alone does not describe: a different day, or one to be confirmed."""

    date: PartialDate
    """The day of the meeting; a month alone for a meeting held that month whose day is
    not recorded (it is printed, but left out of the calendar)."""
    exception: Text | None = None
    """Why the day differs from the rule, e.g. "Launch meeting"."""
    status: Literal["confirmed", "to be confirmed"] = "confirmed"
    """confirmed, or to be confirmed."""
    registration: Url | None = None
    """The meeting's registration link, where it differs from the series' pattern."""
    start: Clock | None = None
    """Its start time, where it differs from the series'."""
    end: Clock | None = None
    """Its end time, where it differs from the series'."""


class Slot(Model):
    """One month of the programme, as printed."""

    month: PartialDate
    number: int | None
    date: PartialDate | None
    status: Literal["confirmed", "to be confirmed", "break"]
    label: str
    registration: str | None
    start: Clock | None = None
    end: Clock | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def time(self) -> str:
        """When it runs, e.g. "4:30pm to 5:30pm"; "Not recorded" for a meeting whose time is
        not known."""
        if self.status == "break":
            return ""
        if self.start is None or self.end is None:
            return "Not recorded"
        return f"{self.start.british} to {self.end.british}"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def when(self) -> str:
        """The day, e.g. "Wednesday 20 March 2024", or the month for a break."""
        return self.date.weekday if self.date else str(self.month)


class MeetingSeries(Document):
    """A recurring meeting and its programme."""

    kind: Literal["meeting-series"]
    series: Text
    """The meeting's name, e.g. "Independent Scrutineer Network"."""
    organiser: Text | None = None
    """Who runs it."""
    chairs: list[Text] = []
    """Who chairs it, with their roles."""
    introduction: Markdown | None = None
    """What the meetings are for, and who may come."""
    rule: Text | None = Field(None, pattern=RULE_PATTERN)
    """When it meets in a month, e.g. "third Wednesday" (first … fourth, or last); left
    out when the meetings' dates are listed one by one under `meetings`."""
    every: Literal["month", "other month", "quarter"] = "month"
    """How often the rule applies: every month, every other month or every third month
    (quarterly), counted from the first."""
    start: Clock | None = None
    """Start time, e.g. 16:30 (left out when the times are not set)."""
    end: Clock | None = None
    """End time, e.g. 17:30."""
    timezone: Text = "Europe/London"
    """The time zone the times are in."""
    location: Text | None = None
    """Where, e.g. "Online (Microsoft Teams)"."""
    first_month: PartialDate | None = None
    """The first month of the programme (YYYY-MM); needed with a rule."""
    last_month: PartialDate | None = None
    """The last month of the programme (YYYY-MM); left out for a series with no end, whose
    programme then runs for twelve months."""
    breaks: list[Break] = []
    """Months with no meeting."""
    meetings: list[Meeting] = []
    """Meetings on another day than the rule's, at another time, or still to be confirmed;
    with no rule, every meeting."""
    registration: Url | None = None
    """The registration link, with {number} for the meeting's number, e.g.
    "https://example.org/register/meeting-{number}"."""
    revision: PositiveInt = 1
    """Raise it whenever the programme changes: calendars then update their copies."""
    revised_on: PartialDate | None = None
    """When the programme last changed."""

    @property
    def span(self) -> int:
        """How many months a rule's programme runs for."""
        if self.first_month is None or self.last_month is None:
            return OPEN_ENDED_MONTHS
        return ((self.last_month.year - self.first_month.year) * 12 + self.last_month.month
                - self.first_month.month + 1)

    def _rule_date(self, year: int, month: int) -> dt.date:
        ordinal, weekday = (self.rule or "").lower().split()
        return nth_weekday(year, month, ORDINALS[ordinal], WEEKDAYS.index(weekday))

    def _times(self, meeting: Meeting | None) -> dict[str, Clock | None]:
        """When a meeting runs: its own times, else the series' (none for a meeting whose
        day is not recorded)."""
        if meeting and (meeting.start or meeting.date.day is None):
            return {"start": meeting.start, "end": meeting.end}
        return {"start": self.start, "end": self.end}

    def _months(self) -> Iterator[tuple[int, int]]:
        """The programme's months: the rule's from the first month to the last (or for
        twelve months), else those of the meetings listed."""
        if self.rule is None or self.first_month is None:
            yield from sorted({(m.date.year, m.date.month) for m in self.meetings})
            return
        year, month = self.first_month.year, self.first_month.month
        step = EVERY[self.every][0]
        last = self.last_month or PartialDate(year + (month + OPEN_ENDED_MONTHS - 2) // 12,
                                              (month + OPEN_ENDED_MONTHS - 2) % 12 + 1)
        while (year, month) <= (last.year, last.month):
            yield year, month
            year, month = (year + (month + step - 1) // 12, (month + step - 1) % 12 + 1)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def time_zone_name(self) -> str:
        """The time zone as readers know it: "UK time" for Europe/London."""
        return "UK time" if self.timezone == "Europe/London" else f"{self.timezone} time"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rule_text(self) -> str | None:
        """The rule as a sentence part, e.g. "the third Wednesday of each month"."""
        if self.rule is None:
            return None
        ordinal, weekday = self.rule.lower().split()
        return f"the {ordinal} {weekday.capitalize()} of {EVERY[self.every][1]}"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def programme(self) -> list[Slot]:
        """Every month from the first to the last: its meeting, or why there is none."""
        breaks = {(b.month.year, b.month.month): b.reason for b in self.breaks}
        listed = {(m.date.year, m.date.month): m for m in self.meetings}
        slots, number = [], 0
        for year, month in self._months():
            when = PartialDate(year, month)
            if (year, month) in breaks:
                slots.append(Slot(month=when, number=None, date=None, status="break",
                                  label=breaks[(year, month)], registration=None))
                continue
            meeting = listed.get((year, month))
            day = meeting.date if meeting else PartialDate(
                year, month, self._rule_date(year, month).day)
            status = meeting.status if meeting else "confirmed"
            if status == "confirmed":
                number += 1
            link = (meeting.registration if meeting and meeting.registration else
                    self.registration.replace("{number}", str(number)) if self.registration and
                    status == "confirmed" else None)
            slots.append(Slot(month=when, number=number if status == "confirmed" else None,
                              date=day, status=status,
                              label=(meeting.exception or "") if meeting else "",
                              registration=link, **self._times(meeting)))
        return slots

    def issues(self) -> Iterator[Issue]:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            yield Issue(("timezone",), f"\u201c{self.timezone}\u201d is not a time zone",
                        "write it like Europe/London")
        if (self.start is None) != (self.end is None):
            yield Issue(("end" if self.end is None else "start",), "the meetings have a start "
                        "time or an end time, not both", "give both, or neither")
        elif self.start is not None and self.end is not None and self.end <= self.start:
            yield Issue(("end",), f"the meeting ends ({self.end.british}) before it starts "
                        f"({self.start.british})")
        if self.rule is None and not self.meetings:
            yield Issue(("meetings",), "the series has no rule and no meetings listed",
                        "give the rule (e.g. `rule: third Wednesday`), or list the meetings' "
                        "dates under `meetings`")
            return
        if self.rule is not None:
            yield from self._programme_issues()
        yield from self._meeting_issues()

    def _programme_issues(self) -> Iterator[Issue]:
        """A rule's programme: where it starts and how long it runs."""
        if self.first_month is None:
            yield Issue(("first_month",), "a series with a rule needs the month it starts",
                        "add `first_month:` (YYYY-MM)")
            return
        for field in ("first_month", "last_month"):
            value = getattr(self, field)
            if value is not None and (value.day is not None or not value.month_known):
                yield Issue((field,), "give the month only (YYYY-MM)")
                return
        if self.last_month is not None and self.last_month < self.first_month:
            yield Issue(("last_month",), "the programme ends before it starts")
        if self.span > MAX_MONTHS:
            yield Issue(("last_month",), f"the programme runs for {self.span:,} months, more than "
                        f"the {MAX_MONTHS} a series may cover", "make a series for each year "
                        "or two")

    def _meeting_issues(self) -> Iterator[Issue]:
        """The meetings and breaks listed, against the programme."""
        if self.rule is not None and (self.first_month is None or self.span > MAX_MONTHS):
            return
        months = set(self._months())
        breaks = {(b.month.year, b.month.month) for b in self.breaks}
        seen: set[tuple[int, int]] = set()
        for i, item in enumerate(self.breaks):
            if item.month.day is not None or not item.month.month_known:
                yield Issue(("breaks", i, "month"), "give the month only (YYYY-MM)")
        for i, meeting in enumerate(self.meetings):
            key = (meeting.date.year, meeting.date.month)
            if not meeting.date.month_known:
                yield Issue(("meetings", i, "date"), "give the day of the meeting, or at least "
                            "its month")
                continue
            if key not in months:
                yield Issue(("meetings", i, "date"), f"{meeting.date} is outside the programme "
                            f"({self.first_month} to {self.last_month})")
            elif key in breaks:
                yield Issue(("meetings", i, "date"), f"{meeting.date} falls in a month with no "
                            "meeting (a break)", "remove the meeting or the break")
            elif key in seen:
                yield Issue(("meetings", i, "date"), f"{PartialDate(*key)} already has a "
                            "meeting listed", "list one meeting a month")
            elif (self.rule is not None and meeting.date.day is not None
                  and meeting.date.date != (expected := self._rule_date(*key))
                  and not meeting.exception):
                yield Issue(("meetings", i, "date"), f"{meeting.date.weekday} is not the "
                            f"{self.rule} of {PartialDate(*key)}, which is {expected:%-d %B %Y}",
                            "correct the date, or add `exception:` saying why it differs")
            seen.add(key)


KIND = Kind(
    name="meeting-series",
    model=MeetingSeries,
    summary="A recurring meeting as a rule: its dated programme and an .ics calendar",
    outputs=(Output(), Output(formats=("ics",))),
)
