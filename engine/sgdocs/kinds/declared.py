"""Kinds a partnership declares for itself, without Python: a `kinds/<name>/` folder beside
its `partnership.yaml` holding `kind.yaml` (what the kind is for and its fields), `layout.yaml`
(how it reads, written as the shipped kinds' layouts are), and optionally `starter.yaml`
and `style.css`.

Fields are declared as Copier declares its questions: a type, whether they are required,
help in plain words, and which Working Together 2023 requirements they address.

    summary: The role of the partnership's independent chair
    fields:
      purpose: {type: markdown, required: true, help: Why the role exists.}
      responsibilities: {type: list, help: What the chair does., addresses: [arr_partnership_chair]}
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, NonNegativeInt, create_model

from sgdocs.errors import ContentError, Finding
from sgdocs.kinds.headings import FILENAME as LAYOUT
from sgdocs.kinds.headings import layout_headings, layout_places
from sgdocs.kinds.kind import Kind
from sgdocs.read.schema import RAG, Document, Image, Inline, Markdown, Model, Text, Url
from sgdocs.read.validation import validate
from sgdocs.read.values import Money, PartialDate
from sgdocs.read.yamlsource import read_yaml

FOLDER = "kinds"
"""The folder beside `partnership.yaml` holding the partnership's own kinds."""
FILENAME = "kind.yaml"
NAME = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
FIELD_NAME = r"^[a-z][a-z0-9_]*$"
RESERVED = ("kind", "title", "document_control", "published_with", "not_applicable")
"""Fields every document has already."""

CellType = Literal["text", "line", "date", "month", "money", "number", "rag", "link"]
FieldType = Literal["text", "line", "markdown", "date", "month", "money", "number", "list",
                    "table", "rag", "picture", "reference", "link"]
_TYPES: dict[str, Any] = {
    "text": Text, "line": Inline, "markdown": Markdown, "date": PartialDate,
    "month": PartialDate, "money": Money, "number": NonNegativeInt, "rag": RAG,
    "picture": Image, "reference": Text, "link": Url,
}


class Column(Model):
    type: CellType = "line"
    """text (plain), line (a line with **bold**, *italic* and links), date, month, money,
    number (a whole number), rag (green, amber or red) or link (an address)."""
    required: bool = False
    """Every row must fill it in."""
    help: Text | None = None
    """What to write in it, in plain words."""


class DeclaredField(Model):
    type: FieldType
    """text (plain words), line (one line with **bold**, *italic* and links), markdown
    (paragraphs and lists), date (YYYY-MM-DD), month (YYYY-MM), money (pounds), number (a
    whole number), list (lines), table (rows of `columns`), rag (green, amber or red),
    picture (a file with its alt text), reference (another content file, of `kind`) or
    link (a web, e-mail or phone address)."""
    required: bool = False
    """A document of this kind cannot exist without it. Leave optional what a real
    document may not have: a section whose field is absent is left out."""
    help: Text | None = None
    """What the field holds, in plain words: shown by `sgdocs schema` and in messages."""
    columns: dict[str, Column] = {}
    """For a table: its columns, by name, in order."""
    kind: Text | None = None
    """For a reference: the kind of document it names, e.g. `role-brief`."""
    addresses: list[Text] = []
    """The ids of the Working Together 2023 requirements this field addresses (`sgdocs
    requirements` lists them)."""


class Declaration(Model):
    """What a partnership's own kind is, and what its documents hold."""

    summary: Text
    """One line saying what the document is for, shown by `sgdocs kinds`."""
    fields: dict[str, DeclaredField] = Field(min_length=1)
    """The fields, by name (lower case, digits and underscores), in the order a document
    usually gives them."""
    public: bool = False
    """Read by the public: `sgdocs check` scores each section's readability."""


def kinds_folder(root: Path) -> Path:
    return root / FOLDER


def declared_names(root: Path) -> list[str]:
    """The names of the partnership's own kinds under the content root `root`."""
    folder = kinds_folder(root)
    if not folder.is_dir():
        return []
    return sorted(path.name for path in folder.iterdir() if (path / FILENAME).is_file())


def declared_kind(root: Path, name: str) -> Kind:
    """The partnership's kind `name`, built from its folder; ContentError naming the file
    and line of every problem in its declaration or its layout."""
    folder = kinds_folder(root) / name
    files = (folder / FILENAME, folder / LAYOUT)
    return _declared(folder, tuple(path.stat().st_mtime_ns if path.is_file() else 0
                                   for path in files))


@functools.lru_cache(maxsize=64)
def _declared(folder: Path, _changed: tuple[int, ...]) -> Kind:
    """Built once per process for each version of the kind's files."""
    path = folder / FILENAME
    source = read_yaml(path)
    declaration, findings = validate(Declaration, source, what="kind")
    if declaration is None or any(f.is_error for f in findings):
        raise ContentError(findings)
    problems = [Finding(source.where(("fields", name)), *problem)
                for name, field in declaration.fields.items()
                if (problem := _field_problem(name, field))]
    if not re.match(NAME, folder.name):
        problems.append(Finding(source.where(), f"`{folder.name}` cannot be a kind's name",
                                "name the kind's folder in lower case words joined by "
                                "hyphens, e.g. `chair-role`"))
    if not (folder / LAYOUT).is_file():
        problems.append(Finding(source.where(), f"the kind has no {LAYOUT} beside its "
                                f"{FILENAME}", "copy a shipped kind's layout and change it "
                                "(`sgdocs templates export` shows what each one makes)"))
    if problems:
        raise ContentError(problems)
    name = folder.name
    from sgdocs.kinds.layout import read_layout  # its model is needed only here

    read_layout(folder / LAYOUT)  # a mistake in it is told at its line
    fields = {field_name: _annotation(field_name, field, name)
              for field_name, field in declaration.fields.items()}
    model = create_model(_class_name(name), __base__=Document,
                         kind=(Literal[name], ...), **fields)  # type: ignore[call-overload]
    return Kind(name=name, model=model, summary=declaration.summary, home=folder,
                references={n: f.kind for n, f in declaration.fields.items()
                            if f.type == "reference" and f.kind},
                sections=layout_headings(folder / LAYOUT), places=layout_places(folder / LAYOUT),
                readability=declaration.public)


def _field_problem(name: str, field: DeclaredField) -> tuple[str, str] | None:
    if not re.match(FIELD_NAME, name):
        return (f"`{name}` cannot be a field's name", "use lower case letters, digits and "
                "underscores, starting with a letter, e.g. `key_dates`")
    if name in RESERVED:
        return (f"every document has `{name}` already", "choose another name")
    if field.type == "table" and not field.columns:
        return (f"the table `{name}` has no columns", "list them under `columns:`")
    if field.type == "reference" and not field.kind:
        return (f"the reference `{name}` does not say which kind of document it names",
                "add `kind:`, e.g. `kind: role-brief`")
    return None


def _annotation(name: str, field: DeclaredField, kind: str) -> tuple[Any, Any]:
    """The field as pydantic declares it: its type, and its default (none if required)."""
    if field.type == "table":
        row = create_model(_class_name(f"{kind}-{name}-row"), __base__=Model, **{
            column: (_TYPES[cell.type] if cell.required else _TYPES[cell.type] | None,
                     Field(... if cell.required else None, description=cell.help))
            for column, cell in field.columns.items()})  # type: ignore[call-overload]
        annotation: Any = list[row]
    elif field.type == "list":
        annotation = list[Inline]
    else:
        annotation = _TYPES[field.type]
    if field.type in ("table", "list"):
        default: Any = Field(... if field.required else [], description=field.help,
                             min_length=1 if field.required else None)
        return annotation, default
    if field.required:
        return annotation, Field(..., description=field.help)
    return annotation | None, Field(None, description=field.help)


def _class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace("_", "-").split("-"))
