"""The research findings briefing: figures are counts of a base, percentages are worked out
and printed the same way everywhere, and the headline figures are drawn as a chart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CONTENT, READERS, built, cli, normalise
from yamledit import line_of

BRIEFING = CONTENT / "tasp/scrutiny-research-briefing.yaml"
FIGURES = [
    "105 Local Safeguarding Children Partnerships (LSCPs) contributed.",
    "22 of 76 areas (29%) reported using \"in partnership\" peer reviews",
    "16 of 76 areas (21%) used \"between partnership\" peer reviews",
    "66 of 88 LSCPs (75%) have used the \"Six Steps for Independent Scrutiny\" framework",
    "28 of 95 LSCPs (29%) involve Children & Young People in a scrutiny role",
    "67 of 100 LSCPs (67%) reported employing Independent Scrutineers",
    "51 of 67 of those (76%) employ 1 Scrutineer",
    "60 of 101 LSCPs (59%) employ an Independent Chair",
    "54 of 60 of those (90%) also have scrutiny responsibilities",
    "Data is self-reported & has not been triangulated or accompanied by a literature review.",
    "The Department for Education should consider this work when consulting on the revision "
    "of WT2018.",
]
ALT = ("Bar chart, headline figures as percentages. In-partnership peer reviews: 29%; "
       "Between-partnership peer reviews: 21%; Six Steps framework used: 75%; Children and "
       "young people in scrutiny: 29%; Employ Independent Scrutineers: 67%; Employ an "
       "Independent Chair: 59%.")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(BRIEFING, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_figures_print_the_same_way_everywhere(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    assert [fact for fact in FIGURES if normalise(fact) not in text] == []


def test_the_chart_describes_itself(outputs: dict[str, Path]) -> None:
    assert f'alt="{ALT}"' in outputs["html"].read_text()
    import docx as python_docx
    from docx.oxml.ns import qn

    document = python_docx.Document(str(outputs["docx"]))
    assert [p.get("descr") for p in document.element.body.iter(qn("wp:docPr"))] == [ALT]


def test_a_count_larger_than_its_base(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    file = tmp_path / "tasp" / BRIEFING.name
    file.write_text(file.read_text().replace("{count: 67, base: 100", "{count: 107, base: 100"))
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert (f"{file}:{line_of(file, 'count: 107')}: error: 107 is more than its base of 100\n"
            "  hint: the count is part of the base: check both figures") in result.output
