"""The Word outputs open in a real word processor: LibreOffice converts them to PDF, and the
facts are in what it lays out. One LibreOffice call converts every document."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BEXLEY, normalise, pdf_text
from sgdocs.build import build

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("SGDOCS_REQUIRE_LIBREOFFICE"),
    reason="LibreOffice is not installed (bash .ci/run installs it)")

STARTER = Path(__file__).resolve().parent.parent / "engine/sgdocs/starters"


def test_libreoffice_opens_every_word_output(tmp_path: Path) -> None:
    assert SOFFICE, "LibreOffice is required here (SGDOCS_REQUIRE_LIBREOFFICE is set)"
    starter = tmp_path / "starter"
    starter.mkdir()
    shutil.copy(STARTER / "role-brief.yaml", starter / "starter-brief.yaml")
    shutil.copy(STARTER / "partnership.yaml", starter / "partnership.yaml")
    report = build([BEXLEY, starter], tmp_path / "out", ["docx"])
    assert report.ok, [str(f) for f in report.findings]
    documents = [str(o.output) for o in report.outcomes if o.output]
    converted = tmp_path / "converted"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(converted), *documents],
                   check=True, capture_output=True, timeout=180)
    bexley = normalise(pdf_text(converted / "role-brief.pdf"))
    for fact in ("Brief for independent scrutiny – Bexley", "Page 1 of",
                 "3.1 Key questions in terms of the scrutiny function",
                 "Learning Hub 4, Priority 3 15 July 2019", "£12,000 (15 days at £800)",
                 "31. The role of independent scrutiny is to provide assurance",
                 "Bexley Safeguarding Partnership"):
        assert fact in bexley
    starter_pdf = normalise(pdf_text(converted / "starter-brief.pdf"))
    assert "Example Safeguarding Partnership · Version 0.1 · DRAFT" in starter_pdf
