"""`sgdocs assess`: a report sgdocs did not write, as Word, PDF or a web page, weighed against
Working Together 2023, with the sentence relied on and its page and heading; files that
cannot be read told plainly, and a folder run going on past them. The reports here are
written for the test (a fictional partnership), laid out as real ones are: a contents page,
a running header, headings, a table."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from conftest import cli
from sgdocs.check.assess import guess_kind
from sgdocs.read.foreign import read_foreign

SECTIONS = [
    ("Contents", ["Foreword", "What we did", "How well the arrangements worked",
                  "Voice of children"]),
    ("Foreword", ["This is the Northvale Safeguarding Children Partnership annual report for "
                  "2024/25, approved by the three partners."]),
    ("What we did", ["The partners trained 500 practitioners in spotting neglect and opened a "
                     "joint exploitation team.",
                     "Six serious incidents led to rapid reviews, and one local child "
                     "safeguarding practice review was commissioned."]),
    ("How well the arrangements worked", [
        "An audit of 40 cases found that information was shared well in 35 of them, though "
        "health visitors were often left out of strategy discussions."]),
    ("Voice of children", ["Young people sat on the interview panel for the new scrutineer."]),
]
RUNNING = "Northvale Safeguarding Children Partnership annual report 2024/25"


COLUMNS, TABLED = "What we did", "Voice of children"
"""The section set in two columns, and the one whose heading stands in a table (as many
reports lay out a panel)."""
FOOTNOTE = "Counted from the training register."


def _word(path: Path) -> Path:
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = RUNNING
    document.add_paragraph("Northvale annual report 2024/25", style="Title")
    for heading, paragraphs in SECTIONS:
        if heading == TABLED:
            cell = document.add_table(rows=1, cols=1).cell(0, 0)
            cell.paragraphs[0].text = heading
            cell.paragraphs[0].style = document.styles["Heading 1"]
            for text in paragraphs:
                cell.add_paragraph(text)
            continue
        if heading == COLUMNS:  # set by hand in bold, in a section of two columns
            document.add_section(WD_SECTION.CONTINUOUS)
            columns = OxmlElement("w:cols")
            columns.set(qn("w:num"), "2")
            document.sections[-1]._sectPr.append(columns)
            document.add_paragraph().add_run(heading).bold = True
        else:
            document.add_heading(heading, 1)
        for text in paragraphs:
            document.add_paragraph(text, style="List Bullet" if heading == "Contents" else None)
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "Partner", (0, 1): "Contribution",
                                (1, 0): "Northvale Council", (1, 1): "£100,000"}.items():
        table.cell(row, column).text = text
    document.save(str(path))
    return path


def _html(sections: list[tuple[str, list[str]]], footnote: bool = False) -> str:
    """The report as a web page, or (`footnote`) as the HTML of its PDF: a section in two
    columns, a heading in a table, a running header, a footnote."""
    blocks = []
    for heading, paragraphs in sections:
        text = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        if heading == COLUMNS:
            if footnote:
                text = text.replace("practitioners", "practitioners<span style='float: "
                                    f"footnote'>{FOOTNOTE}</span>", 1)
            text = f"<div style='columns: 2'>{text}</div>"
        block = f"<h2>{heading}</h2>{text}"
        if heading == TABLED:
            block = f"<table><tr><td>{block}</td></tr></table>"
        blocks.append(block + '<p style="break-after: page"></p>')
    return (f"<html><head><style>@page {{ @top-center {{ content: '{RUNNING}' }} }}</style>"
            f"</head><body><h1>Northvale annual report 2024/25</h1>{''.join(blocks)}"
            "</body></html>")


def _pdf(path: Path, bookmarks: bool = True) -> Path:
    """The PDF with its bookmarks, or without them (its headings known only by their type),
    as many exported reports are."""
    from weasyprint import HTML

    HTML(string=_html(SECTIONS, footnote=True)).write_pdf(str(path))
    if not bookmarks:
        writer = PdfWriter()
        for page in PdfReader(path).pages:
            writer.add_page(page)
        writer.write(str(path))
    return path


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    web = folder / "report.html"
    web.write_text(_html(SECTIONS))
    return {"docx": _word(folder / "report.docx"), "pdf": _pdf(folder / "report.pdf"),
            "pdf-plain": _pdf(folder / "plain.pdf", bookmarks=False), "html": web}


@pytest.mark.parametrize("fmt", ["docx", "pdf", "pdf-plain", "html"])
def test_a_report_is_read_with_its_headings_and_pages(reports: dict[str, Path],
                                                      fmt: str) -> None:
    document = read_foreign(reports[fmt])
    assert [h for h in document.headings if h != "Northvale annual report 2024/25"][:5] == [
        "Contents", "Foreword", "What we did", "How well the arrangements worked",
        "Voice of children"]
    audit = next(p for p in document.passages if p.text.startswith("An audit of 40 cases"))
    assert audit.heading == "How well the arrangements worked"
    assert audit.text.endswith("left out of strategy discussions.")
    trained = next(p for p in document.passages if p.text.startswith("The partners trained"))
    assert trained.heading == COLUMNS and trained.text == SECTIONS[2][1][0]  # no footnote mark
    voice = next(p for p in document.passages if p.text.startswith("Young people"))
    assert voice.heading == TABLED
    if fmt.startswith("pdf"):
        assert audit.page == 4 and document.pages == 5
        assert not any(p.text == RUNNING for p in document.passages)  # the running header
        assert any(p.text.endswith(FOOTNOTE) and p.page == 3 for p in document.passages)
    assert guess_kind(document) == ("yearly-report", True)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "pdf-plain", "html"])
def test_assess_quotes_the_evidence_and_names_what_is_missing(reports: dict[str, Path],
                                                              fmt: str) -> None:
    result = cli("assess", "--json", str(reports[fmt]))
    assert result.exit_code == 0, result.output
    [document] = json.loads(result.stdout)["documents"]
    rows = {row["id"]: row for row in document["requirements"]}
    assert document["kind"] == "yearly-report" and document["kind_sure"]
    assert rows["yr_what_done"]["status"] == "addressed"
    assert rows["yr_what_done"]["quotes"][-1].startswith("Six serious incidents led to rapid "
                                                        "reviews")
    assert rows["yr_effectiveness"]["status"] == "addressed"
    assert rows["yr_effectiveness"]["quotes"] == [SECTIONS[3][1][0]]
    assert rows["yr_effectiveness"]["section"].endswith(
        "under “How well the arrangements worked”")
    assert rows["yr_voice"]["status"] == "partly"
    assert rows["yr_voice"]["not_yet"] == ["how it was used"]
    assert rows["yr_little_progress"]["status"] == "missing"
    assert rows["yr_little_progress"]["not_yet"][0] == (
        "areas with little or no progress (no heading names it)")
    assert "yr_sign_off" in document["not_looked_for"]
    assert json.loads(result.stdout)["note"].startswith("sgdocs looks for evidence")


def test_the_table_says_a_person_must_judge(reports: dict[str, Path]) -> None:
    result = cli("assess", str(reports["pdf"]))
    output = " ".join(result.output.split())
    assert "page 4, under “How well the" in output
    assert "a person must judge whether the requirement is met" in output
    assert "compliant" not in output


def _text(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _scan(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(str(path))
    return path


def _locked(path: Path, source: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt("secret")
    writer.write(str(path))
    return path


@pytest.mark.parametrize(("name", "make", "message"), [
    ("scan.pdf", _scan, "it has no text to read: it looks like a scan, with no text layer"),
    ("fake.docx", lambda p: _text(p, b"not a Word file"),
     "it is not a Word document (.docx), or it is damaged"),
    ("broken.pdf", lambda p: _text(p, b"%PDF-1.7\n" + b"\x00" * 64),
     "it is not a PDF, or it is damaged"),
    ("notes.txt", lambda p: _text(p, b"x"), "sgdocs reads .docx, .pdf, .html files"),
])
def test_a_report_that_cannot_be_read_is_told_plainly(tmp_path: Path, name: str, make: object,
                                                      message: str) -> None:
    path = make(tmp_path / name)  # type: ignore[operator]
    result = cli("assess", str(path))
    assert result.exit_code == 1
    assert f"{path}: error: {message}" in result.output
    assert "Traceback" not in result.output


def test_an_encrypted_pdf_is_told_plainly(tmp_path: Path, reports: dict[str, Path]) -> None:
    locked = _locked(tmp_path / "locked.pdf", reports["pdf"])
    result = cli("assess", str(locked))
    assert result.exit_code == 1
    assert f"{locked}: error: it is encrypted with a password" in result.output


def test_a_folder_run_goes_on_past_a_bad_file(tmp_path: Path, reports: dict[str, Path]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.docx").write_bytes(reports["docx"].read_bytes())
    (folder / "bad.pdf").write_bytes(b"%PDF-1.7\n")
    _scan(folder / "scan.pdf")
    result = cli("assess", "--json", str(folder))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [Path(d["file"]).name for d in report["documents"]] == ["good.docx"]
    assert sorted(Path(f["file"]).name for f in report["findings"] if f["severity"] == "error"
                  ) == ["bad.pdf", "scan.pdf"]


def test_earlier_guidance_is_told_with_its_page(tmp_path: Path) -> None:
    from weasyprint import HTML

    old = tmp_path / "old.pdf"
    HTML(string=_html([("Funding", ["The clinical commissioning group paid a third of the "
                                    "partnership's budget this year."])])).write_pdf(
        str(old))
    output = " ".join(cli("assess", "--kind", "yearly-report", str(old)).output.split())
    assert ("warning: “clinical commissioning group” (page 1, under “Funding”) is a term from "
            "the guidance before Working Together 2023") in output



@pytest.mark.parametrize(("published", "told"), [
    ("Published: 12 September 2025.", None),
    ("This report was approved by the partners on 10 March 2025.",
     "the report says it was published 10 March 2025 (page 1, under “About this report”), "
     "before the year it covers (2024/25) ends on 31 March 2025"),
    ("Published in June 2026 after a delay.",
     "the report on 2024/25 says it was published June 2026 (page 1, under “About this "
     "report”), more than twelve months after the year ended on 31 March 2025"),
])
def test_the_year_covered_and_the_date_of_publication_are_read_and_weighed(
        tmp_path: Path, published: str, told: str | None) -> None:
    from weasyprint import HTML

    report = tmp_path / "dated.pdf"
    HTML(string=_html([("About this report", [published])])).write_pdf(str(report))
    result = cli("assess", "--kind", "yearly-report", str(report))
    output = " ".join(result.output.split())
    written = published.split(" on ")[-1].removeprefix("Published: ").removeprefix(
        "Published in ").split(" after")[0].rstrip(".")
    assert "It covers 2024/25 (in its title);" in output
    assert f"published {written} (page 1, under “About this report”)." in output
    assert (f"warning: {told}" in output) if told else "warning" not in output


def test_many_reports_are_summed_up_per_requirement(tmp_path: Path,
                                                    reports: dict[str, Path]) -> None:
    """A folder of reports: per requirement, how many address it, partly or not at all."""
    folder = tmp_path / "national"
    folder.mkdir()
    for fmt in ("docx", "pdf", "html"):
        (folder / f"northvale.{fmt}").write_bytes(reports[fmt].read_bytes())
    thin = folder / "southvale.html"
    thin.write_text(_html([("Foreword", ["This is the Southvale Safeguarding Children "
                                         "Partnership annual report for 2024/25."])]))
    result = cli("assess", "--json", str(folder))
    assert result.exit_code == 0, result.output
    across = json.loads(result.stdout)["across"]
    assert across["yr_effectiveness"] == {"addressed": 3, "missing": 1}
    assert across["yr_voice"] == {"partly": 3, "missing": 1}
    table = " ".join(cli("assess", str(folder)).output.split())
    assert "Across the 4 reports" in table
    assert "yr_effectiveness │ 3 │ 0 │ 1" in table


def test_a_placeholder_left_in_a_published_report_is_told_with_its_page(tmp_path: Path
                                                                        ) -> None:
    from weasyprint import HTML

    draft = tmp_path / "draft.pdf"
    HTML(string=_html([("Budget", ["TBC"]), ("Training", ["[Insert the training figures]"])])
         ).write_pdf(str(draft))
    output = " ".join(cli("assess", "--kind", "yearly-report", str(draft)).output.split())
    assert "warning: “TBC” (page 1, under “Budget”) stands in for what this should say" in output
    assert ("warning: “[Insert the training figures]” (page 2, under “Training”) stands in for "
            "what this should say") in output


def test_the_assessment_is_written_as_a_workbook_for_the_persons_verdicts(
        tmp_path: Path, reports: dict[str, Path]) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out"
    assert cli("assess", "--out", str(out), str(reports["pdf"])).exit_code == 0
    made = out / "report-assessment.xlsx"
    sheet = load_workbook(made)["Assessment"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert [cell.value for cell in sheet[4]] == [
        "Requirement", "What Working Together 2023 asks", "Level", "Evidence found",
        "The sentence relied on", "Where", "Not yet said", "Your verdict", "Your notes"]
    assert rows["yr_effectiveness"][3:6] == ("addressed", SECTIONS[3][1][0],
                                            "page 4, under “How well the arrangements worked”")
    assert rows["yr_little_progress"][3] == "no evidence found"
    assert rows["yr_sign_off"][3:6] == ("not looked for", None,
                                       "find it in the report yourself")
    assert rows["yr_voice"][7:] == (None, None)  # the person's own, to fill in
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"Met,Partly met,Not met,Not applicable"'
    first = made.read_bytes()
    cli("assess", "--out", str(out), str(reports["pdf"]))
    assert made.read_bytes() == first  # the same assessment, the same bytes


def test_the_assessment_is_written_as_word_pdf_and_a_web_page(tmp_path: Path,
                                                             reports: dict[str, Path]) -> None:
    """What was found, quoted with its place, in each format, and in Word a field to type
    each verdict in."""
    out = tmp_path / "out"
    result = cli("assess", "--out", str(out), str(reports["docx"]))
    assert "wrote 4 file(s)" in result.output
    quote = SECTIONS[3][1][0]
    word = docx.Document(str(out / "report-assessment.docx"))
    texts = [p.text for p in word.paragraphs]
    assert texts[0] == "report.docx: assessment against Working Together 2023"
    assert texts[texts.index(quote) + 1] == "under “How well the arrangements worked”"
    assert "Says how effective the arrangements have been in practice." in texts
    assert "Nothing found on: how it was used." in texts
    fields = word.element.body.findall(".//" + docx.oxml.ns.qn("w:sdt"))
    assert len(fields) == 2 * 8  # a verdict and notes for each requirement looked for
    pdf = " ".join(" ".join(page.extract_text() for page in PdfReader(
        out / "report-assessment.pdf").pages).split())
    assert f"{quote} under “How well the arrangements worked”" in pdf
    assert "Of the 8 requirements looked for, evidence was found for 3, in part for 1 and not " \
           "at all for 4." in pdf
    page = (out / "report-assessment.html").read_text()
    assert f"<blockquote><p>{quote}<span class=\"place\">" in page


def test_words_from_a_report_are_never_run_as_a_template(tmp_path: Path) -> None:
    """A report's words reach the assessment as they are written, whatever they hold."""
    hostile = tmp_path / "hostile.html"
    hostile.write_text(_html([("How well the arrangements worked", [
        "We judged the arrangements {{ 7 * 7 }} effective <script>alert(1)</script> after "
        "an audit of cases."])]).replace("<script>", "&lt;script&gt;").replace(
        "</script>", "&lt;/script&gt;"))
    out = tmp_path / "out"
    assert cli("assess", "--kind", "yearly-report", "--out", str(out), str(hostile)
               ).exit_code == 0
    word = " ".join(p.text for p in docx.Document(str(out / "hostile-assessment.docx")
                                                  ).paragraphs)
    assert "We judged the arrangements {{ 7 * 7 }} effective <script>alert(1)</script>" in word
    page = (out / "hostile-assessment.html").read_text()
    assert "{{ 7 * 7 }} effective &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>" not in page


def test_many_reports_are_summed_up_in_a_chart_and_tables(tmp_path: Path,
                                                          reports: dict[str, Path]) -> None:
    from openpyxl import load_workbook

    folder, out = tmp_path / "national", tmp_path / "out"
    folder.mkdir()
    for fmt in ("docx", "pdf"):
        (folder / f"northvale.{fmt}").write_bytes(reports[fmt].read_bytes())
    (folder / "southvale.html").write_text(_html([("Foreword", [
        "This is the Southvale Safeguarding Children Partnership annual report."])]))
    assert cli("assess", "--out", str(out), str(folder)).exit_code == 0
    assert {p.name for p in out.iterdir()} >= {
        "northvale-docx-assessment.pdf", "northvale-pdf-assessment.pdf",
        "southvale-assessment.pdf", "summary.docx", "summary.pdf", "summary.html",
        "summary.xlsx"}
    sheet = load_workbook(out / "summary.xlsx")["Across the reports"]
    rows = {row[0]: row[2:] for row in sheet.iter_rows(min_row=5, max_row=12, values_only=True)}
    assert rows["How effective the arrangements have been"] == (2, 0, 1)
    assert rows["How feedback from children and families was sought"] == (0, 2, 1)
    assert len(sheet._charts) == 1
    word = docx.Document(str(out / "summary.docx"))
    [chart] = word.inline_shapes
    assert chart._inline.docPr.get("descr").startswith(
        "Stacked bar chart, requirements across the 3 reports.")
    assert [cell.text for cell in word.tables[-1].rows[1].cells] == [
        "northvale.docx", "yearly-report", "3", "1", "4"]


def test_a_fault_reading_one_report_is_told_and_the_rest_go_on(
        tmp_path: Path, reports: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A reading library failing on a file from elsewhere, or a file passing a document's
    time limit, is a finding about that file; the others are still assessed."""
    from sgdocs.bounds import Exhausted
    from sgdocs.pipeline import assessing

    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        (folder / name).write_bytes(reports["pdf"].read_bytes())
    real = assessing.read_foreign

    def reading(path: Path) -> object:
        if path.name == "a.pdf":
            raise RecursionError("maximum recursion depth exceeded")
        if path.name == "b.pdf":
            raise Exhausted("it took longer than the 120 seconds a document may take")
        return real(path)

    monkeypatch.setattr(assessing, "read_foreign", reading)
    result = cli("assess", "--json", str(folder))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [Path(d["file"]).name for d in report["documents"]] == ["c.pdf"]
    messages = {Path(f["file"]).name: f["message"] for f in report["findings"]}
    assert messages["a.pdf"].startswith("sgdocs failed while assessing the report "
                                        "(RecursionError")
    assert messages["b.pdf"] == ("the report was not assessed: it took longer than the 120 "
                                 "seconds a document may take")
