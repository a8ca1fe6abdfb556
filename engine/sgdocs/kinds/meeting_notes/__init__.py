"""meeting-notes: the notes of one meeting of a series.

The notes name their series (`series: scrutineer-network-2024.yaml`) and the date; the
chairs default to the series' chairs, and the next meeting is worked out from the series'
programme, so neither is retyped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from sgdocs.kinds import Kind
from sgdocs.kinds.meeting_series import MeetingSeries, Slot
from sgdocs.read.schema import Document, Inline, Issue, Markdown, Model, Text
from sgdocs.read.values import PartialDate


class Action(Model):
    action: Inline
    """What is to be done."""
    owner: Text
    """Who does it."""
    due: PartialDate | None = None
    """When by."""


class MeetingNotes(Document):
    """Notes of a meeting."""

    kind: Literal["meeting-notes"]
    series: Text
    """The meeting series, as a path from this file, e.g. scrutineer-network-2024.yaml."""
    date: PartialDate
    """The day of the meeting."""
    chairs: list[Text] = []
    """Who chaired, if not the series' chairs."""
    attendance: Markdown | None = None
    """Who came, or how many."""
    purpose: Markdown | None = None
    """What the meeting was for."""
    discussion: Markdown | None = None
    """The points discussed."""
    agreements: list[Inline] = []
    """What was agreed, e.g. how the meetings will run."""
    next_topics: list[Inline] = []
    """Topics agreed for the next meeting."""
    actions: list[Action] = []
    """Actions, each with an owner."""

    def issues_with(self, references: Mapping[str, Document]) -> Iterator[Issue]:
        series = references.get("series")
        if isinstance(series, MeetingSeries) and not any(
                slot.date == self.date for slot in series.programme):
            yield Issue(("date",), f"{self.date.weekday} is not a meeting of the "
                        f"{series.series} in its programme", "check the date, or add the "
                        "meeting to the series as an exception")


def next_meeting(notes: Any, references: dict[str, Any]) -> Slot | None:
    """The series' first meeting after this one."""
    series = references.get("series")
    if not isinstance(series, MeetingSeries):
        return None
    return next((slot for slot in series.programme
                 if slot.date is not None and notes.date < slot.date), None)


KIND = Kind(
    name="meeting-notes",
    model=MeetingNotes,
    summary="Notes of a meeting in a series, with the next meeting worked out from the series",
    references={"series": "meeting-series"},
    derived={"next_meeting": next_meeting},
)
