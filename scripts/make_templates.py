"""Write the shipped templates that kinds' layouts make (run after changing a layout).

Each kind's `layout.yaml` is the one description of how its documents read; this writes its
Word template to templates/docx/ and its HTML template to templates/html/, where sgdocs
ships them and `sgdocs templates export` copies them from. Running it twice gives the same
bytes, and a test fails when a committed template differs from what its layout makes.

    python scripts/make_templates.py
"""

from __future__ import annotations

from pathlib import Path

from sgdocs.kinds import all_kinds
from sgdocs.render.kind_templates import made_templates

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def main() -> None:
    for kind in all_kinds().values():
        for name, data in made_templates(kind).items():
            (TEMPLATES / name).write_bytes(data)
            print(f"wrote {TEMPLATES / name}")


if __name__ == "__main__":
    main()
