"""What `sgdocs serve` writes: a content file changed as a hand edit would change it, and
two people's edits of one document combined without losing either."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CONTENT
from sgdocs.serve.conflicts import combined
from sgdocs.serve.roundtrip import WIDTH, edited, load, plain

FILES = sorted(CONTENT.rglob("*.yaml"))
BRIEF = CONTENT / "bexley/role-brief.yaml"


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CONTENT)))
def test_a_file_saved_unchanged_is_the_same_bytes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert edited(text, plain(load(text))) == text


def test_an_edit_changes_only_its_own_lines_as_a_hand_edit_would() -> None:
    text = BRIEF.read_text(encoding="utf-8")
    data = plain(load(text))
    data["title"] = "Brief for independent scrutiny – Bexley, 2019"
    data["key_questions"]["items"][1] = "Do the arrangements leave room to reflect?"
    data["timetable"]["entries"][0]["date"] = "2018-09-05"
    by_hand = text.replace("title: Brief for independent scrutiny – Bexley\n",
                           "title: Brief for independent scrutiny – Bexley, 2019\n").replace(
        "    - Do the arrangements enable space for reflection and learning from practice?\n",
        "    - Do the arrangements leave room to reflect?\n").replace(
        "{activity: Partnership Board, date: 2018-10-29}",
        "{activity: Partnership Board, date: 2018-09-05}", 1)
    saved = edited(text, data)
    assert saved == by_hand  # a date unquoted, a flow mapping kept on its line
    assert plain(load(saved)) == data


def test_new_values_take_their_place_and_the_style_a_person_would_give_them() -> None:
    text = "kind: role-brief\ntitle: Brief  # keep this note\n\npurpose: 'Quoted.'\n"
    data = {"kind": "role-brief", "title": "Brief", "post": "lay-member",
            "purpose": "Still quoted.", "background": "First paragraph.\n\n- a point\n- another",
            "role": "word " * 40 + "end."}
    saved = edited(text, data)
    assert saved.startswith("kind: role-brief\ntitle: Brief  # keep this note\n")
    assert "\npost: lay-member\npurpose: 'Still quoted.'\n" in saved  # in the form's order
    assert "purpose: 'Still quoted.'" in saved
    assert "background: |\n  First paragraph.\n\n  - a point\n  - another\n" in saved
    assert "role: >\n" in saved and all(len(line) <= WIDTH + 4 for line in saved.splitlines())
    assert plain(load(saved)) == data


def test_rows_removed_and_keys_dropped_leave_the_rest_alone() -> None:
    text = BRIEF.read_text(encoding="utf-8")
    data = plain(load(text))
    del data["key_questions"]["items"][2:]
    data.pop("appendices")
    saved = edited(text, data)
    assert plain(load(saved)) == data
    assert saved.startswith(text[:text.index("key_questions:")])  # untouched above


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
               max_size=200))
def test_any_text_typed_into_a_field_is_read_back_as_typed(typed: str) -> None:
    text = BRIEF.read_text(encoding="utf-8")
    data = plain(load(text))
    data["title"] = typed.strip() or "x"
    data["purpose"] = typed.rstrip("\n") or "x"
    assert plain(load(edited(text, data))) == data


def test_edits_to_different_fields_are_combined() -> None:
    base = {"title": "A", "purpose": "P", "items": ["x", "y"]}
    mine = {"title": "A, revised", "purpose": "P", "items": ["x", "y"]}
    theirs = {"title": "A", "purpose": "P, revised", "items": ["x", "z"], "new": "n"}
    merged, conflicts = combined(base, mine, theirs)
    assert merged == {"title": "A, revised", "purpose": "P, revised", "items": ["x", "z"],
                      "new": "n"}
    assert conflicts == []


def test_edits_to_the_same_field_are_a_conflict_with_both_values() -> None:
    base = {"title": "A", "items": ["x"]}
    merged, conflicts = combined(base, {"title": "Mine", "items": ["x"]},
                                 {"title": "Theirs", "items": []})
    assert [c.as_json() for c in conflicts] == [{"path": ["title"], "mine": "Mine",
                                                 "theirs": "Theirs"}]
    assert merged == {"title": "Theirs", "items": []}  # until the person saving chooses


def test_what_a_person_wrote_around_an_edit_is_kept() -> None:
    """A comment heading the next key survives the key above it being removed; numbers as
    keys stay numbers; a file saved on Windows keeps its line endings."""
    text = "kind: x\nold: 1\n# The figures\nfigures:\n  2024: 12\n"
    data = plain(load(text))
    del data["old"]
    assert edited(text, data) == "kind: x\n# The figures\nfigures:\n  2024: 12\n"
    windows = text.replace("\n", "\r\n")
    assert edited(windows, plain(load(windows))) == windows
