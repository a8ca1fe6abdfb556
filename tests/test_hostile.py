"""Hostile input: content is never evaluated, templates cannot reach Python, files cannot
exhaust time or memory or reach outside the content folder, and links cannot run code.
Each is refused with a clear finding, never a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import CONTENT, cli
from sgdocs.read.yamlsource import MAX_DEPTH, MAX_FILE_BYTES
from yamledit import line_of, set_value

ESCAPES = ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}",
           "{{ self._TemplateReference__context }}",
           "{{ lipsum.__globals__['os'].popen('id').read() }}",
           "{% for c in ().__class__.__base__.__subclasses__() %}{% endfor %}"]


def _restyle(content: Path) -> Path:
    assert cli("templates", "export", str(content / "templates")).exit_code == 0
    return content / "templates/html/role-brief.html"


@pytest.mark.parametrize("escape", ESCAPES)
def test_a_template_cannot_reach_python_internals(bexley_copy: Path, tmp_path: Path,
                                                  escape: str) -> None:
    template = _restyle(bexley_copy)
    template.write_text(template.read_text().replace("{{ purpose }}", escape, 1))
    result = cli("build", str(bexley_copy / "role-brief.yaml"), "--out", str(tmp_path / "out"),
                 "--format", "html")
    assert result.exit_code == 1
    assert any(message in result.output for message in (
        "error: the template tried to reach something templates may not use",
        "the template uses `", "the template reaches for `"))  # the check before rendering
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("escape", ESCAPES)
def test_content_that_looks_like_a_template_is_printed_as_written(bexley_copy: Path,
                                                                  tmp_path: Path,
                                                                  escape: str) -> None:
    brief = bexley_copy / "role-brief.yaml"
    set_value(brief, "title", repr(escape).replace("\\\\", "\\"))
    result = cli("build", str(brief), "--out", str(tmp_path), "--format", "html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "bexley/role-brief.html").read_text()
    assert escape.replace("'", "&#39;") in html


@pytest.mark.parametrize(("text", "message"), [
    ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", f"nested more than {MAX_DEPTH} deep"),
    ("".join(f"{'  ' * i}k{i}:\n" for i in range(200)), f"nested more than {MAX_DEPTH} deep"),
    ("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9)),
     "the file expands to more than"),
    ("title: " + "x" * (MAX_FILE_BYTES + 1) + "\n", "over the 2,000,000-byte limit"),
])
def test_resource_bombs_are_refused_quickly(tmp_path: Path, bexley_copy: Path, text: str,
                                            message: str) -> None:
    bomb = bexley_copy / "bomb.yaml"
    bomb.write_text(text)
    result = cli("check", str(bomb))
    assert result.exit_code == 1 and message in result.output


def test_a_symbolic_link_out_of_the_content_folder_is_refused(bexley_copy: Path,
                                                              tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "brief.yaml").write_text((bexley_copy / "role-brief.yaml").read_text())
    os.symlink(outside, bexley_copy / "shared")
    tender = bexley_copy / "tender.yaml"
    set_value(tender, "brief", "shared/brief.yaml")
    result = cli("check", str(tender))
    assert result.exit_code == 1
    assert (f"tender.yaml:{line_of(tender, 'brief:')}: error: `shared/brief.yaml` leads "
            "outside the content folder") in result.output


@pytest.mark.parametrize("target", ["javascript:alert(1)", "JavaScript:alert(1)",
                                    "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
                                    "jav&#x61;script:alert(1)"])
def test_links_that_could_run_code_are_refused(bexley_copy: Path, target: str) -> None:
    brief = bexley_copy / "role-brief.yaml"
    text = brief.read_text()
    start = text.index("purpose:")
    brief.write_text(text[:start] + f"purpose: >\n  See [the plan]({target}).\n"
                     + text[text.index("\n", text.index("\n", start) + 1):])
    result = cli("check", str(brief))
    assert result.exit_code == 1
    scheme = target.split(":")[0].lower().replace("&#x61;", "a")
    assert f"role-brief.yaml:{line_of(brief, 'See [the plan]')}: error: `purpose`: " \
        in result.output  # the line the link is written on
    assert f"a link to `{scheme}:` is not allowed here" in result.output


def test_documents_referring_too_deep_or_in_a_circle_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "eastmoor"
    root.mkdir()
    (root / "partnership.yaml").write_text((CONTENT / "eastmoor/partnership.yaml").read_text())
    shutil.copytree(CONTENT / "eastmoor/images", root / "images")
    report = (CONTENT / "eastmoor/scrutiny-report-2024-25.yaml").read_text()
    for number in range(12):  # each year's report names the year before
        (root / f"report-{number}.yaml").write_text(report.replace(
            "previous_report: scrutiny-report-2023-24.yaml",
            f"previous_report: report-{number + 1}.yaml").replace("  - recommendation: R3\n"
            "    progress: Audit actions are tracked in the action log; the March 2025 "
            "audit's actions are all complete.\n    status: done\n", ""))
    (root / "report-12.yaml").write_text(report.replace(
        "previous_report: scrutiny-report-2023-24.yaml", "previous_report: report-0.yaml"))
    result = cli("check", str(root / "report-0.yaml"))
    assert result.exit_code == 1
    assert "documents refer to one another more than 8 deep" in result.output
    (root / "report-1.yaml").write_text(report.replace(
        "previous_report: scrutiny-report-2023-24.yaml", "previous_report: report-0.yaml"))
    result = cli("check", str(root / "report-0.yaml"))
    assert "`report-0.yaml` refers back to this document" in " ".join(result.output.split())


def test_a_document_naming_too_many_others_is_refused(tmp_path: Path) -> None:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    issue = tmp_path / "tasp/newsletter-autumn-2023.yaml"
    text = issue.read_text()
    listed = "".join("  - newsletter-autumn-2023/introduction.yaml\n" for _ in range(201))
    issue.write_text(text[:text.index("articles:")] + "articles:\n" + listed)
    result = cli("check", str(issue))
    assert result.exit_code == 1
    assert "`articles` names 201 files, more than the 200 a document may use" in " ".join(
        result.output.split())
