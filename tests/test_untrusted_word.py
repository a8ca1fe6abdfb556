"""A restyled Word template is e-mailed between partnerships, so it is untrusted: whatever it
holds, sgdocs refuses it with a clear message at the template file, or makes a sound Word
document from it. Each case starts from the shipped role brief template, spoiled in its
zip and XML the way a hostile or careless sender could."""

from __future__ import annotations

import random
import shutil
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree
from openxml_audit import OpenXmlValidator

from conftest import CONTENT, REPO, cli
from sgdocs.errors import TemplateProblem
from sgdocs.pipeline.build import build
from sgdocs.pipeline.load import load_document
from sgdocs.render import word_package
from sgdocs.render.docx import render
from sgdocs.render.wordml import WordWriter
from yamledit import set_value

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
NAMESPACES = f'xmlns:w="{W}" xmlns:r="{R}"'

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


def relate(parts: Parts, part: str, rel_id: str, kind: str, target: str,
           external: bool = True) -> None:
    """A relationship of `part` (e.g. "word/settings.xml") of the type ending in `kind`."""
    folder, name = part.rsplit("/", 1)
    rels = f"{folder}/_rels/{name}.rels"
    tree = etree.fromstring(parts.get(rels, f'<Relationships xmlns="{PACKAGE_RELS}"/>'.encode()))
    rel = etree.SubElement(tree, f"{{{PACKAGE_RELS}}}Relationship", Id=rel_id,
                           Type=f"{R}/{kind}", Target=target)
    if external:
        rel.set("TargetMode", "External")
    parts[rels] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def insert(parts: Parts, part: str, after: str, xml: str) -> None:
    """`xml` put into `part` just after the first `after` in it."""
    text = parts[part].decode()
    at = text.index(after) + len(after)
    parts[part] = (text[:at] + xml + text[at:]).encode()


def replace(parts: Parts, part: str, old: str, new: str) -> None:
    assert old.encode() in parts[part], old
    parts[part] = parts[part].replace(old.encode(), new.encode(), 1)


def add_notes(parts: Parts, kind: str, notes: list[str],
              after: str = ". Purpose</w:t></w:r>") -> None:
    """Footnotes or endnotes (`kind` "footnote" or "endnote"), each given as its XML, marked
    after the first `after` in the body (the role brief's heading "1. Purpose")."""
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
    body = "".join(f'<w:{kind} w:id="{number}">{xml}</w:{kind}>'
                   for number, xml in enumerate(notes, start=1))
    parts[f"word/{kind}s.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  f"<w:{kind}s {NAMESPACES}>{body}</w:{kind}s>").encode()
    types = etree.fromstring(parts["[Content_Types].xml"])
    etree.SubElement(types, f"{{{TYPES}}}Override", PartName=f"/word/{kind}s.xml",
                     ContentType=content_type)
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True,
                                                  encoding="UTF-8")
    relate(parts, "word/document.xml", f"rId{kind}s", f"{kind}s", f"{kind}s.xml",
           external=False)
    marks = "".join(f'<w:r><w:{kind}Reference w:id="{number}"/></w:r>'
                    for number in range(1, len(notes) + 1))
    insert(parts, "word/document.xml", after, marks)


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def in_table(text: str) -> str:
    return f"<w:tbl><w:tr><w:tc>{paragraph(text)}</w:tc></w:tr></w:tbl>"


def lint(template: Path) -> str:
    """`sgdocs lint` of the template, its messages each on one line."""
    return cli("lint", str(template), "--kind", "role-brief").output


def build_docx(content: Path, out: Path) -> str:
    result = cli("build", str(content / "role-brief.yaml"), "--out", str(out), "--format",
                 "docx")
    assert result.exit_code == 1, result.output
    assert not list(out.rglob("*.docx"))
    return result.output


def output_parts(path: Path) -> Parts:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


# Nothing outside the file

OUTSIDE = [
    ("word/settings.xml", "attachedTemplate", "https://templates.example.org/house.dotm",
     ('<w:proofState w:spelling="clean" w:grammar="clean"/>',
      '<w:attachedTemplate r:id="rIdOut"/>'), "the settings", "an attached template",
     "remove it in Word: Developer > Document Template, empty the Document template box, "
     "then save"),
    ("word/document.xml", "aFChunk", r"\\fileserver\share\introduction.docx",
     ("<w:body>", '<w:altChunk r:id="rIdOut"/>'), "the body", "an inserted document",
     "save the template again without it: copy the inserted text, delete it, and paste it "
     "back as text"),
    ("word/document.xml", "oleObject", r"\\fileserver\share\budget.xlsx", None, "the body",
     "an embedded object", "remove it in Word: delete the object, or insert it again with "
     "Insert > Object without Link to file"),
    ("word/header1.xml", "image", "file:///C:/Users/Public/crest.png", None, "the header",
     "a picture", "remove it in Word: delete the picture and insert it again with Insert > "
     "Pictures > This Device, without Link to File"),
]


@pytest.mark.parametrize(("part", "kind", "target", "reference", "name", "what", "remedy"),
                         OUTSIDE, ids=[case[1] for case in OUTSIDE])
def test_a_template_that_refers_outside_itself_is_refused(
        bexley_copy: Path, tmp_path: Path, part: str, kind: str, target: str,
        reference: tuple[str, str] | None, name: str, what: str, remedy: str) -> None:
    template = restyled(bexley_copy)

    def refer_outside(parts: Parts) -> None:
        relate(parts, part, "rIdOut", kind, target)
        if reference:
            insert(parts, part, *reference)

    rewrite(template, refer_outside)
    message = (f"{template}: error: the template's part {part} ({name}) refers to {what} "
               f"outside the file, at \u201c{target}\u201d\n  hint: {remedy} (Word would fetch "
               "it whenever the document is opened)\n")
    assert message in lint(template)
    assert message in build_docx(bexley_copy, tmp_path / "out")


def _footer_link(target: str) -> Callable[[Parts], None]:
    """A change to a template: a link to `target` in its footer."""
    def link(parts: Parts) -> None:
        relate(parts, "word/footer1.xml", "rIdLink", "hyperlink", target)
        replace(parts, "word/footer1.xml", "<w:t>{{ title }}</w:t>",
                '<w:t>{{ title }}</w:t></w:r><w:hyperlink r:id="rIdLink"><w:r>'
                "<w:t>Minutes</w:t></w:r></w:hyperlink><w:r>")
    return link


@pytest.mark.parametrize("target", ["file:///etc/passwd", "javascript:alert(1)",
                                    r"\\fileserver\share\minutes.docx", "minutes.docx"])
def test_links_in_a_template_go_only_to_web_mail_and_phone_addresses(
        bexley_copy: Path, tmp_path: Path, target: str) -> None:
    template = restyled(bexley_copy)

    rewrite(template, _footer_link(target))
    message = (f"{template}: error: the template's part word/footer1.xml (the footer) links to "
               f"\u201c{target}\u201d, and links may only go to https:, http:, mailto: and tel: "
               "addresses\n  hint: remove it in Word: right-click the link, then Remove "
               "Hyperlink\n")
    assert message in lint(template)
    assert message in build_docx(bexley_copy, tmp_path / "out")


@pytest.mark.parametrize("target", ["https://www.bexley.gov.uk/minutes",
                                    "mailto:scrutiny@bexley.gov.uk", "tel:+442083037777"])
def test_a_link_to_a_web_mail_or_phone_address_is_fine(bexley_copy: Path, target: str
                                                       ) -> None:
    template = restyled(bexley_copy)

    rewrite(template, _footer_link(target))
    result = cli("lint", str(template), "--kind", "role-brief", "--strict")
    assert result.exit_code == 0, result.output
    built = build([bexley_copy / "role-brief.yaml"], bexley_copy / "out", ("docx",))
    assert built.ok, [str(f) for f in built.findings]


# Zip bombs

def _zeros(size: int) -> bytes:
    return bytes(size)


def bomb_part(parts: Parts) -> None:
    parts["word/media/huge.bin"] = _zeros(word_package.MAX_PART_BYTES + 1)


def bomb_total(parts: Parts) -> None:
    size = word_package.MAX_PART_BYTES - 1
    for number in range(word_package.MAX_TEMPLATE_BYTES // size + 1):
        parts[f"word/media/big{number}.bin"] = _zeros(size)


def bomb_count(parts: Parts) -> None:
    for number in range(word_package.MAX_PARTS):
        parts[f"word/media/{number}.txt"] = b""


def bomb_directory(parts: Parts) -> None:
    for number in range(1_000):
        parts[f"word/media/{'x' * 2_000}{number}.txt"] = b""


BOMBS = [
    (bomb_part, "the part word/media/huge.bin unpacks to 50,000,001 bytes, over the "
     "50,000,000-byte limit for one part of a Word template"),
    (bomb_total, "the template unpacks to {total:,} bytes, over the 200,000,000-byte limit "
     "for a Word template"),
    (bomb_count, "the template holds 2,017 parts, more than the 2,000 a Word template may "
     "have"),
    (bomb_directory, "the template's list of parts takes {directory:,} bytes, too many for "
     "the 2,000 parts a Word template may have"),
]


@pytest.mark.parametrize(("spoil", "message"), BOMBS, ids=["part", "total", "count", "directory"])
def test_a_zip_bomb_is_refused_before_it_is_opened(bexley_copy: Path, tmp_path: Path,
                                                   spoil: Callable[[Parts], None],
                                                   message: str) -> None:
    template = restyled(bexley_copy)
    rewrite(template, spoil)
    with zipfile.ZipFile(template) as archive:
        entries = archive.infolist()
    message = message.format(total=sum(entry.file_size for entry in entries),
                             directory=sum(46 + len(entry.filename) + len(entry.extra)
                                           for entry in entries))  # the zip's list of parts
    started = time.monotonic()
    output = lint(template)
    assert time.monotonic() - started < 5
    assert (f"{template}: error: {message}\n  hint: a Word template holds styles, a header and "
            "footer and a few pictures, far less than this: start again from `sgdocs "
            "templates export`\n") in output
    assert f"{template}: error: {message}" in build_docx(bexley_copy, tmp_path / "out")


def test_a_part_bigger_than_its_zip_entry_says_is_refused(bexley_copy: Path) -> None:
    """The zip's list of parts may lie about a part's size: one that could unpack to more
    than the limits (deflate shrinks data at most 1,032 times; this one does not shrink) is
    unpacked no further than the size given, and found to be damaged."""
    template = restyled(bexley_copy)
    noise = random.Random(0).randbytes(word_package.MAX_PART_BYTES // 1_000)
    rewrite(template, lambda parts: parts.update({"word/media/liar.bin": noise}))
    data = bytearray(template.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the zip's directory: an entry for each part
    while not data[entry + 46:].startswith(b"word/media/liar.bin"):
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 24, 1_000)  # the entry's unpacked size
    template.write_bytes(bytes(data))
    assert (f"{template}: error: this is not a Word document sgdocs can open (its part "
            "word/media/liar.bin is damaged or encrypted)\n  hint: save it from Word as a "
            ".docx document\n") in lint(template)


def test_a_part_packed_in_a_way_word_does_not_use_is_refused(bexley_copy: Path) -> None:
    """bzip2 and LZMA cannot be unpacked a bounded amount at a time."""
    template = restyled(bexley_copy)
    with zipfile.ZipFile(template, "a") as archive:
        archive.writestr("word/media/packed.bin", b"x", compress_type=zipfile.ZIP_BZIP2)
    assert (f"{template}: error: this is not a Word document sgdocs can open (its part "
            "word/media/packed.bin is packed in a way Word does not use)\n  hint: save it from "
            "Word as a .docx document\n") in lint(template)


@pytest.mark.parametrize("data", [b"", b"Dear colleagues, please find attached",
                                  b"PK\x03\x04" + bytes(100)], ids=["empty", "text", "torn"])
def test_a_template_that_is_not_a_zip_is_refused(bexley_copy: Path, data: bytes) -> None:
    template = restyled(bexley_copy)
    template.write_bytes(data)
    assert (f"{template}: error: this is not a Word document sgdocs can open (it is not a zip "
            "package, as every .docx is)\n  hint: save it from Word as a .docx document\n"
            ) in lint(template)


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


def test_footnotes_and_endnotes_are_filled_in_once(bexley_copy: Path, tmp_path: Path
                                                    ) -> None:
    """Once, however many sections the template has: filled in again, the content's own
    `{{ 7 * 7 }}` would print as 49."""
    template = restyled(bexley_copy)
    rewrite(template, lambda parts: (
        add_notes(parts, "footnote", [paragraph("Brief: {{ title }}")]),
        add_notes(parts, "endnote", [paragraph("From {{ partnership.name }}")]),
        insert(parts, "word/document.xml", "<w:body>", "<w:p><w:pPr><w:sectPr/></w:pPr></w:p>")))
    set_value(bexley_copy / "role-brief.yaml", "title", "'Brief {{ 7 * 7 }}'")
    outputs = build([bexley_copy / "role-brief.yaml"], tmp_path, ("docx",))
    assert outputs.ok, [str(f) for f in outputs.findings]
    path = next(tmp_path.rglob("role-brief.docx"))
    assert len(docx.Document(str(path)).sections) == 2
    parts = output_parts(path)
    assert "Brief: Brief {{ 7 * 7 }}" in parts["word/footnotes.xml"].decode()
    assert "From Bexley Safeguarding Partnership" in parts["word/endnotes.xml"].decode()


def test_footnotes_and_endnotes_are_linted_like_the_body(bexley_copy: Path) -> None:
    template = restyled(bexley_copy)
    rewrite(template, lambda parts: (
        add_notes(parts, "footnote", [paragraph("{%p if document_control.approved_on %}")]),
        add_notes(parts, "endnote", [paragraph("Brief: {{ titel }}")])))
    output = lint(template)
    assert (f"{template}: error: in the footnotes, in the paragraph \u201c{{%p if "
            "document_control.approved_on %}\u201d: \u201c{%p if document_control.approved_on "
            "%}\u201d is never closed\n") in output
    assert (f"{template}: error: in the endnotes, in the paragraph \u201cBrief: {{{{ titel }}}}"
            "\u201d: the template uses `titel`, which role-brief content does not have\n"
            "  hint: did you mean `title`?\n") in output


def test_a_picture_in_a_footnote_is_the_templates_problem(tmp_path: Path) -> None:
    content = tmp_path / "eastmoor"
    shutil.copytree(CONTENT / "eastmoor", content)
    template = content / "templates/docx/arrangements.docx"
    template.parent.mkdir(parents=True)
    shutil.copy(REPO / "templates/docx/arrangements.docx", template)
    rewrite(template, lambda parts: add_notes(parts, "footnote", [paragraph("{{r brand.logo }}")],
                                              after="</w:t></w:r>"))
    result = cli("build", str(content / "arrangements.yaml"), "--out", str(tmp_path / "out"),
                 "--format", "docx")
    assert result.exit_code == 1
    assert (f"{template}: error: a picture cannot be placed in the footnotes\n  hint: move the "
            "tag that prints it (a logo, a chart, a picture field) into the body, a header or "
            "the footer\n") in result.output


SPANNING = [paragraph("{%p if not title %}"), in_table("{%p endif %}")]
"""A block opened in one footnote and closed in a table cell in another: when the condition
is false, what is left out between the tags takes the start of the table with it."""


def test_a_block_spanning_a_footnote_and_a_table_cell_is_refused(bexley_copy: Path,
                                                                  tmp_path: Path) -> None:
    template = restyled(bexley_copy)
    rewrite(template, lambda parts: add_notes(parts, "footnote", SPANNING))
    message = (f"{template}: error: in the footnotes, in the paragraph \u201c{{%p if not title "
               "%}\u201d: \u201c{%p if not title %}\u201d is closed in the footnotes, in a "
               "table, row 1, column 1, \u201c{%p endif %}\u201d, not in the same table cell, "
               "footnote or text box\n  hint: open and close a block in the same table cell, "
               "footnote or text box (or both outside them): filled in as it is, the document "
               "would not be valid Word\n")
    assert message in lint(template)
    assert message in build_docx(bexley_copy, tmp_path / "out")


def test_a_filled_in_part_that_is_not_valid_xml_is_never_written(bexley_copy: Path) -> None:
    """Were the template not checked first, the filled-in footnotes would be refused."""
    template = restyled(bexley_copy)
    rewrite(template, lambda parts: add_notes(parts, "footnote", SPANNING))
    document = load_document(bexley_copy / "role-brief.yaml")
    with pytest.raises(TemplateProblem) as refused:
        render(document, document.kind.outputs[0])
    finding, = refused.value.findings
    assert str(finding) == (
        f"{template}: error: the filled-in template is not valid Word XML, in the footnotes\n"
        "  hint: open and close each block tag ({%p if %}, {%p for "
        "%}) in the same table cell, footnote or text box: `sgdocs lint` finds the ones that "
        "do not")


def test_every_output_is_checked_before_it_is_written(bexley_copy: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The last line of defence: had a link in the footer been related from the body (as it
    once was), the build would report the Word document as failed and write nothing."""
    template = restyled(bexley_copy)
    rewrite(template, link_in_the_footer)
    set_value(bexley_copy / "role-brief.yaml", "purpose",
              "See [the plan](https://www.bexley.gov.uk/bscp).")

    def related_from_the_body(writer: WordWriter, number: int) -> str:
        return str(writer._document.part.relate_to(
            writer._addresses[number], RELATIONSHIP_TYPE.HYPERLINK, is_external=True))

    monkeypatch.setattr(WordWriter, "_related", related_from_the_body)
    output = build_docx(bexley_copy, tmp_path / "out")
    assert (f"{template}: error: the filled-in template's part word/footer1.xml (the footer) "
            "names a relationship, \u201crId10\u201d, that it does not have\n  hint: Word would "
            "call the document damaged: save the template again from Word\n") in output
    assert "0 written, 1 failed." in output


def test_nothing_outside_the_file_reaches_an_output(bexley_copy: Path) -> None:
    """An output is checked as a template is: a template that was never checked (it is
    filled in here without the build's check) still cannot pass on an attached template."""
    template = restyled(bexley_copy)
    rewrite(template, lambda parts: relate(parts, "word/settings.xml", "rIdOut",
                                           "attachedTemplate", "https://example.org/x.dotm"))
    document = load_document(bexley_copy / "role-brief.yaml")
    with pytest.raises(TemplateProblem) as refused:
        render(document, document.kind.outputs[0])
    finding, = refused.value.findings
    assert finding.message == ("the filled-in template's part word/settings.xml (the settings) "
                               "refers to an attached template outside the file, at "
                               "\u201chttps://example.org/x.dotm\u201d")


# The template's own expressions

@pytest.mark.parametrize(("expression", "reason"), [
    ("{{ 1 / 0 }}", "division by zero"),
    ('{{ "page " + 1 }}', 'can only concatenate str (not "int") to str'),
])
def test_a_word_template_expression_that_fails_is_the_templates_problem(
        bexley_copy: Path, tmp_path: Path, expression: str, reason: str) -> None:
    template = restyled(bexley_copy)
    rewrite(template, lambda parts: replace(parts, "word/document.xml", ". Background<",
                                            f". Background {expression}<"))
    output = build_docx(bexley_copy, tmp_path / "out")
    assert (f"{template}: error: in the body, near \u201c{{{{ numbering.section }}}}. "
            f"Background {expression}"
            "\u201d: the "
            f"template could not be filled: {reason}\n  hint: correct the expression there\n"
            ) in output
    assert "fault in sgdocs" not in output


def test_a_failing_expression_in_the_footer_is_told_at_the_footer(bexley_copy: Path,
                                                                   tmp_path: Path) -> None:
    template = restyled(bexley_copy)
    rewrite(template, lambda parts: replace(parts, "word/footer1.xml", "{{ title }}",
                                            "{{ title }} {{ 100 // 0 }}"))
    assert (f"{template}: error: in the footer, near \u201c{{{{ title }}}} {{{{ 100 // 0 }}}}"
            "Page 1 of 1\u201d: the template could not be filled: "
            "integer division or modulo by zero\n") in build_docx(bexley_copy, tmp_path / "out")


def test_a_failure_in_code_the_template_calls_is_still_a_fault(
        bexley_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only what the template's own expression raises is the template's problem."""
    restyled(bexley_copy)

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("sgdocs.render.wordml.WordWriter.block", broken)
    output = build_docx(bexley_copy, tmp_path / "out")
    assert "error: sgdocs failed while making the docx (RuntimeError: a bug)" in output


def test_a_failing_expression_in_the_document_properties_is_the_templates_problem(
        bexley_copy: Path, tmp_path: Path) -> None:
    template = restyled(bexley_copy)
    rewrite(template, lambda parts: replace(parts, "docProps/core.xml",
                                            "generated by python-docx", "{{ 1 / 0 }}"))
    assert (f"{template}: error: in the document properties: the template could not be "
            "filled: division by zero\n  hint: correct the expression there\n"
            ) in build_docx(bexley_copy, tmp_path / "out")
