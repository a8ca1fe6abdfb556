"""Check values read from YAML against a schema, and say what is wrong in plain English.

pydantic reports errors by key path ("responsibilities.items.3"); we turn each into a
finding at the file and line where that key stands, with a hint, and run the schema's own
rules (`Model.issues`) once the types are right.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, Discriminator, Tag, ValidationError
from pydantic_core import ErrorDetails

from sgdocs.errors import Finding, closest, did_you_mean
from sgdocs.read.schema import all_issues, field_docs
from sgdocs.read.yamlsource import KeyPath, YamlFile, written_at

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number", "float_type": "a number", "float_parsing": "a number",
    "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list",
    "model_type": "a group of keys", "dict_type": "a group of keys",
    "model_attributes_type": "a group of keys", "decimal_parsing": "a number",
}


def validate(model: type[M], source: YamlFile, *, what: str,
             context: dict[str, Any] | None = None) -> tuple[M | None, list[Finding]]:
    """The model built from `source`, or None, with every finding about it; `context` is
    passed to the model's validators (the kinds a catalogue may name)."""
    try:
        built = model.model_validate(_blanks_as_empty(source.data), context=context)
    except ValidationError as exc:
        errors = _misspellings_explain_missing(exc.errors(), model)
        return None, _in_order([found for error in errors
                                for found in _findings(error, model, source, what)])
    findings = [Finding(source.where(issue.at), issue.message, issue.hint, issue.severity)
                for issue in all_issues(built)]
    return built, _in_order(findings)


def _blanks_as_empty(value: Any) -> Any:
    """Text that is only spaces counts as not filled in, the same as `key:` with nothing."""
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, dict):
        return {key: _blanks_as_empty(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_blanks_as_empty(item) for item in value]
    return value


def _in_order(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (str(f.where.file), f.where.line))


def _misspellings_explain_missing(errors: list[ErrorDetails],
                                  model: type[BaseModel]) -> list[ErrorDetails]:
    """Drop "`purpose` is missing" when the same group has an unknown key `purpse`: the
    did-you-mean on the unknown key already says it all."""
    suggested = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            at = tuple(error["loc"])
            match = closest(str(at[-1]), _field_names(model, at[:-1]))
            if match:
                suggested.add((*at[:-1], match))
    return [error for error in errors
            if not (error["type"] == "missing" and tuple(error["loc"]) in suggested)]


_LIMITS = {"greater_than": ("more than", "gt"), "greater_than_equal": ("at least", "ge"),
           "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}
"""pydantic's limits on numbers, as a sentence ends."""


def _findings(error: ErrorDetails, model: type[BaseModel], source: YamlFile,
              what: str) -> list[Finding]:
    """The findings for one of pydantic's errors: one, or for Markdown a field cannot take,
    one for each reason, at the line in the file where the refused text is written."""
    refusals = error.get("ctx", {}).get("refusals") if error["type"] == "markdown" else None
    if not refusals:
        return [_finding(error, model, source, what)]
    at, _ = _walk(model, tuple(error["loc"]))
    text, key = str(error.get("input", "")), source.where(at)
    return [Finding(written_at(key, text, refusal.line), f"`{dotted(at)}`: {refusal.message}",
                    refusal.hint) for refusal in refusals]


def _finding(error: ErrorDetails, model: type[BaseModel], source: YamlFile,
             what: str) -> Finding:
    raw: KeyPath = tuple(error["loc"])
    at, _ = _walk(model, raw)
    kind, found = error["type"], error.get("input")
    name = dotted(at)
    if kind == "extra_forbidden":
        known = _field_names(model, raw[:-1])
        hint = did_you_mean(str(at[-1]), known, "" if known else "remove it")
        return Finding(source.where(at), f"unknown key `{at[-1]}`", hint)
    if kind == "missing":
        return Finding(source.where(at[:-1]), f"`{name}` is missing",
                       f"add it; `sgdocs schema {what}` describes every field"
                       if what else "add it")
    if kind in _TYPE_WORDS and found is None:
        return Finding(source.where(at), f"`{name}` is empty",
                       "fill it in, or remove the key if it is optional")
    if kind in _TYPE_WORDS:
        return Finding(source.where(at), f"`{name}` should be {_TYPE_WORDS[kind]}, "
                       f"but it is {_describe(found)}", _type_hint(kind, what))
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        near = closest(str(found), re.findall(r"'([^']*)'", expected))
        return Finding(source.where(at), f"`{name}` is {_describe(found)}, but must be one "
                       f"of {expected}", f"did you mean `{near}`?" if near and near != found
                       else "values are case-sensitive")
    if kind == "too_short":
        return Finding(source.where(at), f"`{name}` is empty", "add at least one entry")
    if kind == "string_pattern_mismatch":
        return Finding(source.where(at), f"`{name}` does not look right: {_describe(found)}",
                       _description(model, raw) or "check the value")
    if kind in _LIMITS:
        words, bound = _LIMITS[kind]
        return Finding(source.where(at), f"`{name}` is {_describe(found)}, but must be "
                       f"{words} {error.get('ctx', {}).get(bound)}",
                       _description(model, raw) or "correct the number")
    message = error["msg"].removeprefix("Value error, ")
    return Finding(source.where(at), f"`{name}`: {message}",
                   str(error.get("ctx", {}).get("hint", "")))


def dotted(at: KeyPath) -> str:
    """A key path as users read it: `timetable.entries[2].date` (entries counted from 1)."""
    text = ""
    for part in at:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    text = str(value)
    return f"\u201c{text[:60]}\u2026\u201d" if len(text) > 60 else f"\u201c{text}\u201d"


def _type_hint(kind: str, what: str) -> str:
    if kind == "list_type":
        return "write each entry on its own line starting with `- `"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "write the keys indented underneath, one `key: value` per line"
    return f"`sgdocs schema {what}` describes every field"


def _description(model: type[BaseModel], at: KeyPath) -> str:
    """What the schema says the field at `at` holds (its docstring), for hints."""
    parent = _model_at(model, at[:-1])
    return field_docs(parent).get(str(at[-1]), "") if parent else ""


def _model_at(model: type[BaseModel], at: KeyPath) -> type[BaseModel] | None:
    return _model_inside(_walk(model, at)[1])


def _walk(model: type[BaseModel], at: KeyPath) -> tuple[KeyPath, Any]:
    """Follow pydantic's path `at` down the field types: the path as the file has it
    (without the tags pydantic adds for a tagged union's member: `blocks.0.section.heading`
    is `blocks.0.heading`), and the type found at its end (None if lost)."""
    path: list[str | int] = []
    annotation: Any = model
    for part in at:
        members = _tagged_members(annotation)
        if isinstance(part, str) and part in members:
            annotation = members[part]
            continue
        path.append(part)
        if isinstance(part, int):
            annotation = next((typing.get_args(a)[0] for a in _flatten(annotation)
                               if typing.get_origin(a) is list), None)
        elif mapping := next((a for a in _flatten(annotation)
                              if typing.get_origin(a) is dict), None):
            annotation = typing.get_args(mapping)[1]  # a group of keys the user names
        else:
            current = _model_inside(annotation) if annotation is not None else None
            info = current.model_fields.get(part) if current else None
            annotation = _annotation(info) if info else None
    return tuple(path), annotation


def _annotation(info: Any) -> Any:
    """A field's type, with the discriminator pydantic keeps beside it when the field holds
    a tagged union itself (not in a list)."""
    tagged = [m for m in info.metadata if isinstance(m, Discriminator)]
    return typing.Annotated[info.annotation, *tagged] if tagged else info.annotation


def _tagged_members(annotation: Any) -> dict[str, Any]:
    """A tagged union's members, by tag (empty for any other type)."""
    for candidate in _flatten(annotation):
        if typing.get_origin(candidate) is typing.Annotated and any(
                isinstance(m, Discriminator) for m in candidate.__metadata__):
            return {m.tag: member for member in typing.get_args(typing.get_args(candidate)[0])
                    for m in getattr(member, "__metadata__", ()) if isinstance(m, Tag)}
    return {}


def _field_names(model: type[BaseModel], at: KeyPath) -> list[str]:
    """The keys the schema allows at `at`, found by following field types down the path."""
    current = _model_at(model, at)
    return list(current.model_fields) if current else []


def _model_inside(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly, in a list, or as optional."""
    for candidate in _flatten(annotation):
        if _is_model(candidate):
            return typing.cast(type[BaseModel], candidate)
    return None


def _flatten(annotation: Any) -> Iterator[Any]:
    yield annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            yield from _flatten(arg)


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)
