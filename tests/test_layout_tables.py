"""A layout's tables: cells of rich text with a bold title or words shown in their place,
each row's matching entry of another list, rows headed by a cell of their own, a table
named for the kind's own style, totals shorter than the row, and cells misspelt in the
layout told at their line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from conftest import CONTENT, built, edited_copy, write_layout
from sgdocs.errors import ContentError
from sgdocs.kinds import get_kind
from sgdocs.kinds.layout import read_layout

REPORT = "eastmoor/scrutiny-report-2024-25"
TENDER = "bexley/tender"


@pytest.fixture(scope="module")
def report_with_gaps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Eastmoor's report, a draft with no response to R2 and no progress on last year's R3."""
    folder = tmp_path_factory.mktemp("gaps")
    content = edited_copy(
        folder, CONTENT / f"{REPORT}.yaml", ("  status: final", "  status: draft"),
        ("    response: Accepted. Cover arrangements were extended to the relevant agencies "
         "in May 2025.\n", ""))
    text = content.read_text()
    content.write_text(text[:text.index("  - recommendation: R3")])
    return built(content, folder / "out", formats=("docx", "html"))


def _rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _cells(row: Any) -> list[tuple[str, int]]:
    """Each cell of a Word table's row as it stands in the file: its words and how many
    columns it spans."""
    return [("".join(t.text or "" for t in tc.iter(qn("w:t"))), tc.grid_span)
            for tc in row._tr.tc_lst]


def _table(word: Any, *headers: str) -> Any:
    """The Word table whose first row starts with `headers`."""
    return next(t for t in word.tables
                if [cell.text for cell in t.rows[0].cells[:len(headers)]] == list(headers))


def test_rich_text_in_a_cell_or_the_words_shown_otherwise(
        report_with_gaps: dict[str, Path]) -> None:
    """`{text: item.response, otherwise: No response yet}`."""
    html = report_with_gaps["html"].read_text()
    assert ('<td><p>Accepted. The measure is in the <span class="nowrap">2025-26</span> plan, '
            "with a practice standard "
            "for health visitors and social workers.</p></td>") in html
    assert ("<td>Agree holiday cover for rapid reviews with every agency, not only the partners."
            "</td><td>No response yet</td>") in html
    word = docx.Document(str(report_with_gaps["docx"]))
    recommendations = _table(word, "No.", "Recommendation")
    response = recommendations.cell(1, 2)
    assert [p.text for p in response.paragraphs] == [
        "Accepted. The measure is in the 2025-26 plan, with a practice standard for health "
        "visitors and social workers."]
    assert _rows(recommendations)[2] == [
        "R2", "Agree holiday cover for rapid reviews with every agency, not only the partners.",
        "No response yet", "Partnership business manager", "May 2025", "Done"]


def test_each_row_finds_its_match_in_another_list(report_with_gaps: dict[str, Path]) -> None:
    """`match:` last year's recommendation R3 has no entry in `progress`: its row says so."""
    html = report_with_gaps["html"].read_text()
    assert ('<tr><th scope="row">R1</th><td>Involve children and families in setting the '
            "partnership's priorities.</td><td><p>The Children in Care Council joined the "
            "planning day and shaped the neglect priority.</p></td><td>Done</td></tr>") in html
    assert ('<tr><th scope="row">R3</th><td>Track the actions from every multi-agency audit '
            "to completion.</td><td>No progress reported</td><td>–</td></tr>") in html
    word = docx.Document(str(report_with_gaps["docx"]))
    progress = _rows(_table(word, "No.", "Recommendation last year", "Progress", "Status"))
    assert progress[1][2:] == ["The Children in Care Council joined the planning day and "
                               "shaped the neglect priority.", "Done"]
    assert progress[2][0] == "R2" and progress[2][3] == "In progress"
    assert progress[3] == ["R3", "Track the actions from every multi-agency audit to "
                           "completion.", "No progress reported", "–"]


def test_each_row_is_headed_by_its_first_cell(example_outputs: dict[str, Path]) -> None:
    """`row_heading: true` on the first column: `th` on the web page; in bold in Word, the
    table marked as having a first column of headings."""
    html = example_outputs[f"{REPORT}.html"].read_text()
    assert '<tr><th scope="row">R1</th><td>Make the voice of very young children' in html
    assert ('<tr><th scope="row">Step 1: Leadership</th><td><span class="rag rag-green">'
            in html)
    tables = [table for table in docx.Document(str(example_outputs[f"{REPORT}.docx"])).tables
              if table.cell(0, 0).text in ("Step", "No.")]  # findings, recommendations, progress
    looks = [table._tbl.tblPr.find(qn("w:tblLook")) for table in tables[:3]]
    assert [look.get(qn("w:firstColumn")) for look in looks] == ["1", "1", "1"]
    assert [row.cells[0].text for row in tables[1].rows] == ["No.", "R1", "R2"]
    for table in tables[:3]:
        assert [[(run.text, run.bold) for run in row.cells[0].paragraphs[0].runs if run.text]
                for row in table.rows[1:3]] == [
            [(row.cells[0].text, True)] for row in table.rows[1:3]]
    assert not any(run.bold for run in tables[1].cell(1, 1).paragraphs[0].runs)
    tender = docx.Document(str(example_outputs[f"{TENDER}.docx"]))
    look = _table(tender, "Criterion")._tbl.tblPr.find(qn("w:tblLook"))
    assert look.get(qn("w:firstColumn")) == "0"  # no column heads its rows


def test_a_table_may_be_named_for_the_kinds_own_style(example_outputs: dict[str, Path]
                                                      ) -> None:
    """`css_class`: the findings are a table of figures; the recommendations, in the
    kind's style.css, smaller."""
    html = example_outputs[f"{REPORT}.html"].read_text()
    own = (get_kind("scrutiny-report").folder / "style.css").read_text()
    assert "table.recommendations { font-size: 9pt; }" in own
    assert own.strip() in html
    html = " ".join(html.split())
    assert ('<table class="figures"> <thead><tr><th scope="col">Step</th><th scope="col">'
            "Judgement</th></tr></thead>") in html
    assert html.count('<table class="recommendations">') == 2
    assert ('<table class="recommendations"> <thead><tr><th scope="col">No.</th><th '
            'scope="col">Recommendation last year</th>') in html


def test_a_cell_with_a_bold_title_over_rich_text(example_outputs: dict[str, Path]) -> None:
    """`{title: "{{ criterion.name }}", text: criterion.description}`: the tender's criteria."""
    word = docx.Document(str(example_outputs[f"{TENDER}.docx"]))
    title, description = _table(word, "Criterion").cell(1, 0).paragraphs
    assert [(run.text, run.bold) for run in title.runs if run.text] == [
        ("Understanding of the role", True)]
    assert description.text == ("Understanding of independent scrutiny under Working "
                                "Together, and of the key questions in the brief.")
    assert not any(run.bold for run in description.runs)
    html = " ".join(example_outputs[f"{TENDER}.html"].read_text().split())
    assert ("<td><strong>Understanding of the role</strong><p>Understanding of independent "
            "scrutiny under Working Together, and of the key questions in the brief.</p></td>"
            "<td>Quality</td><td class=\"amount\">30%</td></tr>") in html


def test_a_total_with_fewer_entries_than_columns_spans_them(
        example_outputs: dict[str, Path]) -> None:
    """`total: [Total, "{{ total_weighting }}%"]` under three columns, and under four."""
    word = docx.Document(str(example_outputs[f"{TENDER}.docx"]))
    criteria, prices = _table(word, "Criterion"), _table(word, "Item")
    assert _cells(criteria.rows[-1]) == [("Total", 2), ("100%", 1)]
    assert _cells(prices.rows[-1]) == [("Total", 3), ("£12,000", 1)]
    assert all(run.bold for cell in prices.rows[-1].cells for run in cell.paragraphs[0].runs
               if run.text)
    html = " ".join(example_outputs[f"{TENDER}.html"].read_text().split())
    assert ('<tr class="total"><th scope="row" colspan="2">Total</th><td class="amount">100%'
            '</td></tr>') in html
    assert ('<tr class="total"><th scope="row" colspan="3">Total</th><td class="amount">£12,000'
            '</td></tr>') in html


def test_a_misspelt_key_in_a_cell_is_told_at_its_line(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Brief\nblocks:\n  - table: timetable.entries\n"
                                  "    each: entry\n    columns:\n      - header: Activity\n"
                                  "        cell: {text: entry.activity, otherwse: To come}\n"
                                  "        width: 60\n"
                                  "      - {cell: {lst: entry.date}, width: 30}\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    assert [(f.where.line, f.message, f.hint) for f in raised.value.findings] == [
        (7, "unknown key `otherwse`", "did you mean `otherwise`?"),
        (9, "`blocks[1].columns[2].cell`: a cell is words, or a group of keys with `text`, "
            "`link` or `list`", "")]


def test_a_total_with_more_entries_than_columns_is_told_at_its_line(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Brief\nblocks:\n  - table: timetable.entries\n"
                                  "    columns: [{header: Activity, cell: x, width: 100}]\n"
                                  "    total: [Total, '{{ timetable.period }}']\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    assert [(f.where.line, f.message, f.hint) for f in raised.value.findings] == [
        (5, "the total row has 2 entries for 1 columns", "give it one entry per column at most")]
