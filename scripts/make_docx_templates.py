"""Write the shipped Word templates in templates/docx/ (run after changing this file).

The templates are ordinary Word documents a business manager can open and restyle: the
house style lives in Word's own styles (Normal, Title, Heading 1-3, List Bullet, List
Number, Quote, Hyperlink, the "sgdocs Table" table style), and the tags are docxtpl's.
This script is how the shipped versions are made, so a change to the house style is a
reviewed change to code; running it twice gives the same bytes.

    python scripts/make_docx_templates.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from sgdocs.kinds.arrangements import KIND as ARRANGEMENTS_KIND
from sgdocs.kinds.findings_briefing import KIND as BRIEFING_KIND
from sgdocs.kinds.meeting_notes import KIND as NOTES_KIND
from sgdocs.kinds.meeting_series import KIND as SERIES_KIND
from sgdocs.kinds.scrutiny_framework import KIND as FRAMEWORK_KIND
from sgdocs.kinds.scrutiny_report import KIND as REPORT_KIND
from sgdocs.kinds.self_assessment import KIND as ASSESSMENT_KIND
from sgdocs.kinds.yearly_report import KIND as YEARLY_KIND
from sgdocs.write.files import docx_bytes

ARRANGEMENTS = ARRANGEMENTS_KIND.sections
FRAMEWORK = FRAMEWORK_KIND.sections
ASSESSMENT = ASSESSMENT_KIND.sections
REPORT = REPORT_KIND.sections
SERIES = SERIES_KIND.sections
NOTES = NOTES_KIND.sections
BRIEFING = BRIEFING_KIND.sections
YEARLY = YEARLY_KIND.sections
"""Section headings come from the kinds, where the requirements appendix finds them too."""
OUT = Path(__file__).resolve().parent.parent / "templates" / "docx"
FONT = "Arial"
PRIMARY = "1F3D63"
ACCENT = "E8EEF6"
RULE = "B8C4D4"
MUTED = "4A4A4A"
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


def new_document(title: str) -> Document:
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


def _drop_word_2010_style_copy(document: Document) -> None:
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


def _page_setup(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.left_margin = section.right_margin = Mm(20)
    section.header_distance = section.footer_distance = Mm(10)


def _house_styles(document: Document) -> None:
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

    for name, size, before in (("Heading 1", 15, 18), ("Heading 2", 12.5, 12),
                               ("Heading 3", 11.5, 10)):
        _display(styles[name], size, PRIMARY, before=before, after=4)
        styles[name].paragraph_format.keep_with_next = True
    _display(styles["Title"], 24, PRIMARY, after=4)
    _display(styles["Subtitle"], 11, MUTED, after=14, bold=False)

    quote = styles["Quote"]
    quote.font.italic = False
    quote.font.color.rgb = RGBColor.from_string("1B1B1B")
    quote.paragraph_format.left_indent = Mm(8)
    quote.paragraph_format.right_indent = Mm(0)
    quote.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    extract = styles.add_style("Extract", WD_STYLE_TYPE.PARAGRAPH)
    extract.base_style = quote
    extract.quick_style = True
    extract.paragraph_format.left_indent = Mm(18)
    extract.paragraph_format.first_line_indent = Mm(-10)
    extract.paragraph_format.tab_stops.add_tab_stop(Mm(18))

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


def _display(style: object, size: float, colour: str, *, after: float, before: float = 0,
             bold: bool = True) -> None:
    """Title, subtitle and heading styles: the house font, size, weight, colour, spacing."""
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, False
    font.color.rgb = RGBColor.from_string(colour)
    spacing = style.paragraph_format  # type: ignore[attr-defined]
    spacing.space_before, spacing.space_after = Pt(before), Pt(after)
    _fonts(style)


def _fonts(style: object) -> None:
    rfonts = style.element.rPr.rFonts  # type: ignore[attr-defined]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(theme), None)


def _header_and_footer(document: Document) -> None:
    """Partnership name and draft warning above, title and page numbers below; the
    security classification, when the document has one, centred at the top and bottom."""
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    _classification(section.header, document)
    for text in ("{%p if brand and brand.logo %}", "{{r brand.logo }}", "{%p endif %}"):
        section.header.add_paragraph(text, style=document.styles["Header"])
    header = section.header.add_paragraph(style=document.styles["Header"])
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
    _classification(section.footer, document, first=False)


def _classification(part: object, document: Document, first: bool = True) -> None:
    """The classification marking as a paragraph of its own, left out when there is none."""
    add = part.add_paragraph  # type: ignore[attr-defined]
    paragraphs = [part.paragraphs[0]] if first else []  # type: ignore[attr-defined]
    paragraphs += [add() for _ in range(3 - len(paragraphs))]
    texts = ("{%p if classification %}", "{{ classification }}", "{%p endif %}")
    for paragraph, text in zip(paragraphs, texts, strict=True):
        paragraph.style = document.styles["Header" if first else "Footer"]
        paragraph.add_run(text)
    marking = paragraphs[1]
    marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marking.runs[0].bold = True
    marking.runs[0].font.color.rgb = RGBColor.from_string("1B1B1B")


def _field(instruction: str) -> object:
    return parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} \\* MERGEFORMAT">'
                     '<w:r><w:t>1</w:t></w:r></w:fldSimple>')


class Writer:
    """Adds paragraphs and tables to a template in the house style."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.bookmarks = 0
        self.fields = 0

    def para(self, text: str = "", style: str | None = None) -> object:
        paragraph = self.document.add_paragraph(style=style)
        if text:
            paragraph.add_run(text)
        return paragraph

    def heading(self, text: str, level: int = 1, page_break: bool = False,
                anchor: str = "") -> None:
        """A heading; with `anchor`, also a bookmark of that name for links to it (the name
        may be a Jinja expression, for headings repeated in a loop: the renderer numbers
        the copies' bookmarks afresh)."""
        paragraph = self.document.add_heading(text, level)
        paragraph.paragraph_format.page_break_before = page_break
        if anchor:
            self.bookmarks += 1
            bookmark_id = str(self.bookmarks)
            paragraph._p.insert(1, parse_xml(
                f'<w:bookmarkStart {nsdecls("w")} w:id="{bookmark_id}" w:name="{anchor}"/>'))
            paragraph._p.append(parse_xml(
                f'<w:bookmarkEnd {nsdecls("w")} w:id="{bookmark_id}"/>'))

    def section(self, field: str, title: str, level: int = 1) -> None:
        """An optional section: its heading (bookmarked by the field's name) and its rich
        text, both left out when the content does not fill the field in."""
        self.tag(f"{{%p if {field} %}}")
        self.heading(title, level, anchor=field.replace(".", "_"))
        self.para(f"{{{{p {field} }}}}")
        self.tag("{%p endif %}")

    def bullets(self, expression: str, item: str = "{{r item }}") -> None:
        self.tag(f"{{%p for item in {expression} %}}")
        self.para(item, "List Bullet")
        self.tag("{%p endfor %}")

    def tag(self, tag: str) -> None:
        """A paragraph holding only a docxtpl block tag ({%p ... %}); it vanishes on render."""
        self.para(tag)

    def points(self, field: str) -> None:
        """An optional intro and a bulleted list, from a list section field."""
        self.tag(f"{{%p if {field}.intro %}}")
        self.para(f"{{{{p {field}.intro }}}}")
        self.tag("{%p endif %}")
        self.bullets(f"{field}.items")

    def table(self, header: list[str] | None, rows: list[list[str]],
              widths: list[float], first_column: bool = False, total: bool = False) -> object:
        """A table in the sgdocs Table style; rows may hold {%tr %} loop tags. With `total`
        the last row is a bold total."""
        count = len(rows) + (1 if header else 0)
        table = self.document.add_table(rows=count, cols=len(widths))
        table.style = self.document.styles["sgdocs Table"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)
        for row in table.rows:
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        if look is None:
            look = parse_xml(f"<w:tblLook {nsdecls('w')}/>")
            table._tbl.tblPr.append(look)
        look.set(qn("w:val"), "0420" if header else "0080")
        for attribute, on in (("firstRow", bool(header)), ("firstColumn", first_column),
                              ("lastRow", False), ("lastColumn", False), ("noHBand", True),
                              ("noVBand", True)):
            look.set(qn(f"w:{attribute}"), "1" if on else "0")
        all_rows = ([header] if header else []) + rows
        for row, texts in zip(table.rows, all_rows, strict=True):
            for cell, text, width in zip(row.cells, texts, widths, strict=True):
                cell.width = Mm(width)
                cell.paragraphs[0].add_run(text)
        if total:
            for cell in table.rows[-1].cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
        if header:
            row_properties = table.rows[0]._tr.get_or_add_trPr()
            row_properties.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        self.para()
        return table

    def cell_paragraphs(self, table: object, row: int, col: int,
                        lines: list[tuple[str, str | None]]) -> None:
        """Replace a cell's text with several paragraphs (for tags inside a cell)."""
        cell = table.cell(row, col)  # type: ignore[attr-defined]
        cell.paragraphs[0].runs[0].text = lines[0][0]
        if lines[0][1]:
            cell.paragraphs[0].style = self.document.styles[lines[0][1]]
        for text, style in lines[1:]:
            paragraph = cell.add_paragraph(text)
            if style:
                paragraph.style = self.document.styles[style]

    def field(self, paragraph: object, label: str, placeholder: str = "Type here.",
              date: bool = False) -> None:
        """A content control (a form field) where a bidder types, in `paragraph`."""
        self.fields += 1
        kind = ('<w:date><w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-GB"/>'
                '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
                if date else '<w:text w:multiLine="1"/>')
        paragraph._p.append(parse_xml(  # type: ignore[attr-defined]
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{label}"/>'
            f'<w:tag w:val="{label}"/><w:id w:val="{self.fields}"/><w:showingPlcHdr/>{kind}'
            f'</w:sdtPr><w:sdtContent><w:r><w:rPr><w:color w:val="{MUTED}"/></w:rPr>'
            f"<w:t>{placeholder}</w:t></w:r></w:sdtContent></w:sdt>"))

    def form(self, rows: list[str], date_rows: tuple[str, ...] = ()) -> None:
        """A two-column form: a label and a field to fill in on each row."""
        table = self.table(None, [[label, ""] for label in rows], [60, 110], first_column=True)
        for row, label in zip(table.rows, rows, strict=True):  # type: ignore[attr-defined]
            self.field(row.cells[1].paragraphs[0], label.split(" (")[0].split("{{")[0].strip(),
                       date=label in date_rows)

    def cover(self) -> None:
        self.para("{{ title }}", "Title")
        self.para("{{ partnership.name }}  ·  Version {{ document_control.version }}"
                  "{% if document_control.approved_on %}  ·  {{ document_control.approved_on }}"
                  "{% endif %}{% if document_control.status == \"draft\" %}  ·  DRAFT{% endif %}",
                  "Subtitle")

    def contents(self) -> None:
        """A table of contents as Word inserts one: sgdocs fills in its entries, each a
        link to its heading, so it reads right when first opened; Word adds the page
        numbers when the reader updates the table."""
        paragraph = self.para("Contents", "TOC Heading")
        body = self.document.element.body
        block = parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj>'
            '<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
            "</w:docPartObj></w:sdtPr><w:sdtContent/></w:sdt>")
        body.replace(paragraph._p, block)
        content = block.find(qn("w:sdtContent"))
        content.append(paragraph._p)
        entry = self.para("The contents are filled in when the document is built.", "toc 1")
        entry._p.insert(1, parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/>'
                                     "</w:r>"))
        entry._p.insert(2, parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve">'
                                     ' TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'))
        entry._p.insert(3, parse_xml(f'<w:r {nsdecls("w")}><w:fldChar '
                                     'w:fldCharType="separate"/></w:r>'))
        entry._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/>'
                                  "</w:r>"))
        content.append(entry._p)

    def statutory_ending(self) -> None:
        """How arrangements and yearly reports end: the partnership's own sections, the
        lead partners' sign-off, the Working Together 2023 appendix, document control."""
        self.free_sections()
        self.sign_off()
        self.requirements_appendix()
        self.document_control()

    def free_sections(self) -> None:
        """The document's own sections, each bookmarked for the requirements appendix."""
        self.tag("{%p for section in sections %}")
        self.tag("{%p if section.body %}")
        self.heading("{{ section.title }}", anchor="section_{{ loop.index }}")
        self.para("{{p section.body }}")
        self.tag("{%p endif %}")
        self.tag("{%p endfor %}")

    def sign_off(self) -> None:
        self.tag("{%p if sign_off %}")
        self.heading("Sign-off by the lead safeguarding partners", anchor="sign_off")
        self.table(["Partner", "Signed by", "Date"], [
            ["{%tr for signature in sign_off %}", "", ""],
            ["{{ signature.role_name }}", "{{ signature.name }}", "{{ signature.date }}"],
            ["{%tr endfor %}", "", ""],
        ], [40, 90, 40])
        self.tag("{%p endif %}")

    def requirements_appendix(self) -> None:
        """The "How this document meets Working Together 2023" appendix, linked to sections."""
        self.heading("How this document meets Working Together 2023", 1, page_break=True,
                     anchor="meets_wt2023")
        self.para("Each requirement of Working Together to Safeguard Children 2023 that applies "
                  "to this document, and the section that addresses it. This shows where each "
                  "requirement is addressed, not how well.")
        self.table(["Requirement", "Reference", "Where"], [
            ["{%tr for requirement in requirements %}", "", ""],
            ['{{ requirement.summary }}{% if requirement.level == "must" %} '
             '(statutory duty){% endif %}', "{{ requirement.reference }}",
             "{{r requirement.where }}"],
            ["{%tr endfor %}", "", ""],
        ], [85, 45, 40])

    def document_control(self) -> None:
        control = "document_control"
        self.heading("Document control", 1)
        self.table(None, [
            ["Version", f"{{{{ {control}.version }}}}"],
            ["Status", f"{{{{ {control}.status | capitalize }}}}"],
            ["Owner", f"{{{{ {control}.owner }}}}"],
            ["Approved by", f"{{{{ {control}.approved_by or \"Not yet approved\" }}}}"],
            ["Approved on", f"{{{{ {control}.approved_on or \"–\" }}}}"],
            ["Review date", f"{{{{ {control}.review_date or \"Not set\" }}}}"],
        ], [50, 120], first_column=True)
        self.tag(f"{{%p if {control}.history %}}")
        self.heading("Change history", 2)
        self.table(["Version", "Date", "Change", "By"], [
            [f"{{%tr for change in {control}.history %}}", "", "", ""],
            ["{{ change.version }}", "{{ change.date }}", "{{r change.summary }}",
             "{{ change.author or \"–\" }}"],
            ["{%tr endfor %}", "", "", ""],
        ], [20, 30, 90, 30])
        self.tag("{%p endif %}")


def role_brief() -> Document:
    document = new_document("Role brief")
    w = Writer(document)
    w.cover()
    w.contents()
    w.heading("1. Purpose")
    w.para("{{p purpose }}")
    w.heading("2. Background")
    w.para("{{p background }}")
    w.heading("3. The role of independent scrutiny")
    w.para("{{p role }}")
    w.heading("3.1 Key questions in terms of the scrutiny function", 2)
    w.points("key_questions")
    w.heading("3.2 Summary of key responsibilities", 2)
    w.points("responsibilities")
    w.heading("4. Qualifications and experience")
    w.points("qualifications")
    w.heading("5. Timetable for {{ timetable.period }} work")
    w.table(["Activity", "Date"], [
        ["{%tr for entry in timetable.entries %}", ""],
        ["{{ entry.activity }}", "{{ entry.date }}"],
        ["{%tr endfor %}", ""],
    ], [120, 50])
    w.heading("6. Number of days, cost")
    days = ('{{ days_and_cost.days_per_year }} '
            '{{ "day" if days_and_cost.days_per_year == 1 else "days" }}')
    w.table(None, [
        ["Number of days anticipated", f"Up to {days} per year"],
        ["Cost", "Up to {{ days_and_cost.day_rate }} per day{% if days_and_cost.expenses %} "
                 "plus {{ days_and_cost.expenses }}{% endif %}"],
        ["Maximum annual fee", f"{{{{ days_and_cost.max_annual_fee }}}} ({days} at "
                               "{{ days_and_cost.day_rate }}){% if days_and_cost.expenses %}, "
                               "plus expenses{% endif %}"],
    ], [50, 120], first_column=True)
    w.heading("7. Timeline for procurement")
    table = w.table(["When", "Activity"], [
        ["{%tr for step in procurement_timeline %}", ""],
        ["{{ step.when }}", "placeholder"],
        ["{%tr endfor %}", ""],
    ], [35, 135])
    w.cell_paragraphs(table, 2, 1, [
        ("{%p if step.activities | length == 1 %}", None),
        ("{{r step.activities[0] }}", None),
        ("{%p else %}", None),
        ("{%p for activity in step.activities %}", None),
        ("{{r activity }}", "List Bullet"),
        ("{%p endfor %}", None),
        ("{%p endif %}", None),
    ])
    w.tag("{%p for appendix in appendices %}")
    w.heading("Appendix {{ loop.index }}: {{ appendix.title }}", 1, page_break=True)
    w.tag("{%p if appendix.intro %}")
    w.para("{{p appendix.intro }}")
    w.tag("{%p endif %}")
    w.tag("{%p for paragraph in appendix.paragraphs %}")
    extract = w.para("{{ paragraph.number }}.\t", "Extract")
    extract.add_run("{{r paragraph.text }}")  # type: ignore[attr-defined]
    w.tag("{%p endfor %}")
    w.tag("{%p if appendix.source %}")
    w.para("Source: {{ appendix.source }}", "Caption")
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")
    w.document_control()
    return document


def arrangements() -> Document:
    document = new_document("Published safeguarding arrangements")
    w = Writer(document)
    w.cover()
    w.contents()
    w.tag("{%p if effective_from %}")
    w.para("These arrangements take effect from {{ effective_from }}.")
    w.tag("{%p endif %}")
    w.tag("{%p if introduction %}")
    w.para("{{p introduction }}")
    w.tag("{%p endif %}")

    w.heading(ARRANGEMENTS["partnership"], anchor="partnership")
    w.tag("{%p if partnership.safeguarding_partners %}")
    w.table(["Partner", "Organisation", "Lead safeguarding partner",
             "Delegated safeguarding partner"], [
        ["{%tr for partner in partnership.safeguarding_partners %}", "", "", ""],
        ["{{ partner.role_name }}", "{{ partner.organisation }}", '{{ partner.lead or "–" }}',
         '{{ partner.delegate or "–" }}'],
        ["{%tr endfor %}", "", "", ""],
    ], [25, 45, 50, 50])
    w.tag("{%p endif %}")
    w.tag("{%p if partnership.chair %}")
    w.para("The partnership is chaired by {{ partnership.chair }}.")
    w.tag("{%p endif %}")

    w.section("leadership", ARRANGEMENTS["leadership"])
    w.section("geography", ARRANGEMENTS["geography"])
    w.tag("{%p if vision or priorities %}")
    w.heading(ARRANGEMENTS["vision"], anchor="vision")
    w.tag("{%p if vision %}")
    w.para("{{p vision }}")
    w.tag("{%p endif %}")
    w.tag("{%p if priorities %}")
    w.heading(ARRANGEMENTS["priorities"], 2, anchor="priorities")
    w.tag("{%p for priority in priorities %}")
    w.para("{{ priority.title }}", "Heading 3")
    w.tag("{%p if priority.description %}")
    w.para("{{p priority.description }}")
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")

    w.tag("{%p if relevant_agencies or partnership.relevant_agencies %}")
    w.heading(ARRANGEMENTS["relevant_agencies"], anchor="relevant_agencies")
    w.tag("{%p if relevant_agencies %}")
    w.para("{{p relevant_agencies }}")
    w.tag("{%p endif %}")
    w.bullets("partnership.relevant_agencies")
    w.tag("{%p endif %}")

    w.section("education", ARRANGEMENTS["education"])

    w.tag("{%p if independent_scrutiny %}")
    w.heading(ARRANGEMENTS["independent_scrutiny"], anchor="independent_scrutiny")
    for field, title in (("by_whom", "Who provides it"), ("how", "How it works")):
        w.section(f"independent_scrutiny.{field}", title, 2)
    w.tag("{%p if independent_scrutiny.areas %}")
    w.heading("What it will look at", 2)
    w.bullets("independent_scrutiny.areas")
    w.tag("{%p endif %}")
    for field, title in (("recommendations", "Findings and recommendations"),
                         ("review", "Reviewing scrutiny")):
        w.section(f"independent_scrutiny.{field}", title, 2)
    w.tag("{%p endif %}")

    w.tag("{%p if funding %}")
    w.heading(ARRANGEMENTS["funding"], anchor="funding")
    w.tag("{%p if funding.contributions %}")
    w.table(["Partner", "Contribution{% if funding.year %} {{ funding.year }}{% endif %}"], [
        ["{%tr for contribution in funding.contributions %}", ""],
        ["{{ contribution.partner }}", "{{ contribution.amount }}"],
        ["{%tr endfor %}", ""],
        ["Shared budget", "{{ funding.total }}"],
    ], [120, 50], total=True)
    w.tag("{%p endif %}")
    w.tag("{%p if funding.notes %}")
    w.para("{{p funding.notes }}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")

    for field in ("data_and_information_sharing", "threshold", "reviews", "training", "voice",
                  "escalation", "review_cycle", "yearly_report"):
        w.section(field, ARRANGEMENTS[field])

    w.statutory_ending()
    return document


def yearly_report() -> Document:
    document = new_document("Yearly report")
    w = Writer(document)
    w.cover()
    w.contents()
    w.tag("{%p if period or published %}")
    w.heading(YEARLY["period"], anchor="period")
    w.para("{% if period %}This report covers {{ period.label }}.{% endif %}"
           "{% if published %} It was published on {{ published }}{% if sent_to %} and sent "
           "to {{ sent_to | join(\" and \") }}{% endif %}.{% endif %}")
    w.tag("{%p endif %}")
    for field in ("summary", "for_children_and_families", "introduction", "what_we_did"):
        w.section(field, YEARLY[field])

    w.tag("{%p if reviews %}")
    w.heading(YEARLY["reviews"], anchor="reviews")
    w.tag("{%p if reviews.summary %}")
    w.para("{{p reviews.summary }}")
    w.tag("{%p endif %}")
    w.tag("{%p if reviews.figures %}")
    w.para("{{r reviews.figures.totals.chart }}")
    w.para("Serious incidents and reviews in the year. The figures are in the table below.",
           "Caption")
    totals = "reviews.figures.totals"
    w.table(["Figure", "Number"], [
        ["Serious incidents notified to the Child Safeguarding Practice Review Panel",
         f"{{{{ {totals}.notifications }}}}"],
        ["Rapid reviews completed", f"{{{{ {totals}.rapid_reviews }}}}"],
        ["Rapid reviews completed within 15 working days", f"{{{{ {totals}.on_time }}}}"],
        ["Local child safeguarding practice reviews commissioned",
         f"{{{{ {totals}.lcsprs_commissioned }}}}"],
        ["Local child safeguarding practice reviews published",
         f"{{{{ {totals}.lcsprs_published }}}}"],
    ], [130, 40])
    w.tag("{%p if reviews.figures.cases %}")
    w.heading("Rapid reviews in the year", 2)
    w.para("Working days are counted from the day after the notification, leaving out "
           "weekends and bank holidays in England.")
    w.table(["Reference", "Notified", "Rapid review completed", "Working days",
             "Within 15 working days", "Practice review"], [
        ["{%tr for case in reviews.figures.cases %}", "", "", "", "", ""],
        ["{{ case.reference }}", "{{ case.notified }}",
         '{{ case.rapid_review_completed or "Under way" }}',
         '{{ case.working_days if case.working_days is not none else "–" }}',
         '{% if case.on_time is none %}–{% elif case.on_time %}Yes{% else %}No{% endif %}',
         '{{ (case.lcspr or "–") | capitalize }}'],
        ["{%tr endfor %}", "", "", "", "", ""],
    ], [25, 30, 30, 22, 25, 38])
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")

    for field in ("effectiveness", "impact", "little_progress"):
        w.section(field, YEARLY[field])

    w.tag("{%p if review_actions %}")
    w.heading(YEARLY["review_actions"], anchor="review_actions")
    w.table(["Review", "Recommendation", "What we did", "Status"], [
        ["{%tr for item in review_actions %}", "", "", ""],
        ["{{ item.review }}", "{{r item.recommendation }}", "{{r item.action }}",
         "{{ item.status | capitalize }}"],
        ["{%tr endfor %}", "", "", ""],
    ], [40, 55, 55, 20])
    w.tag("{%p endif %}")

    w.section("voice", YEARLY["voice"])
    w.section("learning", YEARLY["learning"])

    w.tag("{%p if scrutiny %}")
    w.heading(YEARLY["scrutiny"], anchor="scrutiny")
    w.tag("{%p if scrutiny.evaluation %}")
    w.heading("The scrutineer's evaluation", 2)
    w.para("{{p scrutiny.evaluation }}")
    w.tag("{%p if scrutiny.scrutineer %}")
    w.para("{{ scrutiny.scrutineer }}", "Caption")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.tag("{%p if scrutiny.response %}")
    w.heading("The partners' response", 2)
    w.para("{{p scrutiny.response }}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")

    w.statutory_ending()
    return document


def tender() -> Document:
    document = new_document("Invitation to tender")
    w = Writer(document)
    w.para("{{ title }}", "Title")
    w.para("{{ partnership.name }}  ·  Reference {{ reference }}  ·  Issued {{ issue_date }}"
           '{% if document_control.status == "draft" %}  ·  DRAFT{% endif %}', "Subtitle")
    w.contents()

    w.heading("1. About this invitation", anchor="about")
    w.tag("{%p if introduction %}")
    w.para("{{p introduction }}")
    w.tag("{%p endif %}")
    w.table(None, [
        ["Contracting authority", "{{ contracting_authority }}"],
        ["Procedure", "This invitation is issued under the Procurement Act 2023, using the "
                      "{{ procedure }}."],
        ["Tender notice", '{{ tender_notice or "–" }}'],
        ["Reference", "{{ reference }}"],
        ["Contact", "{{ contact.name }}, {{ contact.email }}"
                    "{% if contact.phone %}, {{ contact.phone }}{% endif %}"],
    ], [50, 120], first_column=True)
    w.para("When tenders have been assessed, every supplier that submitted one will receive an "
           "assessment summary explaining how its tender was scored against the award criteria.")

    w.heading("2. The requirement", anchor="requirement")
    w.para("This section is the partners' brief for independent scrutiny, as agreed by the "
           "safeguarding partners.")
    w.heading("2.1 Purpose", 2)
    w.para("{{p brief.purpose }}")
    w.heading("2.2 The role of independent scrutiny", 2)
    w.para("{{p brief.role }}")
    for number, field, title in (("2.3", "key_questions", "Key questions for the scrutiny "
                                  "function"), ("2.4", "responsibilities", "Key responsibilities"),
                                 ("2.5", "qualifications", "Qualifications and experience")):
        w.heading(f"{number} {title}", 2)
        w.points(f"brief.{field}")
    w.heading("2.6 Timetable for {{ brief.timetable.period }} work", 2)
    w.table(["Activity", "Date"], [
        ["{%tr for entry in brief.timetable.entries %}", ""],
        ["{{ entry.activity }}", "{{ entry.date }}"],
        ["{%tr endfor %}", ""],
    ], [120, 50])
    w.heading("2.7 Days and cost", 2)
    ceiling = "brief.days_and_cost"
    w.para(f"Up to {{{{ {ceiling}.days_per_year }}}} days a year, at up to "
           f"{{{{ {ceiling}.day_rate }}}} a day{{% if {ceiling}.expenses %}}, plus "
           f"{{{{ {ceiling}.expenses }}}}{{% endif %}}: at most {{{{ {ceiling}.max_annual_fee }}}}"
           " a year.")

    w.heading("3. Contract term", anchor="term")
    w.para("The contract runs from {{ term.start }} to {{ term.end }}{% if term.extension %}, "
           "with an option to extend by {{ term.extension }}{% endif %}.")
    w.heading("4. Procurement timeline", anchor="timeline")
    w.table(["Step", "Date"], [
        ["{%tr for step in timeline %}", ""],
        ["{{ step.step }}", "{{ step.date }}{% if step.time %}, {{ step.time }}{% endif %}"],
        ["{%tr endfor %}", ""],
    ], [120, 50])
    w.heading("5. How to submit a tender", anchor="submit")
    w.para("{{p how_to_submit }}")

    w.heading("6. How tenders are assessed", anchor="evaluation")
    w.para("Tenders are assessed against these award criteria. Quality answers are scored from "
           "0 to 5 and weighted; price is scored in proportion to the lowest price (lowest "
           "price ÷ price × weighting).")
    table = w.table(["Criterion", "Type", "Weighting"], [
        ["{%tr for criterion in evaluation %}", "", ""],
        ["{{ criterion.name }}", "{{ criterion.type | capitalize }}",
         "{{ criterion.weighting }}%"],
        ["{%tr endfor %}", "", ""],
        ["Total", "", "{{ total_weighting }}%"],
    ], [110, 30, 30], total=True)
    w.cell_paragraphs(table, 2, 0, [("{{ criterion.name }}", None),
                                    ("{%p if criterion.description %}", None),
                                    ("{{p criterion.description }}", None),
                                    ("{%p endif %}", None)])
    w.heading("Quality scores", 2)
    w.table(["Score", "Meaning"], [
        ["{%tr for level in scoring_scale %}", ""],
        ["{{ level.score }}", "{{ level.meaning }}: {{ level.description[:1] | lower }}"
                              "{{ level.description[1:-1] }}"],
        ["{%tr endfor %}", ""],
    ], [20, 150])

    w.heading("7. Pricing schedule", anchor="pricing")
    w.para("The most the partners will pay. Quote your own day rate in the response form; it "
           "may not exceed the rate below.")
    w.table(["Item", "Days", "Day rate (at most)", "Total"], [
        ["{%tr for line in pricing.lines %}", "", "", ""],
        ["{{ line.item }}", "{{ line.days }}", "{{ line.day_rate }}", "{{ line.total }}"],
        ["{%tr endfor %}", "", "", ""],
        ["Total", "", "", "{{ pricing.total }}"],
    ], [85, 20, 35, 30], total=True)
    w.para("{{ pricing.vat }}")
    w.tag("{%p if pricing.expenses %}")
    w.para("{{ pricing.expenses }}")
    w.tag("{%p endif %}")

    w.heading("8. Conditions of contract", anchor="conditions")
    for field, title in (("data_protection", "Data protection"), ("insurance", "Insurance"),
                         ("dbs", "Enhanced DBS check"),
                         ("ir35", "Employment status for tax (IR35)"),
                         ("other", "Other conditions")):
        w.section(f"conditions.{field}", title, 2)

    w.heading("9. Independence declarations", anchor="declarations")
    w.para("Each person who would provide scrutiny signs these declarations in the response "
           "form:")
    w.bullets("declarations")

    w.heading("Appendix A: Response form", page_break=True, anchor="response_form")
    w.para("Complete every part and return it as set out in section 5, quoting reference "
           "{{ reference }}. Click on \u201cType here.\u201d in each field and type.")
    w.heading("A1 About you", 2)
    w.form(["Name", "Organisation (if any)", "Address", "E-mail", "Telephone"])
    w.heading("A2 Your answers", 2)
    w.tag("{%p for question in response_form %}")
    question = w.table(["Question {{ loop.index }}: "], [
        ["Assessed under: {{ question.criterion }}{% if question.word_limit %}. Up to "
         "{{ question.word_limit }} words{% endif %}."],
        [""],
    ], [170])
    w.cell_paragraphs(question, 1, 0, [
        ("Assessed under: {{ question.criterion }}{% if question.word_limit %}. Up to "
         "{{ question.word_limit }} words{% endif %}.", None),
        ("{%p if question.guidance %}", None), ("{{p question.guidance }}", None),
        ("{%p endif %}", None)])
    heading = question.cell(0, 0).paragraphs[0]  # type: ignore[attr-defined]
    heading.add_run("{{r question.question }}")
    w.field(question.cell(2, 0).paragraphs[0],  # type: ignore[attr-defined]
            "Answer {{ loop.index }}", "Type your answer here.")
    w.tag("{%p endfor %}")
    w.heading("A3 Your price", 2)
    w.form(["Your day rate (at most {{ brief.days_and_cost.day_rate }})",
            "Days a year (at most {{ brief.days_and_cost.days_per_year }})",
            "Total price for the year", "Does VAT apply?"])
    w.heading("A4 Declarations", 2)
    w.para("I declare that:")
    w.bullets("declarations")
    w.form(["Signed", "Name", "Date"], date_rows=("Date",))
    w.document_control()
    return document


def tender_clarifications() -> Document:
    document = new_document("Clarifications log")
    w = Writer(document)
    w.para("Clarifications log", "Title")
    w.para("{{ title }}  ·  Reference {{ reference }}  ·  {% if clarifications %}Issue "
           "{{ clarifications | length }}, {{ (clarifications | last).date }}{% else %}Issue 0"
           "{% endif %}", "Subtitle")
    w.heading("Questions and answers", anchor="clarifications")
    w.para("Every question from a bidder, and the answer given, is shared with all bidders. Who "
           "asked is not shown. This log is reissued whenever an answer is added; it forms "
           "part of the invitation.")
    w.tag("{%p if clarifications %}")
    table = w.table(["No.", "Date", "Question", "Answer"], [
        ["{%tr for item in clarifications %}", "", "", ""],
        ["{{ loop.index }}", "{{ item.date }}", "{{r item.question }}", ""],
        ["{%tr endfor %}", "", "", ""],
    ], [12, 30, 55, 73])
    w.cell_paragraphs(table, 2, 3, [("{{p item.answer }}", None)])
    w.tag("{%p else %}")
    w.para("No clarifications have been issued yet.")
    w.tag("{%p endif %}")
    w.para("Questions to {{ contact.name }}, {{ contact.email }}.")
    return document


def scrutiny_framework() -> Document:
    document = new_document("Independent scrutiny framework")
    w = Writer(document)
    w.cover()
    w.contents()
    w.tag("{%p if introduction or guidance %}")
    w.heading(FRAMEWORK["introduction"], anchor="introduction")
    for field in ("introduction", "guidance"):
        w.tag(f"{{%p if {field} %}}")
        w.para(f"{{{{p {field} }}}}")
        w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.tag("{%p if approach %}")
    w.heading("{{ approach_title }}", anchor="approach")
    w.para("{{p approach }}")
    w.tag("{%p endif %}")

    w.tag("{%p if methods %}")
    w.heading(FRAMEWORK["methods"], anchor="methods")
    w.para("{{p methods.intro }}")
    w.tag("{%p for method in methods.methods %}")
    item = w.para("", "List Bullet")
    item.add_run("{{ method.name }}").bold = True  # type: ignore[attr-defined]
    item.add_run("{% if method.description %}: {% endif %}")  # type: ignore[attr-defined]
    item.add_run("{{r method.description or \"\" }}")  # type: ignore[attr-defined]
    item.add_run("{% if method.note %} – {% endif %}")  # type: ignore[attr-defined]
    item.add_run("{{r method.note or \"\" }}")  # type: ignore[attr-defined]
    w.tag("{%p endfor %}")
    w.tag("{%p endif %}")
    w.section("disagreements", FRAMEWORK["disagreements"])

    w.tag("{%p if sources %}")
    w.heading("Sources", anchor="sources")
    w.tag("{%p for source in sources %}")
    w.para("{{ source.mark }} {{ source.title }}{% if source.url %} ({{ source.url }}){% endif %}",
           "Caption")
    w.tag("{%p endfor %}")
    w.tag("{%p endif %}")

    w.tag("{%p if scrutineer_role %}")
    w.heading(FRAMEWORK["scrutineer_role"], page_break=True, anchor="scrutineer_role")
    w.para("{{p scrutineer_role.summary }}")
    w.para("{% if scrutineer_role.days %}Broadly, the requirement is for between "
           "{{ scrutineer_role.days.minimum }}–{{ scrutineer_role.days.maximum }} days of work "
           "per annum and will involve:{% else %}The role will involve:{% endif %}")
    w.bullets("scrutineer_role.responsibilities")
    w.tag("{%p endif %}")

    w.tag("{%p if objectives %}")
    w.heading(FRAMEWORK["objectives"], page_break=True, anchor="objectives")
    table = w.table(["No.", "Key objective", "Descriptor (summary statement of key activity)"], [
        ["{%tr for objective in objectives %}", "", ""],
        ["{{ objective.number }}", "{{ objective.title }}", "{{p objective.descriptor_list }}"],
        ["{%tr endfor %}", "", ""],
    ], [12, 40, 118])
    for run in table.cell(2, 1).paragraphs[0].runs:  # type: ignore[attr-defined]
        run.bold = True
    w.tag("{%p endif %}")

    w.tag("{%p if self_assessment %}")
    w.heading(FRAMEWORK["self_assessment"], page_break=True, anchor="self_assessment")
    w.para("{{p self_assessment.intro }}")
    w.bullets("self_assessment.uses")
    w.tag("{%p if self_assessment.ratings %}")
    w.para("Each question in each of the six steps can be answered with:")
    w.table(["Rating", "Meaning"], [
        ["{%tr for rating in self_assessment.ratings %}", ""],
        ["{{r rating.colour }}", "{{r rating.meaning }}"],
        ["{%tr endfor %}", ""],
    ], [30, 140])
    w.tag("{%p endif %}")
    w.tag("{%p if self_assessment.notes %}")
    w.para("{{p self_assessment.notes }}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.document_control()
    return document


def self_assessment() -> Document:
    document = new_document("Self-assessment")
    w = Writer(document)
    w.cover()
    w.tag("{%p if completed_by or completed_on %}")
    w.para("Completed{% if completed_by %} by {{ completed_by }}{% endif %}"
           "{% if completed_on %} on {{ completed_on }}{% endif %}.")
    w.tag("{%p endif %}")
    w.tag("{%p if introduction %}")
    w.para("{{p introduction }}")
    w.tag("{%p endif %}")
    w.heading(ASSESSMENT["steps"], anchor="steps")
    w.para("{{r chart }}")
    w.para("Ratings by step. The counts are in the table below.", "Caption")
    w.table(["Step", "Green", "Amber", "Red", "Not rated"], [
        ["{%tr for step in steps %}", "", "", "", ""],
        ["Step {{ step.number }}: {{ step.title }}", "{{ step.counts.green }}",
         "{{ step.counts.amber }}", "{{ step.counts.red }}", "{{ step.counts.unrated }}"],
        ["{%tr endfor %}", "", "", "", ""],
    ], [82, 22, 22, 22, 22])
    w.tag("{%p for step in steps %}")
    w.heading("Step {{ step.number }}: {{ step.title }}", anchor="step_{{ step.number }}")
    answers = w.table(["Question", "Rating", "Evidence"], [
        ["{%tr for answer in step.questions %}", "", ""],
        ["{{r answer.question }}", '{{r answer.rag or "Not rated" }}', "evidence"],
        ["{%tr endfor %}", "", ""],
    ], [70, 25, 75])
    w.cell_paragraphs(answers, 2, 2, [("{%p if answer.evidence %}", None),
                                      ("{{p answer.evidence }}", None), ("{%p else %}", None),
                                      ("–", None), ("{%p endif %}", None)])
    w.tag("{%p endfor %}")
    w.heading(ASSESSMENT["actions"], anchor="actions")
    w.table(["Step", "Question", "Rating", "Action", "Owner", "Due", "Status"], [
        ["{%tr for item in actions %}", "", "", "", "", "", ""],
        ["{{ item.step }}", "{{r item.question }}", '{{r item.rag or "Not rated" }}',
         '{{r item.action or "–" }}', '{{ item.owner or "–" }}', '{{ item.due or "–" }}',
         "{{ item.status | capitalize }}"],
        ["{%tr endfor %}", "", "", "", "", "", ""],
    ], [10, 40, 18, 36, 24, 22, 20])
    w.document_control()
    return document


def scrutiny_report() -> Document:
    document = new_document("Scrutiny report")
    w = Writer(document)
    w.cover()
    w.tag("{%p if period or scrutineer %}")
    w.para("{% if period %}This report covers {{ period.label }}.{% endif %}{% if scrutineer %} "
           "It is written by the {{ scrutineer[:1] | lower }}{{ scrutineer[1:] }}.{% endif %}")
    w.tag("{%p endif %}")
    w.section("summary", REPORT["summary"])
    w.section("methodology", REPORT["methodology"])

    w.heading(REPORT["findings"], anchor="findings")
    w.table(["Step", "Judgement"], [
        ["{%tr for finding in findings %}", ""],
        ["Step {{ finding.step }}: {{ finding.title }}", "{{r finding.rag }}"],
        ["{%tr endfor %}", ""],
    ], [120, 50])
    w.tag("{%p for finding in findings %}")
    heading = w.document.add_heading("Step {{ finding.step }}: {{ finding.title }} – ", 2)
    heading.add_run("{{r finding.rag }}")
    w.para("{{p finding.judgement }}")
    w.tag("{%p if finding.evidence %}")
    w.para("Evidence:", "Caption")
    w.para("{{p finding.evidence }}")
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")

    w.tag("{%p if recommendations %}")
    w.heading(REPORT["recommendations"], anchor="recommendations")
    table = w.table(["No.", "Recommendation", "Partners' response", "Owner", "Due", "Status"], [
        ["{%tr for item in recommendations %}", "", "", "", "", ""],
        ["{{ item.id }}", "{{r item.text }}", "response", '{{ item.owner or "–" }}',
         '{{ item.due or "–" }}', "{{ item.status | capitalize }}"],
        ["{%tr endfor %}", "", "", "", "", ""],
    ], [12, 44, 50, 24, 20, 20])
    w.cell_paragraphs(table, 2, 2, [("{%p if item.response %}", None),
                                    ("{{p item.response }}", None), ("{%p else %}", None),
                                    ("No response yet", None), ("{%p endif %}", None)])
    w.tag("{%p endif %}")

    w.tag("{%p if previous_report %}")
    w.heading(REPORT["progress"], anchor="progress")
    w.para("The recommendations of {{ previous_report.title[:1] | lower }}"
           "{{ previous_report.title[1:] }}, and what has happened since.")
    table = w.table(["No.", "Recommendation last year", "Progress", "Status"], [
        ["{%tr for earlier in previous_report.recommendations %}", "", "", ""],
        ['{% set found = progress | selectattr("recommendation", "equalto", earlier.id) '
         "| list %}{{ earlier.id }}", "{{r earlier.text }}", "progress",
         "{% if found %}{{ found[0].status | capitalize }}{% else %}–{% endif %}"],
        ["{%tr endfor %}", "", "", ""],
    ], [12, 60, 70, 28])
    w.cell_paragraphs(table, 2, 2, [("{%p if found %}", None), ("{{p found[0].progress }}", None),
                                    ("{%p else %}", None), ("No progress reported", None),
                                    ("{%p endif %}", None)])
    w.tag("{%p endif %}")
    w.document_control()
    return document


def meeting_series() -> Document:
    document = new_document("Meeting programme")
    w = Writer(document)
    w.cover()
    w.tag("{%p if introduction %}")
    w.para("{{p introduction }}")
    w.tag("{%p endif %}")
    w.para("Meetings are held on {{ rule_text }}, {{ start.british }} to {{ end.british }} "
           "({{ timezone }} time){% if location %}, {{ location }}{% endif %}.")
    w.tag("{%p if chairs %}")
    w.para('{{ "The meetings are jointly chaired by:" if chairs | length > 1 else '
           '"The meetings are chaired by:" }}')
    w.bullets("chairs", "{{ item }}")
    w.tag("{%p endif %}")
    w.heading(SERIES["programme"], anchor="programme")
    w.table(["Meeting", "Date", "Time", "Registration"], [
        ["{%tr for slot in programme %}", "", "", ""],
        ['{% if slot.status == "break" %}–{% elif slot.number %}Meeting {{ slot.number }}'
         '{% else %}To be confirmed{% endif %}{% if slot.label and slot.status != "break" %} '
         "({{ slot.label }}){% endif %}", "{{ slot.when }}",
         '{% if slot.status == "break" %}{{ slot.label }}: no meeting{% else %}'
         "{{ start.british }} to {{ end.british }}{% endif %}",
         '{{ slot.registration or "–" }}'],
        ["{%tr endfor %}", "", "", ""],
    ], [38, 50, 35, 47])
    w.para("The programme is also published as a calendar file (.ics) to add to your calendar; "
           "it updates when the programme changes (this is revision {{ revision }}"
           "{% if revised_on %}, {{ revised_on }}{% endif %}).")
    w.document_control()
    return document


def meeting_notes() -> Document:
    document = new_document("Meeting notes")
    w = Writer(document)
    w.cover()
    w.table(None, [
        ["Meeting", "{{ series.series }}"],
        ["Date", "{{ date.weekday }}, {{ series.start.british }} to {{ series.end.british }}"],
        ["Chairs", '{{ (chairs or series.chairs) | join("; ") or "–" }}'],
        ["Next meeting", "{% if next_meeting %}{{ next_meeting.when }}"
                         '{% if next_meeting.status == "to be confirmed" %} (to be confirmed)'
                         "{% endif %}{% else %}None planned{% endif %}"],
    ], [40, 130], first_column=True)
    for field in ("attendance", "purpose", "discussion"):
        w.section(field, field.capitalize())
    w.tag("{%p if agreements %}")
    w.heading(NOTES["agreements"], anchor="agreements")
    w.bullets("agreements")
    w.tag("{%p endif %}")
    w.tag("{%p if next_topics %}")
    w.heading("Topics for the next meeting{% if next_meeting %} ({{ next_meeting.when }})"
              "{% endif %}", anchor="next_topics")
    w.bullets("next_topics")
    w.tag("{%p endif %}")
    w.tag("{%p if actions %}")
    w.heading(NOTES["actions"], anchor="actions")
    w.table(["Action", "Owner", "Due"], [
        ["{%tr for item in actions %}", "", ""],
        ["{{r item.action }}", "{{ item.owner }}", '{{ item.due or "–" }}'],
        ["{%tr endfor %}", "", ""],
    ], [100, 40, 30])
    w.tag("{%p endif %}")
    w.document_control()
    return document


def findings_briefing() -> Document:
    document = new_document("Findings briefing")
    w = Writer(document)
    w.cover()
    w.tag("{%p if overview %}")
    w.para("{{p overview }}")
    w.tag("{%p endif %}")
    w.tag("{%p if respondents %}")
    headline = w.para("", "Intense Quote")
    headline.add_run("{{ respondents }}").bold = True  # type: ignore[attr-defined]
    headline.add_run(" {{ respondents_label }}.{% if caveat %} {% endif %}")  # type: ignore
    headline.add_run("{{r caveat or \"\" }}")  # type: ignore[attr-defined]
    w.tag("{%p endif %}")
    w.tag("{%p if key_questions %}")
    w.heading("Key questions", anchor="key_questions")
    w.bullets("key_questions")
    w.tag("{%p endif %}")
    w.tag("{%p if context %}")
    w.heading('{{ context_title or "Context" }}', anchor="context")
    w.para("{{p context }}")
    w.tag("{%p endif %}")
    w.heading(BRIEFING["findings"], anchor="findings")
    w.para("{{r chart }}")
    w.para("Headline figures as percentages of those who answered each question. The counts "
           "are in the text.", "Caption")
    w.tag("{%p for section in findings %}")
    w.para("{{ section.title }}", "Heading 2")
    w.tag("{%p if section.body %}")
    w.para("{{p section.body }}")
    w.tag("{%p endif %}")
    w.tag("{%p for figure in section.figures %}")
    figure = w.para("", "List Bullet")
    figure.add_run("{{ figure.text }}").bold = True  # type: ignore[attr-defined]
    figure.add_run(" ")  # type: ignore[attr-defined]
    figure.add_run("{{r figure.statement }}")  # type: ignore[attr-defined]
    w.tag("{%p endfor %}")
    w.bullets("section.points")
    w.tag("{%p endfor %}")
    w.tag("{%p if outputs %}")
    w.heading(BRIEFING["outputs"], anchor="outputs")
    w.tag("{%p for item in outputs %}")
    output = w.para("", "List Bullet")
    output.add_run("{{r item.text }}")  # type: ignore[attr-defined]
    output.add_run("{% if item.url %} ({{ item.url }}){% endif %}")  # type: ignore
    w.tag("{%p endfor %}")
    w.tag("{%p endif %}")
    w.tag("{%p if next_steps %}")
    w.heading(BRIEFING["next_steps"], anchor="next_steps")
    w.bullets("next_steps")
    w.tag("{%p endif %}")
    w.document_control()
    return document


def newsletter() -> Document:
    document = new_document("Newsletter")
    w = Writer(document)
    w.para("{{ title }}", "Title")
    w.para("{{ partnership.name }}  ·  {{ season }}{% if editor %}  ·  Edited by {{ editor }}"
           "{% endif %}", "Subtitle")
    w.heading("In this issue", anchor="contents")
    w.tag("{%p for section in contents %}")
    entry = w.para("", "List Bullet")
    entry.add_run("{{r section.link }}")  # type: ignore[attr-defined]
    entry.add_run("{% if section.articles | length > 1 or section.articles[0].title != "  # type: ignore[attr-defined]
                  "section.title %}: {% for article in section.articles %}{{ article.title }}"
                  "{% if not loop.last %}; {% endif %}{% endfor %}{% endif %}")
    w.tag("{%p endfor %}")
    w.tag("{%p for section in contents %}")
    w.heading("{{ section.title }}", anchor="{{ section.anchor }}")
    w.tag("{%p for article in section.articles %}")
    w.tag("{%p if article.title != section.title %}")
    w.para("{{ article.title }}", "Heading 2")
    w.tag("{%p endif %}")
    w.tag("{%p if article.body %}")
    w.para("{{p article.body }}")
    w.tag("{%p endif %}")
    w.tag("{%p if article.image %}")
    w.para("{{r article.image.picture }}")
    w.tag("{%p if article.image.caption %}")
    caption = w.para("", "Caption")
    caption.add_run("{{r article.image.caption }}")  # type: ignore[attr-defined]
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.tag("{%p for event in article.events %}")
    event = w.para("", "Intense Quote")
    event.add_run("{{r event.title or article.title }}").bold = True  # type: ignore[attr-defined]
    event.add_run(": {{ event.when }}{% if event.booking %}. Book or register: "  # type: ignore
                  "{{ event.booking }}{% endif %}")
    w.tag("{%p endfor %}")
    w.tag("{%p for link in article.links %}")
    w.para("{{ link.text }}: {{ link.url }}", "List Bullet")
    w.tag("{%p endfor %}")
    w.tag("{%p if article.author %}")
    author = w.para("{{ article.author }}")
    author.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # type: ignore[attr-defined]
    author.runs[0].bold = True  # type: ignore[attr-defined]
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")
    w.document_control()
    return document


_PARAGRAPH_PROPERTIES = ("w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                         "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                         "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                         "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                         "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                         "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
                         "w:rPr", "w:sectPr", "w:pPrChange")
"""The order WordprocessingML requires of a paragraph's properties, from the border on."""
AFTER_BORDERS = _PARAGRAPH_PROPERTIES[1:]
AFTER_CONTEXTUAL_SPACING = _PARAGRAPH_PROPERTIES[16:]


def letter() -> Document:
    """A letter in the block layout British organisations use, everything ranged left: the
    letterhead, the references and date, the address block, then the salutation, the
    subject in bold, the body and the signature. The parts are Word's own letter styles
    (Date, Salutation, Closing, Signature) and a few of the house's, so a partnership can
    restyle its letterhead in Word."""
    document = new_document("Letter")
    _letter_styles(document)
    _letter_first_page(document)
    w = Writer(document)
    w.para("{{ partnership.name }}", "Letterhead")
    w.tag("{%p if partnership.address %}")
    w.para('{{ partnership.address | join(", ") }}', "Letterhead Details")
    w.tag("{%p endif %}")
    w.tag("{%p if partnership.phone or partnership.email or partnership.website %}")
    w.para("{{ [partnership.phone, partnership.email, partnership.website] | select "
           '| join("  \u00b7  ") }}', "Letterhead Details")
    w.tag("{%p endif %}")
    w.tag('{%p if document_control.status == "draft" %}')
    draft = w.para("", "Letter Reference")
    run = draft.add_run("DRAFT \u2014 not yet approved for sending")  # type: ignore[attr-defined]
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(WARNING)
    w.tag("{%p endif %}")
    for field, label in (("reference", "Our reference"), ("your_reference", "Your reference")):
        w.tag(f"{{%p if {field} %}}")
        w.para(f"{label}: {{{{ {field} }}}}", "Letter Reference")
        w.tag("{%p endif %}")
    w.para("{{ date }}", "Date")
    w.para("{{ addressee.name }}", "Address")
    for field in ("role", "organisation"):
        w.tag(f"{{%p if addressee.{field} %}}")
        w.para(f"{{{{ addressee.{field} }}}}", "Address")
        w.tag("{%p endif %}")
    w.tag("{%p for line in addressee.address %}")
    w.para("{{ line }}", "Address")
    w.tag("{%p endfor %}")
    w.para("{{ salutation }}", "Salutation")
    w.para("{{ subject }}", "Title")
    w.para("{{p body }}")
    w.para("{{ sign_off }}", "Closing")
    signatory = w.para("", "Signature")
    signatory.add_run("{{ signatory.name }}").bold = True  # type: ignore[attr-defined]
    w.tag("{%p if signatory.role %}")
    w.para("{{ signatory.role }}", "Signature")
    w.tag("{%p endif %}")
    for field, label in (("enclosures", "Enc."), ("cc", "cc")):
        w.tag(f"{{%p for item in {field} %}}")
        note = w.para(f"{{% if loop.first %}}{label}{{% endif %}}", "Letter Note")
        note.add_run("\t{{ item }}")  # type: ignore[attr-defined]
        w.tag("{%p endfor %}")
    return document


def _letter_styles(document: Document) -> None:
    """The letter's parts as paragraph styles. The subject is the document's Title, in bold
    and a point larger than the text; the letterhead is based on it, so a brand's colour
    and typeface reach both. Spacing is "don't add space between paragraphs of the same
    style", so a block of lines (an address, the enclosures) stands apart as one."""
    styles = document.styles
    title = styles["Title"]
    _display(title, 12, PRIMARY, after=10)
    borders = title.element.pPr.find(qn("w:pBdr"))
    if borders is not None:
        title.element.pPr.remove(borders)

    def add(name: str, base: str, *, size: float = 11, before: float = 0, after: float = 0,
            colour: str | None = None, built_in: bool = False) -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        style.font.size = Pt(size)
        if colour:
            style.font.color.rgb = RGBColor.from_string(colour)
        spacing = style.paragraph_format
        spacing.space_before, spacing.space_after = Pt(before), Pt(after)
        style.element.get_or_add_pPr().insert_element_before(
            parse_xml(f"<w:contextualSpacing {nsdecls('w')}/>"), *AFTER_CONTEXTUAL_SPACING)
        if built_in:  # Word's own letter styles, which Word lists under their names
            style.element.attrib.pop(qn("w:customStyle"), None)
        return style

    letterhead = add("Letterhead", "Title", size=16, after=4)
    rule = parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" '
                     f'w:space="4" w:color="{RULE}"/></w:pBdr>')  # a brand recolours text only
    letterhead.element.get_or_add_pPr().insert_element_before(rule, *AFTER_BORDERS)
    add("Letterhead Details", "Normal", size=9, after=20, colour=MUTED)
    add("Letter Reference", "Normal")
    add("Date", "Normal", after=18, built_in=True)
    add("Address", "Normal")
    add("Salutation", "Normal", before=20, after=10, built_in=True)
    closing = add("Closing", "Normal", before=6, after=40, built_in=True)
    closing.paragraph_format.keep_with_next = True
    signature = add("Signature", "Normal", built_in=True)
    signature.paragraph_format.keep_with_next = True
    note = add("Letter Note", "Normal", before=18)
    note.paragraph_format.left_indent = Mm(12)
    note.paragraph_format.first_line_indent = Mm(-12)
    note.paragraph_format.tab_stops.add_tab_stop(Mm(12))


def _letter_first_page(document: Document) -> None:
    """The letterhead is on the first page itself, so that page's header holds only the
    classification and the logo (the partnership's name would otherwise be printed
    twice), and its footer no page number; the pages after it carry the usual ones."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    _classification(header, document)
    for text in ("{%p if brand and brand.logo %}", "{{r brand.logo }}", "{%p endif %}"):
        header.add_paragraph(text, style=document.styles["Header"])
    warning = header.add_paragraph(style=document.styles["Header"])
    warning.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    draft = warning.add_run("{% if incomplete %}DRAFT \u2014 incomplete: not for publication"
                            "{% endif %}")
    draft.bold = True
    draft.font.color.rgb = RGBColor.from_string(WARNING)
    _classification(section.first_page_footer, document, first=False)


TEMPLATES = {"role-brief.docx": role_brief, "arrangements.docx": arrangements,
             "yearly-report.docx": yearly_report, "tender.docx": tender,
             "tender-clarifications.docx": tender_clarifications,
             "scrutiny-framework.docx": scrutiny_framework,
             "self-assessment.docx": self_assessment, "scrutiny-report.docx": scrutiny_report,
             "meeting-series.docx": meeting_series, "meeting-notes.docx": meeting_notes,
             "findings-briefing.docx": findings_briefing, "newsletter.docx": newsletter,
             "letter.docx": letter}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in TEMPLATES.items():
        (OUT / name).write_bytes(docx_bytes(make(), FIXED_TIME))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
