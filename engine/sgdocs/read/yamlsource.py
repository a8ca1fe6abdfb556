"""Read a YAML file into plain values, remembering the line each value came from.

PyYAML's constructors follow YAML 1.1, which reads `16:30` as the number 990 and `no` as
false, and silently keeps the last of two duplicate keys. People write these files by hand,
so we compose the node tree ourselves and construct values by the YAML 1.2 core schema:
only `true`/`false` are booleans, only plain decimal numbers are numbers, and a duplicate
key is an error. Numbers remember the text they were written as, so a field that wants
text (a version "1.10") gets exactly what the user typed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from sgdocs.errors import ContentError, Finding, Location
from sgdocs.read.paths import PathRefused, read_contained

KeyPath = tuple[str | int, ...]

MAX_FILE_BYTES = 2_000_000
MAX_TABLE_BYTES = 20_000_000
"""A mail-merge table: up to 5,000 rows of a few fields each."""
MAX_NODES = 200_000
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Control characters and non-characters: XML (hence Word) cannot hold them, and no page
can show them."""
MAX_DEPTH = 40
MAX_ITEMS = 5000
"""Entries in one list: as many as the rows of a mail-merge table; lists in real documents
(a year's cases, a programme) run to a few hundred."""
MAX_NUMBER_LENGTH = 40
"""Digits and signs in a number; longer ones stay text (Python refuses to read an integer
of over 4,300 digits, and nothing a document counts comes near)."""
"""Lists and groups inside one another; real documents use fewer than ten."""

_STR = "tag:yaml.org,2002:str"
_CORE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlInt(int):
    """An int that remembers how it was written."""

    text: str


class YamlFloat(float):
    """A float that remembers how it was written."""

    text: str


def source_text(value: object) -> str | None:
    """The text a scalar was written as, for fields that want text, not numbers."""
    if isinstance(value, YamlInt | YamlFloat):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    return None


@dataclass
class YamlFile:
    """Values read from YAML, and where each one stands (a file and line per key path)."""

    path: Path
    data: Any
    locations: dict[KeyPath, Location] = field(default_factory=dict)

    def where(self, path: KeyPath = ()) -> Location:
        """Where the value at `path` stands, or its nearest ancestor we know of."""
        for end in range(len(path), -1, -1):
            location = self.locations.get(path[:end])
            if location:
                return replace(location, at=path[:end])
        return Location(self.path)


def text_lines(source: YamlFile, only: Collection[KeyPath] | None = None
               ) -> Iterator[tuple[Location, str]]:
    """Each line of text in the values of `source` (or those at the places `only` names),
    with the place it was written: the line in the file where it is found (the content
    file, or the mail-merge table a value came from), else its key's line. Checks of what
    will be published read the values, not the file: comments are never published, and a
    merged value is not in the file."""
    for at, value in texts(source.data):
        if only is not None and at not in only:
            continue
        key = source.where(at)
        written = _file_lines(key.file)
        start = max(key.line - 1, 0)
        for line in value.splitlines():
            if not line.strip():
                continue
            found = next((number for number in range(start, min(start + 200, len(written)))
                          if _starts(line.strip(), written[number].strip())), None)
            if found is not None:
                start = found
            yield Location(key.file, found + 1 if found is not None else key.line), line


def _starts(line: str, written: str) -> bool:
    """Whether a value's `line` is written on the file's line `written`, or starts there (a
    folded `>` value joins several lines of the file into one)."""
    return line in written or (bool(written) and line.startswith(written))


def written_at(key: Location, text: str, line: int | None) -> Location:
    """Where line `line` (counted from 0) of `text`, the value of the key at `key`, is
    written in the file: looked for from the key's line on, a value's line being on as
    many lines of the file or more (YAML folds a `>` value's lines into one, so a line of
    the file may only start it); else the key's line."""
    lines = text.splitlines()
    if line is None or not 0 <= line < len(lines) or not lines[line].strip():
        return key
    wanted, written = lines[line].strip(), _file_lines(key.file)
    start = max(key.line - 1 + line, 0)
    found = next((number for number in range(start, min(start + 200, len(written)))
                  if wanted[:60] in written[number]
                  or (written[number].strip() and wanted.startswith(written[number].strip()))),
                 None)
    return Location(key.file, found + 1) if found is not None else key


def texts(value: Any, at: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Each text in `value` (values read from YAML), by where it stands."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*at, index))


def _file_lines(path: Path) -> list[str]:
    try:
        status = path.stat()
    except OSError:
        return []
    return _lines_as_saved(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=32)
def _lines_as_saved(path: Path, mtime: int, size: int) -> list[str]:
    """The lines of `path` as saved at `mtime` with `size`: read once however many values
    it holds."""
    try:
        return read_contained(path, path.parent, MAX_TABLE_BYTES, "a content file"
                              ).decode("utf-8-sig", errors="replace").splitlines()
    except (OSError, PathRefused):
        return []


def read_yaml(path: Path, inside: Path | None = None) -> YamlFile:
    """Read `path`, which must lie in the folder `inside` (by default its own: a file that
    is a link to somewhere else is refused); raise ContentError with every problem found,
    never a YAML traceback."""
    where = Location(path)
    try:
        raw = read_contained(path, inside or path.parent, MAX_FILE_BYTES, "a content file")
    except PathRefused as exc:
        raise ContentError([Finding(where, str(exc), exc.hint)]) from None
    except OSError as exc:
        raise ContentError([Finding(where, f"cannot read the file: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError([Finding(where, "the file is not UTF-8 text (is it a Word or PDF "
                                    "file saved with a .yaml name?)",
                                    "save it as plain text in UTF-8")]) from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> YamlFile:
    try:
        _check_depth(text, path)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_syntax_finding(exc, path)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow at all
        line = text.count("\n", 0, exc.position) + 1
        character = (chr(exc.character) if isinstance(exc.character, int)
                     else str(exc.character))
        raise ContentError([unprintable_finding(Location(path, line), character)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Finding(Location(path), f"not readable as YAML: {exc}")]) from None
    if root is None:
        raise ContentError([Finding(Location(path), "the file is empty",
                                    "start it with `kind:` and the document's fields; "
                                    "`sgdocs new` writes a starter")])
    builder = _Builder(path)
    data = builder.value(root, ())
    if builder.problems:
        raise ContentError(builder.problems)
    return YamlFile(path, data, builder.locations)


def _check_depth(text: str, path: Path) -> None:
    """Refuse nesting deeper than MAX_DEPTH before building anything: composing the nodes
    recurses once per level, and a hostile file could nest thousands deep. The parser's
    event stream is read without recursion."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise ContentError([_too_deep(Location(path, line))])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _too_deep(where: Location) -> Finding:
    return Finding(where, f"lists and groups are nested more than {MAX_DEPTH} deep",
                   "check the indentation; no document needs this much nesting")


def _syntax_finding(exc: yaml.MarkedYAMLError, path: Path) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    if "maximum nesting depth" in problem:  # the parser's own limit (PyYAML 6.0.3 and later)
        return _too_deep(Location(path, line))
    if "expected a single document" in problem:
        return Finding(Location(path, line), "the file holds more than one YAML document "
                       "(a second `---` line)", "keep one document per file")
    if "special characters are not allowed" in problem or "unacceptable character" in problem:
        return Finding(Location(path, line), "the file contains characters that are not text",
                       "is it a Word or PDF file saved with a .yaml name?")
    return Finding(Location(path, line), f"YAML syntax error: {problem}",
                   "check the indentation, and that each `key:` is followed by a space; "
                   "put text containing `: ` or starting with a quote in quotes")


def unprintable(text: str) -> str | None:
    """The first character in `text` no page can show, if any."""
    found = _UNPRINTABLE.search(text)
    return found.group(0) if found else None


def unprintable_finding(where: Location, character: str) -> Finding:
    return Finding(where, "the text contains a character that cannot be printed "
                   f"(U+{ord(character[:1] or '?'):04X})", "remove it; such characters often "
                   "come with text pasted from another program")


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, recording lines as it goes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.locations: dict[KeyPath, Location] = {}
        self.problems: list[Finding] = []
        self.nodes = 0
        self.too_deep = False

    def value(self, node: yaml.Node, at: KeyPath) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            if self.nodes == MAX_NODES + 1:  # once: every later value is over the limit too
                self._problem(node, f"the file expands to more than {MAX_NODES:,} values "
                              "(anchors and aliases repeated inside each other?)",
                              "write the values out instead of nesting aliases")
            return None
        if len(at) > MAX_DEPTH:  # aliases nest without the text showing it, or in a circle
            if not self.too_deep:
                self.too_deep = True
                self.problems.append(_too_deep(Location(self.path, node.start_mark.line + 1)))
            return None
        self.locations.setdefault(at, Location(self.path, node.start_mark.line + 1))
        if node.tag not in _CORE_TAGS:
            self._problem(node, f"YAML tags such as `{node.tag}` are not supported",
                          "remove the tag (the word starting with `!`)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_ITEMS:
                self._problem(node, f"the list has {len(node.value):,} entries, more than the "
                              f"{MAX_ITEMS:,} a list may hold", "split it into several "
                              "documents or tables")
                return None
            return [self.value(item, (*at, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if character := unprintable(node.value):
            self.problems.append(unprintable_finding(
                Location(self.path, node.start_mark.line + 1), character))
            return None
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, at: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "":
                self._problem(key_node, "a key must be a plain word such as `title`")
                continue
            key = key_node.value
            if character := unprintable(key):
                self.problems.append(unprintable_finding(Location(self.path, line), character))
                continue
            if key in first_line:
                self._problem(key_node, f"the key `{key}` appears twice (first on line "
                              f"{first_line[key]})", "keep one of them; YAML would silently "
                              "use only the last")
                continue
            first_line[key] = line
            self.locations[(*at, key)] = Location(self.path, line)
            result[key] = self.value(value_node, (*at, key))
        return result

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        text = node.value
        if node.style or node.tag == _STR:  # quoted or block text (plain style is None or "")
            return text
        if _NULL.match(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        number: YamlInt | YamlFloat
        if len(text) > MAX_NUMBER_LENGTH:
            return text  # no figure has this many digits: the schema says what it wanted
        if _INT.match(text):
            number = YamlInt(text)
        elif _FLOAT.match(text):
            number = YamlFloat(text)
        else:
            return text
        number.text = text
        return number

    def _problem(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self.problems.append(Finding(Location(self.path, node.start_mark.line + 1), message, hint))
