"""Failing well: a mail-merge table, a build record or the machine itself may be hostile or
broken; each problem is one clear message about its own row, file or folder, the rest still
goes on, the summary is still printed, and a sensitive document stays unpublished whatever
a row says and whatever order builds run in."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import CONTENT, cli
from sgdocs.pipeline.build import build, build_each
from yamledit import set_value

HEADER = "file,addressee.name,addressee.organisation\n"


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    return tmp_path / "tasp/agm-invitation.yaml"


def _each(letter: Path, table_text: str, out: Path, *args: str) -> tuple[int, str]:
    table = letter.with_name("members.csv")
    table.write_bytes(table_text.encode("utf-8"))
    result = cli("build", str(letter), "--each", str(table), "--out", str(out), *args)
    return result.exit_code, result.output


def test_a_row_may_raise_a_classification_but_never_lower_it(letter: Path,
                                                            tmp_path: Path) -> None:
    set_value(letter, "document_control.classification", "OFFICIAL-SENSITIVE")
    code, output = _each(letter, "file,document_control.classification,addressee.name\n"
                         "barnet,OFFICIAL,Sam Patel\nbury,,Jo Lee\n", tmp_path / "out",
                         "--format", "pdf,html,docx")
    assert code == 1
    assert ("members.csv:2: error: the row sets the classification to \u201cOFFICIAL\u201d, "
            "lower than the content file's OFFICIAL-SENSITIVE") in output
    made = sorted(p.relative_to(tmp_path / "out").as_posix()
                  for p in (tmp_path / "out").rglob("*.*"))
    assert made == ["tasp/agm-invitation/bury.docx"]  # its PDF and page withheld


def test_a_withheld_output_written_by_another_build_is_removed_by_the_next(
        tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "eastmoor", tmp_path / "eastmoor")
    sensitive = tmp_path / "eastmoor/self-assessment-2024.yaml"
    out = tmp_path / "out"
    first = build([sensitive], out, ("pdf", "docx"))
    assert [o.withheld for o in first.outcomes if o.format == "pdf"] == [True]
    leaked = out / "eastmoor/self-assessment-2024.pdf"
    leaked.write_bytes(b"%PDF- a copy another build wrote meanwhile")
    again = build([sensitive], out, ("pdf", "docx"))
    pdf = next(o for o in again.outcomes if o.format == "pdf")
    assert pdf.withheld and not pdf.unchanged
    assert not leaked.exists()


def test_a_column_cannot_grow_a_list_without_end(letter: Path, tmp_path: Path) -> None:
    code, output = _each(letter, "file,addressee.address.10000000\nbarnet,1 High Street\n",
                         tmp_path / "out")
    assert code == 1
    assert ("members.csv:1: error: the column `addressee.address.10000000` names a list "
            "position over 200") in output


def test_a_cell_too_large_for_csv_is_reported_at_its_row(letter: Path, tmp_path: Path) -> None:
    code, output = _each(letter, HEADER + "barnet,Sam,Barnet\nbury," + "x" * 200_000
                         + ",Bury\n", tmp_path / "out", "--format", "docx")
    assert code == 1
    assert "members.csv:3: error: the row cannot be read as CSV (field larger than field " \
           "limit (131072))" in output
    assert "fault in sgdocs" not in output


def test_a_duplicated_column_is_refused_not_silently_won(letter: Path, tmp_path: Path) -> None:
    code, output = _each(letter, "file,addressee.name,addressee.name\nbarnet,Sam,Jo\n",
                         tmp_path / "out")
    assert code == 1
    assert "members.csv:1: error: the column `addressee.name` is named twice" in output


def test_control_characters_from_a_table_reach_neither_terminal_nor_output(
        letter: Path, tmp_path: Path) -> None:
    code, output = _each(letter, HEADER + "barnet,Sam \x1b[2J Patel,Barnet\n"
                         "bury,Jo Lee,Bury\n", tmp_path / "out", "--format", "docx")
    assert code == 1
    assert "\x1b" not in output
    assert ("members.csv:2: error: the text contains a character that cannot be printed "
            "(U+001B)") in output
    assert (tmp_path / "out/tasp/agm-invitation/bury.docx").is_file()
    assert not (tmp_path / "out/tasp/agm-invitation/barnet.docx").exists()


def test_a_line_separator_inside_a_cell_does_not_split_the_row(letter: Path,
                                                               tmp_path: Path) -> None:
    report = build_each(letter, _table(letter, HEADER + "barnet,Sam\u2028Patel,Barnet\n"
                                       "bury,Jo\u0085Lee,Bury\n"), tmp_path, ("docx",))
    assert report.ok, [str(f) for f in report.findings]
    assert sorted(o.row or "" for o in report.outcomes) == ["barnet", "bury"]


def _table(letter: Path, text: str) -> Path:
    table = letter.with_name("members.csv")
    table.write_text(text, encoding="utf-8")
    return table


def test_personal_data_in_a_row_is_reported_at_the_row(letter: Path, tmp_path: Path) -> None:
    report = build_each(letter, _table(letter, HEADER + "barnet,Sam Patel (07700 900 123),"
                                       "Barnet\n"), tmp_path, ("docx",))
    assert [(f.where.file.name, f.where.line, f.message) for f in report.findings
            if "personal data" in f.message] == [
        ("members.csv", 2, "this may be personal data (a mobile phone number: "
         "\u201c07700 900 123\u201d)")]


def test_rich_markup_and_escapes_in_content_are_printed_as_written(bexley_copy: Path) -> None:
    brief = bexley_copy / "role-brief.yaml"
    with brief.open("a") as stream:
        stream.write('not_applicable:\n  is_voice: "Covered [/] by [red]the[/red] board"\n')
    result = cli("check", str(brief))
    assert "fault in sgdocs" not in result.output
    assert "Covered [/] by [red]the[/red]" in result.output


def test_a_damaged_build_record_means_a_rebuild(bexley_copy: Path, tmp_path: Path) -> None:
    brief = bexley_copy / "role-brief.yaml"
    out = tmp_path / "out"
    assert build([brief], out, ("html",)).ok
    record = out / ".sgdocs-build.json"
    saved = json.loads(record.read_text())
    for entry in saved["documents"].values():
        entry["inputs"], entry["outputs"] = [1], "nothing"
    record.write_text(json.dumps(saved))
    for rebuild in (False, True):
        report = build([brief], out, ("html",), rebuild=rebuild)
        assert report.ok and not any(o.unchanged for o in report.outcomes)
        record.write_text(json.dumps(saved))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_a_clear_message(bexley_copy: Path,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = cli("build", str(bexley_copy / "role-brief.yaml"), "--out", str(out),
                     "--format", "html")
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1
    assert "cannot write the html: Permission denied" in result.output
    assert "0 written, 1 failed." in result.output


def test_a_record_that_cannot_be_saved_is_a_warning(bexley_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".sgdocs-build.json").mkdir(parents=True)  # in the way of the record
    result = cli("build", str(bexley_copy / "role-brief.yaml"), "--out", str(out),
                 "--format", "html")
    assert result.exit_code == 0, result.output
    assert "warning: the record of this build could not be saved" in result.output
    assert "1 written, 0 failed." in result.output


def test_a_line_break_in_a_series_name_keeps_the_calendar_whole(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    series = tmp_path / "tasp/scrutineer-network-2024.yaml"
    set_value(series, "series", '"Scrutineer\\nNetwork"')
    report = build([series], tmp_path / "out", ("ics",))
    assert report.ok, [str(f) for f in report.findings]
    calendar = (tmp_path / "out/tasp/scrutineer-network-2024.ics").read_text()
    assert "X-WR-CALNAME:Scrutineer Network" in calendar


def test_a_full_disk_is_a_clear_message_and_the_old_output_is_kept(
        bexley_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert build([bexley_copy / "role-brief.yaml"], out, ("html",)).ok
    before = (out / "bexley/role-brief.html").read_bytes()
    real_fdopen = os.fdopen

    def full(handle: int, *args: object, **kwargs: object) -> object:
        stream = real_fdopen(handle, *args, **kwargs)  # type: ignore[call-overload]

        def write(data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        stream.write = write
        return stream
    monkeypatch.setattr("sgdocs.write.files.os.fdopen", full)
    result = cli("build", str(bexley_copy / "role-brief.yaml"), "--out", str(out),
                 "--format", "html", "--rebuild", "--jobs", "1")
    assert result.exit_code == 1
    assert "cannot write the html: No space left on device" in result.output
    assert "0 written, 1 failed." in result.output
    assert (out / "bexley/role-brief.html").read_bytes() == before
    assert not [p for p in out.rglob("*.part")]
