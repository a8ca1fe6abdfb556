"""Write docs/layouts.md, the reference of what a layout (`layout.yaml`) can say, from the
descriptions in the layout's model, so the two never drift (a test fails when it is stale).

    python scripts/make_layout_reference.py
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from sgdocs.kinds import layout_tables as tables
from sgdocs.kinds.layout import BLOCKS, FURNITURE, Layout, Style
from sgdocs.read.schema import field_docs

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "layouts.md"
INTRODUCTION = """\
# Writing a layout

A kind's `layout.yaml` says how its documents read, once: sgdocs makes both its Word template
and its HTML template (for the web page and the PDF) from it. The shipped kinds' layouts, in
`engine/sgdocs/kinds/<kind>/layout.yaml`, are examples to copy; `sgdocs schema layout` gives
the JSON Schema an editor can check a layout against as you type.

- **Wording** names the document's fields in Jinja: `{{ days_and_cost.day_rate }}`, and
  `{% if cost.expenses %}, plus expenses{% endif %}`. `sgdocs schema KIND` lists the fields.
  Around the Jinja, wording may mark `**bold**`, a link `[words](address)` (a real link in
  Word and on the web page; its words and address may name plain fields), details on one
  line separated by ` · `, and a tab after a label (`"Enc.\\t{{ item }}"`).
- **Conditions** (`when:`) are Jinja expressions: `cost.expenses`,
  `document_control.status == "draft"`. Every block may have one.
- A **section** is left out, heading and all, when the field it shows is absent.
- Every problem in a layout is told at its line, when a document of the kind is checked.

This page is made from the layout's own descriptions
(`python scripts/make_layout_reference.py`).
"""
PARTS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("A table's column (`columns:`)", tables.Column),
    ("A cell of rich text (`cell: {text: …}`)", tables.CellText),
    ("A cell that links (`cell: {link: …}`)", tables.CellLink),
    ("A cell that lists (`cell: {list: …}`)", tables.CellList),
    ("A row laid out differently (`special_rows:`)", tables.SpecialRow),
    ("A cell across columns (in a special row)", tables.SpannedCell),
    ("The entry of another list for each row (`match:`)", tables.Match),
    ("A fact (`facts:`)", tables.Fact),
    ("A row of a form (`form:`)", tables.FormRow),
    ("A paragraph style of the layout's own (`styles:`)", Style),
)


def reference() -> str:
    """docs/layouts.md's text."""
    parts = [INTRODUCTION, "## The layout file\n", _table(Layout), "## Blocks\n",
             "The pieces every document shares are each a word on a line of its own:\n",
             "| Block | What it is |\n|---|---|",
             *(f"| `{name}` | {what[0].upper()}{what[1:]}. |" for name, what in FURNITURE.items()),
             "\nEvery other block is a group of keys; its first key says what it is.\n"]
    for key, model in BLOCKS.items():
        parts += [f"### `{key}:`\n", _table(model, first=key)]
    parts.append("## Parts of blocks\n")
    for title, model in PARTS:
        parts += [f"### {title}\n", _table(model)]
    return "\n".join(parts)


def _table(model: type[BaseModel], first: str | None = None) -> str:
    docs = field_docs(model)
    names = list(model.model_fields)
    if first:  # the key that names the block first, then the others; `when` last
        names = [first, *(n for n in names if n not in (first, "when")), "when"]
    rows = [f"| `{name}` | {_one_line(docs.get(name, ''))} |" for name in names]
    return "\n".join(["| Key | What it says |", "|---|---|", *rows]) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def main() -> None:
    REFERENCE.write_text(reference(), encoding="utf-8")
    print(f"wrote {REFERENCE}")


if __name__ == "__main__":
    main()
