"""The research findings briefing on independent scrutiny, as its source summary gives it:
counts of a base with their percentages worked out, a percentage the summary states, counts
it gives without a base, and a chart of the figures that have a percentage."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx as python_docx
import pytest
from docx.oxml.ns import qn

from conftest import CONTENT, READERS, built, cli, normalise
from test_briefing_figures import pdf_alt_texts
from yamledit import line_of

BRIEFING = CONTENT / "tasp/scrutiny-research-briefing.yaml"
FIGURES = [
    "105 Local Safeguarding Children Partnerships (LSCPs) contributed.",
    "22 of 76 areas (29%) reported using \"in partnership\" peer reviews",
    "16 used \"between partnership\" peer reviews",
    "66 of 88 LSCPs (75%) have used the \"Six Steps for Independent Scrutiny\" framework",
    "28 of 95 LSCPs (29%) involve children and young people in scrutiny",
    "67 of 100 LSCPs (67%) reported employing Independent Scrutineers",
    "51 of those employ 1 Scrutineer",
    "16 employ 2 or more",
    "60 of 101 LSCPs (59%) employ an Independent Chair",
    "90% of these also have scrutiny responsibilities",
    "Data is self-reported & has not been triangulated or accompanied by a literature review.",
    "Project team: the Vulnerability Knowledge and Practice Programme (VKPP), the Safer Young "
    "Lives Research Centre (SYLRC) at the University of Bedfordshire, and The Association of "
    "Safeguarding Partners (TASP)",
    "Headline figures as percentages of the LSCPs (or areas) each figure is out of. The "
    "figures are also given in the text.",
    "Published 2022",
]
NOT_IN_THE_SOURCE = [
    "54 of 60",        # the summary says "90% of these"
    "16 of 76",        # it gives the 16 no base
    "(21%)",
    "51 of 67",        # "51 of those", and no percentage
    "(76%)",
    "(24%)",
    "of those who answered each question",
]
ALT = ("Bar chart, headline figures as percentages of the LSCPs (or areas) each figure is out "
       "of. In-partnership peer reviews: 29%; Six Steps framework used: 75%; Children and "
       "young people in scrutiny: 29%; Employ Independent Scrutineers: 67%; Employ an "
       "Independent Chair: 59%.")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(BRIEFING, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_figures_print_as_the_source_gives_them(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    assert [fact for fact in FIGURES if normalise(fact) not in text] == []
    assert [made_up for made_up in NOT_IN_THE_SOURCE if made_up in text] == []


def test_the_chart_shows_only_figures_with_a_percentage(outputs: dict[str, Path]) -> None:
    """The bare count of 16 and the unlabelled 90% are in the text, not the chart."""
    assert f'alt="{ALT}"' in outputs["html"].read_text()
    document = python_docx.Document(str(outputs["docx"]))
    assert [p.get("descr") for p in document.element.body.iter(qn("wp:docPr"))] == [ALT]
    assert pdf_alt_texts(outputs["pdf"]) == [ALT]


def test_a_count_larger_than_its_base(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    file = tmp_path / "tasp" / BRIEFING.name
    file.write_text(file.read_text().replace("{count: 67, base: 100", "{count: 107, base: 100"))
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert (f"{file}:{line_of(file, 'count: 107')}: error: 107 is more than its base of 100\n"
            "  hint: the count is part of the base: check both figures") in result.output
