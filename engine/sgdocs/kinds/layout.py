"""A kind's layout (`layout.yaml` in its folder): the one description of how its documents
read, from which both its Word template and its HTML template are made.

A layout is a list of blocks in reading order: sections with their headings (each written
once, here), blocks repeated for each entry of a list, the blocks of words and tables they
hold (`layout_blocks`, `layout_tables`), and the furniture every document shares (cover,
contents, document control, the statutory ending). Wording and conditions are Jinja
expressions over the document's fields, checked like any template's; wording may also mark
bold, links, details on one line and a label before a tab (`wording`). A section whose field
is absent is left out, heading and all. A layout may set out paragraph styles of its own (a
letter's Salutation, Closing, Signature) and open with the partnership's letterhead."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from sgdocs.errors import ContentError
from sgdocs.kinds.layout_blocks import (
    HOUSE_STYLES,
    Block,
    BulletList,
    Extract,
    Figure,
    Paragraph,
    Picture,
    Points,
    Quote,
    RichText,
    Title,
)
from sgdocs.kinds.layout_tables import Answer, Facts, Form, Table
from sgdocs.read.schema import Issue, Model, Text
from sgdocs.read.validation import validate
from sgdocs.read.yamlsource import KeyPath, read_yaml

Furniture = Literal["cover", "contents", "pdf_contents", "document_control",
                    "statutory_ending", "sign_off", "requirements_appendix"]
FURNITURE = {
    "cover": "the title, the partnership, the version and the status",
    "contents": "a contents table, in Word and in a PDF long enough to need one",
    "pdf_contents": "a contents table only in a PDF long enough to need one, none in Word "
                    "(for documents usually a page or two long)",
    "document_control": "the version, status, owner, approval and change history",
    "statutory_ending": "the document's own sections, the partners' sign-off, document "
                        "control, and how it meets Working Together 2023",
    "sign_off": "the lead safeguarding partners' sign-off",
    "requirements_appendix": "how the document meets Working Together 2023",
}
"""The pieces every document shares, by the word a layout places each with."""


class LayoutError(ValueError):
    """A layout asks for something a format cannot show where it is."""


class Heading(Block):
    heading: Text
    """The heading's words; may name fields, e.g. `Appendix {{ loop.index }}`."""
    anchor: Text | None = None
    """The name links to it use (its `id` on the web page, its bookmark in Word)."""
    page_break: bool = False
    """Start a new page with it (Word and PDF)."""


class Section(Block):
    section: Text = Field(pattern=r"^[a-z][a-z0-9_.]*$")
    """The field the section shows (its heading is linked to as this), e.g. `purpose`.
    Unless `when` says otherwise, the section is left out when the field is absent."""
    heading: Text
    """The section's heading, e.g. `1. Purpose`."""
    page_break: bool = False
    """Start a new page with it (Word and PDF)."""
    numbered: bool = True
    """In a numbered layout, whether the section takes a number: false for an appendix,
    which has a heading of its own, e.g. `Appendix A: Response form`."""
    blocks: list[AnyBlock] = Field(min_length=1)
    """What the section holds, in order; sections inside it are its sub-sections."""

    def condition(self, fields: Collection[str]) -> str | None:
        """When the section is shown: its `when`, else while the field it shows (one of
        the kind's `fields`) is filled in."""
        path = self.section.split(".")
        if self.when is None and path[0] in fields:  # each step, for a reference left out
            return " and ".join(".".join(path[:i]) for i in range(1, len(path) + 1))
        return self.when


class Repeat(Block):
    repeat: Text
    """A list, e.g. `appendices`: the blocks are shown once for each entry."""
    each: Text = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """The name each entry goes by in the blocks; `loop.index` counts them from 1."""
    blocks: list[AnyBlock] = Field(min_length=1)
    """What is shown for each entry."""
    heading: Text | None = None
    """A heading over each entry's blocks, which then stand a level below it, as a
    section's do, e.g. `{{ section.title }}`."""
    anchor: Text | None = None
    """The name links to each entry's heading use, e.g. `{{ section.anchor }}`."""


class Style(Model):
    """A paragraph style of the layout's own: a Word style a business manager can restyle
    in Word, and on the web page a class named after it (`Letter Note` is `letter-note`),
    styled by the kind's `style.css`. Unsaid, each setting is the base style's."""

    based_on: Text = "Normal"
    """The Word style it starts from, e.g. `Normal` or `Intense Quote`."""
    size: float | None = Field(None, ge=6, le=72)
    """Its text size, in points."""
    bold: bool | None = None
    """Bold (true) or not (false)."""
    capitals: bool = False
    """Shown in capitals; the words are kept as written."""
    colour: Literal["primary", "muted", "warning"] | None = None
    """The house colour of its text: primary (as headings), muted (small print) or
    warning (red)."""
    space_before: float | None = Field(None, ge=0, le=72)
    """Space above it, in points."""
    space_after: float | None = Field(None, ge=0, le=72)
    """Space below it, in points."""
    together: bool = False
    """No space between paragraphs of this style, so that lines such as the enclosures
    of a letter read as one block."""
    keep_with_next: bool = False
    """Kept on the same page as the paragraph after it."""
    align: Literal["left", "centre", "right"] | None = None
    """Where its lines stand."""
    label_width: float | None = Field(None, gt=0, le=60)
    """Words before a tab (`\\t`) are a label in a column this wide, in millimetres, and
    the rest lines up after it, e.g. `Enc.` before what is enclosed."""
    rule_below: bool | None = None
    """A line under it (true), or none, taking away the base style's (false)."""
    band: bool = False
    """White on a band of the primary colour (the brand's, where the partnership has
    one), across the page: a newsletter's masthead and section headings."""


def style_class(name: str) -> str:
    """The class a paragraph in the style `name` has on the web page (`letter-note`)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


BLOCKS: dict[str, type[Model]] = {  # by the key that names each block
    "section": Section, "heading": Heading, "text": RichText, "paragraph": Paragraph,
    "list": BulletList, "points": Points, "table": Table, "facts": Facts, "figure": Figure,
    "extract": Extract, "repeat": Repeat, "quote": Quote, "title": Title,
    "picture": Picture, "form": Form, "answer": Answer,
}


def _block_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "furniture"
    if isinstance(value, dict):  # by its first key, as written (an extract has `text` too)
        first = next(iter(value), None)
        return first if first in BLOCKS else None
    return None


AnyBlock = Annotated[
    Annotated[Furniture, Tag("furniture")]
    | Annotated[Section, Tag("section")] | Annotated[Heading, Tag("heading")]
    | Annotated[RichText, Tag("text")] | Annotated[Paragraph, Tag("paragraph")]
    | Annotated[BulletList, Tag("list")] | Annotated[Points, Tag("points")]
    | Annotated[Table, Tag("table")] | Annotated[Facts, Tag("facts")]
    | Annotated[Figure, Tag("figure")] | Annotated[Extract, Tag("extract")]
    | Annotated[Repeat, Tag("repeat")] | Annotated[Quote, Tag("quote")]
    | Annotated[Title, Tag("title")] | Annotated[Picture, Tag("picture")]
    | Annotated[Form, Tag("form")] | Annotated[Answer, Tag("answer")],
    Discriminator(_block_kind, custom_error_type="block", custom_error_message=(
        "a block is one of: " + ", ".join(FURNITURE) + ", or a group of keys starting "
        "with one of: " + ", ".join(BLOCKS)))]


class Layout(Model):
    """How documents of a kind read, in Word and on the web page alike."""

    title: Text
    """What the Word template is called, e.g. `Role brief`."""
    blocks: list[AnyBlock] = Field(min_length=1)
    """The document from top to bottom."""
    styles: dict[Text, Style] = {}
    """The layout's own paragraph styles, by their Word names, e.g. `Salutation`; a
    house style named here (`Title`) is restyled in this kind's templates only."""
    numbered: bool = False
    """Sections are numbered in the order the document shows them (1, 2, 3, and 2.1, 2.2
    inside them): a section the document does not have takes no number. Write headings
    without their numbers."""
    letterhead: bool = False
    """The document opens with the partnership's letterhead: its name, postal address and
    contacts from partnership.yaml (on the web page, where the page's heading names the
    partnership, the address and contacts). The first page's header and footer then leave
    out the partnership's name, the title and the page number."""
    ordered: bool = False
    """A document may set its top-level sections, and its own sections, in its own order
    (its `order:`), as real reports keep theirs. The sections then stand together, between
    the opening (cover, contents) and the ending; the document's own sections stand among
    them, so the layout ends with `sign_off`, `document_control` and
    `requirements_appendix` rather than `statutory_ending`."""

    def issues(self) -> Iterator[Issue]:
        for at, block in nested(self.blocks, ("blocks",)):
            style = block.style if isinstance(block, Paragraph) else None
            if style is not None and style not in HOUSE_STYLES and style not in self.styles:
                yield Issue((*at, "style"), f"there is no style `{style}`", (
                    "use " + ", ".join(HOUSE_STYLES) + ", or add it under `styles:`"))
        if self.ordered:
            yield from self._ordering_issues()

    def _ordering_issues(self) -> Iterator[Issue]:
        places = [index for index, block in enumerate(self.blocks) if isinstance(block, Section)]
        if not places or len(places) != places[-1] - places[0] + 1:
            yield Issue(("ordered",), "the sections a document may reorder must stand "
                        "together", "move the blocks between them before or after them")
        if "statutory_ending" in self.blocks:
            yield Issue(("blocks", self.blocks.index("statutory_ending")), "in an ordered "
                        "layout the document's own sections stand among the others",
                        "end with sign_off, document_control and requirements_appendix")


Section.model_rebuild()
Repeat.model_rebuild()
Layout.model_rebuild()


NUMBERS = "numbering"
"""The name a numbered layout's templates count its sections by."""


def numbering(level: int) -> tuple[list[str], str]:
    """For a section at `level` (1 at the top) of a numbered layout: the Jinja statements
    that count it (each to go in `{% %}`), and the number printed before its heading
    ("2. ", "2.1 ")."""
    if level == 1:
        return ([f"set {NUMBERS}.section = {NUMBERS}.section + 1", f"set {NUMBERS}.sub = 0"],
                f"{{{{ {NUMBERS}.section }}}}. ")
    return [f"set {NUMBERS}.sub = {NUMBERS}.sub + 1"], \
        f"{{{{ {NUMBERS}.section }}}}.{{{{ {NUMBERS}.sub }}}} "


def nested(blocks: list[Any], at: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Each block, with those inside sections and repeats, and where it stands."""
    for index, block in enumerate(blocks):
        yield (*at, index), block
        if isinstance(block, Section | Repeat):
            yield from nested(block.blocks, (*at, index, "blocks"))


def read_layout(path: Path) -> Layout:
    """The layout in `path`; ContentError naming the file and line of every problem."""
    layout, findings = validate(Layout, read_yaml(path), what="layout")
    if layout is None or any(f.is_error for f in findings):
        raise ContentError(findings)
    return layout
