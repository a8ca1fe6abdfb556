"""Paragraphs, headings and tables added to a Word template in the house style, with
docxtpl's tags: what a layout's blocks become in Word."""

from __future__ import annotations

import re
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from sgdocs.render.word_house import MUTED
from sgdocs.render.word_styles import letterhead_page
from sgdocs.render.word_wording import add_wording

_CONTACTS = (
    "{% if partnership.phone %}{{ partnership.phone }}{% if partnership.email or "
    "partnership.website %} \u00b7 {% endif %}{% endif %}{% if partnership.email %}"
    "[{{ partnership.email }}](mailto:{{ partnership.email }}){% if partnership.website %} "
    "\u00b7 {% endif %}{% endif %}{% if partnership.website %}"
    "[{{ partnership.website | web_address }}]({{ partnership.website }}){% endif %}")
"""The letterhead's telephone, e-mail and web address, the last two links."""


CONTROL_ROWS = (("Version", "version"), ("Status", "status"), ("Owner", "owner"),
                ("Approved by", "approved_by"), ("Approved on", "approved_on"),
                ("Published on", "published_on"), ("Review date", "review_date"))
"""Document control's rows, by the field each shows."""


_FIELD_NAME = re.compile(r"\s\(|{{|{%")
"""Where a form row's label stops naming its field: a bracket, or the first field or tag."""


class Writer:
    """Adds paragraphs and tables to a template in the house style."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.bookmarks = 0
        self.fields = 0

    def para(self, text: str = "", style: str | None = None) -> Any:
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
              widths: list[float], first_column: bool = False, total: bool = False) -> Any:
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
        look.set(qn("w:val"), ("04A0" if first_column else "0420") if header else "0080")
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

    def cell_paragraphs(self, table: Any, row: int, col: int,
                        lines: list[tuple[str, str | None]]) -> None:
        """Replace a cell's text with several paragraphs (for tags inside a cell)."""
        cell = table.cell(row, col)
        cell.paragraphs[0].runs[0].text = lines[0][0]
        if lines[0][1]:
            cell.paragraphs[0].style = self.document.styles[lines[0][1]]
        for text, style in lines[1:]:
            paragraph = cell.add_paragraph(text)
            if style:
                paragraph.style = self.document.styles[style]

    def span(self, table: Any, row: int, col: int, count: int) -> None:
        """Make the cell at `row`, `col` span `count` columns, keeping its own text only."""
        cells = [table.cell(row, col + offset) for offset in range(count)]
        for cell in cells[1:]:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    paragraph._p.remove(run._r)
        cells[0].merge(cells[-1])

    def pdf_contents(self) -> None:
        """Nothing in Word: a short document's contents are only in a PDF long enough."""

    def field(self, paragraph: Any, label: str, placeholder: str = "Type here.",
              date: bool = False) -> None:
        """A content control (a form field) where a bidder types, in `paragraph`."""
        self.fields += 1
        kind = ('<w:date><w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-GB"/>'
                '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
                if date else '<w:text w:multiLine="1"/>')
        paragraph._p.append(parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{label}"/>'
            f'<w:tag w:val="{label}"/><w:id w:val="{self.fields}"/><w:showingPlcHdr/>{kind}'
            f'</w:sdtPr><w:sdtContent><w:r><w:rPr><w:color w:val="{MUTED}"/></w:rPr>'
            f"<w:t>{placeholder}</w:t></w:r></w:sdtContent></w:sdt>"))

    def form(self, rows: list[str], date_rows: tuple[str, ...] = ()) -> None:
        """A two-column form: a label and a field to fill in on each row."""
        table = self.table(None, [[label, ""] for label in rows], [60, 110], first_column=True)
        for row, label in zip(table.rows, rows, strict=True):
            self.field(row.cells[1].paragraphs[0], _FIELD_NAME.split(label)[0].strip(),
                       date=label in date_rows)

    def cover(self) -> None:
        self.para("{{ title }}", "Title")
        self.para('{{ ([partnership.name] + published_with) | listed }}'
                  "{% if document_control.version %}  ·  Version "
                  "{{ document_control.version }}{% endif %}{% if document_control.published_on or "
                  "document_control.approved_on %}  ·  {{ document_control.published_on or "
                  "document_control.approved_on }}{% endif %}"
                  "{% if document_control.status == \"draft\" %}  ·  DRAFT{% endif %}",
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
        """How arrangements end: the partnership's own sections, the lead partners'
        sign-off, document control, and the Working Together 2023 appendix on pages of its
        own (document control after it would often be left alone on the last page)."""
        self.tag("{%p for section in sections %}")
        self.own_section("section", "section_{{ loop.index }}")
        self.tag("{%p endfor %}")
        self.sign_off()
        self.document_control()
        self.requirements_appendix()

    def own_section(self, section: str, anchor: str) -> None:
        """One of the document's own sections, bookmarked for the requirements appendix."""
        self.tag(f"{{%p if {section}.body %}}")
        self.heading(f"{{{{ {section}.title }}}}", anchor=anchor)
        self.para(f"{{{{p {section}.body }}}}")
        self.tag("{%p endif %}")

    def sign_off(self) -> None:
        self.tag("{%p if sign_off %}")
        self.heading("Sign-off by the lead safeguarding partners", anchor="sign_off")
        self.table(["Partner", "Signed by", "Date"], [
            ["{%tr for signature in sign_off %}", "", ""],
            ["{{ signature.organisation or signature.role_name }}", "{{ signature.name }}",
             "{{ signature.date }}"],
            ["{%tr endfor %}", "", ""],
        ], [40, 90, 40])
        self.tag("{%p endif %}")

    def requirements_appendix(self) -> None:
        """The "How this document meets Working Together 2023" appendix, linked to sections
        (none for a document written under earlier guidance)."""
        self.tag("{%p if requirements %}")
        self.heading("How this document meets Working Together 2023", 1, page_break=True,
                     anchor="meets_wt2023")
        self.para("Each requirement of Working Together to Safeguard Children 2023 that applies "
                  "to this document, the section that addresses it and the sentence relied on. "
                  "This shows what the document says on each requirement, not whether it is "
                  "good enough.")
        self.table(["Requirement", "Reference", "Where"], [
            ["{%tr for requirement in requirements %}", "", ""],
            ['{{ requirement.summary }}{% if requirement.level == "must" %} '
             '(statutory duty){% endif %}', "{{ requirement.reference }}",
             "{{r requirement.where }}"],
            ["{%tr endfor %}", "", ""],
        ], [70, 35, 65])
        self.tag("{%p endif %}")

    def document_control(self) -> None:
        """The version, status, owner, approval, publication and review date, each row
        left out when the document does not say; the change history, its "By" column
        only when a change says who made it. Left out when it would say no more than the
        title line (version, status, date)."""
        self.tag("{%p if " + " or ".join(f"document_control.{field}" for field in (
            "owner", "approved_by", "approved_on", "review_date", "history")) + " %}")
        rows: list[list[str]] = []
        for label, field in CONTROL_ROWS:
            shown = f"document_control.{field}" + (" | capitalize" if field == "status" else "")
            rows += [[f"{{%tr if document_control.{field} %}}", ""], [label, f"{{{{ {shown} }}}}"],
                     ["{%tr endif %}", ""]]
        self.heading("Document control", 1)
        control = self.table(None, rows, [50, 120], first_column=True)
        for row in control.rows:  # a few lines, kept on one page with their heading
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        self.tag("{%p if document_control.history %}")
        self.heading("Change history", 2)
        self.tag('{%p if document_control.history | selectattr("author") | list %}')
        self._history(["By"], ['{{ change.author or "" }}'], [30])
        self.tag("{%p else %}")
        self._history([], [], [])
        self.tag("{%p endif %}")
        self.tag("{%p endif %}")
        self.tag("{%p endif %}")

    def _history(self, header: list[str], cells: list[str], widths: list[float]) -> None:
        blank = [""] * (2 + len(cells))
        self.table(["Version", "Date", "Change", *header], [
            ["{%tr for change in document_control.history %}", *blank],
            ["{{ change.version }}", "{{ change.date }}", "{{r change.summary }}", *cells],
            ["{%tr endfor %}", *blank],
        ], [20, 30, 120 - sum(widths), *widths])

    def illustrative(self) -> None:
        """The notice that an example is made up, where the document says what is."""
        self.tag("{%p if illustrative %}")
        notice = self.para(style="Notice")
        notice.add_run("Illustrative example. ").bold = True
        notice.add_run("{{r illustrative }}")
        self.tag("{%p endif %}")

    def letterhead(self) -> None:
        """The partnership's name, postal address and contacts, from partnership.yaml, on a
        first page of its own header and footer (`word_styles.letterhead_page`)."""
        letterhead_page(self.document)
        self.para("{{ partnership.name }}", "Letterhead")
        self.tag("{%p if partnership.address %}")
        self.para('{{ partnership.address | join(", ") }}', "Letterhead Details")
        self.tag("{%p endif %}")
        self.tag("{%p if partnership.phone or partnership.email or partnership.website %}")
        add_wording(self.para(style="Letterhead Details"), _CONTACTS)
        self.tag("{%p endif %}")
