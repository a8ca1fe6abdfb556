"""Thematic scrutiny reports, as Devon's are: findings by theme with no ratings (no rating
column, no badge, no table of ratings), recommendations without ids numbered R1, R2 … in
every format, how scrutiny is provided in a sentence that reads right for each model, the
author's own sections where the author puts them and appendices at the end; and bad input
told at its line."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import CONTENT, READERS, built, cli, edited_copy, normalise
from sgdocs.kinds.scrutiny_report import Scrutiny
from yamledit import line_of

DEVON = CONTENT / "devon"
REPORT = DEVON / "scrutiny-report-2023-24.yaml"
MODEL = ("The partnership has one dedicated independent scrutineer, appointed on a monthly "
         "rolling basis. There is further independent scrutiny from the commissioner appointed "
         "by the Devon Improvement Partnership Board, a multi-agency board with which the "
         "partnership works closely. The same scrutineer was in post for the whole year, and "
         "there are plans to appoint a permanent one.")
RECOMMENDATION = ("R1 Another of the statutory partners should chair the Front Door strategic "
                  "group, to build a multi-agency ethos. A senior police officer now chairs the "
                  "group. Done")
RATINGS = ("Judgement", "Not rated", "Green", "Amber", "Red", "Owner", "Due")


@pytest.fixture(scope="module")
def devon(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(REPORT, tmp_path_factory.mktemp("devon"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_a_thematic_report_reads_back(devon: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](devon[fmt]))
    for fact in (MODEL, RECOMMENDATION, "Findings The front door The delegated safeguarding "
                 "partners needed a clearer line of sight to the front door"):
        assert fact in text, fmt
    assert [word for word in RATINGS if word in text] == []


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_own_sections_stand_where_the_author_puts_them(devon: dict[str, Path],
                                                       fmt: str) -> None:
    """`order`: the partnership's year comes first, before how scrutiny was done."""
    text = normalise(READERS[fmt](devon[fmt]))
    order = ["The partnership's year", "During the year the "
             "partnership took its present name", "How scrutiny was done", "Findings",
             "Recommendations and the partners' response"]
    assert [text.find(heading) for heading in order] == sorted(
        text.find(heading) for heading in order)
    assert -1 not in [text.find(heading) for heading in order]


def test_a_finding_without_a_rating_has_no_rating_column_or_badge(
        devon: dict[str, Path]) -> None:
    word = docx.Document(str(devon["docx"]))
    assert [[cell.text for cell in table.rows[0].cells] for table in word.tables
            if table.rows[0].cells[0].text == "No."] == [
        ["No.", "Recommendation", "Partners' response", "Status"]]
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 2"] == ["The front door"]
    html = devon["html"].read_text()
    assert 'class="rag' not in html and 'class="figures"' not in html
    assert '<h3 id="finding_1">The front door</h3>' in html


def test_the_real_example_leaves_out_what_its_source_does_not_say(tmp_path: Path) -> None:
    """Devon's 2024-25 report: no findings, recommendations, period or summary in the copy
    worked from, so none printed; the scrutiny model and the sections it has."""
    outputs = built(DEVON / "scrutiny-report-2024-25.yaml", tmp_path / "out")
    for fmt in ("docx", "pdf", "html"):
        text = normalise(READERS[fmt](outputs[fmt]))
        assert ("The partnership has one dedicated independent scrutineer, appointed on a "
                "monthly rolling basis. There is further independent scrutiny from the "
                "commissioner appointed by the Continuous Improvement Board") in text, fmt
        assert "A permanent scrutineer has now been found" in text, fmt
        assert text.index("Working Together 2023") < text.index("How scrutiny was done")
        for absent in ("Findings", "Recommendations", "Summary", "This report covers",
                       "Not set", "No response"):
            assert absent not in text, (fmt, absent)


THEMATIC = """kind: scrutiny-report
title: Thematic review of the front door
document_control: {status: draft}
findings:
  - title: Thresholds
    judgement: Thresholds are applied consistently.
  - title: Information sharing
    judgement: Police and health share information late.
recommendations:
  - text: Publish the threshold guidance.
    response: Accepted.
  - text: Agree a protocol for sharing information within a day.
    response: Accepted.
order: [Introduction]
sections:
  - title: Conclusion
    body: The front door is safe, and could be quicker.
  - title: Introduction
    body: The partners asked for this review in 2024.
appendices:
  - title: Terms of reference
    body: The review looked at contacts received in 2024.
"""


def _report(tmp_path: Path, text: str = THEMATIC) -> Path:
    folder = tmp_path / "area"
    folder.mkdir()
    (folder / "partnership.yaml").write_text("name: Area Safeguarding Children Partnership\n")
    report = folder / "report.yaml"
    report.write_text(text)
    return report


@pytest.fixture(scope="module")
def thematic(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(_report(tmp_path_factory.mktemp("thematic")),
                 tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_recommendations_without_ids_are_numbered_for_the_reader(
        thematic: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](thematic[fmt]))
    assert ("No. Recommendation Partners' response R1 Publish the threshold guidance. "
            "Accepted. R2 Agree a protocol for sharing information within a day. Accepted."
            ) in text  # and no columns for owners, dates or status, which none has


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_sections_and_appendices_where_the_author_puts_them(thematic: dict[str, Path],
                                                            fmt: str) -> None:
    text = normalise(READERS[fmt](thematic[fmt]))
    order = ["Introduction The partners asked for this review in 2024.", "Findings",
             "Thresholds Thresholds are applied consistently.", "Recommendations",
             "Conclusion The front door is safe, and could be quicker.",
             "Appendix 1: Terms of reference The review looked at contacts received in 2024."]
    found = [text.find(piece) for piece in order]
    assert -1 not in found, [piece for piece in order if piece not in text]
    assert found == sorted(found)


def test_an_appendix_starts_a_page(thematic: dict[str, Path]) -> None:
    word = docx.Document(str(thematic["docx"]))
    appendix = next(p for p in word.paragraphs if p.text.startswith("Appendix 1"))
    assert appendix.style.name == "Heading 1"
    assert appendix.paragraph_format.page_break_before
    assert '<h2 id="appendix_1" class="new-page">Appendix 1: Terms of reference</h2>' in (
        thematic["html"].read_text())


def test_one_rated_finding_gives_a_table_of_ratings_with_the_others_not_rated(
        tmp_path: Path) -> None:
    report = _report(tmp_path, THEMATIC.replace(
        "    judgement: Police and health", "    rag: amber\n    judgement: Police and health"))
    outputs = built(report, tmp_path / "out", formats=("docx", "html"))
    word = docx.Document(str(outputs["docx"]))
    ratings = next(t for t in word.tables if t.rows[0].cells[0].text == "Finding")
    assert [[cell.text for cell in row.cells] for row in ratings.rows] == [
        ["Finding", "Judgement"], ["Thresholds", "Not rated"],
        ["Information sharing", "■ Amber"]]
    text = normalise(READERS["html"](outputs["html"]))
    assert "Thresholds Thresholds are applied consistently." in text
    assert "Information sharing – Amber Police and health share information late." in text


@pytest.mark.parametrize(("scrutiny", "sentence"), [
    ({"model": "scrutineer", "who": "Mel John-Ross", "appointment": "permanent",
      "since": "2023-04-01"},
     "The partnership has one dedicated independent scrutineer, Mel John-Ross, appointed "
     "permanently on 1 April 2023."),
    ({"model": "scrutineer", "appointment": "rolling", "renewed": "monthly",
      "since": "2023-04"},
     "The partnership has one dedicated independent scrutineer, appointed on a monthly "
     "rolling basis since April 2023."),
    ({"model": "chair", "who": "Mel John-Ross"},
     "The partnership's independent chair, Mel John-Ross, is also its independent scrutineer."),
    ({"model": "panel", "who": "three independent scrutineers", "appointment": "fixed-term"},
     "Independent scrutiny is provided by a panel of three independent scrutineers, appointed "
     "for a fixed term."),
    ({"model": "peers", "appointment": "interim"},
     "Independent scrutiny is provided by peers from other partnerships, appointed on an "
     "interim basis."),
    ({"model": "several", "who": "an independent scrutineer, lay members and young "
      "scrutineers", "also": ["the improvement board's commissioner", "Ofsted"]},
     "Independent scrutiny is provided in several ways: an independent scrutineer, lay members "
     "and young scrutineers. There is further independent scrutiny from the improvement "
     "board's commissioner and Ofsted."),
])
def test_how_scrutiny_is_provided_reads_right_for_each_model(
        scrutiny: dict[str, object], sentence: str) -> None:
    assert Scrutiny.model_validate(scrutiny).sentence == sentence


def test_the_partnerships_scrutineer_stands_in_when_the_report_does_not_say(
        tmp_path: Path) -> None:
    report = _report(tmp_path)
    (report.parent / "partnership.yaml").write_text(
        "name: Area Safeguarding Children Partnership\nscrutineer: Mel John-Ross\n")
    outputs = built(report, tmp_path / "out", formats=("html",))
    assert "Independent scrutiny Mel John-Ross" in normalise(READERS["html"](outputs["html"]))


@pytest.mark.parametrize(("old", "new", "at", "message"), [
    ("  - text: Agree a protocol", "  - id: R9\n    text: Agree a protocol",
     "  - text: Publish", "error: this recommendation has no `id`, though others have one\n"
     "  hint: give every recommendation an `id`, or none: they are then numbered R1, R2 … in "
     "order"),
    ("  - title: Thresholds\n", "  - rag: green\n", "  - rag: green",
     "error: a rated finding needs a `title`"),
    ("findings:\n", "scrutiny: {model: scrutineer, renewed: monthly}\nfindings:\n",
     "scrutiny:", "error: only a rolling appointment is renewed\n"
     "  hint: set `appointment: rolling`, or leave `renewed` out"),
    ("order: [Introduction]", "order: [Introduction, sumary]", "order:",
     "error: there is no section “sumary”\n  hint: did you mean `summary`?"),
    ("order: [Introduction]", "order: [Introduction, introduction]", "order:",
     "error: “introduction” is named twice\n  hint: name each section once"),
    ("findings:\n", "scrutiny: {model: scrutineer, appointment: yearly}\nfindings:\n",
     "scrutiny:", "error: `scrutiny.appointment` is “yearly”, but must be one of 'permanent', "
     "'fixed-term', 'rolling' or 'interim'"),
    ("findings:\n", "scrutiny: {model: commissioner}\nfindings:\n", "scrutiny:",
     "error: `scrutiny.model` is “commissioner”, but must be one of 'scrutineer', 'chair', "
     "'panel', 'peers' or 'several'"),
])
def test_bad_input_is_told_at_its_line(tmp_path: Path, old: str, new: str, at: str,
                                       message: str) -> None:
    assert old in THEMATIC
    report = _report(tmp_path, THEMATIC.replace(old, new, 1))
    result = cli("check", str(report))
    assert result.exit_code == 1, result.output
    assert f"{report}:{line_of(report, at)}: {message}" in result.output


def test_a_thematic_copy_of_eastmoor_builds_without_its_ratings(tmp_path: Path) -> None:
    """Every `rag:` taken out of a six-step report: no table of ratings, no badges."""
    report = edited_copy(tmp_path, CONTENT / "eastmoor/scrutiny-report-2023-24.yaml")
    report.write_text("".join(line for line in report.read_text().splitlines(keepends=True)
                              if not line.strip().startswith("rag:")))
    outputs = built(report, tmp_path / "out")
    for fmt in ("docx", "pdf", "html"):
        text = normalise(READERS[fmt](outputs[fmt]))
        assert "Step 3: Voice of children and families Children's views are gathered" in text
        assert [word for word in ("Judgement", "Green", "Amber", "Red") if word in text] == []


def test_last_years_report_without_recommendations_gives_no_empty_table(
        tmp_path: Path) -> None:
    report = _report(tmp_path, THEMATIC.replace("recommendations:", "previous_report: "
                                                "last-year.yaml\nrecommendations:", 1))
    (report.parent / "last-year.yaml").write_text(
        "kind: scrutiny-report\ntitle: Last year's review\ndocument_control: {status: draft}\n")
    outputs = built(report, tmp_path / "out", formats=("docx", "html"))
    for fmt in ("docx", "html"):
        assert "last year's recommendations" not in READERS[fmt](outputs[fmt]), fmt
