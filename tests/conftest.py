"""Shared fixtures: the Bexley example built once, readers for every output format, and
small content trees written inline for the unhappy paths."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from sgdocs.cli import main
from sgdocs.pipeline.build import BuildReport, build
from sgdocs.pipeline.jobs import available_cores

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
BEXLEY = CONTENT / "bexley"


def normalise(text: str) -> str:
    """Text as a reader sees it: ligatures unfolded, a word broken after its own hyphen at
    the end of a line joined again, any run of whitespace one space."""
    text = re.sub(r"(?<=\w)-[ \t]*\n\s*", "-", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text).strip()


def docx_text(path: Path) -> str:
    """Every paragraph of a .docx (body, tables, header, footer), in order, one per line."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    for section in document.sections:
        lines.extend(p.text for p in section.header.paragraphs)
        lines.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(lines)


def pdf_text(path: Path) -> str:
    """The PDF's text without its page furniture: lines on every page (the running header
    and footer, page numbers aside), and list bullets, which pypdf gathers at the end of a
    page, would otherwise interrupt text running over a page."""
    pages = [(page.extract_text() or "").splitlines() for page in PdfReader(str(path)).pages]

    def shape(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    def edge(lines: list[str], index: int) -> bool:  # where a header or footer is
        return index < 2 or index >= len(lines) - 4

    edges = [{shape(line) for i, line in enumerate(lines) if edge(lines, i)} for lines in pages]
    furniture = set.intersection(*edges) if len(pages) > 1 else set()
    return "\n".join(line for lines in pages for i, line in enumerate(lines)
                     if not (edge(lines, i) and shape(line) in furniture)
                     and line.strip() not in ("•", ""))


_BLOCKS = {"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "div", "br", "ul", "ol",
           "table", "section", "figcaption", "blockquote", "header", "main"}


class _TextOf(HTMLParser):
    """The text a browser shows: inline elements run on, block elements are separated."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("style", "script")
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script")
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _TextOf()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


READERS: dict[str, Callable[[Path], str]] = {"docx": docx_text, "pdf": pdf_text,
                                             "html": html_text}


def cli(*args: str) -> Result:
    """Run `sgdocs` as a user would; it must never show a traceback."""
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def built(content: Path, out: Path, allow_sensitive: bool = False,
          formats: Sequence[str] | None = None) -> dict[str, Path]:
    """Build one content file into `out` (in `formats`, by default every one it has): its
    outputs by file name, and the main output's by format too."""
    if formats is None:
        report = build([content], out, allow_sensitive=allow_sensitive)
    else:
        report = build([content], out, formats, allow_sensitive=allow_sensitive)
    assert report.ok, [str(f) for f in report.findings]
    outputs = {o.output.name: o.output for o in report.outcomes if o.output}
    outputs.update({o.format: o.output for o in report.outcomes
                    if o.output and o.output.stem == content.stem})
    return outputs


def write_layout(folder: Path, text: str) -> Path:
    """A layout.yaml in `folder` holding `text`."""
    path = folder / "layout.yaml"
    path.write_text(text)
    return path


def edit(path: Path, old: str, new: str) -> None:
    """`path` with `old` (which must be there) replaced once by `new`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edited_copy(folder: Path, content: Path, *changes: tuple[str, str]) -> Path:
    """A copy of `content` (with its partnership) in `folder`, each `(old, new)` of `changes`
    made once."""
    shutil.copytree(content.parent, folder / content.parent.name)
    copy = folder / content.parent.name / content.name
    for old, new in changes:
        edit(copy, old, new)
    return copy


@pytest.fixture(scope="session")
def bexley_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Bexley's role brief built once into every format."""
    out = tmp_path_factory.mktemp("outputs")
    report = build([BEXLEY / "role-brief.yaml"], out)
    assert report.ok, [str(f) for f in report.findings]
    return {outcome.format: outcome.output for outcome in report.outcomes
            if outcome.output is not None}


@pytest.fixture(scope="session")
def example_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """All the bundled example content built once, sensitive documents included, by path
    under the output folder (e.g. "eastmoor/yearly-report-2024-25.pdf")."""
    out = tmp_path_factory.mktemp("examples")
    report = build([CONTENT], out, allow_sensitive=True, jobs=available_cores())
    assert report.ok, [str(f) for f in report.findings]
    return {o.output.relative_to(out).as_posix(): o.output for o in report.outcomes
            if o.output}


@pytest.fixture
def bexley_copy(tmp_path: Path) -> Path:
    """A private copy of the Bexley content to change."""
    target = tmp_path / "bexley"
    shutil.copytree(BEXLEY, target)
    return target


@pytest.fixture
def run_build() -> Callable[..., BuildReport]:
    def run(*paths: Path, out: Path, formats: tuple[str, ...] = ("docx", "pdf", "html")
            ) -> BuildReport:
        return build(list(paths), out, formats)

    return run
