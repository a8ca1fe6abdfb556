"""The scrutineer's report on the six steps: findings by step with RAG judgements,
recommendations with the partners' responses, and progress on last year's recommendations
taken from last year's report by reference (thematic reports: test_scrutiny_thematic)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CONTENT, READERS, built, cli, edit, edited_copy, normalise
from yamledit import line_of

REPORT = CONTENT / "eastmoor/scrutiny-report-2024-25.yaml"
FACTS = [
    "Independent scrutiny report 2024 to 2025",
    "This report covers 1 April 2024 to 31 March 2025. Author: Independent scrutineer for "
    "Eastmoor.",
    "observing four Executive Group meetings and the leaders' meeting;",
    "Step 3: Voice of children and families – ■ Amber",
    "The voice of babies and toddlers is rarely recorded in assessments.",
    "R1 Make the voice of very young children a measure in the 2025-26 plan, and report on it "
    "next year. Accepted. The measure is in the 2025-26 plan",
    "Progress on last year's recommendations",
    "The recommendations of last year's report (Independent scrutiny report 2023 to 2024), "
    "and what has happened since.",
    "R3 Track the actions from every multi-agency audit to completion. Audit actions are "
    "tracked in the action log",
]



@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(REPORT, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_report_reads_back(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    facts = [fact if fmt == "docx" else fact.replace("■ ", "") for fact in FACTS]
    assert [fact for fact in facts if normalise(fact) not in text] == []


@pytest.fixture
def eastmoor(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "eastmoor", tmp_path / "eastmoor")
    return tmp_path / "eastmoor"



def test_last_years_recommendations_come_from_last_years_report(eastmoor: Path,
                                                                  tmp_path: Path) -> None:
    edit(eastmoor / "scrutiny-report-2023-24.yaml", "Track the actions from every "
         "multi-agency audit", "Follow every multi-agency audit's actions")
    result = cli("build", str(eastmoor / REPORT.name), "--out", str(tmp_path / "out"),
                 "--format", "html")
    assert result.exit_code == 0, result.output
    text = normalise(READERS["html"](tmp_path / "out/eastmoor" / f"{REPORT.stem}.html"))
    assert "R3 Follow every multi-agency audit's actions to completion." in text


def test_a_recommendation_without_a_response(eastmoor: Path) -> None:
    file = eastmoor / REPORT.name
    edit(file, "    response: Accepted. Cover arrangements were extended to the relevant "
         "agencies in May 2025.\n", "")
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert (f"{file}:{line_of(file, '- id: R2')}: error: recommendation R2 has no response "
            "from the partners\n  hint: the lead safeguarding partners must report how they "
            "respond to scrutiny findings: add `response`") in result.output
    edit(file, "  status: final", "  status: draft")
    result = cli("check", str(file))
    assert "warning: recommendation R2 has no response from the partners" in result.output


def test_progress_on_last_years_recommendations(eastmoor: Path) -> None:
    file = eastmoor / REPORT.name
    text = file.read_text()
    start = text.index("  - recommendation: R3")
    file.write_text(text[:start])
    result = cli("check", str(file))
    assert result.exit_code == 0
    assert (f"{file}:{line_of(file, 'progress:')}: warning: there is no progress entry for "
            "last year's recommendation R3") in result.output
    file.write_text(text.replace("recommendation: R3", "recommendation: R4"))
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert (f"{file}:{line_of(file, 'recommendation: R4')}: error: last year's report has no "
            "recommendation `R4`") in result.output


def test_findings_follow_the_six_steps(eastmoor: Path) -> None:
    file = eastmoor / REPORT.name
    edit(file, "  - step: 2\n", "  - step: 3\n")
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert "error: the findings are for steps [1, 3, 3, 4, 5, 6]" in result.output


def test_recommendation_ids_are_unique(eastmoor: Path) -> None:
    file = eastmoor / REPORT.name
    edit(file, "  - id: R2", "  - id: R1")
    result = cli("check", str(file))
    assert result.exit_code == 1
    second = [i for i, line in enumerate(file.read_text().splitlines(), 1)
              if line.strip() == "- id: R1"][1]
    assert f"{file}:{second}: error: `R1` is used twice" in result.output


@pytest.mark.parametrize("scrutineer", ["Mel John-Ross", "the Devon SCP independent scrutineer"])
def test_the_scrutineer_is_named_as_written(tmp_path: Path, scrutineer: str) -> None:
    """Never a name's case changed: not "the mel John-Ross", not "the devon SCP"."""
    report = edited_copy(tmp_path, REPORT, ("scrutineer: Independent scrutineer for Eastmoor",
                                            f"scrutineer: {scrutineer}"))
    outputs = built(report, tmp_path / "out", formats=("docx", "html"))
    for fmt in ("docx", "html"):
        assert f"Author: {scrutineer}." in normalise(READERS[fmt](outputs[fmt])), fmt


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_the_example_says_what_its_tables_say(outputs: dict[str, Path], fmt: str) -> None:
    """"Two of last year's three recommendations have been met": two are done, R2 is not."""
    text = normalise(READERS[fmt](outputs[fmt]))
    assert "Two of last year's three recommendations have been met." in text
    assert "six steps for independent scrutiny, drawing on four sources of evidence:" in text
    progress = text[text.index("Recommendation last year"):]  # to document control
    assert [word for word in progress.split() if word in ("Done", "In", "No")] == [
        "Done", "In", "Done"]


def test_a_recommendation_done_last_year_shows_as_done(eastmoor: Path, tmp_path: Path) -> None:
    """Marked done in last year's report, it needs no progress entry and shows as done."""
    edit(eastmoor / "scrutiny-report-2023-24.yaml", "    due: 2024-10\n    status: in progress",
         "    due: 2024-10\n    status: done")
    file = eastmoor / REPORT.name
    text = file.read_text()
    file.write_text(text[:text.index("  - recommendation: R3")])
    result = cli("check", str(file))
    assert "recommendation R3" not in result.output
    outputs = built(file, tmp_path / "out")
    for fmt in ("docx", "pdf", "html"):
        assert ("R3 Track the actions from every multi-agency audit to completion. Reported "
                "done last year Done") in normalise(READERS[fmt](outputs[fmt])), fmt


def test_last_years_recommendations_without_ids_are_referred_to_by_number(
        eastmoor: Path, tmp_path: Path) -> None:
    """Last year's report gave no ids: its recommendations are R1, R2 and R3 to this one."""
    last_year = eastmoor / "scrutiny-report-2023-24.yaml"
    last_year.write_text(last_year.read_text().replace("  - id: R1\n    text:", "  - text:")
                         .replace("  - id: R2\n    text:", "  - text:")
                         .replace("  - id: R3\n    text:", "  - text:"))
    assert "id:" not in last_year.read_text()
    file = eastmoor / REPORT.name
    assert cli("check", str(file)).exit_code == 0
    outputs = built(file, tmp_path / "out")
    for fmt in ("docx", "pdf", "html"):
        text = normalise(READERS[fmt](outputs[fmt]))
        assert ("R2 Make sure every rapid review is completed within 15 working days. The "
                "Executive Group agreed cover arrangements in January 2025") in text, fmt
    edit(file, "recommendation: R3", "recommendation: 3")
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert "error: last year's report has no recommendation `3`" in result.output
