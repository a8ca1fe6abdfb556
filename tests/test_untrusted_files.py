"""Every file sgdocs reads for content or a template lies inside its folder, is an ordinary
file and is of bounded size: no link leads out, no pipe makes a check wait for ever, no
device is read without end. And hostile YAML is one document's problem, never the folder's."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from conftest import CONTENT, cli
from yamledit import line_of, set_value


def _export(content: Path) -> Path:
    assert cli("templates", "export", str(content / "templates")).exit_code == 0
    return content / "templates"


def test_a_content_file_that_links_out_of_the_content_folder_is_not_read(
        bexley_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text((bexley_copy / "role-brief.yaml").read_text())
    (bexley_copy / "role-brief.yaml").unlink()
    os.symlink(secret, bexley_copy / "role-brief.yaml")
    result = cli("check", str(bexley_copy / "role-brief.yaml"))
    assert result.exit_code == 1
    assert ("role-brief.yaml: error: `role-brief.yaml` is a link to a file outside "
            f"{bexley_copy}") in result.output
    assert "hint: put the file itself there instead of a link" in result.output


@pytest.mark.parametrize("special", ["pipe", "device"])
def test_a_pipe_or_a_device_is_not_read_as_content(bexley_copy: Path, special: str) -> None:
    target = bexley_copy / "stream.yaml"
    if special == "pipe":
        os.mkfifo(target)  # reading it would wait for a writer for ever
    else:
        os.symlink("/dev/zero", target)  # endless; and outside the folder
    result = cli("check", str(bexley_copy))
    assert result.exit_code == 1
    assert ("`stream.yaml` is not an ordinary file (a device or a pipe?)" if special == "pipe"
            else "`stream.yaml` is a link to a file outside") in result.output
    assert "Checked 3 file(s): 1 error(s)" in result.output  # the others as usual


def test_an_include_cannot_publish_a_file_from_elsewhere(bexley_copy: Path,
                                                         tmp_path: Path) -> None:
    html = _export(bexley_copy) / "html"
    secret = tmp_path / "secret.txt"
    secret.write_text("the machine's secret")
    os.symlink(secret, html / "_note.html")
    template = html / "role-brief.html"
    template.write_text(template.read_text().replace("{{ purpose }}",
                                                     '{% include "_note.html" %}', 1))
    result = cli("build", str(bexley_copy / "role-brief.yaml"), "--out", str(tmp_path / "out"),
                 "--format", "html")
    assert result.exit_code == 1
    assert "_note.html: error: `_note.html` is a link to a file outside" in result.output
    assert not (tmp_path / "out/bexley/role-brief.html").exists()


def test_a_templates_folder_that_is_a_link_elsewhere_is_refused(bexley_copy: Path,
                                                                tmp_path: Path) -> None:
    elsewhere = _export(tmp_path / "elsewhere")
    os.symlink(elsewhere, bexley_copy / "templates")
    result = cli("check", str(bexley_copy / "role-brief.yaml"))
    assert result.exit_code == 1
    assert "`role-brief.docx` is a link to a file outside" in result.output
    assert "`role-brief.html` is a link to a file outside" in result.output


def test_a_word_template_that_is_a_pipe_is_refused_not_skipped(bexley_copy: Path) -> None:
    docx = _export(bexley_copy) / "docx/role-brief.docx"
    docx.unlink()
    os.mkfifo(docx)
    result = cli("check", str(bexley_copy / "role-brief.yaml"))
    assert result.exit_code == 1
    assert "`role-brief.docx` is not an ordinary file (a device or a pipe?)" in result.output
    assert "hint: a template must be a saved file" in result.output


def _png(width: int, height: int) -> bytes:
    """A valid PNG header declaring `width` × `height` (the pixels are never decoded)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))
            + chunk(b"IEND", b""))


def test_a_picture_of_too_many_pixels_is_refused_at_its_line(tmp_path: Path) -> None:
    root = tmp_path / "westvale"
    shutil.copytree(CONTENT / "westvale", root)
    (root / "images/logo.png").write_bytes(_png(13_300, 13_300))
    result = cli("check", str(root))
    assert result.exit_code == 1, result.output
    partnership = root / "partnership.yaml"
    assert (f"partnership.yaml:{line_of(partnership, '    file:')}: error: `images/logo.png` "
            "is 13,300 \u00d7 13,300 pixels, more than the 25 million a picture may have"
            ) in result.output


@pytest.mark.parametrize(("text", "message"), [
    ("title: &a [x, *a]\n", "lists and groups are nested more than 40 deep"),
    ("a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 60)),
     "lists and groups are nested more than 40 deep"),
    ("a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 1200)),
     "lists and groups are nested more than 40 deep"),
    ("kind: role-brief\ntitle: " + "9" * 5000 + "\n",
     "hostile.yaml:1: error: `purpose` is missing"),
])
def test_one_hostile_file_never_stops_the_others(bexley_copy: Path, tmp_path: Path,
                                                 text: str, message: str) -> None:
    (bexley_copy / "hostile.yaml").write_text(text)
    result = cli("build", str(bexley_copy), "--out", str(tmp_path / "out"), "--format", "html")
    assert result.exit_code == 1
    assert "hostile.yaml" in result.output and message in result.output
    assert "fault in sgdocs" not in result.output
    assert (tmp_path / "out/bexley/role-brief.html").is_file()
    assert (tmp_path / "out/bexley/tender.html").is_file()


def test_a_number_of_thousands_of_digits_is_text_to_a_text_field(bexley_copy: Path) -> None:
    brief = bexley_copy / "role-brief.yaml"
    set_value(brief, "title", "9" * 5000)
    result = cli("check", str(brief))
    assert "fault in sgdocs" not in result.output
    assert result.exit_code == 0, result.output
