"""Reading YAML the way people mean it, with every value's line kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgdocs.errors import ContentError
from sgdocs.read.yamlsource import parse_yaml

FILE = Path("brief.yaml")


def problems(text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, FILE)
    return [str(f) for f in caught.value.findings]


def test_lines_are_kept_for_keys_and_list_items() -> None:
    source = parse_yaml("kind: role-brief\ntimetable:\n  entries:\n    - activity: Board\n"
                        "      date: 2018-10-29\n    - activity: Hub\n", FILE)
    assert source.where(("timetable", "entries", 1, "activity")).line == 6
    assert source.where(("timetable", "entries", 0, "date")).line == 5
    assert source.where(("timetable", "entries", 1, "date")).line == 6  # nearest known
    assert source.data["timetable"]["entries"][0]["date"] == "2018-10-29"


def test_duplicates_are_found_at_any_depth() -> None:
    assert problems("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n") == [
        "brief.yaml:4: error: the key `c` appears twice (first on line 3)\n"
        "  hint: keep one of them; YAML would silently use only the last",
        "brief.yaml:5: error: the key `a` appears twice (first on line 1)\n"
        "  hint: keep one of them; YAML would silently use only the last",
    ]


def test_tags_are_refused() -> None:
    assert problems("title: !!python/object:os.system echo\n")[0].startswith(
        "brief.yaml:1: error: YAML tags such as `tag:yaml.org,2002:python/object:os.system`")
    assert "not supported" in problems("title: !include other.yaml\n")[0]


def test_more_than_one_document_is_refused() -> None:
    assert "more than one YAML document" in problems("a: 1\n---\nb: 2\n")[0]


def test_alias_bombs_are_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    found = problems("\n".join(lines) + "\n")
    assert "expands to more than" in found[0]


def test_quoted_and_block_text_stay_text() -> None:
    data = parse_yaml("a: '12'\nb: \"true\"\nc: |\n  42\nd: 2018-06\ne: ~\nf:\n", FILE).data
    assert data == {"a": "12", "b": "true", "c": "42\n", "d": "2018-06", "e": None, "f": None}


@pytest.mark.parametrize("text", ["title: a\x07b\n", 'title: "a\x07b"\n',
                                  "a: 1\ntitle: |\n  a\x1bb\n"])
def test_a_control_character_is_refused_at_its_line_with_a_hint(text: str) -> None:
    with pytest.raises(ContentError) as raised:
        parse_yaml(text, Path("x.yaml"))
    finding, = raised.value.findings
    assert finding.where.line == text[:text.index("\x07" if "\x07" in text else "\x1b")
                                      ].count("\n") + 1
    assert "cannot be printed (U+00" in finding.message and "pasted" in finding.hint


def test_the_c_parser_is_used_where_installed() -> None:
    """PyYAML's C parser is several times quicker; sgdocs still gives every value's line."""
    import yaml

    from sgdocs.read import yamlsource

    if yaml.__with_libyaml__:
        assert yamlsource._Loader is yaml.CSafeLoader
    source = parse_yaml("a: 1\nb:\n  - x\n  - y\n", Path("x.yaml"))
    assert [source.where(at).line for at in (("a",), ("b",), ("b", 1))] == [1, 2, 4]
