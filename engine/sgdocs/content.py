"""Find content files and load each into a checked, typed document.

A content file is a YAML file with a `kind:` naming a document kind. Loading reads it
(keeping every value's line), finds its partnership, checks it against the kind's schema
and rules, and returns a `LoadedDocument`, or raises ContentError with every problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import partnership
from .accessibility import colour_only_ratings
from .bounds import Exhausted, bounded
from .errors import (
    ContentError,
    Finding,
    Location,
    Severity,
    did_you_mean,
    fault,
    has_errors,
)
from .images import find_images
from .kinds import Kind, find_kind, kind_names
from .partnership import Partnership, Setting
from .paths import PathRefused, resolve_inside
from .personal_data import personal_data
from .requirements import Assessment, assess, load_catalogue
from .schema import CLASSIFICATIONS, Document
from .validation import validate
from .yamlsource import YamlFile, read_yaml

MAX_REFERENCE_DEPTH = 8
MAX_REFERENCES = 200


References = dict[str, "LoadedDocument | list[LoadedDocument]"]


@dataclass(frozen=True)
class LoadedDocument:
    path: Path
    kind: Kind
    model: Document
    setting: Setting
    source: YamlFile
    """The values as read, with their lines: which keys were written, and where."""
    assessments: tuple[Assessment, ...] = ()
    """How the document stands against each statutory requirement for its kind."""
    warnings: tuple[Finding, ...] = ()
    references: References = field(default_factory=dict)
    """The documents this one refers to, by field: a tender's brief, a newsletter's
    articles."""
    row: str | None = None
    """For one of a mail-merge's documents, the name its row gives its outputs."""

    @property
    def requirement_findings(self) -> list[Finding]:
        """Missing duties (errors) and missing guidance (warnings)."""
        return [f for a in self.assessments if (f := a.finding(self.path))]

    @property
    def incomplete(self) -> bool:
        """A statutory duty (a `must`) is missing or empty."""
        return any(f.is_error for f in self.requirement_findings)

    @property
    def classification(self) -> str | None:
        """The highest classification of the document and every document drawn into it:
        a newsletter with an OFFICIAL-SENSITIVE article is OFFICIAL-SENSITIVE."""
        return classification(self.model, self.references)

    @property
    def sensitive(self) -> bool:
        return self.classification == "OFFICIAL-SENSITIVE"

    @property
    def partnership(self) -> Partnership:
        return self.setting.partnership

    @property
    def root(self) -> Path:
        """The content root: the folder holding the top-most partnership.yaml."""
        return self.setting.root

    @property
    def relative_path(self) -> Path:
        """The file's place in the content tree, starting with the content root's name; a
        mail-merge row's is in a folder named after the file (letter/barnsley.yaml)."""
        place = self.path.resolve().relative_to(self.root.parent)
        return place.with_suffix("") / f"{self.row}{place.suffix}" if self.row else place


def drawn_in(references: References) -> Iterator[LoadedDocument]:
    """The documents referred to, and those they refer to in turn."""
    for other in references.values():
        for document in other if isinstance(other, list) else [other]:
            yield document
            yield from drawn_in(document.references)


def classification(model: Document, references: References) -> str | None:
    found = [model.classification, *(other.model.classification
                                      for other in drawn_in(references))]
    return max(found, key=CLASSIFICATIONS.index)


def load_document(path: Path, _referring: tuple[Path, ...] = (), *,
                  source: YamlFile | None = None) -> LoadedDocument:
    """Read, check and type one content file, with any documents it refers to.

    `_referring` is the chain of documents that led here, to refuse reference cycles;
    `source` is the file's values if already read (and changed: a mail-merge row's).
    """
    setting = partnership.find_setting(path.parent)
    source = source or read_yaml(path, setting.root)
    if not isinstance(source.data, dict):
        raise ContentError([Finding(source.where(), "a content file should be a group of keys "
                                    "starting with `kind:`", "`sgdocs new` writes a starter")])
    kind = _kind_of(source.data.get("kind"), source.where(("kind",)))
    model, findings = validate(kind.model, source, what=kind.name)
    if model is None or has_errors(findings):
        raise ContentError(findings)
    references, problems = _load_references(kind, model, source, setting.root,
                                            (*_referring, path.resolve()))
    problems += find_images(model, source, setting.root)
    if not problems:
        problems = [Finding(source.where(issue.at), issue.message, issue.hint, issue.severity)
                    for issue in model.issues_with(models(references))]
    assessments, requirement_problems = assess(kind.name, model, source, setting.partnership,
                                               setting.source, load_catalogue(setting.root))
    problems += requirement_problems + colour_only_ratings(source)
    if classification(model, references) != "OFFICIAL-SENSITIVE":  # for publication
        sources = {other.path: other.source for other in drawn_in(references)}
        problems += personal_data([source, *sources.values()],
                                  setting.partnership.published_contacts)
    if has_errors(problems):
        raise ContentError([*findings, *problems])
    return LoadedDocument(path, kind, model, setting, source, tuple(assessments),
                          tuple(findings + problems), references)


def _load_references(kind: Kind, model: Document, source: YamlFile, root: Path,
                     chain: tuple[Path, ...]) -> tuple[References, list[Finding]]:
    """The documents `model` names in its reference fields (a path, or a list of paths),
    loaded and of the right kind."""
    loaded: References = {}
    problems: list[Finding] = []
    if len(chain) > MAX_REFERENCE_DEPTH:
        return loaded, [Finding(source.where(), f"documents refer to one another more than "
                                f"{MAX_REFERENCE_DEPTH} deep", "refer to the documents "
                                "directly")]
    for name, wanted in kind.references.items():
        written = getattr(model, name)
        if isinstance(written, list):
            if len(written) > MAX_REFERENCES:
                problems.append(Finding(source.where((name,)), f"`{name}` names "
                                        f"{len(written)} files, more than the "
                                        f"{MAX_REFERENCES} a document may use"))
                continue
            found = [_load_one(path, source.where((name, i)), name, wanted, chain, root,
                               problems, label=wanted) for i, path in enumerate(written)]
            loaded[name] = [other for other in found if other is not None]
        elif written is not None:
            other = _load_one(written, source.where((name,)), name, wanted, chain, root,
                              problems)
            if other is not None:
                loaded[name] = other
    return loaded, problems


def _load_one(written: str, where: Location, name: str, wanted: str, chain: tuple[Path, ...],
              root: Path, problems: list[Finding], label: str = "") -> LoadedDocument | None:
    """The document at `written` if it loads and is a `wanted`; else a finding about it.
    `label` names it in messages: the field for one document, the kind for one of a list."""
    label = label or name
    try:
        target = resolve_inside(written, chain[-1].parent, root)
    except PathRefused as exc:
        problems.append(Finding(where, str(exc)))
        return None
    if target in chain:
        problems.append(Finding(where, f"`{written}` refers back to this document",
                                "documents cannot refer to each other in a circle"))
        return None
    if not target.is_file():
        problems.append(Finding(where, f"there is no file `{written}` beside this one",
                                f"`{name}` names the {wanted} this document uses"))
        return None
    try:
        other = load_document(target, chain)
    except ContentError as exc:
        problems.append(Finding(where, f"the {label} `{written}` has problems; they are "
                                "listed with it", "fix them there"))
        problems.extend(exc.findings)
        return None
    if other.kind.name != wanted:
        problems.append(Finding(where, f"`{written}` is a {other.kind.name}, but `{name}` "
                                f"needs a {wanted}"))
        return None
    return other


def models(references: References) -> dict[str, Any]:
    """The referenced documents' content, by field: a model, or a list of them."""
    return {name: [d.model for d in other] if isinstance(other, list) else other.model
            for name, other in references.items()}


def _kind_of(name: object, where: Location) -> Kind:
    if name is None:
        raise ContentError([Finding(where, "the file has no `kind:`",
                                    f"add `kind:` with one of: {', '.join(kind_names())}")])
    kind = find_kind(str(name))
    if kind is None:
        raise ContentError([Finding(where, f"`{name}` is not a document kind",
                                    did_you_mean(str(name), kind_names()))])
    return kind


def load_documents(files: Iterable[Path], used_elsewhere: Iterable[Path] = ()
                   ) -> tuple[list[LoadedDocument], dict[Path, list[Finding]]]:
    """Every file that loads, and the findings for each file that does not; parts in
    `used_elsewhere` are used by documents not loaded this time."""
    documents: list[LoadedDocument] = []
    failures: dict[Path, list[Finding]] = {}
    for path in files:
        try:
            with bounded():
                documents.append(load_document(path))
        except ContentError as exc:
            failures[path] = list(exc.findings)
        except Exhausted as exc:
            failures[path] = [exc.finding(Location(path), "the file was not loaded")]
        except Exception as exc:  # a fault met on one file must not stop the others
            failures[path] = [fault(path, "reading the file", exc)]
    used = {path.resolve() for path in used_elsewhere}
    used.update(named for path in failures for named in _written_references(path))
    return _report_unused_parts(documents, used), failures


def _written_references(path: Path) -> Iterator[Path]:
    """The files a content file names in its reference fields, even when it does not load:
    a newsletter's own problem must not make its articles look unused."""
    try:
        data = read_yaml(path).data
    except ContentError:
        return
    kind = find_kind(str(data.get("kind"))) if isinstance(data, dict) else None
    for name in kind.references if kind else ():
        written = data.get(name)
        for each in written if isinstance(written, list) else [written]:
            if isinstance(each, str):
                yield (path.parent / each).resolve()


def _report_unused_parts(documents: list[LoadedDocument], used: set[Path]
                         ) -> list[LoadedDocument]:
    """Parts (articles) are reached through the documents that use them: warn about a part
    none of the documents loaded with it (nor those in `used`) uses."""
    used = used | {part.path.resolve() for document in documents
                   for other in document.references.values()
                   for part in (other if isinstance(other, list) else [other])}
    return [replace(document, warnings=(*document.warnings, Finding(
        Location(document.path), f"this {document.kind.name} is not used by any document",
        "list it in the document it belongs to (a part is built only through it)",
        Severity.WARNING)))
        if not document.kind.outputs and document.path.resolve() not in used else document
        for document in documents]
