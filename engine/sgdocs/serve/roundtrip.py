"""A content file changed as a person editing it by hand would change it.

The browser sends the whole document back as plain data. Rather than writing the file
anew, the new values are laid into the file as ruamel.yaml read it, comments, key order,
quoting and block text (`|`, `>`) and all: a value left alone is written exactly as it
was, a changed one keeps its old quoting where it can, new keys take their place in the
order the form gives them, and new text of several lines is a `|` block. ruamel joins a
plain line of text wrapped over several lines into one; where the words are the same, the
file's own wrapping is put back, and the result is read again to be sure it says the same.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
    SingleQuotedScalarString,
)

WIDTH = 88
"""Where new long text is wrapped (as a `>` block): as the shipped content files are."""
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class NotYaml(ValueError):
    """The file cannot be read as YAML by the round-trip reader."""


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # ruamel wraps nothing; new long text is folded by `_folded`
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    try:
        return _yaml().load(text)
    except (YAMLError, ValueError) as exc:  # ValueError: a date with no such day
        raise NotYaml(str(exc)) from None


def plain(node: Any) -> Any:
    """The data as the form edits it: mappings, lists, text, numbers, true or false; a date
    as YYYY-MM-DD."""
    if isinstance(node, dict):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(item) for item in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int | float):
        return _written(node)
    return str(node).rstrip("\n")  # a block's last line break is not the text's


def edited(text: str, data: Any) -> str:
    """The file `text` with its values replaced by `data` (as `plain` gives them)."""
    document = load(text)
    merged = _merge(document, data)
    out = io.StringIO()
    _yaml().dump(merged, out)
    written = out.getvalue()
    kept = _rewrapped(text.replace("\r\n", "\n"), written)
    kept = kept if kept == written or _says(kept, plain(merged)) else written
    return kept.replace("\n", "\r\n") if "\r\n" in text else kept  # as Windows saved it


def _merge(old: Any, new: Any) -> Any:
    if isinstance(new, dict) and isinstance(old, CommentedMap):
        keys = {str(key): key for key in old}  # `2024:` is the form's "2024"
        for name in [name for name in keys if name not in new]:
            _delete(old, keys.pop(name))
        for index, (name, value) in enumerate(new.items()):
            if name in keys:
                old[keys[name]] = _merge(old[keys[name]], value)
            else:
                earlier = [keys[k] for k in list(new)[:index] if k in keys]
                position = list(old).index(earlier[-1]) + 1 if earlier else 0
                old.insert(position, name, _fresh(value))
                keys[name] = name
        return old
    if isinstance(new, list) and isinstance(old, CommentedSeq):
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value)
            else:
                old.append(_fresh(value))
        del old[len(new):]
        return old
    if _equal(old, new):
        return old
    if isinstance(new, str) and isinstance(old, ScalarString):
        return _styled_like(old, new)
    return _fresh(new)


def _delete(mapping: CommentedMap, key: Any) -> None:
    """`key` taken out; the comment lines after its value, which head the key below it,
    kept, on the key above (its own note at the end of its line goes with it)."""
    keys = list(mapping)
    notes = mapping.ca.items.pop(key, None)
    del mapping[key]
    after = notes[2] if notes and len(notes) > 2 else None
    if after is None:
        return
    lines = after.value.split("\n")
    heading = "\n".join(lines if after.value.startswith("\n") else lines[1:])
    if not heading.strip():
        return
    if keys.index(key) == 0:  # now above the first key
        written = [line for line in heading.split("\n") if line.strip()]
        mapping.yaml_set_start_comment("\n".join(re.sub(r"^\s*# ?", "", line)
                                                 for line in written), _indent(written[0]))
        return
    above = mapping.ca.items.setdefault(keys[keys.index(key) - 1], [None, None, None, None])
    if above[2] is None:
        after.value = heading if heading.startswith("\n") else "\n" + heading
        above[2] = after


def _equal(old: Any, new: Any) -> bool:
    if isinstance(old, dict | list) or isinstance(new, dict | list):
        return False
    return plain(old) == new and type(plain(old)) is type(new)


def _styled_like(old: ScalarString, new: str) -> Any:
    """New text in the old text's style where it can be: quoted as it was, a block as it
    was (text of several lines is always a `|` block, which keeps its lines)."""
    if "\n" not in new and isinstance(old, SingleQuotedScalarString |
                                       DoubleQuotedScalarString):
        return type(old)(new)
    if "\n" not in new and isinstance(old, FoldedScalarString):
        return _folded(new)
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(new + "\n")
    return _fresh(new)


def _fresh(value: Any) -> Any:
    """A value the file did not have, as a person would write it."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _fresh(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_fresh(item) for item in value)
    if not isinstance(value, str):
        return value
    if "\n" in value:
        return LiteralScalarString(value + "\n")
    if len(value) > WIDTH:
        return _folded(value)
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _folded(text: str) -> FoldedScalarString:
    """Long text as a `>` block, its lines broken between words before WIDTH."""
    folded: FoldedScalarString = FoldedScalarString(text + "\n")
    positions, start = [], 0
    for space in (m.start() for m in re.finditer(" ", text)):
        following = text.find(" ", space + 1)
        end = len(text) if following < 0 else following
        if end - start > WIDTH and space > start:
            positions.append(space)
            start = space + 1
    folded.fold_pos = positions  # type: ignore[attr-defined]  # set by ruamel when read
    return folded


def _written(number: int | float) -> str | int | float:
    """A number as the file writes it ("1.10" stays 1.10), or the number itself."""
    for attribute in ("_width", "_prec"):
        if getattr(number, attribute, None) is not None:
            out = io.StringIO()
            YAML().dump(number, out)
            return out.getvalue().splitlines()[0].strip()
    return number


def _rewrapped(before: str, after: str) -> str:
    """`after` with each plain line of text that ruamel joined into one put back on the
    lines `before` wrapped it over, wherever the words are the same."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    kept: list[str] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False
                                                      ).get_opcodes():
        if op != "replace":
            kept.extend(new[b1:b2])
            continue
        at = a1
        for line in new[b1:b2]:
            found = _wrapped_as(old, at, a2, line)
            if found is None:
                kept.append(line)
            else:
                kept.extend(old[found[0]:found[1]])
                at = found[1]
    return "".join(kept)


def _wrapped_as(old: list[str], start: int, end: int, line: str) -> tuple[int, int] | None:
    """The lines of `old` from `start` to `end` that wrap the words of `line`, if any."""
    words = line.split()
    for first in range(start, end):
        if _indent(old[first]) != _indent(line) or not words or \
                old[first].split()[:1] != words[:1]:
            continue
        together: list[str] = []
        for last in range(first, end):
            together += old[last].split()
            if together == words:
                return first, last + 1
            if together != words[:len(together)]:
                break
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _says(text: str, data: Any) -> bool:
    try:
        return bool(plain(load(text)) == data)
    except NotYaml:
        return False
