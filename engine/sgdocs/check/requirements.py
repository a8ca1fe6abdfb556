"""Whether a document addresses each statutory requirement for its kind.

The catalogue (`check.catalogue`) says which sections of each kind address which. For a
document, each requirement that applies to its kind is *addressed* (every section it needs is
filled in), *empty* (a section is there but blank), *missing*, or *not applicable* (the
document says why). This tests presence, never quality: sgdocs does not judge compliance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from sgdocs.check.catalogue import Catalogue, Requirement
from sgdocs.check.placeholders import from_starter, placeholder
from sgdocs.errors import Finding, Location, Severity, did_you_mean
from sgdocs.kinds import PARTNERSHIP_STARTER
from sgdocs.read.order import own_anchor
from sgdocs.read.schema import Document, FreeSection
from sgdocs.read.validation import dotted
from sgdocs.read.yamlsource import KeyPath, YamlFile, texts

DISCLAIMER = ("sgdocs checks that each requirement is addressed, not how well: this is not a "
              "judgement of compliance.")

CURRENT_GUIDANCE = "Working Together 2023"
Status = Literal["addressed", "placeholder", "empty", "missing", "not applicable"]
_WORST_FIRST: tuple[Status, ...] = ("missing", "empty", "placeholder", "addressed")


@dataclass(frozen=True)
class Assessment:
    """Whether one document addresses one requirement, and where."""

    requirement: Requirement
    status: Status
    where: Location | None = None
    section: str = ""
    """The section the status is about: where it is addressed, or what is missing."""
    anchor: str = ""
    """The id of the heading of that section in the rendered document."""
    reason: str = ""
    """Why the document says the requirement does not apply."""

    def finding(self, document: Path) -> Finding | None:
        """An error for a missing duty, a warning for missing guidance; else nothing."""
        if self.status in ("addressed", "not applicable") or (
                self.requirement.level == "checklist"):
            return None
        severity = Severity.ERROR if self.requirement.level == "must" else Severity.WARNING
        what = {"missing": "is missing", "empty": "is empty",
                "placeholder": "holds a placeholder, not the document's words"}[self.status]
        section, place = self.section, ""
        if section.startswith("partnership."):
            section, place = section.removeprefix("partnership."), " in partnership.yaml"
        hint = (f"add `{section}`{place} to address it" if self.status == "missing" else
                f"write `{section}`{place}" if self.status == "placeholder" else
                f"fill in `{section}`{place}")
        return Finding(self.where or Location(document),
                       f"{self.requirement.id} ({self.requirement.level}, "
                       f"{self.requirement.reference}): `{self.section}` {what}; "
                       f"{_lower_first(self.requirement.summary)}", hint, severity)


def assess(kind: str, document: Document, source: YamlFile, partnership: BaseModel,
           partnership_source: YamlFile, catalogue: Catalogue,
           starter: Path | None = None) -> tuple[list[Assessment], list[Finding]]:
    """How the document stands against each requirement for its kind, and any problem with
    what it says about requirements (`meets`, `not_applicable`); a section left as the
    kind's `starter` wrote it is a placeholder."""
    if written_earlier(document):
        told = Finding(source.where(("written_under",)), "not checked against Working "
                       f"Together 2023: it was written under {document.written_under}",
                       "take out `written_under:` when the document is revised under "
                       "Working Together 2023", Severity.WARNING)
        return [], [told] if catalogue.for_kind(kind) else []
    problems = list(_unknown_ids(document, source, catalogue))
    not_applicable: Mapping[str, str] = getattr(document, "not_applicable", {}) or {}
    declared = dict(_declared_sections(document, source))
    roots = {"": (document, source, starter),
             "partnership": (partnership, partnership_source, PARTNERSHIP_STARTER)}
    assessments = []
    for requirement in catalogue.for_kind(kind):
        if requirement.id in not_applicable:
            if requirement.level == "must":
                problems.append(Finding(source.where(("not_applicable", requirement.id)),
                                        f"{requirement.id} is a statutory duty (must); it "
                                        "cannot be marked not applicable",
                                        "address it in the document"))
            else:
                assessments.append(Assessment(requirement, "not applicable",
                                              source.where(("not_applicable", requirement.id)),
                                              reason=not_applicable[requirement.id]))
                continue
        if requirement.id in declared:
            where, title, anchor = declared[requirement.id]
            assessments.append(Assessment(requirement, "addressed", where, title, anchor))
            continue
        assessments.append(_assess_paths(requirement, requirement.addressed_by[kind], roots))
    return assessments, problems


Roots = dict[str, tuple[BaseModel, YamlFile, Path | None]]
"""Where paths start: the document, or (`partnership.`) its partnership; with the file each
was read from and the starter it began as."""


def written_earlier(document: Document) -> bool:
    """Whether the document was written under guidance before Working Together 2023."""
    return document.written_under != CURRENT_GUIDANCE


def _assess_paths(requirement: Requirement, paths: list[str], roots: Roots) -> Assessment:
    results = [_status(path, roots) for path in paths]
    for status in _WORST_FIRST:
        for result_status, where, path in results:
            if result_status == status:
                return Assessment(requirement, status, where, path, path.split(".")[0])
    raise AssertionError("every requirement names at least one section")


def _status(path: str, roots: Roots) -> tuple[Status, Location | None, str]:
    parts = path.split(".")
    root = "partnership" if parts[0] == "partnership" else ""
    model, source, starter = roots[root]
    keys = parts[1:] if root else parts
    statuses = list(_walk(model, tuple(keys), (), source, starter))
    for status in _WORST_FIRST:
        found = [(where, written) for s, where, written in statuses if s == status]
        if found:
            where, written = found[0]
            shown = dotted(((root,) if root else ()) + written)
            return status, where, shown if status != "addressed" else path
    return "missing", None, path


def _walk(value: Any, keys: KeyPath, at: KeyPath, source: YamlFile, starter: Path | None
          ) -> Iterator[tuple[Status, Location | None, KeyPath]]:
    """The status of every value `keys` reaches from `value` (several, through `*`)."""
    if not keys:
        yield _filled(value, at, source, starter)
        return
    key, rest = keys[0], keys[1:]
    if key == "*":
        items = value if isinstance(value, list) else []
        if not items:
            yield _filled(items, at, source, starter)
        for i, item in enumerate(items):
            yield from _walk(item, rest, (*at, i), source, starter)
        return
    inner = getattr(value, str(key), None) if isinstance(value, BaseModel) else None
    if inner is None:
        yield _filled(None, (*at, key), source, starter)
        return
    yield from _walk(inner, rest, (*at, key), source, starter)


def _filled(value: Any, at: KeyPath, source: YamlFile, starter: Path | None
            ) -> tuple[Status, Location | None, KeyPath]:
    """Whether the value at `at` is filled in, only stands in for words (a placeholder, or
    the starter's text), and where it stands (or, when it is missing, the group it is
    missing from; a missing top-level section has no line)."""
    written = at in source.locations
    where = source.where(at) if written else (
        source.where(at[:-1]) if len(at) > 1 else Location(source.path))
    if value is None or value == [] or value == {} or (
            isinstance(value, BaseModel) and not value.model_dump(exclude_defaults=True)):
        return ("empty" if written else "missing"), where, at
    words = list(texts(_plain(value), at))
    if words and all(placeholder(text) or from_starter(path, text, starter)
                     for path, text in words):
        return "placeholder", where, at
    return "addressed", where, at


def _plain(value: Any) -> Any:
    """A value as it was written: models as groups of keys, lists as lists."""
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_defaults=True)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _declared_sections(document: BaseModel, source: YamlFile
                       ) -> Iterator[tuple[str, tuple[Location, str, str]]]:
    """Requirements that free-form sections declare they meet (`meets: [id, …]`)."""
    for i, section in enumerate(_free_sections(document)):
        if section.body:
            for requirement_id in section.meets:
                yield requirement_id, (source.where(("sections", i)), section.title,
                                       own_anchor(i))


def _unknown_ids(document: BaseModel, source: YamlFile, catalogue: Catalogue
                 ) -> Iterator[Finding]:
    known = catalogue.ids()
    named: list[tuple[KeyPath, str]] = [(("not_applicable", key), key) for key in
                                        (getattr(document, "not_applicable", None) or {})]
    for i, section in enumerate(_free_sections(document)):
        named += [(("sections", i, "meets", j), rid) for j, rid in enumerate(section.meets)]
    for at, requirement_id in named:
        if requirement_id not in known:
            yield Finding(source.where(at), f"`{requirement_id}` is not a requirement in the "
                          "catalogue", did_you_mean(requirement_id, known,
                                                    "`sgdocs requirements` lists them"))


def _free_sections(document: BaseModel) -> list[FreeSection]:
    """The document's own sections, which may say which requirements they meet."""
    return [s for s in getattr(document, "sections", None) or [] if isinstance(s, FreeSection)]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def summary_rows(assessments: Iterable[Assessment]) -> list[dict[str, str]]:
    """The assessments as plain rows, for tables and JSON."""
    return [{"id": a.requirement.id, "level": a.requirement.level,
             "confidence": a.requirement.confidence, "reference": str(a.requirement.reference),
             "summary": a.requirement.summary, "status": a.status, "section": a.section,
             "where": str(a.where) if a.where else "", "reason": a.reason}
            for a in assessments]

