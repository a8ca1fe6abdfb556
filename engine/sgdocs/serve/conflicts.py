"""Two people's edits of one document combined, so that neither is lost without saying.

Saving sends what the page loaded (the base) with the page's own values. If the file has
changed since, each field is settled on its own: changed by one side only, that side's
value stands; changed by both to the same value, that value; changed by both differently,
a conflict, which the person saving settles field by field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KeyPath = tuple[str | int, ...]
_MISSING = object()


@dataclass(frozen=True)
class Conflict:
    at: KeyPath
    mine: Any
    theirs: Any

    def as_json(self) -> dict[str, Any]:
        return {"path": list(self.at), "mine": _shown(self.mine),
                "theirs": _shown(self.theirs)}


def combined(base: Any, mine: Any, theirs: Any, at: KeyPath = ()
             ) -> tuple[Any, list[Conflict]]:
    """`mine` and `theirs`, two edits of `base`, in one, and where they disagree (there,
    theirs is kept until settled)."""
    if mine in (theirs, base):
        return theirs, []
    if theirs == base:
        return mine, []
    if all(isinstance(value, dict) for value in (base, mine, theirs)):
        return _mappings(base, mine, theirs, at)
    if all(isinstance(value, list) for value in (base, mine, theirs)) and \
            len(base) == len(mine) == len(theirs):
        merged, conflicts = [], []
        for index, (b, m, t) in enumerate(zip(base, mine, theirs, strict=True)):
            value, found = combined(b, m, t, (*at, index))
            merged.append(value)
            conflicts += found
        return merged, conflicts
    return theirs, [Conflict(at, mine, theirs)]


def _mappings(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any],
              at: KeyPath) -> tuple[dict[str, Any], list[Conflict]]:
    merged: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for key in [*mine, *(k for k in theirs if k not in mine)]:
        value, found = combined(base.get(key, _MISSING), mine.get(key, _MISSING),
                                theirs.get(key, _MISSING), (*at, key))
        if value is not _MISSING:
            merged[key] = value
        conflicts += found
    return merged, conflicts


def _shown(value: Any) -> Any:
    return None if value is _MISSING else value
