"""Same content, same bytes: every format, built twice, is identical; dates written into
outputs come from SOURCE_DATE_EPOCH or the document's own dates, never the clock."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import CONTENT, built
from sgdocs.pipeline.build import build
from sgdocs.pipeline.jobs import available_cores


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_every_output_is_the_same_twice(example_outputs: dict[str, Path], tmp_path: Path
                                        ) -> None:
    """Built again from a copy of the content in another folder, later: the same bytes."""
    shutil.copytree(CONTENT, tmp_path / "elsewhere")
    assert build([tmp_path / "elsewhere"], tmp_path / "out", allow_sensitive=True,
                 jobs=available_cores()).ok
    one = {name: path.read_bytes() for name, path in example_outputs.items()}
    two = _files(tmp_path / "out")
    assert sorted({name.rsplit(".", 1)[1] for name in one}) == ["docx", "html", "ics", "pdf",
                                                                "xlsx"]
    assert [name for name in one if one[name] != two.get(name)] == []


def test_dates_come_from_the_document(tmp_path: Path) -> None:
    out = built(CONTENT / "eastmoor/self-assessment-2024.yaml", tmp_path)
    properties = docx.Document(str(out["docx"])).core_properties
    assert properties.modified == dt.datetime(2024, 12, 4, tzinfo=dt.UTC)  # its approval date
    with zipfile.ZipFile(out["docx"]) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2024, 12, 4, 0, 0, 0)}
    assert openpyxl.load_workbook(out["xlsx"]).properties.modified == dt.datetime(2024, 12, 4)


def test_source_date_epoch_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023, 22:13:20 UTC
    shutil.copytree(CONTENT / "bexley", tmp_path / "bexley")
    out = built(tmp_path / "bexley/role-brief.yaml", tmp_path / "out")
    assert docx.Document(str(out["docx"])).core_properties.modified == dt.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    with zipfile.ZipFile(out["docx"]) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
