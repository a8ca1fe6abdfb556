"""A layout's own paragraph styles made in its Word template (a letter's Date, Salutation,
Closing), and the letterhead that heads a document's first page in place of its running
header and footer."""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from sgdocs.kinds.layout import LayoutError, Style
from sgdocs.render.word_house import (
    MUTED,
    PARAGRAPH_PROPERTIES,
    PRIMARY,
    RULE,
    WARNING,
    WHITE,
    classification,
    logo,
)

WORD_OWN = {"Date", "Salutation", "Closing", "Signature", "Body Text", "Block Text",
            "Note Heading", "Envelope Address", "Envelope Return", "Message Header"}
"""Styles Word has of its own though a blank template leaves them out: Word lists them
under their names (and in the reader's language), not as styles the template added."""
_COLOURS = {"primary": PRIMARY, "muted": MUTED, "warning": WARNING}
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "centre": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT}


def layout_style(document: Any, name: str, style: Style) -> None:
    """One of the layout's own styles added to the template, or a house style restyled."""
    styles = document.styles
    if name in styles:
        made = styles[name]
    else:
        if style.based_on not in styles:
            raise LayoutError(f"the style `{name}` is based on `{style.based_on}`, which the "
                             "Word template does not have")
        made = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        made.base_style = styles[style.based_on]
        made.quick_style = True
        if name in WORD_OWN:
            made.element.attrib.pop(qn("w:customStyle"), None)
    font, spacing = made.font, made.paragraph_format
    if style.size is not None:
        font.size = Pt(style.size)
    if style.bold is not None:
        font.bold = style.bold
    if style.capitals:
        font.all_caps = True
    if style.colour:
        font.color.rgb = RGBColor.from_string(_COLOURS[style.colour])
    if style.space_before is not None:
        spacing.space_before = Pt(style.space_before)
    if style.space_after is not None:
        spacing.space_after = Pt(style.space_after)
    if style.keep_with_next:
        spacing.keep_with_next = True
    if style.align:
        spacing.alignment = _ALIGN[style.align]
    if style.label_width:
        spacing.left_indent = Mm(style.label_width)
        spacing.first_line_indent = Mm(-style.label_width)
        spacing.tab_stops.add_tab_stop(Mm(style.label_width))
    if style.together:
        together(made)
    if style.rule_below is not None:
        rule_below(made, style.rule_below)
    if style.band:
        band(made)




def together(style: Any) -> None:
    """No space between paragraphs of `style` ("don't add space between paragraphs of the
    same style"), so that a block of lines (an address) stands apart as one."""
    properties = style.element.get_or_add_pPr()
    if properties.find(qn("w:contextualSpacing")) is None:
        properties.insert_element_before(parse_xml(f"<w:contextualSpacing {nsdecls('w')}/>"),
                                         *PARAGRAPH_PROPERTIES[16:])


def rule_below(style: Any, drawn: bool) -> None:
    """A line under paragraphs of `style`, or (`drawn` false) none."""
    properties = style.element.get_or_add_pPr()
    for borders in properties.findall(qn("w:pBdr")):
        properties.remove(borders)
    if drawn:  # in the rule colour: a brand recolours text only
        properties.insert_element_before(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="4" '
            f'w:color="{RULE}"/></w:pBdr>'), *PARAGRAPH_PROPERTIES[1:])


def band(style: Any) -> None:
    """Paragraphs of `style` white on a band of the primary colour, with a little room
    inside it; a brand recolours the band (`word_brand`)."""
    style.font.color.rgb = RGBColor.from_string(WHITE)
    rule_below(style, False)
    properties = style.element.get_or_add_pPr()
    for level in properties.findall(qn("w:numPr")):  # Word's Subtitle has one, left unshaded
        properties.remove(level)
    properties.insert_element_before(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{PRIMARY}"/>'),
        *PARAGRAPH_PROPERTIES[2:])
    properties.insert_element_before(parse_xml(
        f'<w:pBdr {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="{space}" w:color="{PRIMARY}"/>'
            for side, space in (("top", 4), ("left", 6), ("bottom", 4), ("right", 6)))
        + "</w:pBdr>"), *PARAGRAPH_PROPERTIES[1:])


def letterhead_page(document: Any) -> None:
    """The letterhead's styles, and a first page whose header holds only the classification,
    the logo and any warning (the letterhead names the partnership, which would otherwise
    be printed twice) and whose footer has no title or page number; the pages after it
    carry the usual ones. Letterhead is based on Title, so a brand's colour and typeface
    reach both."""
    styles = document.styles
    for name, base, size, after in (("Letterhead", "Title", 16, 4),
                                    ("Letterhead Details", "Normal", 9, 20)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        style.font.size = Pt(size)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(after)
        together(style)
    rule_below(styles["Letterhead"], True)
    styles["Letterhead Details"].font.color.rgb = RGBColor.from_string(MUTED)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    classification(header, document)
    logo(header, document)
    warning = header.add_paragraph(style=document.styles["Header"])
    warning.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    draft = warning.add_run("{% if incomplete %}DRAFT \u2014 incomplete: not for publication"
                            "{% endif %}")
    draft.bold = True
    draft.font.color.rgb = RGBColor.from_string(WARNING)
    classification(section.first_page_footer, document, first=False)
