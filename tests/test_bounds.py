"""Each document's work is bounded in time and memory: a template that loops for ever or
asks for gigabytes, a list of a hundred thousand entries, text nested deeper than a document
shows (which the Markdown parser would silently cut short), is a clear error about that
document, and the others are still built."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli, docx_text, html_text
from sgdocs import bounds
from yamledit import line_of


def _restyle(content: Path, expression: str) -> Path:
    assert cli("templates", "export", str(content / "templates")).exit_code == 0
    template = content / "templates/html/role-brief.html"
    template.write_text(template.read_text().replace("{{ purpose }}",
                                                     "{{ purpose }}" + expression, 1))
    return template


def test_a_template_that_runs_too_long_fails_its_output_only(
        bexley_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounds, "SECONDS", 2)
    _restyle(bexley_copy, "{% for i in range(100000) %}{% for j in range(100000) %}"
             "{% endfor %}{% endfor %}")
    result = cli("build", str(bexley_copy), "--out", str(tmp_path), "--format", "html,docx",
                 "--jobs", "1")
    assert result.exit_code == 1
    assert ("role-brief.yaml: error: the html was not made: it took longer than the 2 "
            "seconds a document may take") in result.output
    assert (tmp_path / "bexley/role-brief.docx").is_file()  # its other formats,
    assert (tmp_path / "bexley/tender.html").is_file()  # and the other documents


def test_a_template_that_asks_for_too_much_memory_fails_its_output_only(
        bexley_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounds, "MEGABYTES", 300)
    _restyle(bexley_copy, '{{ "x".ljust(2000000000) }}')
    result = cli("build", str(bexley_copy / "role-brief.yaml"), "--out", str(tmp_path),
                 "--format", "html,docx", "--jobs", "1")
    assert result.exit_code == 1
    assert ("role-brief.yaml: error: the html was not made: it needed more than the 300 MB "
            "of memory a document may use") in result.output
    assert (tmp_path / "bexley/role-brief.docx").is_file()


@pytest.mark.parametrize(("expression", "message"), [
    ("{{ title * 100000000 }}", "repeating something 100,000,000 times would make more than "
     "1,000,000 characters or items"),
    ("{{ 7 ** 300000000 }}", "7 ** 300000000 is too large a number to work out"),
])
def test_an_expression_too_large_for_any_page_is_refused_at_its_line(
        bexley_copy: Path, tmp_path: Path, expression: str, message: str) -> None:
    template = _restyle(bexley_copy, expression)
    result = cli("build", str(bexley_copy / "role-brief.yaml"), "--out", str(tmp_path),
                 "--format", "html")
    assert result.exit_code == 1
    line = line_of(template, expression)
    assert f"role-brief.html:{line}: error: the template could not be filled: {message}" \
        in result.output


def test_a_list_too_long_for_any_document_is_refused_at_its_line(bexley_copy: Path) -> None:
    brief = bexley_copy / "role-brief.yaml"
    with brief.open("a") as stream:
        stream.write("not_applicable:\n  is_voice: x\nextra:\n" + "  - x\n" * 6000)
    result = cli("check", str(brief))
    assert result.exit_code == 1
    assert (f"role-brief.yaml:{line_of(brief, 'extra:') + 1}: error: the list has 6,000 "
            "entries, more than the 5,000 a list may hold") in result.output


def _with_nested_list(brief: Path, depth: int) -> None:
    """The brief's purpose: a paragraph, a list nested `depth` deep, a paragraph."""
    nested = "".join(f"{'  ' * (1 + i)}- level {i + 1}\n" for i in range(depth))
    text = brief.read_text()
    start = text.index("purpose:")
    brief.write_text(text[:start] + "purpose: |\n  The purpose.\n\n" + nested
                     + "\n  The paragraph after.\n"
                     + text[text.index("\n", text.index("\n", start) + 1):])


def test_text_nested_deeper_than_a_page_shows_is_refused_not_lost(bexley_copy: Path) -> None:
    brief = bexley_copy / "role-brief.yaml"
    _with_nested_list(brief, 30)
    result = cli("check", str(brief))
    assert result.exit_code == 1
    assert ("error: `purpose`: lists are nested more than 3 deep (\u201c- level 4\u201d)"
            in result.output)


def test_text_nested_three_deep_reaches_every_format_whole(bexley_copy: Path,
                                                         tmp_path: Path) -> None:
    brief = bexley_copy / "role-brief.yaml"
    _with_nested_list(brief, 3)
    result = cli("build", str(brief), "--out", str(tmp_path), "--format", "docx,html")
    assert result.exit_code == 0, result.output
    for read, suffix in ((docx_text, "docx"), (html_text, "html")):
        shown = read(tmp_path / f"bexley/role-brief.{suffix}")
        assert "level 3" in shown and "The paragraph after." in shown
