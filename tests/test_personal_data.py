"""Likely personal data in content meant for publication is reported at its line; a
sensitive document, and contacts the partnership publishes on purpose, are not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CONTENT, cli
from sgdocs.check.personal_data import personal_data
from sgdocs.pipeline.check import check
from sgdocs.read.yamlsource import read_yaml
from yamledit import drop_key, line_of, set_value

REPORT = "yearly-report-2024-25.yaml"
LEAKS = {
    "Child A (DOB 12/03/2015) was seen at the front door.": "a date of birth: “DOB 12/03/2015”",
    "Her NHS number, 943 476 5919, was shared.": "an NHS number: “943 476 5919”",
    "Mrs Okafor lives at 4 Mill Lane, Eastmoor EM4 7QT.":
        "a postcode next to a name: “Mrs Okafor … EM4 7QT”",
    "Her mother can be reached on 07700 900 123.": "a mobile phone number: “07700 900 123”",
    "The social worker is jo.bloggs@eastmoor.example.gov.uk.":
        "a named person's e-mail address: “jo.bloggs@eastmoor.example.gov.uk”",
    "Her father wrote from dadof3@hotmail.co.uk.":
        "a personal e-mail address: “dadof3@hotmail.co.uk”",
}
HARMLESS = [
    "NHS number 943 476 5918 was made up.",  # its check digit is wrong
    "Write to procurement@example.org by 15 September 2025.",
    "Bexley Civic Offices, 2 Watling Street, Bexleyheath DA6 7AT",
    "Reference 2018-10-01; 1234567890 pounds; 15 of 20 reviews.",
]


@pytest.fixture
def eastmoor(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "eastmoor", tmp_path / "eastmoor")
    return tmp_path / "eastmoor"


def _with_text(report: Path, lines: list[str]) -> None:
    """The report's introduction replaced by `lines`, one per line."""
    drop_key(report, "introduction")
    with report.open("a") as stream:
        stream.write("introduction: |\n" + "".join(f"  {line}\n" for line in lines))


def test_each_kind_of_personal_data_is_reported_at_its_line(eastmoor: Path) -> None:
    report = eastmoor / REPORT
    _with_text(report, [*LEAKS, *HARMLESS])
    findings = [f for f in check([report]).findings if "personal data" in f.message]
    assert [(f.where.line, f.message) for f in findings] == [
        (line_of(report, leak), f"this may be personal data ({what})")
        for leak, what in LEAKS.items()]
    assert all(not f.is_error and "published_contacts" in f.hint for f in findings)


def test_strict_check_fails_on_it(eastmoor: Path) -> None:
    _with_text(eastmoor / REPORT, ["Her mother can be reached on 07700 900 123."])
    assert cli("check", str(eastmoor / REPORT)).exit_code == 0
    result = cli("check", "--strict", str(eastmoor / REPORT))
    assert result.exit_code == 1
    assert f"{REPORT}:" in result.output and "a mobile phone number" in result.output


def test_a_sensitive_document_is_not_scanned(eastmoor: Path) -> None:
    report = eastmoor / REPORT
    _with_text(report, list(LEAKS))
    set_value(report, "document_control.classification", "OFFICIAL-SENSITIVE")
    assert not [f for f in check([report]).findings if "personal data" in f.message]


def test_published_contacts_are_not_reported(eastmoor: Path) -> None:
    report = eastmoor / REPORT
    _with_text(report, ["Call the front door on 0300 123 4567 or +44 300 123 4567."])
    assert len([f for f in check([report]).findings if "phone number" in f.message]) == 2
    with (eastmoor / "partnership.yaml").open("a") as stream:
        stream.write('published_contacts:\n  - "0300 123 4567"\n')
    assert not [f for f in check([report]).findings if "phone number" in f.message]


def test_comments_are_not_published_so_not_scanned(tmp_path: Path) -> None:
    file = tmp_path / "notes.yaml"
    file.write_text("# call me on 07700 900 123\ntitle: Call 07700 900 124\n")
    assert [(f.where.line, f.message) for f in personal_data([read_yaml(file)])] == [
        (2, "this may be personal data (a mobile phone number: “07700 900 124”)")]


def test_an_nhs_number_with_a_country_code_is_reported_once(tmp_path: Path) -> None:
    file = tmp_path / "notes.yaml"
    file.write_text("title: NHS number +44 943 476 5919\n")
    assert [f.message for f in personal_data([read_yaml(file)])] == [
        "this may be personal data (an NHS number: “943 476 5919”)"]


def test_the_files_a_document_draws_in_are_scanned_with_it(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    article = tmp_path / "tasp/newsletter-autumn-2023/vacancies.yaml"
    article.write_text(article.read_text().replace(
        "[Alison at TASP]", "Alison (07700 900 123) [Alison at TASP]", 1))
    findings = [f for f in check([tmp_path / "tasp/newsletter-autumn-2023.yaml"]).findings
                if "personal data" in f.message]
    assert [(f.where.file, f.where.line) for f in findings] == [
        (article, line_of(article, "07700 900 123"))]
