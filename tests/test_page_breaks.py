"""No page of any example holds only a heading, a table row or two, a caption or document
control, and none ends on a heading or a lead-in ("I declare that:"): in the PDF and in
Word as LibreOffice lays it out, with the house fonts and with a stand-in (DejaVu Sans, on
a machine without Liberation Sans), whose wider letters move every break."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import CONTENT
from sgdocs.read import pdf_text

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
LONE_LINES = 2
"""A page with this many lines of its own or fewer holds a heading, a row or a caption
alone."""
STAND_IN = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir>
<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>
"""
"""A machine whose only fonts are DejaVu (matplotlib's copies, present wherever sgdocs is
installed)."""


def lone_pages(path: Path) -> list[str]:
    """What is wrong with each page of the PDF at `path`, as "page N: …"."""
    pages = [pdf_text.page_lines(page) for page in PdfReader(path).pages]
    running = pdf_text.running_lines(pages)
    body = pdf_text.body_size(pages)
    found = []
    for number, page in enumerate(pages, 1):
        lines = [line for line in page if (line.text, line.size) not in running]
        if len(pages) > 1 and len(lines) <= LONE_LINES:
            found.append(f"page {number} holds only {[line.text for line in lines]}")
        if len(pages) > 1 and lines and lines[0].text == "Document control":
            found.append(f"page {number} holds only document control")
        if number < len(pages) and lines and (
                lines[-1].text.endswith(":") or (pdf_text.is_heading(lines[-1], body)
                and lines[-1].size > body)):
            found.append(f"page {number} ends on “{lines[-1].text}”")
    return found


def _word_laid_out(documents: list[Path], out: Path, env: dict[str, str]) -> list[Path]:
    """Each Word file laid out by LibreOffice as a PDF (one call for them all)."""
    staged = out / "word"
    staged.mkdir(parents=True)
    for document in documents:
        shutil.copy(document, staged / f"{document.parent.name}--{document.name}")
    assert SOFFICE
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out / "laid-out"),
                    *map(str, sorted(staged.iterdir()))],
                   check=True, capture_output=True, timeout=600, env=env)
    return sorted((out / "laid-out").glob("*.pdf"))


def _stand_in(folder: Path) -> dict[str, str]:
    import matplotlib

    config = folder / "fonts.conf"
    config.write_text(STAND_IN.format(fonts=Path(matplotlib.get_data_path()) / "fonts/ttf",
                                      cache=folder / "cache"))
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


@pytest.fixture(scope="module")
def laid_out(example_outputs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
             ) -> dict[str, list[Path]]:
    """Every example's PDF, and its Word file laid out, with the house fonts and with the
    stand-in, by "fonts format"."""
    folder = tmp_path_factory.mktemp("page-breaks")
    stand_in = _stand_in(folder)
    subprocess.run([sys.executable, "-m", "sgdocs", "build", str(CONTENT), "--out",
                    str(folder / "stand-in"), "--format", "pdf,docx", "--allow-sensitive",
                    "--quiet"], check=True, capture_output=True, timeout=600, env=stand_in)
    found = {"house pdf": [p for name, p in example_outputs.items() if name.endswith(".pdf")],
             "stand-in pdf": sorted((folder / "stand-in").rglob("*.pdf"))}
    if SOFFICE or os.environ.get("SGDOCS_REQUIRE_LIBREOFFICE"):
        found["house docx"] = _word_laid_out(
            [p for name, p in example_outputs.items() if name.endswith(".docx")],
            folder / "house", dict(os.environ))
        found["stand-in docx"] = _word_laid_out(
            sorted((folder / "stand-in").rglob("*.docx")), folder / "stand-in-word", stand_in)
    return found


@pytest.mark.parametrize("fonts", ["house", "stand-in"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_no_page_is_left_with_a_heading_a_row_or_document_control_alone(
        laid_out: dict[str, list[Path]], fonts: str, fmt: str) -> None:
    if f"{fonts} {fmt}" not in laid_out:
        pytest.skip("LibreOffice is not installed (bash .ci/run installs it)")
    assert len(laid_out[f"{fonts} {fmt}"]) >= 25
    problems = {path.name: found for path in laid_out[f"{fonts} {fmt}"]
                if (found := lone_pages(path))}
    assert problems == {}


def test_the_check_finds_a_heading_left_alone(tmp_path: Path) -> None:
    """The test above can fail: a page holding only a heading, and a page ending on one."""
    from weasyprint import HTML

    filler = "".join(f"<p>Paragraph {n} fills the page a line at a time.</p>"
                     for n in range(44))
    HTML(string=f"{filler}<h2>Alone at the foot</h2><p style='break-before: page'>Next "
         f"page.</p>{filler}<h2 style='break-before: page'>Alone on its page</h2>"
         ).write_pdf(tmp_path / "bad.pdf")
    found = lone_pages(tmp_path / "bad.pdf")
    assert any(f.endswith("ends on “Alone at the foot”") for f in found), found
    assert any(f.endswith("holds only ['Alone on its page']") for f in found), found


def test_word_says_what_keeps_together_and_columns_fit_their_words(
        example_outputs: dict[str, Path]) -> None:
    """What LibreOffice was seen to honour above, as the Word file says it: lead-ins, a
    table's introduction and what precedes document control kept with the next, short
    tables whole, and no column narrower than its longest word, date or short phrase in the
    house font."""
    import docx
    from docx.oxml.ns import qn

    from sgdocs.render.word_columns import PADDING, SHORT_PHRASE, _width

    def keeps(paragraph: object) -> bool:
        return paragraph.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None  # type: ignore[attr-defined]

    report = docx.Document(str(example_outputs["westvale/scrutiny-report-2024-25.docx"]))
    paragraphs = report.paragraphs
    evidence = [p for p in paragraphs if p.text == "Evidence:"]
    assert evidence and all(keeps(p._p) for p in evidence)
    def text(block: object) -> str:
        return "".join(t.text or "" for t in block.iter(qn("w:t")))  # type: ignore[attr-defined]

    blocks = [b for b in report.element.body.iterchildren()
              if b.tag in (qn("w:p"), qn("w:tbl"))]
    control = next(i for i, b in enumerate(blocks) if text(b) == "Document control")
    before = next(b for b in reversed(blocks[:control]) if text(b).strip())
    if before.tag == qn("w:tbl"):  # its last row
        before = before.findall(qn("w:tr"))[-1].find(f".//{qn('w:p')}")
    assert keeps(before)
    findings = report.tables[0]  # the RAG summary: seven rows, kept whole
    assert [keeps(row.cells[0].paragraphs[0]._p) for row in findings.rows] == [True] * (
        len(findings.rows) - 1) + [False]

    tracker = docx.Document(str(example_outputs["eastmoor/self-assessment-2024.docx"]))
    for table in tracker.tables:
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for number, row in enumerate(table.rows):
            for cell, width in zip(row.cells, widths, strict=True):
                for word in cell.text.split():
                    assert _width(word, bold=number == 0) + PADDING <= width + 1, word

    yearly = docx.Document(str(example_outputs["eastmoor/yearly-report-2024-25.docx"]))
    blocks = [b for b in yearly.element.body.iterchildren()
              if b.tag in (qn("w:p"), qn("w:tbl"))]
    introductions = [b for b, after in itertools.pairwise(blocks) if after.tag == qn("w:tbl")
                     and text(b).startswith("Working days are counted")]
    assert introductions and all(keeps(b) for b in introductions)
    reviews = next(t for t in yearly.tables if t.rows[0].cells[0].text == "Reference")
    widths = [int(c.get(qn("w:w"))) for c in reviews._tbl.tblGrid.findall(qn("w:gridCol"))]
    dates = [(cell.text, width) for row in reviews.rows[1:]
             for cell, width in zip(row.cells, widths, strict=True)
             if re.fullmatch(r"\d+ \w+ \d{4}", cell.text)]
    assert len(dates) >= 10 and all(_width(date, bold=False) + PADDING <= width + 1
                                    for date, width in dates)  # a date is never broken
    assert all(_width(status, bold=False) + PADDING <= width + 1 for row in reviews.rows[1:]
               for status, width in zip([c.text for c in row.cells], widths, strict=True)
               if len(status) <= SHORT_PHRASE)
