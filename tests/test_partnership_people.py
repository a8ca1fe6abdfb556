"""The partnership as partnerships are made up: partners beyond the three the law names (an
education partner, two councils in a pan-area partnership), and the chair as it is
arranged (independent, the scrutineer chairing too, co-chairs, a rotating chair, a partner),
each printed where a reader looks for it, in a sentence that reads right."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CONTENT, READERS, built, cli, edit, edited_copy, normalise
from yamledit import line_of

EASTMOOR = CONTENT / "eastmoor"
CHAIR = "chair: the Director of Children's Services, Eastmoor County Council\n"
HEALTH = "    delegate: Chief Nursing Officer\n"
EDUCATION = HEALTH + """\
  - role: education
    organisation: Eastmoor Schools Forum
    lead: Chair of the Schools Forum
  - role: local-authority
    organisation: Moorside Borough Council
"""


def _partnership(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """Eastmoor's arrangements, with its partnership.yaml changed."""
    copy = edited_copy(tmp_path, EASTMOOR / "partnership.yaml", *changes)
    return copy.parent / "arrangements.yaml"


@pytest.mark.parametrize(("chair", "sentence"), [
    (CHAIR, "The partnership is chaired by the Director of Children's Services, Eastmoor "
     "County Council."),
    ("chair: {arrangement: independent, who: [Dr Asha Patel], since: 2024-04-01}\n",
     "The partnership has an independent chair, Dr Asha Patel, from 1 April 2024."),
    ("chair: {arrangement: scrutineer, who: [Mel John-Ross]}\n",
     "The independent scrutineer, Mel John-Ross, also chairs the partnership."),
    ("chair: {arrangement: co-chairs, who: [the Director of Children's Services, the Chief "
     "Nursing Officer], since: 2024-10-01, until: 2025-09-30}\n",
     "The partnership is co-chaired by the Director of Children's Services and the Chief "
     "Nursing Officer, from 1 October 2024 to 30 September 2025."),
    ("chair: {arrangement: rotating, rotation: every six months, who: [the Assistant Chief "
     "Constable]}\n",
     "The chair rotates among the delegated safeguarding partners every six months; it is "
     "held now by the Assistant Chief Constable."),
])
def test_the_chair_reads_right_however_it_is_arranged(tmp_path: Path, chair: str,
                                                      sentence: str) -> None:
    arrangements = _partnership(tmp_path, (CHAIR, chair))
    outputs = built(arrangements, tmp_path / "out", formats=("docx", "html"))
    for fmt in ("docx", "html"):
        text = normalise(READERS[fmt](outputs[f"arrangements.{fmt}"]))
        assert sentence in text, fmt
        assert ".." not in text.replace("...", ""), fmt


COUNCIL_SIGNS = ("{role: local-authority, name:",
                 "{role: local-authority, organisation: Eastmoor County Council, name:")
EVERY_PARTNER_SIGNS = ('Care Board", date: 2024-11-20}\n', 'Care Board", date: 2024-11-20}\n'
                       "  - {role: local-authority, organisation: Moorside Borough Council, "
                       "name: Chief Executive, date: 2024-11-20}\n"
                       "  - {role: education, name: Chair of the Schools Forum, "
                       "date: 2024-11-20}\n")


def _signed(arrangements: Path, *changes: tuple[str, str]) -> Path:
    """The arrangements with their sign-off changed."""
    for old, new in changes:
        edit(arrangements, old, new)
    return arrangements


def test_partners_beyond_the_three_and_two_councils(tmp_path: Path) -> None:
    arrangements = _signed(_partnership(tmp_path, (HEALTH, EDUCATION)), COUNCIL_SIGNS,
                           EVERY_PARTNER_SIGNS)
    result = cli("check", str(arrangements))
    assert result.exit_code == 0, result.output
    assert "not signed" not in result.output
    outputs = built(arrangements, tmp_path / "out", formats=("html",))
    html = outputs["arrangements.html"].read_text()
    assert "<td>Education</td><td>Eastmoor Schools Forum</td>" in html
    assert "Moorside Borough Council" in html and "Eastmoor County Council" in html


def test_a_partner_listed_twice_and_one_missing_are_told(tmp_path: Path) -> None:
    arrangements = _partnership(tmp_path, (
        "  - role: police\n    organisation: Eastmoor Constabulary\n",
        "  - role: local-authority\n    organisation: Eastmoor County Council\n"))
    partnership = arrangements.parent / "partnership.yaml"
    output = normalise(cli("check", str(arrangements)).output)
    second = [n for n, line in enumerate(partnership.read_text().splitlines(), 1)
              if "role: local-authority" in line][1]
    assert (f"{partnership}:{second}: error: Eastmoor County Council is listed twice as a "
            "local-authority partner") in output
    assert (f"{partnership}:{line_of(partnership, 'safeguarding_partners:')}: warning: no "
            "police partner is listed") in output


def test_the_sign_off_follows_the_partners_listed(tmp_path: Path) -> None:
    """Two councils: the council's signature must say which; the partners who have not
    signed are named; a signature for a partner the partnership does not have is refused."""
    arrangements = _signed(_partnership(tmp_path, (HEALTH, EDUCATION)),
                           ("{role: police,", "{role: childrens-trust,"))
    output = normalise(cli("check", str(arrangements)).output)
    council = line_of(arrangements, "{role: local-authority")
    assert (f"{arrangements}:{council}: error: partnership.yaml lists 2 local authority "
            "partners: the signature does not say whose it is") in output
    assert ("add `organisation:`, one of: Eastmoor County Council, Moorside Borough Council"
            in output)
    trust = line_of(arrangements, "{role: childrens-trust")
    assert (f"{arrangements}:{trust}: error: partnership.yaml lists no children's trust "
            "partner to sign") in output


def test_partners_who_have_not_signed_are_named(tmp_path: Path) -> None:
    arrangements = _signed(_partnership(tmp_path, (HEALTH, EDUCATION)), COUNCIL_SIGNS)
    result = cli("check", str(arrangements))
    assert result.exit_code == 0, result.output
    assert (f"{arrangements}:{line_of(arrangements, 'sign_off:')}: warning: Eastmoor Schools "
            "Forum and Moorside Borough Council have not signed") in normalise(result.output)


def test_a_signature_names_a_council_the_partnership_has(tmp_path: Path) -> None:
    arrangements = _signed(_partnership(tmp_path, (HEALTH, EDUCATION)), (
        "{role: local-authority, name:",
        "{role: local-authority, organisation: Eastmoor Council, name:"))
    output = normalise(cli("check", str(arrangements)).output)
    assert "error: \u201cEastmoor Council\u201d is not a local authority partner" in output
    assert "did you mean \u201cEastmoor County Council\u201d?" in output


def test_bodies_shared_with_neighbours_are_printed(tmp_path: Path) -> None:
    report = _partnership(tmp_path, (
        CHAIR, CHAIR + "joint_bodies:\n"
        "  - name: Pan-county safeguarding executive\n"
        "    shared_with: [Northvale, Southvale]\n"
        "    does: agrees the priorities the three partnerships share\n"
        "  - name: Joint child death overview panel\n"
        "    shared_with: [Northvale]\n")).parent / "yearly-report-2024-25.yaml"
    outputs = built(report, tmp_path / "out", formats=("docx", "html"))
    for fmt in ("docx", "html"):
        text = normalise(READERS[fmt](outputs[f"yearly-report-2024-25.{fmt}"]))
        assert ("Shared with neighbours Pan-county safeguarding executive (with Northvale and "
                "Southvale): agrees the priorities the three partnerships share. Joint child "
                "death overview panel (with Northvale).") in text, fmt


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_four_partners_two_councils_and_a_rotating_chair(tmp_path: Path, fmt: str) -> None:
    """Cornwall and the Isles of Scilly, as the partnership's website describes it."""
    outputs = built(CONTENT / "cornwall" / "arrangements.yaml", tmp_path, formats=(fmt,))
    text = normalise(READERS[fmt](outputs[f"arrangements.{fmt}"]))
    for row in ("Local authority Cornwall Council Chief Executive, Cornwall Council Strategic "
                "Director, Together for Families",
                "Local authority Council of the Isles of Scilly Chief Executive, Council of "
                "the Isles of Scilly Director of Children's Services"):
        assert row in text.replace(" |", ""), fmt
    assert ("The chair rotates among the delegated safeguarding partners every year; it is "
            "held now by the police delegated safeguarding partner.") in text
    assert ("Shared with neighbouring partnerships South West Child Protection Procedures "
            "(with the other partnerships of the South West): written and kept up to date by "
            "a regional group, and followed by every agency.") in text
