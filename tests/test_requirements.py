"""The statutory check: every requirement of WT2023 for a kind is addressed, missing or
empty, with its reference, at its file and line; never a verdict of compliance."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CONTENT, cli
from sgdocs.check import catalogue
from sgdocs.check.catalogue import load_catalogue, shipped_section_problems
from sgdocs.errors import ContentError
from sgdocs.kinds import kind_folder
from yamledit import drop_key, empty_key, line_of

EASTMOOR = CONTENT / "eastmoor"
CATALOGUE = load_catalogue()
ARRANGEMENTS = CATALOGUE.for_kind("arrangements")
FILES = {"arrangements": "arrangements.yaml", "yearly-report": "yearly-report-2024-25.yaml"}
SECTIONS = sorted({(kind, path) for kind in FILES for r in CATALOGUE.for_kind(kind)
                   for path in r.addressed_by[kind] if not path.startswith("partnership.")})




@pytest.fixture
def eastmoor(tmp_path: Path) -> Path:
    shutil.copytree(EASTMOOR, tmp_path / "eastmoor")
    return tmp_path / "eastmoor"


def test_the_catalogue_has_every_requirement_of_the_reference() -> None:
    ids = set(CATALOGUE.ids())
    assert {i for i in ids if i.startswith("arr_")} == {
        "arr_lead_partners", "arr_delegated_partners", "arr_partnership_chair",
        "arr_geography", "arr_vision_priorities", "arr_relevant_agencies", "arr_education",
        "arr_independent_scrutiny", "arr_funding", "arr_data_sharing", "arr_threshold",
        "arr_reviews", "arr_training", "arr_voice", "arr_escalation", "arr_review_cycle",
        "arr_yearly_report"}
    assert {i for i in ids if i.startswith("is_")} >= {
        "is_assurance", "is_support_challenge", "is_duties_qa_reviews", "is_voice",
        "is_critical_friend", "is_disagreement", "is_evaluate_reports", "is_published_plan"}
    assert [r.id for r in CATALOGUE.requirements if r.level == "must"][:1] == [
        "arr_yearly_report"]


def test_every_section_the_shipped_catalogue_names_exists() -> None:
    assert shipped_section_problems() == []


def test_references_cite_chapter_and_section_without_unconfirmed_paragraphs() -> None:
    for requirement in CATALOGUE.requirements:
        assert str(requirement.reference).startswith("WT2023 ch. 2, ")
        assert requirement.reference.paragraph is None


def test_the_example_addresses_every_requirement(eastmoor: Path) -> None:
    result = cli("check", str(eastmoor))
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)." in result.output
    assert "arr_yearly_report" in result.output and "addressed" in result.output
    assert ("sgdocs checks what the document says on each requirement, not whether it is good "
            "enough: this is not a judgement of compliance.") in result.output
    assert "compliant" not in result.output.replace("compliance", "")


def _expected(kind: str, section: str) -> list[tuple[str, str]]:
    """(severity, the start of the finding) for each requirement that needs `section`: not
    one weighed on what several sections say, any of which may say it."""
    return [("error" if r.level == "must" else "warning",
             f"{r.id} ({r.level}, {r.reference}): `{section}`")
            for r in CATALOGUE.for_kind(kind) if section in r.addressed_by[kind]
            and r.level != "checklist" and not (r.evidence and len(
                [p for p in r.addressed_by[kind] if not p.startswith("partnership.")]) > 1)]


@pytest.mark.parametrize(("kind", "section"), SECTIONS)
def test_a_removed_section_is_reported_with_its_requirement(eastmoor: Path, kind: str,
                                                            section: str) -> None:
    file = eastmoor / FILES[kind]
    parent = section.rsplit(".", 1)[0] if "." in section else ""
    drop_key(file, section)
    where = f"{file}:{line_of(file, parent.rsplit('.', 1)[-1] + ':')}" if parent else f"{file}"
    result = cli("check", str(file))
    expected = _expected(kind, section)
    for severity, finding in expected:
        requirement = next(r for r in CATALOGUE.requirements if finding.startswith(r.id + " "))
        summary = requirement.summary[0].lower() + requirement.summary[1:]
        assert (f"{where}: {severity}: {finding} is missing; {summary}\n"
                f"  hint: add `{section}` to address it") in result.output
    must = any(severity == "error" for severity, _ in expected)
    assert result.exit_code == (1 if must else 0)
    assert cli("check", "--strict", str(file)).exit_code == (1 if expected else 0)


@pytest.mark.parametrize(("kind", "section"), SECTIONS)
def test_an_emptied_section_is_reported_at_its_line(eastmoor: Path, kind: str,
                                                    section: str) -> None:
    file = eastmoor / FILES[kind]
    line = empty_key(file, section)
    result = cli("check", str(file))
    for severity, finding in _expected(kind, section):
        assert f"{file}:{line}: {severity}: {finding} is empty;" in result.output
        assert f"  hint: fill in `{section}`" in result.output
    assert "Traceback" not in result.output


def test_partners_named_in_partnership_yaml(eastmoor: Path) -> None:
    partnership = eastmoor / "partnership.yaml"
    drop_key(partnership, "chair")
    text = partnership.read_text()
    partnership.write_text(text.replace("    delegate: Chief Nursing Officer\n", ""))
    result = cli("check", str(eastmoor))
    assert result.exit_code == 0
    assert (f"{partnership}: warning: arr_partnership_chair (should, WT2023 ch. 2, Published "
            "local arrangements): `partnership.chair` is missing") in result.output
    assert "  hint: add `chair` in partnership.yaml to address it" in result.output
    assert (f"{partnership}:{line_of(partnership, 'role: health')}: warning: "
            "arr_delegated_partners (should, WT2023 ch. 2, Published local arrangements): "
            "`partnership.safeguarding_partners.delegate` is there in part: not yet the delegate "
            "of NHS Eastmoor Integrated Care Board") in " ".join(result.output.split())


def test_not_applicable_needs_a_reason_and_cannot_excuse_a_duty(eastmoor: Path) -> None:
    file = eastmoor / "arrangements.yaml"
    drop_key(file, "training")
    file.write_text(file.read_text() + "not_applicable:\n  arr_training: Training is "
                    "commissioned jointly with the adults board; see its arrangements.\n")
    result = cli("check", str(file))
    assert result.exit_code == 0
    assert "not applicable" in result.output and "arr_training" in result.output
    file.write_text(file.read_text() + "  arr_yearly_report: We publish it anyway\n"
                    "  arr_trainng: typo\n")
    result = cli("check", str(file))
    assert result.exit_code == 1
    assert (f"{file}:{line_of(file, 'arr_yearly_report: We')}: error: arr_yearly_report is a "
            "statutory duty (must); it cannot be marked not applicable") in result.output
    assert (f"{file}:{line_of(file, 'arr_trainng')}: error: `arr_trainng` is not a "
            "requirement in the catalogue\n  hint: did you mean `arr_training`?") in result.output


def test_a_section_of_the_documents_own_can_meet_a_requirement(eastmoor: Path) -> None:
    file = eastmoor / "arrangements.yaml"
    drop_key(file, "escalation")
    file.write_text(file.read_text() + "sections:\n  - title: When partners disagree\n"
                    "    body: The escalation policy applies to every agency.\n"
                    "    meets: [arr_escalation, is_disagreement]\n")
    result = cli("check", "--strict", "--json", str(file))
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)["documents"][0]["requirements"]}
    where = f"{file}:{line_of(file, '    body: The escalation policy')}"
    assert rows["arr_escalation"]["where"] == rows["is_disagreement"]["where"] == where
    assert rows["arr_escalation"]["section"] == "When partners disagree"


def test_check_json_lists_each_requirement(eastmoor: Path) -> None:
    drop_key(eastmoor / "arrangements.yaml", "voice")
    result = cli("check", "--json", str(eastmoor / "arrangements.yaml"))
    report = json.loads(result.stdout)
    [document] = report["documents"]
    assert document["kind"] == "arrangements"
    rows = {row["id"]: row for row in document["requirements"]}
    assert rows["arr_voice"]["status"] == "missing"
    assert rows["arr_escalation"]["status"] == "addressed"
    assert rows["arr_escalation"]["where"].endswith(
        f"arrangements.yaml:{line_of(eastmoor / 'arrangements.yaml', 'escalation:')}")
    assert report["note"].startswith("sgdocs checks what the document says on each requirement")
    assert [f["message"].split(" ")[0] for f in report["findings"]] == ["arr_voice"]


def test_requirements_command_lists_the_catalogue() -> None:
    result = cli("requirements", "arrangements")
    assert result.exit_code == 0
    assert "arr_escalation" in result.output and "is_voice" not in result.output
    assert "is_critical_friend" in cli("requirements").output


def test_a_partnership_corrects_and_extends_the_catalogue(eastmoor: Path) -> None:
    local = eastmoor / "requirements.yaml"
    local.write_text(
        "requirements:\n"
        "  - id: arr_threshold\n"
        "    reference: {chapter: 2, section: Published local arrangements, paragraph: '12'}\n"
        "    confidence: confirmed\n"
        "  - id: local_neglect\n"
        "    summary: Sets out the Eastmoor neglect strategy.\n"
        "    level: must\n"
        "    confidence: confirmed\n"
        "    reference: {edition: Eastmoor, section: Neglect strategy 2024}\n"
        "    addressed_by: {arrangements: [priorities]}\n")
    result = cli("requirements", "arrangements", "--in", str(eastmoor))
    assert "local_neglect" in result.output
    threshold = next(r for r in load_catalogue(eastmoor).requirements if r.id == "arr_threshold")
    assert str(threshold.reference) == "WT2023 ch. 2, Published local arrangements, para. 12"
    assert threshold.confidence == "confirmed" and threshold.level == "should"
    drop_key(eastmoor / "arrangements.yaml", "priorities")
    result = cli("check", str(eastmoor))
    assert result.exit_code == 1
    assert ("error: local_neglect (must, Eastmoor, Neglect strategy 2024): `priorities` is "
            "missing") in result.output


@pytest.mark.parametrize(("entry", "message"), [
    ("  - id: arr_escalation\n    levle: must\n", "unknown key `levle`"),
    ("  - id: local_x\n    summary: X\n    level: must\n    confidence: likely\n"
     "    reference: {section: X}\n    addressed_by: {arrangement: [voice]}\n",
     "`arrangement` is not a document kind (did you mean `arrangements`?)"),
    ("  - id: local_x\n    summary: X\n    level: must\n    confidence: likely\n"
     "    reference: {section: X}\n    addressed_by: {arrangements: [vioce]}\n",
     "`vioce`: arrangements content has no section `vioce` (did you mean `voice`?)"),
])
def test_a_malformed_local_catalogue_is_reported_at_its_line(eastmoor: Path, entry: str,
                                                             message: str) -> None:
    local = eastmoor / "requirements.yaml"
    local.write_text("requirements:\n" + entry)
    result = cli("check", str(eastmoor))
    assert result.exit_code == 1
    assert f"{local}:" in result.output and message in result.output


@pytest.fixture
def own_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The role brief's requirements.yaml, copied where a test may change it."""
    mapping = tmp_path / "role_brief" / catalogue.MAPPING_FILE
    mapping.parent.mkdir()
    shutil.copy(kind_folder("role-brief") / catalogue.MAPPING_FILE, mapping)
    monkeypatch.setattr(catalogue, "kind_folder", lambda name: mapping.parent if
                        name == "role-brief" else kind_folder(name))
    catalogue._catalogue.cache_clear()
    yield mapping
    catalogue._catalogue.cache_clear()


def test_each_kind_says_in_its_folder_which_sections_address_which_requirement() -> None:
    brief = {r.id: r.addressed_by["role-brief"] for r in CATALOGUE.for_kind("role-brief")}
    assert brief["is_voice"] == ["text"]  # anywhere in the brief, as a reader finds it
    assert set(brief) == set(line.split(":")[0] for line in (
        kind_folder("role-brief") / catalogue.MAPPING_FILE).read_text().splitlines()
        if line and not line.startswith("#"))


def test_a_kind_mapping_an_unknown_requirement_is_told_at_its_line(own_mapping: Path) -> None:
    own_mapping.write_text(own_mapping.read_text() + "is_voyce: [key_questions]\n")
    with pytest.raises(ContentError) as raised:
        load_catalogue()
    [finding] = raised.value.findings
    assert (finding.where.file, finding.where.line) == (
        own_mapping, len(own_mapping.read_text().splitlines()))
    assert finding.message == "`is_voyce` is not a requirement in the catalogue"
    assert "is_voice" in (finding.hint or "")


def test_a_kind_mapping_that_is_not_a_mapping_is_told(own_mapping: Path) -> None:
    own_mapping.write_text("- is_voice\n")
    with pytest.raises(ContentError) as raised:
        load_catalogue()
    assert [f.message for f in raised.value.findings] == [
        "a kind's requirements.yaml maps each requirement id to a list of sections"]
