"""The statutory requirement catalogue, and whether a document addresses each requirement.

The catalogue is data (`catalogue/wt2023.yaml`), read and checked like any content file, and a
partnership may correct or extend it with a `requirements.yaml` in its content root. For a
document, each requirement that applies to its kind is *addressed* (every section it needs is
filled in), *empty* (a section is there but blank), *missing*, or *not applicable* (the
document says why). This tests presence, never quality: sgdocs does not judge compliance.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from sgdocs.check.shapes import ANYTHING, Fields, ListOf, Shape, shape_of
from sgdocs.errors import ContentError, Finding, Location, Severity, did_you_mean
from sgdocs.kinds import get_kind, kind_names
from sgdocs.read.discovery import REQUIREMENTS_FILE
from sgdocs.read.partnership import Partnership
from sgdocs.read.paths import PACKAGE
from sgdocs.read.schema import FreeSection, Issue, Model, Text
from sgdocs.read.validation import dotted, validate
from sgdocs.read.yamlsource import KeyPath, YamlFile, read_yaml

CATALOGUE = PACKAGE / "catalogue" / "wt2023.yaml"
LOCAL_FILENAME = REQUIREMENTS_FILE
EDITION = "WT2023"
DISCLAIMER = ("sgdocs checks that each requirement is addressed, not how well: this is not a "
              "judgement of compliance.")

Status = Literal["addressed", "empty", "missing", "not applicable"]
_WORST_FIRST: tuple[Status, ...] = ("missing", "empty", "addressed")


class Reference(Model):
    edition: Text = EDITION
    """The edition of the guidance, e.g. WT2023."""
    chapter: int | None = None
    """The chapter number."""
    section: Text
    """The section heading the requirement sits under."""
    paragraph: Text | None = None
    """A paragraph number, only where it has been confirmed against the guidance."""

    def __str__(self) -> str:
        parts = [self.edition + (f" ch. {self.chapter}" if self.chapter else ""), self.section]
        if self.paragraph:
            parts.append(f"para. {self.paragraph}")
        return ", ".join(parts)


class Requirement(Model):
    id: Text = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """A short identifier, e.g. arr_escalation (lower case, digits and underscores)."""
    summary: Text
    """What the requirement asks for, in a sentence."""
    level: Literal["must", "should", "checklist"]
    """must: a statutory duty (an error when missing); should: statutory guidance (a
    warning); checklist: shown for the record only."""
    confidence: Literal["confirmed", "likely", "unconfirmed"]
    """How sure we are of the requirement and its reference."""
    reference: Reference
    """Where the guidance says it."""
    note: Text | None = None
    """Anything a reader should know about the requirement or its source."""
    addressed_by: dict[str, list[Text]] = {}
    """For each document kind, the sections that must be filled in to address it."""

    @field_validator("addressed_by")
    @classmethod
    def _known_kinds(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        kinds = kind_names()
        for kind in value:
            if kind not in kinds:
                raise ValueError(f"`{kind}` is not a document kind ("
                                 f"{did_you_mean(kind, kinds)})")
        return value


class Catalogue(Model):
    requirements: list[Requirement]
    """The requirements, in the order documents list them."""

    def issues(self) -> Iterator[Issue]:
        seen: set[str] = set()
        for i, requirement in enumerate(self.requirements):
            if requirement.id in seen:
                yield Issue(("requirements", i, "id"), f"`{requirement.id}` is listed twice")
            seen.add(requirement.id)

    def for_kind(self, kind: str) -> list[Requirement]:
        return [r for r in self.requirements if kind in r.addressed_by]

    def ids(self) -> list[str]:
        return [r.id for r in self.requirements]


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
        what = "is missing" if self.status == "missing" else "is empty"
        section, place = self.section, ""
        if section.startswith("partnership."):
            section, place = section.removeprefix("partnership."), " in partnership.yaml"
        hint = (f"add `{section}`{place} to address it" if self.status == "missing" else
                f"fill in `{section}`{place}")
        return Finding(self.where or Location(document),
                       f"{self.requirement.id} ({self.requirement.level}, "
                       f"{self.requirement.reference}): `{self.section}` {what}; "
                       f"{_lower_first(self.requirement.summary)}", hint, severity)


@functools.cache
def _document_shape(kind: str) -> Fields:
    shape = shape_of(get_kind(kind).model, f"{kind} content")
    shape.names["partnership"] = shape_of(Partnership, "the partnership")
    return shape


def _path_problem(shape: Shape, path: str) -> str:
    for part in path.split("."):
        if isinstance(shape, ListOf) and part == "*":
            shape = shape.item
        elif isinstance(shape, Fields) and part in shape.names:
            shape = shape.names[part]
        elif isinstance(shape, Fields):
            return f"{shape.label} has no section `{part}` ({did_you_mean(part, shape.names)})"
        elif shape is ANYTHING or part != "*":
            return f"cannot go inside `{part}`"
    return ""


def load_catalogue(root: Path | None = None) -> Catalogue:
    """The shipped catalogue, with the requirements.yaml in the content root `root` merged
    in if there is one."""
    local = root / LOCAL_FILENAME if root else None
    if local and local.is_file():
        return _catalogue(local, local.read_bytes())
    return _catalogue(None, b"")


@functools.lru_cache(maxsize=16)
def _catalogue(local: Path | None, local_bytes: bytes) -> Catalogue:
    """Read once per process for each distinct local file (keyed by its bytes). The
    sections a local file names are checked against their kinds; the shipped catalogue's
    are checked when sgdocs is tested, so a check need not load every kind."""
    layers = [read_yaml(CATALOGUE)] + ([read_yaml(local)] if local else [])
    merged = _merge_by_id(layers)
    catalogue, findings = validate(Catalogue, merged, what="requirements")
    if catalogue is not None and local and not any(f.is_error for f in findings):
        findings += section_problems(catalogue, merged, local)
    if catalogue is None or any(f.is_error for f in findings):
        raise ContentError(findings)
    return catalogue


def section_problems(catalogue: Catalogue, source: YamlFile, written_in: Path | None = None
                     ) -> list[Finding]:
    """Sections the requirements name that their kinds do not have; only those written in
    the file `written_in`, if given."""
    found = []
    for i, requirement in enumerate(catalogue.requirements):
        for kind, paths in requirement.addressed_by.items():
            for j, path in enumerate(paths):
                where = source.where(("requirements", i, "addressed_by", kind, j))
                if written_in and where.file != written_in:
                    continue
                problem = _path_problem(_document_shape(kind), path)
                if problem:
                    found.append(Finding(where, f"`{path}`: {problem}",
                                         f"`sgdocs schema {kind}` lists the sections"))
    return found


def shipped_section_problems() -> list[Finding]:
    """section_problems of the catalogue sgdocs ships, for its tests."""
    source = _merge_by_id([read_yaml(CATALOGUE)])
    return section_problems(load_catalogue(), source)


def _merge_by_id(layers: list[YamlFile]) -> YamlFile:
    """Requirements from every layer; a later entry with a known id changes its fields."""
    merged: list[dict[str, Any]] = []
    locations: dict[KeyPath, Location] = {}
    for layer in layers:
        entries = layer.data.get("requirements") if isinstance(layer.data, dict) else None
        if not isinstance(entries, list):
            raise ContentError([Finding(layer.where(("requirements",)), "a requirements file "
                                        "holds a list under `requirements:`",
                                        "see catalogue entries in `sgdocs requirements`")])
        index = {entry.get("id"): i for i, entry in enumerate(merged)}
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise ContentError([Finding(layer.where(("requirements", i)),
                                            "each requirement is a group of keys")])
            position = index.get(entry.get("id"), len(merged))
            if position == len(merged):
                merged.append({})
            merged[position] = {**merged[position], **entry}
            locations[("requirements", position)] = layer.where(("requirements", i))
            for key_path, location in layer.locations.items():
                if key_path[:2] == ("requirements", i) and len(key_path) > 2:
                    locations[("requirements", position, *key_path[2:])] = location
    locations[("requirements",)] = layers[-1].where(("requirements",))
    return YamlFile(layers[-1].path, {"requirements": merged}, locations)


def assess(kind: str, document: BaseModel, source: YamlFile, partnership: BaseModel,
           partnership_source: YamlFile, catalogue: Catalogue) -> tuple[list[Assessment],
                                                                        list[Finding]]:
    """How the document stands against each requirement for its kind, and any problem with
    what it says about requirements (`meets`, `not_applicable`)."""
    problems = list(_unknown_ids(document, source, catalogue))
    not_applicable: Mapping[str, str] = getattr(document, "not_applicable", {}) or {}
    declared = dict(_declared_sections(document, source))
    roots = {"": (document, source), "partnership": (partnership, partnership_source)}
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


def _assess_paths(requirement: Requirement, paths: list[str],
                  roots: dict[str, tuple[BaseModel, YamlFile]]) -> Assessment:
    results = [_status(path, roots) for path in paths]
    for status in _WORST_FIRST:
        for result_status, where, path in results:
            if result_status == status:
                return Assessment(requirement, status, where, path, path.split(".")[0])
    raise AssertionError("every requirement names at least one section")


def _status(path: str, roots: dict[str, tuple[BaseModel, YamlFile]]
            ) -> tuple[Status, Location | None, str]:
    parts = path.split(".")
    root = "partnership" if parts[0] == "partnership" else ""
    model, source = roots[root]
    keys = parts[1:] if root else parts
    statuses = list(_walk(model, tuple(keys), (), source))
    for status in _WORST_FIRST:
        found = [(where, written) for s, where, written in statuses if s == status]
        if found:
            where, written = found[0]
            shown = dotted(((root,) if root else ()) + written)
            return status, where, shown if status != "addressed" else path
    return "missing", None, path


def _walk(value: Any, keys: KeyPath, at: KeyPath, source: YamlFile
          ) -> Iterator[tuple[Status, Location | None, KeyPath]]:
    """The status of every value `keys` reaches from `value` (several, through `*`)."""
    if not keys:
        yield _filled(value, at, source)
        return
    key, rest = keys[0], keys[1:]
    if key == "*":
        items = value if isinstance(value, list) else []
        if not items:
            yield _filled(items, at, source)
        for i, item in enumerate(items):
            yield from _walk(item, rest, (*at, i), source)
        return
    inner = getattr(value, str(key), None) if isinstance(value, BaseModel) else None
    if inner is None:
        yield _filled(None, (*at, key), source)
        return
    yield from _walk(inner, rest, (*at, key), source)


def _filled(value: Any, at: KeyPath, source: YamlFile) -> tuple[Status, Location | None,
                                                                KeyPath]:
    """Whether the value at `at` is filled in, and where it stands (or, when it is missing,
    the group it is missing from; a missing top-level section has no line)."""
    written = at in source.locations
    where = source.where(at) if written else (
        source.where(at[:-1]) if len(at) > 1 else Location(source.path))
    if value is None or value == [] or value == {} or (
            isinstance(value, BaseModel) and not value.model_dump(exclude_defaults=True)):
        return ("empty" if written else "missing"), where, at
    return "addressed", where, at


def _declared_sections(document: BaseModel, source: YamlFile
                       ) -> Iterator[tuple[str, tuple[Location, str, str]]]:
    """Requirements that free-form sections declare they meet (`meets: [id, …]`)."""
    for i, section in enumerate(_free_sections(document)):
        if section.body:
            for requirement_id in section.meets:
                yield requirement_id, (source.where(("sections", i)), section.title,
                                       free_section_anchor(i))


def free_section_anchor(index: int) -> str:
    """The heading id of the document's own section at `index` (a valid Word bookmark)."""
    return f"section_{index + 1}"


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

