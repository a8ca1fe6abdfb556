"""The `sgdocs` command: parses arguments, calls the library, prints what happened.

Each command imports what it needs when it runs, so `sgdocs --help` and `sgdocs check`
start without loading the renderers. Errors sgdocs raises on purpose are printed as findings
here and nowhere else; exit codes are 0 success, 1 content or build problems, 2 usage.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from sgdocs.errors import Finding, SgdocsError, display_path, printable, usage_error

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from sgdocs.check.readability import Score
    from sgdocs.pipeline.build import BuildReport, Outcome, Progress
    from sgdocs.read.documents import LoadedDocument

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_CONTENT = Path("content")
PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def _reports_errors(command: F) -> F:
    """Print an SgdocsError as findings and exit with its code, never a traceback.

    A fault in sgdocs itself is reported in one line too; set SGDOCS_DEBUG=1 to see the
    traceback when reporting it.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SgdocsError as exc:
            _print_findings(exc.findings)
            sys.exit(exc.exit_code)
        except Exception as exc:
            if os.environ.get("SGDOCS_DEBUG"):
                raise
            click.echo(f"error: sgdocs stopped because of a fault in sgdocs itself "
                       f"({exc.__class__.__name__}: {exc})\n  hint: please report it with the "
                       "content that caused it; SGDOCS_DEBUG=1 shows the details", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sgdocs")
def main() -> None:
    """Checked documents for safeguarding partnerships, from YAML content.

    Content files (YAML, one per document) are checked, then merged into Word, PDF and
    web-page templates. Run `sgdocs new role-brief my-area/role-brief.yaml` to start one.
    """


@main.command()
@PATHS
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("outputs"),
              show_default=True, help="Folder the outputs are written to, mirroring content.")
@click.option("--format", "formats", default="",
              help="Comma-separated output formats (docx, pdf, html, xlsx, ics); default: all.")
@click.option("--allow-incomplete", is_flag=True,
              help='Build documents missing a statutory duty, marked "DRAFT — incomplete".')
@click.option("--allow-sensitive", is_flag=True,
              help="Build OFFICIAL-SENSITIVE documents as PDF and HTML too (for internal "
                   "circulation; they are withheld from these publishing formats otherwise).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Documents rendered at once; default: the number of cores.")
@click.option("--rebuild", is_flag=True,
              help="Build every document, even those unchanged since the last build.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary table.")
@click.option("--each", "table", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Mail-merge: build the one content file named once for each row of this "
                   "CSV or YAML table, each column filling the field it names.")
@click.option("--name", "name_column", default="file", show_default=True,
              help="With --each: the column naming each row's outputs.")
@_reports_errors
def build(paths: tuple[Path, ...], out_dir: Path, formats: str, allow_incomplete: bool,
          allow_sensitive: bool, jobs: int | None, rebuild: bool, quiet: bool,
          table: Path | None, name_column: str) -> None:
    """Check content and build its documents (PATHS: files or folders; default content/).

    Documents unchanged since the last build into the same folder are not built again.
    With --each, one document is built for each row of a table, into a folder named after
    the content file (outputs/tasp/agm-invitation/barnsley.pdf).
    """
    from sgdocs.pipeline.build import FORMATS, available_cores, build_each
    from sgdocs.pipeline.build import build as run_build

    chosen = _formats(formats, FORMATS) if formats else list(FORMATS)
    options: dict[str, Any] = {"allow_incomplete": allow_incomplete, "allow_sensitive":
                               allow_sensitive, "jobs": jobs or available_cores()}
    with _progress(quiet) as progress:
        if table is None:
            report = run_build(_content_paths(paths), out_dir, chosen, rebuild=rebuild,
                               progress=progress, **options)
        else:
            report = build_each(_one_content_file(paths), table, out_dir, chosen,
                                name_column=name_column, progress=progress, **options)
    _print_findings(report.findings)
    if table is None:
        _print_build_summary(report, table=not quiet)
    else:
        _print_rows(report, table=not quiet)
    sys.exit(0 if report.ok else 1)


@main.command()
@PATHS
@click.option("--json", "as_json", is_flag=True, help="Print findings as JSON, for CI.")
@click.option("--strict", is_flag=True, help="Treat warnings as failures.")
@_reports_errors
def check(paths: tuple[Path, ...], as_json: bool, strict: bool) -> None:
    """Check content without building anything."""
    from sgdocs.check.requirements import DISCLAIMER, summary_rows
    from sgdocs.pipeline.check import check as run_check

    report = run_check(_content_paths(paths))
    if as_json:
        click.echo(json.dumps({
            "findings": [_finding_json(f) for f in report.findings],
            "documents": [{"file": str(d.path), "kind": d.kind.name,
                           "requirements": summary_rows(d.assessments),
                           "readability": [_score_json(s) for s in
                                           report.readability.get(d.path, [])]}
                          for d in report.documents],
            "note": DISCLAIMER}, indent=2))
    else:
        _print_findings(report.findings)
        for document in report.documents:
            _print_requirements(document)
        for path, scores in report.readability.items():
            _print_readability(path, scores)
        if any(document.assessments for document in report.documents):
            click.echo(DISCLAIMER)
        errors = sum(f.is_error for f in report.findings)
        warnings = len(report.findings) - errors
        click.echo(f"Checked {len(report.files)} file(s): {errors} error(s), "
                   f"{warnings} warning(s).")
    sys.exit(0 if report.passed(strict) else 1)


@main.command()
@click.argument("kind", required=False)
@click.option("--in", "content", type=click.Path(path_type=Path), default=None,
              help="A content folder whose requirements.yaml corrections to include.")
@_reports_errors
def requirements(kind: str | None, content: Path | None) -> None:
    """List the statutory requirements sgdocs checks (for KIND, or all)."""
    from rich.table import Table

    from sgdocs.check.requirements import load_catalogue
    from sgdocs.kinds import get_kind
    from sgdocs.read.partnership import find_setting

    catalogue = load_catalogue(find_setting(content).root if content else None)
    chosen = catalogue.for_kind(get_kind(kind).name) if kind else catalogue.requirements
    table = Table(title=f"Requirements{f' for {kind}' if kind else ''}", title_justify="left")
    table.add_column("Id", no_wrap=True)
    for column in ("Level", "Confidence", "Reference", "Requirement", "Kinds"):
        table.add_column(column, overflow="fold")
    for requirement in chosen:
        table.add_row(*_cells(requirement.id, requirement.level, requirement.confidence,
                              str(requirement.reference), requirement.summary,
                              ", ".join(requirement.addressed_by)))
    _console().print(table)


@main.command()
@click.argument("kind")
@click.argument("path", type=click.Path(path_type=Path))
@_reports_errors
def new(kind: str, path: Path) -> None:
    """Write a commented starter content file of KIND at PATH."""
    from sgdocs.kinds.starters import new_document

    for written in new_document(kind, path):
        click.echo(f"wrote {written}")


@main.command("import")
@click.argument("kind")
@click.argument("workbook", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", "target", type=click.Path(path_type=Path), required=True,
              help="The content file to write.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@_reports_errors
def import_(kind: str, workbook: Path, target: Path, force: bool) -> None:
    """Read a filled-in WORKBOOK of KIND (e.g. self-assessment) back into a content file."""
    from sgdocs.read.importing import import_workbook

    _print_findings(import_workbook(kind, workbook, target, force))
    click.echo(f"wrote {target}")


@main.group()
def templates() -> None:
    """Work with the Word and HTML templates."""


@templates.command("export")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace templates already in TARGET.")
@_reports_errors
def export(target: Path, force: bool) -> None:
    """Copy the shipped templates to TARGET for restyling.

    Put restyled copies in a `templates/` folder beside your partnership.yaml (keeping the
    docx/ and html/ folders) and they are used instead of the shipped ones.
    """
    from sgdocs.kinds.starters import export_templates

    for written in export_templates(target, force):
        click.echo(f"wrote {written}")


@main.command()
@click.argument("template", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--kind", "kind_name", required=True, help="The kind the template is for.")
@click.option("--strict", is_flag=True, help="Treat warnings as failures.")
@_reports_errors
def lint(template: Path, kind_name: str, strict: bool) -> None:
    """Check a restyled template (.docx or .html) before using it."""
    from sgdocs.kinds import get_kind

    kind = get_kind(kind_name)
    if template.suffix not in (".docx", ".html"):
        raise usage_error("lint checks Word (.docx) and HTML (.html) templates",
                          "name a template file", template)
    module = "docx" if template.suffix == ".docx" else "html"
    found = importlib.import_module(f"sgdocs.render.{module}").lint_file(template, kind)
    _print_findings(found)
    errors = sum(f.is_error for f in found)
    click.echo(f"Linted {display_path(template)}: {errors} error(s), "
               f"{len(found) - errors} warning(s).")
    failing = len(found) if strict else errors
    sys.exit(1 if failing else 0)


@main.command()
def kinds() -> None:
    """List the document kinds."""
    from sgdocs.kinds import all_kinds

    for kind in all_kinds().values():
        click.echo(f"{kind.name:<20} {kind.summary}")


@main.command()
@click.argument("kind")
@_reports_errors
def schema(kind: str) -> None:
    """Print the JSON Schema of KIND (or `partnership`), for editors that validate YAML."""
    from sgdocs.read.json_schema import json_schema

    click.echo(json.dumps(json_schema(kind), indent=2))


def _content_paths(paths: Sequence[Path]) -> list[Path]:
    if paths:
        return list(paths)
    if not DEFAULT_CONTENT.is_dir():
        raise usage_error("there is no content/ folder here", "name the content files or "
                          "folders to use, e.g. `sgdocs build my-area/`")
    return [DEFAULT_CONTENT]


def _one_content_file(paths: Sequence[Path]) -> Path:
    if len(paths) != 1 or not paths[0].is_file():
        raise usage_error("--each builds one content file for each row of a table",
                          "name one content file, e.g. `sgdocs build content/tasp/"
                          "agm-invitation.yaml --each members.csv`")
    return paths[0]


def _formats(text: str, known: Sequence[str]) -> list[str]:
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [fmt for fmt in chosen if fmt not in known]
    if unknown or not chosen:
        raise usage_error(f"unknown format `{unknown[0] if unknown else text}`",
                          f"choose from {', '.join(known)}")
    return list(dict.fromkeys(chosen))


def _print_findings(findings: Sequence[Finding]) -> None:
    for finding in findings:
        colour = "red" if finding.is_error else "yellow"
        head = printable(f"{finding.where}: ") if str(finding.where) else ""
        click.echo(head + click.style(finding.severity.value, fg=colour, bold=True) +
                   f": {printable(finding.message)}", err=True)
        if finding.hint:
            click.echo(f"  hint: {printable(finding.hint)}", err=True)


def _styled(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(printable(text), style=style)


def _cells(*values: str | Text) -> list[Text]:
    """Table cells shown exactly as written: content may hold `[red]` or `[/]`, which rich
    would otherwise read as its own markup."""
    return [value if not isinstance(value, str) else _styled(value) for value in values]


def _print_build_summary(report: BuildReport, table: bool) -> None:
    from rich.table import Table

    if table:
        shown = Table(title="sgdocs build", title_justify="left")
        for column in ("Content", "Format", "Result", "Output"):
            shown.add_column(column, overflow="fold")
        for outcome in report.outcomes:
            result = (_styled("unchanged", "green") if outcome.unchanged else
                      _styled("written", "green") if outcome.written else
                      _styled("withheld", "yellow") if outcome.withheld else
                      _styled("failed", "red"))
            shown.add_row(*_cells(display_path(outcome.source), outcome.format, result,
                                  display_path(outcome.output) if outcome.output else "-"))
        _console().print(shown)
    unchanged = sum(outcome.unchanged for outcome in report.outcomes)
    written = sum(outcome.written and not outcome.unchanged for outcome in report.outcomes)
    withheld = sum(outcome.withheld and not outcome.unchanged for outcome in report.outcomes)
    failed = len(report.outcomes) - written - unchanged - withheld
    click.echo(f"{written} written, " + (f"{unchanged} unchanged, " if unchanged else "")
               + (f"{withheld} withheld, " if withheld else "") + f"{failed} failed.")


def _print_rows(report: BuildReport, table: bool) -> None:
    """The mail-merge, row by row: what was made for each, or where its problem is."""
    from rich.table import Table

    rows: dict[str, list[Outcome]] = {}
    for outcome in report.outcomes:
        rows.setdefault(outcome.row or "", []).append(outcome)
    shown = Table(title="sgdocs build --each", title_justify="left")
    for column in ("Row", "Result", "Outputs or problem"):
        shown.add_column(column, overflow="fold")
    failures = 0
    for name, outcomes in rows.items():
        failed = [o for o in outcomes if not (o.written or o.withheld)]
        failures += bool(failed)
        if failed:
            problem = next((f for o in failed for f in o.findings if f.is_error), None)
            details = f"{problem.where}: {problem.message}" if problem else ""
        else:
            details = "\n".join(display_path(o.output) for o in outcomes if o.output)
        shown.add_row(*_cells(name, _styled("failed", "red") if failed else
                              _styled("written", "green"), details))
    if table:
        _console().print(shown)
    click.echo(f"{len(rows) - failures} of {len(rows)} row(s) built, {failures} failed.")


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[Progress | None]:
    """A progress bar on the terminal for a build of more than a few outputs; nothing when
    quiet or when the output goes to a file or another program."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from sgdocs.progress import BuildProgress

    with BuildProgress() as progress:
        yield progress


def _print_readability(path: Path, scores: Sequence[Score]) -> None:
    from rich.table import Table

    table = Table(title=_styled(f"{display_path(path)}: readability of each section"),
                  title_justify="left", caption="Reading ease: Flesch, 0 to 100, higher is "
                  "easier. Reading age: Flesch-Kincaid grade + 5.", caption_justify="left")
    for column in ("Section", "Words", "Reading ease", "Reading age", "Line"):
        table.add_column(column, overflow="fold")
    for score in scores:
        age = _styled("-" if score.reading_age is None else str(score.reading_age))
        if score.target is not None:
            age.append(f" (aim: {score.target} or under)",
                       "red" if score.too_hard else "green")
        ease = "-" if score.reading_ease is None else f"{score.reading_ease:.0f}"
        table.add_row(*_cells(score.section, str(score.words), f"{ease} ({score.band})", age,
                              str(score.where.line)))
    _console().print(table)


def _score_json(score: Score) -> dict[str, Any]:
    return {"section": score.section, "line": score.where.line, "words": score.words,
            "reading_ease": score.reading_ease, "reading_age": score.reading_age,
            "band": score.band, "target_reading_age": score.target}


def _print_requirements(document: LoadedDocument) -> None:
    from rich.table import Table

    if not document.assessments:
        return
    table = Table(title=_styled(f"{display_path(document.path)}: {document.kind.name} against "
                                "Working Together 2023"), title_justify="left")
    for column in ("Requirement", "Level", "Reference", "Status", "Where"):
        table.add_column(column, overflow="fold")
    colours = {"addressed": "green", "missing": "red", "empty": "red",
               "not applicable": "blue"}
    for assessment in document.assessments:
        requirement = assessment.requirement
        where = str(assessment.where) if assessment.where else f"add `{assessment.section}`"
        if assessment.status == "not applicable":
            where = assessment.reason
        table.add_row(*_cells(requirement.id, requirement.level, str(requirement.reference),
                              _styled(assessment.status, colours[assessment.status]), where))
    _console().print(table)


def _console() -> Console:
    from rich.console import Console

    # Piped output (CI logs) gets wide tables rather than rich's 80-column default.
    return Console(width=None if sys.stdout.isatty() else 120)


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {"file": str(finding.where.file), "line": finding.where.line,
            "severity": finding.severity.value, "message": finding.message,
            "hint": finding.hint}
