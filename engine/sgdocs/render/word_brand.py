"""The partnership's brand applied to a Word document through its styles, so the document
stays restylable in Word: headings and the title in the primary colour, table header rows
shaded in it and first columns in the accent colour, and the brand's typeface for text.
A template's own styles are otherwise left as they are."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.shared import RGBColor

from sgdocs.read.brand import Brand
from sgdocs.render.fonts import windows_name

COLOURED_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "TOC Heading")
FONT_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
               "TOC Heading", "Header", "Footer")
TABLE_STYLE = "sgdocs Table"
"""The house table style; a template's own table styles keep their colours."""
_SHADING = {"firstRow": "primary", "firstCol": "accent"}


def apply_brand(document: Any, brand: Brand) -> None:
    styles = {style.name: style for style in document.styles}
    for style in styles.values():
        _recolour_band(style, brand.primary[1:])
    for name in COLOURED_STYLES:
        if name in styles and not _banded(styles[name]):
            styles[name].font.color.rgb = RGBColor.from_string(brand.primary[1:])
    for name in ("Intense Quote", "Quote"):  # a callout's and a quotation's bar and fill
        if name in styles and not _banded(styles[name]):
            for edge in styles[name].element.iter(qn("w:left")):
                edge.set(qn("w:color"), brand.primary[1:])
            for fill in styles[name].element.iter(qn("w:shd")):
                fill.set(qn("w:fill"), brand.accent[1:])
    if brand.font:
        for name in FONT_STYLES:
            if name in styles:
                _set_font(styles[name], brand.font)
    if TABLE_STYLE not in styles:
        return
    for conditional in styles[TABLE_STYLE].element.findall(qn("w:tblStylePr")):
        colour = _SHADING.get(conditional.get(qn("w:type")))
        if colour is None:
            continue
        for shading in conditional.iter(qn("w:shd")):
            shading.set(qn("w:fill"), getattr(brand, colour)[1:])


def _banded(style: Any) -> bool:
    """Whether `style` is white on a band (a newsletter's masthead and headings)."""
    properties = style.element.pPr
    return properties is not None and properties.find(qn("w:shd")) is not None and \
        style.font.color.rgb == RGBColor.from_string("FFFFFF")


def _recolour_band(style: Any, colour: str) -> None:
    """A band's fill, and the border that pads it, in the brand's primary colour."""
    if not _banded(style):
        return
    properties = style.element.pPr
    properties.find(qn("w:shd")).set(qn("w:fill"), colour)
    for side in properties.iter(qn("w:pBdr")):
        for edge in side:
            edge.set(qn("w:color"), colour)


def _set_font(style: Any, font: str) -> None:
    """The brand's font, by the name a Windows desktop knows it by (`fonts.windows_name`)."""
    font = windows_name(font)
    style.font.name = font
    fonts = style.element.rPr.rFonts
    for attribute in ("w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)
