"""Property-based tests: whatever text a user puts in a document (right-to-left scripts,
emoji, combining marks, characters XML forbids, very long strings, deeply nested Markdown,
empty lists), sgdocs makes a valid Word document, web page and PDF, or says clearly what
is wrong, never a traceback. Text stays extractable from the PDF even where no installed
font can draw it.

CI runs a few examples of each (the default profile); for many more, run
`HYPOTHESIS_PROFILE=thorough .venv/bin/pytest tests/test_properties.py`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pikepdf
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openxml_audit import OpenXmlValidator

from conftest import BEXLEY
from sgdocs.pipeline.build import build

settings.register_profile("default", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PDFTOTEXT = shutil.which("pdftotext")
SPECIAL = ["\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202e", "\u200f",
           "\U0001f9d1\u200d\U0001f91d\u200d\U0001f9d1", "\U0001f3f3\ufe0f\u200d\U0001f308",
           "e\u0301\u0301\u0301", "\u0f00", "\u1200", "\u6f22\u5b57", "\u00a0", "\u2028",
           "&", "<b>", "{{ x }}", "{%p if x %}", "'", '"', "\\", ": ", "#", "- ", "*", "_",
           "`", "[a](https://example.org)", "\t"]
FORBIDDEN = ["\x01", "\x0b", "\ufffe", "\x1f"]
"""Characters XML cannot hold: refused, clearly, at their line."""
PRINTABLE = st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn"))
TEXT = st.lists(st.sampled_from(SPECIAL) | st.text(PRINTABLE, min_size=1, max_size=40),
                min_size=1, max_size=12).map("".join)
AWKWARD = TEXT | st.tuples(TEXT, st.sampled_from(FORBIDDEN)).map("".join)
LONG = st.integers(2_000, 30_000).map(lambda n: "Long " + "word " * (n // 5))
MARKS = ["- ", "  - ", "    - ", "1. ", "> ", "> > ", "**", "*", "~~", "\n", "\n\n",
         "[link](https://example.org)", "[bad](javascript:x)", "    code", "# heading",
         "## sub-heading", "| a | b |\n|:--|--:|\n| **x** | [y](https://example.org) |\n",
         "| c |", "|---|"]
MARKDOWN = st.lists(st.sampled_from(MARKS) | TEXT, min_size=1, max_size=30).map("".join)
NESTED = st.integers(1, 200).map(lambda depth: "".join(f"{'  ' * i}- level {i}\n"
                                                        for i in range(depth)))


def _brief_with(title: str, purpose: str, questions: list[str], activity: str) -> dict[
        str, Any]:
    data = yaml.safe_load((BEXLEY / "role-brief.yaml").read_text())
    data["title"], data["purpose"] = title, purpose
    data["key_questions"]["items"] = questions
    data["timetable"]["entries"][0]["activity"] = activity
    return data


def _build(data: dict[str, Any], formats: tuple[str, ...]) -> tuple[Any, Path]:
    folder = Path(tempfile.mkdtemp(prefix="sgdocs-property-"))
    shutil.copytree(BEXLEY, folder / "bexley")
    brief = folder / "bexley/role-brief.yaml"
    brief.write_text(yaml.safe_dump(data, allow_unicode=True, width=10_000))
    return build([brief], folder / "out", formats), folder


def _clear(report: Any) -> None:
    """Every finding is about the content, at a line of it; none is a fault in sgdocs."""
    for finding in report.findings:
        assert "fault in sgdocs" not in finding.hint, str(finding)
        assert finding.where.line > 0 or not finding.is_error, str(finding)


@given(title=TEXT | LONG, purpose=MARKDOWN | NESTED | LONG,
       questions=st.lists(TEXT, min_size=1, max_size=5) | st.just([]), activity=AWKWARD)
def test_any_text_gives_valid_word_and_web_pages_or_a_clear_error(
        title: str, purpose: str, questions: list[str], activity: str) -> None:
    report, folder = _build(_brief_with(title, purpose, questions, activity), ("docx", "html"))
    try:
        _clear(report)
        event("built" if report.ok else "refused: " + next(
            f.message.split(" (")[0][:40] for f in report.findings if f.is_error))
        if not report.ok:
            return
        outputs = {o.format: o.output for o in report.outcomes if o.output}
        word = docx.Document(str(outputs["docx"]))
        assert word.core_properties.title == (title if len(title) <= 255  # Word's limit
                                              else title[:254] + "\u2026")
        assert OpenXmlValidator().validate(str(outputs["docx"])).errors == []
        page = lxml.html.fromstring(outputs["html"].read_bytes())
        assert page.findtext(".//title") == title
    finally:
        shutil.rmtree(folder)


DRAWABLE_OR_NOT = st.lists(st.sampled_from(
    ["Scrutiny", "\u0f00\u0f01", "\u1200\u1201", "\u6f22\u5b57", "\U0001f9d1", "\u2200x",
     "e\u0301", "\u00e9t\u00e9", "\u0e01\u0e32\u0e23", "\U00010400"]), min_size=1, max_size=6)


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed")
@settings(max_examples=max(3, settings().max_examples // 4))
@given(words=DRAWABLE_OR_NOT)
def test_pdf_text_stays_extractable_even_without_a_font_for_it(words: list[str]) -> None:
    title = " ".join(words)
    report, folder = _build(_brief_with(title, "Purpose.", ["A question."], "Start"), ("pdf",))
    try:
        assert report.ok, [str(f) for f in report.findings]
        pdf = next(o.output for o in report.outcomes if o.output)
        with pikepdf.open(pdf) as opened:
            assert str(opened.docinfo.Title) == title
        text = subprocess.run([PDFTOTEXT, "-f", "1", "-l", "1", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        def letters(text: str) -> str:  # spacing between fallback glyphs is a layout guess
            return "".join(unicodedata.normalize("NFC", text).split())

        assert letters(title) in letters(text), text
    finally:
        shutil.rmtree(folder)


def test_the_markdown_alphabet_has_a_refusal_for_each_refused_mark() -> None:
    """The strategies above reach the refusals: a heading in a list, a code block, a bad
    link, a row of pipes that is not a table."""
    report, folder = _build(_brief_with("T", "    code\n\n- # heading\n\n[x](javascript:y)"
                                        "\n\n| c |", [], "Start"), ("docx",))
    try:
        messages = " ".join(f.message for f in report.findings)
        assert re.search(r"a heading inside a list or quote is not allowed", messages)
        assert "look like a table, but are not one" in messages
        assert "an indented code block is not allowed" in messages
        assert "a link to `javascript:` is not allowed" in messages
    finally:
        shutil.rmtree(folder)


@given(st.text(alphabet=" \t\n#`~-*_=![]()abc:<>1.+)|", max_size=80))
def test_text_the_quick_check_lets_through_has_nothing_to_refuse(text: str) -> None:
    """Text is parsed for refused Markdown only when it holds a mark that could start some;
    whatever it lets through, the parser finds nothing in either."""
    from sgdocs.read import richtext

    if not richtext._MAYBE_REFUSED.search(text):
        for inline in (False, True):
            tokens = richtext.inline_tokens(text) if inline else richtext.block_tokens(text)
            assert not [t for t in richtext._walk(tokens) if t.type in richtext._REFUSED]
            assert not richtext._too_deep(tokens, text.splitlines())
            assert not richtext.refusals(text, inline=inline)
