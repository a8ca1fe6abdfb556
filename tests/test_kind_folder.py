"""A kind is one folder: a shipped kind's folder copied under a new name is a kind of that
name, listed, checked and built in every format with nothing else edited (its templates made
from its layout, as none are shipped under the new name)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT, READERS, REPO, normalise


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of sgdocs with the role brief's folder copied as `lay_member_role/`, and
    Bexley's content with its brief as a lay member role."""
    tree = tmp_path_factory.mktemp("sgdocs")
    shutil.copytree(REPO / "engine", tree / "engine",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(REPO / "templates", tree / "templates")
    kinds = tree / "engine" / "sgdocs" / "kinds"
    shutil.copytree(kinds / "role_brief", kinds / "lay_member_role")
    content = tree / "content" / "bexley"
    shutil.copytree(CONTENT / "bexley", content)
    brief = (content / "role-brief.yaml").read_text()
    assert brief.count("kind: role-brief\n") == 1
    (content / "lay-member.yaml").write_text(brief.replace("kind: role-brief\n",
                                                           "kind: lay-member-role\n"))
    return tree, content


def _sgdocs(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(tree / "engine")}
    return subprocess.run([sys.executable, "-m", "sgdocs", *args], capture_output=True,
                          text=True, env=environment, cwd=tree, timeout=300)


def test_the_copied_folder_is_a_kind_named_after_it(copied: tuple[Path, Path]) -> None:
    tree, content = copied
    listed = _sgdocs(tree, "kinds")
    assert listed.returncode == 0, listed.stderr
    assert "lay-member-role" in listed.stdout and "role-brief" in listed.stdout
    checked = _sgdocs(tree, "check", str(content / "lay-member.yaml"))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_copied_kind_builds_in_every_format(copied: tuple[Path, Path]) -> None:
    tree, content = copied
    out = tree / "out"
    result = _sgdocs(tree, "build", str(content / "lay-member.yaml"), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list((tree / "templates").rglob("lay-member*")), "made in memory, not shipped"
    built = out / "bexley"
    for fmt in ("docx", "pdf", "html"):
        text = normalise(READERS[fmt](built / f"lay-member.{fmt}"))
        assert "1. Purpose" in text, fmt
        assert "5. Timetable for 2018-19 work" in text, fmt
        if fmt != "pdf":  # in the PDF it is the running header, which the reader drops
            assert "Bexley Safeguarding Partnership" in text, fmt
