"""The `sgdocs` command: parses arguments, calls the library, prints what happened.

Each command imports what it needs when it runs, so `sgdocs --help` and `sgdocs check`
start without loading the renderers. Errors sgdocs raises on purpose are printed as findings
here and nowhere else; exit codes are 0 success, 1 content or build problems, 2 usage.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from sgdocs.errors import SgdocsError, display_path, usage_error
from sgdocs.terminal import (
    cells,
    console,
    print_across,
    print_assessments,
    print_build_summary,
    print_findings,
    print_readability,
    print_requirements,
    print_rows,
    progress_bar,
    score_json,
)

F = TypeVar("F", bound=Callable[..., Any])
ASSESSED_KINDS = ("arrangements", "role-brief", "scrutiny-framework", "scrutiny-report",
                  "yearly-report")
"""The kinds a published report can be assessed as: those Working Together 2023 speaks to."""
DEFAULT_CONTENT = Path("content")
PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
IN_CONTENT = click.option("--in", "content", type=click.Path(path_type=Path), default=None,
                          help="A content folder whose own kinds to include.")


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
            print_findings(exc.findings)
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
    from sgdocs.pipeline.build import FORMATS, build_each
    from sgdocs.pipeline.build import build as run_build
    from sgdocs.pipeline.jobs import available_cores

    chosen = _formats(formats, FORMATS) if formats else list(FORMATS)
    options: dict[str, Any] = {"allow_incomplete": allow_incomplete, "allow_sensitive":
                               allow_sensitive, "jobs": jobs or available_cores()}
    with progress_bar(quiet) as progress:
        if table is None:
            report = run_build(_content_paths(paths), out_dir, chosen, rebuild=rebuild,
                               progress=progress, **options)
        else:
            report = build_each(_one_content_file(paths), table, out_dir, chosen,
                                name_column=name_column, progress=progress, **options)
    print_findings(report.findings)
    if table is None:
        print_build_summary(report, table=not quiet)
    else:
        print_rows(report, table=not quiet)
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
            "findings": [f.as_json() for f in report.findings],
            "documents": [{"file": str(d.path), "kind": d.kind.name,
                           "requirements": summary_rows(d.assessments),
                           "readability": [score_json(s) for s in
                                           report.readability.get(d.path, [])]}
                          for d in report.documents],
            "note": DISCLAIMER}, indent=2))
    else:
        print_findings(report.findings)
        for document in report.documents:
            print_requirements(document)
        for path, scores in report.readability.items():
            print_readability(path, scores)
        if any(document.assessments for document in report.documents):
            click.echo(DISCLAIMER)
        errors = sum(f.is_error for f in report.findings)
        warnings = len(report.findings) - errors
        click.echo(f"Checked {len(report.files)} file(s): {errors} error(s), "
                   f"{warnings} warning(s).")
    sys.exit(0 if report.passed(strict) else 1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(sorted(ASSESSED_KINDS)), default=None,
              help="The kind of report; worked out from its title and headings if left out.")
@click.option("--json", "as_json", is_flag=True, help="Print the assessment as JSON.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Write each assessment here as Word, PDF, a web page and a workbook to "
              "record your own verdicts in; for many reports, a summary across them too.")
@_reports_errors
def assess(paths: tuple[Path, ...], kind: str | None, as_json: bool, out: Path | None
           ) -> None:
    """Weigh published reports (Word, PDF or web pages, or a folder of them) against Working
    Together 2023: the evidence found for each requirement, for a person to judge."""
    from sgdocs.check.assess import ASSESS_NOTE
    from sgdocs.check.requirements import summary_rows
    from sgdocs.pipeline.assessing import assess_paths, write_outputs

    report = assess_paths(paths, kind)
    written = write_outputs(report, out) if out is not None else []
    if as_json:
        click.echo(json.dumps({
            "findings": [f.as_json() for f in report.findings],
            "documents": [{"file": str(a.document.path), "kind": a.kind, "kind_sure": a.sure,
                           "pages": a.document.pages, "dates": a.dates.said,
                           "requirements": summary_rows(a.assessments),
                           "not_looked_for": [r.id for r in a.not_looked_for]}
                          for a in report.assessed],
            "across": {rid: dict(counts) for rid, counts in report.across().items()},
            "note": ASSESS_NOTE}, indent=2))
    else:
        print_findings(report.findings)
        for assessed in report.assessed:
            sure = "" if assessed.sure else " (worked out from its headings, not sure: give --kind)"
            print_assessments(f"{display_path(assessed.document.path)}: {assessed.kind}{sure}",
                              assessed.assessments, lambda a: a.section or "no evidence found")
            click.echo(f"It {assessed.dates.said}." if assessed.dates.said else
                       "No year covered or date of publication found in it.")
            if assessed.not_looked_for:
                click.echo("Not looked for, as they are met by a report's structure (find them "
                           "yourself): " + ", ".join(r.id for r in assessed.not_looked_for))
        if len(report.assessed) > 1:
            print_across(report.across(), len(report.assessed))
        click.echo(ASSESS_NOTE)
        click.echo(f"Assessed {len(report.assessed)} report(s)" + (
            f"; wrote {len(written)} file(s) to {display_path(out)}." if out else "."))
    sys.exit(1 if report.failed else 0)


@main.command()
@click.argument("kind", required=False)
@click.option("--in", "content", type=click.Path(path_type=Path), default=None,
              help="A content folder whose requirements.yaml corrections to include.")
@_reports_errors
def requirements(kind: str | None, content: Path | None) -> None:
    """List the statutory requirements sgdocs checks (for KIND, or all)."""
    from rich.table import Table

    from sgdocs.check.catalogue import load_catalogue
    from sgdocs.kinds import get_kind
    from sgdocs.read.partnership import find_setting

    root = find_setting(content).root if content else None
    catalogue = load_catalogue(root)
    chosen = catalogue.for_kind(get_kind(kind, root).name) if kind else catalogue.requirements
    table = Table(title=f"Requirements{f' for {kind}' if kind else ''}", title_justify="left")
    table.add_column("Id", no_wrap=True)
    for column in ("Level", "Confidence", "Reference", "Requirement", "Kinds"):
        table.add_column(column, overflow="fold")
    for requirement in chosen:
        table.add_row(*cells(requirement.id, requirement.level, requirement.confidence,
                              str(requirement.reference), requirement.summary,
                              ", ".join(requirement.addressed_by)))
    console().print(table)


@main.command()
@click.argument("content", required=False, type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to serve on; another than this machine's needs a password "
                   "(SGDOCS_PASSWORD).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@_reports_errors
def serve(content: Path | None, host: str, port: int, no_browser: bool) -> None:
    """Write documents in the browser: a form for each, with a live preview and the check
    (CONTENT: the content folder; default content/)."""
    from sgdocs.serve.server import PASSWORD_VARIABLE, start

    start(content or _content_paths(())[0], host, port, os.environ.get(PASSWORD_VARIABLE),
          not no_browser, click.echo)


@main.command()
@click.argument("kind")
@click.argument("path", type=click.Path(path_type=Path))
@_reports_errors
def new(kind: str, path: Path) -> None:
    """Write a commented starter content file of KIND at PATH."""
    from sgdocs.pipeline.starters import new_document

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
    from sgdocs.pipeline.importing import import_workbook

    print_findings(import_workbook(kind, workbook, target, force))
    click.echo(f"wrote {target}")


@main.group()
def templates() -> None:
    """Work with the Word and HTML templates."""


@templates.command("export")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace templates already in TARGET.")
@IN_CONTENT
@_reports_errors
def export(target: Path, force: bool, content: Path | None) -> None:
    """Copy the shipped templates to TARGET for restyling.

    Put restyled copies in a `templates/` folder beside your partnership.yaml (keeping the
    docx/ and html/ folders) and they are used instead of the shipped ones. The templates
    of your own kinds (with --in, or when TARGET is in your content folder) come too.
    """
    from sgdocs.pipeline.starters import export_templates

    for written in export_templates(target, force, _root(content or target)):
        click.echo(f"wrote {written}")


@main.command()
@click.argument("template", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--kind", "kind_name", required=True, help="The kind the template is for.")
@click.option("--strict", is_flag=True, help="Treat warnings as failures.")
@_reports_errors
def lint(template: Path, kind_name: str, strict: bool) -> None:
    """Check a restyled template (.docx or .html) before using it."""
    from sgdocs.kinds import get_kind

    kind = get_kind(kind_name, _root(template.parent))
    if template.suffix not in (".docx", ".html"):
        raise usage_error("lint checks Word (.docx) and HTML (.html) templates",
                          "name a template file", template)
    module = "docx" if template.suffix == ".docx" else "html"
    found = importlib.import_module(f"sgdocs.render.{module}").lint_file(template, kind)
    print_findings(found)
    errors = sum(f.is_error for f in found)
    click.echo(f"Linted {display_path(template)}: {errors} error(s), "
               f"{len(found) - errors} warning(s).")
    failing = len(found) if strict else errors
    sys.exit(1 if failing else 0)


@main.command()
@IN_CONTENT
@_reports_errors
def kinds(content: Path | None) -> None:
    """List the document kinds: those sgdocs ships, and your own (with --in, or in the
    content folder here)."""
    from sgdocs.kinds import all_kinds

    for kind in all_kinds(_root(content or _here())).values():
        own = "  (your own)" if kind.home else ""
        click.echo(f"{kind.name:<20} {kind.summary}{own}")


@main.command()
@click.argument("kind")
@IN_CONTENT
@_reports_errors
def schema(kind: str, content: Path | None) -> None:
    """Print the JSON Schema of KIND (or `partnership`, or a kind's `layout`), for editors
    that validate YAML."""
    from sgdocs.read.json_schema import json_schema

    click.echo(json.dumps(json_schema(kind, _root(content or _here())), indent=2))


def _root(folder: Path | None) -> Path | None:
    """The content root holding `folder` (the folder of its top-most partnership.yaml)."""
    from sgdocs.read.partnership import content_root

    return content_root(folder if folder.is_dir() else folder.parent) if folder else None


def _here() -> Path | None:
    """The default content folder, when the command is run beside it."""
    return DEFAULT_CONTENT if DEFAULT_CONTENT.is_dir() else None


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
