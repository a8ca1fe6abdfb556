"""The blocks of words a layout is made of: rich text, paragraphs, lists, figures, quoted
extracts and quotations, the document's title and its pictures. Tables, facts and forms are
in `layout_tables`; sections, headings and repeats, which hold other blocks, in `layout`.

Wording names fields in Jinja and may mark bold, links, details on one line and a label
before a tab (`sgdocs.kinds.wording`).
"""

from __future__ import annotations

from typing import Literal

from sgdocs.read.schema import Model, Text

HOUSE_STYLES = ("lead", "caption", "attribution", "headline")
"""The paragraph styles every layout has: lead, an opening paragraph; caption, under a figure
or table; attribution, who is quoted; headline, a figure or finding set apart."""


class Block(Model):
    when: Text | None = None
    """Shown only when this holds, e.g. `funding.contributions` or `cost.expenses`."""


class RichText(Block):
    text: Text
    """A field of rich text (paragraphs, lists, links), e.g. `purpose`."""


class Paragraph(Block):
    paragraph: Text
    """A paragraph's words, naming fields where they follow the content, e.g.
    `These arrangements take effect from {{ effective_from }}.`"""
    style: Text | None = None
    """One of the house styles (lead, caption, attribution, headline), or one of the
    layout's own `styles`, e.g. `Salutation`."""
    word: Text | None = None
    """Its words in the Word document, where they differ from the web page's and the PDF's,
    e.g. to say how to fill in the fields only Word has."""


class BulletList(Block):
    list: Text
    """The field holding the list, e.g. `key_questions.items`."""
    each: Text = "item"
    """The name each entry goes by in `item`."""
    item: Text | None = None
    """Each entry's words; by default the entry itself."""
    numbered: bool = False
    """Numbered (1, 2, 3) rather than bulleted."""
    body: Text | None = None
    """A field of rich text shown under each entry's words, e.g. `priority.description`:
    the words are then the entry's title, in bold."""
    lead_in: Text | None = None
    """Words in bold at the start of each entry, e.g. `{{ method.name }}`; `item` follows."""
    link: Text | None = None
    """The field holding the web address each entry's words link to, e.g. `source.url`;
    an entry without one is plain words."""
    style: Literal["notes"] | None = None
    """notes: small and unbulleted, as sources and footnotes are printed."""


class Points(Block):
    points: Text
    """A field with an optional `intro` and its `items`, shown as text and a bulleted list."""


class Figure(Block):
    figure: Text
    """A chart the document describes, e.g. `reviews.figures.totals.chart`."""
    caption: Text
    """What it shows, and where its figures are given as a table."""


class Extract(Block):
    extract: Text
    """Paragraphs quoted from a source, each with its number, e.g. `appendix.paragraphs`."""
    each: Text = "paragraph"
    """The name each paragraph goes by in `number` and `text`."""
    number: Text
    """Each paragraph's number, e.g. `{{ paragraph.number }}.`"""
    text: Text
    """Each paragraph's words, e.g. `{{ paragraph.text }}`."""
    source: Text | None = None
    """Where they are quoted from, printed under them."""


class Quote(Block):
    quote: Text
    """A field of rich text in someone's own words, e.g. `scrutiny.evaluation`, set apart as
    a quotation; left out when the field is absent."""
    by: Text | None = None
    """The field naming who is quoted, printed under the quotation when it is filled in,
    e.g. `scrutiny.scrutineer`."""


class Title(Block):
    title: Text
    """The document's title where the page shows it, in place of the standard cover, e.g.
    `{{ subject }}`: Word's Title style, the web page's main heading."""
    subtitle: Text | None = None
    """A line under it, e.g. `{{ partnership.name }} · Reference {{ reference }}`."""


class Picture(Block):
    picture: Text
    """A picture the content gives (an `image:` with its text alternative and caption),
    e.g. `article.image`: shown with its caption, if it has one; left out when absent."""
