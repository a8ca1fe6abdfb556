"""Markdown in text fields becomes native Word paragraphs, lists and runs, and HTML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from sgdocs.pipeline.build import BuildReport

BACKGROUND = """\
background: |
  Intro with *italic*, **bold**, ~~gone~~ and a [guide](https://example.org/guide).

  1. First step
  2. Second step
     - nested bullet a
     - nested bullet b
       1. deep one
       2. deep two
  3. Third step

  Between the lists.

  4. Restarted four
  5. Restarted five

  > A quoted line from a family.

  - Item with two paragraphs

    Second paragraph of the item.

"""


@pytest.fixture
def outputs(bexley_copy: Path, run_build: Callable[..., BuildReport],
            tmp_path: Path) -> dict[str, Path]:
    brief = bexley_copy / "role-brief.yaml"
    text = brief.read_text()
    start, end = text.index("background: |"), text.index("role: >")
    brief.write_text(text[:start] + BACKGROUND + text[end:])
    report = run_build(brief, out=tmp_path / "out", formats=("docx", "html"))
    assert report.ok, [str(f) for f in report.findings]
    return {o.format: o.output for o in report.outcomes if o.output}


def _background(document: docx.document.Document) -> list[docx.text.paragraph.Paragraph]:
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "2. Background") + 1
    end = next(i for i, p in enumerate(paragraphs) if p.text.startswith("3. "))
    return paragraphs[start:end]


def _num(paragraph: docx.text.paragraph.Paragraph) -> tuple[str, str] | None:
    num_pr = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num_pr is None:
        return None
    return (num_pr.find(qn("w:numId")).get(qn("w:val")), num_pr.find(qn("w:ilvl")).get(qn("w:val")))


def test_word_lists_use_the_template_list_styles(outputs: dict[str, Path]) -> None:
    paragraphs = _background(docx.Document(str(outputs["docx"])))
    assert [(p.style.name, p.text) for p in paragraphs] == [
        ("Normal", "Intro with italic, bold, gone and a guide."),
        ("List Number", "First step"),
        ("List Number", "Second step"),
        ("List Bullet 2", "nested bullet a"),
        ("List Bullet 2", "nested bullet b"),
        ("List Number 3", "deep one"),
        ("List Number 3", "deep two"),
        ("List Number", "Third step"),
        ("Normal", "Between the lists."),
        ("List Number", "Restarted four"),
        ("List Number", "Restarted five"),
        ("Quote", "A quoted line from a family."),
        ("List Bullet", "Item with two paragraphs"),
        ("List Continue", "Second paragraph of the item."),
    ]


def test_each_numbered_list_restarts(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    paragraphs = _background(document)
    first, deep, second = _num(paragraphs[1]), _num(paragraphs[5]), _num(paragraphs[9])
    assert first and deep and second
    assert _num(paragraphs[2]) == _num(paragraphs[7]) == first  # one list, one numbering
    assert len({first[0], deep[0], second[0]}) == 3  # three lists, three numberings
    numbering = document.part.numbering_part.element
    starts = {}
    for num_id in (first[0], deep[0], second[0]):
        num = numbering.num_having_numId(int(num_id))
        starts[num_id] = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(
            qn("w:val"))
    assert starts == {first[0]: "1", deep[0]: "1", second[0]: "4"}


def test_word_runs_carry_emphasis_and_links(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    intro = _background(document)[0]
    runs = {run.text: run for run in intro.runs}
    assert runs["italic"].italic and not runs["italic"].bold
    assert runs["bold"].bold
    assert runs["gone"].font.strike
    links = intro._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    assert "".join(links[0].xpath(".//w:t/text()")) == "guide"
    target = document.part.rels[links[0].get(qn("r:id"))]
    assert target.is_external and target.target_ref == "https://example.org/guide"


def test_html_gets_the_same_structure(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text()
    assert ("<p>Intro with <em>italic</em>, <strong>bold</strong>, <s>gone</s> and a "
            '<a href="https://example.org/guide">guide</a>.</p>') in html
    assert '<ol start="4">' in html
    assert "<li>nested bullet a</li>" in html
    assert "<blockquote>\n<p>A quoted line from a family.</p>\n</blockquote>" in html
