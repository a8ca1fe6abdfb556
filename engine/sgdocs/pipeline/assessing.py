"""Assessing reports sgdocs did not write: a file, or every report in a folder, each read
and weighed on its own, within a document's time and memory limits, so that one that cannot
be read is reported and the rest go on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sgdocs.bounds import Exhausted, bounded
from sgdocs.check.assess import Assessed, assess
from sgdocs.check.catalogue import load_catalogue
from sgdocs.errors import ContentError, Finding, Location, fault
from sgdocs.read.foreign import FORMATS, read_foreign

ASSESS_NOTE = ("sgdocs looks for evidence of each requirement in what the report says, and "
               "quotes it: a person must judge whether the requirement is met. This is not a "
               "judgement of compliance.")


@dataclass(frozen=True)
class AssessReport:
    assessed: tuple[Assessed, ...]
    findings: tuple[Finding, ...]
    """Files that could not be read, and what the reports themselves were told."""

    @property
    def failed(self) -> bool:
        return any(finding.is_error for finding in self.findings)

    def across(self) -> dict[str, Counter[str]]:
        """For each requirement, how many of the reports assessed address it, partly or not
        at all: the national review of many reports in one table."""
        counts: dict[str, Counter[str]] = {}
        for assessed in self.assessed:
            for assessment in assessed.assessments:
                counts.setdefault(assessment.requirement.id, Counter())[assessment.status] += 1
        return counts


def assess_paths(paths: Iterable[Path], kind: str | None = None) -> AssessReport:
    """Each report at `paths` (a folder: every Word, PDF and web page in it) weighed
    against the requirements of `kind`, or of the kind each is worked out to be."""
    catalogue = load_catalogue()
    assessed: list[Assessed] = []
    findings: list[Finding] = []
    for path in _reports(paths):
        try:
            with bounded():
                done = assess(read_foreign(path), catalogue, kind)
        except ContentError as exc:
            findings += exc.findings
            continue
        except Exhausted as exc:
            findings.append(exc.finding(Location(path), "the report was not assessed"))
            continue
        except Exception as exc:  # a reading library's own fault on a file from elsewhere
            findings.append(fault(path, "assessing the report", exc))
            continue
        assessed.append(done)
        findings += done.findings
    return AssessReport(tuple(assessed), tuple(findings))


def _reports(paths: Iterable[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in FORMATS
                            and p.is_file())
        elif path.exists():
            found.append(path)
        else:
            raise ContentError([Finding(Location(path), "there is no such file or folder",
                                        "give the path of a report, or of a folder of them")])
    return found
