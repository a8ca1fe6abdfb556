"""Role briefs as partnerships publish them (Liverpool's chair with no day rate, South
Tyneside's three-year scrutineer at rates that include expenses, Knowsley's voluntary lay
members): each reads as its source does in Word, the PDF and on the web page, with its
sections numbered as they are shown and the wording following the post and the pay."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import BEXLEY, READERS, built, cli, edited_copy, normalise
from yamledit import line_of

CHAIR = "liverpool/chair-2023"
SCRUTINEER = "south-tyneside/scrutineer"
LAY_MEMBER = "knowsley/lay-member"


def _facts(path: Path) -> list[list[str]]:
    """The rows of the brief's days-and-cost table in Word."""
    table = next(t for t in docx.Document(str(path)).tables
                 if t.cell(0, 0).text in ("Number of days anticipated", "Cost", "Posts"))
    return [[cell.text for cell in row.cells] for row in table.rows]


def _headings(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs
            if p.style.name.startswith("Heading")]


def test_a_chair_with_no_day_rate(example_outputs: dict[str, Path]) -> None:
    assert _facts(example_outputs[f"{CHAIR}.docx"]) == [
        ["Number of days anticipated", "40-50 days per year"],
        ["Contract term", "Up to 4 years"],
        ["Cost shared by", "Liverpool City Council; Merseyside Police; the NHS"]]
    assert _headings(example_outputs[f"{CHAIR}.docx"])[:5] == [
        "1. Purpose", "2. Background", "3. The role of the independent chair",
        "4. Time commitment", "5. How to apply"]
    for fmt in ("docx", "pdf", "html"):
        text = normalise(READERS[fmt](example_outputs[f"{CHAIR}.{fmt}"]))
        assert "3. The role of the independent chair" in text, fmt
        assert "Up to 4 years" in text and "40-50 days per year" in text, fmt
        for absent in ("Maximum annual fee", "independent scrutiny", "£"):
            assert absent not in text, (fmt, absent)


def test_rates_that_include_expenses_over_a_fixed_term(example_outputs: dict[str, Path]
                                                      ) -> None:
    assert _facts(example_outputs[f"{SCRUTINEER}.docx"]) == [
        ["Number of days anticipated", "Approx. 20 days per financial year"],
        ["Cost", "£500 per day, £250 per half-day, including expenses"],
        ["Contract term", "3 years"]]
    html = example_outputs[f"{SCRUTINEER}.html"].read_text()
    assert ('<tr><th scope="row">Cost</th><td>£500 per day, £250 per half-day, including '
            "expenses</td></tr>") in html
    pdf = normalise(READERS["pdf"](example_outputs[f"{SCRUTINEER}.pdf"]))
    assert "Approx. 20 days per financial year" in pdf
    assert "Maximum annual fee" not in pdf, "an approximate figure sets no maximum"


def test_an_unpaid_role_with_two_posts(example_outputs: dict[str, Path]) -> None:
    assert _facts(example_outputs[f"{LAY_MEMBER}.docx"]) == [
        ["Number of days anticipated", "10 half-days a year"], ["Posts", "2"],
        ["Pay", "Unpaid (voluntary)"]]
    headings = _headings(example_outputs[f"{LAY_MEMBER}.docx"])
    assert headings[:4] == ["1. Purpose", "2. The role of lay members",
                            "2.1 Summary of key responsibilities",
                            "3. Qualifications and experience"]
    assert "4. Time commitment" in headings
    html = example_outputs[f"{LAY_MEMBER}.html"].read_text()
    assert '<h2 id="days_and_cost">4. Time commitment</h2>' in html


def test_bexleys_brief_keeps_its_numbers_and_its_maximum(
        example_outputs: dict[str, Path]) -> None:
    assert _facts(example_outputs["bexley/role-brief.docx"]) == [
        ["Number of days anticipated", "Up to 15 days per year"],
        ["Cost", "Up to £800 per day plus travel, accommodation and subsistence"],
        ["Maximum annual fee", "£12,000 (15 days at £800), plus expenses"]]
    assert _headings(example_outputs["bexley/role-brief.docx"])[:9] == [
        "1. Purpose", "2. Background", "3. The role of independent scrutiny",
        "3.1 Key questions in terms of the scrutiny function",
        "3.2 Summary of key responsibilities", "4. Qualifications and experience",
        "5. Timetable for 2018-19 work", "6. Number of days, cost",
        "7. Timeline for procurement"]


def test_a_yearly_fee_over_a_term_gives_the_total(tmp_path: Path) -> None:
    brief = edited_copy(tmp_path, BEXLEY / "role-brief.yaml", (
        "  day_rate: up to £800\n",
        "  annual_fee: £12,000\n  term: {years: 3, starts: 2025-04, extension: a further "
        "year}\n  shared_by:\n    - {who: Bexley Council, share: half}\n"
        "    - {who: the police and health, share: a quarter each}\n"))
    outputs = built(brief, tmp_path / "out", formats=("docx",))
    assert _facts(outputs["docx"]) == [
        ["Number of days anticipated", "Up to 15 days per year"],
        ["Cost", "£12,000 a year plus travel, accommodation and subsistence"],
        ["Contract term", "3 years from April 2025, and may be extended by a further year"],
        ["Most over the term", "£36,000 (3 years at £12,000), plus expenses"],
        ["Cost shared by", "Bexley Council (half); the police and health (a quarter each)"]]


@pytest.mark.parametrize(("old", "new", "at", "message"), [
    ("  expenses: on top\n", "  unpaid: voluntary\n", "day_rate:",
     "an unpaid role has no day rate"),
    ("  expenses: on top\n", "  expenses: included\n", "expenses_cover:",
     "`expenses_cover` says what expenses paid on top cover"),
])
def test_pay_that_contradicts_itself_is_told_at_its_line(
        tmp_path: Path, old: str, new: str, at: str, message: str) -> None:
    brief = edited_copy(tmp_path, BEXLEY / "role-brief.yaml", (old, new))
    result = cli("check", str(brief))
    assert result.exit_code == 1
    assert f"{brief}:{line_of(brief, at)}: error: {message}" in result.output


def test_a_post_sgdocs_does_not_know_is_told_with_the_ones_it_does(tmp_path: Path) -> None:
    brief = edited_copy(tmp_path, BEXLEY / "role-brief.yaml",
                        ("kind: role-brief\n", "kind: role-brief\npost: chairperson\n"))
    result = cli("check", str(brief))
    assert result.exit_code == 1
    assert (f"{brief}:{line_of(brief, 'post:')}: error: `post` is \u201cchairperson\u201d, but "
            "must be one of 'independent-scrutineer', 'independent-chair', "
            "'chair-and-scrutineer', 'lay-member', 'reviewer' or 'panel'") in result.output
