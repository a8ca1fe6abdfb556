"""Notes of a meeting: a board's minutes standing alone, with attendance by role and counts;
a network's notes in a series, its name, chairs and next meeting taken from the series; agenda
items with their decisions and actions, an action's owner or date still to be agreed."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from conftest import CONTENT, READERS, built, cli, normalise
from yamledit import line_of

NOTES = CONTENT / "tasp/network-notes-2024-01.yaml"
BOARD = CONTENT / "reading/board-minutes-2017-01.yaml"
FORMATS = ("docx", "pdf", "html")
NETWORK_FACTS = [
    "Meeting Independent Scrutineer Network",
    "Date Wednesday 10 January 2024",
    "Chaired by Jenny Pearce (Professor at Bedfordshire University and Scrutineer for London "
    "Borough of Havering) and Laurelle Brown",
    "Next meeting Wednesday 21 February 2024",
    "The network meets on the third Wednesday of each month, from 4:30pm to 5:30pm",
    "Topics for the next meeting (Wednesday 21 February 2024)",
    "scrutineers are asked to share their job descriptions",
]
BOARD_FACTS = [
    "Meeting Reading Local Safeguarding Children Board",
    "Date Thursday 26 January 2017, 1:45pm to 4:45pm",
    "Venue Council Chamber, Civic Offices, Reading",
    "Present: 19. In attendance: 1.",
]


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    outputs = built(NOTES, tmp_path_factory.mktemp("network"), formats=FORMATS)
    return {fmt: normalise(READERS[fmt](outputs[fmt])) for fmt in FORMATS}


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(BOARD, tmp_path_factory.mktemp("board"), formats=FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_notes_of_a_meeting_in_a_series(network: dict[str, str], fmt: str) -> None:
    text = network[fmt]
    assert [fact for fact in NETWORK_FACTS if normalise(fact) not in text] == []
    assert "Actions" not in text and "To be agreed" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_board_s_minutes_stand_alone(board: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](board[fmt]))
    assert [fact for fact in BOARD_FACTS if fact not in text] == []
    for absent in ("Next meeting", "Chaired by", "None", "Actions"):
        assert absent not in text, absent


def test_attendance_is_a_table_by_role(board: dict[str, Path]) -> None:
    table = next(t for t in docx.Document(str(board["docx"])).tables
                 if t.cell(0, 0).text == "Name or role")
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Name or role", "Organisation", "Attendance"]
    assert rows[1] == ["Independent Chair", "Reading LSCB", "Present"]
    assert rows[17] == ["Local Area Commander", "Thames Valley Police", "Present"]
    assert rows[-1] == ["LSCB Business Manager", "Reading LSCB", "In attendance"]
    assert len(rows) == 21
    html = board["html"].read_text()
    assert ('<th scope="row">Local Area Commander</th><td>Thames Valley Police</td>'
            in html)


@pytest.fixture
def tasp(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    return tmp_path / "tasp"


def test_agenda_items_deputies_and_actions_to_be_agreed(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "reading", tmp_path / "reading")
    notes = tmp_path / "reading" / BOARD.name
    notes.write_text(notes.read_text() + """\
  - {name: Sam Okafor, role: Detective Inspector, organisation: Thames Valley Police,
     attended: deputy, deputy_for: the Local Area Commander}
  - {role: Senior Probation Officer, organisation: National Probation Service,
     attended: apologies}
vice_chair: Head of Children's Social Care
previous_minutes: Approved as a correct record.
agenda:
  - title: Neglect strategy
    presenter: Head of Early Help and Family Intervention
    papers: [Neglect strategy (draft)]
    notes: The draft was discussed.
    decisions: [The strategy is agreed for consultation.]
    actions:
      - {action: Circulate the strategy to schools, owner: CSE Coordinator, due: 2017-02-28}
      - {action: Report back on the consultation}
next_meeting: {date: 2017-03-23, start: "13:45", venue: Civic Offices}
""")
    outputs = built(notes, tmp_path / "out", formats=FORMATS)
    for fmt in FORMATS:
        text = normalise(READERS[fmt](outputs[fmt]))
        assert "Present: 20, including 1 deputy. In attendance: 1. Apologies: 1." in text, fmt
        assert ("Sam Okafor, Detective Inspector Thames Valley Police Deputy for the Local "
                "Area Commander") in text.replace(" |", ""), fmt
        assert "Vice-chair Head of Children's Social Care" in text, fmt
        assert "Minutes of the previous meeting Approved as a correct record." in text, fmt
        assert ("1. Neglect strategy Presented by Head of Early Help and Family Intervention. "
                "Papers: Neglect strategy (draft).") in text, fmt
        assert "Decided: The strategy is agreed for consultation." in text, fmt
        assert "Next meeting Thursday 23 March 2017, 1:45pm, Civic Offices" in text, fmt
    table = next(t for t in docx.Document(str(outputs["docx"])).tables
                 if t.cell(0, 0).text == "Action")
    assert [[c.text for c in row.cells] for row in table.rows][1:] == [
        ["Circulate the strategy to schools", "CSE Coordinator", "28 February 2017"],
        ["Report back on the consultation", "To be agreed", "To be agreed"]]


@pytest.mark.parametrize(("addition", "at", "message"), [
    ("  - {attended: apologies}\n", "{attended: apologies}",
     "error: the attendee has neither a name nor a role"),
    ("  - {role: Head, deputy_for: the Chair}\n", "deputy_for: the Chair",
     "error: `deputy_for` is given, but the attendee is marked present"),
    ("next_meeting: {date: 2016-12-01}\n", "next_meeting:",
     "error: the next meeting (1 December 2016) is not after this one (26 January 2017)"),
])
def test_a_meeting_s_mistakes_are_named_at_their_line(tmp_path: Path, addition: str, at: str,
                                                      message: str) -> None:
    shutil.copytree(CONTENT / "reading", tmp_path / "reading")
    notes = tmp_path / "reading" / BOARD.name
    notes.write_text(notes.read_text() + addition)
    result = cli("check", str(notes))
    assert result.exit_code == 1
    assert f"{notes}:{line_of(notes, at)}: {message}" in normalise(result.output)


def test_notes_name_their_meeting(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "reading", tmp_path / "reading")
    notes = tmp_path / "reading" / BOARD.name
    notes.write_text(notes.read_text().replace(
        "meeting: Reading Local Safeguarding Children Board\n", ""))
    result = cli("check", str(notes))
    assert result.exit_code == 1
    assert "error: the notes do not say which meeting they are of" in normalise(result.output)


def test_the_next_meeting_follows_the_series(tasp: Path, tmp_path: Path) -> None:
    series = tasp / "scrutineer-network-2024.yaml"
    series.write_text(series.read_text().replace("rule: third Wednesday", "rule: last Wednesday")
                      .replace("  - date: 2024-12-18\n", "  - date: 2024-12-25\n"))
    result = cli("build", str(tasp / NOTES.name), "--out", str(tmp_path / "out"), "--format",
                 "html")
    assert result.exit_code == 0, result.output
    text = normalise(READERS["html"](tmp_path / "out/tasp" / f"{NOTES.stem}.html"))
    assert "Next meeting Wednesday 28 February 2024" in text


def test_notes_for_a_day_with_no_meeting(tasp: Path) -> None:
    notes = tasp / NOTES.name
    notes.write_text(notes.read_text().replace("date: 2024-01-10\n", "date: 2024-02-22\n"))
    result = cli("check", str(notes))
    assert result.exit_code == 1
    assert (f"{notes}:{line_of(notes, 'date: 2024-02-22')}: error: Thursday 22 February 2024 "
            "is not a meeting of the Independent Scrutineer Network in its programme") in \
        result.output
