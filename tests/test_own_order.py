"""A report in its own order: `order:` names the kind's sections and the report's own, which
come first in that order; the rest follow as usual, own sections not named last. Appendices
stand after the sign-off. Read back from Word, the PDF and the web page."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from conftest import CONTENT, READERS, built, cli, edited_copy, normalise, write_layout
from sgdocs.errors import ContentError
from sgdocs.kinds.layout import read_layout
from sgdocs.kinds.yearly_report import YearlyReport
from sgdocs.read.order import order_issues
from yamledit import line_of

REPORT = CONTENT / "eastmoor/yearly-report-2024-25.yaml"
OWN = """\
order: [Looking ahead, summary, little_progress]
sections:
  - title: Glossary
    body: LSCP means local safeguarding children partnership.
  - title: Looking ahead
    body: Next year the partners will focus on neglect.
    meets: [yr_little_progress]
appendices:
  - title: Membership
    body: The board's members, by organisation.
published: 2025-09-15
"""
ORDER = ["Looking ahead", "Next year the partners will focus on neglect", "Summary",
         "Where we made little progress", "About this report", "Introduction",
         "How effective the arrangements have been", "Glossary",
         "Sign-off by the lead safeguarding partners", "Appendix 1: Membership",
         "The board's members, by organisation", "How this document meets Working Together"]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ordered")
    report = edited_copy(folder, REPORT, ("published: 2025-09-15\n", OWN))
    return built(report, folder / "out", formats=("docx", "pdf", "html"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_sections_stand_in_the_reports_order(outputs: dict[str, Path], fmt: str) -> None:
    text, at = normalise(READERS[fmt](outputs[fmt])), 0
    for words in ORDER:  # each after the one before (the PDF's contents list them too)
        at = text.find(words, at)
        assert at != -1, (fmt, words)
    assert text.count("Next year the partners will focus on neglect") == 2, fmt  # and quoted


def test_word_headings_follow_the_order(outputs: dict[str, Path]) -> None:
    word = docx.Document(str(outputs["docx"]))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["Looking ahead", "Summary", "Where we made little progress",
                            "About this report"]
    assert headings.index("Glossary") < headings.index(
        "Sign-off by the lead safeguarding partners") < headings.index(
        "Appendix 1: Membership")


def test_a_placed_section_is_still_linked_from_the_requirements_appendix(
        outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text()
    assert '<h2 id="section_2">Looking ahead</h2>' in html
    assert 'href="#section_2">Looking ahead</a>' in html


YEARLY = """kind: yearly-report
title: Area yearly report
document_control: {status: draft}
summary: A year of work.
order: [summary, Looking ahead]
sections:
  - title: Looking ahead
    body: More of the same.
  - title: Conclusion
    body: Done.
"""


@pytest.mark.parametrize(("old", "new", "message"), [
    ("order: [summary, Looking ahead]", "order: [sumary, Looking ahead]",
     "error: there is no section “sumary”\n  hint: did you mean `summary`?"),
    ("order: [summary, Looking ahead]", "order: [summary, looking  AHEAD, summary]",
     "error: “summary” is named twice\n  hint: name each section once"),
    ("title: Conclusion", "title: Looking ahead",
     "error: two of your own sections are called “Looking ahead”\n"
     "  hint: give each its own title"),
])
def test_a_bad_order_is_told_at_its_line(tmp_path: Path, old: str, new: str,
                                         message: str) -> None:
    (tmp_path / "partnership.yaml").write_text("name: Area Safeguarding Children Partnership\n")
    report = tmp_path / "report.yaml"
    report.write_text(YEARLY.replace(old, new))
    result = cli("check", str(report))
    assert result.exit_code == 1, result.output
    assert f"{report}:{line_of(report, 'order:')}: {message}" in result.output


def test_a_kind_in_one_order_refuses_an_order(tmp_path: Path) -> None:
    arrangements = edited_copy(tmp_path, CONTENT / "eastmoor/arrangements.yaml",
                               ("kind: arrangements\n", "kind: arrangements\norder: [x]\n"))
    result = cli("check", str(arrangements))
    assert result.exit_code == 1
    assert f"{arrangements}:3: error: unknown key `order`" in result.output
    report = YearlyReport.model_validate({**yaml.safe_load(YEARLY)})
    assert [issue.message for issue in order_issues((), report)] == [
        "this kind keeps its sections in one order"]  # its layout was made unordered


@pytest.mark.parametrize(("blocks", "line", "message"), [
    ("  - section: a\n    heading: A\n    blocks: [{text: a}]\n  - paragraph: Between\n"
     "  - section: b\n    heading: B\n    blocks: [{text: b}]\n", 2,
     "the sections a document may reorder must stand together"),
    ("  - section: a\n    heading: A\n    blocks: [{text: a}]\n  - statutory_ending\n", 7,
     "in an ordered layout the document's own sections stand among the others"),
])
def test_an_ordered_layout_is_checked_at_its_line(tmp_path: Path, blocks: str, line: int,
                                                  message: str) -> None:
    path = write_layout(tmp_path, f"title: Report\nordered: true\nblocks:\n{blocks}")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    assert [(f.where.line, f.message) for f in raised.value.findings] == [(line, message)]


EAST_SUSSEX = CONTENT / "east-sussex/yearly-report-2021-22.yaml"


@pytest.fixture(scope="module")
def east_sussex(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(EAST_SUSSEX, tmp_path_factory.mktemp("es") / "out",
                 formats=("docx", "pdf", "html"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_a_real_report_reads_in_its_own_order(east_sussex: dict[str, Path], fmt: str) -> None:
    """East Sussex's 2021/22 report: the chair's foreword first, the partners' assurance
    last; its priorities, of which it says nothing we saw, listed by title; its one review
    figure given, no other printed as 0."""
    text, at = normalise(READERS[fmt](east_sussex[fmt])), 0
    for words in ("Foreword by the Independent Chair", "third annual report", "What we did",
                  "About this report", "This report covers 1 April 2021 to 31 March 2022. "
                  "It was presented to the East Sussex Health and Wellbeing Board on 13 "
                  "December 2022 and the council's People Scrutiny Committee.",
                  "Our priorities", "Education safeguarding", "Child exploitation",
                  "Embedding a learning culture", "Safeguarding the under 5s",
                  "Serious incidents and reviews", "Assurance",
                  "mock joint targeted area inspection"):
        at = text.find(words, at)
        assert at != -1, (fmt, words)
    assert "Rapid reviews completed 8" in text  # (Word's tables are read after its text)
    assert "Serious incidents notified" not in text
    assert "How this document meets" not in text  # written under Working Together 2018
    assert "Illustrative example. Made from the published report's contents page" in text


def test_priorities_with_nothing_more_are_a_list(east_sussex: dict[str, Path]) -> None:
    word = docx.Document(str(east_sussex["docx"]))
    assert [p.text for p in word.paragraphs if p.style.name.startswith("List")][:4] == [
        "Education safeguarding", "Child exploitation", "Embedding a learning culture",
        "Safeguarding the under 5s"]
    assert "<h3>Child exploitation</h3>" not in east_sussex["html"].read_text()


def test_a_report_under_earlier_guidance_is_not_checked_against_the_new(tmp_path: Path) -> None:
    result = cli("check", str(EAST_SUSSEX))
    assert result.exit_code == 0, result.output
    line = line_of(EAST_SUSSEX, "written_under:")
    assert (f"{EAST_SUSSEX.name}:{line}: warning: not checked against Working Together 2023: "
            "it was written under Working Together 2018") in " ".join(result.output.split())
    assert "yr_effectiveness" not in result.output
    current = edited_copy(tmp_path, EAST_SUSSEX, ("written_under: Working Together 2018", ""))
    result = cli("check", str(current))
    assert result.exit_code == 1
    assert "yr_effectiveness (must, WT2023 ch. 2, Yearly report): `effectiveness` is " \
        "missing" in " ".join(result.output.split())
