"""What the user wrote is what every format shows: never evaluated, never reinterpreted."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BEXLEY, READERS, normalise
from sgdocs.pipeline.build import BuildReport, build
from sgdocs.read.yamlsource import parse_yaml

TRICKY = {
    "Launch {{ 7*7 }} event": "Launch {{ 7*7 }} event",
    "'{% if true %}Board{% endif %}'": "{% if true %}Board{% endif %}",
    "'<script>alert(1)</script> review'": "<script>alert(1)</script> review",
    "Learning & development hub": "Learning & development hub",
    "'16:30'": "16:30",
    "16:30 briefing": "16:30 briefing",
    "no": "no",
}


def test_yaml_1_1_surprises_read_as_written() -> None:
    data = parse_yaml("time: 16:30\nanswer: no\nflag: yes\nversion: 1.10\n"
                      "zip: 01234\non: off\ncount: 12\nreal: true\n", Path("x.yaml")).data
    assert data == {"time": "16:30", "answer": "no", "flag": "yes", "version": 1.1,
                    "zip": 1234, "on": "off", "count": 12, "real": True}
    assert data["version"].text == "1.10" and data["zip"].text == "01234"


def test_numbers_keep_their_written_form_in_text_fields(bexley_copy: Path,
                                                         run_build: Callable[..., BuildReport],
                                                         tmp_path: Path) -> None:
    brief = bexley_copy / "role-brief.yaml"
    brief.write_text(brief.read_text().replace("  status: published\n",
                                               "  status: published\n  version: 1.10\n", 1))
    report = run_build(brief, out=tmp_path / "out", formats=("html",))
    assert report.ok, [str(f) for f in report.findings]
    assert "Version 1.10" in normalise(READERS["html"](report.outcomes[0].output))


@pytest.fixture(scope="module")
def tricky_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("tricky") / "bexley"
    shutil.copytree(BEXLEY, root)
    brief = root / "role-brief.yaml"
    text = brief.read_text()
    rows = "".join(f"    - activity: {raw}\n      date: 2019-07-15\n" for raw in TRICKY)
    text = text.replace("    - {activity: Partnership Board, date: 2019-07-15}\n",
                        "    - {activity: Partnership Board, date: 2019-07-15}\n" + rows)
    text = text.replace("  - Provide assurance", "  - Check **{{ 7*7 }}** & <b>not bold</b>"
                        " and [a link](https://example.org/a?b=1&c=2)\n  - Provide assurance")
    brief.write_text(text)
    report = build([brief], root.parent / "out")
    assert report.ok, [str(f) for f in report.findings]
    return {o.format: normalise(READERS[o.format](o.output)) for o in report.outcomes
            if o.output}


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_content_is_printed_literally(tricky_outputs: dict[str, str], fmt: str) -> None:
    text = tricky_outputs[fmt]
    for printed in TRICKY.values():
        assert printed in text
    assert "Check {{ 7*7 }} & <b>not bold</b> and a link" in text
    assert "49" not in text


def test_html_escapes_markup_from_content(tmp_path_factory: pytest.TempPathFactory,
                                          tricky_outputs: dict[str, str]) -> None:
    html = next(Path(tmp_path_factory.getbasetemp()).rglob("tricky*/out/bexley/*.html"))
    source = html.read_text()
    assert "<script>alert(1)" not in source
    assert "&lt;script&gt;alert(1)&lt;/script&gt; review" in source
    assert '<a href="https://example.org/a?b=1&amp;c=2">a link</a>' in source
