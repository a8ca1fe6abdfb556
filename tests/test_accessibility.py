"""Accessible by default, read back from every example output: the web page passes axe-core
in a real browser, the PDF's structure tree is complete (tagged content or artifacts,
headings in order, header cells, figures with alt text, a contents page with page numbers
when long), and the Word document's headings, tables, pictures and contents serve a screen
reader."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import CONTENT
from sgdocs.kinds import get_kind
from sgdocs.kinds.layout import read_layout
from sgdocs.read.yamlsource import read_yaml
from sgdocs.render.pdf import CONTENTS_FROM_PAGES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _of(outputs: dict[str, Path], suffix: str) -> dict[str, Path]:
    return {name: path for name, path in outputs.items() if name.endswith(suffix)}


# The web page


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("SGDOCS_REQUIRE_BROWSER"),
                    reason="Chromium is not installed (bash .ci/run installs it)")
def test_every_web_page_passes_axe(example_outputs: dict[str, Path]) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        for name, path in _of(example_outputs, ".html").items():
            page.goto(path.as_uri())
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            found[name] = [(v["id"], v["help"], [n["html"] for n in v["nodes"]][:3])
                           for v in result.response["violations"]]
        browser.close()
    assert found == {name: [] for name in found}


def test_web_pages_have_language_skip_link_landmarks_and_ordered_headings(
        example_outputs: dict[str, Path]) -> None:
    for name, path in _of(example_outputs, ".html").items():
        html = path.read_text()
        assert '<html lang="en-GB">' in html, name
        assert '<a class="skip-link" href="#main">' in html and '<main id="main">' in html
        levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
        assert levels[0] == 1 and levels.count(1) == 1, name
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), name
        assert "<th>" not in html, f"{name}: a header cell without a scope"
        assert not re.search(r"<img(?![^>]*\balt=\")", html), f"{name}: a picture without alt"


def test_every_link_within_a_page_has_a_target(example_outputs: dict[str, Path]) -> None:
    for name, path in _of(example_outputs, ".html").items():
        html = path.read_text()
        targets = set(re.findall(r'\sid="([^"]+)"', html))
        assert set(re.findall(r'href="#([^"]+)"', html)) <= targets, name
    for name, path in _of(example_outputs, ".docx").items():
        body = docx.Document(str(path)).element.body
        bookmarks = {mark.get(qn("w:name")) for mark in body.iter(qn("w:bookmarkStart"))}
        anchors = {link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))}
        assert anchors - {None} <= bookmarks, name


# The PDF


def _reachable(kids: pikepdf.Object) -> set[tuple[int, int]]:
    """The structure elements under `kids`, read back with pikepdf (object numbers)."""
    found: set[tuple[int, int]] = set()
    waiting = [kids]
    while waiting:
        item = waiting.pop()
        if isinstance(item, pikepdf.Array):
            waiting.extend(item)
        elif isinstance(item, pikepdf.Dictionary) and item.get("/S") is not None \
                and item.objgen not in found:
            found.add(item.objgen)
            if item.get("/K") is not None:
                waiting.append(item.K)
    return found


def _structure(pdf: pikepdf.Pdf) -> list[tuple[str, pikepdf.Object]]:
    """Every structure element, in reading order, with its type."""
    found = []

    def walk(item: pikepdf.Object) -> None:
        if isinstance(item, pikepdf.Array):
            for child in item:
                walk(child)
        elif isinstance(item, pikepdf.Dictionary) and item.get("/S") is not None:
            found.append((str(item.S)[1:], item))
            if item.get("/K") is not None:
                walk(item.K)

    walk(pdf.Root.StructTreeRoot.K)
    return found


def test_pdfs_are_tagged_with_title_language_and_bookmarks(
        example_outputs: dict[str, Path]) -> None:
    for name, path in _of(example_outputs, ".pdf").items():
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == "en-GB", name
            assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle), name
            assert bool(pdf.Root.MarkInfo.Marked), name
            assert str(pdf.docinfo.Title), name
            with pdf.open_metadata() as xmp:
                assert xmp["pdfuaid:part"] == "1", name
                assert xmp["dc:title"], name
            assert len(pdf.Root.Outlines.keys()) > 0, f"{name}: no bookmarks"
            kinds = [kind for kind, _ in _structure(pdf)]
            headings = [int(kind[1]) for kind in kinds if re.fullmatch(r"H\d", kind)]
            assert headings[0] == 1 and headings.count(1) == 1, name
            assert all(b - a <= 1 for a, b in itertools.pairwise(headings)), name


def test_page_furniture_is_an_artifact_and_all_else_is_tagged(
        example_outputs: dict[str, Path]) -> None:
    for name, path in _of(example_outputs, ".pdf").items():
        with pikepdf.open(path) as pdf:
            tree = pdf.Root.StructTreeRoot
            reachable = _reachable(tree.K)
            nums = tree.ParentTree.Nums
            mapped = [element for i in range(1, len(nums), 2)
                      if isinstance(nums[i], pikepdf.Array) for element in nums[i]
                      if isinstance(element, pikepdf.Dictionary)]
            assert all(element.objgen in reachable for element in mapped), name
            for number, page in enumerate(pdf.pages, start=1):
                artifacts = [instruction for instruction in pikepdf.parse_content_stream(page)
                             if str(instruction.operator) == "BDC"
                             and instruction.operands[0] == pikepdf.Name.Artifact
                             and instruction.operands[1].get("/Type") == "/Pagination"]
                if number == 1 and _under_a_letterhead(name):
                    assert artifacts == [], f"{name}: the letterhead stands in for them"
                else:
                    assert len(artifacts) >= 3, f"{name} page {number}: header, footer, number"


def _under_a_letterhead(name: str) -> bool:
    """Whether the output `name` opens with a letterhead, whose first page, like headed
    paper, has no running header, footer or page number."""
    source = CONTENT / Path(name).with_suffix(".yaml")
    if not source.is_file():
        return False
    kind = get_kind(read_yaml(source).data["kind"], source.parent)
    layout = kind.layout(kind.outputs[0])
    return layout.is_file() and read_layout(layout).letterhead


def test_pdf_tables_have_scoped_header_cells_and_figures_alt_text(
        example_outputs: dict[str, Path]) -> None:
    with pikepdf.open(example_outputs["eastmoor/yearly-report-2024-25.pdf"]) as pdf:
        elements = _structure(pdf)
        kinds = [kind for kind, _ in elements]
        assert kinds.count("Table") >= 2 and kinds.count("TH") >= 4
        scopes = {str(element.A.Scope) for kind, element in elements if kind == "TH"}
        assert scopes == {"/Column", "/Row"}  # the figures table has both
        figures = [element for kind, element in elements if kind == "Figure"]
        assert figures and all(str(figure.get("/Alt", "")).strip() for figure in figures)


def test_pdf_header_cells_keep_their_spans(example_outputs: dict[str, Path]) -> None:
    with pikepdf.open(example_outputs["bexley/tender.pdf"]) as pdf:
        spans = [int(element.A.ColSpan) for kind, element in _structure(pdf)
                 if kind == "TH" and element.A.get("/ColSpan") is not None]
    assert spans and all(span > 1 for span in spans)


def test_pdf_links_say_where_they_go(example_outputs: dict[str, Path]) -> None:
    with pikepdf.open(example_outputs["eastmoor/yearly-report-2024-25.pdf"]) as pdf:
        descriptions = [str(annotation.Contents) for annotation in pdf.pages[0].Annots]
    assert "Go to \u201cAbout this report\u201d" in descriptions
    assert all(d.startswith("Go to \u201c") for d in descriptions)


def test_a_long_pdf_has_contents_with_the_right_page_numbers(
        example_outputs: dict[str, Path]) -> None:
    reader = PdfReader(example_outputs["eastmoor/yearly-report-2024-25.pdf"])
    assert len(reader.pages) >= CONTENTS_FROM_PAGES
    first = reader.pages[0].extract_text()
    entries = dict(re.findall(r"^(.+?)\s*\.{3,}\s*(\d+)\s*$", first, re.MULTILINE))
    assert list(entries)[:3] == ["About this report", "Summary", "For children and families"]
    assert len(entries) >= 12
    for heading, number in entries.items():
        text = " ".join((reader.pages[int(number) - 1].extract_text() or "").split())
        assert heading in text, f"{heading} is not on page {number}"


def test_a_short_pdf_has_no_contents(example_outputs: dict[str, Path]) -> None:
    reader = PdfReader(example_outputs["eastmoor/scrutiny-report-2023-24.pdf"])
    assert len(reader.pages) < CONTENTS_FROM_PAGES
    assert "Contents" not in (reader.pages[0].extract_text() or "")


# The Word document


def _heading_levels(document: docx.document.Document) -> list[int]:
    return [0 if p.style.name == "Title" else int(p.style.name.split()[-1])
            for p in document.paragraphs
            if p.text.strip() and (p.style.name == "Title" or
                                   re.fullmatch(r"Heading \d", p.style.name))]


def test_word_headings_use_built_in_styles_without_skipping(
        example_outputs: dict[str, Path]) -> None:
    for name, path in _of(example_outputs, ".docx").items():
        levels = _heading_levels(docx.Document(str(path)))
        assert levels[0] == 0 and levels.count(0) == 1, name  # the title, once
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), name


def test_word_tables_repeat_their_header_rows_and_pictures_have_alt_text(
        example_outputs: dict[str, Path]) -> None:
    for name, path in _of(example_outputs, ".docx").items():
        document = docx.Document(str(path))
        for table in document.tables:
            look = table._tbl.tblPr.find(qn("w:tblLook"))
            if look is not None and look.get(qn("w:firstRow")) == "1":
                assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None, name
        for picture in document.element.body.iter(qn("wp:docPr")):
            assert picture.get("descr", "").strip(), name
        properties = document.core_properties
        assert properties.title and properties.subject and properties.author, name
        assert properties.language == "en-GB", name


def test_word_contents_are_filled_in_and_linked_without_an_update_prompt(
        example_outputs: dict[str, Path]) -> None:
    path = example_outputs["eastmoor/yearly-report-2024-25.docx"]
    document = docx.Document(str(path))
    body = document.element.body
    block = next(body.iter(qn("w:sdtContent")))
    entries = [(link.get(qn("w:anchor")), "".join(t.text for t in link.iter(qn("w:t"))))
               for link in block.iter(qn("w:hyperlink"))]
    assert [text for _, text in entries][:3] == ["About this report", "Summary",
                                                 "For children and families"]
    headings = {}
    for paragraph in document.paragraphs:
        for mark in paragraph._p.iter(qn("w:bookmarkStart")):
            headings[mark.get(qn("w:name"))] = (paragraph.style.name, paragraph.text)
    for anchor, text in entries:
        style, heading = headings[anchor]
        assert heading == text and style in ("Heading 1", "Heading 2")
    assert len(entries) == sum(1 for level in _heading_levels(document) if level in (1, 2))
    instruction = "".join(t.text for t in block.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2" \\h' in instruction
    with zipfile.ZipFile(path) as archive:
        assert "updateFields" not in archive.read("word/settings.xml").decode()
        assert "w:dirty" not in archive.read("word/document.xml").decode()


def test_a_rating_shown_only_as_colour_is_refused(tmp_path: Path) -> None:
    from conftest import CONTENT, cli
    from yamledit import drop_key, line_of

    report = tmp_path / "eastmoor/yearly-report-2024-25.yaml"
    shutil.copytree(CONTENT / "eastmoor", report.parent)
    drop_key(report, "impact")
    with report.open("a") as stream:
        stream.write("impact: |\n  - Neglect: \U0001f7e2 Green\n  - Exploitation: \U0001f534\n")
    result = cli("check", str(report))
    assert result.exit_code == 1
    assert (f"{report}:{line_of(report, 'Exploitation: ')}: error: a RAG status shown only as "
            "colour (\U0001f534)") in " ".join(result.output.split())
    assert f"{report}:{line_of(report, 'Neglect: ')}:" not in result.output
