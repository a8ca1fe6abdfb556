"""Notes of the network's launch meeting: chairs and the next meeting come from the series."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CONTENT, READERS, built, cli, normalise
from yamledit import line_of

NOTES = CONTENT / "tasp/network-notes-2024-01.yaml"
FACTS = [
    "Independent Scrutineer Network – January 2024 meeting notes",
    "Meeting Independent Scrutineer Network",
    "Date Wednesday 10 January 2024, 4:30pm to 5:30pm",
    "Chairs Jenny Pearce (Professor at Bedfordshire University and Scrutineer for London "
    "Borough of Havering); Laurelle Brown",
    "Next meeting Wednesday 21 February 2024",
    "TASP launched its Independent Scrutineers Network in January and we had excellent "
    "attendance and engagement.",
    "The meetings will take place every 3rd Wednesday of each month, unless notified otherwise",
    "Topics for the next meeting (Wednesday 21 February 2024)",
    "Impact of WT23 Guidance (specifically around the role of the chair and the scrutineer)",
    "Share your independent scrutiny job description with the network All scrutineers 21 "
    "February 2024",
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(NOTES, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_notes_read_back(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    assert [fact for fact in FACTS if normalise(fact) not in text] == []


@pytest.fixture
def tasp(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    return tmp_path / "tasp"


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
    notes.write_text(notes.read_text().replace("date: 2024-01-10", "date: 2024-01-11"))
    result = cli("check", str(notes))
    assert result.exit_code == 1
    assert (f"{notes}:{line_of(notes, 'date: 2024-01-11')}: error: Thursday 11 January 2024 is "
            "not a meeting of the Independent Scrutineer Network in its programme") in \
        result.output


def test_every_action_has_an_owner(tasp: Path) -> None:
    notes = tasp / NOTES.name
    notes.write_text(notes.read_text().replace("    owner: All scrutineers\n    due", "    due"))
    result = cli("check", str(notes))
    assert result.exit_code == 1
    assert "error: `actions[1].owner` is missing" in result.output
