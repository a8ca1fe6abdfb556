"""A kind's one layout, from which its Word and HTML templates are made: the shipped
templates are what the layouts make, headings are written once, and a mistake in a layout
is told at its file and line."""

from __future__ import annotations

import re
import runpy
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import CONTENT, REPO, built, edited_copy, normalise, write_layout
from sgdocs.check.templates import context_shape
from sgdocs.errors import ContentError
from sgdocs.kinds import all_kinds, get_kind
from sgdocs.kinds.layout import read_layout
from sgdocs.render.kind_templates import made_templates
from sgdocs.render.layout_word import LayoutError, word_template

TEMPLATES = REPO / "templates"
BRIEF_LAYOUT = get_kind("role-brief").folder / "layout.yaml"


@pytest.mark.parametrize("kind", sorted(all_kinds()))
def test_shipped_templates_are_what_the_layouts_make(kind: str) -> None:
    """Regenerate with `python scripts/make_templates.py` after changing a layout."""
    for name, data in made_templates(get_kind(kind)).items():
        assert (TEMPLATES / name).read_bytes() == data, f"{name} is stale"


def test_the_layout_reference_is_what_the_layouts_model_says() -> None:
    """Regenerate with `python scripts/make_layout_reference.py` after changing the model."""
    reference = runpy.run_path(str(REPO / "scripts/make_layout_reference.py"))["reference"]()
    assert (REPO / "docs/layouts.md").read_text(encoding="utf-8") == reference, "stale"
    for key in ("`answer:`", "| `otherwise` |", "| `label_width` |", "| `statutory_ending` |"):
        assert key in reference


def test_a_kind_with_a_layout_takes_its_headings_from_it() -> None:
    kind = get_kind("role-brief")
    assert kind.sections["timetable"] == (
        "Timetable{% if timetable.period %} for {{ timetable.period }} work{% endif %}")
    assert kind.sections["key_questions"] == (
        'Key questions{% if post == "independent-scrutineer" %} in terms of the scrutiny '
        "function{% endif %}")
    assert "Timetable for" not in (kind.folder / "__init__.py").read_text()


def test_the_heading_is_filled_in_in_every_format(example_outputs: dict[str, Path]) -> None:
    word = docx.Document(str(example_outputs["bexley/role-brief.docx"]))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "5. Timetable for 2018-19 work" in headings
    assert "3.1 Key questions in terms of the scrutiny function" in headings
    html = example_outputs["bexley/role-brief.html"].read_text()
    assert ('<h2 id="timetable">5. Timetable for <span class="nowrap">2018-19</span> work</h2>'
            in html)  # a code kept on one line
    assert '<h3 id="key_questions">3.1 Key questions' in html


def test_a_misspelt_block_is_told_at_its_line(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Brief\nblocks:\n  - cover\n  - sectoin: purpose\n"
                                  "    heading: Purpose\n  - contnets\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    found = [(f.where.line, f.message, f.hint) for f in raised.value.findings]
    assert found == [
        (4, "`blocks[2]`: a block is one of: cover, contents, pdf_contents, "
            "document_control, statutory_ending, sign_off, requirements_appendix, or a group "
            "of keys starting with one of: section, heading, text, paragraph, list, points, "
            "table, facts, figure, extract, repeat, quote, title, picture, form, answer", ""),
        (6, "`blocks[3]` is \u201ccontnets\u201d, but must be one of 'cover', 'contents', "
            "'pdf_contents', 'document_control', 'statutory_ending', 'sign_off' or "
            "'requirements_appendix'",
         "did you mean `contents`?")]


def test_a_misspelt_key_in_a_block_gets_a_suggestion(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Brief\nblocks:\n  - section: purpose\n"
                                  "    heding: Purpose\n    blocks: [{text: purpose}]\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    messages = [(f.where.line, f.message, f.hint) for f in raised.value.findings]
    assert (4, "unknown key `heding`", "did you mean `heading`?") in messages


def test_rich_text_in_a_line_of_words_is_placed_as_runs_in_word(tmp_path: Path) -> None:
    """Inline fields become runs of their own ({{r }}); the layout never says which."""
    path = write_layout(tmp_path, "title: Brief\nblocks:\n  - list: key_questions.items\n"
                                  "    item: 'Asked: {{ item }} ({{ timetable.period }})'\n")
    template = tmp_path / "brief.docx"
    template.write_bytes(word_template(read_layout(path), context_shape(get_kind("role-brief"))))
    texts = [p.text for p in docx.Document(str(template)).paragraphs]
    assert "Asked: {{r item }} ({{ timetable.period }})" in texts


def test_paragraphs_of_rich_text_cannot_stand_in_a_line(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Brief\nblocks:\n"
                                  "  - paragraph: 'The purpose: {{ purpose }}'\n")
    with pytest.raises(LayoutError, match="`purpose` holds paragraphs; show it with `text:`"):
        word_template(read_layout(path), context_shape(get_kind("role-brief")))


def test_a_copied_layout_makes_the_same_templates(tmp_path: Path) -> None:
    kind = get_kind("role-brief")
    shutil.copy(kind.layout(kind.outputs[0]), tmp_path / "layout.yaml")
    made = word_template(read_layout(tmp_path / "layout.yaml"), context_shape(kind))
    assert made == (TEMPLATES / "docx/role-brief.docx").read_bytes()
    assert BRIEF_LAYOUT.read_text() == (tmp_path / "layout.yaml").read_text()


def _word_paragraphs(path: Path) -> list[tuple[str, str, bool]]:
    """Each body paragraph's text and style, and whether its first run is bold."""
    return [(p.text, p.style.name, bool(p.runs and p.runs[0].bold))
            for p in docx.Document(str(path)).paragraphs]


def test_a_quote_is_set_apart_with_who_said_it(example_outputs: dict[str, Path]) -> None:
    html = normalise(example_outputs["eastmoor/yearly-report-2024-25.html"].read_text())
    assert ("<blockquote> <p>The arrangements are well led and the partners hold one another "
            "to account.") in html
    assert ('<p class="attribution">Independent scrutineer for Eastmoor</p> </blockquote>'
            in html)
    paragraphs = _word_paragraphs(example_outputs["eastmoor/yearly-report-2024-25.docx"])
    said = next(i for i, (text, _, _) in enumerate(paragraphs)
                if text.startswith("The arrangements are well led"))
    assert paragraphs[said + 1][:2] == ("Independent scrutineer for Eastmoor", "Caption")


def test_a_list_entry_with_a_body_has_its_words_as_a_bold_title(
        example_outputs: dict[str, Path]) -> None:
    html = normalise(example_outputs["eastmoor/arrangements.html"].read_text())
    assert ("<ol><li><strong>Neglect</strong><p>Spot neglect earlier, using the Graded Care "
            "Profile 2 across all agencies.</p></li><li><strong>Children at risk") in html
    paragraphs = _word_paragraphs(example_outputs["eastmoor/arrangements.docx"])
    title = paragraphs.index(("Neglect", "List Number", True))
    assert paragraphs[title + 1][0] == ("Spot neglect earlier, using the Graded Care Profile 2 "
                                        "across all agencies.")
    assert paragraphs[title + 2] == ("Children at risk outside the home", "List Number", True)


def test_facts_with_headings_are_a_table_of_figures(example_outputs: dict[str, Path]) -> None:
    """`header`, `align: amount` and `widths`: the review figures of a yearly report."""
    html = normalise(example_outputs["eastmoor/yearly-report-2024-25.html"].read_text())
    assert ('<table class="figures"> <thead><tr><th scope="col">Figure</th><th scope="col" '
            'class="amount">Number</th></tr></thead>') in html
    assert ('<tr><th scope="row">Rapid reviews completed within 15 working days</th><td '
            'class="amount">4 of 6 (67%)</td></tr>') in html
    tables = docx.Document(str(example_outputs["eastmoor/yearly-report-2024-25.docx"])).tables
    figures = next(t for t in tables if t.cell(0, 0).text == "Figure"
                   and t.cell(1, 0).text.startswith("Serious incidents"))
    assert [[cell.text for cell in row.cells] for row in figures.rows][:3] == [
        ["Figure", "Number"],
        ["Serious incidents notified to the Child Safeguarding Practice Review Panel", "7"],
        ["Rapid reviews completed", "6"]]
    assert [round(column.width.mm) for column in figures.columns] == [130, 40]


def test_a_status_column_is_kept_on_one_line(example_outputs: dict[str, Path]) -> None:
    html = normalise(example_outputs["eastmoor/yearly-report-2024-25.html"].read_text())
    assert ("the police.</td><td class=\"nowrap\">In progress</td></tr>") in html


def test_the_statutory_ending_gives_the_sign_off_its_heading(
        example_outputs: dict[str, Path]) -> None:
    """The sign-off is furniture, yet the appendix links to it by its heading."""
    kind = get_kind("yearly-report")
    assert kind.sections["sign_off"] == "Sign-off by the lead safeguarding partners"
    assert "sections=" not in (kind.folder / "__init__.py").read_text()
    html = example_outputs["eastmoor/yearly-report-2024-25.html"].read_text()
    assert '<a href="#sign_off">Sign-off by the lead safeguarding partners</a>' in html


def test_facts_headings_come_in_twos(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Figures\nblocks:\n  - facts:\n"
                                  "      - {label: Days,"
                                  " value: '{{ days_and_cost.days }}'}\n"
                                  "    header: [Figure]\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    assert [f.where.line for f in raised.value.findings] == [5]


def test_a_special_row_must_fill_the_columns(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Brief\nblocks:\n  - table: procurement_timeline\n"
                                  "    columns:\n      - {cell: a, width: 50}\n"
                                  "      - {cell: b, width: 50}\n    special_rows:\n"
                                  "      - when: row.when\n        cells: [c]\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    assert [(f.where.line, f.message) for f in raised.value.findings] == [
        (9, "the row fills 1 columns, but the table has 2")]


def test_a_link_has_plain_words(tmp_path: Path) -> None:
    path = write_layout(tmp_path, "title: Brief\nblocks:\n  - table: key_questions.items\n"
                                  "    each: question\n    columns:\n"
                                  "      - {cell: {link: timetable.period, words: question},"
                                  " width: 50}\n")
    with pytest.raises(LayoutError, match="`question` is not plain text"):
        word_template(read_layout(path), context_shape(get_kind("role-brief")))


def test_a_special_row_spans_columns_in_word_and_on_the_web_page(
        example_outputs: dict[str, Path]) -> None:
    """A month with no meeting is its own row: its reason across the last two columns."""
    word = docx.Document(str(example_outputs["tasp/scrutineer-network-2024.docx"]))
    rows = [row._tr for row in word.tables[0].rows]
    cells = [[("".join(t.text or "" for t in tc.iter(qn("w:t"))), tc.grid_span)
              for tc in row.tc_lst] for row in rows]
    assert [("No meeting", 1), ("August 2024", 1), ("Summer break", 2)] in cells
    assert [("Meeting 3", 1), ("Wednesday 20 March 2024", 1), ("4:30pm to 5:30pm", 1),
            ("Register", 1)] in cells
    html = example_outputs["tasp/scrutineer-network-2024.html"].read_text()
    assert ('<tr><td>No meeting</td><td class="nowrap">August 2024</td>'
            '<td colspan="2">Summer break</td></tr>') in html


def test_a_cell_links_to_its_address_in_every_format(example_outputs: dict[str, Path]
                                                     ) -> None:
    address = "https://example.org/register/meeting-3"
    word = docx.Document(str(example_outputs["tasp/scrutineer-network-2024.docx"]))
    links = {row.cells[0].text: [(link.address, link.text) for paragraph in
                                 row.cells[3].paragraphs for link in paragraph.hyperlinks]
             for row in word.tables[0].rows}
    assert links["Meeting 3"] == [(address, "Register")]
    assert links["To be confirmed"] == []
    html = example_outputs["tasp/scrutineer-network-2024.html"].read_text()
    assert f'<td><a href="{address}">Register</a></td>' in html
    pdf = PdfReader(example_outputs["tasp/scrutineer-network-2024.pdf"])
    uris = [str(annotation.get_object()["/A"]["/URI"]) for page in pdf.pages
            for annotation in page.get("/Annots", []) if "/URI" in
            annotation.get_object().get("/A", {})]
    assert address in uris


def test_contents_only_in_a_pdf_long_enough_to_need_them(tmp_path: Path) -> None:
    """Meeting notes have no contents in Word; notes long enough have them in the PDF."""
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    notes = tmp_path / "tasp/network-notes-2024-01.yaml"
    paragraph = "  We discussed the role of the scrutineer with the partners at length. " * 12
    notes.write_text(notes.read_text().replace(
        "discussion: |\n", "discussion: |\n" + (paragraph + "\n\n") * 18))
    outputs = built(notes, tmp_path / "out")
    first = PdfReader(outputs["pdf"]).pages[0].extract_text()
    assert re.search(r"^Discussion\s*\.{3,}\s*\d+$", first, re.MULTILINE)
    assert re.search(r"^What we agreed\s*\.{3,}\s*\d+$", first, re.MULTILINE)
    word = docx.Document(str(outputs["docx"]))
    assert not any(p.style.name == "TOC Heading" or p.text == "Contents"
                   for p in word.paragraphs)
    assert "Discussion" in [p.text for p in word.paragraphs
                            if p.style.name == "Heading 1"]


def test_a_briefing_has_contents_only_in_a_long_pdf(example_outputs: dict[str, Path],
                                                    tmp_path: Path) -> None:
    """`pdf_contents`: a findings briefing of two pages has none; one of many pages has
    them in the PDF, and still none in Word."""
    short = PdfReader(example_outputs["tasp/scrutiny-research-briefing.pdf"])
    assert "Contents" not in (short.pages[0].extract_text() or "")
    steps = "".join(f"  - Step {n}, the partners agree what happens next, who leads it, by "
                    "when, and how they will know it has made a difference to children.\n"
                    for n in range(1, 51))
    briefing = edited_copy(tmp_path, CONTENT / "tasp/scrutiny-research-briefing.yaml")
    briefing.write_text(briefing.read_text() + steps)
    outputs = built(briefing, tmp_path / "out", formats=("docx", "pdf"))
    first = PdfReader(outputs["pdf"]).pages[0].extract_text() or ""
    assert re.search(r"^Findings\s*\.{3,}\s*\d+$", first, re.MULTILINE)
    assert re.search(r"^Moving forward\s*\.{3,}\s*\d+$", first, re.MULTILINE)
    word = docx.Document(str(outputs["docx"]))
    assert not any(p.style.name == "TOC Heading" or p.text == "Contents"
                   for p in word.paragraphs)
    assert [p.text for p in word.paragraphs if p.text.startswith("Step ")][-1] == (
        "Step 50, the partners agree what happens next, who leads it, by when, and how they "
        "will know it has made a difference to children.")


FRAMEWORK = "northumberland/scrutiny-framework"
WORKING_TOGETHER = ("https://www.gov.uk/government/publications/"
                    "working-together-to-safeguard-children--2")


def _built(content: Path, out: Path) -> tuple[docx.document.Document, str]:
    """The Word document and the web page `content` is built into."""
    from sgdocs.pipeline.build import build

    report = build([content], out, ("docx", "html"), allow_sensitive=True)
    assert report.ok, [str(f) for f in report.findings]
    made = {o.output.suffix: o.output for o in report.outcomes if o.output}
    return docx.Document(str(made[".docx"])), made[".html"].read_text(encoding="utf-8")


def test_a_list_entry_may_start_with_words_in_bold(example_outputs: dict[str, Path]) -> None:
    """`lead_in`: the scrutiny framework's methods, each named in bold."""
    html = example_outputs[f"{FRAMEWORK}.html"].read_text()
    assert ("<li><strong>Independent Scrutineer</strong>: appointed April 2023 (see appendix "
            "1)</li>") in html
    word = docx.Document(str(example_outputs[f"{FRAMEWORK}.docx"]))
    entry = next(p for p in word.paragraphs if p.text.startswith("Peer review"))
    assert entry.style.name == "List Bullet"
    assert [(run.text, run.bold) for run in entry.runs if run.text] == [
        ("Peer review", True), (": ", None), ("Regional peer review/challenge arrangements",
                                              None)]


def test_a_list_of_notes_links_the_entries_that_have_an_address(tmp_path: Path) -> None:
    """`link` and `style: notes`: the framework's sources, small and unbulleted; on the web
    page a source with an address is a link, and in Word too."""
    content = edited_copy(tmp_path, CONTENT / f"{FRAMEWORK}.yaml", (
        "title: Working Together 2018 – Chapter 3}",
        f"title: Working Together 2018 – Chapter 3, url: {WORKING_TOGETHER}}}"))
    word, html = _built(content, tmp_path / "out")
    assert (f'<ul class="notes"><li><a href="{WORKING_TOGETHER}">¹ Working Together 2018 – '
            "Chapter 3</a></li><li>² Children and Social Work Act 2017</li>") in html
    notes = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert notes[:2] == ["¹ Working Together 2018 – Chapter 3",
                         "² Children and Social Work Act 2017"]
    assert len(notes) == 6
    linked = next(p for p in word.paragraphs if p.style.name == "Caption")
    assert [(link.text, link.address) for link in linked.hyperlinks] == [
        ("¹ Working Together 2018 – Chapter 3", WORKING_TOGETHER)]


def test_a_column_may_head_its_rows(example_outputs: dict[str, Path]) -> None:
    """`row_heading`: each key objective heads its row, for screen readers, and in bold."""
    html = example_outputs[f"{FRAMEWORK}.html"].read_text()
    assert '<tr><td>1</td><th scope="row">NCASP Leadership</th><td><ol>\n<li>' in html
    word = docx.Document(str(example_outputs[f"{FRAMEWORK}.docx"]))
    table = next(t for t in word.tables if t.cell(0, 1).text == "Key objective")
    assert [(run.text, run.bold) for run in table.cell(1, 1).paragraphs[0].runs] == [
        ("NCASP Leadership", True)]
    assert [run.bold for run in table.cell(1, 0).paragraphs[0].runs] == [None]


def test_a_table_may_be_named_for_the_kinds_own_style(example_outputs: dict[str, Path]
                                                      ) -> None:
    """`css_class`: the web page styles the table by the name, with the kind's style.css."""
    html = example_outputs[f"{FRAMEWORK}.html"].read_text()
    assert '<table class="objectives">\n    <thead><tr><th scope="col">No.</th>' in html
    own = (get_kind("scrutiny-framework").folder / "style.css").read_text()
    assert "table.objectives tr > :first-child { width: 6%; text-align: center; }" in own
    assert html.index(own.strip()) > html.index("table.facts th")  # after the house style
    sheet = example_outputs["eastmoor/self-assessment-2024.html"].read_text()
    assert ('<table class="figures">\n    <thead><tr><th scope="col">Step</th><th scope="col" '
            'class="amount">Green</th>') in sheet


def test_a_cell_may_hold_paragraphs_or_words_in_their_place(tmp_path: Path) -> None:
    """A cell showing a field of paragraphs is paragraphs in Word, and `or "words"` stands
    in for an empty field, a rating's too, in every format."""
    content = edited_copy(tmp_path, CONTENT / "eastmoor/self-assessment-2024.yaml",
                      ("        rag: red\n", ""),
                      ("        evidence: The yearly survey shows few families have heard of "
                       "the partnership.\n", ""))
    word, html = _built(content, tmp_path / "out")
    asked = "Children and families know about the partnership's plans and are involved in them."
    assert f"<tr><td>{asked}</td><td>Not rated</td><td>–</td></tr>" in html
    rows = [[cell.text for cell in row.cells] for table in word.tables for row in table.rows]
    assert [asked, "Not rated", "–"] in rows  # "Not rated" in a run Word shows
    answered = next(t for t in word.tables if t.cell(0, 2).text == "Evidence")
    assert [p.text for p in answered.cell(1, 2).paragraphs] == [
        "Lead partners attend the twice-yearly leaders' meeting; the strategic plan was "
        "signed by all three."]
