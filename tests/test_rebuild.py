"""Builds skip what has not changed, render several documents at once, and show progress.

A document is built again when anything its outputs come from changes — its file, the
partnership, a picture, a document it draws in, a template added beside the partnership —
or when an output was changed or removed, or the build asks for something else.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import BEXLEY, CONTENT, cli
from sgdocs.pipeline.build import build
from sgdocs.pipeline.jobs import Outcome
from sgdocs.write.record import RECORD_FILE
from yamledit import set_value

FORMATS = ("docx", "html")


def _results(report_outcomes: list[Outcome]) -> dict[tuple[str, str], str]:
    return {(o.source.name, o.format): "unchanged" if o.unchanged else
            "written" if o.written else "withheld" if o.withheld else "failed"
            for o in report_outcomes}


def _copy(tmp_path: Path, *areas: str) -> Path:
    content = tmp_path / "content"
    for area in areas:
        shutil.copytree(CONTENT / area, content / area)
    return content


def test_an_unchanged_build_skips_every_document_and_reports_its_findings_again(
        tmp_path: Path) -> None:
    content, out = _copy(tmp_path, "northumberland", "bexley"), tmp_path / "out"
    first = build([content], out, FORMATS)
    stamps = {path: path.stat().st_mtime_ns for path in out.rglob("*.*")}
    second = build([content], out, FORMATS)
    assert first.ok and second.ok
    assert set(_results(second.outcomes).values()) == {"unchanged"}
    assert [o.output for o in second.outcomes] == [o.output for o in first.outcomes]
    assert second.findings == first.findings  # the framework's disagreement warning
    assert any("disagree" in f.message for f in second.findings)
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*.*")
            if path.name != RECORD_FILE} == {p: s for p, s in stamps.items()
                                              if p.name != RECORD_FILE}


def test_changing_a_document_rebuilds_it_alone(tmp_path: Path) -> None:
    content, out = _copy(tmp_path, "bexley"), tmp_path / "out"
    build([content], out, FORMATS)
    set_value(content / "bexley/role-brief.yaml", "title", "A changed title")
    results = _results(build([content], out, FORMATS).outcomes)
    assert results[("role-brief.yaml", "docx")] == "written"
    # The tender draws the brief in, so it is built again too.
    assert results[("tender.yaml", "docx")] == "written"
    set_value(content / "bexley/tender.yaml", "title", "A changed tender")
    results = _results(build([content], out, FORMATS).outcomes)
    assert results[("role-brief.yaml", "docx")] == "unchanged"
    assert results[("tender.yaml", "docx")] == "written"


def test_what_a_document_is_made_from_rebuilds_it(tmp_path: Path) -> None:
    content, out = _copy(tmp_path, "eastmoor"), tmp_path / "out"
    area = content / "eastmoor"
    report = build([area / "yearly-report-2024-25.yaml"], out, FORMATS)
    assert report.ok

    def result() -> str:
        outcome = build([area / "yearly-report-2024-25.yaml"], out, FORMATS).outcomes[0]
        return "unchanged" if outcome.unchanged else "written"

    assert result() == "unchanged"
    set_value(area / "partnership.yaml", "name", "Eastmoor Children's Partnership")
    assert result() == "written"
    logo = next((area / "images").iterdir())
    logo.write_bytes(logo.read_bytes() + b"\0")
    assert result() == "written"
    (area / "templates/docx").mkdir(parents=True)
    shutil.copy(BEXLEY.parent.parent / "templates/docx/yearly-report.docx",
                area / "templates/docx/yearly-report.docx")
    assert result() == "written"
    assert result() == "unchanged"
    (out / "eastmoor/yearly-report-2024-25.docx").unlink()
    assert result() == "written"
    (out / "eastmoor/yearly-report-2024-25.html").write_text("edited by hand")
    assert result() == "written"
    (content / "partnership.yaml").write_text((area / "partnership.yaml").read_text())
    assert result() == "written"  # a partnership file added above changes the merge


def test_other_options_or_rebuild_build_again(tmp_path: Path) -> None:
    content, out = _copy(tmp_path, "bexley"), tmp_path / "out"
    brief = content / "bexley/role-brief.yaml"
    build([brief], out, FORMATS)
    assert build([brief], out, ("docx",)).outcomes[0].written
    assert build([brief], out, ("docx",)).outcomes[0].unchanged
    assert not build([brief], out, ("docx",), rebuild=True).outcomes[0].unchanged
    assert not build([brief], out, ("docx",), allow_incomplete=True).outcomes[0].unchanged


def test_a_damaged_record_is_started_afresh(tmp_path: Path) -> None:
    content, out = _copy(tmp_path, "bexley"), tmp_path / "out"
    build([content / "bexley/role-brief.yaml"], out, FORMATS)
    saved = json.loads((out / RECORD_FILE).read_text())
    mangled = {key: {**entry, "outcomes": [{"format": 1}]}
               for key, entry in saved["documents"].items()}
    for damage in ("{not json", json.dumps({"format": 1, "documents": []}), "",
                   json.dumps({**saved, "documents": mangled})):
        (out / RECORD_FILE).write_text(damage)
        report = build([content / "bexley/role-brief.yaml"], out, FORMATS)
        assert report.ok and not any(o.unchanged for o in report.outcomes)


def test_a_failed_document_is_tried_again(tmp_path: Path) -> None:
    content, out = _copy(tmp_path, "bexley"), tmp_path / "out"
    brief = content / "bexley/role-brief.yaml"
    set_value(brief, "day_rate", "lots")
    assert not build([brief], out, FORMATS).ok
    assert not build([brief], out, FORMATS).ok  # still reported, never "unchanged"


def test_an_unchanged_newsletter_still_counts_as_using_a_changed_article(
        tmp_path: Path) -> None:
    content, out = _copy(tmp_path, "tasp"), tmp_path / "out"
    build([content], out, FORMATS)
    article = next((content / "tasp/newsletter-autumn-2023").glob("*.yaml"))
    article.write_text(article.read_text() + "\n# a comment\n")
    report = build([content], out, FORMATS)
    assert not any("not used by any document" in f.message for f in report.findings)
    newsletter = [o for o in report.outcomes if o.source.name == "newsletter-autumn-2023.yaml"]
    assert newsletter and all(o.written and not o.unchanged for o in newsletter)


def test_several_processes_make_the_same_files_in_the_same_order(tmp_path: Path) -> None:
    content = _copy(tmp_path, "bexley", "tasp")
    one = build([content], tmp_path / "one", FORMATS, jobs=1)
    two = build([content], tmp_path / "two", FORMATS, jobs=2)
    assert [(o.source, o.format) for o in one.outcomes] == \
        [(o.source, o.format) for o in two.outcomes]
    assert one.findings == two.findings
    for outcome in one.outcomes:
        assert outcome.output is not None
        twin = tmp_path / "two" / outcome.output.relative_to(tmp_path / "one")
        assert twin.read_bytes() == outcome.output.read_bytes(), twin


def test_progress_is_told_of_every_output(tmp_path: Path) -> None:
    content = _copy(tmp_path, "bexley")

    class Recorder:
        def __init__(self) -> None:
            self.planned_count, self.seen = 0, []

        def planned(self, count: int) -> None:
            self.planned_count = count

        def finished(self, outcome: Outcome) -> None:
            self.seen.append((outcome.source.name, outcome.format))

    recorder = Recorder()
    report = build([content], tmp_path / "out", FORMATS, jobs=2, progress=recorder)
    assert recorder.planned_count == len(report.outcomes) == len(recorder.seen)
    assert sorted(recorder.seen) == sorted((o.source.name, o.format) for o in report.outcomes)


def test_the_command_says_what_was_unchanged_and_can_be_quiet(tmp_path: Path) -> None:
    content, out = _copy(tmp_path, "bexley"), str(tmp_path / "out")
    first = cli("build", str(content), "--out", out, "--format", "docx", "--jobs", "2")
    assert first.exit_code == 0 and "written" in first.output
    assert "building" not in first.output  # no progress bar when not on a terminal
    again = cli("build", str(content), "--out", out, "--format", "docx", "--quiet")
    assert again.exit_code == 0
    assert "0 written, 3 unchanged, 0 failed." in again.output
    assert "sgdocs build" not in again.output and "building" not in again.output
    forced = cli("build", str(content), "--out", out, "--format", "docx", "--rebuild", "-q")
    assert "3 written, 0 failed." in forced.output
    assert cli("build", str(content), "--jobs", "0").exit_code == 2


def test_a_missing_font_subsetter_is_warned_about(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint.text.ffi

    monkeypatch.setattr(weasyprint.text.ffi, "harfbuzz_subset", None)
    report = build([BEXLEY / "role-brief.yaml"], tmp_path, ("pdf",))
    assert report.ok
    warning, = [f for f in report.findings if "HarfBuzz" in f.message]
    assert "libharfbuzz-subset0" in warning.hint and not warning.is_error
    assert not any("HarfBuzz" in f.message
                   for f in build([BEXLEY / "role-brief.yaml"], tmp_path / "docx",
                                  ("docx",)).findings)
