"""Every output opens cleanly in a real reader. Word documents pass an OOXML validator
(including Word's own compatibility rules); LibreOffice lays out every Word document and
workbook with the facts in place (one LibreOffice call converts them all); every PDF passes
`qpdf --check`; every workbook reopens in openpyxl."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openxml_audit import OpenXmlValidator
from pypdf import PdfReader

from conftest import BEXLEY, REPO, normalise, pdf_text
from sgdocs.pipeline.build import build
from test_content_is_text import TRICKY
from test_markdown import BACKGROUND

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
QPDF = shutil.which("qpdf")
STARTER = REPO / "engine/sgdocs/kinds/role_brief/starter.yaml"


@pytest.fixture(scope="module")
def variety(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Bexley brief, the starter, and briefs full of Markdown and awkward text."""
    root = tmp_path_factory.mktemp("word") / "variety"
    shutil.copytree(BEXLEY, root)
    shutil.copy(STARTER, root / "starter.yaml")
    text = (BEXLEY / "role-brief.yaml").read_text()
    start, end = text.index("background: |"), text.index("role: >")
    (root / "markdown.yaml").write_text(text[:start] + BACKGROUND + text[end:])
    rows = "".join(f"    - activity: {raw}\n      date: 2018-10-01\n" for raw in TRICKY)
    (root / "awkward.yaml").write_text(text.replace("  entries:\n", "  entries:\n" + rows, 1))
    report = build([root], root.parent / "out", ["docx"])
    assert report.ok, [str(f) for f in report.findings]
    return {o.output.stem: o.output for o in report.outcomes if o.output}


@pytest.fixture(scope="module")
def word_outputs(variety: dict[str, Path], example_outputs: dict[str, Path]
                 ) -> dict[str, Path]:
    """Every Word output: the variety, and every example, by a name unique among them
    (the area and the file's stem, e.g. "eastmoor-arrangements")."""
    examples = {_name(name): path for name, path in example_outputs.items()
                if name.endswith(".docx") and not name.startswith("bexley/")}  # in the variety
    return {**variety, **examples}


@pytest.fixture(scope="module")
def workbooks(example_outputs: dict[str, Path]) -> dict[str, Path]:
    return {_name(name): path for name, path in example_outputs.items()
            if name.endswith(".xlsx")}


def _name(relative: str) -> str:
    return relative.rsplit(".", 1)[0].replace("/", "-")


def test_word_outputs_pass_the_ooxml_validator(word_outputs: dict[str, Path]) -> None:
    validator = OpenXmlValidator()
    problems = {name: [str(e) for e in validator.validate(str(path)).errors]
                for name, path in word_outputs.items()}
    assert problems == {name: [] for name in word_outputs}


def test_shipped_templates_pass_the_ooxml_validator() -> None:
    validator = OpenXmlValidator()
    for template in (REPO / "templates/docx").glob("*.docx"):
        assert validator.validate(str(template)).errors == [], template.name


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("SGDOCS_REQUIRE_LIBREOFFICE"),
                    reason="LibreOffice is not installed (bash .ci/run installs it)")
def test_libreoffice_lays_out_every_word_output_and_workbook(
        word_outputs: dict[str, Path], workbooks: dict[str, Path], tmp_path: Path) -> None:
    assert SOFFICE, "LibreOffice is required here (SGDOCS_REQUIRE_LIBREOFFICE is set)"
    staged = tmp_path / "in"
    staged.mkdir()
    for name, path in {**word_outputs, **workbooks}.items():
        shutil.copy(path, staged / f"{name}{path.suffix}")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *map(str, sorted(staged.iterdir()))],
                   check=True, capture_output=True, timeout=600)
    laid_out = {path.stem for path in tmp_path.glob("*.pdf")}
    assert laid_out == {*word_outputs, *workbooks}
    scoring = normalise(pdf_text(tmp_path / "bexley-tender-scoring.pdf"))
    assert "Scoring" in scoring and "Weighting" in scoring
    text = {name: normalise(pdf_text(tmp_path / f"{name}.pdf")) for name in word_outputs}
    assert "Page 1 of" in (PdfReader(str(tmp_path / "role-brief.pdf")).pages[0].extract_text())
    for fact in ("Brief for independent scrutiny – Bexley",
                 "3.1 Key questions in terms of the scrutiny function",
                 "Learning Hub 4, Priority 3 15 July 2019", "£12,000 (15 days at £800)",
                 "31. The role of independent scrutiny is to provide assurance"):
        assert fact in text["role-brief"]
    assert "Bexley Safeguarding Partnership · Version 0.1 · DRAFT" in text["starter"]
    assert "4. Restarted four 5. Restarted five" in text["markdown"]
    assert "a. deep one" in text["markdown"] or "1. deep one" in text["markdown"]
    for printed in TRICKY.values():
        assert printed in text["awkward"]
    assert "How this document meets Working Together 2023" in text["eastmoor-arrangements"]
    assert "Rapid reviews completed within 15 working days 4 of 6 (67%)" in text[
        "eastmoor-yearly-report-2024-25"]
    assert "Westvale Safeguarding Children Partnership" in text[
        "westvale-scrutiny-report-2024-25"]


@pytest.mark.skipif(QPDF is None and not os.environ.get("SGDOCS_REQUIRE_QPDF"),
                    reason="qpdf is not installed (bash .ci/run installs it)")
def test_every_pdf_passes_qpdf_check(example_outputs: dict[str, Path]) -> None:
    assert QPDF, "qpdf is required here"
    for name, path in example_outputs.items():
        if name.endswith(".pdf"):
            checked = subprocess.run([QPDF, "--check", str(path)], capture_output=True,
                                     text=True, timeout=60)
            assert checked.returncode == 0, f"{name}: {checked.stdout}{checked.stderr}"
            assert "No syntax or stream encoding errors found" in checked.stdout


def test_every_workbook_reopens(workbooks: dict[str, Path]) -> None:
    assert set(workbooks) == {"bexley-tender-scoring", "csprp-tender-2021-scoring",
                              "eastmoor-self-assessment-2024"}
    for name, path in workbooks.items():
        workbook = openpyxl.load_workbook(path)
        assert workbook.sheetnames and workbook.properties.title, name
