"""Workbooks carry untrusted text both ways. A tender's bidder names and a self-assessment's
answers are written into workbooks: there text is always text, never a formula, while the
workbook's own formulas stay formulas. A filled-in workbook comes back from partner
agencies: it is bounded in size before it is opened, a formula in it is refused at its
cell, its hidden tab is read by sgdocs's own YAML rules, and every problem and warning
names its tab and row."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import BEXLEY, CONTENT, REPO, cli
from sgdocs.pipeline.build import build
from sgdocs.pipeline.load import load_document
from sgdocs.read.workbooks import (
    MAX_CELLS,
    MAX_FILE_BYTES,
    MAX_PARTS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
BIDDERS = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)",
           "\t=1+1", "\r=1+1", "#N/A"]
"""Bidder names a spreadsheet would take for formulas, one for each way a formula can start,
and one it would take for an error value."""
ANSWERS = {  # the Eastmoor self-assessment's text → text that looks like a formula
    "completed_by: The three delegated safeguarding partners, with the independent "
    "scrutineer": "completed_by: '=1+1'",
    "evidence: Lead partners attend the twice-yearly leaders' meeting; the strategic plan was "
    "signed by all three.": "evidence: '=HYPERLINK(\"http://x\",\"y\")'",
    "action: Keep the leaders' meeting and report attendance in the yearly report.":
        "action: =1+1",
    "owner: Executive Group": "owner: '@SUM(1,1)'",
    "evidence: The budget is agreed yearly, but the training budget fell by 10% in 2024-25.":
        "evidence: -2+3",
}
HYPERLINK = '=HYPERLINK("http://x","y")'
CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
"""LibreOffice's CSV export of each sheet to a file of its own, values as worked out."""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Copies of the Bexley tender (hostile bidder names) and the Eastmoor self-assessment
    (answers that look like formulas), their content files and workbooks."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(BEXLEY, root / "bexley")
    shutil.copytree(CONTENT / "eastmoor", root / "eastmoor")
    tender = root / "bexley/tender.yaml"
    tender.write_text(tender.read_text() + "bidders:\n" +
                      "".join(f"  - {json.dumps(name)}\n" for name in BIDDERS))
    assessment = root / "eastmoor/self-assessment-2024.yaml"
    text = assessment.read_text()
    for old, new in ANSWERS.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    assessment.write_text(text)
    report = build([tender, assessment], root / "out", ["xlsx"])
    assert report.ok, [str(f) for f in report.findings]
    return {"tender": tender, "assessment": assessment,
            "scoring": root / "out/bexley/tender-scoring.xlsx",
            "workbook": root / "out/eastmoor/self-assessment-2024.xlsx"}


def test_bidder_names_are_text_and_totals_are_formulas(hostile: dict[str, Path]) -> None:
    sheet = openpyxl.load_workbook(hostile["scoring"])["Scoring"]
    names = [sheet.cell(row=5 + offset, column=1) for offset in range(len(BIDDERS))]
    assert [(cell.value, cell.data_type) for cell in names] == [(n, "s") for n in BIDDERS]
    assert [cell.quotePrefix for cell in names] == [True] * 7 + [False]  # "#N/A" is safe
    assert (sheet["J5"].value, sheet["J5"].data_type) == ("=SUM(F5:I5)", "f")
    assert sheet["F5"].value == "=IF(ISNUMBER(B5),B5/5*30,0)"


def test_answers_are_text_and_the_tracker_is_formulas(hostile: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(hostile["workbook"])
    step = book["Step 1"]
    cells = [book["About"]["B4"], step["D4"], step["E4"], step["D5"], step["F5"]]
    assert [(cell.value, cell.data_type, cell.quotePrefix) for cell in cells] == [
        ("=1+1", "s", True), (HYPERLINK, "s", True), ("=1+1", "s", True),
        ("-2+3", "s", True), ("@SUM(1,1)", "s", True)]
    assert step["B4"].quotePrefix is False
    tracker = book["Action tracker"]["D4"]
    assert (tracker.value, tracker.data_type) == ("=IF('Step 1'!E4=\"\",\"\",'Step 1'!E4)",
                                                  "f")


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("SGDOCS_REQUIRE_LIBREOFFICE"),
                    reason="LibreOffice is not installed (bash .ci/run installs it)")
def test_libreoffice_shows_the_text_and_works_out_the_formulas(hostile: dict[str, Path],
                                                               tmp_path: Path) -> None:
    assert SOFFICE
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", CSV_EVERY_SHEET, "--outdir", str(tmp_path),
                    str(hostile["scoring"]), str(hostile["workbook"])],
                   check=True, capture_output=True, timeout=180)

    def sheet(name: str) -> list[list[str]]:
        with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            return list(csv.reader(file))

    scoring = sheet("tender-scoring-Scoring")[4:4 + len(BIDDERS)]
    assert [row[0] for row in scoring] == BIDDERS
    assert [row[-1] for row in scoring] == ["0"] * len(BIDDERS)  # worked out: no score yet
    step = sheet("self-assessment-2024-Step 1")
    assert step[3][3:6] == [HYPERLINK, "=1+1", "Partnership business manager"]
    assert step[4][3:6] == ["-2+3", "Review the budget against the plan before 2025-26 "
                            "contributions are set.", "@SUM(1,1)"]
    tracker = sheet("self-assessment-2024-Action tracker")
    assert tracker[3][3] == "=1+1" and tracker[4][4] == "@SUM(1,1)"
    assert sheet("self-assessment-2024-About")[3][1] == "=1+1"


def test_text_that_looks_like_a_formula_comes_back_as_written(hostile: dict[str, Path]
                                                              ) -> None:
    imported = hostile["assessment"].with_name("imported.yaml")
    result = cli("import", "self-assessment", str(hostile["workbook"]), "-o", str(imported))
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {imported}\n"
    original = load_document(hostile["assessment"]).model.model_dump()
    assert load_document(imported).model.model_dump() == original


def _filled(hostile: dict[str, Path], target: Path, cells: dict[tuple[str, str], object]
            ) -> Path:
    """The hostile self-assessment workbook with `cells` ((tab, cell): value) filled in as
    someone typing would: text starting with "=" becomes a formula."""
    book = openpyxl.load_workbook(hostile["workbook"])
    for (tab, coordinate), value in cells.items():
        book[tab][coordinate] = value
    book.save(target)
    return target


def test_a_formula_typed_in_is_refused_at_its_cell(hostile: dict[str, Path],
                                                   tmp_path: Path) -> None:
    filled = _filled(hostile, tmp_path / "filled.xlsx", {
        ("Step 2", "D5"): HYPERLINK, ("About", "B4"): "=1+1", ("Step 3", "G4"): "=TODAY()",
        ("Step 3", "B5"): '=CONCAT("a","b")'})
    target = tmp_path / "partners.yaml"
    result = cli("import", "self-assessment", str(filled), "-o", str(target))
    assert result.exit_code == 1 and not target.exists()
    assert result.output == (
        f"{filled}: error: About, row 4: the completed-by cell holds a formula (=1+1)\n"
        "  hint: type the text itself\n"
        f"{filled}: error: Step 2, row 5: the evidence cell holds a formula ({HYPERLINK})\n"
        "  hint: type the text itself\n"
        f"{filled}: error: Step 3, row 4: the due date cell holds a formula (=TODAY())\n"
        "  hint: type the text itself\n"
        f"{filled}: error: Step 3, row 5: the question cell holds a formula "
        "(=CONCAT(\"a\",\"b\"))\n"
        "  hint: type the text itself\n")


def test_a_long_formula_is_shown_shortened(hostile: dict[str, Path], tmp_path: Path) -> None:
    formula = "=" + "+".join(["1"] * 30)
    filled = _filled(hostile, tmp_path / "filled.xlsx", {("Step 1", "F4"): formula})
    result = cli("import", "self-assessment", str(filled), "-o", str(tmp_path / "x.yaml"))
    assert f"Step 1, row 4: the owner cell holds a formula ({formula[:40]}\u2026)" in \
        result.output


def test_problems_and_warnings_name_their_tab_and_row(hostile: dict[str, Path],
                                                      tmp_path: Path) -> None:
    target = tmp_path / "partners.yaml"
    filled = _filled(hostile, tmp_path / "filled.xlsx", {("Step 3", "G4"): "31/01/2025"})
    result = cli("import", "self-assessment", str(filled), "-o", str(target))
    assert result.exit_code == 1 and not target.exists()
    assert result.output == (
        f"{filled}: error: Step 3, row 4: `steps[3].questions[1].due`: expected a date "
        "written as YYYY-MM-DD (or YYYY-MM for a month), found \u201c31/01/2025\u201d\n"
        "  hint: write dates as YYYY-MM-DD, e.g. 2018-10-29, or YYYY-MM for a month, or YYYY\n")
    filled = _filled(hostile, tmp_path / "filled.xlsx", {("Step 3", "F4"): None,
                                                         ("Step 1", "C5"): None})
    result = cli("import", "self-assessment", str(filled), "-o", str(target))
    assert result.exit_code == 1 and not target.exists()
    assert result.output == (
        f"{filled}: warning: Step 1, row 5: this question is not rated yet\n"
        "  hint: rate it green, amber or red\n"
        f"{filled}: error: Step 3, row 4: the answer is rated Red but has no owner for the "
        "action\n  hint: every answer, whatever its colour, needs an action with an owner "
        "and a due date\n")
    filled = _filled(hostile, tmp_path / "filled.xlsx", {("Step 1", "C5"): None})
    result = cli("import", "self-assessment", str(filled), "-o", str(target))
    assert result.exit_code == 0
    assert result.output == (f"{filled}: warning: Step 1, row 5: this question is not rated "
                             f"yet\n  hint: rate it green, amber or red\nwrote {target}\n")
    assert "rag:" not in target.read_text().split("- question: The partners allocate")[1] \
        .split("- question:")[0]
    emptied = {("Step 2", f"{column}{row}"): None for column in "ABCDEFGH" for row in (4, 5)}
    filled = _filled(hostile, tmp_path / "filled.xlsx", emptied)
    result = cli("import", "self-assessment", str(filled), "-o", str(tmp_path / "x.yaml"))
    assert result.output == (f"{filled}: error: Step 2: `steps[2].questions` is empty\n"
                             "  hint: add at least one entry\n")


def _hidden(hostile: dict[str, Path], target: Path, text: str) -> Path:
    book = openpyxl.load_workbook(hostile["workbook"])
    book["_sgdocs"]["A1"] = text
    book["_sgdocs"]["A1"].data_type = "s"
    book.save(target)
    return target


ALIAS_BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))


@pytest.mark.parametrize(("text", "problem"), [
    (ALIAS_BOMB, "the file expands to more than 200,000 values (anchors and aliases repeated "
     "inside each other?) (line 1 of its text)"),
    ("kind: [self-assessment\n", "YAML syntax error: while parsing a flow sequence did not "
     "find expected ',' or ']' (line 2 of its text)"),
    ("kind: !!python/object/apply:os.system [ls]\n", "YAML tags such as "
     "`tag:yaml.org,2002:python/object/apply:os.system` are not supported (line 1 of its "
     "text)"),
    ("- kind\n- steps\n", "it should hold a group of keys"),
    ("Just some text", "it should hold a group of keys"),
    ("kind: self-assessment\n", "`steps` should be a list of steps, each a group of keys"),
    ("kind: self-assessment\nsteps: 3\n", "`steps` should be a list of steps, each a group of "
     "keys"),
    ("steps: [Leadership]\n", "`steps` should be a list of steps, each a group of keys"),
    ("steps:\n- title: Leadership\n", "step 1 has no `number` (a whole number from 1)"),
    ("steps:\n- {number: 1}\n- {number: true}\n", "step 2 has no `number` (a whole number "
     "from 1)"),
    ("steps:\n- {number: '1'}\n", "step 1 has no `number` (a whole number from 1)"),
    ("   ", "it holds no text"),
])
def test_a_damaged_hidden_tab_is_refused_quickly(hostile: dict[str, Path], tmp_path: Path,
                                                  text: str, problem: str) -> None:
    filled = _hidden(hostile, tmp_path / "filled.xlsx", text)
    started = time.monotonic()
    result = cli("import", "self-assessment", str(filled), "-o", str(tmp_path / "x.yaml"))
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert result.output == (f"{filled}: error: the hidden tab \u201c_sgdocs\u201d is "
                             f"damaged: {problem}\n  hint: the hidden tab must not be "
                             "changed: copy the answers into the workbook `sgdocs build` "
                             "makes, and import that\n")


def _rezipped(source: Path, target: Path, added: dict[str, bytes],
              method: int = zipfile.ZIP_DEFLATED) -> Path:
    """`source` with more files packed into it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", method) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        for name, data in added.items():
            new.writestr(name, data)
    return target


START_AGAIN = "  hint: copy the answers into the workbook `sgdocs build` makes, and import that\n"
CLEAR = ("  hint: delete the rows and columns beyond the table (select them, then Delete), or "
         "copy the answers into the workbook `sgdocs build` makes, and import that\n")


def test_an_oversized_workbook_is_refused_before_it_is_opened(hostile: dict[str, Path],
                                                              tmp_path: Path) -> None:
    base = hostile["workbook"]
    picture = _rezipped(base, tmp_path / "picture.xlsx",
                        {"xl/media/image1.png": os.urandom(MAX_FILE_BYTES)}, zipfile.ZIP_STORED)
    bomb = _rezipped(base, tmp_path / "bomb.xlsx",
                     {"xl/media/padding.bin": bytes(MAX_UNPACKED_BYTES)})
    parts = _rezipped(base, tmp_path / "parts.xlsx",
                      {f"customXml/item{i}.xml": b"" for i in range(MAX_PARTS)})
    text = tmp_path / "text.xlsx"
    text.write_text("kind: self-assessment\n")
    unpacked = sum(info.file_size for info in zipfile.ZipFile(bomb).infolist())
    expected = {
        picture: f"the workbook is {picture.stat().st_size:,} bytes, over the 5,000,000-byte "
                 f"limit for a workbook to import\n{START_AGAIN}",
        bomb: f"the workbook unpacks to {unpacked:,} bytes, over the 10,000,000-byte limit "
              f"for a workbook to import\n{START_AGAIN}",
        parts: f"the workbook holds {MAX_PARTS + 18:,} files, more than the 1,000 a workbook "
               f"to import may hold\n{START_AGAIN}",
        text: "cannot read the workbook (it is not an .xlsx file)\n  hint: save it as an "
              "Excel workbook (.xlsx)\n",
    }
    assert bomb.stat().st_size < 100_000
    for path, message in expected.items():
        started = time.monotonic()
        result = cli("import", "self-assessment", str(path), "-o", str(tmp_path / "x.yaml"))
        assert time.monotonic() - started < 5
        assert result.exit_code == 1 and result.output == f"{path}: error: {message}"


def test_a_tab_too_long_or_wide_is_refused(hostile: dict[str, Path], tmp_path: Path) -> None:
    questions = {("Step 1", f"B{row}"): "A question?" for row in range(6, MAX_ROWS + 2)}
    long = _filled(hostile, tmp_path / "long.xlsx", questions)
    result = cli("import", "self-assessment", str(long), "-o", str(tmp_path / "x.yaml"))
    assert result.output == (f"{long}: error: the tab \u201cStep 1\u201d has more than 2,000 "
                             f"rows\n{CLEAR}")
    row = MAX_CELLS // 26 + 1
    wide = _filled(hostile, tmp_path / "wide.xlsx", {("Step 2", f"Z{row}"): "x"})
    result = cli("import", "self-assessment", str(wide), "-o", str(tmp_path / "x.yaml"))
    assert result.output == (f"{wide}: error: the tab \u201cStep 2\u201d spans "
                             f"{26 * row:,} cells (A1 to Z{row}), more than the 50,000 a tab "
                             f"may have\n{CLEAR}")


def test_a_missing_tab_is_named(hostile: dict[str, Path], tmp_path: Path) -> None:
    book = openpyxl.load_workbook(hostile["workbook"])
    del book["About"]
    book["Step 4"].title = "Step four"
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    result = cli("import", "self-assessment", str(filled), "-o", str(tmp_path / "x.yaml"))
    hint = "  hint: put it back as it was: do not delete or rename the tabs\n"
    assert result.output == (f"{filled}: error: the tab \u201cAbout\u201d is missing\n{hint}"
                             f"{filled}: error: the tab \u201cStep 4\u201d is missing\n{hint}")


def test_the_limits_are_stated_where_users_read_them() -> None:
    for document in (REPO / "README.md", REPO / "docs/errors.md"):
        text = " ".join(document.read_text().split())
        for limit in (MAX_FILE_BYTES, MAX_PARTS, MAX_UNPACKED_BYTES, MAX_ROWS, MAX_CELLS):
            assert f"{limit:,}" in text, (document.name, limit)
