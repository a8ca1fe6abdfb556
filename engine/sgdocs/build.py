"""Build documents: gather and load, check every template, then render and write each.

Each document and format stands alone: one that fails is reported and the rest are still
built. Nothing is written for a document until its output is complete, and then atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .content import LoadedDocument, discover, drawn_in, load_documents
from .errors import Finding, Location, Severity, SgdocsError, has_errors
from .kinds import Output
from .output import write_atomic
from .renderers import FORMATS, PUBLIC_FORMATS, renderer


@dataclass(frozen=True)
class Outcome:
    """What happened to one document in one format."""

    source: Path
    format: str
    output: Path | None = None
    findings: tuple[Finding, ...] = ()
    withheld: bool = False
    """Not built on purpose: a sensitive document in a format meant for publication."""

    @property
    def written(self) -> bool:
        return self.output is not None


@dataclass
class BuildReport:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return list(dict.fromkeys(f for outcome in self.outcomes for f in outcome.findings))

    @property
    def ok(self) -> bool:
        """Every output asked for was written, or withheld from publication on purpose."""
        return all(outcome.written or outcome.withheld for outcome in self.outcomes)


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
    def template_key(self) -> tuple[object, str, Path]:
        """Formats sharing a template (PDF and HTML) share its check function, hence its
        key: each template is checked once."""
        return (renderer(self.format).problems, self.document.kind.template(self.output),
                self.document.root)


def build(paths: Iterable[Path], out_dir: Path, formats: Sequence[str] = FORMATS,
          allow_incomplete: bool = False, allow_sensitive: bool = False) -> BuildReport:
    """Build every document under `paths` into `out_dir`, in each of `formats` it has.

    A document missing a statutory duty is not built unless `allow_incomplete`, and then
    every page of every output is marked "DRAFT — incomplete". A document classified
    OFFICIAL-SENSITIVE is built only in formats that are not for publication (Word,
    spreadsheets, calendars) unless `allow_sensitive`.
    """
    documents, failures = load_documents(discover(paths))
    jobs = [Job(document, output, fmt) for document in documents
            for output in document.kind.outputs for fmt in output.formats if fmt in formats]
    template_problems = check_templates(jobs)
    report = BuildReport([Outcome(path, "all", findings=tuple(problems))
                          for path, problems in failures.items()])
    for job in jobs:
        if job.withheld and not allow_sensitive:
            report.outcomes.append(_withhold(job, out_dir))
            continue
        blocking = list(template_problems[job.template_key])
        if job.document.incomplete and not allow_incomplete:
            blocking.append(Finding(Location(job.document.path), f"the {job.format} was not "
                                    "built: a statutory duty (a must) is not addressed",
                                    "address it, or build a draft marked \"DRAFT — incomplete\""
                                    " with --allow-incomplete"))
        report.outcomes.append(_build_one(job, out_dir, blocking))
    return report


def check_templates(jobs: Iterable[Job]) -> dict[tuple[object, str, Path], list[Finding]]:
    """The problems of every template the jobs use, each template checked once."""
    checked: dict[tuple[object, str, Path], list[Finding]] = {}
    for job in jobs:
        if job.template_key not in checked:
            checked[job.template_key] = renderer(job.format).problems(
                job.document.kind, job.output, job.document.root)
    return checked


def _withhold(job: Job, out_dir: Path) -> Outcome:
    """Not built, and an earlier build's copy removed: it must not be published by mistake."""
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
    return Outcome(document.path, job.format, withheld=True, findings=(
        *document.warnings, *document.requirement_findings, *notes))


def _build_one(job: Job, out_dir: Path, blocking: list[Finding]) -> Outcome:
    """Render and write one output, unless a blocking problem (an error) stops it."""
    document, fmt = job.document, job.format
    notes = (*document.warnings, *document.requirement_findings)
    if has_errors(blocking):
        return Outcome(document.path, fmt, findings=(*notes, *blocking))
    target = job.target(out_dir)
    try:
        data = renderer(fmt).render(document, job.output)
    except SgdocsError as exc:
        return Outcome(document.path, fmt, findings=(*notes, *blocking, *exc.findings))
    except Exception as exc:  # a fault in a library or in sgdocs: report it, build the rest
        return Outcome(document.path, fmt, findings=(*notes, *blocking, Finding(
            Location(document.path), f"sgdocs failed while making the {fmt} "
            f"({exc.__class__.__name__}: {exc})", "this is a fault in sgdocs; please report "
            "it with the content file")))
    try:
        write_atomic(target, data)
    except OSError as exc:
        return Outcome(document.path, fmt, findings=(*notes, *blocking, Finding(
            Location(target), f"cannot write the {fmt}: {exc.strerror}",
            "is the file open in another program, or the folder read-only?")))
    return Outcome(document.path, fmt, target, (*notes, *blocking))
