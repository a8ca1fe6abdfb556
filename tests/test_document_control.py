"""Document control as real documents state it: a document may be published without saying
who approved it, and without a version or owner; what it does not say is left out of every
format, never printed as "Not set" or an empty column."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import BEXLEY, READERS, built, cli, edited_copy, normalise
from yamledit import line_of

CONTROL = """\
document_control:
  status: published
"""
APPROVED = """\
document_control:
  version: "1.0"
  status: final
  owner: Bexley Safeguarding Partnership operational team
  approved_by: The three safeguarding partners
  approved_on: 2018-06
"""
PUBLISHED = """\
document_control:
  status: published
  published_on: 2018-07-02
  history:
    - version: "1.0"
      date: 2018-06
      summary: Role outline agreed for partners to circulate to their respective networks.
      author: Partnership business manager
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Bexley's brief as published: a date, no approver, version or owner."""
    folder = tmp_path_factory.mktemp("published")
    brief = edited_copy(folder, BEXLEY / "role-brief.yaml", (CONTROL, PUBLISHED))
    return built(brief, folder / "out")


def _control_rows(path: Path) -> list[list[str]]:
    word = docx.Document(str(path))
    table = next(t for t in word.tables if t.cell(0, 0).text in ("Version", "Status"))
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_a_published_document_says_when_not_who(published: dict[str, Path]) -> None:
    assert _control_rows(published["docx"]) == [["Status", "Published"],
                                                ["Published on", "2 July 2018"]]
    html = published["html"].read_text()
    assert ('<tr><th scope="row">Status</th><td>Published</td></tr>\n      <tr><th scope="row">'
            "Published on</th><td>2 July 2018</td></tr>") in html
    for fmt in ("docx", "pdf", "html"):
        text = normalise(READERS[fmt](published[fmt]))
        assert "Bexley Safeguarding Partnership · 2 July 2018" in text, fmt
        for absent in ("Not set", "Not yet approved", "Approved by", "Version 1.0", "Owner",
                       "DRAFT", "· Draft"):
            assert absent not in text, (fmt, absent)


def test_the_change_history_says_who_only_when_a_change_does(
        published: dict[str, Path], example_outputs: dict[str, Path]) -> None:
    history = docx.Document(str(published["docx"])).tables[-1]
    assert [cell.text for cell in history.rows[1].cells] == [
        "1.0", "June 2018", "Role outline agreed for partners to circulate to their respective "
        "networks.", "Partnership business manager"]
    tender = "bexley/tender"  # its one change says nothing of who made it
    unsigned = docx.Document(str(example_outputs[f"{tender}.docx"])).tables[-1]
    assert [cell.text for cell in unsigned.rows[0].cells] == ["Version", "Date", "Change"]
    assert "–" not in [cell.text for cell in unsigned.rows[1].cells]
    assert '<th scope="col">By</th>' not in example_outputs[f"{tender}.html"].read_text()


def test_an_approved_document_keeps_its_approval(tmp_path: Path) -> None:
    brief = edited_copy(tmp_path, BEXLEY / "role-brief.yaml", (CONTROL, APPROVED))
    approved = built(brief, tmp_path / "out", formats=("docx", "pdf"))
    assert _control_rows(approved["docx"]) == [
        ["Version", "1.0"], ["Status", "Final"],
        ["Owner", "Bexley Safeguarding Partnership operational team"],
        ["Approved by", "The three safeguarding partners"], ["Approved on", "June 2018"]]
    assert "Review date" not in normalise(READERS["pdf"](approved["pdf"]))


def test_a_published_document_without_its_date_is_only_a_warning() -> None:
    """Bexley's brief, which gives no date."""
    brief = BEXLEY / "role-brief.yaml"
    result = cli("check", str(brief))
    assert result.exit_code == 0, result.output
    assert (f"role-brief.yaml:{line_of(brief, 'document_control:')}: warning: a published "
            "document usually says when it was published") in result.output


@pytest.mark.parametrize(("control", "line", "message"), [
    ("document_control:\n  status: publishd\n", 2,
     "`document_control.status` is \u201cpublishd\u201d, but must be one of 'draft', 'final' or "
     "'published'"),
    ("document_control:\n  status: final\n  approved_on: 2018-06\n", 1,
     "a final document needs `approved_by`"),
    ("document_control:\n  status: published\n  published_on: 2018-07\n"
     "  review_date: 2018-01\n", 4,
     "the review date (January 2018) is before the publication date (July 2018)"),
])
def test_what_a_status_needs_is_told_at_its_line(tmp_path: Path, control: str, line: int,
                                                 message: str) -> None:
    """`line` counts from `document_control:` (a missing field is told at the group)."""
    brief = edited_copy(tmp_path, BEXLEY / "role-brief.yaml", (CONTROL, control))
    result = cli("check", str(brief))
    assert result.exit_code == 1
    first = line_of(brief, "document_control:")
    assert f"{brief}:{first + line - 1}: error: {message}" in result.output


def test_joint_publishers_are_named_on_the_cover(example_outputs: dict[str, Path]) -> None:
    """The research briefing, published by TASP with the VKPP and a research centre."""
    publishers = ("The Association of Safeguarding Partners, the Vulnerability Knowledge and "
                  "Practice Programme and the Safer Young Lives Research Centre, University of "
                  "Bedfordshire")
    for fmt in ("docx", "pdf", "html"):
        text = normalise(READERS[fmt](example_outputs[f"tasp/scrutiny-research-briefing.{fmt}"]))
        assert f"{publishers} · Published 2022" in text, fmt


def test_document_control_is_never_split_across_pages_in_word(
        published: dict[str, Path]) -> None:
    """Every line of the table is kept with the next, so Word moves it, with its heading,
    to a page as a whole rather than leaving a row alone."""
    word = docx.Document(str(published["docx"]))
    table = next(t for t in word.tables if t.cell(0, 0).text == "Status")
    assert all(paragraph.paragraph_format.keep_with_next
               for row in table.rows for cell in row.cells for paragraph in cell.paragraphs)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_document_control_saying_no_more_than_the_title_line_is_left_out(
        example_outputs: dict[str, Path], fmt: str) -> None:
    """Liverpool's advert says only that it was published, in October 2023, which its title
    line says: a table and heading of its own would only carry that onto a page alone."""
    text = normalise(READERS[fmt](example_outputs[f"liverpool/chair-2023.{fmt}"]))
    assert "October 2023" in text
    assert "Document control" not in text and "Published on" not in text
