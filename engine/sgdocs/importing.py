"""Reading a filled-in workbook back into a content file (`sgdocs import`).

The values are checked against the kind's schema and rules before anything is written, and
an existing content file is never replaced unless asked: nothing already written is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Finding, Location, has_errors, usage_error
from .kinds import get_kind
from .output import write_atomic
from .validation import validate
from .yamlsource import YamlFile, YamlFloat, YamlInt


def import_workbook(kind_name: str, workbook: Path, target: Path, force: bool = False) -> None:
    kind = get_kind(kind_name)
    if kind.importer is None:
        raise usage_error(f"{kind.name} has no workbook to import",
                          "`sgdocs kinds` lists the kinds; self-assessment has one")
    if target.exists() and not force:
        raise usage_error(f"{target} already exists", "choose another name, or use --force to "
                          "replace it", target)
    data = kind.importer(workbook)
    _, findings = validate(kind.model, YamlFile(workbook, data, {}), what=kind.name)
    if has_errors(findings):
        raise ContentError([Finding(Location(workbook), f"the workbook's content has a "
                                    f"problem: {f.message}", f.hint) for f in findings
                            if f.is_error])
    ordered = {name: data[name] for name in kind.model.model_fields if name in data}
    write_atomic(target, content_yaml(ordered, f"Read from {workbook.name} by `sgdocs import "
                                               f"{kind.name}`.").encode("utf-8"))


def content_yaml(data: dict[str, Any], note: str) -> str:
    """`data` as a content file people can read and edit: keys in order, long text as blocks."""
    return f"# {note}\n" + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                                     width=92)


class _Dumper(yaml.SafeDumper):
    """Writes text with line breaks as a `|` block, the way people write it by hand."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _number(dumper: yaml.SafeDumper, value: YamlInt | YamlFloat) -> yaml.ScalarNode:
    """A number as it was written in the workbook's hidden tab (a version 1.10 stays 1.10)."""
    tag = "int" if isinstance(value, YamlInt) else "float"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{tag}", value.text)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(YamlInt, _number)
_Dumper.add_representer(YamlFloat, _number)
