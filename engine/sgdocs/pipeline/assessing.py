"""Assessing reports sgdocs did not write: a file, or every report in a folder, each read
and weighed on its own, within a document's time and memory limits, so that one that cannot
be read is reported and the rest go on."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sgdocs.bounds import Exhausted, bounded
from sgdocs.check.assess import Assessed, across, assess
from sgdocs.check.catalogue import load_catalogue
from sgdocs.errors import ContentError, Finding, Location, fault
from sgdocs.read.foreign import FORMATS, read_foreign


@dataclass(frozen=True)
class AssessReport:
    assessed: tuple[Assessed, ...]
    findings: tuple[Finding, ...]
    """Files that could not be read, and what the reports themselves were told."""

    @property
    def failed(self) -> bool:
        return any(finding.is_error for finding in self.findings)

    def across(self) -> dict[str, Counter[str]]:
        return across(self.assessed)


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


def write_outputs(report: AssessReport, out: Path) -> list[Path]:
    """Each assessment as a workbook, a Word file, a PDF and a web page in `out`, and for
    many reports the summary across them in the same four; each written whole or not at
    all. Stamped with the reports' own dates, so the same reports give the same files."""
    from sgdocs.render import assessment_formats as formats
    from sgdocs.render.assessment_pages import Page, assessment_page, summary_page
    from sgdocs.render.assessment_workbook import assessment_workbook, summary_workbook
    from sgdocs.write.files import write_atomic

    written = []

    def write(stem: str, page: Page, workbook: bytes, when: dt.datetime) -> None:
        for suffix, data in ((".xlsx", workbook), (".docx", formats.word(page, when)),
                             (".pdf", formats.pdf(page)),
                             (".html", formats.web_page(page).encode())):
            write_atomic(out / f"{stem}{suffix}", data)
            written.append(out / f"{stem}{suffix}")

    for assessed, name in zip(report.assessed, _names(a.document.path for a in report.assessed),
                              strict=True):
        when = _stamp(assessed.document.path)
        write(f"{name}-assessment", assessment_page(assessed),
              assessment_workbook(assessed, when), when)
    if len(report.assessed) > 1:
        page = summary_page(report.assessed, [f for f in report.findings if f.is_error])
        when = max(_stamp(assessed.document.path) for assessed in report.assessed)
        write("summary", page, summary_workbook(page, when), when)
    return written


def _names(paths: Iterable[Path]) -> list[str]:
    """A name for each report's outputs: its file's, with its format or a number added where
    two share one (northvale.pdf and northvale.docx: northvale-pdf, northvale-docx)."""
    paths = list(paths)
    stems = Counter(path.stem for path in paths)
    names = [path.stem if stems[path.stem] == 1 else f"{path.stem}-{path.suffix[1:].lower()}"
             for path in paths]
    seen: Counter[str] = Counter()
    unique = []
    for name in names:
        seen[name] += 1
        unique.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return unique


def _stamp(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(path.stat().st_mtime), dt.UTC)


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
