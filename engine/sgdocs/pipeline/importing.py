"""Reading a filled-in workbook back into a content file (`sgdocs import`).

The values are checked against the kind's schema and rules before anything is written, and
an existing content file is never replaced unless asked: nothing already written is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sgdocs.errors import ContentError, Finding, Location, has_errors, usage_error
from sgdocs.kinds import get_kind
from sgdocs.read.schema import Document
from sgdocs.read.validation import validate
from sgdocs.read.workbooks import ReadBack
from sgdocs.read.yamlsource import YamlFile, YamlFloat, YamlInt
from sgdocs.write.files import write_atomic


def import_workbook(kind_name: str, workbook: Path, target: Path,
                    force: bool = False) -> list[Finding]:
    """Write the content of `workbook` to `target`; the warnings about it. Nothing is written
    if there is an error: all of them are raised, with the warnings."""
    kind = get_kind(kind_name)
    code = kind.code("workbook")
    if not hasattr(code, "read_workbook"):
        raise usage_error(f"{kind.name} has no workbook to import",
                          "`sgdocs kinds` lists the kinds; self-assessment has one")
    if target.exists() and not force:
        raise usage_error(f"{target} already exists", "choose another name, or use --force to "
                          "replace it", target)
    data = code.read_workbook(workbook)
    findings = _checked(kind.model, kind.name, workbook, data)
    if has_errors(findings):
        raise ContentError(findings)
    ordered = {name: data[name] for name in kind.model.model_fields if name in data}
    write_atomic(target, content_yaml(ordered, f"Read from {workbook.name} by `sgdocs import "
                                               f"{kind.name}`.").encode("utf-8"))
    return findings


def _checked(model: type[Document], what: str, workbook: Path,
             data: dict[str, Any]) -> list[Finding]:
    """Every finding about the workbook's content, each at the tab and row its value was
    read from. Findings come back at lines; here line n stands for the n-th place read, so
    they are also in the order the workbook was read."""
    places = list(data.places.items()) if isinstance(data, ReadBack) else []
    locations = {at: Location(workbook, line) for line, (at, _) in enumerate(places, start=1)}
    _, findings = validate(model, YamlFile(workbook, dict(data), locations), what=what)
    return [Finding(Location(workbook), f"{places[f.where.line - 1][1]}: {f.message}"
                    if f.where.line else f"the workbook's content has a problem: {f.message}",
                    f.hint, f.severity) for f in findings]


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
