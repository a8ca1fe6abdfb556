"""The marks a layout's wording may hold, read the same way in Word and on the web page:
`**bold**`, `[words](address)` links (real links in Word, with the address behind the
words), details on one line between ` · `, a label before a tab; and the headline paragraph
that sets a figure apart. Marks are looked for only in the words around the Jinja."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from conftest import CONTENT, built, cli, normalise
from yamledit import line_of

BRIEFING = "tasp/scrutiny-research-briefing"
NEWSLETTER = "tasp/newsletter-autumn-2023"
LETTER = "tasp/agm-invitation"
CLARIFICATIONS = "bexley/tender-clarifications"
WEBSITE = "https://example.org/westvale-safeguarding"
MARKED = """\
title: Chair role description
blocks:
  - paragraph: >-
      **Days:** {{ (commitment | length) ** 2 }} of {{ commitment[0].detail }}
      [the partnership](https://example.org/{{ partnership.short_name }}) and
      [{{ partnership.short_name }}]({{ partnership.website }}); see [why](#purpose).
  - paragraph: "**[Apply]({{ partnership.website }})** by {{ closing_date }}."
  - section: purpose
    heading: Why the partnership has an independent chair
    blocks:
      - text: purpose
  - table: commitment
    each: row
    columns:
      - {header: What, cell: "[{{ row.what }}]({{ partnership.website }})", width: 60}
      - {header: Detail, cell: "{{ row.detail }} · {{ partnership.short_name }}", width: 110}
"""
"""Westvale's chair role description (a kind of the partnership's own, so its layout is
made into templates as it is built) laid out with marks in its wording."""


def _westvale(folder: Path, layout: str) -> Path:
    """A copy of Westvale's content whose chair role kind is laid out by `layout`."""
    shutil.copytree(CONTENT / "westvale", folder / "westvale")
    (folder / "westvale/kinds/chair-role/layout.yaml").write_text(layout)
    return folder / "westvale"


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("marked")
    return built(_westvale(folder, MARKED) / "chair-role-2025.yaml", folder / "out")


def _links(paragraph: Paragraph) -> list[tuple[str, str, str]]:
    """Each link in the paragraph: its words, its address, and the bookmark it goes to."""
    return [(link.text, link.address, link.fragment) for link in paragraph.hyperlinks]


def _uris(pdf: Path) -> list[str]:
    return [str(annotation.get_object()["/A"]["/URI"]) for page in PdfReader(pdf).pages
            for annotation in page.get("/Annots", [])
            if "/URI" in annotation.get_object().get("/A", {})]


def test_bold_and_links_are_read_around_the_fields_a_line_names(
        marked: dict[str, Path]) -> None:
    """`**` and `[0]` inside the Jinja are Jinja's; the marks around it are bold and links,
    with fields in a link's words and address; `#name` links to a heading."""
    word = docx.Document(str(marked["docx"]))
    line = word.paragraphs[1]  # after the notice that Westvale is made up
    assert line.text == "Days: 9 of Up to 3 the partnership and Westvale; see why."
    assert [run.text for run in line.runs if run.bold] == ["Days:"]
    assert _links(line) == [("the partnership", "https://example.org/Westvale", ""),
                            ("Westvale", WEBSITE, ""), ("why", "", "purpose")]
    bookmarks = {mark.get(qn("w:name")) for mark in word.element.body.iter(qn("w:bookmarkStart"))}
    assert "purpose" in bookmarks
    html = marked["html"].read_text()
    assert ('<p><strong>Days:</strong> 9 of Up to 3 <a href="https://example.org/Westvale">the '
            f'partnership</a> and <a href="{WEBSITE}">Westvale</a>; see <a href="#purpose">why'
            "</a>.</p>") in html
    assert '<h2 id="purpose">Why the partnership has an independent chair</h2>' in html
    assert {"https://example.org/Westvale", WEBSITE} <= set(_uris(marked["pdf"]))


def test_links_and_details_on_one_line_in_a_tables_cells(marked: dict[str, Path]) -> None:
    table = docx.Document(str(marked["docx"])).tables[0]
    assert [_links(row.cells[0].paragraphs[0]) for row in table.rows[1:]] == [
        [("Days a month", WEBSITE, "")], [("Term", WEBSITE, "")], [("Meetings", WEBSITE, "")]]
    assert [row.cells[1].text for row in table.rows] == [
        "Detail", "Up to 3  ·  Westvale", "Two years, renewable once  ·  Westvale",
        "Six executive meetings a year, in person or online  ·  Westvale"]
    html = marked["html"].read_text()
    assert (f'<tr><td><a href="{WEBSITE}">Term</a></td><td>Two years, renewable once <span '
            'class="sep" aria-hidden="true">·</span> Westvale</td></tr>') in html


def test_a_link_in_bold_is_bold_in_word_too(marked: dict[str, Path]) -> None:
    html = marked["html"].read_text()
    assert f'<p><strong><a href="{WEBSITE}">Apply</a></strong> by 14 March 2025.</p>' in html
    line = docx.Document(str(marked["docx"])).paragraphs[2]
    assert line.text == "Apply by 14 March 2025."
    [link] = line.hyperlinks
    assert (link.text, link.address) == ("Apply", WEBSITE)
    assert [run.bold for run in link.runs] == [True]


def test_a_link_whose_words_are_rich_text_is_told_at_its_line(tmp_path: Path) -> None:
    """`apply` is a line of rich text (with a link of its own): a link's words cannot be."""
    folder = _westvale(tmp_path, MARKED.replace("see [why](#purpose)",
                                                "[{{ apply }}](#purpose)"))
    content, layout = folder / "chair-role-2025.yaml", folder / "kinds/chair-role/layout.yaml"
    checked = cli("check", str(content))
    assert checked.exit_code == 1
    assert (f"{layout}:{line_of(layout, '- paragraph: >-')}: error: `apply` is not plain words, "
            "so it cannot be in a link's words or address") in normalise(checked.output)


def test_links_a_layout_writes_are_links_in_every_format(
        example_outputs: dict[str, Path]) -> None:
    """The clarifications log's `[{{ contact.email }}](mailto:{{ contact.email }})`."""
    word = docx.Document(str(example_outputs[f"{CLARIFICATIONS}.docx"]))
    asked = next(p for p in word.paragraphs if p.text.startswith("Questions to "))
    assert asked.text == ("Questions to Safeguarding partnership procurement team, "
                          "procurement@example.org.")
    assert _links(asked) == [("procurement@example.org", "mailto:procurement@example.org", "")]
    assert ('Questions to Safeguarding partnership procurement team, <a href="mailto:'
            'procurement@example.org">procurement@example.org</a>.</p>'
            ) in example_outputs[f"{CLARIFICATIONS}.html"].read_text()
    assert "mailto:procurement@example.org" in _uris(example_outputs[f"{CLARIFICATIONS}.pdf"])
    facts = docx.Document(str(example_outputs["bexley/tender.docx"])).tables[0]
    contact = next(row.cells[1] for row in facts.rows if row.cells[0].text == "Contact")
    assert contact.text == "Safeguarding partnership procurement team, procurement@example.org"
    assert _links(contact.paragraphs[0]) == [
        ("procurement@example.org", "mailto:procurement@example.org", "")]


def test_bold_and_links_in_the_briefings_lists(example_outputs: dict[str, Path]) -> None:
    address = "https://theasp.org.uk/independentscrutiny"
    html = example_outputs[f"{BRIEFING}.html"].read_text()
    assert ("<li><strong>67 of 100 LSCPs (67%)</strong> reported employing Independent "
            "Scrutineers</li>") in html
    assert f'approached. (<a href="{address}">{address}</a>)</li>' in html
    word = docx.Document(str(example_outputs[f"{BRIEFING}.docx"]))
    figure = next(p for p in word.paragraphs if p.text.startswith("67 of 100"))
    assert figure.text == "67 of 100 LSCPs (67%) reported employing Independent Scrutineers"
    assert [(run.text, bool(run.bold)) for run in figure.runs if run.text] == [
        ("67 of 100 LSCPs (67%)", True), (" ", False),
        ("reported employing Independent Scrutineers", False)]
    output = next(p for p in word.paragraphs if p.text.startswith("Reports sharing"))
    assert output.style.name == "List Bullet"
    assert output.text.endswith(f"being approached. ({address})")
    assert _links(output) == [(address, address, "")]


def test_a_headline_paragraph_stands_out(example_outputs: dict[str, Path]) -> None:
    html = example_outputs[f"{BRIEFING}.html"].read_text()
    assert ('<p class="headline"><strong>105</strong> Local Safeguarding Children Partnerships '
            "(LSCPs) contributed. Data is self-reported &amp; has not been") in html
    word = docx.Document(str(example_outputs[f"{BRIEFING}.docx"]))
    headline = next(p for p in word.paragraphs if p.text.startswith("105 "))
    assert headline.style.name == "Intense Quote"
    assert [run.text for run in headline.runs if run.bold] == ["105"]
    assert headline.text.endswith("Data is self-reported & has not been triangulated or "
                                  "accompanied by a literature review.")


def test_an_events_booking_is_a_link_after_its_title(example_outputs: dict[str, Path]) -> None:
    """`**{{ event.title }}**: {{ event.when }} – [book or register]({{ event.booking }})`."""
    booking = "https://example.org/register/agm"
    word = docx.Document(str(example_outputs[f"{NEWSLETTER}.docx"]))
    event = next(p for p in word.paragraphs if p.text.startswith("TASP Annual General"))
    assert (event.style.name, event.text) == (
        "Event", "TASP Annual General Meeting: Thursday 7 December 2023, 4:30pm to 6:30pm – "
                 "book or register")
    assert _links(event) == [("book or register", booking, "")]
    listed = next(p for p in word.paragraphs if p.text.startswith("Register your intention"))
    assert (listed.style.name, _links(listed)) == (
        "List Bullet", [("Register your intention to attend the AGM", booking, "")])
    html = example_outputs[f"{NEWSLETTER}.html"].read_text()
    assert ('<p class="event"><strong>TASP Annual General Meeting</strong>: Thursday 7 December '
            f'2023, 4:30pm to 6:30pm – <a href="{booking}">book or register</a></p>') in html
    assert booking in _uris(example_outputs[f"{NEWSLETTER}.pdf"])


def test_a_label_before_a_tab_and_a_name_in_bold(example_outputs: dict[str, Path]) -> None:
    """A letter's enclosures (`Enc.\\t{{ item }}`) and its signatory (`**{{ name }}**`)."""
    letter = docx.Document(str(example_outputs[f"{LETTER}.docx"]))
    notes = [[run.text for run in p.runs if run.text] for p in letter.paragraphs
             if p.style.name == "Letter Note"]
    assert notes == [["Enc.", "\t", "Agenda"],
                     ["\t", "Minutes of the 2025 Annual General Meeting"], ["\t", "Proxy form"],
                     ["cc", "\t", "Chair of the safeguarding partnership"]]
    signed = next(p for p in letter.paragraphs if p.text == "Ruth Ellison")
    assert signed.style.name == "Signature"
    assert [(run.text, run.bold) for run in signed.runs if run.text] == [("Ruth Ellison", True)]
    html = example_outputs[f"{LETTER}.html"].read_text()
    assert '<p class="letter-note"><span class="label">Enc.</span> Agenda</p>' in html
    assert '<p class="signature"><strong>Ruth Ellison</strong></p>' in html
    assert "Enc. Agenda" in normalise(
        "\n".join(page.extract_text() for page in PdfReader(example_outputs[f"{LETTER}.pdf"])
                  .pages))
