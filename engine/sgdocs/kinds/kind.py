"""What a document kind is: its fields, outputs, references and headings, and where its
folder is."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sgdocs.read.schema import Document


@dataclass(frozen=True)
class Output:
    """One file a document is built into, in one or more formats."""

    name: str = ""
    """Added to the content file's name: "-clarifications" makes tender-clarifications.pdf."""
    formats: tuple[str, ...] = ("docx", "pdf", "html")
    """The formats this output is made in. A spreadsheet (xlsx) or calendar (ics) is laid
    out by the kind's own `workbook.py` or `ical.py`."""


@dataclass(frozen=True)
class Kind:
    name: str
    """The value of `kind:` in content, e.g. "role-brief"."""
    model: type[Document]
    """The schema a document of this kind is checked against."""
    summary: str
    """One line saying what the document is for, shown by `sgdocs kinds`."""
    outputs: tuple[Output, ...] = (Output(),)
    """The files a build makes of each document."""
    references: dict[str, str] = field(default_factory=dict)
    """Fields naming another content file, with the kind that file must be: a tender's
    `brief: role-brief.yaml` is {"brief": "role-brief"}. Templates see the other document's
    content in the field's place."""
    derived: dict[str, Callable[[Any, dict[str, Any]], Any]] = field(default_factory=dict)
    """Values templates see that come from the document and those it refers to together
    (meeting notes' next meeting, from their series), each worked out by a function of the
    document and its references' documents."""
    sections: dict[str, str] = field(default_factory=dict)
    """Heading of the section showing each field, for links to it (its anchor in the HTML
    and bookmark in Word is the field's name). Taken from the kind's layout when it has
    one; a heading may name fields (`5. Timetable for {{ timetable.period }} work`)."""
    places: tuple[str, ...] = ()
    """The top-level sections a document may put in its own order (`order:`), in their
    usual order: those of an `ordered` layout; none if the order is fixed."""
    readability: bool = False
    """Read by the public: `sgdocs check` scores each section's readability."""
    reading_age: dict[str, int] = field(default_factory=dict)
    """Sections written for younger readers, each with the reading age it should not
    exceed."""
    shown_with: dict[str, str] = field(default_factory=dict)
    """Fields shown inside another field's section (a yearly report's publication date, in
    "About this report"), so links to them go to that section's anchor."""

    home: Path | None = None
    """The folder of a partnership's own kind (beside its partnership.yaml); None for the
    kinds sgdocs ships."""

    def anchor(self, section: str) -> str:
        """The anchor of the heading a field's content appears under."""
        return self.shown_with.get(section, section)

    @property
    def folder(self) -> Path:
        return self.home or kind_folder(self.name)

    @property
    def starter(self) -> Path:
        """The file `sgdocs new` starts a document of the kind from (a partnership's own
        kind may have none: one is written from its fields)."""
        return self.folder / "starter.yaml"

    @property
    def root(self) -> Path | None:
        """For a partnership's own kind, the content root it belongs to."""
        return self.home.parent.parent if self.home else None

    def code(self, module: str) -> Any:
        """The kind's own code in `module` (its `workbook.py`, its `ical.py`), imported
        only when it is needed; None if the kind has none (a partnership's own kinds have
        no code)."""
        if self.home:
            return None
        name = f"sgdocs.kinds.{self.name.replace('-', '_')}.{module}"
        return importlib.import_module(name) if importlib.util.find_spec(name) else None

    def layout(self, output: Output) -> Path:
        """The layout an output is made from: `layout.yaml`, or `layout-clarifications.yaml`
        for an output named "-clarifications"."""
        return self.folder / f"layout{output.name}.yaml"

    def template(self, output: Output) -> str:
        """The name of the templates an output is made from, without their extension."""
        return self.name + output.name


FOLDER = Path(__file__).parent
PARTNERSHIP_STARTER = FOLDER / "partnership.yaml"
"""The partnership file `sgdocs new` writes where there is none."""


def kind_folder(name: str) -> Path:
    """The folder of the kind called `name` (role_brief/ for role-brief)."""
    return FOLDER / name.replace("-", "_")
