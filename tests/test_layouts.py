"""A kind's one layout, from which its Word and HTML templates are made: the shipped
templates are what the layouts make, headings are written once, and a mistake in a layout
is told at its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from conftest import REPO
from sgdocs.errors import ContentError
from sgdocs.kinds import all_kinds, get_kind
from sgdocs.kinds.layout import read_layout
from sgdocs.render.context import context_shape
from sgdocs.render.kind_templates import layout_path, made_templates
from sgdocs.render.layout_word import LayoutError, word_template

TEMPLATES = REPO / "templates"
BRIEF_LAYOUT = get_kind("role-brief").folder / "layout.yaml"


@pytest.mark.parametrize("kind", sorted(all_kinds()))
def test_shipped_templates_are_what_the_layouts_make(kind: str) -> None:
    """Regenerate with `python scripts/make_templates.py` after changing a layout."""
    for name, data in made_templates(get_kind(kind)).items():
        assert (TEMPLATES / name).read_bytes() == data, f"{name} is stale"


def test_a_kind_with_a_layout_takes_its_headings_from_it() -> None:
    kind = get_kind("role-brief")
    assert kind.sections["timetable"] == "5. Timetable for {{ timetable.period }} work"
    assert kind.sections["key_questions"] == (
        "3.1 Key questions in terms of the scrutiny function")
    assert "5. Timetable" not in (kind.folder / "__init__.py").read_text()


def test_the_heading_is_filled_in_in_every_format(example_outputs: dict[str, Path]) -> None:
    word = docx.Document(str(example_outputs["bexley/role-brief.docx"]))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "5. Timetable for 2018-19 work" in headings
    assert "3.1 Key questions in terms of the scrutiny function" in headings
    html = example_outputs["bexley/role-brief.html"].read_text()
    assert '<h2 id="timetable">5. Timetable for 2018-19 work</h2>' in html
    assert '<h3 id="key_questions">3.1 Key questions' in html


def _layout(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "layout.yaml"
    path.write_text(text)
    return path


def test_a_misspelt_block_is_told_at_its_line(tmp_path: Path) -> None:
    path = _layout(tmp_path, "title: Brief\nblocks:\n  - cover\n  - sectoin: purpose\n"
                             "    heading: Purpose\n  - contnets\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    found = [(f.where.line, f.message, f.hint) for f in raised.value.findings]
    assert found == [
        (4, "`blocks[2]`: a block is one of: cover, contents, document_control, "
            "statutory_ending, or a group of keys starting with one of: section, heading, "
            "text, paragraph, list, points, table, facts, figure, extract, repeat", ""),
        (6, "`blocks[3]` is \u201ccontnets\u201d, but must be one of 'cover', 'contents', "
            "'document_control' or 'statutory_ending'", "did you mean `contents`?")]


def test_a_misspelt_key_in_a_block_gets_a_suggestion(tmp_path: Path) -> None:
    path = _layout(tmp_path, "title: Brief\nblocks:\n  - section: purpose\n"
                             "    heding: Purpose\n    blocks: [{text: purpose}]\n")
    with pytest.raises(ContentError) as raised:
        read_layout(path)
    messages = [(f.where.line, f.message, f.hint) for f in raised.value.findings]
    assert (4, "unknown key `heding`", "did you mean `heading`?") in messages


def test_rich_text_in_a_line_of_words_is_placed_as_runs_in_word(tmp_path: Path) -> None:
    """Inline fields become runs of their own ({{r }}); the layout never says which."""
    path = _layout(tmp_path, "title: Brief\nblocks:\n  - list: key_questions.items\n"
                             "    item: 'Asked: {{ item }} ({{ timetable.period }})'\n")
    template = tmp_path / "brief.docx"
    template.write_bytes(word_template(read_layout(path), context_shape(get_kind("role-brief"))))
    texts = [p.text for p in docx.Document(str(template)).paragraphs]
    assert "Asked: {{r item }} ({{ timetable.period }})" in texts


def test_paragraphs_of_rich_text_cannot_stand_in_a_line(tmp_path: Path) -> None:
    path = _layout(tmp_path, "title: Brief\nblocks:\n"
                             "  - paragraph: 'The purpose: {{ purpose }}'\n")
    with pytest.raises(LayoutError, match="`purpose` holds paragraphs; show it with `text:`"):
        word_template(read_layout(path), context_shape(get_kind("role-brief")))


def test_a_copied_layout_makes_the_same_templates(tmp_path: Path) -> None:
    kind = get_kind("role-brief")
    shutil.copy(layout_path(kind, kind.outputs[0]), tmp_path / "layout.yaml")
    made = word_template(read_layout(tmp_path / "layout.yaml"), context_shape(kind))
    assert made == (TEMPLATES / "docx/role-brief.docx").read_bytes()
    assert BRIEF_LAYOUT.read_text() == (tmp_path / "layout.yaml").read_text()


CONTENT = REPO / "content"
FRAMEWORK = "northumberland/scrutiny-framework"
WORKING_TOGETHER = ("https://www.gov.uk/government/publications/"
                    "working-together-to-safeguard-children--2")


def _edited(tmp_path: Path, content: Path, *changes: tuple[str, str]) -> Path:
    """A copy of `content` (with its partnership) changed as `changes` say."""
    shutil.copytree(content.parent, tmp_path / content.parent.name)
    copy = tmp_path / content.parent.name / content.name
    text = copy.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    copy.write_text(text, encoding="utf-8")
    return copy


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
    page a source with an address is a link, and Word prints the address after it."""
    content = _edited(tmp_path, CONTENT / f"{FRAMEWORK}.yaml", (
        "title: Working Together 2018 – Chapter 3}",
        f"title: Working Together 2018 – Chapter 3, url: {WORKING_TOGETHER}}}"))
    word, html = _built(content, tmp_path / "out")
    assert (f'<ul class="notes"><li><a href="{WORKING_TOGETHER}">¹ Working Together 2018 – '
            "Chapter 3</a></li><li>² Children and Social Work Act 2017</li>") in html
    notes = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert notes[:2] == [f"¹ Working Together 2018 – Chapter 3 ({WORKING_TOGETHER})",
                         "² Children and Social Work Act 2017"]
    assert len(notes) == 6


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
    content = _edited(tmp_path, CONTENT / "eastmoor/self-assessment-2024.yaml",
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
