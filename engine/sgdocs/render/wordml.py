"""Markdown as native Word paragraphs, runs and tables, in the template's own styles.

A business manager restyles "List Bullet" or "Quote" in Word and expects every list and
quote to follow, so lists are real list paragraphs in the template's List Bullet / List
Number / List Continue styles (levels 1–3), never typed bullets. Each numbered list starts
again at its own first number: it gets its own numbering instance of the style's list
definition, with a start override. Links are real hyperlinks with relationships. Tables are
Word tables in the "sgdocs Table" style (`word_tables`); a field's sub-headings are Heading
styles, their levels set once the template has placed them (`word_headings`).

The output is WordprocessingML text for docxtpl: `{{p field }}` takes paragraphs,
`{{r field }}` takes runs.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx.image.image import Image as DocxImage
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree
from markdown_it.token import Token
from markupsafe import Markup

from sgdocs.errors import Finding, Location, TemplateProblem
from sgdocs.read import richtext
from sgdocs.read.charts import BarChart
from sgdocs.read.schema import Image
from sgdocs.read.values import Rag
from sgdocs.render import charts
from sgdocs.render.word_headings import placeholder
from sgdocs.render.word_package import part_name
from sgdocs.render.word_tables import TABLE_STYLE, table_xml

LIST_STYLES = ("List Bullet", "List Number", "List Continue")
STYLES_NEEDED = (
    *(f"{base}{suffix}" for base in LIST_STYLES for suffix in ("", " 2", " 3")),
    "Quote",
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LINK = re.compile(r'<w:hyperlink r:id="sgdocs-link-(\d+)"')
"""A link to an address outside, waiting for its relationship (content cannot write `<`)."""


def xml_text(text: str) -> str:
    """`text` made safe inside a <w:t> element: escaped, and without characters XML forbids."""
    return escape(_NOT_XML.sub("\ufffd", text))


class _Picture(Markup):
    """A picture added to the document only where a template prints it, and to the part
    it is printed in (a logo in the header belongs to the header)."""

    _make: Callable[[], str]

    def __new__(cls, make: Callable[[], str]) -> _Picture:
        picture = super().__new__(cls, "")
        picture._make = make
        return picture

    def __html__(self) -> Markup:  # type: ignore[override]  # printed, it is the picture
        return Markup(self._make())

    def __bool__(self) -> bool:
        return True


class _Linked(Markup):
    """Rich text with links to addresses outside. Each link's relationship is made when the
    text is printed, in the part it is printed in, as a picture's is: a link in a footer
    must be the footer's, or Word finds the document damaged."""

    _relate: Callable[[int], str] | None = None

    def __html__(self) -> Markup:  # type: ignore[override]  # printed, the links are related
        relate = self._relate
        if relate is None:  # a copy made by Markup's own methods (`+`): refused before writing
            return Markup(self)
        return Markup(_LINK.sub(lambda link: f'<w:hyperlink r:id="{relate(int(link[1]))}"',
                                self))


_PLAIN_PARAGRAPH = re.compile(r"<w:p>(?:(<w:pPr>)(?!<w:pStyle)|(?!<w:pPr>))")
_QUOTE_STYLE = '<w:pStyle w:val="Quote"/>'


def quoted(text: Any) -> Any:
    """Rich text set as a quotation: each paragraph without a style of its own (a list
    item keeps its own) in Word's "Quote" style, as a Markdown block quote would be."""
    if not isinstance(text, Markup) or "<w:p>" not in text:
        return text
    restyled = _PLAIN_PARAGRAPH.sub(
        lambda p: f"<w:p><w:pPr>{_QUOTE_STYLE}" + ("" if p[1] else "</w:pPr>"), text)
    if not isinstance(text, _Linked):
        return Markup(restyled)
    linked = _Linked(restyled)
    linked._relate = text._relate
    return linked


@dataclass
class _List:
    ordered: bool
    depth: int
    num_id: str | None
    item_paragraphs: int = 0


def style_names(document: Any) -> dict[str, str]:
    """Each style's name as Word shows it ("Heading 1"), by its id: read from the styles
    part directly, many times quicker than through python-docx's style objects."""
    from docx.styles import BabelFish

    return {str(style.get(qn("w:styleId"))): BabelFish.internal2ui(str(name.get(qn("w:val"))))
            for style in document.styles.element.iterchildren(qn("w:style"))
            if (name := style.find(qn("w:name"))) is not None}


def missing_style(name: str) -> str:
    return f"the Word template has no \u201c{name}\u201d style, which lists, quotes, " \
        "tables and headings in the content need"


MISSING_STYLE_HINT = ("add the style in Word (Styles pane), or start again from `sgdocs "
                      "templates export`")


class WordWriter:
    """Writes Markdown into one Word document being rendered (it adds links and numbering)."""

    def __init__(self, document: Any, template: Location,
                 rendering_part: Callable[[], Any] | None = None) -> None:
        """`rendering_part` gives the part (body, header, footer, notes) being filled in,
        which pictures and links belong to; without it, the body."""
        self._document = document
        self._template = template
        self._rendering_part = rendering_part or (lambda: document.part)
        self._style_ids = {name: style_id for style_id, name in style_names(document).items()}
        self._link_style = self._style_ids.get("Hyperlink")
        self._addresses: list[str] = []  # of links to addresses outside, by number

    def rich(self, text: str, inline: bool) -> Markup:
        return self.inline(text) if inline else self.block(text)

    def chart(self, chart: BarChart) -> Markup:
        """The chart as an inline picture, its alt text in the picture's description."""
        return self._picture(charts.png(chart), chart.alt, chart.title, Mm(160))

    def image(self, image: Image) -> Markup:
        """The picture at its own size, no wider than the text."""
        data = image.path.read_bytes()
        native = DocxImage.from_blob(data).width
        return self._picture(data, image.alt, image.alt, min(native, Mm(160)))

    def logo(self, image: Image) -> Markup:
        """The logo, as tall as a header line allows."""
        return self._picture(image.path.read_bytes(), image.alt, image.alt, None, Mm(12))

    def _picture(self, data: bytes, alt: str, title: str, width: int | None,
                 height: int | None = None) -> Markup:
        return _Picture(lambda: self._picture_xml(data, alt, title, width, height))

    def _picture_xml(self, data: bytes, alt: str, title: str, width: int | None,
                     height: int | None) -> str:
        part = self._rendering_part()
        if not hasattr(part, "new_pic_inline"):  # python-docx places pictures in stories only
            raise TemplateProblem([Finding(
                self._template, f"a picture cannot be placed in {part_name(part.content_type)}",
                "move the tag that prints it (a logo, a chart, a picture field) into the body, "
                "a header or the footer")])
        picture = part.new_pic_inline(io.BytesIO(data), width, height)
        for side in ("distT", "distB", "distL", "distR"):  # else LibreOffice pads it 3 mm
            picture.set(side, "0")
        picture.docPr.set("descr", alt)
        picture.docPr.set("title", title)
        return (f"<w:r><w:drawing>{etree.tostring(picture, encoding='unicode')}"
                "</w:drawing></w:r>")

    def rag(self, rating: Rag) -> Markup:
        """A square in the rating's colour, then the word in bold."""
        return Markup(f'<w:r><w:rPr><w:color w:val="{rating.colour}"/></w:rPr>'
                      '<w:t xml:space="preserve">\u25a0 </w:t></w:r>'
                      f"<w:r><w:rPr><w:b/></w:rPr><w:t>{rating.word}</w:t></w:r>")

    def link(self, address: str, words: str | None = None, bold: bool = False) -> Markup:
        """A link to `address` (or to `#name`, a place in the document), its words plain
        text (in bold with `bold`), by default the address: for a template to place with
        {{r }}."""
        href = str(address)
        return self._linked(self._link_start(href) + self._run(
            href if words is None else str(words), bold, False, False, True) + "</w:hyperlink>")

    def missing_styles(self) -> list[str]:
        return [name for name in STYLES_NEEDED if name not in self._style_ids]

    def block(self, text: str) -> Markup:
        paragraphs: list[str] = []
        frames: list[_List | str] = []  # open lists, and "quote" for block quotes
        style: str | None = None
        num: tuple[str, str] | None = None
        parsed = richtext.block_tokens(text)
        top, tokens = richtext.heading_top(parsed), iter(parsed)
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                depth = sum(isinstance(f, _List) for f in frames) + 1
                ordered = kind == "ordered_list_open"
                start = int(token.attrGet("start") or 1)
                num_id = self._restarted_numbering(self._list_style("List Number", depth),
                                                   start) if ordered else None
                frames.append(_List(ordered, depth, num_id))
            elif kind == "blockquote_open":
                frames.append("quote")
            elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
                frames.pop()
            elif kind == "list_item_open":
                frame = frames[-1]
                assert isinstance(frame, _List)
                frame.item_paragraphs = 0
            elif kind == "paragraph_open":
                style, num = self._paragraph_style(frames)
            elif kind == "heading_open":
                style, num = placeholder(richtext.heading_depth(token, top)), None
            elif kind == "table_open":  # its cells are written with it, and skipped here
                cells = list(itertools.takewhile(lambda t: t.type != "table_close", tokens))
                paragraphs.append(table_xml([token, *cells], self.style_id(TABLE_STYLE),
                                            self._cell_runs))
            elif kind == "inline":
                paragraphs.append(self._paragraph(style, num, token.children or []))
        return self._linked("".join(paragraphs))

    def inline(self, text: str) -> Markup:
        return self._linked(self._runs(richtext.inline_tokens(text)))

    def _linked(self, xml: str) -> Markup:
        if not _LINK.search(xml):
            return Markup(xml)
        linked = _Linked(xml)
        linked._relate = self._related
        return linked

    def _related(self, number: int) -> str:
        """The id of a relationship to the address of link `number`, from the part being
        filled in."""
        return str(self._rendering_part().relate_to(
            self._addresses[number], RELATIONSHIP_TYPE.HYPERLINK, is_external=True))

    def _paragraph_style(self, frames: list[_List | str]) -> tuple[str | None,
                                                                   tuple[str, str] | None]:
        if not frames:
            return None, None
        frame = frames[-1]
        if isinstance(frame, str):
            return self.style_id("Quote"), None
        frame.item_paragraphs += 1
        if frame.item_paragraphs > 1:
            return self.style_id(self._list_style("List Continue", frame.depth)), None
        base = "List Number" if frame.ordered else "List Bullet"
        name = self._list_style(base, frame.depth)
        num = (frame.num_id, self._style_level(name)) if frame.num_id else None
        return self.style_id(name), num

    @staticmethod
    def _list_style(base: str, depth: int) -> str:
        level = min(depth, richtext.LIST_LEVELS)
        return base if level == 1 else f"{base} {level}"

    def style_id(self, name: str) -> str:
        try:
            return self._style_ids[name]
        except KeyError:
            raise TemplateProblem([Finding(
                self._template, missing_style(name), MISSING_STYLE_HINT)]) from None

    def _style_level(self, name: str) -> str:
        levels = self._document.styles[name].element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        return str(levels[0]) if levels else "0"

    def _restarted_numbering(self, style_name: str, start: int) -> str | None:
        """A new numbering instance of the style's list definition, starting at `start`."""
        style_num = self._document.styles[style_name].element.xpath(
            "./w:pPr/w:numPr/w:numId/@w:val") if style_name in self._style_ids else []
        if not style_num:
            return None
        numbering = self._document.part.numbering_part.element
        abstract = numbering.num_having_numId(int(style_num[0])).abstractNumId.val
        num = numbering.add_num(abstract)
        override = num.add_lvlOverride(ilvl=int(self._style_level(style_name)))
        override.add_startOverride(start)
        return str(num.numId)

    def _paragraph(self, style: str | None, num: tuple[str, str] | None,
                   children: list[Token]) -> str:
        props = ""
        if style:
            props += f"<w:pStyle w:val={quoteattr(style)}/>"
        if num:
            props += (f'<w:numPr><w:ilvl w:val="{num[1]}"/>'
                      f'<w:numId w:val="{num[0]}"/></w:numPr>')
        ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
        return f"<w:p>{ppr}{self._runs(children)}</w:p>"

    def _cell_runs(self, children: list[Token], header: bool) -> str:
        """A table cell's runs; in the header row, links keep the row's colour, underlined
        (the link colour would not stand out from the header's fill)."""
        return self._runs(children, plain_links=header)

    def _runs(self, children: list[Token], plain_links: bool = False) -> str:
        out: list[str] = []
        bold = italic = strike = 0
        in_link = False
        for token in children:
            kind = token.type
            if kind in ("text", "code_inline", "html_inline") and token.content:
                out.append(self._run(token.content, bold > 0, italic > 0, strike > 0, in_link,
                                     plain_links))
            elif kind == "softbreak":
                out.append(self._run(" ", bold > 0, italic > 0, strike > 0, in_link,
                                     plain_links))
            elif kind == "hardbreak":
                out.append("<w:r><w:br/></w:r>")
            elif kind in ("strong_open", "strong_close"):
                bold += 1 if kind.endswith("open") else -1
            elif kind in ("em_open", "em_close"):
                italic += 1 if kind.endswith("open") else -1
            elif kind in ("s_open", "s_close"):
                strike += 1 if kind.endswith("open") else -1
            elif kind == "link_open":
                out.append(self._link_start(str(token.attrGet("href"))))
                in_link = True
            elif kind == "link_close":
                out.append("</w:hyperlink>")
                in_link = False
        return "".join(out)

    def _link_start(self, href: str) -> str:
        """A hyperlink to a bookmark in the document (`#name`), or to an address outside,
        numbered until it is printed (`_Linked`)."""
        if href.startswith("#"):
            return f"<w:hyperlink w:anchor={quoteattr(href[1:])} w:history=\"1\">"
        self._addresses.append(href)
        return f'<w:hyperlink r:id="sgdocs-link-{len(self._addresses) - 1}" w:history="1">'

    def _run(self, text: str, bold: bool, italic: bool, strike: bool, link: bool,
             plain_link: bool = False) -> str:
        props = ""
        styled = link and self._link_style and not plain_link
        if styled:
            props += f"<w:rStyle w:val={quoteattr(str(self._link_style))}/>"
        props += "<w:b/>" * bold + "<w:i/>" * italic + "<w:strike/>" * strike
        if link and not styled:
            props += ('<w:u w:val="single"/>' if plain_link
                      else '<w:color w:val="0563C1"/><w:u w:val="single"/>')
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'
