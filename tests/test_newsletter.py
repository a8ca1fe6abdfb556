"""TASP's Autumn 2023 newsletter, assembled from the files contributors write: contents by
section, events the British way, pictures with alt text; missing and stray articles found."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import CONTENT, READERS, built, cli, normalise
from yamledit import line_of

ISSUE = CONTENT / "tasp/newsletter-autumn-2023.yaml"
FACTS = [
    "Newsletter – Autumn 2023",
    "In this issue",
    "Webinars: November; December; January: Safeguarding and the role of Grandparents",
    "Welcome to the TASP winter newsletter.",
    "TASP Annual General Meeting: Thursday 7 December 2023, 4:30pm to 6:30pm",
    "Safeguarding and the role of Grandparents: What are the child protection issues?: Monday "
    "22 January 2024, 4pm to 5:15pm",
    "Independent Scrutiny Network Meeting: Wednesday 10 January 2024, 4:30pm to 5:30pm",
    "Business Managers Network meeting: Monday 27 November 2023, 4pm to 5:30pm",
    "Vulnerability and Exploitation Conference 2024: Thursday 7 March 2024 to Friday 8 March "
    "2024",
    "Our Unveiling LADO webinar was extremely popular with 212 attendees",
    "Identifying and managing risk: the need to successfully identify and protect individuals",
    "In life and love, you learn that there comes a time to let go and move on. (Taylor Swift)",
    "Richard Burrows",
    "Please phone the Association on 07880 209 788",
]
SECTIONS = ["Introduction", "AGM", "Comings and Goings", "Research", "Webinars",
            "TASP Networks", "Stakeholder News", "Afterword", "Vacancies", "Your Views"]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(ISSUE, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_newsletter_reads_back(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    assert [fact for fact in FACTS if normalise(fact) not in text] == []
    positions = [text.index(section, text.index("Welcome to the TASP")) for section in
                 SECTIONS[1:]]
    assert positions == sorted(positions)


def test_contents_link_to_the_sections(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text()
    assert '<a href="#section_stakeholder_news">Stakeholder News</a>' in html
    assert '<h2 id="section_stakeholder_news">Stakeholder News</h2>' in html
    import docx as python_docx
    from docx.oxml.ns import qn

    body = python_docx.Document(str(outputs["docx"])).element.body
    anchors = {link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))
               if link.get(qn("w:anchor"))}
    bookmarks = {mark.get(qn("w:name")) for mark in body.iter(qn("w:bookmarkStart"))}
    assert "section_stakeholder_news" in anchors and anchors <= bookmarks


@pytest.fixture
def tasp(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    return tmp_path / "tasp"


def test_a_missing_article_file(tasp: Path) -> None:
    issue = tasp / ISSUE.name
    (tasp / "newsletter-autumn-2023/news-cdop.yaml").unlink()
    result = cli("check", str(issue))
    assert result.exit_code == 1
    assert (f"{issue}:{line_of(issue, 'news-cdop.yaml')}: error: there is no file "
            "`newsletter-autumn-2023/news-cdop.yaml` beside this one") in result.output


def test_an_article_not_placed_in_the_issue(tasp: Path) -> None:
    issue = tasp / ISSUE.name
    issue.write_text(issue.read_text().replace("  - newsletter-autumn-2023/news-cdop.yaml\n", ""))
    result = cli("check", str(tasp))
    assert result.exit_code == 0
    stray = tasp / "newsletter-autumn-2023/news-cdop.yaml"
    assert f"{stray}: warning: this article is not used by any document" in result.output


def test_a_failing_issue_does_not_make_its_articles_look_unused(tasp: Path) -> None:
    issue = tasp / ISSUE.name
    issue.write_text(issue.read_text().replace("\ntitle:", "\ntitel:", 1))
    result = cli("check", str(tasp))
    assert result.exit_code == 1 and "unknown key `titel`" in result.output
    assert "not used by any document" not in result.output


def test_a_section_split_by_another(tasp: Path) -> None:
    issue = tasp / ISSUE.name
    text = issue.read_text().replace("  - newsletter-autumn-2023/webinars-december.yaml\n", "")
    issue.write_text(text.replace("  - newsletter-autumn-2023/afterword.yaml\n",
                                  "  - newsletter-autumn-2023/afterword.yaml\n"
                                  "  - newsletter-autumn-2023/webinars-december.yaml\n"))
    result = cli("check", str(issue))
    assert (f"{issue}:{line_of(issue, 'webinars-december')}: error: this article is in "
            "\u201cWebinars\u201d, which other sections have already interrupted") in \
        result.output


def _png(path: Path, width: int = 40, height: int = 20) -> None:
    """A small, real PNG (a blue rectangle)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x1f\x3d\x63" * width for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(
        ">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) +
        chunk(b"IEND", b""))


def test_an_article_picture_has_its_alt_text_everywhere(tasp: Path, tmp_path: Path) -> None:
    folder = tasp / "newsletter-autumn-2023"
    (folder / "images").mkdir()
    _png(folder / "images/plan.png")
    article = folder / "news-npcc.yaml"
    article.write_text(article.read_text() + "image:\n  file: images/plan.png\n  alt: The "
                       "seven strands of the Vulnerability Action Plan\n  caption: The plan's "
                       "seven strands\n")
    out = built(tasp / ISSUE.name, tmp_path / "out")
    assert ('alt="The seven strands of the Vulnerability Action Plan"' in
            out["html"].read_text())
    import docx as python_docx
    from docx.oxml.ns import qn

    document = python_docx.Document(str(out["docx"]))
    assert [p.get("descr") for p in document.element.body.iter(qn("wp:docPr"))] == [
        "The seven strands of the Vulnerability Action Plan"]
    assert "The plan's seven strands" in normalise(READERS["pdf"](out["pdf"]))


@pytest.mark.parametrize(("image", "message"), [
    ("images/missing.png", "there is no picture `images/missing.png`"),
    ("../../../outside.png", "`../../../outside.png` leads outside the content folder"),
    ("notes.yaml", "`notes.yaml` is not a PNG or JPEG picture"),
])
def test_pictures_must_be_pictures_inside_the_content_folder(tasp: Path, image: str,
                                                             message: str) -> None:
    folder = tasp / "newsletter-autumn-2023"
    (folder / "notes.yaml").write_text("kind: article\n")
    article = folder / "vacancies.yaml"
    article.write_text(article.read_text() + f"image:\n  file: {image}\n  alt: A picture\n")
    result = cli("check", str(tasp / ISSUE.name))
    assert result.exit_code == 1
    assert f"{article}:{line_of(article, 'file:')}: error: {message}" in result.output


def test_a_picture_needs_alt_text(tasp: Path) -> None:
    article = tasp / "newsletter-autumn-2023/vacancies.yaml"
    article.write_text(article.read_text() + "image:\n  file: x.png\n")
    result = cli("check", str(article))
    assert result.exit_code == 1
    assert "error: `image.alt` is missing" in result.output


def test_an_issue_s_number_date_strapline_links_and_members_items(tmp_path: Path) -> None:
    """The masthead gives the issue's number and date, a strapline and links; an item for
    members only is marked, in the contents too; an article published elsewhere is linked."""
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    issue = tmp_path / "tasp/newsletter-autumn-2023.yaml"
    issue.write_text(issue.read_text().replace(
        "season: Autumn 2023\n", "season: Autumn 2023\nissue_number: 12\nstrapline: News for "
        "safeguarding partnerships\nmasthead_links:\n  - {text: theasp.org.uk, url: "
        "https://theasp.org.uk}\n  - {text: Subscribe, url: https://example.org/subscribe}\n")
        .replace("  status: published\n", "  status: published\n  published_on: 2023-11-20\n"))
    agm = tmp_path / "tasp/newsletter-autumn-2023/agm.yaml"
    agm.write_text(agm.read_text().replace("section: AGM\n", "section: AGM\nmembers_only: true\n"))
    vacancies = tmp_path / "tasp/newsletter-autumn-2023/vacancies.yaml"
    vacancies.write_text(vacancies.read_text().replace(
        "kind: article\n", "kind: article\nelsewhere: https://example.org/vacancies\n"))
    outputs = built(issue, tmp_path / "out", formats=("docx", "pdf", "html"))
    for fmt in ("docx", "pdf", "html"):
        text = normalise(READERS[fmt](outputs[fmt]))
        assert ("The Association of Safeguarding Partners · Issue 12 · Autumn 2023 · 20 November "
                "2023 · Edited by TASP News for safeguarding partnerships theasp.org.uk · "
                "Subscribe In this issue") in text, fmt
        assert "AGM: TASP Annual AGM (members only)" in text, fmt
        assert "TASP Annual AGM Members only Our Annual General Meeting" in text, fmt
        assert "Read it in full" in text, fmt
    links = [p for p in docx.Document(str(outputs["docx"])).paragraphs
             if p.text == "theasp.org.uk  ·  Subscribe"]
    assert [h.address for h in links[0].hyperlinks] == ["https://theasp.org.uk",
                                                        "https://example.org/subscribe"]
    html = outputs["html"].read_text()
    assert '<a href="https://example.org/vacancies">Read it in full</a>' in html


def _band(style: docx.styles.style.ParagraphStyle) -> tuple[str | None, str]:
    """A style's band colour (None if it has no band) and its text colour."""
    shading = style.element.pPr.find(qn("w:shd")) if style.element.pPr is not None else None
    return (None if shading is None else shading.get(qn("w:fill")), str(style.font.color.rgb))


def test_word_heads_the_issue_and_its_sections_on_bands(outputs: dict[str, Path],
                                                        tmp_path: Path) -> None:
    """In Word, as on the web page, the masthead and each section's heading stand white on
    a band; a partnership's brand recolours the band, never the text into it."""
    word = docx.Document(str(outputs["docx"]))
    assert [_band(word.styles[name]) for name in ("Title", "Heading 1", "Heading 2")] == [
        ("1F3D63", "FFFFFF"), ("1F3D63", "FFFFFF"), (None, "1F3D63")]
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"][:3] == [
        "In this issue", "Introduction", "AGM"]
    folder = tmp_path / "tasp"
    shutil.copytree(ISSUE.parent, folder)
    with (folder / "partnership.yaml").open("a") as partnership:
        partnership.write('brand:\n  primary: "#0B5563"\n  accent: "#E4F2F3"\n')
    branded = docx.Document(str(built(folder / ISSUE.name, tmp_path / "out",
                                      formats=("docx",))["docx"]))
    assert [_band(branded.styles[name]) for name in ("Title", "Heading 1", "Heading 2")] == [
        ("0B5563", "FFFFFF"), ("0B5563", "FFFFFF"), (None, "0B5563")]
