"""How a layout's wording marks what plain words cannot, read the same way for Word and the
web page: `**bold**`; a link, `[book or register]({{ event.booking }})`; details on one
line separated by a middle dot between spaces, `{{ partnership.name }} · {{ season }}`; and a
tab (`\\t` in quotes) after a label, `Enc.\\t{{ item }}`.

Fields are named in Jinja, and the marks are looked for only in the words around the
Jinja, so nothing a field holds is ever taken for a mark. A link is a real link in Word as on
the web page; a field of rich text keeps its own formatting in Word, so bold around it is for
the web page only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_JINJA = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.S)
_HIDDEN = re.compile("\x00(\\d+)\x00")
_MARK = re.compile(r"\*\*|\[([^\[\]]*)\]\(([^()\s]*)\)|[ ]+\u00b7[ ]+|\t")


@dataclass(frozen=True)
class Piece:
    """A stretch of wording: `words` (Jinja allowed) in or out of bold, a link to `address`,
    the separator between details, or the tab after a label."""

    kind: Literal["words", "link", "separator", "tab"]
    words: str = ""
    bold: bool = False
    address: str = ""


def pieces(wording: str) -> list[Piece]:
    """The wording as pieces, in order; wording without marks is one piece of words."""
    jinja: list[str] = []

    def hide(match: re.Match[str]) -> str:
        jinja.append(match.group(0))
        return f"\x00{len(jinja) - 1}\x00"

    def shown(text: str) -> str:
        return _HIDDEN.sub(lambda match: jinja[int(match.group(1))], text)

    hidden = _JINJA.sub(hide, wording)
    found: list[Piece] = []
    bold = False
    start = 0
    for mark in _MARK.finditer(hidden):
        if mark.start() > start:
            found.append(Piece("words", shown(hidden[start:mark.start()]), bold))
        start = mark.end()
        if mark.group(0) == "**":
            bold = not bold
        elif mark.group(0) == "\t":
            found.append(Piece("tab", bold=bold))
        elif mark.group(0).strip() == "\u00b7":
            found.append(Piece("separator", bold=bold))
        else:
            found.append(Piece("link", shown(mark.group(1)), bold, shown(mark.group(2))))
    if start < len(hidden) or not found:
        found.append(Piece("words", shown(hidden[start:]), bold))
    return found

