"""Traceable and safe to publish: every output records where it came from, carries its
security classification on every page and in its metadata, and a sensitive document is
kept out of the formats made for publishing unless the user says otherwise."""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pikepdf
import pytest
from icalendar import Calendar
from pypdf import PageObject, PdfReader

from conftest import CONTENT, REPO, built, cli
from sgdocs import __version__
from sgdocs.pipeline.build import build
from yamledit import line_of, set_value

YEARLY = "eastmoor/yearly-report-2024-25"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _docx_custom_properties(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("docProps/custom.xml").decode()
    return dict(re.findall(r'name="([^"]+)"[^>]*><vt:lpwstr>([^<]*)<', xml))


def _provenance(example_outputs: dict[str, Path], name: str) -> dict[str, dict[str, str]]:
    """The provenance each format of one document records, read back from the files."""
    found = {"docx": _docx_custom_properties(example_outputs[f"{name}.docx"])}
    with pikepdf.open(example_outputs[f"{name}.pdf"]) as pdf:
        found["pdf"] = {str(key)[1:]: str(value) for key, value in pdf.docinfo.items()}
    html = example_outputs[f"{name}.html"].read_text()
    found["html"] = dict(re.findall(r'<meta name="sgdocs\.(\w+)" content="([^"]*)">', html))
    return found


def _heights_of(page: PageObject, text: str) -> list[float]:
    """How far up the page (in points) each piece of text that is exactly `text` sits."""
    found: list[float] = []

    def visit(shown: str, cm: list[float], tm: list[float], *_: object) -> None:
        if shown.strip() == text:
            found.append(cm[5] + tm[5] * cm[3])

    page.extract_text(visitor_text=visit)
    return found


def test_every_format_records_its_provenance(example_outputs: dict[str, Path]) -> None:
    content = CONTENT / f"{YEARLY}.yaml"
    for fmt, properties in _provenance(example_outputs, YEARLY).items():
        assert properties["Engine"] == f"sgdocs {__version__}", fmt
        assert properties["ContentFile"] == f"{YEARLY}.yaml", fmt
        assert properties["ContentSHA256"] == _sha256(content), fmt
        assert properties["Classification"] == "OFFICIAL", fmt
        assert re.fullmatch(r"[0-9a-f]{64}", properties["SourcesSHA256"]), fmt
    docx_properties = _provenance(example_outputs, YEARLY)["docx"]
    assert docx_properties["TemplateFile"] == "sgdocs/templates/docx/yearly-report.docx"
    assert docx_properties["TemplateSHA256"] == _sha256(
        REPO / "templates/docx/yearly-report.docx")
    html_properties = _provenance(example_outputs, YEARLY)["html"]
    assert html_properties["TemplateFile"] == "sgdocs/templates/html/yearly-report.html"


def test_spreadsheets_and_calendars_record_their_provenance(
        example_outputs: dict[str, Path]) -> None:
    workbook = openpyxl.load_workbook(example_outputs["eastmoor/self-assessment-2024.xlsx"])
    properties = {p.name: p.value for p in workbook.custom_doc_props}
    assert properties["ContentSHA256"] == _sha256(CONTENT / "eastmoor/self-assessment-2024.yaml")
    assert properties["Classification"] == "OFFICIAL-SENSITIVE"
    assert "TemplateFile" not in properties  # laid out in code
    calendar = Calendar.from_ical(
        example_outputs["tasp/scrutineer-network-2024.ics"].read_bytes())
    assert calendar["X-SGDOCS-CONTENTSHA256"] == _sha256(
        CONTENT / "tasp/scrutineer-network-2024.yaml")
    assert calendar["X-SGDOCS-ENGINE"] == f"sgdocs {__version__}"


def test_the_sources_hash_follows_every_file_drawn_in(tmp_path: Path) -> None:
    """Changing an article changes the newsletter's sources hash, not its content hash."""
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    before = _docx_custom_properties(built(tmp_path / "tasp/newsletter-autumn-2023.yaml",
                                           tmp_path / "a")["docx"])
    article = next((tmp_path / "tasp/newsletter-autumn-2023").glob("*.yaml"))
    article.write_text(article.read_text() + "\n# edited\n")
    after = _docx_custom_properties(built(tmp_path / "tasp/newsletter-autumn-2023.yaml",
                                          tmp_path / "b")["docx"])
    assert before["ContentSHA256"] == after["ContentSHA256"]
    assert before["SourcesSHA256"] != after["SourcesSHA256"]


def test_the_classification_is_at_the_top_and_bottom_of_every_page(
        example_outputs: dict[str, Path]) -> None:
    for page in PdfReader(example_outputs[f"{YEARLY}.pdf"]).pages:
        heights = _heights_of(page, "OFFICIAL")
        top = float(page.mediabox.top)
        assert len(heights) == 2 and max(heights) > top - 72 and min(heights) < 72
    section = docx.Document(str(example_outputs[f"{YEARLY}.docx"])).sections[0]
    assert section.header.paragraphs[0].text == "OFFICIAL"
    assert section.footer.paragraphs[-1].text == "OFFICIAL"
    html = example_outputs[f"{YEARLY}.html"].read_text()
    assert html.count('<p class="classification">OFFICIAL</p>') == 2
    sheet = openpyxl.load_workbook(
        example_outputs["eastmoor/self-assessment-2024.xlsx"]).worksheets[0]
    assert sheet.oddHeader.center.text == sheet.oddFooter.center.text == "OFFICIAL-SENSITIVE"


def test_an_unclassified_document_carries_no_marking(example_outputs: dict[str, Path]) -> None:
    section = docx.Document(str(example_outputs["bexley/role-brief.docx"])).sections[0]
    assert [p.text for p in section.header.paragraphs] == [
        "Bexley Safeguarding Partnership"]
    assert 'class="classification"' not in example_outputs["bexley/role-brief.html"].read_text()
    assert "Classification" not in _docx_custom_properties(
        example_outputs["bexley/role-brief.docx"])


def test_a_sensitive_document_is_kept_out_of_publishing_formats(tmp_path: Path) -> None:
    report = build([CONTENT / "eastmoor/self-assessment-2024.yaml"], tmp_path)
    assert report.ok
    assert {o.format: (o.written, o.withheld) for o in report.outcomes} == {
        "docx": (True, False), "xlsx": (True, False), "pdf": (False, True),
        "html": (False, True)}
    assert not list(tmp_path.rglob("*.pdf")) and not list(tmp_path.rglob("*.html"))
    warning = next(f for f in report.findings if "OFFICIAL-SENSITIVE" in f.message)
    assert warning.where.line == line_of(CONTENT / "eastmoor/self-assessment-2024.yaml",
                                         "classification:")
    assert "--allow-sensitive" in warning.hint


def test_the_override_builds_it_marked_on_every_page(example_outputs: dict[str, Path]) -> None:
    pages = PdfReader(example_outputs["eastmoor/self-assessment-2024.pdf"]).pages
    assert all((page.extract_text() or "").count("OFFICIAL-SENSITIVE") >= 2 for page in pages)


def test_the_command_line_withholds_and_overrides(tmp_path: Path) -> None:
    content = CONTENT / "eastmoor/self-assessment-2024.yaml"
    result = cli("build", str(content), "--out", str(tmp_path / "a"), "--format", "pdf")
    assert result.exit_code == 0 and "0 written, 1 withheld, 0 failed." in result.output
    result = cli("build", str(content), "--out", str(tmp_path / "b"), "--format", "pdf",
                 "--allow-sensitive")
    assert result.exit_code == 0 and (tmp_path / "b/eastmoor/self-assessment-2024.pdf").exists()


def test_sensitive_calendar_events_are_confidential(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    series = tmp_path / "tasp/scrutineer-network-2024.yaml"
    set_value(series, "document_control.classification", "OFFICIAL-SENSITIVE")
    calendar = Calendar.from_ical(built(series, tmp_path / "out")[
        "scrutineer-network-2024.ics"].read_bytes())
    assert {str(event["CLASS"]) for event in calendar.walk("VEVENT")} == {"CONFIDENTIAL"}


@pytest.mark.parametrize("value", ["official", "SECRET"])
def test_an_unknown_classification_is_refused(tmp_path: Path, value: str) -> None:
    shutil.copytree(CONTENT / "eastmoor", tmp_path / "eastmoor")
    report = tmp_path / "eastmoor/yearly-report-2024-25.yaml"
    set_value(report, "document_control.classification", value)
    result = cli("check", str(report))
    assert result.exit_code == 1
    assert f"yearly-report-2024-25.yaml:{line_of(report, 'classification:')}" in result.output
    assert "OFFICIAL" in result.output


def test_a_sensitive_article_makes_its_newsletter_sensitive(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    article = tmp_path / "tasp/newsletter-autumn-2023/vacancies.yaml"
    article.write_text(article.read_text() + "document_control:\n  version: '1'\n  status: "
                       "draft\n  owner: Editor\n  classification: OFFICIAL-SENSITIVE\n")
    report = build([tmp_path / "tasp/newsletter-autumn-2023.yaml"], tmp_path / "out")
    assert report.ok
    assert {o.format for o in report.outcomes if o.withheld} == {"pdf", "html"}
    assert any("it draws in `vacancies.yaml`, which is OFFICIAL-SENSITIVE" in f.message
               for f in report.findings)
    word = docx.Document(str(tmp_path / "out/tasp/newsletter-autumn-2023.docx"))
    assert word.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"


def test_an_earlier_public_output_is_removed_once_sensitive(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "eastmoor", tmp_path / "eastmoor")
    report_file = tmp_path / "eastmoor/scrutiny-report-2023-24.yaml"
    assert build([report_file], tmp_path / "out").ok
    published = tmp_path / "out/eastmoor/scrutiny-report-2023-24.pdf"
    assert published.is_file()
    set_value(report_file, "document_control.classification", "OFFICIAL-SENSITIVE")
    report = build([report_file], tmp_path / "out")
    assert not published.exists()
    assert any(f.where.file == published and f.message.startswith("removed the pdf")
               for f in report.findings)


@pytest.mark.parametrize("epoch", ["yesterday", "-5", "253402300800"])
def test_an_unusable_source_date_epoch_is_a_clear_error(tmp_path: Path, epoch: str,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = cli("build", str(CONTENT / "bexley/role-brief.yaml"), "--out", str(tmp_path),
                 "--format", "docx")
    assert result.exit_code == 1
    assert f"SOURCE_DATE_EPOCH is '{epoch}', not a time sgdocs can use" in result.output


def test_a_restyled_web_template_is_traced_to_its_files(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "bexley", tmp_path / "bexley")
    assert cli("templates", "export", str(tmp_path / "bexley/templates")).exit_code == 0
    style = tmp_path / "bexley/templates/html/_style.css"
    shipped = built(tmp_path / "bexley/role-brief.yaml", tmp_path / "a")["html"].read_text()
    style.write_text(style.read_text() + "\nh1 { letter-spacing: 0.01em; }\n")
    restyled = built(tmp_path / "bexley/role-brief.yaml", tmp_path / "b")["html"].read_text()
    meta = re.compile(r'<meta name="sgdocs\.(Template\w+)" content="([^"]*)">')
    before, after = dict(meta.findall(shipped)), dict(meta.findall(restyled))
    assert before["TemplateFile"] == after["TemplateFile"] == (
        "bexley/templates/html/role-brief.html")
    assert before["TemplateSHA256"] != after["TemplateSHA256"]  # its included style changed
