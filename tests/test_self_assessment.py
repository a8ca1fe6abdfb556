"""The RAG self-assessment: every answer carries an action; the summary shows ratings as
words and colours with a chart; the workbook partners fill in reads back into content."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from conftest import CONTENT, READERS, built, cli, normalise
from sgdocs.kinds.self_assessment.workbook import ROOM
from sgdocs.pipeline.load import load_document
from yamledit import line_of

ASSESSMENT = CONTENT / "eastmoor/self-assessment-2024.yaml"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ALT = ("Stacked bar chart, ratings by step. Step 1: Leadership: Green 1, Amber 1, Red 0; Step "
       "2: Relevant agencies: Green 1, Amber 1, Red 0; Step 3: Voice of children and families: "
       "Green 0, Amber 1, Red 1;")




@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(ASSESSMENT, tmp_path_factory.mktemp("out"), allow_sensitive=True)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_summary_reads_back(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    for fact in ("Completed by The three delegated safeguarding partners, with the independent "
                 "scrutineer on 15 November 2024.",
                 "Step 3: Voice of children and families 0 1 1 0",
                 "Children and families know about the partnership's plans and are involved in "
                 "them. ■ Red" if fmt == "docx" else "Children and families know about the "
                 "partnership's plans and are involved in them. Red",
                 "The yearly survey shows few families have heard of the partnership.",
                 "Action tracker",
                 "Agree holiday cover arrangements for rapid reviews. Executive Group 31 January "
                 "2025 In progress"):
        assert normalise(fact) in text, fact


def test_chart_has_alt_text_in_every_format(outputs: dict[str, Path]) -> None:
    assert ALT in outputs["html"].read_text()
    import docx as python_docx
    from docx.oxml.ns import qn

    document = python_docx.Document(str(outputs["docx"]))
    descriptions = [p.get("descr") for p in document.element.body.iter(qn("wp:docPr"))]
    assert len(descriptions) == 1 and descriptions[0].startswith(ALT)


def test_workbook_has_a_tab_per_step_and_an_action_tracker(outputs: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(outputs["xlsx"])
    assert book.sheetnames == ["About", *(f"Step {n}" for n in range(1, 7)),
                               "Action tracker", "_sgdocs"]
    assert book["_sgdocs"].sheet_state == "hidden"
    step = book["Step 3"]
    assert [c.value for c in step[3]] == ["No.", "Question", "Rating", "Evidence", "Action",
                                          "Owner", "Due date", "Status"]
    assert step["C4"].value == "Red" and step.freeze_panes == "C4"
    assert step.data_validations.dataValidation[0].formula1 == '"Green,Amber,Red"'
    rules = [rule for ranges in step.conditional_formatting for rule in ranges.rules]
    assert [rule.formula[0] for rule in rules] == [f'EXACT(PROPER(C4),"{w}")'
                                                   for w in ("Green", "Amber", "Red")]
    assert step.column_dimensions["B"].width == 48
    assert step["B3"].fill.fgColor.rgb == step["A1"].font.color.rgb == "000B5563"  # Eastmoor
    tracker = book["Action tracker"]
    assert tracker["B4"].value == "=IF('Step 1'!B4=\"\",\"\",'Step 1'!B4)"
    assert tracker.max_row == 3 + 12 + 6 * ROOM  # room under each step's questions
    assert tracker["A6"].value == "=IF('Step 1'!B6=\"\",\"\",1)"


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("SGDOCS_REQUIRE_LIBREOFFICE"),
                    reason="LibreOffice is not installed (bash .ci/run installs it)")
def test_libreoffice_fills_the_action_tracker(outputs: dict[str, Path], tmp_path: Path) -> None:
    """Including a question a partner adds in the room under a step's questions."""
    assert SOFFICE
    book = openpyxl.load_workbook(outputs["xlsx"])
    for column, value in zip("BCEFH", ("Are escalations resolved?", "Amber",
                                       "Audit escalations", "Business manager", "Not started"),
                             strict=True):
        book["Step 1"][f"{column}6"] = value
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,"
                    "false,false,false,-1", "--outdir", str(tmp_path), str(filled)],
                   check=True, capture_output=True, timeout=120)
    tracker = next(tmp_path.glob("*Action tracker.csv"))
    rows = [row for row in csv.reader(tracker.open(encoding="utf-8")) if any(row)]
    assert rows[2] == ["Step", "Question", "Rating", "Action", "Owner", "Due date", "Status"]
    assert rows[5] == ["1", "Are escalations resolved?", "Amber", "Audit escalations",
                       "Business manager", "", "Not started"]
    assert rows[8][:5] == ["3", "Children and families know about the partnership's plans and "
                           "are involved in them.", "Red", "Co-produce a family-friendly "
                           "summary of the plan with the Children in Care Council.",
                           "Participation lead"]
    assert len(rows) == 3 + 12 + 1


def test_content_to_workbook_to_content_keeps_the_data(outputs: dict[str, Path],
                                                       tmp_path: Path) -> None:
    content = tmp_path / "eastmoor"
    shutil.copytree(CONTENT / "eastmoor", content)
    imported = content / "imported.yaml"
    result = cli("import", "self-assessment", str(outputs["xlsx"]), "-o", str(imported))
    assert result.exit_code == 0, result.output
    original = load_document(ASSESSMENT).model.model_dump()
    assert load_document(imported).model.model_dump() == original
    assert imported.read_text().startswith("# Read from self-assessment-2024.xlsx by `sgdocs "
                                           "import self-assessment`.\nkind: self-assessment\n")


def test_a_filled_in_workbook_is_read_back(outputs: dict[str, Path], tmp_path: Path) -> None:
    book = openpyxl.load_workbook(outputs["xlsx"])
    book["Step 3"]["C4"] = "amber"
    book["Step 3"]["H4"] = "In progress"
    book["About"]["B4"] = "Executive Group"
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    target = tmp_path / "partners.yaml"
    assert cli("import", "self-assessment", str(filled), "-o", str(target)).exit_code == 0
    text = target.read_text()
    assert "completed_by: Executive Group" in text
    assert "  - question: Children and families know about the partnership's plans and are " \
           "involved in them.\n    rag: amber\n" in text
    assert "status: in progress\n" in text


def test_import_reports_bad_cells_and_keeps_existing_files(outputs: dict[str, Path],
                                                           tmp_path: Path) -> None:
    book = openpyxl.load_workbook(outputs["xlsx"])
    book["Step 2"]["C5"] = "Yellow"
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    target = tmp_path / "partners.yaml"
    result = cli("import", "self-assessment", str(filled), "-o", str(target))
    assert result.exit_code == 1
    assert (f"{filled}: error: Step 2, row 5: the rating \u201cYellow\u201d is not Green, Amber "
            "or Red\n  hint: choose from the drop-down") in result.output
    assert not target.exists()
    target.write_text("kept")
    result = cli("import", "self-assessment", str(outputs["xlsx"]), "-o", str(target))
    assert result.exit_code == 2 and target.read_text() == "kept"
    assert "use --force" in result.output
    scoring = tmp_path / "scoring.xlsx"
    openpyxl.Workbook().save(scoring)
    result = cli("import", "self-assessment", str(scoring), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 1 and "not a self-assessment workbook made by sgdocs" in \
        result.output


@pytest.mark.parametrize(("field", "what"), [("action", "action"),
                                             ("owner", "owner for the action"),
                                             ("due", "due date for the action")])
def test_every_answer_needs_an_action_with_owner_and_date(tmp_path: Path, field: str,
                                                          what: str) -> None:
    shutil.copytree(CONTENT / "eastmoor", tmp_path / "eastmoor")
    file = tmp_path / "eastmoor" / ASSESSMENT.name
    lines = file.read_text().splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{field}:")
                 and i > line_of(file, "title: Voice of children"))
    del lines[index]
    file.write_text("".join(lines))
    result = cli("check", str(file))
    assert result.exit_code == 1
    question = line_of(file, "- question: Children and families know about")
    assert (f"{file}:{question}: error: the answer is rated Red but has no {what}\n"
            "  hint: every answer, whatever its colour, needs an action with an owner and a "
            "due date") in result.output


def test_an_unrated_question_is_a_warning(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "eastmoor", tmp_path / "eastmoor")
    file = tmp_path / "eastmoor" / ASSESSMENT.name
    file.write_text(file.read_text().replace("        rag: red\n", "", 1))
    result = cli("check", str(file))
    assert result.exit_code == 0
    assert "warning: this question is not rated yet" in result.output


def test_workbook_cells_are_typed_and_drop_downs_sit_where_people_type(
        outputs: dict[str, Path]) -> None:
    """A due month is a date shown as the month; rating and status drop-downs run on past
    the questions, for partners to add their own, and never over the tracker's formulas;
    no text ends with a stray line break."""
    import datetime as dt

    book = openpyxl.load_workbook(outputs["xlsx"])
    step = book["Step 1"]
    due = step["G4"]
    assert due.value == dt.datetime(2025, 9, 1) and due.number_format == "mmmm yyyy"
    assert step["G5"].number_format == "d mmmm yyyy"
    drop_downs = {v.formula1: str(v.sqref) for v in step.data_validations.dataValidation}
    assert drop_downs == {'"Green,Amber,Red"': "C4:C15",
                          '"Not started,In progress,Done"': "H4:H15"}
    assert book["Action tracker"].data_validations.dataValidation == []
    texts = [cell.value for sheet in book.worksheets if sheet.title != "_sgdocs"
             for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert texts and not [text for text in texts if text != text.rstrip()]
