"""The Independent Scrutineer Network's meetings: a rule with breaks and exceptions, printed
as the 2024 programme and published as a calendar that updates rather than duplicates."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import CONTENT, READERS, built, cli, normalise
from yamledit import line_of

SERIES = CONTENT / "tasp/scrutineer-network-2024.yaml"
SEED_MEETINGS = [  # as the network's page lists them
    (3, "Wednesday 20 March 2024"), (4, "Wednesday 17 April 2024"),
    (5, "Wednesday 15 May 2024"), (6, "Wednesday 19 June 2024"),
    (7, "Wednesday 17 July 2024"), (8, "Wednesday 18 September 2024"),
    (9, "Wednesday 16 October 2024"), (10, "Wednesday 20 November 2024"),
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(SERIES, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_programme_lists_the_seeds_meetings(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt])).replace("register/ meeting", "register/meeting")
    assert "Meetings are held on the third Wednesday of each month, 4:30pm to 5:30pm" in text
    assert ("Meeting 1 (Launch meeting) Wednesday 10 January 2024 4:30pm to 5:30pm "
            "Register") in text  # a link to the meeting's registration page
    for number, day in SEED_MEETINGS:
        assert f"Meeting {number} {day} 4:30pm to 5:30pm Register" in text
    assert "No meeting August 2024 Summer break" in text
    assert "To be confirmed Wednesday 18 December 2024 4:30pm to 5:30pm Not open yet" in text
    assert "(UK time)" in text and "Europe/London" not in text
    assert "theasp.org.uk/independentscrutiny" in text
    assert "Jenny Pearce (Professor at Bedfordshire University" in text


def _events(path: Path) -> list[object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_calendar_events_keep_local_time_across_the_clock_change(outputs: dict[str, Path]
                                                                 ) -> None:
    events = _events(outputs["scrutineer-network-2024.ics"])
    assert len(events) == 11
    starts = {e["uid"]: e.decoded("dtstart") for e in events}  # type: ignore[attr-defined]
    utc = {uid: start.astimezone(dt.UTC) for uid, start in starts.items()}
    assert utc["independent-scrutineer-network-2024-03@sgdocs"].hour == 16  # GMT
    assert utc["independent-scrutineer-network-2024-04@sgdocs"].hour == 15  # BST
    assert utc["independent-scrutineer-network-2024-11@sgdocs"].hour == 16  # GMT again
    assert all(start.hour == 16 and start.minute == 30 for start in starts.values())
    by_uid = {e["uid"]: e for e in events}  # type: ignore[index]
    december = by_uid["independent-scrutineer-network-2024-12@sgdocs"]
    assert december["status"] == "TENTATIVE" and "url" not in december
    march = by_uid["independent-scrutineer-network-2024-03@sgdocs"]
    assert march["status"] == "CONFIRMED" and march["sequence"] == 1
    assert march["url"] == "https://example.org/register/meeting-3"
    assert "independent-scrutineer-network-2024-08@sgdocs" not in by_uid


def test_a_revised_programme_updates_the_same_events(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    file = tmp_path / "tasp" / SERIES.name
    text = file.read_text().replace("revision: 1", "revision: 2").replace(
        "revised_on: 2024-02-01", "revised_on: 2024-09-02").replace(
        "  - date: 2024-12-18\n", "  - date: 2024-11-27\n    exception: Moved for the "
        "conference\n  - date: 2024-12-18\n")
    file.write_text(text)
    before = {e["uid"] for e in _events(built(SERIES, tmp_path / "a")[  # type: ignore[index]
        "scrutineer-network-2024.ics"])}
    after = _events(built(file, tmp_path / "b")["scrutineer-network-2024.ics"])
    assert {e["uid"] for e in after} == before  # type: ignore[index]
    november = next(e for e in after if e["uid"].endswith("2024-11@sgdocs"))  # type: ignore
    assert november["sequence"] == 2
    assert november.decoded("dtstart").day == 27  # type: ignore[attr-defined]
    assert november.decoded("dtstamp").date() == dt.date(2024, 9, 2)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("old", "new", "at", "message"), [
    ("  - date: 2024-12-18\n", "  - date: 2024-03-13\n  - date: 2024-12-18\n",
     "date: 2024-03-13", "Wednesday 13 March 2024 is not the third Wednesday of March 2024, "
     "which is 20 March 2024\n  hint: correct the date, or add `exception:`"),
    ("  - date: 2024-12-18\n", "  - date: 2024-08-21\n", "date: 2024-08-21",
     "21 August 2024 falls in a month with no meeting (a break)"),
    ("timezone: Europe/London", "timezone: Europe/Londn", "timezone:",
     "\u201cEurope/Londn\u201d is not a time zone"),
    ('end: "17:30"', 'end: "16:00"', "end:", "the meeting ends (4pm) before it starts (4:30pm)"),
    ("rule: third Wednesday", "rule: third Wensday", "rule:", "`rule` does not look right"),
    ('start: "16:30"', 'start: "4.30pm"', "start:", "expected a time of day written like 16:30"),
])
def test_dates_that_contradict_the_rule(tmp_path: Path, old: str, new: str, at: str,
                                        message: str) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    file = tmp_path / "tasp" / SERIES.name
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new, 1))
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert f"{file}:{line_of(file, at)}: error: " in result.output
    assert message in result.output


def test_a_meeting_at_its_own_time(tmp_path: Path) -> None:
    """A meeting's own times, in the programme and the calendar alike."""
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    file = tmp_path / "tasp" / SERIES.name
    file.write_text(file.read_text().replace(
        "  - date: 2024-12-18\n", '  - date: 2024-12-18\n    start: "10:00"\n    end: "11:30"\n'))
    outputs = built(file, tmp_path / "out")
    text = normalise(READERS["html"](outputs["html"]))
    assert "To be confirmed Wednesday 18 December 2024 10am to 11:30am" in text
    assert "Meeting 10 Wednesday 20 November 2024 4:30pm to 5:30pm" in text
    december = next(e for e in _events(outputs["scrutineer-network-2024.ics"])
                    if e["uid"].endswith("2024-12@sgdocs"))  # type: ignore[index]
    start = december.decoded("dtstart")  # type: ignore[attr-defined]
    assert (start.hour, start.minute) == (10, 0)


LISTED = """\
kind: meeting-series
title: Executive meetings 2025
series: Partnership Executive
document_control: {status: draft}
meetings:
  - {date: 2025-02-12, start: "10:00", end: "12:00"}
  - {date: 2025-05-21, start: "14:00", end: "16:00"}
  - {date: 2025-09-10}
"""


def test_a_series_of_listed_dates_with_their_own_times(tmp_path: Path) -> None:
    """No rule: the meetings listed, each at its own time or none set; the calendar has an
    all-day event for a meeting with no time."""
    shutil.copytree(CONTENT / "tasp", tmp_path / "area")
    series = tmp_path / "area/executive.yaml"
    series.write_text(LISTED)
    assert cli("check", str(series)).exit_code == 0
    outputs = built(series, tmp_path / "out")
    text = normalise(READERS["html"](outputs["html"]))
    assert "Meetings are held on the dates below." in text
    assert ("Meeting 1 Wednesday 12 February 2025 10am to 12pm Not open yet Meeting 2 Wednesday "
            "21 May 2025 2pm to 4pm Not open yet Meeting 3 Wednesday 10 September 2025 Not "
            "recorded") in text
    events = _events(outputs["executive.ics"])
    assert len(events) == 3
    september = next(e for e in events if e["uid"].endswith("2025-09@sgdocs"))  # type: ignore
    assert september.decoded("dtstart") == dt.date(2025, 9, 10)  # type: ignore[attr-defined]


def test_a_meeting_known_only_by_its_month(tmp_path: Path) -> None:
    """A meeting whose day the record does not give is listed by its month, "Not recorded",
    and left out of the calendar rather than put on a day it may not have been."""
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    file = tmp_path / "tasp" / SERIES.name
    file.write_text(file.read_text().replace("  - date: 2024-01-10 ", "  - date: 2024-01 "))
    outputs = built(file, tmp_path / "out", formats=("html", "ics"))
    text = normalise(READERS["html"](outputs["html"]))
    assert "Meeting 1 (Launch meeting) January 2024 Not recorded" in text
    assert len(_events(outputs["ics"])) == 10


def test_every_other_month_and_open_ended(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    file = tmp_path / "tasp" / SERIES.name
    file.write_text(file.read_text().replace("rule: third Wednesday\n",
                                             "rule: third Wednesday\nevery: other month\n")
                    .replace("last_month: 2024-12\n", "")
                    .replace("breaks:\n  - month: 2024-08\n    reason: Summer break\n", "")
                    .replace("  - date: 2024-12-18\n    status: to be confirmed\n", ""))
    result = cli("check", str(file))
    assert result.exit_code == 0, result.output
    text = normalise(READERS["html"](built(file, tmp_path / "out")["html"]))
    assert "Meetings are held on the third Wednesday of every other month" in text
    assert "Meeting 2 Wednesday 20 March 2024" in text
    assert "Meeting 6 Wednesday 20 November 2024" in text
    assert "21 February 2024" not in text and "January 2025" not in text


def test_quarterly_meetings(tmp_path: Path) -> None:
    """Fora and networks that meet each quarter: the rule every third month, in the
    programme and the calendar."""
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    file = tmp_path / "tasp" / SERIES.name
    file.write_text(file.read_text().replace("rule: third Wednesday\n",
                                             "rule: third Wednesday\nevery: quarter\n")
                    .replace("breaks:\n  - month: 2024-08\n    reason: Summer break\n", "")
                    .replace("  - date: 2024-12-18\n    status: to be confirmed\n", ""))
    outputs = built(file, tmp_path / "out", formats=("html", "ics"))
    text = normalise(READERS["html"](outputs["html"]))
    assert "Meetings are held on the third Wednesday of every third month" in text
    assert [month for month in ("April", "July", "October") if f"Wednesday 17 {month} 2024"
            in text or f"Wednesday 16 {month} 2024" in text] == ["April", "July", "October"]
    assert "21 February 2024" not in text and "20 March 2024" not in text
    calendar = Calendar.from_ical(outputs["ics"].read_bytes())
    assert sorted(event.decoded("dtstart").date() for event in calendar.walk("VEVENT")) == [
        dt.date(2024, 1, 10), dt.date(2024, 4, 17), dt.date(2024, 7, 17),
        dt.date(2024, 10, 16)]


@pytest.mark.parametrize(("text", "message"), [
    (LISTED.replace("meetings:\n", "nothing: []\nmeetings_: \n"), "unknown key"),
    ("kind: meeting-series\ntitle: T\nseries: S\ndocument_control: {status: draft}\n",
     "the series has no rule and no meetings listed"),
    ("kind: meeting-series\ntitle: T\nseries: S\ndocument_control: {status: draft}\n"
     "rule: first Monday\n", "a series with a rule needs the month it starts"),
    (LISTED + 'start: "10:00"\n', "the meetings have a start time or an end time, not both"),
])
def test_a_series_that_says_too_little(tmp_path: Path, text: str, message: str) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "area")
    series = tmp_path / "area/executive.yaml"
    series.write_text(text)
    result = cli("check", str(series))
    assert result.exit_code == 1
    assert message in normalise(result.output)
