"""Build documents: gather, load and check, check templates, render, write.

Each document and format stands alone: one that fails is reported and the rest are still
built. Nothing is written for a document until its output is complete, and then atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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
        return all(outcome.written for outcome in self.outcomes) and not has_errors(
            self.findings)


def build(paths: Iterable[Path], out_dir: Path, formats: Sequence[str] = FORMATS,
          on_outcome: Callable[[Outcome], None] | None = None) -> BuildReport:
    report = BuildReport()

    def record(outcome: Outcome) -> None:
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)

    documents, failures = load_documents(discover(paths))
    for path, problems in failures.items():
        record(Outcome(path, "all", findings=tuple(problems)))
    template_problems = _TemplateProblems()
    for document in documents:
        for fmt in (f for f in formats if f in document.kind.formats):
            record(_build_one(document, fmt, out_dir, template_problems))
    return report


class _TemplateProblems:
    """Each template is checked once per build, before its first use."""

    def __init__(self) -> None:
        self._seen: dict[tuple[object, str, Path], list[Finding]] = {}

    def __call__(self, document: LoadedDocument, fmt: str) -> list[Finding]:
        check = renderer(fmt).problems
        key = (check, document.kind.name, document.root)
        if key not in self._seen:
            self._seen[key] = check(document.kind, document.root)
        return self._seen[key]


def _build_one(document: LoadedDocument, fmt: str, out_dir: Path,
               template_problems: _TemplateProblems) -> Outcome:
    warnings = document.warnings
    problems = template_problems(document, fmt)
    if has_errors(problems):
        return Outcome(document.path, fmt, findings=(*warnings, *problems))
    target = out_dir / document.relative_path.with_suffix(f".{fmt}")
    try:
        data = renderer(fmt).render(document)
    except SgdocsError as exc:
        return Outcome(document.path, fmt, findings=(*warnings, *problems, *exc.findings))
    except Exception as exc:  # a fault in a library or in sgdocs: report it, build the rest
        return Outcome(document.path, fmt, findings=(*warnings, *problems, Finding(
            Location(document.path), f"sgdocs failed while making the {fmt} "
            f"({exc.__class__.__name__}: {exc})", "this is a fault in sgdocs; please report "
            "it with the content file")))
    try:
        write_atomic(target, data)
    except OSError as exc:
        return Outcome(document.path, fmt, findings=(*warnings, *problems, Finding(
            Location(target), f"cannot write the {fmt}: {exc.strerror}",
            "is the file open in another program, or the folder read-only?")))
    return Outcome(document.path, fmt, target, (*warnings, *problems))
