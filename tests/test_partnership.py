"""partnership.yaml is found up the folder tree, merged, and bounds the content root."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgdocs.errors import ContentError
from sgdocs.pipeline.load import load_document
from sgdocs.read.partnership import find_setting


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_nearer_files_override_and_the_top_most_is_the_root(tmp_path: Path) -> None:
    write(tmp_path / "county/partnership.yaml", "name: County Partnership\narea: The County\n"
          "safeguarding_partners:\n  - role: police\n    organisation: County Police\n")
    write(tmp_path / "county/north/partnership.yaml", "name: North Partnership\n")
    setting = find_setting(tmp_path / "county/north/reports")
    assert setting.partnership.name == "North Partnership"
    assert setting.partnership.area == "The County"
    assert setting.partnership.safeguarding_partners[0].organisation == "County Police"
    assert setting.root == (tmp_path / "county").resolve()


def test_a_problem_is_reported_in_the_file_that_has_it(tmp_path: Path) -> None:
    write(tmp_path / "county/partnership.yaml", "name: County\nwebsite: https://x.example\n")
    near = write(tmp_path / "county/north/partnership.yaml", "name: North\nchiar: Someone\n")
    with pytest.raises(ContentError) as caught:
        find_setting(near.parent)
    assert [str(f) for f in caught.value.findings] == [
        f"{near.resolve()}:2: error: unknown key `chiar`\n  hint: did you mean `chair`?"]


def test_partners_listed_twice(tmp_path: Path) -> None:
    file = write(tmp_path / "partnership.yaml", "name: P\nsafeguarding_partners:\n"
                 "  - {role: police, organisation: A}\n  - {role: police, organisation: A}\n")
    with pytest.raises(ContentError) as caught:
        find_setting(tmp_path)
    assert any(str(finding).startswith(f"{file.resolve()}:4: error: A is listed twice as a "
                                       "police partner") for finding in caught.value.findings)


def test_two_councils_may_share_a_role(tmp_path: Path) -> None:
    write(tmp_path / "partnership.yaml", "name: P\nsafeguarding_partners:\n"
          "  - {role: local-authority, organisation: A Council}\n"
          "  - {role: local-authority, organisation: B Council}\n"
          "  - {role: police, organisation: C Police}\n  - {role: health, organisation: D ICB}\n"
          "  - {role: education, organisation: E Schools}\n")
    partners = find_setting(tmp_path).partnership.safeguarding_partners
    assert [(p.role_name, p.organisation) for p in partners] == [
        ("Local authority", "A Council"), ("Local authority", "B Council"),
        ("Police", "C Police"), ("Health", "D ICB"), ("Education", "E Schools")]


def test_documents_see_their_partnership(tmp_path: Path) -> None:
    from conftest import BEXLEY

    write(tmp_path / "partnership.yaml", (BEXLEY / "partnership.yaml").read_text())
    brief = write(tmp_path / "2018/role-brief.yaml", (BEXLEY / "role-brief.yaml").read_text())
    document = load_document(brief)
    assert document.partnership.short_name == "Bexley"
    assert document.relative_path == Path(tmp_path.name) / "2018/role-brief.yaml"
