"""Check content without rendering it: every problem in every file, at its file and line,
and how each document stands against the statutory requirements for its kind."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .content import LoadedDocument, discover, load_documents
from .errors import Finding, Severity


@dataclass(frozen=True)
class CheckReport:
    files: list[Path]
    documents: list[LoadedDocument]
    findings: list[Finding]

    def passed(self, strict: bool = False) -> bool:
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return not any(f.severity in failing for f in self.findings)


def check(paths: Iterable[Path]) -> CheckReport:
    files = discover(paths)
    documents, failures = load_documents(files)
    findings = [f for problems in failures.values() for f in problems]
    findings += [f for document in documents
                 for f in (*document.warnings, *document.requirement_findings)]
    return CheckReport(files, documents, list(dict.fromkeys(findings)))
