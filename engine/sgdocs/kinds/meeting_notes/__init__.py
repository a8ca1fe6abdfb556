"""meeting-notes: the notes (or minutes) of one meeting.

A meeting stands alone: its own date, time, venue and host, who attended in what capacity
(present, apologies, a deputy for someone), the agenda items with what was decided and the
actions, approval of the previous minutes and the next meeting. Notes of a meeting in a
series may name it (`series: scrutineer-network-2024.yaml`): its name and chairs are then
not retyped, and the next meeting comes from its programme unless the notes say otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pydantic import computed_field

from sgdocs.kinds import Kind
from sgdocs.kinds.meeting_series import MeetingSeries, Slot
from sgdocs.read.schema import Document, Inline, Issue, Markdown, Model, Text
from sgdocs.read.values import Clock, PartialDate, listed

TO_BE_AGREED = "To be agreed"
"""What an action shows for an owner or date not yet settled."""


class Action(Model):
    action: Inline
    """What is to be done."""
    owner: Text | None = None
    """Who does it; left out while it is still to be agreed."""
    due: PartialDate | None = None
    """When by; left out while it is still to be agreed."""


class Attendee(Model):
    """Someone at the meeting, or who sent apologies: by name, by role, or both."""

    name: Text | None = None
    """The person's name, e.g. "Dr Asha Patel"."""
    role: Text | None = None
    """Their role, e.g. "Director of Children's Services" or "Chair"."""
    organisation: Text | None = None
    """Who they represent, e.g. "Thames Valley Police"."""
    attended: Literal["present", "apologies", "deputy", "in attendance"] = "present"
    """present (a member who came), apologies, deputy (came in a member's place) or in
    attendance (came to support or present, not as a member)."""
    deputy_for: Text | None = None
    """Whom a deputy came for, e.g. "the Director of Children's Services"."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def who(self) -> str:
        """The person as the attendance table names them: "Dr Asha Patel, Chair", or the
        name or role alone."""
        return ", ".join(part for part in (self.name, self.role) if part)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def capacity(self) -> str:
        """How they attended, as printed: "Present", "Apologies", "Deputy for …"."""
        if self.attended == "deputy":
            return f"Deputy for {self.deputy_for}" if self.deputy_for else "Deputy"
        return self.attended.capitalize()

    def issues(self) -> Iterator[Issue]:
        if self.name is None and self.role is None:
            yield Issue((), "the attendee has neither a name nor a role",
                        "give `name:`, `role:` or both")
        if self.deputy_for is not None and self.attended != "deputy":
            yield Issue(("deputy_for",), f"`deputy_for` is given, but the attendee is marked "
                        f"{self.attended}", "set `attended: deputy`, or leave `deputy_for` out")


class AgendaItem(Model):
    """An item of business, as the agenda numbers it."""

    title: Text
    """The item, e.g. "Rapid review findings"."""
    presenter: Text | None = None
    """Who presented it."""
    papers: list[Text] = []
    """The papers taken with it, e.g. "Annual report 2024 to 2025 (draft)"."""
    notes: Markdown | None = None
    """What was said, in brief."""
    decisions: list[Inline] = []
    """What the meeting decided or agreed."""
    actions: list[Action] = []
    """Actions arising."""


class NextMeeting(Model):
    date: PartialDate
    """The day of the next meeting."""
    start: Clock | None = None
    """Its start time, e.g. 09:30."""
    venue: Text | None = None
    """Where it will be."""


class MeetingNotes(Document):
    """Notes of a meeting."""

    kind: Literal["meeting-notes"]
    meeting: Text | None = None
    """The meeting's name, e.g. "Safeguarding Children Partnership Executive" (the
    series' name when the notes name a series)."""
    series: Text | None = None
    """The meeting series the meeting belongs to, if any, as a path from this file, e.g.
    scrutineer-network-2024.yaml."""
    date: PartialDate
    """The day of the meeting (or its month, where the notes give no day)."""
    start: Clock | None = None
    """When it began, e.g. 13:45."""
    end: Clock | None = None
    """When it ended, e.g. 16:45."""
    venue: Text | None = None
    """Where it was held, e.g. "Council Chamber, Civic Offices" or "Online"."""
    host: Text | None = None
    """Who hosted it, where that is not the partnership itself."""
    chairs: list[Text] = []
    """Who chaired (the series' chairs when the notes name a series and leave this out)."""
    vice_chair: Text | None = None
    """The vice-chair, where the meeting has one."""
    attendees: list[Attendee] = []
    """Who came and who sent apologies, each with name, role, organisation and how they
    attended; printed as a table with counts."""
    attendance: Markdown | None = None
    """Who came, in words, where the notes give no list, e.g. "Twenty scrutineers"."""
    previous_minutes: Inline | None = None
    """What became of the previous meeting's minutes, e.g. "Approved as a correct record"."""
    purpose: Markdown | None = None
    """What the meeting was for."""
    discussion: Markdown | None = None
    """The points discussed, where the notes do not go item by item."""
    agenda: list[AgendaItem] = []
    """The items of business, in order."""
    agreements: list[Inline] = []
    """What was agreed, outside any one item, e.g. how the meetings will run."""
    next_topics: list[Inline] = []
    """Topics agreed for the next meeting."""
    actions: list[Action] = []
    """Actions outside any one item."""
    next_meeting: NextMeeting | None = None
    """The next meeting, where the notes give it (else worked out from the series)."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def time(self) -> str | None:
        """When the meeting ran, e.g. "1:45pm to 4:45pm"; None when the notes do not say."""
        if self.start is None:
            return None
        return f"{self.start.british} to {self.end.british}" if self.end else self.start.british

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts(self) -> str | None:
        """Attendance in numbers, e.g. "Present: 18, including 2 deputies. Apologies: 3."."""
        if not self.attendees:
            return None
        tally = {kind: sum(a.attended == kind for a in self.attendees)
                 for kind in ("present", "deputy", "in attendance", "apologies")}
        present = tally["present"] + tally["deputy"]
        deputies = tally["deputy"]
        parts = [f"Present: {present}" + (f", including {deputies} "
                                          f"{'deputy' if deputies == 1 else 'deputies'}"
                                          if deputies else "")]
        parts += [f"In attendance: {tally['in attendance']}"] if tally["in attendance"] else []
        parts += [f"Apologies: {tally['apologies']}"] if tally["apologies"] else []
        return ". ".join(parts) + "."

    @computed_field  # type: ignore[prop-decorator]
    @property
    def all_actions(self) -> list[Action]:
        """Every action, those of each agenda item first, in order."""
        return [action for item in self.agenda for action in item.actions] + self.actions

    def issues(self) -> Iterator[Issue]:
        if self.series is None and self.meeting is None:
            yield Issue(("meeting",), "the notes do not say which meeting they are of",
                        "give the meeting's name (`meeting:`), or the series it belongs to "
                        "(`series:`)")
        if self.end is not None and self.start is None:
            yield Issue(("end",), "the meeting has an end time but no start time",
                        "add `start:`")
        elif self.start is not None and self.end is not None and self.end <= self.start:
            yield Issue(("end",), f"the meeting ends ({self.end.british}) before it starts "
                        f"({self.start.british})", "check both times")
        if self.next_meeting is not None and self.next_meeting.date <= self.date:
            yield Issue(("next_meeting", "date"), f"the next meeting ({self.next_meeting.date})"
                        f" is not after this one ({self.date})", "check both dates")

    def issues_with(self, references: Mapping[str, Document]) -> Iterator[Issue]:
        series = references.get("series")
        if (isinstance(series, MeetingSeries) and self.date.day is not None
                and not any(slot.date == self.date for slot in series.programme)):
            yield Issue(("date",), f"{self.date.weekday} is not a meeting of the "
                        f"{series.series} in its programme", "check the date, or add the "
                        "meeting to the series as an exception")


def next_meeting(notes: Any, references: dict[str, Any]) -> str | None:
    """The next meeting as printed: the notes' own, else the series' first meeting after
    this one; None when neither says."""
    given = notes.next_meeting
    if given is not None:
        when = given.date.weekday if given.date.day else str(given.date)
        return ", ".join([when, *([given.start.british] if given.start else []),
                          *([given.venue] if given.venue else [])])
    series = references.get("series")
    if not isinstance(series, MeetingSeries):
        return None
    after = (notes.date.year, notes.date.month or 12, notes.date.day or 31)
    slot: Slot | None = next((slot for slot in series.programme if slot.date is not None
                              and (slot.date.year, slot.date.month, slot.date.day or 31)
                              > after), None)
    if slot is None:
        return None
    return slot.when + (" (to be confirmed)" if slot.status == "to be confirmed" else "")


def meeting_name(notes: Any, references: dict[str, Any]) -> str:
    """The meeting's name: the notes' own, else the series'."""
    series = references.get("series")
    return notes.meeting or (series.series if isinstance(series, MeetingSeries) else "")


def chaired_by(notes: Any, references: dict[str, Any]) -> str | None:
    """Who chaired, in a line: the notes' chairs, else the series'."""
    series = references.get("series")
    chairs = notes.chairs or (series.chairs if isinstance(series, MeetingSeries) else [])
    return listed(chairs) or None


KIND = Kind(
    name="meeting-notes",
    model=MeetingNotes,
    summary="Notes or minutes of a meeting: attendance, agenda items, decisions and actions",
    references={"series": "meeting-series"},
    derived={"next_meeting_when": next_meeting, "meeting_name": meeting_name,
             "chaired_by": chaired_by},
)
