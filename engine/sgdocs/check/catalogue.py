"""The statutory requirement catalogue: the requirements (`catalogue/wt2023.yaml`), each
kind's say of which of its sections address which (`kinds/<kind>/requirements.yaml`), and a
partnership's corrections and additions (a `requirements.yaml` in its content root), read and
checked like any content file."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from sgdocs.check.evidence import Part
from sgdocs.errors import ContentError, Finding, Location, did_you_mean
from sgdocs.kinds import get_kind, kind_folder, kind_names, shipped_names
from sgdocs.kinds.declared import FILENAME as DECLARATION
from sgdocs.kinds.declared import declared_names, kinds_folder
from sgdocs.read.discovery import REQUIREMENTS_FILE
from sgdocs.read.partnership import Partnership
from sgdocs.read.paths import PACKAGE
from sgdocs.read.schema import Issue, Model, Text
from sgdocs.read.shapes import Fields, Leaf, ListOf, Shape, shape_of
from sgdocs.read.validation import validate
from sgdocs.read.yamlsource import KeyPath, YamlFile, read_yaml

CATALOGUE = PACKAGE / "catalogue" / "wt2023.yaml"
LOCAL_FILENAME = REQUIREMENTS_FILE
EDITION = "WT2023"


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
    """For each document kind, the sections that address it (`text`: anywhere in the
    document's prose)."""
    evidence: list[Part] = []
    """What a section must say to address it, part by part: for each, the words a sentence
    on it uses. Without parts, a section addresses it by being filled in."""
    headings: list[Text] = []
    """Words a report's own heading for a section given to it uses, e.g. [effective*, how
    well], so that `sgdocs assess` finds the section in a report sgdocs did not write."""

    @field_validator("addressed_by")
    @classmethod
    def _known_kinds(cls, value: dict[str, list[str]], info: ValidationInfo
                     ) -> dict[str, list[str]]:
        kinds = (info.context or {}).get("kinds") or kind_names()
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


def document_shape(kind: str, root: Path | None = None) -> Fields:
    """The fields of a document of `kind`, with its partnership's."""
    if kind in shipped_names():
        return _shipped_shape(kind)
    shape = shape_of(get_kind(kind, root).model, f"{kind} content")
    shape.names["partnership"] = shape_of(Partnership, "the partnership")
    return shape


@functools.cache
def _shipped_shape(kind: str) -> Fields:
    shape = shape_of(get_kind(kind).model, f"{kind} content")
    shape.names["partnership"] = shape_of(Partnership, "the partnership")
    return shape


ANYWHERE = "text"
"""A section path meaning anywhere in the document's prose."""


def _path_problem(shape: Shape, path: str) -> str:
    if path == ANYWHERE:
        return ""
    for part in path.split("."):
        if isinstance(shape, ListOf) and part == "*":
            shape = shape.item
        elif isinstance(shape, Fields) and part in shape.names:
            shape = shape.names[part]
        elif isinstance(shape, Fields):
            return f"{shape.label} has no section `{part}` ({did_you_mean(part, shape.names)})"
        elif isinstance(shape, Leaf) or part != "*":
            return f"cannot go inside `{part}`"
    return ""


def load_catalogue(root: Path | None = None) -> Catalogue:
    """The shipped catalogue, with the requirements.yaml in the content root `root` merged
    in if there is one, and what the partnership's own kinds there address."""
    local = root / LOCAL_FILENAME if root else None
    written = local.read_bytes() if local and local.is_file() else None
    declared = tuple((name, (kinds_folder(root) / name / DECLARATION).stat().st_mtime_ns)
                     for name in declared_names(root)) if root else ()
    return _catalogue(root, written, declared)


@functools.lru_cache(maxsize=16)
def _catalogue(root: Path | None, local_bytes: bytes | None,
               declared: tuple[tuple[str, int], ...]) -> Catalogue:
    """Read once per process for each distinct local file (keyed by its bytes) and version
    of the partnership's own kinds. The sections those name are checked against their
    kinds; the shipped catalogue's are checked when sgdocs is tested, so a check need not
    load every kind."""
    local = root / LOCAL_FILENAME if root and local_bytes is not None else None
    own = [_declared_layer(root, [name for name, _ in declared])] if root and declared else []
    layers = [read_yaml(CATALOGUE), _kinds_layer(), *own] + ([read_yaml(local)] if local
                                                               else [])
    merged = _merge_by_id(layers)
    unknown = _unknown_mapped(merged)
    if unknown:
        raise ContentError(unknown)
    catalogue, findings = validate(Catalogue, merged, what="requirements",
                                   context={"kinds": kind_names(root)})
    written_in = {*(kinds_folder(root) / name / DECLARATION for name, _ in declared),
                  *([local] if local else [])} if root else set()
    if catalogue is not None and written_in and not any(f.is_error for f in findings):
        findings += section_problems(catalogue, merged, written_in, root)
    if catalogue is None or any(f.is_error for f in findings):
        raise ContentError(findings)
    return catalogue


def section_problems(catalogue: Catalogue, source: YamlFile,
                     written_in: Collection[Path] = (), root: Path | None = None
                     ) -> list[Finding]:
    """Sections the requirements name that their kinds do not have; only those written in
    the files `written_in`, if any are given."""
    found = []
    for i, requirement in enumerate(catalogue.requirements):
        for kind, paths in requirement.addressed_by.items():
            for j, path in enumerate(paths):
                where = source.where(("requirements", i, "addressed_by", kind, j))
                if written_in and where.file not in written_in:
                    continue
                problem = _path_problem(document_shape(kind, root), path)
                if problem:
                    found.append(Finding(where, f"`{path}`: {problem}",
                                         f"`sgdocs schema {kind}` lists the sections"))
    return found


def shipped_section_problems() -> list[Finding]:
    """section_problems of the catalogue sgdocs ships, for its tests."""
    source = _merge_by_id([read_yaml(CATALOGUE), _kinds_layer()])
    return section_problems(load_catalogue(), source)


MAPPING_FILE = "requirements.yaml"


def _declared_layer(root: Path, names: list[str]) -> YamlFile:
    """What the partnership's own kinds say their fields address (`addresses:` in each
    kind.yaml), as catalogue entries that give only `addressed_by`, each at its line."""
    mapped: dict[str, dict[str, list[tuple[str, Location]]]] = {}
    path = root
    for name in names:
        source = read_yaml(kinds_folder(root) / name / DECLARATION)
        path = source.path
        fields = source.data.get("fields") if isinstance(source.data, dict) else None
        for field, declared in (fields or {}).items():
            ids = declared.get("addresses") if isinstance(declared, dict) else None
            for j, requirement in enumerate(ids if isinstance(ids, list) else []):
                mapped.setdefault(str(requirement), {}).setdefault(name, []).append(
                    (field, source.where(("fields", field, "addresses", j))))
    entries: list[dict[str, Any]] = []
    locations: dict[KeyPath, Location] = {}
    for requirement, kinds in mapped.items():
        at = ("requirements", len(entries))
        entries.append({"id": requirement, "addressed_by": {
            kind: [field for field, _ in fields] for kind, fields in kinds.items()}})
        first = next(iter(kinds.values()))[0][1]
        locations[at] = locations[(*at, "id")] = locations[(*at, "addressed_by")] = first
        for kind, fields in kinds.items():
            for j, (_, where) in enumerate(fields):
                locations[(*at, "addressed_by", kind, j)] = where
    return YamlFile(path, {"requirements": entries}, locations)


def _unknown_mapped(merged: YamlFile) -> list[Finding]:
    """Ids a kind maps sections to that no catalogue defines (an entry with no summary)."""
    entries = merged.data["requirements"]
    known = [entry.get("id") for entry in entries if "summary" in entry]
    return [Finding(merged.where(("requirements", i)), f"`{entry.get('id')}` is not a "
                    "requirement in the catalogue", did_you_mean(str(entry.get("id")), known))
            for i, entry in enumerate(entries)
            if "summary" not in entry and set(entry) == {"id", "addressed_by"}]


def _kinds_layer() -> YamlFile:
    """Each kind's `requirements.yaml` (requirement id → the sections addressing it), as
    catalogue entries that give only `addressed_by`, each entry at its line in its file."""
    entries: list[dict[str, Any]] = []
    locations: dict[KeyPath, Location] = {}
    for kind in shipped_names():
        path = kind_folder(kind) / MAPPING_FILE
        if not path.is_file():
            continue
        mapping = read_yaml(path)
        if not isinstance(mapping.data, dict):
            raise ContentError([Finding(mapping.where(), "a kind's requirements.yaml maps each "
                                        "requirement id to a list of sections",
                                        "e.g. `is_voice: [key_questions]`")])
        for requirement, sections in mapping.data.items():
            at = ("requirements", len(entries))
            entries.append({"id": requirement, "addressed_by": {kind: sections}})
            locations[at] = locations[(*at, "id")] = mapping.where((requirement,))
            locations[(*at, "addressed_by")] = mapping.where((requirement,))
            for key_path, location in mapping.locations.items():
                if key_path[:1] == (requirement,):
                    locations[(*at, "addressed_by", kind, *key_path[1:])] = location
    return YamlFile(CATALOGUE, {"requirements": entries}, locations)


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
            kinds = merged[position].get("addressed_by")
            if isinstance(kinds, dict) and isinstance(entry.get("addressed_by"), dict):
                entry = {**entry, "addressed_by": {**kinds, **entry["addressed_by"]}}
            merged[position] = {**merged[position], **entry}
            locations[("requirements", position)] = layer.where(("requirements", i))
            for key_path, location in layer.locations.items():
                if key_path[:2] == ("requirements", i) and len(key_path) > 2:
                    locations[("requirements", position, *key_path[2:])] = location
    locations[("requirements",)] = layers[-1].where(("requirements",))
    return YamlFile(layers[-1].path, {"requirements": merged}, locations)


