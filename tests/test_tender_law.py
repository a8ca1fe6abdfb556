"""A tender is worded for the law it is run under (the Procurement Act 2023, the Public
Contracts Regulations 2015, Scottish law, or a quotation below the thresholds), and the Act
is refused for a procurement begun before it applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BEXLEY, READERS, built, cli, edited_copy, normalise
from yamledit import line_of

BELOW = "law: below-threshold\n"


@pytest.mark.parametrize(("law", "sentence", "outcome"), [
    ("law: pcr-2015\nprocedure: open", "This invitation is issued under the Public Contracts "
     "Regulations 2015, using the open procedure.", "will be told the outcome"),
    ("law: scotland\nprocedure: open procedure", "This invitation is issued under the "
     "Procurement Reform (Scotland) Act 2014 and the Public Contracts (Scotland) Regulations "
     "2015, using the open procedure.", "will be told the outcome"),
])
def test_the_tender_names_the_law_it_is_run_under(tmp_path: Path, law: str, sentence: str,
                                                   outcome: str) -> None:
    tender = edited_copy(tmp_path, BEXLEY / "tender.yaml", (BELOW, law + "\n"))
    outputs = built(tender, tmp_path / "out", formats=("docx", "html"))
    for fmt in ("docx", "html"):
        text = normalise(READERS[fmt](outputs[f"tender.{fmt}"]))
        assert sentence in text, fmt
        assert outcome in text and "assessment summary" not in text, fmt
        assert "Procurement Act 2023" not in text, fmt


def test_the_act_brings_its_assessment_summaries(tmp_path: Path) -> None:
    """The starter: a tender of 2025 under the Act."""
    tender = tmp_path / "area" / "tender.yaml"
    assert cli("new", "tender", str(tender)).exit_code == 0
    outputs = built(tender, tmp_path / "out", formats=("html",))
    text = normalise(READERS["html"](outputs["tender.html"]))
    assert ("This invitation is issued under the Procurement Act 2023, using the competitive "
            "flexible procedure.") in text
    assert "every supplier that submitted one will receive an assessment summary" in text


def test_the_act_is_refused_for_a_procurement_begun_before_it(tmp_path: Path) -> None:
    tender = edited_copy(tmp_path, BEXLEY / "tender.yaml", (BELOW, "law: procurement-act-2023\n"))
    result = cli("check", str(tender))
    assert result.exit_code == 1
    assert (f"{tender}:{line_of(tender, 'issue_date:')}: error: a procurement begun on 2 July "
            "2018 is not under the Procurement Act 2023, which applies to those begun on or "
            "after 24 February 2025") in normalise(result.output)


def test_a_notice_before_the_invitation_its_codes_and_value(tmp_path: Path) -> None:
    tender = edited_copy(
        tmp_path, BEXLEY / "tender.yaml",
        ("tender_notice: Published on Contracts Finder with this reference\n",
         "tender_notice: Published on Contracts Finder with this reference\n"
         "notice_id: BEX-2018-0042\nvalue: £20,000 to £30,000\n"
         "cpv_codes: [85310000-5 Social work services, 79411000-8 General management "
         "consultancy services]\n"),
        ("timeline:\n", "timeline:\n  - step: Preliminary market engagement notice\n"
         "    date: 2018-05-14\n    before_issue: true\n"))
    outputs = built(tender, tmp_path / "out", formats=("docx", "html"))
    for fmt in ("docx", "html"):
        text = normalise(READERS[fmt](outputs[f"tender.{fmt}"]))
        assert "Notice identifier BEX-2018-0042" in text, fmt
        assert "Contract value £20,000 to £30,000" in text, fmt
        assert ("CPV codes 85310000-5 Social work services; 79411000-8 General management "
                "consultancy services") in text, fmt
        assert "Preliminary market engagement notice 14 May 2018" in text, fmt


def test_a_step_before_the_invitation_must_say_so(tmp_path: Path) -> None:
    tender = edited_copy(tmp_path, BEXLEY / "tender.yaml", (
        "timeline:\n", "timeline:\n  - step: Preliminary market engagement notice\n"
        "    date: 2018-05-14\n"))
    result = cli("check", str(tender))
    assert result.exit_code == 1
    assert (f"{tender}:{line_of(tender, 'date: 2018-05-14')}: error: \u201cPreliminary market "
            "engagement notice\u201d (14 May 2018) is before the tender is issued (2 July 2018)"
            ) in normalise(result.output)
