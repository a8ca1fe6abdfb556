"""Tables and sub-headings written in Markdown text fields become real tables and headings
in Word, the web page and the PDF; what the formats cannot show is refused at its line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from openxml_audit import OpenXmlValidator

from conftest import BEXLEY, built, cli, normalise, pdf_text
from yamledit import line_of

TABLE = """\
  ## Who is involved

  | Partner | **Lead** | Days a year |
  |:--------|:--------:|------------:|
  | Bexley Council | [Director of Children's Services](https://www.bexley.gov.uk/children) | 12 |
  | South East London ICB | Chief Nurse | 8 |
  | Metropolitan Police | *Borough Commander* | 6 |

  ### How the days are shared

  The days are agreed each year.

"""
INTRO = """\
key_questions:
  intro: |
    ### Asked every year

    The partners answer these.
"""
ROWS = [["Partner", "Lead", "Days a year"],
        ["Bexley Council", "Director of Children's Services", "12"],
        ["South East London ICB", "Chief Nurse", "8"],
        ["Metropolitan Police", "Borough Commander", "6"]]


def _with(folder: Path, background: str = "", intro: str = "", item: str = "") -> Path:
    """A copy of Bexley's role brief with `background` added to its background, `intro`
    as the key questions' intro and `item` as their first question."""
    shutil.copytree(BEXLEY, folder / "bexley")
    brief = folder / "bexley/role-brief.yaml"
    text = brief.read_text()
    text = text.replace("\nrole: >", "\n" + background + "role: >", 1)
    if intro:
        text = text.replace("key_questions:\n", intro, 1)
    if item:
        text = text.replace("key_questions:\n  items:\n",
                            f"key_questions:\n  items:\n    - \"{item}\"\n", 1)
    brief.write_text(text)
    return brief


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tables")
    return built(_with(folder, TABLE, INTRO), folder / "out")


def _table(outputs: dict[str, Path]) -> Table:
    document = docx.Document(str(outputs["docx"]))
    return next(table for table in document.tables
                if [cell.text for cell in table.rows[0].cells] == ROWS[0])


# Word


def test_word_table_is_a_native_table_in_the_house_style(outputs: dict[str, Path]) -> None:
    table = _table(outputs)
    assert [[cell.text for cell in row.cells] for row in table.rows] == ROWS
    assert table.style.name == "sgdocs Table"
    rows = [row._tr.trPr for row in table.rows]
    assert rows[0].find(qn("w:tblHeader")) is not None  # repeated on every page
    assert all(row.find(qn("w:tblHeader")) is None for row in rows[1:])
    assert all(row.find(qn("w:cantSplit")) is not None for row in rows)
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    assert (look.get(qn("w:firstRow")), look.get(qn("w:noHBand"))) == ("1", "1")
    following = table._tbl.getnext()
    assert following.tag == qn("w:p") and not following.findall(f".//{qn('w:t')}")


def test_word_cells_keep_emphasis_links_and_alignment(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    table = _table(outputs)
    aligned = [[(paragraph.alignment and paragraph.alignment.name) for cell in row.cells
                for paragraph in cell.paragraphs] for row in table.rows]
    assert aligned == [[None, "CENTER", "RIGHT"]] * 4
    assert [run.bold for run in table.cell(0, 1).paragraphs[0].runs] == [True]
    assert [run.italic for run in table.cell(3, 1).paragraphs[0].runs] == [True]
    links = table.cell(1, 1)._tc.findall(f"{qn('w:p')}/{qn('w:hyperlink')}")
    assert len(links) == 1
    assert "".join(t.text for t in links[0].iter(qn("w:t"))) == \
        "Director of Children's Services"
    target = document.part.rels[links[0].get(qn("r:id"))]
    assert target.is_external and target.target_ref == "https://www.bexley.gov.uk/children"


def test_word_columns_share_the_width_by_what_they_hold(outputs: dict[str, Path]) -> None:
    table = _table(outputs)
    for row in table.rows:
        widths = [cell._tc.tcPr.find(qn("w:tcW")) for cell in row.cells]
        assert {width.get(qn("w:type")) for width in widths} == {"pct"}
        shares = [int(width.get(qn("w:w"))) for width in widths]
        assert sum(shares) == 5000  # the whole width
        assert shares[1] > shares[0] > shares[2]  # the longest text gets the most room


def test_word_subheadings_sit_one_and_two_levels_under_their_section(
        outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[1:6] == [
        ("Heading 1", "2. Background"),
        ("Heading 2", "Who is involved"),
        ("Heading 3", "How the days are shared"),
        ("Heading 1", "3. The role of independent scrutiny"),
        ("Heading 2", "3.1 Key questions in terms of the scrutiny function"),
    ]
    assert headings[6] == ("Heading 3", "Asked every year")  # ### is the field's top level
    contents = next(document.element.body.iter(qn("w:sdtContent")))
    listed = ["".join(t.text for t in link.iter(qn("w:t")))
              for link in contents.iter(qn("w:hyperlink"))]
    assert "Who is involved" in listed  # a Heading 2, as Word's contents would list it
    assert "How the days are shared" not in listed


def test_word_file_is_valid(outputs: dict[str, Path]) -> None:
    assert OpenXmlValidator().validate(str(outputs["docx"])).errors == []


def test_a_table_in_a_layout_table_cell_fits_the_cell(tmp_path: Path) -> None:
    """A tender's award criteria are a table whose cells hold each criterion's description:
    a table there is a table in a cell, as wide as the cell, with a paragraph after it
    before the cell ends (as Word requires)."""
    shutil.copytree(BEXLEY, tmp_path / "bexley")
    tender = tmp_path / "bexley/tender.yaml"
    text = tender.read_text()
    old = "    description: >\n      Understanding of independent scrutiny under Working Together,"
    assert old in text
    tender.write_text(text.replace(old, "    description: |\n      | Answer | Score |\n"
                                   "      |---|--:|\n      | Clear and specific | 5 |\n\n"
                                   "      Understanding of independent scrutiny under Working "
                                   "Together,", 1))
    word = built(tender, tmp_path / "out", formats=("docx",))["docx"]
    assert OpenXmlValidator().validate(str(word)).errors == []
    nested = docx.Document(str(word)).element.body.xpath("//w:tc/w:tbl")
    assert len(nested) == 1
    rows = [["".join(t.text for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]
            for tr in nested[0].iter(qn("w:tr"))]
    assert rows == [["Answer", "Score"], ["Clear and specific", "5"]]
    assert nested[0].getnext().tag == qn("w:p")
    assert nested[0].tblPr.find(qn("w:tblW")).get(qn("w:type")) == "pct"


# The web page and the PDF


def test_html_table_has_scoped_column_headings_and_alignment(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text()
    assert ('<th style="text-align:left" scope="col">Partner</th>\n'
            '<th style="text-align:center" scope="col"><strong>Lead</strong></th>\n'
            '<th style="text-align:right" scope="col">Days a year</th>') in html
    assert ('<td style="text-align:center"><a href="https://www.bexley.gov.uk/children">'
            "Director of Children's Services</a></td>") in html
    assert '<td style="text-align:center"><em>Borough Commander</em></td>' in html
    assert "|" not in re.sub(r"<[^>]+>", "", html.split("<main")[1])


def test_html_subheadings_take_the_level_under_their_section(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text()
    headings = re.findall(r"<(h[1-6])[^>]*>([^<]*)</\1>", html)
    at = headings.index(("h2", "2. Background"))
    assert headings[at:at + 3] == [("h2", "2. Background"), ("h3", "Who is involved"),
                                   ("h4", "How the days are shared")]
    at = headings.index(("h3", "3.1 Key questions in terms of the scrutiny function"))
    assert headings[at + 1] == ("h4", "Asked every year")
    assert '<h3 id="subheading-1">Who is involved</h3>' in html
    assert "data-subheading" not in html


def test_pdf_shows_the_table_row_by_row(outputs: dict[str, Path]) -> None:
    text = normalise(pdf_text(outputs["pdf"]))
    rows = [" ".join(row) for row in ROWS]
    places = [text.find(row) for row in rows]
    assert -1 not in places, text
    assert places == sorted(places)
    assert text.index("Who is involved") < places[0]
    assert text.index("How the days are shared") > places[-1]


# What cannot be shown


REFUSED = [
    ("in a list", "  - Partners:\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n\n",
     "| a | b |", "a table inside a list or quote is not allowed here (\u201c| a | b |\u201d)",
     "outside the list or quote"),
    ("too wide", "  |1|2|3|4|5|6|7|8|9|\n  |-|-|-|-|-|-|-|-|-|\n\n", "|1|2|3|4|5|6|7|8|9|",
     "a table of 9 columns is not allowed here", "a page has room for 8 columns"),
    ("a cell too many", "  | a | b |\n  |---|---|\n  | 1 | 2 | 3 |\n\n", "| 1 | 2 | 3 |",
     "a table row with more cells than the table has columns is not allowed here",
     "give each row one cell for each heading"),
    ("no column heading", "  |  | Days |\n  |---|---|\n  | Bexley | 2 |\n\n", "|  | Days |",
     "a table with an empty column heading is not allowed here",
     "give every column a heading"),
    ("a line break", "  | a | b |\n  |---|---|\n  | one<br>two | 2 |\n\n", "one<br>two",
     "a line break (`<br>`) in a table cell is not allowed here",
     "a cell holds one line of text"),
    ("an image", "  | a | b |\n  |---|---|\n  | ![logo](logo.png) | 2 |\n\n", "![logo]",
     "an image is not allowed here", "images are not yet supported"),
    ("not quite a table", "  | a | b | c |\n  |---|---|\n  | 1 | 2 | 3 |\n\n", "| a | b | c |",
     "lines starting with a pipe look like a table, but are not one",
     "a line with one `---` for each column"),
    ("too deep", "  # One\n\n  ## Two\n\n  ### Three\n\n", "### Three",
     "a heading 3 levels down is not allowed here (\u201c### Three\u201d)",
     "a text field's headings go 2 levels down under its section"),
    ("skipping a level", "  ## First\n\n  # Second\n\n", "## First",
     "a heading level is skipped (\u201c## First\u201d)", "at most one # more"),
    ("in a quote", "  > ## Said\n\n", "> ## Said",
     "a heading inside a list or quote is not allowed here", "outside the list or quote"),
]


@pytest.mark.parametrize(("text", "written", "message", "hint"),
                         [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_what_cannot_be_shown_is_refused_at_its_line(tmp_path: Path, text: str, written: str,
                                                     message: str, hint: str) -> None:
    brief = _with(tmp_path, text)
    result = cli("check", str(brief))
    assert result.exit_code == 1, result.output
    assert f"role-brief.yaml:{line_of(brief, written)}: error: `background`: {message}" \
        in result.output
    assert hint in result.output
    built_now = cli("build", str(brief), "--out", str(tmp_path / "out"))
    assert built_now.exit_code == 1
    assert not [path for path in (tmp_path / "out").rglob("*") if path.is_file()]


def test_a_table_in_a_folded_field_is_told_how_to_keep_its_lines(tmp_path: Path) -> None:
    """YAML runs the lines of a `>` field together: the table's rows become one line."""
    brief = _with(tmp_path)
    text = brief.read_text()
    start, end = text.index("purpose: >"), text.index("background: |")
    brief.write_text(text[:start] + "purpose: >\n  Our partners:\n\n  | Partner | Lead |\n"
                     "  |---|---|\n  | Bexley Council | Director |\n\n" + text[end:])
    result = cli("check", str(brief))
    assert result.exit_code == 1, result.output
    assert (f"role-brief.yaml:{line_of(brief, '| Partner | Lead |')}: error: `purpose`: lines "
            "starting with a pipe look like a table, but are not one") in result.output
    assert "(start the field with `|`, not `>`)" in result.output


@pytest.mark.parametrize(("item", "message"), [
    ("# Not a heading", "a heading is not allowed here (\u201c# Not a heading\u201d)"),
    ("| Not | a table |", "a table is not allowed here (\u201c| Not | a table |\u201d)"),
])
def test_one_line_fields_take_no_tables_or_headings(tmp_path: Path, item: str,
                                                    message: str) -> None:
    brief = _with(tmp_path, item=item)
    result = cli("check", str(brief))
    assert result.exit_code == 1, result.output
    assert (f"role-brief.yaml:{line_of(brief, item)}: error: `key_questions.items[1]`: "
            f"{message}") in result.output
    assert "this field holds one line" in result.output
