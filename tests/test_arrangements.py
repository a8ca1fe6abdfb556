"""Eastmoor's published arrangements, read back from every format, with the appendix that
links each requirement of Working Together 2023 to the section that meets it."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import CONTENT, READERS, built, edited_copy, normalise
from sgdocs.cli import main
from yamledit import drop_key

FACTS = [
    "Eastmoor multi-agency safeguarding arrangements",
    "These arrangements take effect from 1 December 2024.",
    "Safeguarding partners",
    "Local authority Eastmoor County Council Chief Executive, Eastmoor County Council "
    "Director of Children's Services",
    "Health NHS Eastmoor Integrated Care Board Chief Executive, NHS Eastmoor Integrated Care "
    "Board Chief Nursing Officer",
    "The partnership is chaired by the Director of Children's Services, Eastmoor County "
    "Council.",
    "Eastmoor Probation Delivery Unit",
    "Children at risk outside the home",
    "Eastmoor County Council £210,000",
    "Shared budget £385,000",
    "The effectiveness of the front door and early help",
    "Eastmoor threshold document",
    "A rapid review is completed within 15 working days of the notification.",
    "Resolving disagreements",
    "Sign-off by the lead safeguarding partners",
    "Police Chief Constable, Eastmoor Constabulary 20 November 2024",
    "How this document meets Working Together 2023",
    "This shows what the document says on each requirement, not whether it is good enough.",
    "Commits the partners to publishing a yearly report. (statutory duty) WT2023 ch. 2, "
    "Published local arrangements Yearly report",
    "Explains how disagreements between partners are escalated and resolved. WT2023 ch. 2, "
    "Published local arrangements Resolving disagreements",
    "Document control",
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(CONTENT / "eastmoor/arrangements.yaml", tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_arrangements_read_back(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    assert [fact for fact in FACTS if normalise(fact) not in text] == []
    assert "DRAFT" not in text


def test_html_appendix_links_to_sections(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text()
    assert '<h2 id="escalation">Resolving disagreements</h2>' in html
    assert '<a href="#escalation">Resolving disagreements</a>' in html
    assert '<a href="#partnership">Safeguarding partners</a>' in html
    targets = {t.split('"')[0] for t in html.split('href="#')[1:]}
    assert all(f'id="{target}"' in html for target in targets)


def test_word_appendix_links_to_bookmarked_headings(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    body = document.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    anchors = [link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))
               if link.get(qn("w:anchor"))]
    assert {"escalation", "partnership", "yearly_report", "independent_scrutiny"} <= set(anchors)
    assert set(anchors) <= bookmarks
    ids = [b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkStart"))]
    assert len(ids) == len(set(ids))
    heading = next(p for p in document.paragraphs if p.text == "Resolving disagreements")
    assert heading.style.name == "Heading 1"
    assert heading._p.find(qn("w:bookmarkStart")).get(qn("w:name")) == "escalation"


def test_pdf_appendix_links_inside_the_document(outputs: dict[str, Path]) -> None:
    reader = PdfReader(str(outputs["pdf"]))
    appendix = next(i for i, page in enumerate(reader.pages)
                    if "How this document meets" in (page.extract_text() or ""))
    links = [a.get_object() for a in reader.pages[appendix].get("/Annots", [])
             if a.get_object()["/Subtype"] == "/Link"]
    internal = [link for link in links if "/Dest" in link or
                link.get("/A", {}).get("/S") == "/GoTo"]
    assert len(internal) >= 10
    assert "escalation" in reader.named_destinations


def test_a_missing_duty_stops_the_build(tmp_path: Path) -> None:
    content = tmp_path / "eastmoor"
    shutil.copytree(CONTENT / "eastmoor", content)
    drop_key(content / "arrangements.yaml", "yearly_report")
    result = CliRunner().invoke(main, ["build", str(content / "arrangements.yaml"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "error: arr_yearly_report (must, WT2023 ch. 2, Published local arrangements): " \
           "`yearly_report` is missing" in result.output
    assert "the docx was not built: a statutory duty (a must) is not addressed" in result.output
    assert "--allow-incomplete" in result.output
    assert not (tmp_path / "out").exists()


def test_an_incomplete_draft_is_marked_on_every_page(tmp_path: Path) -> None:
    content = tmp_path / "eastmoor"
    shutil.copytree(CONTENT / "eastmoor", content)
    drop_key(content / "arrangements.yaml", "yearly_report")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(content / "arrangements.yaml"), "--out",
                                       str(out), "--allow-incomplete"])
    assert result.exit_code == 0, result.output
    pages = PdfReader(str(out / "eastmoor/arrangements.pdf")).pages
    assert all("DRAFT — incomplete" in (page.extract_text() or "") for page in pages)
    header = docx.Document(str(out / "eastmoor/arrangements.docx")).sections[0].header
    assert "DRAFT — incomplete: not for publication" in header.paragraphs[-1].text
    html = (out / "eastmoor/arrangements.html").read_text()
    assert '<p class="incomplete" role="note"><strong>DRAFT — incomplete.</strong>' in html
    assert "Not yet addressed" in normalise(READERS["html"](out / "eastmoor/arrangements.html"))


@pytest.mark.parametrize(("control", "sentence"), [
    ("  status: published\n  published_on: 2024-12-05\n",
     "These arrangements took effect from 1 December 2024; they were published on 5 December "
     "2024."),
    ("  status: published\n  published_on: 2024-11-20\n",
     "These arrangements take effect from 1 December 2024; they were published on 20 November "
     "2024."),
])
def test_the_date_in_force_beside_the_date_published(tmp_path: Path, control: str,
                                                     sentence: str) -> None:
    arrangements = edited_copy(tmp_path, CONTENT / "eastmoor/arrangements.yaml",
                               ("  status: final\n", control))
    outputs = built(arrangements, tmp_path / "out", formats=("docx", "html"))
    for fmt in ("docx", "html"):
        assert sentence in normalise(READERS[fmt](outputs[fmt])), fmt
