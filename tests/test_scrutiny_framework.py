"""Northumberland's independent scrutiny framework, reproduced from content, read back from
every format: the blended approach, the scrutineer role, the six key objectives with their
numbered descriptors as a real table, and the self-assessment tool."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import CONTENT, READERS, built, normalise

FRAMEWORK = CONTENT / "northumberland/scrutiny-framework.yaml"
OBJECTIVES = ["NCASP Leadership", "Engagement of Relevant Agencies",
              "Outcomes for Children and adults", "Quality assurance and information sharing",
              "Learning from local & national reviews and research",
              "Multi agency safeguarding training & workforce development"]
FACTS = [
    "Independent Scrutiny Framework",
    "Northumberland Children and Adults Safeguarding Partnership",
    "The role of Independent Scrutiny was initially introduced in statutory guidance¹",
    "It should act as a constructive critical friend, promote reflection to drive continuous "
    "improvement",
    "The LSPs should report on how they are responding to the findings of scrutiny.",
    "Northumberland's approach to independent scrutiny",
    "Independent Scrutineer: appointed April 2023 (see appendix 1)",
    "Safeguarding audits: Partners' safeguarding audits (s11/s175)",
    "Peer review: Regional peer review/challenge arrangements",
    "Scrutiny committees: Independent scrutiny through the local authority and Integrated Care "
    "Board scrutiny committees",
    "External inspections: External inspections and reviews",
    "The learning from this would then be reflected in our annual report.",
    "Broadly, the requirement is for between 30–40 days of work per annum and will involve:",
    "Scrutinise the outcome, decision making and rationale of Rapid Reviews.",
    "Collaborating and contributing to regional independent scrutiny developments and "
    "frameworks.",
    "Descriptor (summary statement of key activity)",
    "The quality of leadership provided by the three statutory partners",
    "Evaluate the use of training by children, young people and communities",
    "Each question in each of the six steps can be answered with:",
    "Green a positive affirmation that the statement can be confirmed with evidence",
    "Amber acknowledgement that some parts of the statement can be confirmed positively",
    "Red it is not possible to confirm that any part of the statement can be confirmed",
    "Any response (green, amber or red) will require an action",
    "DRAFT Working Together 2023 – Chapter 2 (paragraph 74-80)",
    *OBJECTIVES,
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(FRAMEWORK, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_framework_reads_back(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    assert [fact for fact in FACTS if normalise(fact) not in text] == []
    assert "<ol" not in text and "<input" not in text  # the seed's stray list markup is gone


def test_objectives_are_a_real_table_with_numbered_descriptors(outputs: dict[str, Path]
                                                               ) -> None:
    document = docx.Document(str(outputs["docx"]))
    table = next(t for t in document.tables if t.cell(0, 2).text.startswith("Descriptor"))
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert [(row[0], row[1]) for row in rows] == [(str(n), title) for n, title in
                                                   enumerate(OBJECTIVES, start=1)]
    cell = table.cell(2, 2)
    assert [p.style.name for p in cell.paragraphs] == ["List Number"] * 3
    numbering = {p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
                 for p in cell.paragraphs}
    first = {p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
             for p in table.cell(1, 2).paragraphs if p.style.name == "List Number"}
    assert len(numbering) == 1 and numbering != first  # each objective numbers from 1
    html = outputs["html"].read_text()
    assert html.count("<ol>") >= 6


def test_ratings_are_words_with_colour(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text()
    for word in ("Green", "Amber", "Red"):
        assert f'<span class="swatch" aria-hidden="true"></span>{word}</span>' in html
    document = docx.Document(str(outputs["docx"]))
    table = next(t for t in document.tables if t.cell(0, 0).text == "Rating")
    assert [table.cell(r, 0).text for r in (1, 2, 3)] == ["■ Green", "■ Amber", "■ Red"]
