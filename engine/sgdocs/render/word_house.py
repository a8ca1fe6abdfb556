"""The house style of the shipped Word templates, kept in Word's own styles (Normal, Title,
Heading 1-5, List Bullet, Quote, Hyperlink, the "sgdocs Table" table style) so that a
business manager can restyle a template in Word; and the page every template shares: A4,
the partnership's name and a draft warning above, the title and page numbers below, the
security classification when there is one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

FONT = "Arial"
PRIMARY = "1F3D63"
WHITE = "FFFFFF"
ACCENT = "E8EEF6"
RULE = "B8C4D4"
MUTED = "4A4A4A"
PARAGRAPH_PROPERTIES = ("w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                        "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                        "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                        "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
                        "w:rPr", "w:sectPr", "w:pPrChange")
"""The order WordprocessingML requires of a paragraph's properties, from the border on."""
WARNING = "9B1C1C"
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

TABLE_STYLE = f"""
<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="sgdocsTable">
  <w:name w:val="sgdocs Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{PRIMARY}"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="firstCol">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""

HYPERLINK_STYLE = f"""
<w:style {nsdecls('w')} w:type="character" w:styleId="Hyperlink">
  <w:name w:val="Hyperlink"/>
  <w:basedOn w:val="DefaultParagraphFont"/>
  <w:uiPriority w:val="99"/>
  <w:unhideWhenUsed/>
  <w:rPr><w:color w:val="0B57A4"/><w:u w:val="single"/></w:rPr>
</w:style>
"""


def new_document(title: str) -> Any:
    document = Document()
    _drop_word_2010_style_copy(document)
    _page_setup(document)
    _house_styles(document)
    _header_and_footer(document)
    properties = document.core_properties
    properties.title = title
    properties.author = "sgdocs"
    properties.last_modified_by = "sgdocs"
    properties.language = "en-GB"
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    return document


def _drop_word_2010_style_copy(document: Any) -> None:
    """python-docx's blank document carries stylesWithEffects.xml, a copy of the styles for
    Word 2010. Once the styles change, Word sees the copy disagree and offers to repair the
    file; the copy is optional, so the templates leave it out (and the thumbnail of a blank
    page, which file browsers would show for every output)."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)
    package_rels = document.part.package.rels  # and the blank page's thumbnail picture
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rel_id]


def _page_setup(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.left_margin = section.right_margin = Mm(20)
    section.header_distance = section.footer_distance = Mm(10)


def _house_styles(document: Any) -> None:
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in defaults.findall(qn("w:lang")):
        defaults.remove(old)
    defaults.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="en-GB" w:eastAsia="en-GB" '
                              'w:bidi="ar-SA"/>'))

    # Paragraph spacing lives in the document defaults, not in Normal, so that the table
    # style's tighter spacing applies inside tables (Normal would override it).
    paragraph_defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
    paragraph_defaults.getparent().remove(paragraph_defaults)
    styles.element.find(qn("w:docDefaults")).append(parse_xml(
        f'<w:pPrDefault {nsdecls("w")}><w:pPr><w:spacing w:after="120" w:line="264" '
        'w:lineRule="auto"/></w:pPr></w:pPrDefault>'))

    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    for name, size, before, colour in (
            ("Heading 1", 15, 18, PRIMARY), ("Heading 2", 12.5, 12, PRIMARY),
            ("Heading 3", 11.5, 10, PRIMARY), ("Heading 4", 11, 8, PRIMARY),
            ("Heading 5", 11, 8, "1B1B1B")):  # 4 and 5: a text field's own sub-headings
        _display(styles[name], size, colour, before=before, after=4)
        styles[name].paragraph_format.keep_with_next = True
    _display(styles["Title"], 24, PRIMARY, after=4)
    _display(styles["Subtitle"], 11, MUTED, after=14, bold=False)
    _stock_colours_out(styles)

    quote = styles["Quote"]
    quote.font.italic = False
    quote.font.color.rgb = RGBColor.from_string("1B1B1B")
    quote.paragraph_format.left_indent = Mm(4)
    quote.paragraph_format.right_indent = Mm(0)
    quote.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    quote_box(quote)

    extract = styles.add_style("Extract", WD_STYLE_TYPE.PARAGRAPH)
    extract.base_style = quote
    extract.quick_style = True
    extract.paragraph_format.left_indent = Mm(18)
    extract.paragraph_format.first_line_indent = Mm(-10)
    extract.paragraph_format.tab_stops.add_tab_stop(Mm(18))

    notice = styles.add_style("Notice", WD_STYLE_TYPE.PARAGRAPH)
    notice.base_style = styles["Normal"]
    notice.font.size = Pt(9.5)
    notice.element.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="single" w:sz="8" w:space="4" w:color="{MUTED}"/>'
            for side in ("top", "left", "bottom", "right")) + "</w:pBdr>"))

    caption = styles["Caption"]
    caption.font.bold = False
    caption.font.size = Pt(9)
    caption.font.color.rgb = RGBColor.from_string(MUTED)

    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8.5)
        styles[name].font.color.rgb = RGBColor.from_string(MUTED)
        styles[name].paragraph_format.tab_stops.clear_all()

    toc_heading = styles["TOC Heading"]
    _display(toc_heading, 15, PRIMARY, before=18, after=4)
    toc_heading.paragraph_format.page_break_before = False
    for level in (1, 2):
        entry = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        entry.base_style = styles["Normal"]
        entry.paragraph_format.left_indent = Mm(6 * (level - 1))
        entry.paragraph_format.space_after = Pt(3)
        entry.font.size = Pt(11 if level == 1 else 10)

    styles.element.append(parse_xml(TABLE_STYLE))
    if "Hyperlink" not in [style.name for style in styles]:
        styles.element.append(parse_xml(HYPERLINK_STYLE))


def quote_box(style: Any) -> None:
    """Paragraphs of `style` on the accent colour with a bar in the primary colour beside
    them, as the PDF sets a quotation; a brand recolours both (`word_brand`)."""
    properties = style.element.get_or_add_pPr()
    properties.insert_element_before(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{ACCENT}"/>'),
        *PARAGRAPH_PROPERTIES[2:])
    properties.insert_element_before(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="24" w:space="8" '
        f'w:color="{PRIMARY}"/></w:pBdr>'), *PARAGRAPH_PROPERTIES[1:])


def _stock_colours_out(styles: Any) -> None:
    """Word's blank document draws the title's rule and the "Intense Quote" callout in its
    own accent blue, italic and letter-spaced: here they are in the house colours, as the
    PDF draws them (a callout: a bar in the primary colour beside plain text)."""
    for edge in styles["Title"].element.pPr.iter(qn("w:bottom")):
        edge.set(qn("w:color"), RULE)
        edge.attrib.pop(qn("w:themeColor"), None)
    for spacing in styles["Subtitle"].element.rPr.findall(qn("w:spacing")):
        styles["Subtitle"].element.rPr.remove(spacing)
    callout = styles["Intense Quote"]
    properties = callout.element.get_or_add_pPr()
    for old in properties.findall(qn("w:pBdr")):
        properties.remove(old)
    properties.insert(0, parse_xml(f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="24" '
                                   f'w:space="8" w:color="{PRIMARY}"/></w:pBdr>'))
    callout.paragraph_format.left_indent = Mm(4)
    callout.paragraph_format.right_indent = Mm(0)
    font = callout.font
    font.bold = font.italic = False
    font.color.rgb = RGBColor.from_string("1B1B1B")
    for colour in callout.element.rPr.findall(qn("w:color")):
        colour.attrib.pop(qn("w:themeColor"), None)


def _display(style: Any, size: float, colour: str, *, after: float, before: float = 0,
             bold: bool = True) -> None:
    """Title, subtitle and heading styles: the house font, size, weight, colour, spacing."""
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, False
    font.color.rgb = RGBColor.from_string(colour)
    spacing = style.paragraph_format
    spacing.space_before, spacing.space_after = Pt(before), Pt(after)
    _fonts(style)


def _fonts(style: Any) -> None:
    rfonts = style.element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(theme), None)


def _header_and_footer(document: Any) -> None:
    """Partnership name and draft warning above, title and page numbers below; the
    security classification, when the document has one, centred at the top and bottom."""
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    classification(section.header, document)
    logo(section.header, document)
    header = section.header.add_paragraph(style=document.styles["Header"])
    header.paragraph_format.space_after = Pt(12)  # the body starts clear of the header
    header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run("{{ partnership.name }}")
    draft = header.add_run("{% if incomplete %}\tDRAFT \u2014 incomplete: not for publication"
                           "{% endif %}")
    draft.bold = True
    draft.font.color.rgb = RGBColor.from_string(WARNING)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("{{ title }}\tPage ")
    footer._p.append(_field("PAGE"))
    footer.add_run(" of ")
    footer._p.append(_field("NUMPAGES"))
    classification(section.footer, document, first=False)


def logo(part: Any, document: Any) -> None:
    """The brand's logo, when the partnership has one, in a header."""
    for text in ("{%p if brand and brand.logo %}", "{{r brand.logo }}", "{%p endif %}"):
        part.add_paragraph(text, style=document.styles["Header"])


def classification(part: Any, document: Any, first: bool = True) -> None:
    """The classification marking as a paragraph of its own, left out when there is none."""
    add = part.add_paragraph
    paragraphs = [part.paragraphs[0]] if first else []
    paragraphs += [add() for _ in range(3 - len(paragraphs))]
    texts = ("{%p if classification %}", "{{ classification }}", "{%p endif %}")
    for paragraph, text in zip(paragraphs, texts, strict=True):
        paragraph.style = document.styles["Header" if first else "Footer"]
        paragraph.add_run(text)
    marking = paragraphs[1]
    marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marking.runs[0].bold = True
    marking.runs[0].font.color.rgb = RGBColor.from_string("1B1B1B")


def _field(instruction: str) -> Any:
    return parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} \\* MERGEFORMAT">'
                     '<w:r><w:t>1</w:t></w:r></w:fldSimple>')
