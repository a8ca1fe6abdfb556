"""Calendars (.ics, RFC 5545) of a meeting series, written with the `icalendar` package.

Each meeting is an event in the series' own time zone, so it keeps its local time across the
change between GMT and BST. Its UID comes from the series and the month, not the date, and
its SEQUENCE from the series' revision: when a meeting moves and the revision goes up,
calendars that imported the programme update the event instead of adding a second one.
Meetings still to be confirmed are TENTATIVE.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from sgdocs.kinds.meeting_series import MeetingSeries, Slot
from sgdocs.write.files import build_time

PRODUCT = "-//sgdocs//meeting series//EN"


def calendar(series: MeetingSeries) -> Calendar:
    zone = ZoneInfo(series.timezone)
    stamp = build_time(series)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _one_line(series.series))
    slug = re.sub(r"[^a-z0-9]+", "-", series.series.lower()).strip("-")
    for slot in series.programme:
        if slot.date is None or slot.date.day is None:
            continue  # a break, or a meeting whose day is not recorded
        day = slot.date.date
        event = Event()
        event.add("uid", f"{slug}-{day:%Y-%m}@sgdocs")
        event.add("sequence", series.revision)
        event.add("dtstamp", stamp)
        if slot.start is not None and slot.end is not None:
            event.add("dtstart", dt.datetime(day.year, day.month, day.day, slot.start.hour,
                                             slot.start.minute, tzinfo=zone))
            event.add("dtend", dt.datetime(day.year, day.month, day.day, slot.end.hour,
                                           slot.end.minute, tzinfo=zone))
        else:  # no time set: an event for the day
            event.add("dtstart", day)
        title = f"{series.series}: meeting {slot.number}" if slot.number else series.series
        event.add("summary", _one_line(title + (f" ({slot.label})" if slot.label else "")))
        event.add("status", "TENTATIVE" if slot.status == "to be confirmed" else "CONFIRMED")
        if slot.registration:
            event.add("url", slot.registration)
        if series.location:
            event.add("location", _one_line(series.location))
        event.add("description", _description(series, slot))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def _one_line(text: str) -> str:
    """Names and places as calendar apps show them: on one line (a line break typed into a
    series' name would otherwise break the calendar file)."""
    return " ".join(text.split())


def _description(series: MeetingSeries, slot: Slot) -> str:
    lines = [f"{series.series}, {slot.time}." if slot.start else f"{series.series}."]
    status, registration = slot.status, slot.registration
    if status == "to be confirmed":
        lines.append("This meeting is to be confirmed.")
    if registration:
        lines.append(f"Register: {registration}")
    if series.chairs:
        lines.append("Chaired by " + " and ".join(series.chairs) + ".")
    return "\n".join(lines)
