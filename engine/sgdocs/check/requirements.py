"""Whether a document addresses each statutory requirement for its kind.

The catalogue (`check.catalogue`) says which sections of each kind address which, and what a
section must say (`check.evidence`). For a document, each requirement that applies to its
kind is *addressed* (a sentence that says something speaks to each of its parts, or its
sections of lists and figures are filled in), *partly* (some parts, partners or entries and
not others), *placeholder* ("TBC", or the starter's words), *empty* (there but blank),
*missing*, or *not applicable* (the document says why). It weighs what is said, never
whether it is good enough: sgdocs does not judge compliance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from sgdocs.check.catalogue import ANYWHERE, Catalogue, Requirement, document_shape
from sgdocs.check.evidence import sentences, weigh
from sgdocs.check.placeholders import from_starter, placeholder, prose
from sgdocs.errors import Finding, Location, Severity, did_you_mean
from sgdocs.kinds import PARTNERSHIP_STARTER
from sgdocs.read.order import own_anchor
from sgdocs.read.partnership import unsigned_partners
from sgdocs.read.schema import Document, FreeSection
from sgdocs.read.shapes import Fields, Leaf, ListOf, Shape
from sgdocs.read.validation import dotted
from sgdocs.read.yamlsource import KeyPath, YamlFile, texts

DISCLAIMER = ("sgdocs checks what the document says on each requirement, not whether it is "
              "good enough: this is not a judgement of compliance.")

CURRENT_GUIDANCE = "Working Together 2023"
Status = Literal["addressed", "partly", "placeholder", "empty", "missing", "not applicable"]
_WORST_FIRST: tuple[Status, ...] = ("missing", "empty", "placeholder", "partly", "addressed")


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
    quotes: tuple[str, ...] = ()
    """The sentences relied on, one for each part of the requirement they say."""
    places: tuple[str, ...] = ()
    """Where each quote stands in a published report ("page 4, under “Voice”")."""
    unsaid: tuple[str, ...] = ()
    """The parts of the requirement nothing in the section says."""
    whole: bool = False
    """Weighed on the whole document's text, not sections of its own."""

    def finding(self, document: Path) -> Finding | None:
        """An error for a missing duty, a warning for missing guidance; else nothing."""
        if self.status in ("addressed", "not applicable") or (
                self.requirement.level == "checklist"):
            return None
        severity = Severity.ERROR if self.requirement.level == "must" else Severity.WARNING
        unsaid = "; ".join(self.unsaid)
        what = {"missing": f"says nothing on {unsaid}" if self.unsaid else "is missing",
                "partly": f"says nothing on {unsaid}" if self.quotes
                else f"is there in part: not yet {unsaid}", "empty": "is empty",
                "placeholder": "holds only placeholders and starter text" if self.whole
                else "holds a placeholder, not the document's words"}[self.status]
        section, place = self.section, ""
        subject = "the document" if self.whole or section == ANYWHERE else f"`{section}`"
        if section.startswith("partnership."):
            section, place = section.removeprefix("partnership."), " in partnership.yaml"
        hint = ("say it where it belongs, in a sentence of its own" if subject == "the document"
                else f"say it in `{section}`, in a sentence of its own" if self.quotes else
                f"add what is not yet there to `{section}`{place}" if self.unsaid else
                f"add `{section}`{place} to address it" if self.status == "missing" else
                f"write `{section}`{place}" if self.status == "placeholder" else
                f"fill in `{section}`{place}")
        return Finding(self.where or Location(document),
                       f"{self.requirement.id} ({self.requirement.level}, "
                       f"{self.requirement.reference}): {subject} {what}; "
                       f"{_lower_first(self.requirement.summary)}", hint, severity)


def assess(kind: str, document: Document, source: YamlFile, partnership: BaseModel,
           partnership_source: YamlFile, catalogue: Catalogue,
           starter: Path | None = None, root: Path | None = None
           ) -> tuple[list[Assessment], list[Finding]]:
    """How the document stands against each requirement for its kind, and any problem with
    what it says about requirements (`meets`, `not_applicable`); a section left as the
    kind's `starter` wrote it is a placeholder. A requirement with parts is weighed on what
    its sections say (`evidence`); `root` is the content root, for a partnership's kinds."""
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
    wording = _Wording.of(document, source, starter)
    shape = document_shape(kind, root)
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
        if requirement.evidence:
            assessments.append(_weigh(requirement, requirement.addressed_by[kind], roots,
                                      shape, wording))
            continue
        if requirement.id in declared:
            where, title, anchor = declared[requirement.id]
            assessments.append(Assessment(requirement, "addressed", where, title, anchor))
            continue
        assessments.append(_assess_paths(requirement, requirement.addressed_by[kind], roots))
    return assessments, problems


@dataclass(frozen=True)
class _Wording:
    """What a document says, read once for all its requirements: each text where it stands,
    whether it only stands in for words, and where its prose is."""

    texts: tuple[tuple[KeyPath, str, bool], ...]
    prose: frozenset[KeyPath]

    @classmethod
    def of(cls, document: Document, source: YamlFile, starter: Path | None) -> _Wording:
        return cls(tuple((at, text, placeholder(text) or from_starter(at, text, starter))
                         for at, text in texts(source.data)), frozenset(prose(document)))


def _weigh(requirement: Requirement, paths: list[str], roots: Roots, shape: Fields,
           wording: _Wording) -> Assessment:
    """A requirement with parts: its sections of prose (any of them, and the document's own
    sections that say they meet it) weighed on what they say; its other sections must be
    filled in, as without parts."""
    document, source, _ = roots[""]
    written = [path for path in paths if path == ANYWHERE or _prose(shape, path)]
    other = _assess_paths(requirement, [p for p in paths if p not in written], roots) \
        if len(written) < len(paths) else None
    if other is not None and (other.status != "addressed" or not written):
        return other  # sections of lists and figures are weighed by being filled in
    anywhere = ANYWHERE in written
    claimed = [entry for entry in wording.texts if _meets(document, entry[0], requirement.id)]
    held = claimed + [entry for entry in wording.texts if entry not in claimed and (
        (anywhere and entry[0] in wording.prose) or any(_under(entry[0], path)
                                                        for path in written))]
    passages = [(at, text) for at, text, stands_in in held if not stands_in]
    if not passages:
        named = [path for path in written if path != ANYWHERE]
        return (_assess_paths(requirement, named, roots) if named else
                Assessment(requirement, "placeholder" if held else "missing",
                           Location(source.path), ANYWHERE, whole=True))
    weighed = weigh(requirement.evidence, sentences(passages))
    if not weighed.quotes:  # nothing said: the sections as the requirement names them
        named = [path for path in written if path != ANYWHERE]
        return Assessment(requirement, "missing", source.where((named[0].split(".")[0],))
                          if named else Location(source.path),
                          named[0] if named else ANYWHERE, unsaid=weighed.unsaid,
                          whole=ANYWHERE in written)
    at = weighed.quotes[0].at
    section, anchor = _section(document, at)
    return Assessment(requirement, "addressed" if not weighed.unsaid else "partly",
                      source.where(at), section, anchor,
                      quotes=tuple(quote.text for quote in weighed.quotes),
                      unsaid=weighed.unsaid, whole=ANYWHERE in written)


def judge(requirement: Requirement, text: str) -> Status:
    """What the check makes of one section holding `text`, for measuring it against a
    careful reader."""
    if placeholder(text):
        return "placeholder"
    weighed = weigh(requirement.evidence, sentences([((), text)]))
    return "missing" if not weighed.quotes else "addressed" if not weighed.unsaid else "partly"


def _prose(shape: Fields, path: str) -> bool:
    """Whether the section at `path` is prose (rich text), to be weighed on what it says."""
    found: Shape = shape
    for part in path.split("."):
        if isinstance(found, ListOf) and part == "*":
            found = found.item
        elif isinstance(found, Fields) and part in found.names:
            found = found.names[part]
        else:
            return False
    return isinstance(found, Leaf) and found.kind in ("block", "inline")


def _under(at: KeyPath, path: str) -> bool:
    """Whether the value at `at` is inside the section `path` (`*` any entry of a list)."""
    parts = path.split(".")
    return len(at) >= len(parts) and all(
        isinstance(key, int) if part == "*" else str(key) == part
        for part, key in zip(parts, at, strict=False))


def _meets(document: BaseModel, at: KeyPath, requirement_id: str) -> bool:
    """Whether `at` is the body of one of the document's own sections that says it meets
    the requirement."""
    own = _free_sections(document)
    return (len(at) == 3 and at[0] == "sections" and at[2] == "body" and isinstance(at[1], int)
            and at[1] < len(own) and requirement_id in own[at[1]].meets)


def _section(document: BaseModel, at: KeyPath) -> tuple[str, str]:
    """The section a passage at `at` is in, and its heading's anchor."""
    own = _free_sections(document)
    if at[:1] == ("sections",) and len(at) > 1 and isinstance(at[1], int) and at[1] < len(own):
        return own[at[1]].title, own_anchor(at[1])
    return dotted(tuple(key for key in at if not isinstance(key, int))), str(at[0])


Roots = dict[str, tuple[BaseModel, YamlFile, Path | None]]
"""Where paths start: the document, or (`partnership.`) its partnership; with the file each
was read from and the starter it began as."""


def written_earlier(document: Document) -> bool:
    """Whether the document was written under guidance before Working Together 2023."""
    return document.written_under != CURRENT_GUIDANCE


def _assess_paths(requirement: Requirement, paths: list[str], roots: Roots) -> Assessment:
    """A requirement addressed by its sections being filled in, every one of them: in part
    when some entries of a list have what it needs and others not (a delegate named for two
    partners of three), or when the sign-off lacks a partner partnership.yaml lists."""
    results = [(asked, *_status(asked, roots)) for asked in paths]
    for status in _WORST_FIRST:
        for asked, result_status, where, path in results:
            if result_status == status == "partly":
                return Assessment(requirement, status, where, asked.replace(".*", ""),
                                  unsaid=(path,))
            if result_status == status:
                return _signed_by_all(Assessment(requirement, status, where, path,
                                                 path.split(".")[0]), roots)
    raise AssertionError("every requirement names at least one section")


def _signed_by_all(assessment: Assessment, roots: Roots) -> Assessment:
    """A sign-off that is there, but not by every partner partnership.yaml lists, is there
    in part."""
    document, partnership = roots[""][0], roots["partnership"][0]
    if assessment.status != "addressed" or assessment.section != "sign_off":
        return assessment
    unsigned = unsigned_partners(getattr(document, "sign_off", []),
                                 getattr(partnership, "safeguarding_partners", []))
    return replace(assessment, status="partly", unsaid=tuple(
        f"the signature of {organisation}" for organisation in unsigned)) if unsigned \
        else assessment


def _status(path: str, roots: Roots) -> tuple[Status, Location | None, str]:
    parts = path.split(".")
    root = "partnership" if parts[0] == "partnership" else ""
    model, source, starter = roots[root]
    keys = parts[1:] if root else parts
    statuses = list(_walk(model, tuple(keys), (), source, starter))
    if "*" in keys and any(s == "addressed" for s, _, _ in statuses) and any(
            s != "addressed" for s, _, _ in statuses):
        where, written = next((where, written) for s, where, written in statuses
                              if s != "addressed")
        return "partly", where, _entry(model, written)
    for status in _WORST_FIRST:
        found = [(where, written) for s, where, written in statuses if s == status]
        if found:
            where, written = found[0]
            shown = dotted(((root,) if root else ()) + written)
            return status, where, shown if status != "addressed" else path
    return "missing", None, path


def _entry(model: BaseModel, at: KeyPath) -> str:
    """What is missing from one entry of a list, as a reader names it: "the delegate of NHS
    Eastmoor Integrated Care Board" (or where it stands, for an entry with no name)."""
    place = max(i for i, key in enumerate(at) if isinstance(key, int))
    entry: Any = model
    for key in at[:place + 1]:
        entry = entry[key] if isinstance(key, int) else getattr(entry, str(key), None)
    name = next((getattr(entry, field) for field in ("organisation", "title", "name")
                 if isinstance(getattr(entry, field, None), str)), None)
    what = " ".join(str(key).replace("_", " ") for key in at[place + 1:])
    return f"the {what} of {name}" if name and what else dotted(at)


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


def summary_rows(assessments: Iterable[Assessment]) -> list[dict[str, Any]]:
    """The assessments as plain rows, for tables and JSON."""
    return [{"id": a.requirement.id, "level": a.requirement.level,
             "confidence": a.requirement.confidence, "reference": str(a.requirement.reference),
             "summary": a.requirement.summary, "status": a.status, "section": a.section,
             "where": str(a.where) if a.where else "", "reason": a.reason,
             "quotes": list(a.quotes), "not_yet": list(a.unsaid),
             **({"places": list(a.places)} if a.places else {})}
            for a in assessments]

