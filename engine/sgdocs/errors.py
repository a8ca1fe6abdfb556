"""Findings and the one exception family sgdocs raises.

Every problem a user can cause is a `Finding`: where it stands, what is wrong, what to do.
Code that finds problems collects findings; code that cannot go on raises `SgdocsError`
carrying them. The CLI is the only place that turns either into terminal output.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """A place in a file the user can open: the path and a 1-based line (0 = whole file),
    and in a content file the key path of the field there, for an editor to show the
    problem beside the field (never part of what a finding is compared by)."""

    file: Path
    line: int = 0
    at: tuple[str | int, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        """"file:line"; nothing for a problem with no file (the command, the machine)."""
        if self.file == Path(".") and not self.line:
            return ""
        shown = display_path(self.file)
        return f"{shown}:{self.line}" if self.line else shown


@dataclass(frozen=True)
class Finding:
    """One problem, stated for a business manager rather than a programmer."""

    where: Location
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_json(self) -> dict[str, str | int]:
        """The finding for other tools (`--json`) and the editor's page."""
        return {"file": str(self.where.file), "line": self.where.line,
                "severity": self.severity.value, "message": self.message, "hint": self.hint}

    def __str__(self) -> str:
        where = f"{self.where}: " if str(self.where) else ""
        text = f"{where}{self.severity.value}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class SgdocsError(Exception):
    """Root of every error sgdocs raises on purpose; carries the findings that explain it."""

    exit_code = 1

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


class ContentError(SgdocsError):
    """The content (YAML files, referenced files) cannot be used as written."""


class TemplateProblem(SgdocsError):
    """A Word or HTML template cannot be rendered as it stands."""


class UsageError(SgdocsError):
    """The command was asked for something impossible (a missing path, an unknown kind)."""

    exit_code = 2


def usage_error(message: str, hint: str = "", where: Path | None = None) -> UsageError:
    return UsageError([Finding(Location(where or Path(".")), message, hint)])


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` was most likely meant to be, if one is close enough."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str], otherwise: str = "") -> str:
    """A hint naming the closest choice, else `otherwise`, else listing the choices."""
    choices = list(choices)
    match = closest(word, choices)
    if match:
        return f"did you mean `{match}`?"
    return otherwise or f"choose one of: {', '.join(choices)}"


def fault(path: Path, doing: str, exc: BaseException) -> Finding:
    """A fault in sgdocs or a library it uses, met on one file: reported against that file
    so the other files still go on."""
    return Finding(Location(path), f"sgdocs failed while {doing} ({exc.__class__.__name__}: "
                   f"{exc})", "this is a fault in sgdocs; please report it with the content "
                   "file")


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


_HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on rather than shows (escape sequences, bidirectional
overrides): content carries them into messages, so they are shown as codes instead."""


def printable(text: str) -> str:
    """`text` safe to print on a terminal: each hidden character written as its code."""
    return _HIDDEN.sub(lambda found: f"<U+{ord(found.group()):04X}>", text)


def display_path(path: Path) -> str:
    """Show paths relative to the working folder when they are inside it, as editors expect."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
