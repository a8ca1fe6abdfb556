"""Check content without rendering it: every problem in every file, at its file and line,
every problem in the templates the documents would be built with, how each document stands
against the statutory requirements for its kind, and how readable a public one is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sgdocs.check.readability import Score, scores
from sgdocs.check.readability import findings as readability_findings
from sgdocs.errors import Finding, Severity
from sgdocs.pipeline.jobs import Job, check_templates
from sgdocs.pipeline.load import load_documents
from sgdocs.read.discovery import discover
from sgdocs.read.documents import LoadedDocument


@dataclass(frozen=True)
class CheckReport:
    files: list[Path]
    documents: list[LoadedDocument]
    findings: list[Finding]
    readability: dict[Path, list[Score]] = field(default_factory=dict)
    """Each public document's sections, scored for readability."""

    def passed(self, strict: bool = False) -> bool:
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return not any(f.severity in failing for f in self.findings)


def check(paths: Iterable[Path]) -> CheckReport:
    files = discover(paths)
    documents, failures = load_documents(files)
    findings = [f for problems in failures.values() for f in problems]
    findings += [f for document in documents
                 for f in (*document.warnings, *document.requirement_findings)]
    jobs = [Job(document, output, fmt) for document in documents
            for output in document.kind.outputs for fmt in output.formats]
    findings += [f for problems in check_templates(jobs).values() for f in problems]
    scored = {document.path: found for document in documents if (found := scores(document))}
    findings += [f for found in scored.values() for f in readability_findings(found)]
    return CheckReport(files, documents, list(dict.fromkeys(findings)), scored)
