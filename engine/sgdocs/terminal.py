"""What the commands print: findings, build and requirement tables, readability scores,
and their JSON; content shown exactly as written, never read as rich's markup."""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sgdocs.errors import Finding, display_path, printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from sgdocs.check.readability import Score
    from sgdocs.check.requirements import Assessment
    from sgdocs.pipeline.build import BuildReport
    from sgdocs.pipeline.jobs import Outcome, Progress
    from sgdocs.read.documents import LoadedDocument


def print_findings(findings: Sequence[Finding]) -> None:
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


def cells(*values: str | Text) -> list[Text]:
    """Table cells shown exactly as written: content may hold `[red]` or `[/]`, which rich
    would otherwise read as its own markup."""
    return [value if not isinstance(value, str) else _styled(value) for value in values]


def print_build_summary(report: BuildReport, table: bool) -> None:
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
            shown.add_row(*cells(display_path(outcome.source), outcome.format, result,
                                  display_path(outcome.output) if outcome.output else "-"))
        console().print(shown)
    unchanged = sum(outcome.unchanged for outcome in report.outcomes)
    written = sum(outcome.written and not outcome.unchanged for outcome in report.outcomes)
    withheld = sum(outcome.withheld and not outcome.unchanged for outcome in report.outcomes)
    failed = len(report.outcomes) - written - unchanged - withheld
    click.echo(f"{written} written, " + (f"{unchanged} unchanged, " if unchanged else "")
               + (f"{withheld} withheld, " if withheld else "") + f"{failed} failed.")


def print_rows(report: BuildReport, table: bool) -> None:
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
        shown.add_row(*cells(name, _styled("failed", "red") if failed else
                              _styled("written", "green"), details))
    if table:
        console().print(shown)
    click.echo(f"{len(rows) - failures} of {len(rows)} row(s) built, {failures} failed.")


@contextlib.contextmanager
def progress_bar(quiet: bool) -> Iterator[Progress | None]:
    """A progress bar on the terminal for a build of more than a few outputs; nothing when
    quiet or when the output goes to a file or another program."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from sgdocs.progress import BuildProgress

    with BuildProgress() as progress:
        yield progress


def print_readability(path: Path, scores: Sequence[Score]) -> None:
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
        table.add_row(*cells(score.section, str(score.words), f"{ease} ({score.band})", age,
                              str(score.where.line)))
    console().print(table)


def score_json(score: Score) -> dict[str, Any]:
    return {"section": score.section, "line": score.where.line, "words": score.words,
            "reading_ease": score.reading_ease, "reading_age": score.reading_age,
            "band": score.band, "target_reading_age": score.target}


def print_requirements(document: LoadedDocument) -> None:
    def where(assessment: Assessment) -> str:
        if assessment.status == "not applicable":
            return assessment.reason
        return str(assessment.where) if assessment.where else f"add `{assessment.section}`"

    print_assessments(f"{display_path(document.path)}: {document.kind.name}",
                      document.assessments, where)


def print_assessments(title: str, assessments: Sequence[Assessment],
                      where: Callable[[Assessment], str]) -> None:
    """A table of how a document stands against each requirement: its status, where (as
    `where` says), the sentence relied on and what is not yet said."""
    from rich.table import Table

    if not assessments:
        return
    table = Table(title=_styled(f"{title} against Working Together 2023"),
                  title_justify="left")
    for column in ("Requirement", "Level", "Reference", "Status", "Where"):
        table.add_column(column, overflow="fold")
    colours = {"addressed": "green", "partly": "yellow", "missing": "red", "empty": "red",
               "placeholder": "red", "not applicable": "blue"}
    for assessment in assessments:
        requirement, place = assessment.requirement, where(assessment)
        if assessment.quotes:
            place += "\n\u201c" + assessment.quotes[0] + "\u201d"
        if assessment.unsaid:
            place += "\nnot yet: " + "; ".join(assessment.unsaid)
        table.add_row(*cells(requirement.id, requirement.level, str(requirement.reference),
                             _styled(assessment.status, colours[assessment.status]), place))
    console().print(table)


def print_across(counts: dict[str, Counter[str]], reports: int) -> None:
    """How many of the reports address each requirement, partly or not at all."""
    from rich.table import Table

    table = Table(title=_styled(f"Across the {reports} reports"), title_justify="left")
    for column in ("Requirement", "Addressed", "Partly", "No evidence found"):
        table.add_column(column, justify="left" if column == "Requirement" else "right")
    for requirement, count in counts.items():
        table.add_row(*cells(requirement, str(count["addressed"]), str(count["partly"]),
                             str(count["missing"])))
    console().print(table)


def console() -> Console:
    from rich.console import Console

    # Piped output (CI logs) gets wide tables rather than rich's 80-column default.
    return Console(width=None if sys.stdout.isatty() else 120)
