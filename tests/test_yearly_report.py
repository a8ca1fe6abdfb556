"""Eastmoor's yearly report: figures worked out from case dates with England's bank
holidays, shown as a chart with alt text and as a table, in every format."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import CONTENT, READERS, built, normalise
from sgdocs.cli import main
from sgdocs.pipeline.build import build
from sgdocs.read.workdays import working_days_after
from yamledit import line_of

REPORT = CONTENT / "eastmoor/yearly-report-2024-25.yaml"
ALT = ("Bar chart, serious incidents and reviews in the year. Serious incident notifications: "
       "7; Rapid reviews completed: 6; Rapid reviews within 15 working days: 4; Practice "
       "reviews commissioned: 1; Practice reviews published: 1.")
FACTS = [
    "This report covers 1 April 2024 to 31 March 2025. It was published on 15 September "
    "2025 and sent to the Child Safeguarding Practice Review Panel and Foundations.",
    "Serious incidents notified to the Child Safeguarding Practice Review Panel 7",
    "Rapid reviews completed 6",
    "Rapid reviews completed within 15 working days 4 of 6 (67%)",
    "Local child safeguarding practice reviews commissioned 1",
    "Local child safeguarding practice reviews published 1",
    "SI-2024-02 1 May 2024 23 May 2024 15 Yes Not commissioned",
    "SI-2024-05 16 December 2024 10 January 2025 16 No Not commissioned",
    "SI-2025-02 20 March 2025 Under way",
    "National Panel review: Safeguarding children with disabilities in residential settings",
    "The scrutineer's evaluation",
    "For children and families Some children in Eastmoor need extra help to be safe.",
    "If you are worried about a child, tell an adult you trust, or call Childline on 0800 1111.",
    "The lead safeguarding partners accept the scrutineer's findings.",
    "Health Chief Executive, NHS Eastmoor Integrated Care Board 10 September 2025",
    "How this document meets Working Together 2023",
    "Says how effective the arrangements have been in practice. (statutory duty) WT2023 ch. "
    "2, Yearly report How effective the arrangements have been",
]


@pytest.mark.parametrize(("start", "end", "days"), [
    (dt.date(2024, 4, 8), dt.date(2024, 4, 26), 14),
    (dt.date(2024, 5, 1), dt.date(2024, 5, 23), 15),     # early May bank holiday
    (dt.date(2024, 12, 16), dt.date(2025, 1, 10), 16),   # Christmas, Boxing Day, New Year
    (dt.date(2024, 3, 25), dt.date(2024, 4, 15), 13),    # Good Friday and Easter Monday
    (dt.date(2023, 5, 2), dt.date(2023, 5, 9), 4),       # the coronation bank holiday
    (dt.date(2024, 4, 26), dt.date(2024, 4, 29), 1),     # Friday to Monday
    (dt.date(2024, 4, 26), dt.date(2024, 4, 26), 0),
])
def test_working_days_follow_englands_bank_holidays(start: dt.date, end: dt.date,
                                                    days: int) -> None:
    assert working_days_after(start, end) == days


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(REPORT, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_yearly_report_reads_back(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    assert [fact for fact in FACTS if normalise(fact) not in text] == []


def test_word_chart_is_a_picture_with_alt_text(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    pictures = document.element.body.findall(".//" + qn("wp:docPr"))
    assert [p.get("descr") for p in pictures] == [ALT]
    assert len(document.inline_shapes) == 1
    image = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[image].content_type == "image/png"


def test_html_chart_is_an_image_with_alt_text(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text()
    assert f'alt="{ALT}"' in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<th scope=\"row\">Rapid reviews completed within 15 working days</th>" in html


def test_pdf_chart_is_a_figure_with_alt_text(outputs: dict[str, Path]) -> None:
    reader = PdfReader(str(outputs["pdf"]))
    alts = []

    def walk(node: object) -> None:
        node = node.get_object()  # type: ignore[attr-defined]
        if isinstance(node, dict):
            if "/Alt" in node:
                alts.append(str(node["/Alt"]))
            for key in ("/K",):
                if key in node:
                    walk(node[key])
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert ALT in alts


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "eastmoor", tmp_path / "eastmoor")
    return tmp_path / "eastmoor" / REPORT.name


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    lcsprs_published: 1\n", "    lcsprs_published: 1\n    notifications: 8\n",
     "notifications is 8, but the cases listed give 7"),
    ("    lcsprs_published: 1\n", "    lcsprs_published: 1\n    rapid_reviews_on_time: 5\n",
     "rapid reviews on time is 5, but the cases listed give 4"),
    ("  end: 2025-03-31", "  end: 2024-03-31", "the period ends (31 March 2024) before it starts"),
    ("rapid_review_completed: 2024-04-26", "rapid_review_completed: 2024-04-02",
     "the rapid review was completed (2 April 2024) before the notification (8 April 2024)"),
    ("notified: 2024-05-01", "notified: 2024-05", "give the day: working days are counted"),
])
def test_figures_that_do_not_add_up_are_reported(tmp_path: Path, old: str, new: str,
                                                 message: str) -> None:
    report = _copy(tmp_path)
    text = report.read_text()
    assert old in text
    report.write_text(text.replace(old, new, 1))
    result = CliRunner().invoke(main, ["check", str(report)])
    assert result.exit_code == 1
    assert f"{report}:" in result.output and message in result.output
    assert "Traceback" not in result.output


def test_a_period_longer_than_twelve_months_is_a_warning(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    report.write_text(report.read_text().replace("  end: 2025-03-31", "  end: 2025-06-30", 1))
    result = CliRunner().invoke(main, ["check", str(report)])
    assert result.exit_code == 0, result.output
    assert ("warning: the period 1 April 2024 to 30 June 2025 is longer than twelve months\n"
            "  hint: a yearly report usually covers twelve months") in result.output


def test_counts_alone_make_the_chart(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    text = report.read_text()
    start, end = text.index("    cases:\n"), text.index("\neffectiveness:")
    report.write_text(text[:start] + "    notifications: 5\n    rapid_reviews: 5\n"
                      "    rapid_reviews_on_time: 5\n    lcsprs_commissioned: 0\n"
                      + text[end:])
    result = build([report], tmp_path / "out", ["html"])
    assert result.ok
    html = normalise(READERS["html"](tmp_path / "out/eastmoor" / f"{REPORT.stem}.html"))
    assert "Rapid reviews completed within 15 working days 5 of 5 (100%)" in html
    assert "Rapid reviews in the year" not in html
    assert line_of(report, "notifications: 5")


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_figures_the_report_does_not_give_are_left_out_not_zero(tmp_path: Path,
                                                                fmt: str) -> None:
    """A report giving only its rapid reviews and published practice reviews prints those
    two, charted, and no "0" for the notifications or the timescale it does not state."""
    report = _copy(tmp_path)
    text = report.read_text()
    start, end = text.index("    lcsprs_published:"), text.index("\neffectiveness:")
    report.write_text(text[:start] + "    rapid_reviews: 8\n    lcsprs_published: 4\n"
                      + text[end:])
    outputs = built(report, tmp_path / "out", formats=(fmt,))
    text = normalise(READERS[fmt](outputs[fmt]))
    assert "Rapid reviews completed 8" in text
    assert "Local child safeguarding practice reviews published 4" in text
    for absent in ("Serious incidents notified to", "within 15 working days",
                   "practice reviews commissioned"):
        assert absent not in text, (fmt, absent)


def test_one_figure_alone_is_not_charted(tmp_path: Path) -> None:
    report = _copy(tmp_path)
    text = report.read_text()
    start, end = text.index("    lcsprs_published:"), text.index("\neffectiveness:")
    report.write_text(text[:start] + "    rapid_reviews: 8\n" + text[end:])
    html = built(report, tmp_path / "out", formats=("html",))["html"].read_text()
    assert "Rapid reviews completed</th><td" in html.replace('<td class="amount"', "<td")
    assert 'class="chart-figure"' not in html
