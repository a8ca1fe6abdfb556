"""A yearly report as partnerships write them: priorities each with its progress and
figures, case studies, training, the budget with each partner's contribution and its total,
and where the report was presented."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import CONTENT, READERS, built, edited_copy, normalise

REPORT = CONTENT / "eastmoor/yearly-report-2024-25.yaml"
CASE_STUDIES = """\
case_studies:
  - title: Help that came sooner
    body: A family asked for help and had it within ten days.
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report")
    report = edited_copy(folder, REPORT, ("published: 2025-09-15\n",
                                          CASE_STUDIES + "published: 2025-09-15\n"))
    return built(report, folder / "out", formats=("docx", "pdf", "html"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_priorities_case_studies_training_and_presentation(outputs: dict[str, Path],
                                                           fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt])).replace(" |", "")
    assert ("It was presented to the Eastmoor Health and Wellbeing Board and the council's "
            "Children's Scrutiny Committee.") in text
    assert "Our priorities Neglect The Graded Care Profile 2 became the shared tool" in text
    assert ("Babies and under-fives The safer sleep campaign reached every maternity and "
            "health visiting team.") in text
    assert "Case studies Help that came sooner A family asked for help" in text
    assert "The partnership ran 18 multi-agency courses" in text
    assert "Graded Care Profile 2 700 640" in text
    assert "The budget paid for the business unit, multi-agency training" in text


def test_the_budget_is_a_table_with_its_total(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    budget = next(t for t in document.tables if t.cell(0, 0).text == "Partner")
    assert [[c.text for c in row.cells] for row in budget.rows] == [
        ["Partner", "Contribution"], ["Eastmoor County Council", "£210,000"],
        ["NHS Eastmoor Integrated Care Board", "£105,000"],
        ["Eastmoor Constabulary", "£70,000"], ["Total", "£385,000"]]
    figures = next(t for t in document.tables if t.cell(1, 0).text.startswith("Practitioners"))
    assert [c.text for c in figures.rows[2].cells] == ["Repeat referrals for neglect",
                                                       "22% to 17%"]
    html = outputs["html"].read_text()
    assert '<th scope="row">Eastmoor Constabulary</th><td class="amount">£70,000</td>' in html
