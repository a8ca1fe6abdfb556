"""Loading content: each file read (`read.documents`), then checked (`check.content`), one
file at a time within its bounds, so that a file that fails never stops the others."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from sgdocs.bounds import Exhausted, bounded
from sgdocs.check.content import check_content
from sgdocs.errors import ContentError, Finding, Location, Severity, fault, has_errors
from sgdocs.kinds import find_kind
from sgdocs.read.documents import LoadedDocument, read_document
from sgdocs.read.partnership import content_root
from sgdocs.read.yamlsource import YamlFile, read_yaml


def load_document(path: Path, _referring: tuple[Path, ...] = (), *,
                  source: YamlFile | None = None) -> LoadedDocument:
    """Read and check one content file, with any documents it refers to; raises
    ContentError with every problem when any is an error.

    `_referring` is the chain of documents that led here, to refuse reference cycles;
    `source` is the file's values if already read (and changed: a mail-merge row's).
    """
    document, findings = read_document(path, _referring, load_document, source=source)
    document, problems = check_content(document)
    findings += problems
    if has_errors(findings):
        raise ContentError(findings)
    return replace(document, warnings=tuple(findings))


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
    root = content_root(path.parent)
    try:
        kind = find_kind(str(data.get("kind")), root) if isinstance(data, dict) else None
    except ContentError:  # the kind's own definition has problems, reported with the file
        return
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
