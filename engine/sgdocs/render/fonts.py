"""The typefaces documents ask for, and what they are set in where they are made and read.

A PDF is set by WeasyPrint in the fonts installed on the machine that builds it (through
fontconfig): one that is missing is silently stood in for by another, with other widths and
so other page breaks, and a build says so once. A Word file is set on the reader's
machine, often a council's Windows desktop, so it names the Windows font that has the same
widths as the one asked for (Liberation Sans is drawn to Arial's widths), which
LibreOffice maps back.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from sgdocs.errors import Finding, Location, Severity

ON_WINDOWS = {"Liberation Sans": "Arial", "Liberation Serif": "Times New Roman",
              "Liberation Mono": "Courier New", "Liberation Sans Narrow": "Arial Narrow",
              "Carlito": "Calibri", "Caladea": "Cambria"}
"""Free fonts drawn to the widths of a Windows font, and that font."""
GENERIC = {"sans-serif", "serif", "monospace"}


def windows_name(font: str) -> str:
    """The font to name in a Word file for `font`: its Windows equivalent, if it has one."""
    return ON_WINDOWS.get(font, font)


def stand_ins(stacks: Iterable[tuple[Sequence[str], Location]]) -> list[Finding]:
    """For each font stack whose first font is not installed here, one warning (at where the
    font is named) naming it and the font PDFs are set in instead."""
    findings = []
    for stack, where in dict.fromkeys((tuple(stack), where) for stack, where in stacks):
        asked = stack[0]
        if installed(asked):
            continue
        used = next((name for name in stack[1:] if name not in GENERIC and installed(name)),
                    None) or matched("sans-serif")
        findings.append(Finding(
            where, f"the font \u201c{asked}\u201d is not installed on this "
            f"machine, so PDFs are set in \u201c{used}\u201d instead, with other line and "
            "page breaks", f"install {asked}: on Debian or Ubuntu, `apt-get install "
            "fonts-liberation2`" if asked in ON_WINDOWS else f"install {asked} on the machine "
            "that builds the documents, or name an installed font in the brand",
            Severity.WARNING))
    return findings


def installed(family: str) -> bool:
    return matched(family).casefold() == family.casefold()


@functools.cache
def matched(family: str) -> str:
    """The family fontconfig sets text asked for in `family` in, as WeasyPrint does."""
    from weasyprint.text.ffi import ffi, fontconfig

    config = _config()
    pattern = fontconfig.FcPatternCreate()
    try:
        fontconfig.FcPatternAddString(pattern, b"family", family.encode())
        fontconfig.FcConfigSubstitute(config, pattern, fontconfig.FcMatchPattern)
        fontconfig.FcDefaultSubstitute(pattern)
        match = fontconfig.FcFontMatch(config, pattern, ffi.new("FcResult *"))
        if match == ffi.NULL:
            return ""
        try:
            found = ffi.new("FcChar8 **")
            if fontconfig.FcPatternGetString(match, b"family", 0, found) != 0:
                return ""
            return str(ffi.string(found[0]).decode())
        finally:
            fontconfig.FcPatternDestroy(match)
    finally:
        fontconfig.FcPatternDestroy(pattern)


@functools.cache
def _config() -> object:
    from weasyprint.text.ffi import fontconfig

    return fontconfig.FcInitLoadConfigAndFonts()
