"""Words that stand in for what a document should say: "TBC", "N/A", "-", "Lorem ipsum", a
note left in `<!-- -->`, and text left exactly as `sgdocs new` wrote it.

A draft may hold them while it is written; a final or published document that still does
is told at each line (placeholders a warning, starter text an error: it was never written).
The statutory check counts a section holding either as a placeholder, not as addressed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sgdocs.errors import Finding, Severity
from sgdocs.read.richtext import InlineMarkdown, Markdown
from sgdocs.read.yamlsource import KeyPath, YamlFile, read_yaml, texts

_STANDS_IN = re.compile(
    r"(?:tb[acd]|to be (?:confirmed|decided|agreed|added|written|completed)|to follow|"
    r"n/?a|not applicable|none|nil|x+|\?+|to ?do|fixme|see (?:above|below)|as above|"
    r"lorem ipsum.*|placeholder|insert\b.*|type\b.* here|paste\b.* here|[-–—.…_*]*)",
    re.IGNORECASE)
"""A whole value that only stands in for words, once its marks and notes are taken away."""
STARTER_WORDS = 8
"""Starter prose this long or longer is a passage a document would not keep by chance (a
short one, "The role of independent scrutiny is to:", may well be kept)."""
_NOTE = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKS = re.compile(r"[*_`#>\[\]\s]+")


def placeholder(text: str) -> bool:
    """Whether `text` only stands in for what should be said: "TBC", "**N/A**", "…", a
    bracketed prompt, or nothing but a note (`<!-- to do -->`)."""
    bare = _MARKS.sub(" ", _NOTE.sub(" ", text)).strip().rstrip(".:;!")
    return bool(_STANDS_IN.fullmatch(bare.strip()))


def placeholder_findings(source: YamlFile, passages: Collection[KeyPath],
                         starter: Path | None, issued: bool) -> list[Finding]:
    """In an issued document, a warning at each passage of prose that is a placeholder and
    an error at each left exactly as the starter in `starter` wrote it (short values, a
    venue "TBC" or a step's standard name, are left alone); nothing in a draft."""
    if not issued:
        return []
    findings = []
    for at, text in texts(source.data):
        if at not in passages:
            continue
        if len(text.split()) >= STARTER_WORDS and from_starter(at, text, starter):
            findings.append(Finding(source.where(at), "this is the starter's text, not the "
                                    "document's", "write what the document says here, or "
                                    "leave the field out", Severity.ERROR))
        elif placeholder(text) and text.strip():
            findings.append(Finding(source.where(at), f"\u201c{text.strip()[:40]}\u201d "
                                    "stands in for what this should say", "write it, or "
                                    "leave the field out", Severity.WARNING))
    return findings


def from_starter(at: KeyPath, text: str, starter: Path | None) -> bool:
    """Whether `text`, at `at`, is left exactly as the starter in `starter` wrote it."""
    started = _starter_values(starter)
    return at in started and " ".join(text.split()) == " ".join(started[at].split())


def prose(value: Any, at: KeyPath = ()) -> Iterator[KeyPath]:
    """Where each passage of prose (rich text, a paragraph's or a line's) stands in a
    document's model; not its document control, a record of its making, nor what an
    example says of itself."""
    if isinstance(value, Markdown | InlineMarkdown):
        yield at
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in ("document_control", "illustrative"):
                yield from prose(getattr(value, name), (*at, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from prose(item, (*at, index))


@functools.cache
def _starter_values(starter: Path | None) -> dict[KeyPath, str]:
    """Each text of a starter file by where it stands (not its kind, title or document
    control, which a real document may well keep); none without one."""
    if starter is None or not starter.is_file():
        return {}
    return {at: text for at, text in texts(read_yaml(starter).data)
            if at[:1] not in (("kind",), ("title",), ("document_control",))}
