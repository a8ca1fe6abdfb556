"""What the editor shows beside the form as the user types: the document as its web page,
the findings of `sgdocs check` in the same words, each placed at the field it is about,
and how the document stands against the statutory requirements.

The form's values are laid into the file's text as saving would lay them (`roundtrip`),
and that text is read exactly as `sgdocs check` reads a file, so what the preview says is
what a check of the saved file will say. A finding's line is turned back into the field
it stands at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sgdocs.bounds import Exhausted, bounded
from sgdocs.check.requirements import summary_rows
from sgdocs.errors import ContentError, Finding, Location, SgdocsError
from sgdocs.read.yamlsource import KeyPath, YamlFile, parse_yaml
from sgdocs.serve import roundtrip


def preview(path: Path, on_disk: str, data: Any) -> dict[str, Any]:
    """The page, findings and statutory table for `data` laid into the file `path`, whose
    text on disk is `on_disk`."""
    try:
        text = roundtrip.edited(on_disk, data)
    except roundtrip.NotYaml as exc:
        return _answer([Finding(Location(path), f"the file cannot be read as YAML: {exc}",
                                "open it in a text editor and put the mistake right")])
    try:
        source = parse_yaml(text, path)
    except ContentError as exc:
        return _answer(list(exc.findings))
    try:
        with bounded():
            return _rendered(path, source)
    except SgdocsError as exc:
        return _answer(list(exc.findings), source)
    except Exhausted as exc:
        return _answer([exc.finding(Location(path), "the preview was stopped")], source)


def _rendered(path: Path, source: YamlFile) -> dict[str, Any]:
    from sgdocs.pipeline.load import load_document
    from sgdocs.render import html

    document = load_document(path, source=source)
    findings = [*document.warnings, *document.requirement_findings]
    shown = next((output for output in document.kind.outputs if "html" in output.formats),
                 None)
    page = html.page(document, shown, "web") if shown is not None else ""
    return _answer(findings, source, page, summary_rows(document.assessments))


def _answer(findings: list[Finding], source: YamlFile | None = None, page: str = "",
            requirements: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"html": page, "requirements": requirements or [],
            "findings": [finding_json(finding, source) for finding in findings]}


def finding_json(finding: Finding, source: YamlFile | None = None) -> dict[str, Any]:
    """The finding, with the key path of the field it is about (empty: the whole
    document; one in another file, a partnership's or an article's, is shown at the top).
    Beside its field, the message need not name the field's path."""
    where, at = finding.where, finding.where.at
    if source is None or where.file != source.path:
        at = ()
    elif where.line and not at:
        at = field_at(source, where.line)
    return finding.as_json() | {"path": list(at), "file": where.file.name,
                                "message": _NAMED.sub("", finding.message) if at
                                else finding.message}


_NAMED = re.compile(r"^`[^`]+`: ")


def field_at(source: YamlFile, line: int) -> KeyPath:
    """The deepest field whose value starts at or before `line`, and after every field
    that starts earlier: the field a message about that line is about."""
    best: KeyPath = ()
    best_line = 0
    for at, where in source.locations.items():
        if where.line <= line and (where.line > best_line or (
                where.line == best_line and len(at) > len(best))):
            best, best_line = at, where.line
    return best
