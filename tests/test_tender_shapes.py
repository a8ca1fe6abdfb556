"""Tenders as they are run: a research commission that describes its service with no role
brief and is priced as a whole, several boards commissioning one service, a tender that has
been decided, and sections a tender does not have left out, their numbers closing up. Every
example says in the output what in it is made up."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import BEXLEY, CONTENT, READERS, built, cli, edited_copy, normalise
from yamledit import line_of

CSPRP = CONTENT / "csprp" / "tender-2021.yaml"
FORMATS = ("docx", "pdf", "html")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Panel's research commission, built."""
    return built(CSPRP, tmp_path_factory.mktemp("csprp"), formats=FORMATS)


@pytest.fixture(scope="module")
def commission(outputs: dict[str, Path]) -> dict[str, str]:
    """The commission, read back from each format."""
    return {fmt: normalise(READERS[fmt](outputs[f"tender-2021.{fmt}"]))
            for fmt in FORMATS}


def _headings(document: Path) -> list[str]:
    """Word's own headings, as a reader's navigation pane lists them."""
    return [p.text for p in docx.Document(str(document)).paragraphs
            if p.style.name.startswith("Heading")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_research_commission_under_the_2015_regulations(commission: dict[str, str],
                                                          fmt: str) -> None:
    text = commission[fmt]
    assert text.index("Illustrative example. The subject, the value band") < text.index(
        "1. About this invitation")
    assert ("This invitation is issued under the Public Contracts Regulations 2015, using "
            "the open procedure.") in text
    assert "Contract value £60,000 to £70,000" in text
    assert "CPV codes 85300000 Social work and related services" in text
    assert "2. The requirement Until 2021 the Panel analysed local reviews" in text
    assert "brief" not in text.lower()
    assert ("Understanding of the review system Knowledge of rapid reviews" in text
            and "Total 100%" in text)
    assert "Price The total price. The lowest price scores the full 30%" in text
    assert ("The most that will be paid. Quote your own price for each item in your tender; "
            "it may not exceed the price below.") in text
    assert ("Analysis of the 2021 reviews and the report to the Panel A fixed price "
            "£70,000") in text
    for absent in ("Conditions of contract", "Independence declarations", "Appendix A",
                   "response form", "day rate"):
        assert absent not in text, absent


def test_a_fixed_price_schedule_in_word(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["tender-2021.docx"]))
    table = next(t for t in document.tables if t.cell(0, 0).text == "Item")
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Item", "Priced as", "Price (at most)"],
        ["Analysis of the 2021 reviews and the report to the Panel", "A fixed price",
         "£70,000"],
        ["Total", "Total", "£70,000"]]  # the total's label spans two columns


def test_the_sections_a_tender_has_are_numbered_in_turn(outputs: dict[str, Path]) -> None:
    """Sections the commission does not have (conditions, declarations, the response form)
    are left out, and the numbers of the others close up."""
    assert _headings(outputs["tender-2021.docx"]) == [
        "1. About this invitation", "2. The requirement", "3. Contract term",
        "4. Procurement timeline", "5. How to submit a tender", "6. How tenders are assessed",
        "Quality scores", "7. Pricing schedule"]  # no document control: the title line says it


def test_a_decided_tender_names_the_award_and_its_commissioners(tmp_path: Path) -> None:
    tender = edited_copy(
        tmp_path, CSPRP,
        ("contracting_authority:", "commissioned_by: [Eastmoor Safeguarding Children "
         "Partnership, Eastmoor Safeguarding Adults Board]\ncontracting_authority:"),
        ("pricing:", "award:\n  supplier: Example Research Ltd\n  awarded_on: 2021-08-27\n"
         "  value: £64,500\n  notice: Contracts Finder, 1 September 2021\npricing:"))
    outputs = built(tender, tmp_path / "out", formats=FORMATS)
    for fmt in FORMATS:
        text = normalise(READERS[fmt](outputs[f"tender-2021.{fmt}"]))
        assert ("The contract was awarded to Example Research Ltd on 27 August 2021, for "
                "£64,500. The award notice: Contracts Finder, 1 September 2021.") in text, fmt
        assert ("Commissioned by Eastmoor Safeguarding Children Partnership and Eastmoor "
                "Safeguarding Adults Board") in text, fmt


def test_the_brief_s_sections_keep_their_numbers_in_a_role_tender(tmp_path: Path) -> None:
    headings = _headings(built(BEXLEY / "tender.yaml", tmp_path, formats=("docx",))
                         ["tender.docx"])
    assert headings[:12] == [
        "1. About this invitation", "2. The requirement", "2.1 Purpose", "2.2 Background",
        "2.3 The role of independent scrutiny", "2.4 Key questions for the scrutiny function",
        "2.5 Key responsibilities", "2.6 Qualifications and experience",
        "2.7 Timetable for 2018-19 work", "2.8 Days and cost", "3. Contract term",
        "4. Procurement timeline"]
    assert "Appendix A: Response form" in headings
    assert "9. Independence declarations" in headings


@pytest.mark.parametrize(("change", "at", "message"), [
    (("requirement: |", "background: |"), "background: |",
     "error: unknown key `background`"),
    (("issue_date: 2021-07-05", "issue_date: 2021-07-05\naward: {supplier: A Ltd, "
      "awarded_on: 2021-06-01}"), "award:",
     "error: the contract is awarded (1 June 2021) before the tender is issued (5 July 2021)"),
    (('price: 70000}', 'price: 70000, days: 40}'), "price: 70000",
     "error: the item has both a fixed price and days at a day rate"),
    (('price: 70000}', 'days: 40}'), "days: 40",
     "error: the item has no price"),
])
def test_a_tender_s_mistakes_are_named_at_their_line(tmp_path: Path, change: tuple[str, str],
                                                     at: str, message: str) -> None:
    tender = edited_copy(tmp_path, CSPRP, change)
    result = cli("check", str(tender))
    assert result.exit_code == 1
    assert f"{tender}:{line_of(tender, at)}: {message}" in normalise(result.output)


def test_a_tender_must_say_what_is_to_be_provided(tmp_path: Path) -> None:
    """Neither a brief nor a requirement of its own."""
    tender = edited_copy(tmp_path, CSPRP)
    text = tender.read_text()
    tender.write_text(text[:text.index("requirement: |")] + text[text.index("term:"):])
    result = cli("check", str(tender))
    assert result.exit_code == 1
    assert ("error: the tender does not say what is to be provided" in
            normalise(result.output))
    assert "describe the service in `requirement`" in normalise(result.output)


def test_a_tender_with_only_what_it_cannot_do_without(tmp_path: Path) -> None:
    """A fixed-price panel service on quality alone, answered on a portal: no reference,
    contact, dates, term, timeline or pricing schedule, and nothing printed for them."""
    folder = tmp_path / "csprp"
    folder.mkdir()
    (folder / "partnership.yaml").write_text((CSPRP.parent / "partnership.yaml").read_text())
    tender = folder / "panel.yaml"
    tender.write_text(
        "kind: tender\ntitle: Invitation to tender – a panel of reviewers\n"
        "document_control: {status: draft}\n"
        "contracting_authority: Department for Education\n"
        "requirement: Reviewers for the Panel's national reviews, at a fixed day rate.\n"
        "how_to_submit: Answer the questions on the e-tendering portal.\n"
        "evaluation:\n  - {name: Experience of reviews, type: quality, weighting: 100}\n")
    check = cli("check", str(tender))
    assert check.exit_code == 0, check.output
    assert "warning: there is no price criterion" in normalise(check.output)
    outputs = built(tender, tmp_path / "out", formats=FORMATS)
    for fmt in FORMATS:
        text = normalise(READERS[fmt](outputs[f"panel.{fmt}"]))
        assert "Reviewers for the Panel's national reviews, at a fixed day rate." in text
        for absent in ("Reference", "Issued", "Contact", "Contract term", "Procurement "
                       "timeline", "Pricing schedule", "None", "Appendix A"):
            assert absent not in text, (fmt, absent)
    clarifications = normalise(READERS["html"](outputs["panel-clarifications.html"]))
    assert "No clarifications have been issued yet." in clarifications
    assert "Reference" not in clarifications and "Questions to" not in clarifications
