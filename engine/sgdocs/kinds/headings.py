"""The headings a kind's layout gives its sections, read straight from its `layout.yaml`.

A kind needs them to link to its sections (the requirements appendix, the readability
scores) whether or not anything is laid out, so they are read without loading the layout's
full model; the layout itself is checked when its templates are made, and a partnership's
own kind's when its documents are checked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sgdocs.read.yamlsource import read_yaml

FILENAME = "layout.yaml"
SIGN_OFF = {"sign_off": "Sign-off by the lead safeguarding partners"}
FURNITURE_SECTIONS = {"statutory_ending": SIGN_OFF, "sign_off": SIGN_OFF}
"""The sections furniture shows, with their headings, for links to them."""
_EXPRESSION = re.compile(r"{{.*?}}|{%.*?%}", re.S)


def layout_headings(path: Path) -> dict[str, str]:
    """The heading of each section of the layout in `path`, by the field it shows."""
    data = read_yaml(path).data
    return _headings(data.get("blocks") if isinstance(data, dict) else None)


def layout_places(path: Path) -> tuple[str, ...]:
    """The top-level sections of the layout in `path`, in order, if a document may reorder
    them (`ordered: true`); none otherwise."""
    data = read_yaml(path).data
    if not isinstance(data, dict) or data.get("ordered") is not True:
        return ()
    blocks = data.get("blocks")
    return tuple(str(block["section"]) for block in (blocks if isinstance(blocks, list) else [])
                 if isinstance(block, dict) and next(iter(block), None) == "section")


def _headings(blocks: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for block in blocks if isinstance(blocks, list) else ():
        if isinstance(block, str):
            found.update(FURNITURE_SECTIONS.get(block, {}))
        elif isinstance(block, dict) and next(iter(block), None) == "section":
            found[str(block["section"])] = str(block.get("heading", ""))
            found.update(_headings(block.get("blocks")))
    return found


def plain(heading: str) -> str:
    """A heading's words without the fields it names, where there is no document to fill
    them from (`5. Timetable for {{ timetable.period }} work` is `5. Timetable for work`)."""
    return " ".join(_EXPRESSION.sub("", heading).split())
