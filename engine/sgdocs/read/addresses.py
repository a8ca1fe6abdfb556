"""Addresses in documents: where a link may send a reader, and what a page may load.

One rule for every address, wherever it is written: in Markdown, in a field that holds a
web address, in a restyled template, in the page a template makes. A link goes to a web page,
an e-mail address, a phone number or a place in the same document; anything that could run
code, open a file on the reader's machine or depend on where the page is opened from
(`javascript:`, `data:`, `file:`, `/etc/passwd`, `//host/share`, `?x=1`) is refused. A page
loads nothing from the network or from outside its folders: pictures and stylesheets are
embedded (`data:`) or are files inside the content folder, and a page runs no script.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

LINK_SCHEMES = ("http", "https", "mailto", "tel")
LINK_HINT = ("link to a web page (https://), an e-mail address (mailto:) or a phone number "
             "(tel:)")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
"""What browsers drop from an address before reading it (so `java\tscript:` is javascript:)."""


def shown(address: str) -> str:
    """A web address as printed for a reader: "theasp.org.uk" for https://theasp.org.uk/."""
    return re.sub(r"^https?://", "", str(address)).rstrip("/")


def _plain(address: str) -> str:
    return _IGNORED.sub("", address)


def link_problem(address: str) -> str | None:
    """Why `address` cannot be a link in a document, or None if it can."""
    plain = _plain(address)
    if plain.startswith("#"):
        return None  # a place in the same document
    scheme = _SCHEME.match(plain)
    if scheme is None:
        return (f"the link \u201c{address[:60]}\u201d is not a whole address (it would lead "
                "somewhere different depending on where the document is opened)")
    if (name := scheme.group(1).lower()) not in LINK_SCHEMES:
        return f"a link to `{name}:` is not allowed here (\u201c{address[:60]}\u201d)"
    return None


def resource_problem(address: str) -> str | None:
    """Why a page may not load `address` (a picture, stylesheet, font or attachment), or
    None: it may load what is embedded in it, and files inside the content folder (which
    the PDF renderer checks when it reads them)."""
    plain = _plain(address)
    scheme = _SCHEME.match(plain)
    if scheme and scheme.group(1).lower() == "data":
        return None
    if scheme or plain.startswith(("/", "\\")):
        return (f"the template makes the page load \u201c{address[:80]}\u201d, which is not "
                "in the content folder")
    return None


@dataclass(frozen=True)
class PageProblem:
    line: int
    message: str
    hint: str
    text: str
    """What was found, as written: for finding it in a template's files."""


RESOURCE_HINT = ("embed the picture or style in the template, or put the file in the content "
                 "folder and name it relative to it (images/banner.png)")
ACTIVE_HINT = "a published document runs no code and pulls in no other page; remove it"
_ACTIVE = re.compile(r"<\s*(script|iframe|frame|object|embed|applet|base|form|meta\s[^>]*"
                     r"http-equiv\s*=\s*[\"']?refresh)\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"\s(href|src|srcset|data|poster|background|action|formaction|"
                        r"xlink:href)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_TAG = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")
_CSS_URL = re.compile(r"url\(\s*(\"[^\"]*\"|'[^']*'|[^)\s]*)\s*\)|@import\s+(\"[^\"]*\"|'[^']*')",
                      re.IGNORECASE)
_LINKS = {"a", "area"}
_TEMPLATED = re.compile(r"\{[{%#]")


def page_problems(text: str) -> Iterator[PageProblem]:
    """Each address or element in an HTML page or template (or a stylesheet) that breaks
    the rule, with its line. Addresses a template fills in from fields (`{{ … }}`) are
    checked once filled, in the page it makes."""
    for match in _ACTIVE.finditer(text):
        yield PageProblem(_line(text, match.start()), f"`<{match.group(1).split()[0].lower()}>`"
                          " is not allowed in a document", ACTIVE_HINT, match.group(0))
    for match in _HANDLER.finditer(text):
        yield PageProblem(_line(text, match.start(1)), f"the `{match.group(1).lower()}` "
                          "attribute runs code, which is not allowed in a document",
                          ACTIVE_HINT, match.group(1))
    for tag in _TAG.finditer(text):
        name = tag.group(1).lower()
        for attribute in _ATTRIBUTE.finditer(tag.group(0)):
            value = html.unescape(attribute.group(2).strip("\"'"))  # as a browser reads it
            if _TEMPLATED.search(value):
                continue
            link = name in _LINKS and attribute.group(1).lower() == "href"
            problem = link_problem(value) if link else resource_problem(value)
            if problem:
                yield PageProblem(_line(text, tag.start() + attribute.start(1)), problem,
                                  LINK_HINT if link else RESOURCE_HINT, value)
    for match in _CSS_URL.finditer(text):
        value = (match.group(1) or match.group(2) or "").strip("\"'")
        if value and not _TEMPLATED.search(value) and (problem := resource_problem(value)):
            yield PageProblem(_line(text, match.start()), problem, RESOURCE_HINT, value)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
