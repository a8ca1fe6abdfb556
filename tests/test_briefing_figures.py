"""A findings briefing as real research briefings are: figures as counts of a base, as
percentages the source states or as bare counts; a chart only of figures with a percentage,
its caption naming what they are of; credits, publishers and the publication date on the
title; the caveat always printed. Bad figures are told at their line."""

from __future__ import annotations

from pathlib import Path

import docx as python_docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import READERS, built, cli, normalise
from yamledit import line_of

AUDIT = """\
kind: findings-briefing
title: Safety plans in child protection cases
published_with: [the University of Eastmoor]
document_control:
  status: published
  published_on: 2022-03-12
credits:
  - {role: Research, name: University of Bedfordshire}
  - {role: Written by, name: Jo Bloggs and Sam Smith}
caveat: The audit looked at plans, not at what happened to the children.
percentages_of: the documents audited
findings:
  - title: What the plans said
    figures:
      - {count: 67, base: 100, of: plans, statement: named a lead professional, label: Lead named}
      - {percent: 12.5, of: of these, statement: named two, label: Two leads named}
      - {count: 31, statement: were out of date}
"""
QUESTIONS = """\
kind: findings-briefing
title: What partners told us
document_control: {status: draft}
respondents: 40
findings:
  - title: What partners said
    body: Partners described their scrutiny in their own words.
    points: [Leadership, Learning from reviews]
"""


def write(folder: Path, text: str) -> Path:
    """A briefing holding `text`, under a partnership.yaml of its own."""
    (folder / "partnership.yaml").write_text("name: Example Research Network\n")
    path = folder / "briefing.yaml"
    path.write_text(text)
    return path


def texts(outputs: dict[str, Path]) -> dict[str, str]:
    return {fmt: normalise(READERS[fmt](outputs[fmt])) for fmt in ("docx", "pdf", "html")}


def pdf_alt_texts(path: Path) -> list[str]:
    """The text alternatives in a PDF's structure tree (a chart's is on its Figure)."""
    found: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object()  # type: ignore[attr-defined]
        if isinstance(node, dict):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(PdfReader(str(path)).trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    file = write(tmp_path_factory.mktemp("audit"), AUDIT)
    return built(file, tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="module")
def questions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    file = write(tmp_path_factory.mktemp("questions"), QUESTIONS)
    return built(file, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_the_title_line_names_publishers_date_and_credits(audit: dict[str, Path],
                                                          fmt: str) -> None:
    text = texts(audit)[fmt]
    assert ("Example Research Network and the University of Eastmoor · Published 12 March "
            "2022") in text
    assert "Research: University of Bedfordshire" in text
    assert "Written by: Jo Bloggs and Sam Smith" in text


def test_credits_stand_under_the_title_in_word(audit: dict[str, Path]) -> None:
    paragraphs = [p for p in python_docx.Document(str(audit["docx"])).paragraphs if p.text]
    title, subtitle, research, writers = paragraphs[:4]
    assert [title.style.name, subtitle.style.name] == ["Title", "Subtitle"]
    assert [research.text, writers.text] == ["Research: University of Bedfordshire",
                                             "Written by: Jo Bloggs and Sam Smith"]
    assert [(run.text, bool(run.bold)) for run in research.runs if run.text] == [
        ("Research:", True), (" University of Bedfordshire", False)]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_stated_and_counted_percentages_print_as_written(audit: dict[str, Path],
                                                         fmt: str) -> None:
    text = texts(audit)[fmt]
    for figure in ("67 of 100 plans (67%) named a lead professional",
                   "12.5% of these named two", "31 were out of date",
                   "Headline figures as percentages of the documents audited. The figures "
                   "are also given in the text.",
                   "The audit looked at plans, not at what happened to the children."):
        assert figure in text, figure
    assert "31 of" not in text and "those who answered" not in text


def test_the_chart_holds_stated_and_counted_percentages(audit: dict[str, Path]) -> None:
    alt = ("Bar chart, headline figures as percentages of the documents audited. Lead named: "
           "67%; Two leads named: 12.5%.")
    assert f'alt="{alt}"' in audit["html"].read_text()
    document = python_docx.Document(str(audit["docx"]))
    assert [p.get("descr") for p in document.element.body.iter(qn("wp:docPr"))] == [alt]
    assert pdf_alt_texts(audit["pdf"]) == [alt]


def test_no_percentages_draw_no_chart(questions: dict[str, Path]) -> None:
    html = questions["html"].read_text()
    assert "<img" not in html and "<figure" not in html
    document = python_docx.Document(str(questions["docx"]))
    assert list(document.element.body.iter(qn("wp:docPr"))) == []
    assert len(document.inline_shapes) == 0
    assert pdf_alt_texts(questions["pdf"]) == []
    for fmt, text in texts(questions).items():
        assert "Headline figures" not in text, fmt
        assert "Partners described their scrutiny in their own words." in text, fmt


def test_a_caveat_is_printed_without_a_count_of_respondents(audit: dict[str, Path]) -> None:
    html = audit["html"].read_text()
    assert ('<p class="headline">The audit looked at plans, not at what happened to the '
            "children.</p>") in html
    headline = next(p for p in python_docx.Document(str(audit["docx"])).paragraphs
                    if p.text.startswith("The audit looked"))
    assert headline.style.name == "Intense Quote"


def test_respondents_are_printed_without_a_caveat(questions: dict[str, Path]) -> None:
    for fmt, text in texts(questions).items():
        assert "40 respondents." in text, fmt


def test_a_caption_without_its_base_claims_none(tmp_path: Path) -> None:
    file = write(tmp_path, AUDIT.replace("percentages_of: the documents audited\n", ""))
    outputs = built(file, tmp_path / "out", formats=("html",))
    text = normalise(READERS["html"](outputs["html"]))
    assert "Headline figures as percentages. The figures are also given in the text." in text


def test_a_draft_briefing_is_marked_on_its_title_line(questions: dict[str, Path]) -> None:
    subtitle = next(p for p in python_docx.Document(str(questions["docx"])).paragraphs
                    if p.style.name == "Subtitle")
    assert normalise(subtitle.text) == "Example Research Network · DRAFT"


FIGURE = ("      - {count: 67, base: 100, of: plans, statement: named a lead professional, "
          "label: Lead named}")


@pytest.mark.parametrize(("figure", "message"), [
    ("      - {percent: 120, statement: said so}",
     "error: `findings[1].figures[1].percent`: \u201c120\u201d is not a percentage from 0 to "
     "100\n  hint: write the percentage the source states: a share of a whole is never over "
     "100%"),
    ("      - {percent: -5, statement: said so}",
     "error: `findings[1].figures[1].percent`: \u201c-5\u201d is not a percentage from 0 to 100"),
    ("      - {percent: ninety, statement: said so}",
     "error: `findings[1].figures[1].percent`: \u201cninety\u201d is not a percentage\n"
     "  hint: write the number the source gives, e.g. 90 for \u201c90%\u201d"),
    ("      - {count: 107, base: 100, statement: said so}",
     "error: 107 is more than its base of 100\n"
     "  hint: the count is part of the base: check both figures"),
    ("      - {of: plans, statement: said so}",
     "error: a figure needs a `count` or a `percent`\n"
     "  hint: write the number as the source gives it: `count: 16`, with `base: 76` if it "
     "says \u201cof 76\u201d, or `percent: 90` for \u201c90%\u201d"),
    ("      - {base: 100, percent: 20, statement: said so}",
     "error: a `base` needs the `count` it is the base of\n"
     "  hint: add the count, or leave out the base"),
    ("      - {count: 20, base: 100, percent: 20, statement: said so}",
     "error: give a figure's `base` or its `percent`, not both\n"
     "  hint: the percentage of a count and its base is worked out: leave out `percent`"),
    ("      - {count: 16, statement: said so, label: Sixteen}",
     "error: the chart shows percentages, and 16 has none\n"
     "  hint: give the `base` the count is out of, or the `percent` the source states, or "
     "leave out `label`"),
])
def test_a_bad_figure_is_told_at_its_line(tmp_path: Path, figure: str, message: str) -> None:
    file = write(tmp_path, AUDIT.replace(FIGURE, figure))
    result = cli("check", str(file))
    assert result.exit_code == 1, result.output
    assert f"{file}:{line_of(file, figure.strip())}: {message}" in result.output
    assert "Traceback" not in result.output


def test_a_percentage_may_be_written_with_its_sign(tmp_path: Path) -> None:
    file = write(tmp_path, AUDIT.replace("{percent: 12.5,", '{percent: "12.5%",'))
    outputs = built(file, tmp_path / "out", formats=("html",))
    assert "12.5% of these named two" in normalise(READERS["html"](outputs["html"]))


def test_a_finding_with_nothing_under_its_title(tmp_path: Path) -> None:
    file = write(tmp_path, QUESTIONS + "  - title: Still to come\n")
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert (f"{file}:{line_of(file, 'Still to come')}: error: the finding \u201cStill to "
            "come\u201d has nothing under its title\n"
            "  hint: give it a `body`, `figures` or `points`, or remove it") in result.output
