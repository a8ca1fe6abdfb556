"""A yearly report as partnerships write them: priorities each with its progress and
figures, case studies, training, the budget with each partner's contribution and its total,
and where the report was presented."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import CONTENT, READERS, built, edited_copy, normalise

REPORT = CONTENT / "eastmoor/yearly-report-2024-25.yaml"
PARTS = """\
priorities:
  - title: Neglect
    progress: The Graded Care Profile 2 became the shared tool for neglect.
    figures:
      - {label: Practitioners trained in the Graded Care Profile 2, value: "640"}
      - {label: Families assessed with it, value: "8 in 10"}
  - title: Babies and under-fives
    progress: A safer sleep campaign reached every maternity unit.
case_studies:
  - title: Help that came sooner
    body: A family asked for help and had it within ten days.
training: |
  | Course | Places | Attended |
  |---|---|---|
  | Neglect | 700 | 640 |
budget:
  contributions:
    - {partner: Eastmoor County Council, amount: 120000}
    - {partner: Eastmoor Constabulary, amount: 45000.50}
    - {partner: NHS Eastmoor Integrated Care Board, amount: 60000}
  notes: The budget paid for the business unit, training and independent scrutiny.
presented_to:
  - the Eastmoor Health and Wellbeing Board
  - the council's Children's Scrutiny Committee
published: 2025-09-15
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report")
    report = edited_copy(folder, REPORT, ("published: 2025-09-15\n", PARTS))
    return built(report, folder / "out", formats=("docx", "pdf", "html"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_priorities_case_studies_training_and_presentation(outputs: dict[str, Path],
                                                           fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt])).replace(" |", "")
    assert ("It was presented to the Eastmoor Health and Wellbeing Board and the council's "
            "Children's Scrutiny Committee.") in text
    assert "Our priorities Neglect The Graded Care Profile 2 became the shared tool" in text
    assert "Babies and under-fives A safer sleep campaign reached every maternity unit." in text
    assert "Case studies Help that came sooner A family asked for help" in text
    assert "Training" in text and "Neglect 700 640" in text
    assert "The budget paid for the business unit, training and independent scrutiny." in text


def test_the_budget_is_a_table_with_its_total(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    budget = next(t for t in document.tables if t.cell(0, 0).text == "Partner")
    assert [[c.text for c in row.cells] for row in budget.rows] == [
        ["Partner", "Contribution"], ["Eastmoor County Council", "£120,000"],
        ["Eastmoor Constabulary", "£45,000.50"],
        ["NHS Eastmoor Integrated Care Board", "£60,000"], ["Total", "£225,000.50"]]
    figures = next(t for t in document.tables if t.cell(1, 0).text.startswith("Practitioners"))
    assert [c.text for c in figures.rows[2].cells] == ["Families assessed with it", "8 in 10"]
    html = outputs["html"].read_text()
    assert '<th scope="row">Eastmoor Constabulary</th><td class="amount">£45,000.50</td>' in html
