"""Write the shipped Word templates of the kinds that have no layout yet (run after changing
this file); `make_templates.py` writes those of the kinds that have one.

The templates are ordinary Word documents a business manager can open and restyle: the
house style lives in Word's own styles (Normal, Title, Heading 1-3, List Bullet, List
Number, Quote, Hyperlink, the "sgdocs Table" table style), and the tags are docxtpl's.
This script is how the shipped versions are made, so a change to the house style is a
reviewed change to code; running it twice gives the same bytes.

    python scripts/make_docx_templates.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from sgdocs.kinds.findings_briefing import KIND as BRIEFING_KIND
from sgdocs.kinds.scrutiny_report import KIND as REPORT_KIND
from sgdocs.render.word_house import (
    FIXED_TIME,
    MUTED,
    PRIMARY,
    RULE,
    WARNING,
    _classification,
    _display,
    new_document,
)
from sgdocs.render.word_writer import Writer
from sgdocs.write.files import docx_bytes

REPORT = REPORT_KIND.sections
BRIEFING = BRIEFING_KIND.sections
OUT = Path(__file__).resolve().parent.parent / "templates" / "docx"
"""Section headings come from the kinds, where the requirements appendix finds them too."""
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


TEMPLATES = {"tender.docx": tender,
             "tender-clarifications.docx": tender_clarifications,
             "scrutiny-report.docx": scrutiny_report,
             "findings-briefing.docx": findings_briefing, "newsletter.docx": newsletter,
             "letter.docx": letter}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in TEMPLATES.items():
        (OUT / name).write_bytes(docx_bytes(make(), FIXED_TIME))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
