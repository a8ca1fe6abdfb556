"""Reading one content file into a typed document.

A content file is a YAML file with a `kind:` naming a document kind. Reading it keeps every
value's line, finds its partnership, validates it against the kind's fields and rules, and
loads the documents it names; the checks (`check.content`) come after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sgdocs.errors import ContentError, Finding, Location, did_you_mean, has_errors
from sgdocs.kinds import Kind, find_kind, kind_names
from sgdocs.read import partnership
from sgdocs.read.images import find_images
from sgdocs.read.order import order_issues
from sgdocs.read.partnership import Partnership, Setting
from sgdocs.read.paths import PathRefused, resolve_inside
from sgdocs.read.schema import CLASSIFICATIONS, Document
from sgdocs.read.validation import validate
from sgdocs.read.yamlsource import YamlFile, read_yaml

if TYPE_CHECKING:
    from sgdocs.check.requirements import Assessment

MAX_REFERENCE_DEPTH = 8
MAX_REFERENCES = 200


References = dict[str, "LoadedDocument | list[LoadedDocument]"]
Loader = Callable[[Path, tuple[Path, ...]], "LoadedDocument"]
"""How a document named by another is loaded: read and checked (`pipeline.load`)."""


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


def read_document(path: Path, referring: tuple[Path, ...], load: Loader, *,
                  source: YamlFile | None = None) -> tuple[LoadedDocument, list[Finding]]:
    """Read, validate and type one content file, with the documents it names, each loaded
    by `load`; the document, and the findings of reading it (warnings, and errors in what
    it names or its rules).

    `referring` is the chain of documents that led here, to refuse reference cycles;
    `source` is the file's values if already read (and changed: a mail-merge row's).
    """
    setting = partnership.find_setting(path.parent)
    source = source or read_yaml(path, setting.root)
    if not isinstance(source.data, dict):
        raise ContentError([Finding(source.where(), "a content file should be a group of keys "
                                    "starting with `kind:`", "`sgdocs new` writes a starter")])
    kind = _kind_of(source.data.get("kind"), source.where(("kind",)), setting.root)
    model, findings = validate(kind.model, source, what=kind.name)
    if model is None or has_errors(findings):
        raise ContentError(findings)
    references, problems = _load_references(kind, model, source, setting.root,
                                            (*referring, path.resolve()), load)
    problems += find_images(model, source, setting.root)
    if not problems:
        signed = getattr(model, "sign_off", None)  # the partners' (a letter's is words)
        issues = [*model.issues_with(models(references)), *partnership.sign_off_issues(
            signed if isinstance(signed, list) else [],
            setting.partnership.safeguarding_partners), *order_issues(kind.places, model)]
        problems = [Finding(source.where(issue.at), issue.message, issue.hint, issue.severity)
                    for issue in issues]
    document = LoadedDocument(path, kind, model, setting, source, references=references)
    return document, findings + problems


def _load_references(kind: Kind, model: Document, source: YamlFile, root: Path,
                     chain: tuple[Path, ...], load: Loader) -> tuple[References, list[Finding]]:
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
                               problems, load, label=wanted) for i, path in enumerate(written)]
            loaded[name] = [other for other in found if other is not None]
        elif written is not None:
            other = _load_one(written, source.where((name,)), name, wanted, chain, root,
                              problems, load)
            if other is not None:
                loaded[name] = other
    return loaded, problems


def _load_one(written: str, where: Location, name: str, wanted: str, chain: tuple[Path, ...],
              root: Path, problems: list[Finding], load: Loader, label: str = ""
              ) -> LoadedDocument | None:
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
        other = load(target, chain)
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


def _kind_of(name: object, where: Location, root: Path) -> Kind:
    if name is None:
        raise ContentError([Finding(where, "the file has no `kind:`", "add `kind:` with one "
                                    f"of: {', '.join(kind_names(root))}")])
    kind = find_kind(str(name), root)
    if kind is None:
        raise ContentError([Finding(where, f"`{name}` is not a document kind",
                                    did_you_mean(str(name), kind_names(root)))])
    return kind
