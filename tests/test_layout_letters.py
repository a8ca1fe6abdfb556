"""What letters and newsletters are laid out with: paragraph styles of the layout's own,
the partnership's letterhead, a title of the document's own, a section for each entry of a
list, and pictures with their captions."""

from __future__ import annotations

import html as markup
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from conftest import CONTENT, built, pdf_text, write_layout
from sgdocs.errors import ContentError
from sgdocs.kinds.layout import read_layout

LETTER = "tasp/agm-invitation"
NEWSLETTER = "tasp/newsletter-autumn-2023"
REPORT = "eastmoor/scrutiny-report-2024-25"
TASP = "The Association of Safeguarding Partners"
SEP = '<span class="sep" aria-hidden="true">\u00b7</span>'


def _html(path: Path) -> str:
    return " ".join(path.read_text().split())


def test_a_letters_own_styles_are_word_styles_and_classes_on_the_web_page(
        example_outputs: dict[str, Path]) -> None:
    word = docx.Document(str(example_outputs[f"{LETTER}.docx"]))
    styled = {p.text: p.style.name for p in word.paragraphs}
    assert [styled[text] for text in ("Our reference: TASP/AGM/2026", "14 September 2026",
                                      "Partnership Office", "Dear Business Manager",
                                      "Yours sincerely", "Ruth Ellison", "Enc.\tAgenda")] == [
        "Letter Reference", "Date", "Address", "Salutation", "Closing", "Signature",
        "Letter Note"]
    note = word.styles["Letter Note"]
    assert (round(note.paragraph_format.left_indent.mm),
            round(note.paragraph_format.first_line_indent.mm)) == (12, -12)
    assert note.element.get(qn("w:customStyle")) == "1"
    assert word.styles["Salutation"].element.get(qn("w:customStyle")) is None  # Word's own
    assert word.styles["Title"].font.size.pt == 12  # restyled in letters only
    issue = docx.Document(str(example_outputs[f"{NEWSLETTER}.docx"]))
    assert issue.styles["Title"].font.size.pt == 24
    html = example_outputs[f"{LETTER}.html"].read_text()
    assert '<p class="salutation">Dear Business Manager</p>' in html
    assert '<p class="address">Partnership Office</p>' in html
    assert '<p class="letter-reference">Our reference: TASP/AGM/2026</p>' in html


def test_other_kinds_have_styles_of_their_own_too(example_outputs: dict[str, Path]) -> None:
    """The scrutiny report's Evidence, the newsletter's Event and Author."""
    report = docx.Document(str(example_outputs[f"{REPORT}.docx"]))
    evidence = [p for p in report.paragraphs if p.text == "Evidence:"]
    assert len(evidence) == 6 and {p.style.name for p in evidence} == {"Evidence"}
    assert [(run.text, run.bold) for run in evidence[0].runs] == [("Evidence:", True)]
    assert report.styles["Evidence"].base_style.name == "Caption"
    assert _html(example_outputs[f"{REPORT}.html"]).count(
        '<p class="evidence"><strong>Evidence:</strong></p>') == 6
    issue = docx.Document(str(example_outputs[f"{NEWSLETTER}.docx"]))
    author = next(p for p in issue.paragraphs if p.text == "Richard Burrows")
    assert author.style.name == "Author"
    assert (author.style.font.bold, author.style.paragraph_format.alignment) == (
        True, WD_ALIGN_PARAGRAPH.RIGHT)
    assert issue.styles["Event"].base_style.name == "Intense Quote"
    assert '<p class="author">Richard Burrows</p>' in example_outputs[
        f"{NEWSLETTER}.html"].read_text()


def test_a_style_the_layout_does_not_have_is_told_at_its_line(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Letter\nstyles:\n  Closing: {space_after: 40}\n"
                                  "blocks:\n  - paragraph: '{{ sign_off }}'\n"
                                  "    style: Closing\n  - repeat: cc\n    each: copy\n"
                                  "    blocks:\n      - paragraph: '{{ copy }}'\n"
                                  "        style: Copy\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    assert [(f.where.line, f.message, f.hint) for f in raised.value.findings] == [
        (11, "there is no style `Copy`",
         "use lead, caption, attribution, headline, or add it under `styles:`")]


def _body(word: Any) -> list[Any]:
    """The document's paragraphs after the notice that the example is illustrative."""
    notice, *paragraphs = word.paragraphs
    assert notice.style.name == "Notice" and notice.text.startswith("Illustrative example.")
    return paragraphs


def test_a_letterhead_heads_the_first_page_in_place_of_its_running_header(
        example_outputs: dict[str, Path]) -> None:
    word = docx.Document(str(example_outputs[f"{LETTER}.docx"]))
    assert [(p.text, p.style.name) for p in _body(word)[:3]] == [
        (TASP, "Letterhead"), ("Example House, 1 Example Street, London", "Letterhead Details"),
        ("office@example.org  \u00b7  theasp.org.uk", "Letterhead Details")]
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert TASP not in "\n".join(p.text for p in section.first_page_header.paragraphs)
    assert TASP in "\n".join(p.text for p in section.header.paragraphs)
    assert "PAGE" not in section.first_page_footer._element.xml
    assert "PAGE" in section.footer._element.xml
    pdf = [line.strip() for line in pdf_text(example_outputs[f"{LETTER}.pdf"]).splitlines()]
    assert pdf[0].startswith("Illustrative example.")
    pdf = pdf[pdf.index(TASP):]
    assert pdf[:3] == [TASP, "Example House, 1 Example Street, London",
                       "office@example.org \u00b7 theasp.org.uk"]
    assert pdf.count(TASP) == 1 and not any(line.startswith("Page 1 of") for line in pdf)
    web = _html(example_outputs[f"{LETTER}.html"])
    assert ('<address class="letterhead"> <p>Example House, 1 Example Street, London</p> '
            '<p><a href="mailto:office@example.org">office@example.org</a>') in web
    assert '<p class="letterhead-name">' not in web  # the page's masthead names it


def test_the_title_is_words_title_and_the_pages_main_heading(
        example_outputs: dict[str, Path]) -> None:
    word = docx.Document(str(example_outputs[f"{NEWSLETTER}.docx"]))
    assert [(p.style.name, p.text) for p in _body(word)[:2]] == [
        ("Title", "Newsletter \u2013 Autumn 2023"),
        ("Subtitle", f"{TASP}  \u00b7  Autumn 2023  \u00b7  Edited by TASP")]
    html = _html(example_outputs[f"{NEWSLETTER}.html"])
    assert ('<div class="cover"> <h1>Newsletter \u2013 Autumn 2023</h1> <p class="cover-meta">'
            f"{TASP} {SEP} Autumn 2023 {SEP} Edited by TASP </p> </div>") in html
    letter = docx.Document(str(example_outputs[f"{LETTER}.docx"]))
    subject = next(p for p in letter.paragraphs if p.style.name == "Title")
    assert subject.text == "Invitation to the Annual General Meeting 2026"
    assert "Subtitle" not in {p.style.name for p in letter.paragraphs}
    assert ('<p class="salutation">Dear Business Manager</p> <h1>Invitation to the Annual '
            "General Meeting 2026</h1> <p>") in _html(example_outputs[f"{LETTER}.html"])


def test_a_repeat_with_a_heading_is_a_section_for_each_entry(
        example_outputs: dict[str, Path]) -> None:
    word = docx.Document(str(example_outputs[f"{NEWSLETTER}.docx"]))
    headings = [(p.style.name, p.text) for p in word.paragraphs
                if p.style.name.startswith("Heading")]
    agm = headings.index(("Heading 1", "AGM"))
    assert headings[agm + 1] == ("Heading 2", "TASP Annual AGM")
    introduction = headings.index(("Heading 1", "Introduction"))
    assert headings[introduction + 1] == ("Heading 1", "AGM")  # not headed again
    bookmarks = {mark.get(qn("w:name")) for mark in word.element.body.iter(qn("w:bookmarkStart"))}
    assert {"contents", "section_agm", "section_your_views"} <= bookmarks
    html = example_outputs[f"{NEWSLETTER}.html"].read_text()
    assert ('<section aria-labelledby="section_agm">\n  <h2 id="section_agm">AGM</h2>\n'
            "  <h3>TASP Annual AGM</h3>") in html


def test_the_contents_link_each_section_with_its_articles(
        example_outputs: dict[str, Path]) -> None:
    """`contents`, worked out from the articles: each section's link (a line of rich text,
    so in Word a run of its own) and the titles of its articles."""
    word = docx.Document(str(example_outputs[f"{NEWSLETTER}.docx"]))
    listed = _body(word)[3:6]
    assert [(p.style.name, p.text) for p in listed] == [
        ("List Bullet", "Introduction"), ("List Bullet", "AGM: TASP Annual AGM"),
        ("List Bullet", "Comings and Goings")]
    assert [[(link.text, link.fragment) for link in p.hyperlinks] for p in listed] == [
        [("Introduction", "section_introduction")], [("AGM", "section_agm")],
        [("Comings and Goings", "section_comings_and_goings")]]
    assert ('<li><a href="#section_agm">AGM</a>: TASP Annual AGM</li>'
            in example_outputs[f"{NEWSLETTER}.html"].read_text())


@pytest.fixture(scope="module")
def pictured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The newsletter with a picture in two articles, one of them with a caption."""
    root = tmp_path_factory.mktemp("pictured")
    shutil.copytree(CONTENT / "tasp", root / "tasp")
    folder = root / NEWSLETTER
    (folder / "images").mkdir()
    shutil.copy(CONTENT / "eastmoor/images/logo.png", folder / "images/plan.png")
    for article, image in (
            ("news-npcc.yaml", "  alt: The seven strands of the plan\n"
                               "  caption: The plan's seven strands\n"),
            ("vacancies.yaml", "  alt: A vacancy advertised\n")):
        with (folder / article).open("a") as file:
            file.write(f"image:\n  file: images/plan.png\n{image}")
    return built(root / f"{NEWSLETTER}.yaml", root / "out", formats=("docx", "html"))


def test_a_picture_is_shown_with_its_caption_if_it_has_one(pictured: dict[str, Path]) -> None:
    paragraphs = docx.Document(str(pictured["docx"])).paragraphs
    shown = [(at, [picture.get("descr") for picture in p._p.iter(qn("wp:docPr"))])
             for at, p in enumerate(paragraphs)]
    pictures = [(at, alt) for at, alt in shown if alt]
    assert [alt for _, alt in pictures] == [["The seven strands of the plan"],
                                            ["A vacancy advertised"]]
    after = [(paragraphs[at + 1].style.name, paragraphs[at + 1].text) for at, _ in pictures]
    assert after == [("Caption", "The plan's seven strands"), ("Heading 1", "Your Views")]
    figures = re.findall(r'<figure><img class="picture" src="data:image/png;base64,[^"]+" '
                         r'alt="([^"]*)">(?:<figcaption>(.*?)</figcaption>)?</figure>',
                         pictured["html"].read_text())
    assert [(markup.unescape(alt), markup.unescape(caption)) for alt, caption in figures] == [
        ("The seven strands of the plan", "The plan's seven strands"),
        ("A vacancy advertised", "")]
