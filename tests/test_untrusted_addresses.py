"""Addresses: a restyled template cannot make the PDF read a file from elsewhere or anything
from the network, nor put a script in a page; every link a document carries, from Markdown
or from a field that holds an address, goes to a web page, an e-mail address, a phone
number or a place in the document. Content is never a format string."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from markupsafe import escape

from conftest import CONTENT, cli
from yamledit import line_of, set_value


def _restyle(content: Path, old: str, new: str, name: str = "role-brief.html") -> Path:
    if not (content / "templates").exists():
        assert cli("templates", "export", str(content / "templates")).exit_code == 0
    template = content / "templates/html" / name
    text = template.read_text()
    assert old in text
    template.write_text(text.replace(old, new, 1))
    return template


def _line(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1)
                if text in line)


@pytest.mark.parametrize(("written", "message"), [
    ('<link rel="attachment" href="file:///etc/passwd">',
     "the template makes the page load \u201cfile:///etc/passwd\u201d, which is not in the "
     "content folder"),
    ('<img src="/etc/hostname" alt="x">',
     "the template makes the page load \u201c/etc/hostname\u201d"),
    ('<img src="http://10.255.255.1/pixel.png" alt="x">',
     "the template makes the page load \u201chttp://10.255.255.1/pixel.png\u201d"),
    ('<link rel="stylesheet" href="https://example.org/style.css">',
     "the template makes the page load \u201chttps://example.org/style.css\u201d"),
    ('<style>@import "http://example.org/a.css";</style>',
     "the template makes the page load \u201chttp://example.org/a.css\u201d"),
    ('<div style="background: url(file:///dev/zero)"></div>',
     "the template makes the page load \u201cfile:///dev/zero\u201d"),
    ("<script>alert(1)</script>", "`<script>` is not allowed in a document"),
    ('<p onmouseover="alert(1)">x</p>',
     "the `onmouseover` attribute runs code, which is not allowed in a document"),
    ('<a href="javascript:alert(1)">x</a>', "a link to `javascript:` is not allowed here"),
    ('<iframe title="x" src="https://example.org"></iframe>',
     "`<iframe>` is not allowed in a document"),
])
def test_a_template_that_would_fetch_or_run_something_is_refused_at_its_line(
        bexley_copy: Path, tmp_path: Path, written: str, message: str) -> None:
    template = _restyle(bexley_copy, "{{ purpose }}", "{{ purpose }}" + written)
    line = _line(template, written)
    for command in (["lint", str(template), "--kind", "role-brief"],
                    ["check", str(bexley_copy / "role-brief.yaml")],
                    ["build", str(bexley_copy / "role-brief.yaml"), "--out",
                     str(tmp_path / "out")]):
        result = cli(*command)
        assert result.exit_code == 1, (command, result.output)
        assert f"role-brief.html:{line}: error: {message}" in result.output, command
    assert not list((tmp_path / "out").rglob("*.pdf"))
    assert not list((tmp_path / "out").rglob("*.html"))


@pytest.mark.parametrize("written", [
    '<img src="{{ \'/etc/\' ~ \'passwd\' }}" alt="x">',
    '<a href="{{ \'java\' ~ \'script:alert(1)\' }}">x</a>',
])
def test_an_address_a_template_works_out_is_checked_in_the_page_it_makes(
        bexley_copy: Path, tmp_path: Path, written: str) -> None:
    _restyle(bexley_copy, "{{ purpose }}", "{{ purpose }}" + written)
    result = cli("build", str(bexley_copy / "role-brief.yaml"), "--out", str(tmp_path / "out"),
                 "--format", "pdf,html")
    assert result.exit_code == 1
    assert "role-brief.html: error: " in result.output
    assert not list((tmp_path / "out").rglob("role-brief.*"))


def test_the_pdf_reads_a_picture_inside_the_content_folder_and_nothing_outside(
        tmp_path: Path) -> None:
    root = tmp_path / "westvale"
    shutil.copytree(CONTENT / "westvale", root)
    report = root / "scrutiny-report-2024-25.yaml"
    template = _restyle(root, "{% endblock %}", '<img src="images/logo.png" alt="Westvale '
                        'logo">{% endblock %}', "scrutiny-report.html")
    result = cli("build", str(report), "--out", str(tmp_path / "out"), "--format", "pdf")
    assert result.exit_code == 0, result.output
    template.write_text(template.read_text().replace("images/logo.png",
                                                     "../../../../../../etc/passwd"))
    result = cli("build", str(report), "--out", str(tmp_path / "out2"), "--format", "pdf")
    assert result.exit_code == 1
    line = _line(template, "etc/passwd")
    assert (f"scrutiny-report.html:{line}: error: the template makes the PDF read "
            "\u201c/etc/passwd\u201d: `passwd` is a link to a file outside") in result.output
    assert not (tmp_path / "out2/westvale/scrutiny-report-2024-25.pdf").exists()


@pytest.mark.parametrize(("target", "message"), [
    ("/etc/passwd", "the link \u201c/etc/passwd\u201d is not a whole address"),
    ("//host/share/x", "the link \u201c//host/share/x\u201d is not a whole address"),
    ("?x=1", "the link \u201c?x=1\u201d is not a whole address"),
    (" JaVaScRiPt:alert(1)", "a link to `javascript:` is not allowed here"),
])
def test_a_markdown_link_must_be_a_whole_address(bexley_copy: Path, target: str,
                                                 message: str) -> None:
    brief = bexley_copy / "role-brief.yaml"
    text = brief.read_text()
    start = text.index("purpose:")
    brief.write_text(text[:start] + f"purpose: >\n  See [the plan](<{target}>).\n"
                     + text[text.index("\n", text.index("\n", start) + 1):])
    result = cli("check", str(brief))
    assert result.exit_code == 1, result.output
    assert (f"role-brief.yaml:{line_of(brief, 'See [the plan]')}: error: `purpose`: "
            f"{message}" in result.output)  # the line the link is written on
    assert "hint: link to a web page (https://), an e-mail address (mailto:) or a phone " \
           "number (tel:)" in result.output


def _tasp(tmp_path: Path) -> Path:
    root = tmp_path / "tasp"
    shutil.copytree(CONTENT / "tasp", root)
    return root


@pytest.mark.parametrize(("file", "written", "value", "message"), [
    ("newsletter-autumn-2023/agm.yaml", "url: https://example.org/register/agm",
     "url: javascript:alert(1)", "a link to `javascript:` is not allowed here"),
    ("newsletter-autumn-2023/agm.yaml", "booking: https://example.org/register/agm",
     "booking: file:///etc/passwd", "a link to `file:` is not allowed here"),
    ("partnership.yaml", "website: https://theasp.org.uk",
     "website: data:text/html;base64,PHNjcmlwdD4=", "a link to `data:` is not allowed here"),
    ("scrutineer-network-2024.yaml", "registration: https://example.org/register/",
     "registration: /register/", "the link \u201c/register/meeting-{number}\u201d is not a "
     "whole address"),
    ("scrutiny-research-briefing.yaml", "url: https://theasp.org.uk/independentscrutiny",
     "url: vbscript:msgbox", "a link to `vbscript:` is not allowed here"),
])
def test_every_field_holding_an_address_follows_the_link_rule(
        tmp_path: Path, file: str, written: str, value: str, message: str) -> None:
    root = _tasp(tmp_path)
    path = root / file
    line = line_of(path, written)
    path.write_text(path.read_text().replace(written, value, 1))
    result = cli("check", str(root))
    assert result.exit_code == 1
    assert f"{path.name}:{line}: error: " in result.output
    assert message in result.output


@pytest.mark.parametrize("pattern", ["{number.__class__.__mro__}", "{number:>1500000000}",
                                     "{0}{}"])
def test_a_registration_address_is_never_a_format_string(tmp_path: Path, pattern: str) -> None:
    root = _tasp(tmp_path)
    series = root / "scrutineer-network-2024.yaml"
    set_value(series, "registration", f"https://example.org/register/{pattern}-{{number}}")
    result = cli("build", str(series), "--out", str(tmp_path / "out"), "--format", "html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out/tasp/scrutineer-network-2024.html").read_text()
    assert f"https://example.org/register/{escape(pattern)}-1\"" in page
    assert "class 'int'" not in page and "mro" not in page.replace(pattern, "")
