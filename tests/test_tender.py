"""The tender for Bexley's brief: built from the brief, never retyped, in every format, with
its clarifications log and the evaluators' scoring workbook; and every rule it is checked by."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from conftest import BEXLEY, READERS, built, cli, edit, normalise
from test_bexley_role_brief import KEY_QUESTIONS, RESPONSIBILITIES, TIMETABLE
from yamledit import line_of

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FACTS = [
    "Invitation to quote – independent scrutiny of Bexley's safeguarding arrangements",
    "Reference BSP-IS-2018-01",
    "This is a quotation below the thresholds of public procurement law, run under the "
    "buyer's own contract rules.",
    "Published on Contracts Finder with this reference",
    "every supplier that submitted one will be told the outcome",
    "The purpose of this brief is to outline the requirements of the independent scrutiny "
    "function",
    "Up to 15 days per year, at up to £800 a day: at most £12,000 a year, plus travel, "
    "accommodation and subsistence.",
    "The contract runs from 1 October 2018 to 30 September 2019, and may be extended by up "
    "to 12 months more, at the partners' option.",
    "Closing date for tenders 3 August 2018, 12:00 noon",
    "Independent scrutiny, 2018-19 programme 15 £800 £12,000",
    "Prices are exclusive of VAT",
    "UK GDPR and the Data Protection Act 2018",
    "An enhanced Disclosure and Barring Service check",
    "Employment status for tax (IR35)",
    "I am not related to an officer employed by a partner agency in a role relevant to its "
    "safeguarding functions.",
    "Appendix A: Response form",
    "Question 3: How would you plan and carry out the 2018-19 programme?",
    "Assessed under: Approach and methods. Up to 1000 words.",
    "Your day rate (at most £800)",
    *KEY_QUESTIONS, *RESPONSIBILITIES,
]



@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(BEXLEY / "tender.yaml", tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_tender_reads_back_with_the_briefs_facts(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[f"tender.{fmt}"]))
    assert [fact for fact in FACTS if normalise(fact) not in text] == []
    position = text.index("Timetable for 2018-19 work")
    for activity, date in TIMETABLE:
        position = text.index(activity, position)
        assert date in text


def test_word_response_form_has_fields_to_type_in(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["tender.docx"]))
    controls = [c for c in document.element.body.iter(qn("w:sdt"))  # not the contents
                if c.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}") is None]
    aliases = [c.find(f"{qn('w:sdtPr')}/{qn('w:alias')}").get(qn("w:val")) for c in controls]
    assert aliases == ["Name", "Organisation", "Address", "E-mail", "Telephone",
                       "Answer 1", "Answer 2", "Answer 3", "Your day rate", "Days a year",
                       "Total price for the year", "Does VAT apply?", "Signed", "Name", "Date"]
    ids = [c.find(f"{qn('w:sdtPr')}/{qn('w:id')}").get(qn("w:val")) for c in controls]
    assert len(set(ids)) == len(ids)
    assert controls[-1].find(f"{qn('w:sdtPr')}/{qn('w:date')}") is not None


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_clarifications_log_is_its_own_document(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[f"tender-clarifications.{fmt}"]))
    assert "Clarifications log" in text and "Issue 1, 25 July 2018" in text
    assert "1 25 July 2018 Can the role be shared between two people? Yes. A joint bid" in text
    assert "Who asked is not shown." in text


def test_scoring_workbook_layout(outputs: dict[str, Path]) -> None:
    workbook = openpyxl.load_workbook(outputs["tender-scoring.xlsx"])
    assert workbook.sheetnames == ["Scoring", "Criteria"]
    sheet = workbook["Scoring"]
    headers = [cell.value for cell in sheet[4]]
    assert headers == [
        "Bidder", "Understanding of the role: score (0 to 5)",
        "Experience and qualifications: score (0 to 5)", "Approach and methods: score (0 to 5)",
        "Price: price (£)", "Understanding of the role: weighted (30%)",
        "Experience and qualifications: weighted (30%)", "Approach and methods: weighted (20%)",
        "Price: weighted (20%)", "Weighted total (100%)"]
    assert sheet.max_row == 4 + 8
    assert sheet["J5"].value == "=SUM(F5:I5)"
    assert sheet.freeze_panes == "B5"
    assert sheet.data_validations.dataValidation[0].formula2 == "5"
    criteria = workbook["Criteria"]
    assert [criteria.cell(row=r, column=3).value for r in range(4, 8)] == [30, 30, 20, 20]


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("SGDOCS_REQUIRE_LIBREOFFICE"),
                    reason="LibreOffice is not installed (bash .ci/run installs it)")
def test_scoring_workbook_computes_weighted_totals(outputs: dict[str, Path],
                                                  tmp_path: Path) -> None:
    assert SOFFICE
    workbook = openpyxl.load_workbook(outputs["tender-scoring.xlsx"])
    sheet = workbook["Scoring"]
    for row, values in ((5, ["Bidder A", 4, 3, 5, 11000]), (6, ["Bidder B", 5, 5, 3, 12000])):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
    filled = tmp_path / "filled.xlsx"
    workbook.save(filled)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path), str(filled)],
                   check=True, capture_output=True, timeout=120)
    rows = list(csv.reader((tmp_path / "filled.csv").open(encoding="utf-8")))
    assert rows[4][0] == "Bidder A" and rows[4][-1] == "82.00"
    assert rows[5][0] == "Bidder B" and rows[5][-1] == "90.33"
    assert rows[6][-1] == "0.00"


@pytest.fixture
def bexley(tmp_path: Path) -> Path:
    shutil.copytree(BEXLEY, tmp_path / "bexley")
    return tmp_path / "bexley"


def test_changing_the_brief_changes_the_tender(bexley: Path, tmp_path: Path) -> None:
    edit(bexley / "role-brief.yaml", "day_rate: up to £800", "day_rate: up to £850")
    edit(bexley / "role-brief.yaml", "Support the development of innovation in the system",
         "Champion innovation in the system")
    result = cli("build", str(bexley / "tender.yaml"), "--out", str(tmp_path / "out"),
                 "--format", "html,docx")
    assert result.exit_code == 0, result.output
    for fmt in ("html", "docx"):
        text = normalise(READERS[fmt](tmp_path / "out/bexley" / f"tender.{fmt}"))
        assert "at up to £850 a day" in text and "at most £12,750 a year" in text
        assert "Champion innovation in the system in respect of relationship based" in text
        assert "Support the development of innovation" not in text


@pytest.mark.parametrize(("old", "new", "line_text", "message"), [
    ("weighting: 30\n    description: >\n      Understanding", "weighting: 25\n    description: "
     ">\n      Understanding", "evaluation:", "the weightings add up to 95%, not 100%"),
    ("{step: Closing date for tenders, date: 2018-08-03", "{step: Closing date for tenders, "
     "date: 2018-07-19", "Closing date for tenders", "a step dated 19 July 2018 comes after "
     "one dated 25 July 2018"),
    ("{step: Invitation to quote issued, date: 2018-07-02}", "{step: Invitation to quote "
     "issued, date: 2018-06-30}", "Invitation to quote issued", "\u201cInvitation to quote "
     "issued\u201d (30 June 2018) is before the tender is issued (2 July 2018)"),
    ("days: 15, day_rate: 800", "days: 15, day_rate: 850", "day_rate: 850",
     "the day rate £850 is above the brief's ceiling of £800 a day"),
    ("days: 15, day_rate: 800", "days: 20, day_rate: 800", "days: 20",
     "20 days is more than the brief's 15 days a year"),
    ("criterion: Approach and methods", "criterion: Approach and method",
     "criterion: Approach and method", "\u201cApproach and method\u201d is not one of the "
     "evaluation criteria\n  hint: did you mean \u201cApproach and methods\u201d?"),
    ("email: procurement@example.org", "email: procurement at example.org", "email:",
     "`contact.email` does not look right: \u201cprocurement at example.org\u201d"),
    ("brief: role-brief.yaml", "brief: missing-brief.yaml", "brief:",
     "there is no file `missing-brief.yaml` beside this one"),
    ("brief: role-brief.yaml", "brief: ../../outside.yaml", "brief:",
     "`../../outside.yaml` leads outside the content folder"),
    ("brief: role-brief.yaml", "brief: /etc/passwd", "brief:",
     "`/etc/passwd` is an absolute path"),
    ("brief: role-brief.yaml", "brief: https://example.org/brief.yaml", "brief:",
     "`https://example.org/brief.yaml` is a web address"),
    ("brief: role-brief.yaml", "brief: tender.yaml", "brief:",
     "`tender.yaml` refers back to this document"),
])
def test_each_tender_rule(bexley: Path, old: str, new: str, line_text: str,
                          message: str) -> None:
    tender = bexley / "tender.yaml"
    edit(tender, old, new)
    result = cli("check", str(tender))
    assert result.exit_code == 1
    assert f"{tender}:{line_of(tender, line_text)}: error: {message}" in result.output


def test_a_tender_on_quality_alone_is_only_questioned(bexley: Path) -> None:
    """A fixed-price competition is assessed on quality alone, which the law allows."""
    tender = bexley / "tender.yaml"
    edit(tender, "type: price", "type: quality")
    result = cli("check", str(tender))
    assert result.exit_code == 0, result.output
    assert (f"{tender}:{line_of(tender, 'evaluation:')}: warning: there is no price "
            "criterion") in result.output


def test_the_brief_must_be_a_valid_role_brief(bexley: Path) -> None:
    tender, brief = bexley / "tender.yaml", bexley / "role-brief.yaml"
    edit(brief, "days: Up to 15 days per year", "days: fifteen")
    result = cli("check", str(tender))
    assert result.exit_code == 1
    assert (f"{tender}:{line_of(tender, 'brief:')}: error: the brief `role-brief.yaml` has "
            "problems; they are listed with it") in result.output
    assert f"{brief}:{line_of(brief, 'fifteen')}: error: `days_and_cost.days`" \
        in result.output
    shutil.copy(BEXLEY.parent / "eastmoor/arrangements.yaml", bexley / "other.yaml")
    edit(tender, "brief: role-brief.yaml", "brief: other.yaml")
    result = cli("check", str(tender))
    assert f"{tender}:{line_of(tender, 'brief:')}: error: `other.yaml` is a arrangements, but " \
        "`brief` needs a role-brief" in result.output


def test_a_reissued_clarifications_log(bexley: Path, tmp_path: Path) -> None:
    tender = bexley / "tender.yaml"
    tender.write_text(tender.read_text() + "  - date: 2018-07-27\n    question: Is the "
                      "timetable fixed?\n    answer: The board dates are fixed.\n")
    result = cli("build", str(tender), "--out", str(tmp_path / "out"), "--format", "pdf")
    assert result.exit_code == 0, result.output
    text = normalise(READERS["pdf"](tmp_path / "out/bexley/tender-clarifications.pdf"))
    assert "Issue 2, 27 July 2018" in text and "3 27 July 2018 Is the timetable fixed?" in text
