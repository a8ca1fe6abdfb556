"""One output of one document in one format (a job): rendered and written, or withheld
from publication, each standing alone so that one that fails never stops the rest; several
rendered at once by forked processes when there are cores to spare."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sgdocs.bounds import Exhausted, bounded
from sgdocs.errors import Finding, Location, Severity, SgdocsError, fault, has_errors
from sgdocs.write.files import write_atomic

if TYPE_CHECKING:
    from sgdocs.kinds import Output
    from sgdocs.read.documents import LoadedDocument
    from sgdocs.render.formats import Renderer

PUBLIC_FORMATS = ("html", "pdf")
"""The formats partnerships publish on their websites."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one document in one format."""

    source: Path
    format: str
    output: Path | None = None
    findings: tuple[Finding, ...] = ()
    withheld: bool = False
    """Not built on purpose: a sensitive document in a format meant for publication."""
    unchanged: bool = False
    """Not built again: nothing it is made from has changed since the last build."""
    row: str | None = None
    """The mail-merge row it was made for, by the name the row gives its outputs."""

    @property
    def written(self) -> bool:
        return self.output is not None

    def as_record(self) -> dict[str, Any]:
        return {"format": self.format, "output": str(self.output) if self.output else None,
                "withheld": self.withheld, "findings": [
                    [str(f.where.file), f.where.line, f.message, f.hint, f.severity.value]
                    for f in self.findings]}

    @classmethod
    def from_record(cls, source: Path, saved: dict[str, Any]) -> Outcome:
        return cls(source, saved["format"], Path(saved["output"]) if saved["output"] else None,
                   tuple(Finding(Location(Path(file), line), message, hint, Severity(level))
                         for file, line, message, hint, level in saved["findings"]),
                   saved["withheld"], unchanged=True)


class Progress(Protocol):
    """Told how many outputs a build will make, then of each as it is finished."""

    def planned(self, count: int) -> None: ...

    def finished(self, outcome: Outcome) -> None: ...


@dataclass(frozen=True)
class Job:
    """One output of one document in one format."""

    document: LoadedDocument
    output: Output
    format: str

    def target(self, out_dir: Path) -> Path:
        """Where it is written: the content tree mirrored under `out_dir`."""
        place = self.document.relative_path
        return out_dir / place.with_name(f"{place.stem}{self.output.name}.{self.format}")

    @property
    def withheld(self) -> bool:
        """A sensitive document in a format made for publishing."""
        return self.document.sensitive and self.format in PUBLIC_FORMATS

    @property
    def template_key(self) -> tuple[str | None, str, Path]:
        """Formats sharing a template (PDF and HTML) share its key: each template is
        checked once."""
        from sgdocs.render.formats import TEMPLATES

        return (TEMPLATES.get(self.format), self.document.kind.template(self.output),
                self.document.root)


def available_cores() -> int:
    """The cores this process may use (fewer than the machine's under a CPU limit)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def _renderer(fmt: str) -> Renderer:
    from sgdocs.render.formats import renderer

    return renderer(fmt)


def render_all(waiting: list[tuple[Job, list[Finding]]], out_dir: Path, jobs: int,
                progress: Progress) -> Iterator[Outcome]:
    """Each job's outcome, in order; several processes render at once if `jobs` > 1."""
    jobs = min(jobs, len(waiting))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for job, blocking in waiting:
            outcome = build_one(job, out_dir, blocking)
            progress.finished(outcome)
            yield outcome
        return
    global _WAITING
    _WAITING = (waiting, out_dir)  # the forked workers inherit the loaded documents
    from sgdocs.render.formats import prepare

    for fmt in {job.format for job, _ in waiting}:
        prepare(fmt)  # load the layout libraries once, before forking
    results: dict[int, Outcome] = {}
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for index, outcome in pool.imap_unordered(_build_nth, range(len(waiting))):
            results[index] = outcome
            progress.finished(outcome)
    _WAITING = None
    yield from (results[index] for index in range(len(waiting)))


_WAITING: tuple[list[tuple[Job, list[Finding]]], Path] | None = None


def _build_nth(index: int) -> tuple[int, Outcome]:
    assert _WAITING is not None
    waiting, out_dir = _WAITING
    job, blocking = waiting[index]
    return index, build_one(job, out_dir, blocking)


def check_templates(jobs: Iterable[Job]) -> dict[tuple[str | None, str, Path], list[Finding]]:
    """The problems of every template the jobs use, each template checked once."""
    from sgdocs.render.formats import template_problems

    checked: dict[tuple[str | None, str, Path], list[Finding]] = {}
    for job in jobs:
        if job.template_key not in checked:
            checked[job.template_key] = template_problems(
                job.format, job.document.kind, job.output, job.document.root)
    return checked


def withhold(job: Job, out_dir: Path) -> Outcome:
    """Not built, and an earlier build's copy removed: it must not be published by mistake."""
    from sgdocs.read.documents import drawn_in

    document = job.document
    what = ("the document is" if document.model.sensitive else
            "it draws in " + ", ".join(f"`{other.path.name}`" for other in
                                       drawn_in(document.references) if other.model.sensitive)
            + ", which is")
    notes = [Finding(document.source.where(("document_control", "classification")),
                     f"the {job.format} was not built: {what} OFFICIAL-SENSITIVE and "
                     f"{job.format.upper()} is a format for publishing",
                     "build it for internal circulation with --allow-sensitive (every page "
                     "is marked OFFICIAL-SENSITIVE)", Severity.WARNING)]
    stale = job.target(out_dir)
    if stale.is_file():
        try:
            stale.unlink()
            notes.append(Finding(Location(stale), f"removed the {job.format} an earlier "
                                 "build wrote, now that the document is OFFICIAL-SENSITIVE",
                                 severity=Severity.WARNING))
        except OSError as exc:
            notes.append(Finding(Location(stale), f"an earlier build's {job.format} is still "
                                 f"here and could not be removed ({exc.strerror})",
                                 "delete it by hand: it must not be published"))
    # A copy left behind, which must not be published, fails the build.
    return Outcome(document.path, job.format, withheld=not has_errors(notes), findings=(
        *document.warnings, *document.requirement_findings, *notes), row=document.row)


def build_one(job: Job, out_dir: Path, blocking: list[Finding]) -> Outcome:
    """Render and write one output, unless a blocking problem (an error) stops it."""
    document, fmt = job.document, job.format
    notes = (*document.warnings, *document.requirement_findings, *blocking)

    def failed(*problems: Finding) -> Outcome:
        return Outcome(document.path, fmt, findings=(*notes, *problems), row=document.row)

    if has_errors(blocking):
        return failed()
    target = job.target(out_dir)
    try:
        with bounded():
            data = _renderer(fmt).render(document, job.output)
    except Exhausted as exc:
        return failed(exc.finding(Location(document.path), f"the {fmt} was not made"))
    except SgdocsError as exc:
        return failed(*exc.findings)
    except Exception as exc:  # a fault in a library or in sgdocs: report it, build the rest
        return failed(fault(document.path, f"making the {fmt}", exc))
    try:
        write_atomic(target, data)
    except OSError as exc:
        return failed(Finding(Location(target), f"cannot write the {fmt}: {exc.strerror}",
                              "is the file open in another program, or the folder "
                              "read-only?"))
    return Outcome(document.path, fmt, target, notes, row=document.row)
