"""A scrutiny report's period as documents write it ("2024/25", "2024-25") or as dates; a
report of more than twelve months (1 March 2024 to 31 March 2025) is built, with a warning
that names a scrutiny report; a period sgdocs cannot read is told at its line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import CONTENT, READERS, built, cli, edited_copy, normalise
from sgdocs.read.yamlsource import read_yaml
from yamledit import line_of

REPORT = CONTENT / "eastmoor/scrutiny-report-2024-25.yaml"
DATES = "period:\n  start: 2024-04-01\n  end: 2025-03-31\n"


@pytest.mark.parametrize("written", ["2024/25", "2024-25", '"2024/2025"'])
def test_a_period_written_as_documents_write_it(tmp_path: Path, written: str) -> None:
    report = edited_copy(tmp_path, REPORT, (DATES, f"period: {written}\n"))
    outputs = built(report, tmp_path / "out")
    for fmt in ("docx", "pdf", "html"):
        assert "This report covers 1 April 2024 to 31 March 2025." in normalise(
            READERS[fmt](outputs[fmt])), fmt


def test_a_report_of_thirteen_months_is_built_with_a_warning(tmp_path: Path) -> None:
    report = edited_copy(tmp_path, REPORT, ("  start: 2024-04-01", "  start: 2024-03-01"))
    result = cli("check", str(report))
    assert result.exit_code == 0, result.output
    assert (f"{report}:{line_of(report, 'end: 2025-03-31')}: warning: the period 1 March 2024 "
            "to 31 March 2025 is longer than twelve months\n  hint: a scrutiny report usually "
            "covers twelve months: check the start and end, and leave them so if this one "
            "covers more") in result.output
    assert "a yearly report usually" not in result.output
    assert cli("check", "--strict", str(report)).exit_code == 1
    result = cli("build", str(report), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for fmt in ("docx", "pdf", "html"):
        path = tmp_path / "out/eastmoor" / f"{REPORT.stem}.{fmt}"
        text = normalise(READERS[fmt](path))
        assert "This report covers 1 March 2024 to 31 March 2025." in text, fmt
        assert "incomplete" not in text.lower(), fmt


@pytest.mark.parametrize(("written", "message"), [
    ("2024/26", "error: `period`: “2024/26” does not run from one year to the next"),
    ("April 2024", "error: `period`: “April 2024” is not a period sgdocs can read"),
    ("2024/2026", "error: `period`: “2024/2026” does not run from one year to the next"),
])
def test_a_period_sgdocs_cannot_read_is_told_at_its_line(tmp_path: Path, written: str,
                                                         message: str) -> None:
    report = edited_copy(tmp_path, REPORT, (DATES, f"period: {written}\n"))
    result = cli("check", str(report))
    assert result.exit_code == 1
    assert (f"{report}:{line_of(report, 'period:')}: {message}\n  hint: write the year as "
            "2024/25 (1 April 2024 to 31 March 2025), or give the first and last days as "
            "`start:` and `end:`") in result.output


def test_editors_accept_either_form(tmp_path: Path) -> None:
    result = cli("schema", "scrutiny-report")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    content = read_yaml(REPORT).data
    jsonschema.validate(content, schema)
    jsonschema.validate({**content, "period": "2024/25"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**content, "period": "April 2024"}, schema)
