"""Where an output came from, recorded in its metadata so anyone holding the file can trace
it: the engine's version, the content file and its hash, every source file's combined hash,
the template and its hash, and the document's security classification.

The content hash is the plain SHA-256 of the document's own file (`sha256sum` gives the
same); the sources hash also covers what the document draws in: the partnership files, the
documents it refers to, its pictures and a local requirements file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sgdocs import __version__
from sgdocs.check.catalogue import LOCAL_FILENAME
from sgdocs.read.documents import LoadedDocument, drawn_in
from sgdocs.read.paths import shipped_templates
from sgdocs.read.schema import Image, parts


@dataclass(frozen=True)
class Provenance:
    engine: str
    content_file: str
    content_sha256: str
    sources_sha256: str
    template_file: str | None
    template_sha256: str | None
    classification: str | None

    def properties(self) -> dict[str, str]:
        """The metadata entries, by name; every format uses these names."""
        entries = {
            "Classification": self.classification,
            "Engine": self.engine,
            "ContentFile": self.content_file,
            "ContentSHA256": self.content_sha256,
            "SourcesSHA256": self.sources_sha256,
            "TemplateFile": self.template_file,
            "TemplateSHA256": self.template_sha256,
        }
        return {name: value for name, value in entries.items() if value is not None}


def provenance(document: LoadedDocument, templates: Iterable[Path] = ()) -> Provenance:
    """The provenance of `document` made with `templates` (the main template first, then
    any it includes); outputs laid out in code have none."""
    templates = list(templates)
    return Provenance(
        engine=f"sgdocs {__version__}",
        content_file=_shown(document.path, document.root),
        content_sha256=_sha256(document.path.read_bytes()),
        sources_sha256=_combined(sources(document), document.root),
        template_file=_shown(templates[0], document.root) if templates else None,
        template_sha256=_combined(templates, document.root) if templates else None,
        classification=document.classification)


def sources(document: LoadedDocument) -> list[Path]:
    """Every file the document's outputs are made from, each once, in a stable order."""
    found = dict.fromkeys(_sources(document))
    local = document.root / LOCAL_FILENAME
    if local.is_file():
        found[local.resolve()] = None
    return sorted(found)


def _sources(document: LoadedDocument) -> Iterator[Path]:
    for each in (document, *drawn_in(document.references)):
        yield each.path.resolve()
        yield from (path.resolve() for path in each.setting.files)
        for model in (each.model, each.partnership):  # pictures: the document's, the logo
            yield from (part.path for _, part in parts(model) if isinstance(part, Image))


def _combined(files: Iterable[Path], root: Path) -> str:
    """One hash over several files: each file's name and hash, one line per file. A single
    file's combined hash is simply its own hash."""
    files = list(files)
    if len(files) == 1:
        return _sha256(files[0].read_bytes())
    lines = "".join(f"{_sha256(path.read_bytes())}  {_shown(path, root)}\n" for path in files)
    return _sha256(lines.encode("utf-8"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _shown(path: Path, root: Path) -> str:
    """A path as recorded: from the content root's parent, or within the shipped templates
    (never a machine's own folders, which would make outputs differ between machines)."""
    path = path.resolve()
    for base, prefix in ((shipped_templates().resolve(), "sgdocs/templates/"),
                         (root.resolve().parent, "")):
        if path.is_relative_to(base):
            return prefix + path.relative_to(base).as_posix()
    return path.name
