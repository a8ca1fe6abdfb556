"""What a tender is laid out with: a title of its own with a line of details under it
(saying "Draft" while the document is one), forms and answer boxes the bidder fills in (in
Word fields to type in, on paper boxes to write in), and a paragraph that says something
else in Word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from conftest import CONTENT, built, edited_copy, normalise, pdf_text

TENDER = "bexley/tender"
CLARIFICATIONS = "bexley/tender-clarifications"
SEP = '<span class="sep" aria-hidden="true">·</span>'
NOWRAP = '<span class="nowrap">'
"""Around a code a reader takes as one word, kept on one line."""


def _html(path: Path) -> str:
    return " ".join(path.read_text().split())


def _words(element: Any) -> str:
    return "".join(text.text or "" for text in element.iter(qn("w:t")))


def _controls(element: Any) -> list[tuple[str, bool]]:
    """The fields to type in under `element`: each one's name, and whether it is a date."""
    found = []
    for control in element.iter(qn("w:sdt")):
        properties = control.find(qn("w:sdtPr"))
        if properties.find(qn("w:docPartObj")) is None:  # not the contents
            found.append((properties.find(qn("w:alias")).get(qn("w:val")),
                          properties.find(qn("w:date")) is not None))
    return found


def _table(path: Path, first: str) -> Any:
    return next(t for t in docx.Document(str(path)).tables if t.cell(0, 0).text == first)


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Bexley's tender and its clarifications log while the tender is a draft."""
    folder = tmp_path_factory.mktemp("draft")
    tender = edited_copy(folder, CONTENT / f"{TENDER}.yaml", ("status: final", "status: draft"))
    return built(tender, folder / "out", formats=("docx", "html"))


def test_a_title_of_its_own_with_its_details_under_it(example_outputs: dict[str, Path]
                                                      ) -> None:
    """`title:` with `subtitle:`: the clarifications log's one line of details, its parts
    between middle dots; no "Draft" in a final document."""
    subtitle = ("Invitation to quote – independent scrutiny of Bexley's safeguarding "
                "arrangements  ·  Reference BSP-IS-2018-01  ·  Issue 1, 25 July 2018")
    word = docx.Document(str(example_outputs[f"{CLARIFICATIONS}.docx"]))
    notice, *paragraphs = word.paragraphs
    assert notice.style.name == "Notice"
    assert notice.text.startswith("Illustrative example. Bexley's published brief is real")
    assert [(p.style.name, p.text) for p in paragraphs[:3]] == [
        ("Title", "Clarifications log"), ("Subtitle", subtitle),
        ("Heading 1", "Questions and answers")]
    html = _html(example_outputs[f"{CLARIFICATIONS}.html"])
    assert ('<h1>Clarifications log</h1> <p class="cover-meta">Invitation to quote – '
            f"independent scrutiny of Bexley&#39;s safeguarding arrangements {SEP} Reference "
            f'{NOWRAP}BSP-IS-2018-01</span> {SEP} Issue 1, 25 July 2018 </p>') in html
    assert html.count('class="cover-meta"') == 1 and 'class="status-draft"' not in html
    pdf = normalise(pdf_text(example_outputs[f"{CLARIFICATIONS}.pdf"]))
    assert f"Clarifications log {normalise(subtitle)} Questions and answers" in pdf
    tender = docx.Document(str(example_outputs[f"{TENDER}.docx"]))
    assert (tender.paragraphs[2].style.name, tender.paragraphs[2].text) == (
        "Subtitle", "Bexley Safeguarding Partnership  ·  Reference BSP-IS-2018-01  ·  "
                    "Issued 2 July 2018")


def test_the_line_under_the_title_says_draft_while_the_document_is_one(
        draft: dict[str, Path]) -> None:
    for name, details in ((TENDER, "Issued 2 July 2018"),
                          (CLARIFICATIONS, "Issue 1, 25 July 2018")):
        stem = name.split("/")[1]
        subtitle = docx.Document(str(draft[f"{stem}.docx"])).paragraphs[2]
        assert subtitle.style.name == "Subtitle"
        assert subtitle.text.endswith(f"Reference BSP-IS-2018-01  ·  {details}  ·  DRAFT")
        assert (f'{SEP} {details} <span class="status-draft">Draft</span></p>'
                in _html(draft[f"{stem}.html"]))


def test_a_form_has_fields_to_type_in_in_word_and_boxes_on_paper(
        example_outputs: dict[str, Path]) -> None:
    """`form:` rows of a label, or a label with `date: true`; in Word each field is named
    by its label's words before any bracket."""
    price = _table(example_outputs[f"{TENDER}.docx"], "Your day rate (at most £800)")
    assert [row.cells[0].text for row in price.rows] == [
        "Your day rate (at most £800)", "Days a year (at most 15)", "Total price for the year",
        "Does VAT apply?"]
    assert [_words(row.cells[1]._tc) for row in price.rows] == ["Type here."] * 4
    assert _controls(price._tbl) == [("Your day rate", False), ("Days a year", False),
                                     ("Total price for the year", False),
                                     ("Does VAT apply?", False)]
    signed = _table(example_outputs[f"{TENDER}.docx"], "Signed")
    assert _controls(signed._tbl) == [("Signed", False), ("Name", False), ("Date", True)]
    html = _html(example_outputs[f"{TENDER}.html"])
    assert ('<table class="form"> <tbody> <tr><th scope="row">Your day rate (at most £800)</th>'
            '<td class="fill"></td></tr> <tr><th scope="row">Days a year (at most 15)</th>'
            '<td class="fill"></td></tr>') in html
    assert '<tr><th scope="row">Date</th><td class="fill"></td></tr>' in html
    pdf = normalise(pdf_text(example_outputs[f"{TENDER}.pdf"]))
    assert ("A3 Your price Your day rate (at most £800) Days a year (at most 15) Total price "
            "for the year Does VAT apply? A4 Declarations") in pdf
    assert "Type here" not in pdf


def test_an_answer_box_has_its_question_guidance_and_a_field(
        example_outputs: dict[str, Path]) -> None:
    box = _table(example_outputs[f"{TENDER}.docx"],
                 "Question 3: How would you plan and carry out the 2018-19 programme?")
    assert [p.text for p in box.cell(1, 0).paragraphs] == [
        "Assessed under: Approach and methods. Up to 1000 words.",
        "Say how you would hear from children, families and practitioners."]
    assert _words(box.cell(2, 0)._tc) == "Type your answer here."
    assert _controls(box._tbl) == [("Answer 3", False)]
    first = _table(example_outputs[f"{TENDER}.docx"], "Question 1: How do you understand the "
                   "role of independent scrutiny in Bexley's arrangements?")
    assert [p.text for p in first.cell(1, 0).paragraphs] == [
        "Assessed under: Understanding of the role. Up to 750 words."]  # no guidance
    assert _controls(first._tbl) == [("Answer 1", False)]
    html = _html(example_outputs[f"{TENDER}.html"])
    assert ('<th scope="col">Question 3: How would you plan and carry out the '
            f'{NOWRAP}2018-19</span> programme?</th></tr></thead> <tbody> '
            '<tr><td class="guidance">Assessed under: '
            "Approach and methods. Up to 1000 words.<p>Say how you would hear from children, "
            'families and practitioners.</p></td></tr> <tr><td class="fill answer"></td></tr>'
            ) in html
    pdf = normalise(pdf_text(example_outputs[f"{TENDER}.pdf"]))
    assert ("Question 3: How would you plan and carry out the 2018-19 programme? Assessed "
            "under: Approach and methods. Up to 1000 words. Say how you would hear") in pdf


def test_a_paragraph_may_say_something_else_in_word(example_outputs: dict[str, Path]) -> None:
    """`word:` says how to fill in the fields only Word has."""
    said = ("Complete every part and return it as set out under \u201cHow to submit a "
            "tender\u201d, quoting reference BSP-IS-2018-01.")
    word = [p.text for p in docx.Document(str(example_outputs[f"{TENDER}.docx"])).paragraphs]
    assert f"{said} Click on \u201cType here.\u201d in each field and type." in word
    assert said not in word
    html = _html(example_outputs[f"{TENDER}.html"])
    assert f"<p>{said.replace('BSP-IS-2018-01', f'{NOWRAP}BSP-IS-2018-01</span>')}</p>" in html
    assert "Type here" not in html
    pdf = normalise(pdf_text(example_outputs[f"{TENDER}.pdf"]))
    assert f"{said} A1 About you" in pdf
