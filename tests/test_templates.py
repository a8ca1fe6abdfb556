"""Templates: restyled copies win, and a template's mistakes are reported before rendering,
in the same clear form as content mistakes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import jinja2
import pytest
from click.testing import CliRunner, Result

from conftest import edit
from sgdocs.cli import main
from sgdocs.kinds import all_kinds


def build(*args: str) -> Result:
    return CliRunner().invoke(main, ["build", *args])


def build_brief(content: Path, out: Path, *args: str) -> Result:
    """Build the role brief in `content` into `out`."""
    return build(str(content / "role-brief.yaml"), "--out", str(out), *args)


@pytest.fixture
def restyled(bexley_copy: Path) -> Path:
    """Bexley content with the shipped templates exported into its templates/ folder."""
    result = CliRunner().invoke(main, ["templates", "export", str(bexley_copy / "templates")])
    assert result.exit_code == 0, result.output
    return bexley_copy



def edit_docx(path: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            target.writestr(info, data)


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_export_copies_every_shipped_template(restyled: Path) -> None:
    names = sorted(p.relative_to(restyled / "templates").as_posix()
                   for p in (restyled / "templates").rglob("*") if p.is_file())
    shared = ["html/_base.html", "html/_macros.html", "html/_style.css"]
    per_kind = [f"{fmt}/{kind.template(output)}.{fmt}" for kind in all_kinds().values()
                for output in kind.outputs for fmt in ("docx", "html")
                if fmt in output.formats]
    assert names == sorted(shared + per_kind)
    again = CliRunner().invoke(main, ["templates", "export", str(restyled / "templates")])
    assert again.exit_code == 2 and "use --force" in again.output


def test_restyled_templates_win(restyled: Path, tmp_path: Path) -> None:
    edit(restyled / "templates/html/role-brief.html", ". Purpose<", ". Why this brief exists<")
    edit_docx(restyled / "templates/docx/role-brief.docx", ". Purpose<", ". Aim of the brief<")
    result = build_brief(restyled, tmp_path / "out")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out/bexley/role-brief.html").read_text()
    assert "1. Why this brief exists" in html and "1. Purpose" not in html
    headings = [p.text for p in docx.Document(str(tmp_path / "out/bexley/role-brief.docx"))
                .paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "1. Aim of the brief"


def test_html_template_field_typo_is_reported_before_rendering(restyled: Path,
                                                                 tmp_path: Path) -> None:
    template = restyled / "templates/html/role-brief.html"
    edit(template, "{{ purpose }}", "{{ purpse }}")
    edit(template, "{{ entry.activity }}", "{{ entry.activty }}")
    edit(template, "{{ days_and_cost.max_annual_fee }}", "{{ days_and_cost.max_anual_fee }}")
    result = build_brief(restyled, tmp_path / "out")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert (f"{template}:{line_of(template, 'purpse')}: error: the template uses `purpse`, "
            "which role-brief content does not have\n  hint: did you mean `purpose`?"
            ) in result.output
    assert (f"{template}:{line_of(template, 'activty')}: error: the template uses "
            "`entry.activty`, but each entry of `entries` has no field `activty`\n"
            "  hint: did you mean `activity`?") in result.output
    assert (f"{template}:{line_of(template, 'max_anual')}: error: the template uses "
            "`days_and_cost.max_anual_fee`, but `days_and_cost` has no field `max_anual_fee`\n"
            "  hint: did you mean `max_annual_fee`?") in result.output
    written = sorted(p.name for p in _outputs(tmp_path / "out"))
    assert written == ["role-brief.docx"]  # the Word template is fine, so Word is still built


def test_docx_template_field_typo_names_the_paragraph(restyled: Path, tmp_path: Path) -> None:
    template = restyled / "templates/docx/role-brief.docx"
    edit_docx(template, "{{ timetable.period }}", "{{ timetable.perod }}")
    result = build_brief(restyled, tmp_path / "out", "--format", "docx")
    assert result.exit_code == 1
    paragraph = "{{ numbering.section }}. Timetable{% if timetable.period %}\u2026"
    assert (f"{template}: error: in the body, in the paragraph \u201c{paragraph}\u201d: the "
            "template uses `timetable.perod`, but `timetable` has no field `perod`\n  hint: "
            "did you mean `period`?") in result.output
    assert not (tmp_path / "out").exists()


def test_broken_docx_tag_is_reported(restyled: Path, tmp_path: Path) -> None:
    template = restyled / "templates/docx/role-brief.docx"
    edit_docx(template, "{%p for appendix in appendices %}", "{%p for appendix in %}")
    result = build_brief(restyled, tmp_path / "out", "--format", "docx")
    assert result.exit_code == 1
    assert f"{template}: error: in the body, near \u201c" in result.output
    assert "{% for appendix in %}\u201d: broken tag:" in result.output
    assert "Traceback" not in result.output


def test_broken_html_tag_is_reported(restyled: Path, tmp_path: Path) -> None:
    template = restyled / "templates/html/role-brief.html"
    edit(template, "{% endfor %}\n    </tbody>", "\n    </tbody>")
    result = build_brief(restyled, tmp_path / "out", "--format", "html")
    assert result.exit_code == 1
    assert f"{template}:" in result.output and "error: template syntax error" in result.output


def test_templates_cannot_reach_python_internals(restyled: Path, tmp_path: Path) -> None:
    edit(restyled / "templates/html/role-brief.html", "{{ purpose }}",
         "{{ ''.__class__.__mro__ }}")
    result = build_brief(restyled, tmp_path / "out", "--format", "html")
    assert result.exit_code == 1
    assert "error: the template reaches for `__class__`, which templates may not use" in \
        result.output  # found before anything is filled in


@pytest.mark.parametrize("escape", ["{{ ''.__class__ }}", "{{ x.__init__.__globals__ }}",
                                    "{{ cycler.__init__ }}", "{{ x['__class__'] }}"])
def test_the_sandbox_refuses_python_internals_while_filling_in_too(escape: str) -> None:
    from sgdocs.render.templating import environment, template_failure

    with pytest.raises(jinja2.TemplateError) as raised:
        environment().from_string(escape).render(x="text")
    finding, = template_failure(raised.value, Path("t.html")).findings
    assert "templates may not use" in finding.message


def test_a_template_expression_that_fails_is_reported_at_its_line(restyled: Path,
                                                                  tmp_path: Path) -> None:
    edit(restyled / "templates/html/role-brief.html", "{{ purpose }}", "{{ 1 / 0 }}")
    result = build_brief(restyled, tmp_path / "out", "--format", "html")
    assert result.exit_code == 1
    template = restyled / "templates/html/role-brief.html"
    assert (f"role-brief.html:{line_of(template, '1 / 0')}: error: the template could not be "
            "filled: division by zero") in result.output
    assert "fault in sgdocs" not in result.output


def test_failed_build_keeps_the_previous_outputs(restyled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build_brief(restyled, out).exit_code == 0
    before = {p: p.read_bytes() for p in _outputs(out)}
    edit(restyled / "templates/html/role-brief.html", "{{ purpose }}", "{{ purpose.nope() }}")
    edit_docx(restyled / "templates/docx/role-brief.docx", "{{p purpose }}", "{{p 1 / 0 }}")
    result = build_brief(restyled, out)
    assert result.exit_code == 1
    assert "3 failed" in result.output
    assert {p: p.read_bytes() for p in _outputs(out)} == before


def test_rich_text_placed_as_plain_text_is_reported_not_dropped(restyled: Path,
                                                                 tmp_path: Path) -> None:
    edit_docx(restyled / "templates/docx/role-brief.docx", "{{r item }}", "{{ item }}")
    result = build_brief(restyled, tmp_path / "out", "--format", "docx")
    assert result.exit_code == 1
    assert "error: the filled-in template is not valid Word XML near" in result.output
    assert "hint: rich text must be placed with {{r field }}" in result.output
    assert not (tmp_path / "out").exists()


def test_a_restyled_template_that_skips_a_heading_or_alt_text_fails_the_check(
        restyled: Path) -> None:
    template = restyled / "templates/html/role-brief.html"
    edit(template, '<h2 id="background">{{ numbering.section }}. Background</h2>',
         '<h4 id="background">{{ numbering.section }}. Background</h4>')
    edit(template, "{% block content %}", '{% block content %}<img src="crest.png">')
    result = CliRunner().invoke(main, ["check", str(restyled / "role-brief.yaml")])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert (f"{template}:{line_of(template, '<h4')}: error: an h4 follows an h2: a heading "
            "level is skipped hint: use h3") in output
    assert f"{template}:{line_of(template, 'crest.png')}: error: a picture without alt text" \
        in output


def test_a_restyled_word_template_that_skips_a_heading_fails_the_check(restyled: Path,
                                                                         tmp_path: Path) -> None:
    template = restyled / "templates/docx/role-brief.docx"
    document = docx.Document(str(template))
    heading = "{{ numbering.section }}. Background"
    background = next(p for p in document.paragraphs if p.text == heading)
    background.style = document.styles["Heading 3"]
    document.save(str(template))
    result = CliRunner().invoke(main, ["check", str(restyled / "role-brief.yaml")])
    assert result.exit_code == 1
    assert (f"{template}: error: the heading \u201c{heading}\u201d is a Heading 3 after a "
            "Heading 1: a heading level is skipped") in " ".join(result.output.split())
    assert build_brief(restyled, tmp_path / "out", "--format", "docx").exit_code == 1


def test_a_template_saved_in_another_encoding_is_reported(restyled: Path,
                                                          tmp_path: Path) -> None:
    template = restyled / "templates/html/_macros.html"
    template.write_bytes(template.read_bytes().replace(b"Document control",
                                                       b"Contr\xf4le"))  # Latin-1
    result = CliRunner().invoke(main, ["check", str(restyled / "role-brief.yaml")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{template}: error: the template is not UTF-8 text" in result.output
    assert build_brief(restyled, tmp_path / "out", "--format", "pdf").exit_code == 1


def _word_mishaps(template: Path) -> None:
    """What Word does to a template as it is restyled: a tag split across runs by a
    formatting change, curly quotes, a block tag deleted, a field retyped wrong in a table,
    and a list style deleted."""
    document = docx.Document(str(template))
    paragraphs = document.paragraphs
    purpose = next(p for p in paragraphs if p.text == "{{p purpose }}")
    purpose.runs[0].text = "{{p pur"
    purpose.add_run("pose }}").bold = True
    cover = next(p for p in paragraphs if '"draft"' in p.text)
    for run in cover.runs:
        run.text = run.text.replace('"draft"', "\u201cdraft\u201d")
    opening = next(i for i, p in enumerate(paragraphs) if p.text == "{%p if purpose %}")
    closing = next(p for p in paragraphs[opening:] if p.text == "{%p endif %}")
    closing._p.getparent().remove(closing._p)
    cell = document.tables[0].rows[2].cells[0].paragraphs[0]
    cell.runs[0].text = "{{ entry.activty }}"
    document.styles["List Bullet"].element.getparent().remove(
        document.styles["List Bullet"].element)
    document.save(str(template))


def test_lint_finds_what_word_does_to_a_template(restyled: Path) -> None:
    template = restyled / "templates/docx/role-brief.docx"
    _word_mishaps(template)
    result = CliRunner().invoke(main, ["lint", str(template), "--kind", "role-brief"])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    for expected in (
        f"{template}: warning: in the body, in the paragraph “{{{{p purpose }}}}”: the tag "
        "“{{p purpose }}” is split across 2 runs",
        f"{template}: warning: in the body, in the paragraph “{{{{ ([partnership.name] + "
        "published_with) | listed }}",
        "has curly quotes",
        f"{template}: error: in the body, in the paragraph “{{%p if purpose %}}”:"
        " “{%p if purpose %}” is never closed",
        f"{template}: error: the Word template has no “List Bullet” style",
    ):
        assert expected in output, expected
    assert "Linted" in output and "warning(s)" in output


def test_a_half_tag_is_an_error_not_lost_text(restyled: Path, tmp_path: Path) -> None:
    """docxtpl would pair `{{p purpose }` with the next tag's closing and drop the Purpose
    and the Background heading between them without a word."""
    template = restyled / "templates/docx/role-brief.docx"
    document = docx.Document(str(template))
    paragraph = next(p for p in document.paragraphs if p.text == "{{p purpose }}")
    for run in paragraph.runs:
        run.text = run.text.replace("}}", "}")
    document.save(str(template))
    result = CliRunner().invoke(main, ["lint", str(template), "--kind", "role-brief"])
    assert result.exit_code == 1
    assert "“{{p purpose }” is not a whole tag" in result.output
    built = build_brief(restyled, tmp_path / "out", "--format", "docx")
    assert built.exit_code == 1 and "is not a whole tag" in built.output
    assert not (tmp_path / "out").exists()


def test_lint_names_the_table_cell(restyled: Path) -> None:
    template = restyled / "templates/docx/role-brief.docx"
    document = docx.Document(str(template))
    document.tables[0].rows[2].cells[0].paragraphs[0].runs[0].text = "{{ entry.activty }}"
    document.save(str(template))
    result = CliRunner().invoke(main, ["lint", str(template), "--kind", "role-brief"])
    assert result.exit_code == 1
    assert "in the body, in a table, row 3, column 1, “{{ entry.activty }}”: the template uses " \
        "`entry.activty`, but each entry of `entries` has no field `activty`" in " ".join(
        result.output.split())
    assert "did you mean `activity`?" in result.output


def test_build_reports_the_lint_not_a_jinja_error(restyled: Path, tmp_path: Path) -> None:
    template = restyled / "templates/docx/role-brief.docx"
    _word_mishaps(template)
    result = build_brief(restyled, tmp_path / "out", "--format", "docx")
    assert result.exit_code == 1
    assert "is never closed" in result.output and "Unexpected end of template" not in \
        result.output


def test_lint_checks_html_templates_too(restyled: Path) -> None:
    template = restyled / "templates/html/role-brief.html"
    edit(template, "{{ purpose }}", "{{ purpse }}")
    result = CliRunner().invoke(main, ["lint", str(template), "--kind", "role-brief"])
    assert result.exit_code == 1
    assert f"{template}:{line_of(template, 'purpse')}: error:" in result.output


def test_the_shipped_templates_lint_clean() -> None:
    for kind in all_kinds().values():
        for output in kind.outputs:
            for fmt in {"docx", "html"} & set(output.formats):
                path = (Path(__file__).parent.parent / "templates" / fmt /
                        f"{kind.template(output)}.{fmt}")
                result = CliRunner().invoke(main, ["lint", str(path), "--kind", kind.name,
                                                   "--strict"])
                assert result.exit_code == 0, result.output


def _outputs(folder: Path) -> list[Path]:
    """The documents in an output folder (not the build's record of them)."""
    return [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]


def test_each_kind_is_found_by_its_name_alone() -> None:
    """A kind is loaded by its name (role-brief from role_brief.py), without the others."""
    from sgdocs.kinds import find_kind, kind_names

    assert all(kind.name == name for name, kind in all_kinds().items())
    assert list(all_kinds()) == kind_names()
    assert find_kind("role-brief") is all_kinds()["role-brief"]
    assert find_kind("role_brief") is None and find_kind("nothing") is None
