"""Edit content YAML as a user would in an editor: drop a key's block, empty it, or set it."""

from __future__ import annotations

from pathlib import Path


def _block(lines: list[str], path: str) -> tuple[int, int]:
    """The first and one-past-last line of the block of the dotted key `path`."""
    start, indent = 0, 0
    for key in path.split("."):
        start = next(i for i in range(start, len(lines))
                     if lines[i].startswith(" " * indent + f"{key}:"))
        indent += 2
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or
                                len(lines[end]) - len(lines[end].lstrip()) >= indent):
        end += 1
    return start, end


def drop_key(file: Path, path: str) -> None:
    lines = file.read_text().splitlines(keepends=True)
    start, end = _block(lines, path)
    file.write_text("".join(lines[:start] + lines[end:]))


def empty_key(file: Path, path: str) -> int:
    """Leave `key:` with nothing after it; returns its line number."""
    lines = file.read_text().splitlines(keepends=True)
    start, end = _block(lines, path)
    key_line = lines[start].split(":")[0] + ":\n"
    file.write_text("".join([*lines[:start], key_line, *lines[end:]]))
    return start + 1


def set_value(file: Path, path: str, value: str) -> int:
    """Set the scalar at dotted `path`, adding the key under its parent if it is missing;
    returns its line number."""
    lines = file.read_text().splitlines(keepends=True)
    *parents, key = path.split(".")
    indent = "  " * len(parents)
    try:
        start, end = _block(lines, path)
    except StopIteration:
        start = end = _block(lines, ".".join(parents))[0] + 1 if parents else 0
    file.write_text("".join([*lines[:start], f"{indent}{key}: {value}\n", *lines[end:]]))
    return start + 1


def line_of(file: Path, text: str) -> int:
    return next(i for i, line in enumerate(file.read_text().splitlines(), 1) if text in line)
