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
    # page numbers and the marking too: Westvale's PDF is set in its serif alone
    assert any(found.startswith("Liberation-Sans") for found in fonts) == (area == "eastmoor")


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
    quote = styles["Quote"].element.pPr  # a quotation's bar and fill, as in the PDF
    assert quote.find(f"{qn('w:pBdr')}/{qn('w:left')}").get(qn("w:color")) == primary
    assert quote.find(qn("w:shd")).get(qn("w:fill")) == accent
    # Liberation Serif by the name of the Windows font with its widths, which LibreOffice
    # maps back: a council desktop has Times New Roman, not Liberation Serif.
    expected_font = "Times New Roman" if area == "westvale" else "Arial"
    assert styles["Normal"].font.name == expected_font
    header = document.sections[0].header
    pictures = list(header._element.iter(qn("wp:docPr")))
    assert [p.get("descr") for p in pictures] == [
        f"{area.capitalize()} Safeguarding Children Partnership"]
    inline = next(header._element.iter(qn("wp:inline")))
    assert [inline.get(side) for side in ("distL", "distR")] == ["0", "0"]  # at the margin
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


def test_a_font_not_installed_is_told_once_with_its_stand_in(tmp_path: Path) -> None:
    """The PDF is still made, in the next font of the list, and the build says so once."""
    content = tmp_path / "westvale"
    shutil.copytree(CONTENT / "westvale", content)
    brand = content / "partnership.yaml"
    brand.write_text(brand.read_text().replace("font: Liberation Serif",
                                               "font: Westvale Humanist"))
    result = cli("build", str(content), "--out", str(tmp_path / "out"), "--format", "pdf")
    assert result.exit_code == 0, result.output
    told = [line for line in result.output.splitlines() if "is not installed" in line]
    line = next(n for n, text in enumerate(brand.read_text().splitlines(), 1)
                if "font:" in text)
    assert told == [f"{brand}:{line}: warning: the font “Westvale Humanist” is not installed "
                    "on this machine, so PDFs are set in “Liberation Sans” instead, with "
                    "other line and page breaks"]
    made = tmp_path / "out/westvale" / f"{REPORT}.pdf"
    assert any(found.startswith("Liberation-Sans") for found in _pdf_fonts(made))


def test_without_the_house_fonts_the_stand_in_is_named() -> None:
    """On a machine without Liberation Sans (or Arial), the font fontconfig gives instead."""
    from sgdocs.errors import Location
    from sgdocs.render.fonts import matched, stand_ins

    [told] = stand_ins([(("Liberation Sans Missing", "Arial Missing", "sans-serif"),
                         Location(Path("templates/html/_style.css")))])
    assert told.message.endswith(f"so PDFs are set in “{matched('sans-serif')}” instead, with "
                                 "other line and page breaks")
    assert stand_ins([(("Liberation Sans", "Arial"), Location(Path(".")))]) == []
