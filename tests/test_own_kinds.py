"""A partnership's own kind, declared in YAML without Python (Westvale's chair role
description): every command works for it, its wording follows the content, and a mistake in
its definition is told at its file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from conftest import CONTENT, cli
from yamledit import drop_key, line_of

WESTVALE = CONTENT / "westvale"
ROLE = "chair-role-2025.yaml"


@pytest.fixture
def westvale(tmp_path: Path) -> Path:
    shutil.copytree(WESTVALE, tmp_path / "westvale")
    return tmp_path / "westvale"


def _build(content: Path, out: Path) -> dict[str, str]:
    """The role description built in every format, each read back as text."""
    result = cli("build", str(content / ROLE), "--out", str(out))
    assert result.exit_code == 0, result.output
    made = out / "westvale" / ROLE.replace(".yaml", "")
    word = docx.Document(str(made.with_suffix(".docx")))
    cells = [" | ".join(cell.text for cell in row.cells) for table in word.tables
             for row in table.rows]
    return {"docx": "\n".join([p.text for p in word.paragraphs] + cells),
            "pdf": "\n".join(page.extract_text() for page in
                             PdfReader(made.with_suffix(".pdf")).pages),
            "html": made.with_suffix(".html").read_text()}


def test_the_partnerships_own_kind_is_built_in_every_format(tmp_path: Path) -> None:
    texts = _build(WESTVALE, tmp_path)
    for fmt, text in texts.items():
        assert "Why the partnership has an independent chair" in text, fmt
        assert re.search(r"Illustrative example\.(</strong>)? Westvale is a fictional "
                         "partnership", " ".join(text.split())), fmt
        assert "The role is paid: a day rate of £550, with travel expenses." in text, fmt
        assert "The chair is accountable to the three lead safeguarding partners." in text
    assert "Days a month | Up to 3" in texts["docx"]
    assert "Applications close on 14 March 2025." in texts["docx"]
    assert ('<a href="mailto:partnership@example.org">the partnership business manager</a>'
            in texts["html"])


def test_wording_and_sections_follow_the_content(westvale: Path, tmp_path: Path) -> None:
    drop_key(westvale / ROLE, "paid")
    drop_key(westvale / ROLE, "person")
    for fmt, text in _build(westvale, tmp_path).items():
        assert "The role is unpaid; reasonable expenses are met." in text, fmt
        assert "The role is paid" not in text, fmt
        assert "Who we are looking for" not in text, fmt


def test_it_is_checked_against_the_requirements_its_fields_address() -> None:
    result = cli("check", str(WESTVALE / ROLE))
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "arr_partnership_chair │ should" in output and "addressed" in output


def test_the_commands_know_it(westvale: Path) -> None:
    listed = cli("kinds", "--in", str(westvale)).output
    assert "chair-role           Role description of the partnership's independent chair" \
        "  (your own)" in listed
    schema = cli("schema", "chair-role", "--in", str(westvale)).output
    assert '"const": "chair-role"' in schema and "Why the partnership has an" in schema
    exported = cli("templates", "export", str(westvale / "templates"))
    assert exported.exit_code == 0
    template = westvale / "templates/docx/chair-role.docx"
    assert template.is_file() and (westvale / "templates/html/chair-role.html").is_file()
    linted = cli("lint", str(template), "--kind", "chair-role")
    assert linted.exit_code == 0, linted.output
    assert cli("new", "chair-role", str(westvale / "chair-2026.yaml")).exit_code == 0
    assert (westvale / "chair-2026.yaml").read_text() == (
        westvale / "kinds/chair-role/starter.yaml").read_text()


def test_a_kind_without_a_starter_gets_one_from_its_fields(westvale: Path) -> None:
    (westvale / "kinds/chair-role/starter.yaml").unlink()
    assert cli("new", "chair-role", str(westvale / "chair-2026.yaml")).exit_code == 0
    starter = (westvale / "chair-2026.yaml").read_text()
    assert "kind: chair-role\n" in starter
    assert "# What the chair does, one line each.\nresponsibilities:\n  - Type here.\n" \
        in starter
    assert "# commitment:\n#   - what: Type here.\n#     detail: Type here.\n" in starter
    checked = cli("check", str(westvale / "chair-2026.yaml"))
    assert checked.exit_code == 0, checked.output


def test_a_mistake_in_the_kind_is_told_at_its_line(westvale: Path) -> None:
    declaration = westvale / "kinds/chair-role/kind.yaml"
    declaration.write_text(declaration.read_text().replace("type: markdown", "type: markdwn")
                           .replace("    required: true\n    help: What the chair",
                                    "    requird: true\n    help: What the chair"))
    result = cli("check", str(westvale / ROLE))
    assert result.exit_code == 1
    assert (f"{declaration}:{line_of(declaration, 'markdwn')}: error: `fields.purpose.type` "
            "is “markdwn”") in result.output
    assert "hint: did you mean `markdown`?" in result.output
    assert (f"{declaration}:{line_of(declaration, 'requird')}: error: unknown key `requird`\n"
            "  hint: did you mean `required`?") in result.output


def test_a_mistake_in_the_layout_is_told_at_its_line(westvale: Path, tmp_path: Path) -> None:
    layout = westvale / "kinds/chair-role/layout.yaml"
    layout.write_text(layout.read_text().replace("{{ accountable_to }}", "{{ acountable_to }}")
                      .replace('paragraph: "{{ apply }}"', 'paragraph: "{{ purpose }}"'))
    result = cli("build", str(westvale / ROLE), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert (f"{layout}:{line_of(layout, 'acountable_to')}: error: the template uses "
            "`acountable_to`, which chair-role content does not have\n"
            "  hint: did you mean `accountable_to`?") in result.output
    assert (f"{layout}:{line_of(layout, '{{ purpose }}')}: error: `purpose` holds paragraphs; "
            "show it with `text:`, or alone in a table cell, not inside a line of words"
            ) in result.output
    assert not (tmp_path / "out").exists()


def test_a_changed_layout_rebuilds_its_documents(westvale: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("build", str(westvale), "--out", str(out), "--format", "html").exit_code == 0
    layout = westvale / "kinds/chair-role/layout.yaml"
    layout.write_text(layout.read_text().replace("What the chair does", "The chair's work"))
    again = cli("build", str(westvale), "--out", str(out), "--format", "html")
    assert "1 written" in again.output
    assert "The chair's work" in (out / "westvale/chair-role-2025.html").read_text()


def test_a_kind_of_your_own_cannot_take_a_shipped_kinds_name(westvale: Path) -> None:
    shutil.copytree(westvale / "kinds/chair-role", westvale / "kinds/role-brief")
    shutil.copy(CONTENT / "bexley/role-brief.yaml", westvale / "brief.yaml")
    result = cli("check", str(westvale / "brief.yaml"))
    assert result.exit_code == 1
    assert (f"{westvale / 'kinds/role-brief/kind.yaml'}: error: sgdocs ships a kind called "
            "`role-brief`, so this one of yours is never used") in result.output


def test_a_kinds_name_is_its_folders(westvale: Path) -> None:
    (westvale / "kinds/chair-role").rename(westvale / "kinds/Chair_Role")
    role = westvale / ROLE
    role.write_text(role.read_text().replace("kind: chair-role", "kind: Chair_Role"))
    result = cli("check", str(role))
    assert result.exit_code == 1
    assert "error: `Chair_Role` cannot be a kind's name" in result.output
