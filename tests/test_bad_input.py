"""Bad content gets one clear message per problem, at its file and line, with a hint, exit
code 1, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import edit
from sgdocs.cli import main


def check(*paths: Path) -> Result:
    return CliRunner().invoke(main, ["check", *map(str, paths)])


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)



def assert_fails_with(result: Result, *expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for text in expected:
        assert text in result.output


@pytest.fixture
def brief(bexley_copy: Path) -> Path:
    return bexley_copy / "role-brief.yaml"


def test_yaml_syntax_error(brief: Path) -> None:
    edit(brief, "  days: Up to 15 days per year", "  days: [15")
    result = check(brief)
    assert_fails_with(result, f"{brief}:", "error: YAML syntax error", "hint: check the "
                      "indentation")


def test_unknown_key_suggests_the_field(brief: Path) -> None:
    edit(brief, "\nrole: >", "\nrloe: >")
    line = line_of(brief, "rloe:")
    result = check(brief)
    assert_fails_with(result, f"{brief}:{line}: error: unknown key `rloe`",
                      "hint: did you mean `role`?")
    assert "`role` is missing" not in result.output


def test_duplicate_key_is_refused(brief: Path) -> None:
    edit(brief, "\npurpose: >", "\ntitle: Another title\npurpose: >")
    result = check(brief)
    assert_fails_with(result, f"{brief}:{line_of(brief, 'title: Another')}: error: the key "
                      f"`title` appears twice (first on line {line_of(brief, 'title: Brief')})")


def test_wrong_type(brief: Path) -> None:
    edit(brief, "days: Up to 15 days per year", "days: Up to 15 days per year\n  posts: two")
    result = check(brief)
    assert_fails_with(result, f"{brief}:{line_of(brief, 'posts: two')}: error: "
                      "`days_and_cost.posts` should be a whole number, but it is "
                      "\u201ctwo\u201d")


def test_time_and_money_written_as_no_contract_would(brief: Path) -> None:
    edit(brief, "days: Up to 15 days per year", "days: fifteen")
    edit(brief, "day_rate: up to £800", "day_rate: eight hundred pounds")
    assert_fails_with(
        check(brief), f"{brief}:{line_of(brief, 'days: fifteen')}: error: "
        "`days_and_cost.days`: \u201cfifteen\u201d is not a length of time in days sgdocs can "
        "read\n  hint: write it as the document does, e.g. `up to 15 days a year`",
        f"{brief}:{line_of(brief, 'eight hundred')}: error: `days_and_cost.day_rate`: "
        "\u201ceight hundred pounds\u201d is not an amount of money sgdocs can read")


def test_a_list_where_text_belongs(brief: Path) -> None:
    edit(brief, "title: Brief for independent scrutiny – Bexley", "title:\n  - a list")
    assert_fails_with(check(brief), f"{brief}:{line_of(brief, 'title:')}: error: `title` "
                      "should be text, but it is a list")


def test_missing_required_field(brief: Path) -> None:
    """A brief cannot be without its purpose; any other section it may not have."""
    text = brief.read_text()
    start = text.index("\npurpose: >")
    end = text.index("\nbackground:")
    brief.write_text(text[:start] + text[end:])
    assert_fails_with(check(brief), "error: `purpose` is missing",
                      "hint: add it; `sgdocs schema role-brief` describes every field")


def test_a_section_the_brief_does_not_have_is_only_a_finding(brief: Path) -> None:
    text = brief.read_text()
    start = text.index("\nrole: >")
    end = text.index("\nkey_questions:")
    brief.write_text(text[:start] + text[end:])
    result = check(brief)
    assert result.exit_code == 0, result.output
    assert "is_critical_friend" in result.output  # weighed on what the rest of it says


def test_impossible_date(brief: Path) -> None:
    edit(brief, "date: 2018-10-29", "date: 2024-02-30")
    assert_fails_with(check(brief), f"{brief}:{line_of(brief, '2024-02-30')}: error: "
                      "`timetable.entries[1].date`: 2024-02-30 is not a real date: February "
                      "2024 has 29 days\n  hint: check the day and the month")


def test_blank_text_and_impossible_numbers(brief: Path) -> None:
    edit(brief, "title: Brief for independent scrutiny – Bexley", 'title: ""')
    edit(brief, "days: Up to 15 days per year", "days: Up to 15 days per year\n  posts: 0")
    assert_fails_with(check(brief), f"{brief}:{line_of(brief, 'title:')}: error: `title` is "
                      "empty\n  hint: fill it in, or remove the key if it is optional",
                      f"{brief}:{line_of(brief, 'posts: 0')}: error: "
                      "`days_and_cost.posts` is “0”, but must be more than 0")


def test_a_rate_of_nothing_is_refused(brief: Path) -> None:
    edit(brief, "day_rate: up to £800", "day_rate: £0")
    assert_fails_with(check(brief), f"{brief}:{line_of(brief, 'day_rate')}: error: the day "
                      "rate must be more than £0")


def test_dates_out_of_order(brief: Path) -> None:
    edit(brief, "when: 2018-09", "when: 2018-05")
    assert_fails_with(check(brief), f"{brief}:{line_of(brief, 'when: 2018-05')}: error: a "
                      "procurement step dated May 2018 comes after one dated August 2018",
                      "hint: put the entries in date order")


def test_final_document_needs_approval(brief: Path) -> None:
    edit(brief, "  status: published\n", "  status: final\n")
    assert_fails_with(check(brief), "error: a final document needs `approved_by`",
                      "set `status: draft`")


def test_empty_file(bexley_copy: Path) -> None:
    empty = bexley_copy / "empty.yaml"
    empty.write_text("# nothing yet\n")
    assert_fails_with(check(empty), f"{empty}: error: the file is empty",
                      "hint: start it with `kind:`")


def test_a_word_file_saved_as_yaml(bexley_copy: Path) -> None:
    binary = bexley_copy / "brief.yaml"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe\x00")
    assert_fails_with(check(binary), f"{binary}: error: the file is not UTF-8 text")


def test_prose_that_is_not_a_content_file(bexley_copy: Path) -> None:
    prose = bexley_copy / "notes.yaml"
    prose.write_text("Remember to ask the police about the timetable.\n")
    assert_fails_with(check(prose), f"{prose}:1: error: a content file should be a group "
                      "of keys starting with `kind:`")


def test_unknown_kind(brief: Path) -> None:
    edit(brief, "kind: role-brief", "kind: role-breif")
    assert_fails_with(check(brief), f"{brief}:{line_of(brief, 'kind:')}: error: `role-breif` "
                      "is not a document kind", "hint: did you mean `role-brief`?")


def test_missing_partnership_file(brief: Path) -> None:
    (brief.parent / "partnership.yaml").unlink()
    assert_fails_with(check(brief), "error: no partnership.yaml was found in this folder or "
                      "any folder above it", "`sgdocs new` writes a starter")


def test_bad_partnership_file_is_reported_at_its_line(brief: Path) -> None:
    partnership = brief.parent / "partnership.yaml"
    edit(partnership, "role: police", "role: constabulary")
    assert_fails_with(check(brief), f"{partnership}:{line_of(partnership, 'constabulary')}: "
                      "error: `safeguarding_partners[2].role` is \u201cconstabulary\u201d, but "
                      "must be one of 'local-authority', 'police', 'health', 'education' or "
                      "'childrens-trust'")


def test_markdown_heading_too_deep_in_a_text_field(brief: Path) -> None:
    edit(brief, "background: |\n", "background: |\n  # Our history\n\n  ## Since 2018\n\n"
         "  ### The first year\n\n")
    assert_fails_with(check(brief), f"{brief}:{line_of(brief, '### The first')}: error: "
                      "`background`: a heading 3 levels down is not allowed here (\u201c### "
                      "The first year\u201d)\n  hint: a text field's headings go 2 levels down")


def test_every_problem_in_a_file_is_reported_at_once(brief: Path) -> None:
    edit(brief, "\nrole: >", "\nrloe: >")
    edit(brief, "days: Up to 15 days per year", "days: fifteen")
    edit(brief, "date: 2018-10-29", "date: 2018-13-01")
    result = check(brief)
    assert_fails_with(result, "unknown key `rloe`", "is not a length of time in days",
                      "there is no month 13")
    assert "Checked 1 file(s): 3 error(s)" in result.output


def test_one_bad_file_does_not_hide_the_others(bexley_copy: Path) -> None:
    (bexley_copy / "broken.yaml").write_text("kind: role-brief\ntitle: [\n")
    result = check(bexley_copy)
    assert_fails_with(result, "broken.yaml:", "Checked 3 file(s): 1 error(s)")


def test_check_json_lists_findings(brief: Path) -> None:
    edit(brief, "\nrole: >", "\nrloe: >")
    result = CliRunner().invoke(main, ["check", "--json", str(brief)])
    assert result.exit_code == 1
    import json

    findings = json.loads(result.stdout)["findings"]
    assert findings == [{"file": str(brief), "line": line_of(brief, "rloe:"),
                         "severity": "error", "message": "unknown key `rloe`",
                         "hint": "did you mean `role`?"}]


def test_usage_errors_exit_with_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nowhere'}: error: no such file or folder" in result.output
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--format", "docx,odt"])
    assert result.exit_code == 2
    assert "unknown format `odt`" in result.output
    assert CliRunner().invoke(main, ["schema", "tender-brief"]).exit_code == 2
    assert CliRunner().invoke(main, ["frobnicate"]).exit_code == 2
