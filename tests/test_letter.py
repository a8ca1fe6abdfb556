"""TASP's invitation to its AGM: a letter on the letterhead from partnership.yaml, the same
in Word, PDF and on the web, and a member list to send one to each member partnership."""

from __future__ import annotations

import csv
import importlib.util
import re
import shutil
from pathlib import Path

import docx
import jsonschema
import pytest
from pydantic import BaseModel
from pypdf import PdfReader

from conftest import CONTENT, READERS, REPO, built, cli, normalise
from sgdocs.kinds.letter import Letter
from sgdocs.pipeline.load import load_document
from sgdocs.read.json_schema import json_schema
from sgdocs.read.yamlsource import read_yaml
from yamledit import drop_key, line_of, set_value

LETTER = CONTENT / "tasp/agm-invitation.yaml"
MEMBERS = CONTENT / "tasp/agm-members.csv"
COLUMNS = ["file", "addressee.name", "addressee.role", "addressee.organisation",
           "addressee.address", "salutation"]
FACTS = [
    "The Association of Safeguarding Partners",
    "Example House, 1 Example Street, London",
    "office@example.org · theasp.org.uk",
    "Our reference: TASP/AGM/2026 14 September 2026",
    "The Business Manager Partnership Business Manager Member Safeguarding Children "
    "Partnership Partnership Office 1 Example Road Exampletown",
    "Dear Business Manager Invitation to the Annual General Meeting 2026 I am pleased to "
    "invite you, as the business manager of a member partnership, to the Annual General "
    "Meeting of The Association of Safeguarding Partners.",
    "Wednesday 21 October 2026, 10:30am to 12:30pm Friends House, Euston Road, London, and "
    "online by Microsoft Teams",
    "elect trustees to the board;",
    "Each member partnership has one vote. If no one from your partnership can attend, you "
    "may appoint a proxy on the enclosed form.",
    "Please tell us by Wednesday 7 October 2026 whether you will attend",
    "I look forward to seeing you there. Yours sincerely Ruth Ellison Chair, The Association "
    "of Safeguarding Partners",
    "Enc. Agenda Minutes of the 2025 Annual General Meeting Proxy form cc Chair of the "
    "safeguarding partnership",
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return built(LETTER, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_the_letter_reads_back_in_order(outputs: dict[str, Path], fmt: str) -> None:
    text = normalise(READERS[fmt](outputs[fmt]))
    assert [fact for fact in FACTS if normalise(fact) not in text] == []


def test_the_subject_is_the_letters_title_on_one_page(outputs: dict[str, Path]) -> None:
    subject = "Invitation to the Annual General Meeting 2026"
    document = docx.Document(str(outputs["docx"]))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [subject]
    assert document.core_properties.title == subject
    assert [p.style.name for p in document.paragraphs if p.text == "14 September 2026"] == [
        "Date"]
    reader = PdfReader(str(outputs["pdf"]))
    assert len(reader.pages) == 1 and reader.metadata.title == subject
    assert "Contents" not in normalise(READERS["pdf"](outputs["pdf"]))
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", outputs["html"].read_text()) == [subject]


@pytest.fixture
def tasp(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "tasp", tmp_path / "tasp")
    return tmp_path / "tasp"


@pytest.mark.parametrize("field", ["subject", "addressee"])
def test_a_letter_needs_a_subject_and_an_addressee(tasp: Path, field: str) -> None:
    letter = tasp / LETTER.name
    drop_key(letter, field)
    result = cli("check", str(letter))
    assert result.exit_code == 1
    assert (f"{letter}:{line_of(letter, 'kind: letter')}: error: `{field}` is missing\n"
            "  hint: add it; `sgdocs schema letter` describes every field") in result.output


def test_the_addressee_needs_a_name(tasp: Path) -> None:
    letter = tasp / LETTER.name
    drop_key(letter, "addressee.name")
    result = cli("check", str(letter))
    assert result.exit_code == 1
    assert (f"{letter}:{line_of(letter, 'addressee:')}: error: `addressee.name` is missing"
            in result.output)


def test_a_letter_is_dated_with_the_day(tasp: Path) -> None:
    letter = tasp / LETTER.name
    line = set_value(letter, "date", "2026-09")
    result = cli("check", str(letter))
    assert result.exit_code == 1
    assert (f"{letter}:{line}: error: a letter is dated with the day, but September 2026 has "
            "none\n  hint: write the date as YYYY-MM-DD, e.g. 2026-09-14") in result.output


def test_salutation_and_sign_off_follow_the_addressee(tasp: Path) -> None:
    letter = tasp / LETTER.name
    example = load_document(letter).model
    assert isinstance(example, Letter)
    assert (example.salutation, example.sign_off) == ("Dear Business Manager",
                                                      "Yours sincerely")
    set_value(letter, "salutation", "Dear Sir or Madam")
    unnamed = load_document(letter).model
    assert isinstance(unnamed, Letter) and unnamed.sign_off == "Yours faithfully"
    set_value(letter, "sign_off", "With best wishes")
    set_value(letter, "title", "AGM invitation")
    chosen = load_document(letter).model
    assert isinstance(chosen, Letter)
    assert (chosen.sign_off, chosen.title, chosen.subject) == (
        "With best wishes", "AGM invitation", "Invitation to the Annual General Meeting 2026")


def test_the_letterhead_comes_from_the_partnership(tasp: Path, tmp_path: Path) -> None:
    partnership = tasp / "partnership.yaml"
    text = partnership.read_text()
    text = re.sub(r"address:\n(  - .*\n)+", "address: |\n  Unit 4\n  Mill Yard\n  Leeds\n",
                  text)
    partnership.write_text(text + "phone: 020 7946 0123\n")
    set_value(tasp / LETTER.name, "document_control.status", "draft")
    drop_key(tasp / LETTER.name, "reference")
    html = built(tasp / LETTER.name, tmp_path / "out")["html"]
    text = normalise(READERS["html"](html))
    assert "Unit 4, Mill Yard, Leeds 020 7946 0123 · office@example.org" in text
    assert "Draft — not yet approved for sending 14 September 2026" in text
    assert "Our reference" not in text


def test_the_schema_for_editors_accepts_the_example() -> None:
    schema = json_schema("letter")
    jsonschema.validate(read_yaml(LETTER).data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**read_yaml(LETTER).data, "salutaton": "Dear Sam"}, schema)
    jsonschema.validate(read_yaml(CONTENT / "tasp/partnership.yaml").data,
                        json_schema("partnership"))


# The member list, for a letter to each member partnership


def _rows() -> list[dict[str, str]]:
    with MEMBERS.open(newline="", encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def _has_field(model: type[BaseModel], path: str) -> bool:
    head, _, rest = path.partition(".")
    info = model.model_fields.get(head)
    if info is None:
        return False
    if not rest:
        return True
    inner = info.annotation
    return isinstance(inner, type) and issubclass(inner, BaseModel) and _has_field(inner, rest)


def test_one_row_per_member_partnership() -> None:
    rows = _rows()
    assert len(rows) == 150
    files = [row["file"] for row in rows]
    assert len(set(files)) == 150
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", file) for file in files)
    assert all(_has_field(Letter, column) for column in COLUMNS[1:])
    assert not _has_field(Letter, "addressee.postcode")
    barnsley = next(row for row in rows if row["file"] == "barnsley")
    assert barnsley["addressee.organisation"] == "Barnsley Safeguarding Children Partnership"
    assert barnsley["addressee.role"] == "Partnership Business Manager"
    assert len(barnsley["addressee.address"].splitlines()) == 2


def test_the_member_list_is_what_its_script_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_agm_members",
                                                  REPO / "scripts/make_agm_members.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.members() == _rows()
