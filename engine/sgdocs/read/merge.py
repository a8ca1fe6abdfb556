"""Mail-merge: one document per row of a table, each row filling named fields of one
content file (an AGM invitation to each member partnership).

The table is a CSV file whose first line names the columns, or a YAML list of groups of
keys. A column is a field of the content, dotted for a field inside another
(`addressee.name`); its value replaces what the content file says, as text, exactly as a
value written in the content file would be: it is checked by the kind's schema and never
read as a template. One column names each row's outputs.
"""

from __future__ import annotations

import copy
import csv
import io
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sgdocs.errors import ContentError, Finding, Location, usage_error
from sgdocs.read.paths import PathRefused, read_contained
from sgdocs.read.schema import CLASSIFICATIONS
from sgdocs.read.yamlsource import (
    MAX_TABLE_BYTES,
    KeyPath,
    YamlFile,
    read_yaml,
    source_text,
    unprintable,
)
from sgdocs.read.yamlsource import unprintable_finding as _unprintable

MAX_ROWS = 5000
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
"""An output name: letters, digits, dots, hyphens and underscores, not starting with a dot."""


@dataclass(frozen=True)
class Row:
    where: Location
    """The row's line in the table."""
    name: str
    """What its outputs are called."""
    values: dict[str, str]
    """The fields it fills, by dotted name."""


def read_rows(path: Path, name_column: str) -> list[Row]:
    """The rows of the table at `path`; ContentError naming the line of each problem."""
    rows = _csv_rows(path) if path.suffix.lower() == ".csv" else _yaml_rows(path)
    if not rows:
        raise ContentError([Finding(Location(path), "the table has no rows",
                                    "add a row for each document to make")])
    if len(rows) > MAX_ROWS:
        raise ContentError([Finding(Location(path), f"the table has {len(rows):,} rows, more "
                                    f"than the {MAX_ROWS:,} one build makes",
                                    "split it into several tables")])
    if not any(name_column in values for _, values in rows):
        raise ContentError([Finding(Location(path, 1), f"the table has no `{name_column}` "
                                    "column to name each row's outputs", "add the column, or "
                                    "name the column that names the outputs with --name")])
    columns = dict.fromkeys(column for _, values in rows for column in values)
    problems = [problem for column in columns if (problem := _column_problem(column, path))]
    if problems:
        raise ContentError(problems)
    named, seen = [], dict[str, int]()
    for where, values in rows:
        name = values.pop(name_column, None)
        if name is None:
            problems.append(Finding(where, f"the row gives no `{name_column}` to name its "
                                    "outputs", "fill in the cell"))
        elif not _NAME.fullmatch(name.strip()):
            problems.append(Finding(where, f"\u201c{name}\u201d cannot name a file",
                                    "use letters, digits, hyphens and underscores, e.g. "
                                    "barnsley"))
        elif name.strip().lower() in seen:
            problems.append(Finding(where, f"\u201c{name}\u201d names another row's outputs too "
                                    f"(line {seen[name.strip().lower()]})",
                                    "give each row its own name"))
        else:
            seen[name.strip().lower()] = where.line
            named.append(Row(where, name.strip(), values))
    if problems:
        raise ContentError(problems)
    return named


def merged(source: YamlFile, row: Row) -> YamlFile:
    """The content with the row's values in place, each value's location the row's. A row
    may not lower the document's classification: one spreadsheet cell must not publish a
    sensitive letter."""
    data = copy.deepcopy(source.data)
    locations = dict(source.locations)
    for dotted, value in row.values.items():
        if character := unprintable(value):
            raise ContentError([_unprintable(row.where, character)])
        at = _key_path(dotted)
        if at == CLASSIFICATION:
            _refuse_lowering(source, value, row.where)
        _put(data, at, value)
        locations[at] = row.where
        for end in range(1, len(at)):  # a group the row made, e.g. addressee
            locations.setdefault(at[:end], row.where)
    return YamlFile(source.path, data, locations)


CLASSIFICATION = ("document_control", "classification")
MAX_INDEX = 200
"""The highest list position a column may name (`addressee.address.3`): far more than any
list in a document holds, and a list is never grown further."""


def _key_path(dotted: str) -> KeyPath:
    return tuple(int(part) if part.isdigit() else part for part in dotted.split("."))


def _column_problem(column: str, table: Path) -> Finding | None:
    """What is wrong with a column's name, a dotted field path: found once for the whole
    table, at its first line."""
    where = Location(table, 1)
    if (character := unprintable(column)):
        return _unprintable(where, character)
    if any(isinstance(part, int) and part > MAX_INDEX for part in _key_path(column)):
        return Finding(where, f"the column `{column}` names a list position over "
                       f"{MAX_INDEX}", "number list entries from 0, e.g. addressee.address.0 "
                       "for the first line")
    return None


def _refuse_lowering(source: YamlFile, value: str, where: Location) -> None:
    control = source.data.get("document_control") if isinstance(source.data, dict) else None
    written = control.get("classification") if isinstance(control, dict) else None
    levels = {level: rank for rank, level in enumerate(CLASSIFICATIONS)}
    if levels.get(value.strip(), len(levels)) < levels.get(written, 0):
        raise ContentError([Finding(where, f"the row sets the classification to "
                                    f"\u201c{value}\u201d, lower than the content file's "
                                    f"{written}", "a row may raise a document's "
                                    "classification, never lower it: change the content file "
                                    "if the document may be published")])


def _put(data: Any, at: KeyPath, value: str) -> None:
    for key, following in itertools.pairwise(at):
        if isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        elif isinstance(data, dict):
            if not isinstance(data.get(key), dict | list):
                data[key] = [] if isinstance(following, int) else {}
            data = data[key]
    last = at[-1]
    if isinstance(data, list) and isinstance(last, int):
        data.extend([None] * (last + 1 - len(data)))
        data[last] = value
    elif isinstance(data, dict):
        data[last] = value


def _csv_rows(path: Path) -> list[tuple[Location, dict[str, str]]]:
    try:
        text = read_contained(path, path.parent, MAX_TABLE_BYTES, "a table").decode("utf-8-sig")
    except PathRefused as exc:
        raise ContentError([Finding(Location(path), str(exc), exc.hint)]) from None
    except OSError as exc:
        raise usage_error(f"cannot read the table: {exc.strerror}", "check the path",
                          path) from None
    except UnicodeDecodeError:
        raise ContentError([Finding(Location(path), "the table is not UTF-8 text",
                                    "save it as CSV UTF-8 (in Excel: Save As, "
                                    "CSV UTF-8)")]) from None
    reader = csv.reader(io.StringIO(text, newline=""))  # lines end only at \n, \r or \r\n
    try:
        header = [column.strip() for column in next(reader)]
    except (StopIteration, csv.Error):
        return []
    repeated = next((column for i, column in enumerate(header) if column in header[:i]
                     and column), None)
    if repeated:
        raise ContentError([Finding(Location(path, 1), f"the column `{repeated}` is named "
                                    "twice", "keep one: the table must say one value for "
                                    "each field")])
    rows = []
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ContentError([Finding(Location(path, start), f"the row cannot be read as "
                                        f"CSV ({exc})", "a cell may hold at most "
                                        f"{csv.field_size_limit():,} characters; check for a "
                                        "double quote that is never closed")]) from None
        where = Location(path, start)
        start = reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        if len(cells) != len(header):
            raise ContentError([Finding(where, f"the row has {len(cells)} cells but the "
                                        f"first line names {len(header)} columns",
                                        "check for a missing or extra comma, or text with a "
                                        "comma that is not in double quotes")])
        rows.append((where, {column: cell for column, cell in zip(header, cells, strict=True)
                             if column and cell.strip()}))
    return rows


def _yaml_rows(path: Path) -> list[tuple[Location, dict[str, str]]]:
    table = read_yaml(path)
    if not isinstance(table.data, list) or not all(isinstance(row, dict)
                                                   for row in table.data):
        raise ContentError([Finding(table.where(), "the table should be a list of groups "
                                    "of keys, one group a row", "start each row with `- `")])
    rows = []
    for i, row in enumerate(table.data):
        nested = [key for key, value in row.items() if isinstance(value, dict | list)]
        if nested:
            raise ContentError([Finding(table.where((i, nested[0])), "a row's values are "
                                        "text, not lists or groups", "name the field inside "
                                        "with a dot, e.g. `addressee.name: Sam Patel`")])
        rows.append((table.where((i,)), {str(key): source_text(value) or str(value)
                                         for key, value in row.items() if value is not None}))
    return rows

