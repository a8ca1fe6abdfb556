"""A restyled Word template is e-mailed between partnerships, so it is untrusted: whatever it
holds, sgdocs refuses it with a clear message at the template file, or makes a sound Word
document from it. Each case starts from the shipped role brief template, spoiled in its
zip and XML the way a hostile or careless sender could."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from lxml import etree
from openxml_audit import OpenXmlValidator

from conftest import REPO
from sgdocs.build import build
from yamledit import set_value

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

Parts = dict[str, bytes]


def restyled(content: Path) -> Path:
    """The partnership's own copy of the role brief's Word template, to be spoiled."""
    template = content / "templates/docx/role-brief.docx"
    template.parent.mkdir(parents=True)
    shutil.copy(REPO / "templates/docx/role-brief.docx", template)
    return template


def rewrite(template: Path, change: Callable[[Parts], None]) -> None:
    """Change the template's parts (by name in the zip), and zip them again."""
    with zipfile.ZipFile(template) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    change(parts)
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def replace(parts: Parts, part: str, old: str, new: str) -> None:
    assert old.encode() in parts[part], old
    parts[part] = parts[part].replace(old.encode(), new.encode(), 1)


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def output_parts(path: Path) -> Parts:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


# Damaged documents are never written

def link_in_the_footer(parts: Parts) -> None:
    """`purpose` (Markdown) in the footer too; `purpose` set to a link."""
    replace(parts, "word/footer1.xml", "</w:ftr>", paragraph("{{p purpose }}") + "</w:ftr>")


def test_a_link_in_the_footer_belongs_to_the_footer(bexley_copy: Path, tmp_path: Path) -> None:
    template = restyled(bexley_copy)
    rewrite(template, link_in_the_footer)
    set_value(bexley_copy / "role-brief.yaml", "purpose",
              "See [the plan](https://www.bexley.gov.uk/bscp).")
    outputs = build([bexley_copy / "role-brief.yaml"], tmp_path, ("docx",))
    assert outputs.ok, [str(f) for f in outputs.findings]
    path = next(tmp_path.rglob("role-brief.docx"))
    parts = output_parts(path)
    footer = etree.fromstring(parts["word/footer1.xml"])
    link, = footer.iter(f"{{{W}}}hyperlink")
    rels = etree.fromstring(parts["word/_rels/footer1.xml.rels"])
    target, = rels.xpath("//r:Relationship[@Id=$id]/@Target", id=link.get(f"{{{R}}}id"),
                         namespaces={"r": PACKAGE_RELS})
    assert target == "https://www.bexley.gov.uk/bscp"
    assert OpenXmlValidator().validate(str(path)).errors == []
    footer = docx.Document(str(path)).sections[0].footer
    assert "See the plan." in [p.text for p in footer.paragraphs]


