"""JSON Schemas of the content files, for editors (VS Code's YAML extension) to validate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sgdocs.kinds import get_kind
from sgdocs.read.partnership import FILENAME, Partnership


def json_schema(name: str, root: Path | None = None) -> dict[str, Any]:
    """The JSON Schema of kind `name` (one of the partnership's own under `root`, too), of
    partnership.yaml when `name` is "partnership", or of a kind's layout.yaml when it is
    "layout"."""
    model: type[BaseModel]
    if name == "partnership":
        model, title = Partnership, FILENAME
    elif name == "layout":
        from sgdocs.kinds.layout import Layout  # its model is needed only here

        model, title = Layout, "layout.yaml"
    else:
        kind = get_kind(name, root)
        model, title = kind.model, f"sgdocs {kind.name}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
            **{k: v for k, v in model.model_json_schema().items() if k != "title"}}
