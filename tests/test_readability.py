"""Readability of each section of a public document, scored in `sgdocs check`; the yearly
report's section for children and families is held to a reading age of 11."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import CONTENT, cli
from sgdocs.pipeline.check import check
from yamledit import drop_key, line_of

REPORT = CONTENT / "eastmoor/yearly-report-2024-25.yaml"
HARD = ("Notwithstanding considerable organisational complexity, multi-agency safeguarding "
        "arrangements demonstrated substantive improvement regarding interdisciplinary "
        "information-sharing, particularly concerning vulnerable adolescents experiencing "
        "extrafamilial exploitation, necessitating comprehensive strategic reconfiguration.")


def test_each_section_is_scored_at_its_line() -> None:
    scores = check([REPORT]).readability[REPORT]
    assert [score.section for score in scores][:4] == [
        "Summary", "For children and families", "Introduction", "What we did"]
    children = scores[1]
    assert children.where.line == line_of(REPORT, "for_children_and_families:")
    assert children.words > 30 and children.target == 11
    assert children.reading_age is not None and children.reading_age <= 11
    assert children.reading_ease is not None and children.reading_ease >= 70
    assert children.band == "easy" and not children.too_hard
    learning = next(score for score in scores if score.section == "Learning put into practice")
    assert learning.reading_age is not None and learning.reading_age > 16
    assert learning.band == "hard"


def test_a_hard_section_for_children_is_warned(tmp_path: Path) -> None:
    report = tmp_path / "eastmoor" / REPORT.name
    shutil.copytree(REPORT.parent, report.parent)
    drop_key(report, "for_children_and_families")
    with report.open("a") as stream:
        stream.write(f"for_children_and_families: >\n  {HARD} {HARD}\n")
    result = check([report])
    warning = next(f for f in result.findings if "reading age" in f.message)
    assert warning.where.line == line_of(report, "for_children_and_families:")
    assert warning.message.startswith("“For children and families” has a reading age of ")
    assert warning.message.endswith(", above the 11 it is written for")
    assert not warning.is_error and result.passed() and not result.passed(strict=True)


def test_a_short_section_is_not_scored(tmp_path: Path) -> None:
    report = tmp_path / "eastmoor" / REPORT.name
    shutil.copytree(REPORT.parent, report.parent)
    drop_key(report, "for_children_and_families")
    with report.open("a") as stream:
        stream.write("for_children_and_families: We kept children safe.\n")
    score = check([report]).readability[report][1]
    assert (score.words, score.reading_age, score.band) == (4, None, "too short to score")


def test_the_command_prints_and_exports_the_scores() -> None:
    result = cli("check", str(REPORT))
    assert "readability of each section" in result.output
    assert "(aim: 11 or under)" in result.output
    exported = json.loads(cli("check", "--json", str(REPORT)).output)
    scores = exported["documents"][0]["readability"]
    assert scores[1]["section"] == "For children and families"
    assert scores[1]["target_reading_age"] == 11 and scores[1]["band"] == "easy"


def test_documents_not_for_the_public_are_not_scored() -> None:
    assert check([CONTENT / "bexley/role-brief.yaml"]).readability == {}
