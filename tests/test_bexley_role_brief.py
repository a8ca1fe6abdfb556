"""Bexley's brief for independent scrutiny, read back from every format: every fact of the
published brief must reach the reader."""

from __future__ import annotations

import itertools
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from conftest import READERS, normalise

KEY_QUESTIONS = [
    "How effective are the multi-agency safeguarding arrangements in getting a clear line of "
    "sight on single agency and multi-agency practice?",
    "Do the arrangements enable space for reflection and learning from practice?",
    "Do the partnership arrangements have a positive impact on multi-agency working and/or "
    "front-line practice?",
    "How and why were the partnership priorities selected? Were these the right priorities?",
    "What has gone well and what's the evidence to support this?",
    "What has potential but it is too early to assess impact?",
    "Any worries or issues which need addressing?",
    "What arrangements are there for learning with families and practitioners and is there a "
    "focus on healing and kindness in basic practice?",
    "How does relationship based practice thrive and is the overall vision for families to "
    "stay together where it is in the children's best interests consistently led and "
    "implemented across the partnership?",
]

RESPONSIBILITIES = [
    "Assess how well organisations come together to cooperate with one another to safeguard "
    "and promote the welfare of children and to hold each other to account for effective "
    "safeguarding.",
    "Contribute to the content of the partnership's annual report on the effectiveness of "
    "safeguarding arrangements, their performance and the effectiveness of local services.",
    "Assess the effectiveness of the help being provided to children and families including "
    "early help.",
    "Assess whether the 3 safeguarding partners are fulfilling their statutory obligations.",
    "Scrutinise any quality assurance activity (including multi-agency case file auditing and "
    "processes for identifying lessons to be learned).",
    "Scrutinise the effectiveness of training, including multi-agency training, to safeguard "
    "and promote the welfare of children.",
    "Provide the 3 safeguarding partners with the necessary assurances regarding the "
    "robustness and effectiveness of safeguarding arrangements for the borough.",
    "Work with the safeguarding partnership operational team to plan their programme of "
    "activity.",
    "Provide a rigorous and transparent assessment of the extent to which appropriate and "
    "effective systems and processes are in place in all partner agencies so as to fulfil "
    "their statutory duties and ensure that children are protected and that appropriate "
    "safeguarding strategies are developed and embedded.",
    "Evaluate arrangements for the operation of the safeguarding partnership, including the "
    "purpose and functions of board meetings, and recommend and implement appropriate "
    "changes.",
    "Support the implementation of the findings and outcomes of any safeguarding reviews, "
    "providing professional input to the development of any changes to existing models of "
    "delivery.",
    "Confirm, or not, that effective performance management, audit and quality assurance "
    "mechanisms are in place within partner organisations which will support the 3 "
    "safeguarding partners to fulfil their statutory objectives, and which will enable the "
    "partnership to identify and measure its success and impact.",
    "Ensure that the 3 safeguarding partners provide independent, robust and effective "
    "challenge to partners.",
    "Ensure that the voices of children, young people and their families are appropriately "
    "represented and heard in the work of the partnership.",
    "Through personal example, open commitment and clear action, ensure diversity is "
    "positively valued, resulting in equal access and treatment in employment, service "
    "delivery and communications.",
    "Support the development of innovation in the system in respect of relationship based "
    "practice.",
]

TIMETABLE = [
    ("Partnership Board", "29 October 2018"),
    ("Launch activity, Priority 1", "30 October 2018"),
    ("Learning Hub 1, Priority 1", "30 October 2018"),
    ("Learning Hub 4, Priority 1", "28 January 2019"),
    ("Partnership Board", "28 January 2019"),
    ("Launch activity, Priority 2", "29 January 2019"),
    ("Learning Hub 1, Priority 2", "29 January 2019"),
    ("Learning Hub 4, Priority 2", "22 April 2019"),
    ("Partnership Board", "22 April 2019"),
    ("Launch activity, Priority 3", "23 April 2019"),
    ("Learning Hub 1, Priority 3", "23 April 2019"),
    ("Learning Hub 4, Priority 3", "15 July 2019"),
    ("Partnership Board", "15 July 2019"),
]

PROCUREMENT = [
    ("June 2018", ["Agree role outline for partners to circulate to their respective networks"]),
    ("August 2018", ["Closing date for expressions of interest to brief",
                     "Shortlisting 'applications'", "Conversations with shortlisted applicants",
                     "Appointment confirmed"]),
    ("September 2018", ["Induction activity confirmed",
                        "IT system access etc arranged by operational team"]),
    ("October 2018", ["Scrutiny function operational"]),
]

FACTS = [
    "Brief for independent scrutiny – Bexley",
    "The purpose of this brief is to outline the requirements of the independent scrutiny "
    "function as set out in statutory guidance (Working Together 2018), which will provide the "
    "critical challenge and appraisal of Bexley's multi-agency safeguarding partnership "
    "arrangements in relation to children and young people.",
    "The Children and Social Work Act 2017 replaces Local Safeguarding Children Boards (LSCBs)",
    "this is described in Appendix 1.",
    "Provide assurance in judging the effectiveness of services to protect children",
    "Assist when there is disagreement between the leaders responsible for protecting children "
    "in the agencies involved in multi-agency arrangements",
    "Support a culture and environment conducive to robust scrutiny and constructive challenge.",
    "the police, CCG and local authority",
    "The role of independent scrutiny is to:",
    "The following qualifications and experience would be required of the person(s) providing "
    "independent scrutiny:",
    "Requirement for the person(s) to be 'suitably qualified'",
    "Not be related to an elected member (or equivalent of any of the partners), nor to an "
    "officer who is employed by a partner agency in a role that is relevant to its "
    "safeguarding functions",
    "Timetable for 2018-19 work",
    "Up to 15 days per year",
    "Up to £800 per day plus travel, accommodation and subsistence",
    "£12,000 (15 days at £800), plus expenses",
    "Appendix 1: Section on independent scrutiny function from Working Together 2018 (DfE)",
    "Source: Draft Working Together 2018, pp 78-79",
    "31. The role of independent scrutiny is to provide assurance in judging the effectiveness "
    "of multi-agency arrangements",
    "32. Whilst the decision on how best to implement a robust system of independent scrutiny "
    "is to be made locally",
    "33. The independent scrutineer should consider how effectively the arrangements are "
    "working for children and families",
    "34. The published arrangements should set out the plans for independent scrutiny",
    "35. Safeguarding partners should also agree arrangements for independent scrutiny of the "
    "report they must publish at least once a year (see 'Reporting', below).",
    *KEY_QUESTIONS,
    *RESPONSIBILITIES,
    *(activity for _, activities in PROCUREMENT for activity in activities),
    *(month for month, _ in PROCUREMENT),
]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_every_fact_of_the_seed_reaches_the_reader(bexley_outputs: dict[str, Path],
                                                   fmt: str) -> None:
    text = normalise(READERS[fmt](bexley_outputs[fmt]))
    missing = [fact for fact in FACTS if normalise(fact) not in text]
    assert missing == []


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_timetable_rows_in_order_with_british_dates(bexley_outputs: dict[str, Path],
                                                     fmt: str) -> None:
    text = normalise(READERS[fmt](bexley_outputs[fmt]))
    position = text.index("Timetable for 2018-19 work")
    for activity, date in TIMETABLE:
        position = text.index(normalise(f"{activity} {date}") if fmt != "docx" else activity,
                              position)
        assert date in text


def _table_after(document: docx.document.Document, heading: str) -> list[list[str]]:
    body = document.element.body
    seen = False
    for element in body.iterchildren():
        tag = element.tag.rsplit("}", 1)[1]
        if tag == "p" and "".join(element.xpath(".//w:t/text()")).strip() == heading:
            seen = True
        elif tag == "tbl" and seen:
            table = docx.table.Table(element, document)
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table after {heading!r}")


def test_word_tables_hold_the_seed_rows(bexley_outputs: dict[str, Path]) -> None:
    document = docx.Document(str(bexley_outputs["docx"]))
    timetable = _table_after(document, "5. Timetable for 2018-19 work")
    assert timetable[0] == ["Activity", "Date"]
    assert [tuple(row) for row in timetable[1:]] == TIMETABLE
    cost = _table_after(document, "6. Number of days, cost")
    assert cost == [
        ["Number of days anticipated", "Up to 15 days per year"],
        ["Cost", "Up to £800 per day plus travel, accommodation and subsistence"],
        ["Maximum annual fee", "£12,000 (15 days at £800), plus expenses"],
    ]
    procurement = _table_after(document, "7. Timeline for procurement")
    assert procurement[0] == ["When", "Activity"]
    assert [(row[0], row[1].split("\n")) for row in procurement[1:]] == PROCUREMENT


def test_word_uses_built_in_styles(bexley_outputs: dict[str, Path]) -> None:
    document = docx.Document(str(bexley_outputs["docx"]))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Brief for independent scrutiny – Bexley"]
    assert by_style["Heading 1"][:4] == ["1. Purpose", "2. Background",
                                         "3. The role of independent scrutiny",
                                         "4. Qualifications and experience"]
    assert "3.1 Key questions in terms of the scrutiny function" in by_style["Heading 2"]
    bullets = by_style["List Bullet"]
    assert all(question in bullets for question in KEY_QUESTIONS)
    assert all(item in bullets for item in RESPONSIBILITIES)
    numbers = [p.split("\t")[0] for p in by_style["Extract"]]
    assert numbers == ["31.", "32.", "33.", "34.", "35."]


def test_word_bold_appendix_reference_is_a_bold_run(bexley_outputs: dict[str, Path]) -> None:
    document = docx.Document(str(bexley_outputs["docx"]))
    runs = [run for p in document.paragraphs for run in p.runs if run.text == "Appendix 1"]
    assert runs and all(run.bold for run in runs)


def test_word_page_furniture_and_properties(bexley_outputs: dict[str, Path]) -> None:
    document = docx.Document(str(bexley_outputs["docx"]))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Bexley Safeguarding Partnership"
    footer_xml = section.footer._element.xml
    assert 'w:instr=" PAGE ' in footer_xml and 'w:instr=" NUMPAGES ' in footer_xml
    assert "Brief for independent scrutiny – Bexley" in section.footer.paragraphs[0].text
    properties = document.core_properties
    assert properties.title == "Brief for independent scrutiny – Bexley"
    assert properties.language == "en-GB"
    assert properties.author == "Bexley Safeguarding Partnership"
    assert 'w:val="en-GB"' in document.styles.element.xml
    header_rows = document.element.body.xpath(".//w:tblHeader")
    assert len(header_rows) >= 2  # the timetable and the procurement repeat their header


def test_pdf_is_tagged_titled_and_numbered(bexley_outputs: dict[str, Path]) -> None:
    reader = PdfReader(str(bexley_outputs["pdf"]))
    assert reader.metadata is not None
    assert reader.metadata.title == "Brief for independent scrutiny – Bexley"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    pages = len(reader.pages)
    assert normalise(f"Page 1 of {pages}") in normalise(reader.pages[0].extract_text())

    def titles(outline: list) -> list[str]:  # type: ignore[type-arg]
        found: list[str] = []
        for item in outline:
            found.extend(titles(item) if isinstance(item, list) else [item.title])
        return found

    bookmarks = titles(reader.outline)
    assert "1. Purpose" in bookmarks
    assert "3.1 Key questions in terms of the scrutiny function" in bookmarks
    assert bookmarks[-1] == ("Appendix 1: Section on independent scrutiny function from "
                             "Working Together 2018 (DfE)")


def test_html_is_a_standalone_accessible_page(bexley_outputs: dict[str, Path]) -> None:
    html = bexley_outputs["html"].read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert "<title>Brief for independent scrutiny – Bexley</title>" in html
    assert 'href="#main"' in html and '<main id="main">' in html
    assert "<link" not in html  # styles are inline: the page stands alone
    import re

    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert '<th scope="col">Activity</th>' in html
