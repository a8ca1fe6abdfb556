"""A partnership's brand (logo, colours, typeface) reaches every output, read back from the
files; Westvale and Eastmoor build the same kind of report side by side in their own
brands; a brand that would make text hard to read is refused at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn

from conftest import CONTENT, cli
from sgdocs.read.brand import contrast

REPORT = "scrutiny-report-2024-25"
BRANDS = {"eastmoor": ("0B5563", "E4F2F3", "Liberation-Sans"),  # the house typeface
          "westvale": ("5B2A86", "F3EDF9", "Liberation-Serif")}


def _pdf_fonts(path: Path) -> set[str]:
    with pikepdf.open(path) as pdf:
        return {str(font.BaseFont).split("+")[-1] for page in pdf.pages
                for font in page.Resources.Font.values()}


def _pdf_figures(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        found: list[str] = []

        def walk(item: pikepdf.Object) -> None:
            if isinstance(item, pikepdf.Array):
                for child in item:
                    walk(child)
            elif isinstance(item, pikepdf.Dictionary) and item.get("/S") is not None:
                if item.S == "/Figure":
                    found.append(str(item.get("/Alt", "")))
                if item.get("/K") is not None:
                    walk(item.K)

        walk(pdf.Root.StructTreeRoot.K)
    return found


@pytest.mark.parametrize("area", BRANDS)
def test_the_web_page_and_pdf_wear_the_brand(example_outputs: dict[str, Path],
                                              area: str) -> None:
    primary, accent, font = BRANDS[area]
    name = f"{area.capitalize()} Safeguarding Children Partnership"
    html = example_outputs[f"{area}/{REPORT}.html"].read_text()
    assert f"--primary: #{primary}; --accent: #{accent};" in html
    assert '<img class="logo" src="data:image/png;base64,' in html and f'alt="{name}"' in html
    pdf = example_outputs[f"{area}/{REPORT}.pdf"]
    assert name in _pdf_figures(pdf)  # the logo, tagged with its alt text
    fonts = _pdf_fonts(pdf)
    assert any(found.startswith(font) for found in fonts)
    assert any(found.startswith("Liberation-Serif") for found in fonts) == (area == "westvale")


@pytest.mark.parametrize("area", BRANDS)
def test_the_word_document_wears_the_brand(example_outputs: dict[str, Path],
                                           area: str) -> None:
    primary, accent, _ = BRANDS[area]
    document = docx.Document(str(example_outputs[f"{area}/{REPORT}.docx"]))
    styles = document.styles
    assert str(styles["Heading 1"].font.color.rgb) == primary
    assert str(styles["Title"].font.color.rgb) == primary
    table_style = styles["sgdocs Table"].element
    fills = {conditional.get(qn("w:type")): conditional.find(f".//{qn('w:shd')}").get(
        qn("w:fill")) for conditional in table_style.findall(qn("w:tblStylePr"))}
    assert fills == {"firstRow": primary, "firstCol": accent}
    expected_font = "Liberation Serif" if area == "westvale" else "Arial"
    assert styles["Normal"].font.name == expected_font
    header = document.sections[0].header
    pictures = list(header._element.iter(qn("wp:docPr")))
    assert [p.get("descr") for p in pictures] == [
        f"{area.capitalize()} Safeguarding Children Partnership"]
    assert header.part.related_parts  # the logo belongs to the header, not the body


def test_without_a_brand_the_house_style_stays(example_outputs: dict[str, Path]) -> None:
    document = docx.Document(str(example_outputs["bexley/role-brief.docx"]))
    assert str(document.styles["Heading 1"].font.color.rgb) == "1F3D63"
    assert not list(document.sections[0].header._element.iter(qn("wp:docPr")))
    html = example_outputs["bexley/role-brief.html"].read_text()
    assert "--primary: #1f3d63;" in html and 'class="logo"' not in html
    assert "<style>:root { --primary" not in html  # no brand style over the house one


def _brand(tmp_path: Path, brand: str) -> tuple[Path, int]:
    """Westvale's content with its brand replaced by `brand` (YAML lines under brand:), and
    the line `brand:` is on."""
    root = tmp_path / "westvale"
    shutil.copytree(CONTENT / "westvale", root)
    text = (root / "partnership.yaml").read_text()
    start = text.index("brand:")
    (root / "partnership.yaml").write_text(text[:start] + "brand:\n" + brand)
    return root, text[:start].count("\n") + 1


@pytest.mark.parametrize(("brand", "below", "message"), [
    ('  primary: "#7FA7D9"\n', 1, "#7FA7D9 gives white table-header text on it (and it, as "
     "headings, on white) a contrast of 2.5 to 1, below the 4.5 to 1 WCAG 2.2 AA asks for"),
    ('  accent: "#5B2A86"\n', 1, "#5B2A86 gives text on it a contrast of 1.7 to 1"),
    ("  primary: teal\n", 1, "`brand.primary`: a colour is written as # and six hex digits"),
    ("  font: Comic Sans;red\n", 1, "`brand.font`: a font is named by its family"),
    ("  logo:\n    file: images/missing.png\n    alt: Westvale logo\n", 2,
     "there is no picture `images/missing.png`"),
    ("  logo:\n    file: images/logo.png\n    alt: logo\n", 3,
     "the alt text \u201clogo\u201d does not say what the picture shows"),
    ("  primary: #5B2A86\n", 1, "`brand.primary`: the colour is empty; a colour starting "
     "with # must be in quotes"),
    ("  logo:\n    file: images/broken.png\n    alt: Westvale logo\n", 2,
     "`images/broken.png` is a damaged picture"),
])
def test_a_brand_that_would_be_hard_to_read_is_refused(tmp_path: Path, brand: str, below: int,
                                                       message: str) -> None:
    root, line = _brand(tmp_path, brand)
    (root / "images/broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"not a picture" * 9)
    result = cli("check", str(root))
    assert result.exit_code == 1
    assert f"partnership.yaml:{line + below}: error: {message}" in " ".join(
        result.output.split())


def test_the_house_colours_pass_the_contrast_they_ask_of_brands() -> None:
    assert contrast("#1F3D63", "#FFFFFF") >= 4.5 and contrast("#1B1B1B", "#E8EEF6") >= 4.5
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
