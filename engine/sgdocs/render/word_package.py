"""What a Word package may hold. A restyled template is e-mailed between partnerships, so
sgdocs treats it as untrusted until checked, and checks every document filled in from one
again before it is written.

A .docx is a zip of XML parts joined by relationships. Three things in one would hurt the
people who open it or the machine that builds it:

- a part too big to unpack (a zip bomb): refused from the zip's directory, and each part
  unpacked with a limit, before python-docx reads anything;
- a relationship to something outside the file (an attached template on a web address, a
  picture or object on a network share), which Word fetches when the document is opened:
  only links to web, mail and phone addresses may leave the file;
- a part that is not well-formed XML, or that names a relationship it does not have, which
  Word reports as a damaged file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.opc.part import XmlPart
from lxml import etree

from sgdocs.errors import Finding, Location, TemplateProblem
from sgdocs.read import zips
from sgdocs.read.addresses import link_problem

MAX_PART_BYTES = 50_000_000
"""The most one part of a template may unpack to. A template's biggest parts, its styles and
its pictures, are well under a megabyte; a 6 MB file unpacking to gigabytes is an attack."""

MAX_TEMPLATE_BYTES = 200_000_000
"""The most a whole template may unpack to, and the most its file may be: python-docx holds
every part in memory at once."""

MAX_PARTS = 2_000
"""The most parts a template may hold; Word's own have about twenty."""

_DIRECTORY_BYTES = MAX_PARTS * 1_024
"""The most the zip's list of parts may take (an entry takes about a hundred bytes), checked
before the list is read, so that counting the parts is quick too."""


NOTES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml")
"""The notes parts, filled in like the body."""

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REFERENCES = etree.XPath("//@r:*", namespaces={"r": _R})
"""Every attribute in the relationships namespace names a relationship of its part (r:id,
r:embed, r:link, …)."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

_PART_NAMES = {"main": "the body", "header": "the header", "footer": "the footer",
               "footnotes": "the footnotes", "endnotes": "the endnotes",
               "comments": "the comments", "settings": "the settings",
               "webSettings": "the web settings", "styles": "the styles",
               "numbering": "the numbering", "fontTable": "the fonts", "theme": "the theme",
               "core-properties": "the document properties",
               "extended-properties": "the document properties",
               "custom-properties": "the document properties"}
"""Plain names of the parts Word users may recognise, by the end of their content type."""

_OUTSIDE = {
    "attachedTemplate": ("an attached template", "remove it in Word: Developer > Document "
                         "Template, empty the Document template box, then save"),
    "image": ("a picture", "remove it in Word: delete the picture and insert it again with "
              "Insert > Pictures > This Device, without Link to File"),
    "oleObject": ("an embedded object", "remove it in Word: delete the object, or insert it "
                  "again with Insert > Object without Link to file"),
    "package": ("an embedded object", "remove it in Word: delete the object, or insert it "
                "again with Insert > Object without Link to file"),
    "aFChunk": ("an inserted document", "save the template again without it: copy the "
                "inserted text, delete it, and paste it back as text"),
    "subDocument": ("a subdocument", "save the template again without it: in Outline view, "
                    "Unlink the subdocument"),
    "frame": ("a frame", "save the template again without it: delete the frame"),
    "video": ("a video", "save the template again without it: delete the video"),
    "audio": ("a sound", "save the template again without it: delete the sound"),
}
"""What each kind of relationship is, in plain words, and how to take it out in Word."""


@dataclass(frozen=True)
class Problem:
    """Something Word should not be given, in the part `part` names. `problem` is said of
    the part, so that a template and a document filled in from it are told the same way."""

    part: str
    problem: str
    hint: str


def unpacked_template(path: Path) -> io.BytesIO:
    """The template at `path` for python-docx to open, once nothing in it can unpack to more
    than the limits: python-docx unpacks each part whole, trusting the size the zip gives
    it, so a zip bomb must be refused before python-docx sees it."""
    data = _read(path)
    try:  # zipfile's reading of the zip's last record, which gives the list's size
        end = zipfile._EndRecData(io.BytesIO(data))  # type: ignore[attr-defined]
        if end and end[5] > _DIRECTORY_BYTES:
            raise _refused(path, f"the template's list of parts takes {end[5]:,} bytes, "
                           f"too many for the {MAX_PARTS:,} parts a Word template may have")
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise _unopenable(path, "it is not a zip package, as every .docx is") from None
    _check_sizes(path, archive.infolist())
    try:
        return zips.within(data, archive, MAX_PART_BYTES, MAX_TEMPLATE_BYTES)
    except zips.DamagedPart as exc:
        raise _unopenable(path, f"its part {_shown(str(exc))} is damaged or "
                          "encrypted") from None


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise _refused(path, f"the template is {size:,} bytes, over the "
                           f"{MAX_TEMPLATE_BYTES:,}-byte limit for a Word template")
        with path.open("rb") as stream:
            return stream.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise TemplateProblem([Finding(Location(path), f"cannot read the template: "
                                       f"{exc.strerror}", "check that the file is there and "
                                       "that you may read it")]) from None


def _check_sizes(path: Path, parts: list[zipfile.ZipInfo]) -> None:
    """The sizes the zip gives, and how it packs each part: deflate, which Word uses, and
    storing are the ways whose unpacking can be bounded."""
    if len(parts) > MAX_PARTS:
        raise _refused(path, f"the template holds {len(parts):,} parts, more than the "
                       f"{MAX_PARTS:,} a Word template may have")
    for info in parts:
        if info.file_size > MAX_PART_BYTES:
            raise _refused(path, f"the part {_shown(info.filename)} unpacks to "
                           f"{info.file_size:,} bytes, over the {MAX_PART_BYTES:,}-byte limit "
                           "for one part of a Word template")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _unopenable(path, f"its part {_shown(info.filename)} is packed in a way "
                              "Word does not use")
    total = sum(info.file_size for info in parts)
    if total > MAX_TEMPLATE_BYTES:
        raise _refused(path, f"the template unpacks to {total:,} bytes, over the "
                       f"{MAX_TEMPLATE_BYTES:,}-byte limit for a Word template")


def _refused(path: Path, message: str) -> TemplateProblem:
    return TemplateProblem([Finding(Location(path), message, "a Word template holds styles, "
                                    "a header and footer and a few pictures, far less than "
                                    "this: start again from `sgdocs templates export`")])


def _unopenable(path: Path, why: str) -> TemplateProblem:
    return TemplateProblem([Finding(Location(path), f"this is not a Word document sgdocs can "
                                    f"open ({why})", "save it from Word as a .docx document")])


def problems(package: Any) -> list[Problem]:
    """Everything in the python-docx `package` Word should not be given: parts that are not
    well-formed XML, references to relationships a part does not have, and relationships
    to anything outside the file but links to web, mail and phone addresses."""
    found = [Problem("_rels/.rels (the package)", *outside)
             for rel in package.rels.values() if (outside := _outside(rel))]
    for part in package.iter_parts():
        name = f"{part.partname.lstrip('/')} ({part_name(part.content_type)})"
        element = part.element if isinstance(part, XmlPart) else None
        if element is None and _is_xml(part.content_type):
            try:
                element = etree.fromstring(part.blob, _PARSER)
            except etree.XMLSyntaxError as exc:
                found.append(Problem(name, f"is not well-formed XML ({_shown(str(exc))})",
                                     "save the template again from Word, and run `sgdocs "
                                     "lint` on it: a block tag must open and close in the "
                                     "same table cell, footnote or text box"))
                continue
        if element is not None:
            found += [Problem(name, f"names a relationship, \u201c{_shown(rid)}\u201d, that "
                              "it does not have", "Word would call the document damaged: "
                              "save the template again from Word")
                      for rid in sorted(set(_REFERENCES(element)) - set(part.rels))]
        found += [Problem(name, *outside) for rel in part.rels.values()
                  if (outside := _outside(rel))]
    return found


def verify(package: Any, template: Path) -> None:
    """Refuse a filled-in document Word would call damaged, or that reaches outside itself:
    the last check before it is written, whatever the template or content did."""
    found = problems(package)
    if found:
        raise TemplateProblem([Finding(Location(template), f"the filled-in template's part "
                                       f"{problem.part} {problem.problem}", problem.hint)
                               for problem in found])


def template_findings(package: Any, template: Path) -> list[Finding]:
    """The problems of the template's own package, as `sgdocs lint` reports them."""
    return [Finding(Location(template), f"the template's part {problem.part} "
                    f"{problem.problem}", problem.hint) for problem in problems(package)]


def _outside(rel: Any) -> tuple[str, str] | None:
    """What is wrong with `rel` (message and hint), if it leaves the file where it may not."""
    if not rel.is_external:
        return None
    target = _shown(rel.target_ref)
    kind = rel.reltype.rsplit("/", 1)[-1]
    if kind == "hyperlink":
        if link_problem(rel.target_ref) is None:
            return None
        return (f"links to \u201c{target}\u201d, and links may only go to https:, http:, "
                "mailto: and tel: addresses", "remove it in Word: right-click the link, "
                "then Remove Hyperlink")
    what, remedy = _OUTSIDE.get(kind, (f"a file (of the kind \u201c{_shown(kind)}\u201d)",
                                       "save the template again without it, or start "
                                       "again from `sgdocs templates export`"))
    return (f"refers to {what} outside the file, at \u201c{target}\u201d",
            f"{remedy} (Word would fetch it whenever the document is opened)")


def part_name(content_type: str) -> str:
    """A part by what it is in Word ("the body", "the footer"), from its content type."""
    kind = content_type.rsplit(".", 1)[-1].rsplit("/", 1)[-1].removesuffix("+xml")
    return _PART_NAMES.get(kind, "a part")


def _is_xml(content_type: str) -> bool:
    return content_type.endswith("+xml") or content_type in ("application/xml", "text/xml")


def _shown(text: str) -> str:
    """Text from a file, safe to print: no control characters, at most 80 of them."""
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 80 else text[:79] + "\u2026"
