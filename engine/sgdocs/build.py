"""Build documents: gather and load, check every template, then render and write each.

Each document and format stands alone: one that fails is reported and the rest are still
built. Nothing is written for a document until its output is complete, and then atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .content import LoadedDocument, discover, load_documents
from .errors import Finding, Location, SgdocsError, has_errors
from .output import write_atomic
from .renderers import FORMATS, renderer


@dataclass(frozen=True)
class Outcome:
    """What happened to one document in one format."""

    source: Path
    format: str
    output: Path | None = None
    findings: tuple[Finding, ...] = ()

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
        """Every output asked for was written."""
        return all(outcome.written for outcome in self.outcomes)


def build(paths: Iterable[Path], out_dir: Path, formats: Sequence[str] = FORMATS,
          allow_incomplete: bool = False) -> BuildReport:
    """Build every document under `paths` into `out_dir`.

    A document missing a statutory duty is not built unless `allow_incomplete`, and then
    every page of every output is marked "DRAFT — incomplete".
    """
    documents, failures = load_documents(discover(paths))
    jobs = [(document, fmt) for document in documents for fmt in formats
            if fmt in document.kind.formats]
    template_problems = check_templates(jobs)
    report = BuildReport([Outcome(path, "all", findings=tuple(problems))
                          for path, problems in failures.items()])
    for document, fmt in jobs:
        blocking = list(template_problems[_template_key(document, fmt)])
        if document.incomplete and not allow_incomplete:
            blocking.append(Finding(Location(document.path), f"the {fmt} was not built: a "
                                    "statutory duty (a must) is not addressed",
                                    "address it, or build a draft marked \"DRAFT — incomplete\""
                                    " with --allow-incomplete"))
        report.outcomes.append(_build_one(document, fmt, out_dir, blocking))
    return report


def check_templates(jobs: Iterable[tuple[LoadedDocument, str]]
                    ) -> dict[tuple[object, str, Path], list[Finding]]:
    """The problems of every template the jobs use, each template checked once."""
    checked: dict[tuple[object, str, Path], list[Finding]] = {}
    for document, fmt in jobs:
        key = _template_key(document, fmt)
        if key not in checked:
            checked[key] = renderer(fmt).problems(document.kind, document.root)
    return checked


def _template_key(document: LoadedDocument, fmt: str) -> tuple[object, str, Path]:
    """Formats sharing a template (PDF and HTML) share its check function, hence its key."""
    return (renderer(fmt).problems, document.kind.name, document.root)


def _build_one(document: LoadedDocument, fmt: str, out_dir: Path,
               blocking: list[Finding]) -> Outcome:
    """Render and write one output, unless a blocking problem (an error) stops it."""
    notes = (*document.warnings, *document.requirement_findings)
    if has_errors(blocking):
        return Outcome(document.path, fmt, findings=(*notes, *blocking))
    target = out_dir / document.relative_path.with_suffix(f".{fmt}")
    try:
        data = renderer(fmt).render(document)
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
