"""Mail-merge: `sgdocs build FILE --each TABLE` makes one document per row, each row's
columns filling named fields, never read as templates; a failed row is reported at its line
and the rest are still built."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import CONTENT, cli, docx_text, normalise
from sgdocs.pipeline.build import build_each

TASP = CONTENT / "tasp"
LETTER = TASP / "agm-invitation.yaml"
MEMBERS = TASP / "agm-members.csv"
HEADER = "file,addressee.name,addressee.role,addressee.organisation,addressee.address\n"


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    """A private copy of TASP's content, for tables beside the letter."""
    shutil.copytree(TASP, tmp_path / "tasp")
    return tmp_path / "tasp/agm-invitation.yaml"


def test_every_member_gets_their_own_letter(tmp_path: Path) -> None:
    report = build_each(LETTER, MEMBERS, tmp_path, ("docx",), jobs=2)
    assert report.ok
    members = list(csv.DictReader(MEMBERS.open(encoding="utf-8")))
    written = {o.row: o.output for o in report.outcomes if o.output}
    assert len(written) == len(members) == 150
    for member in (members[0], members[77], members[-1]):
        output = written[member["file"]]
        assert output == tmp_path / "tasp/agm-invitation" / f"{member['file']}.docx"
        text = normalise(docx_text(output))
        for value in (member["addressee.name"], member["addressee.organisation"],
                      *member["addressee.address"].splitlines(), member["salutation"]):
            assert normalise(value) in text
        assert "Annual General Meeting" in text
        lines = [member["addressee.name"], member["addressee.role"],
                 member["addressee.organisation"], *member["addressee.address"].splitlines(),
                 member["salutation"]]
        assert normalise(" ".join(lines)) in text  # the address block, in order


def test_a_failed_row_is_reported_at_its_line_and_the_others_are_built(letter: Path,
                                                                       tmp_path: Path) -> None:
    table = letter.with_name("members.csv")
    table.write_text(HEADER.replace("\n", ",date\n") +
                     'barnet,Sam Patel,Manager,Barnet SCP,"1 High Street\nBarnet",\n'
                     'bury,Jo Lee,Manager,Bury SCP,"2 Low Street\nBury",31/12/2026\n'
                     "york,Al Khan,Manager,York SCP,3 Main Street,\n")
    result = cli("build", str(letter), "--each", str(table), "--out", str(tmp_path / "out"),
                 "--format", "docx")
    assert result.exit_code == 1
    assert f"{table}:4: error: `date`: expected a date" in result.output  # bury's row: line 4
    assert "2 of 3 row(s) built, 1 failed." in result.output
    table = result.output[result.output.index("sgdocs build --each"):]
    assert table.index("barnet") < table.index("bury") < table.index("york")  # table order
    made = sorted(path.name for path in (tmp_path / "out/tasp/agm-invitation").iterdir())
    assert made == ["barnet.docx", "york.docx"]


def test_an_unknown_column_gets_a_did_you_mean_at_the_row(letter: Path, tmp_path: Path) -> None:
    table = letter.with_name("members.csv")
    table.write_text("file,addressee.nmae\nbarnet,Sam Patel\n")
    report = build_each(letter, table, tmp_path, ("docx",))
    assert not report.ok
    finding, = [f for f in report.findings if f.is_error]
    assert finding.where.file == table and finding.where.line == 2
    assert "unknown key `nmae`" in finding.message and "`name`" in finding.hint


def test_a_row_is_never_read_as_a_template(letter: Path, tmp_path: Path) -> None:
    table = letter.with_name("members.yaml")
    table.write_text("- file: barnet\n  addressee.name: \"{{ 7 * 7 }} {% raw %}\"\n"
                     "  subject: \"{{ partnership.name }}\"\n")
    report = build_each(letter, table, tmp_path, ("docx",))
    assert report.ok, [str(f) for f in report.findings]
    text = docx_text(tmp_path / "tasp/agm-invitation/barnet.docx")
    assert "{{ 7 * 7 }} {% raw %}" in text and "{{ partnership.name }}" in text
    assert "49" not in text


@pytest.mark.parametrize(("table", "message", "line"), [
    ("name,addressee.name\nbarnet,Sam\n", "the table has no `file` column", 1),
    ("file,addressee.name\nbarnet,Sam\n,Jo\n", "the row gives no `file`", 3),
    ("file,addressee.name\n../up,Sam\n", "cannot name a file", 2),
    ("file,addressee.name\nbarnet,Sam\nBarnet,Jo\n", "names another row's outputs too", 3),
    ("file,addressee.name\nbarnet,Sam,extra\n", "the row has 3 cells", 2),
    ("file,addressee.name\n", "the table has no rows", 0),
])
def test_a_table_that_cannot_name_its_outputs_is_refused_before_anything_is_built(
        letter: Path, tmp_path: Path, table: str, message: str, line: int) -> None:
    path = letter.with_name("members.csv")
    path.write_text(table)
    result = cli("build", str(letter), "--each", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{path}{f':{line}' if line else ''}: error: " in result.output
    assert message in result.output
    assert not (tmp_path / "out").exists()


def test_each_needs_one_content_file(tmp_path: Path) -> None:
    result = cli("build", str(TASP), "--each", str(MEMBERS), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "--each builds one content file" in result.output
