"""A partnership's brand: its logo, two colours and a typeface, applied to every output
that can carry them, and held to the contrast WCAG 2.2 AA asks of text (4.5 to 1).

The primary colour is used for headings on white and behind white table-header text; the
accent colour behind body text and links (table stripes, quotes, highlighted lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from sgdocs.read.schema import Image, Issue, Model

WHITE, TEXT, LINK = "#FFFFFF", "#1B1B1B", "#0B57A4"
"""The house colours the brand's colours are seen against."""
HOUSE_PRIMARY, HOUSE_ACCENT = "#1F3D63", "#E8EEF6"
HOUSE_FONTS = ("Liberation Sans", "Arial", "Helvetica", "sans-serif")
MINIMUM_CONTRAST = 4.5


def _colour(value: object) -> str:
    if value is None:  # `primary: #1F3D63` unquoted: YAML reads a comment, leaving nothing
        raise PydanticCustomError("colour", "the colour is empty; a colour starting with # "
                                  'must be in quotes, e.g. "#1F3D63"')
    text = str(value).strip()
    if re.fullmatch(r"#[0-9A-Fa-f]{3}", text):
        text = "#" + "".join(2 * digit for digit in text[1:])
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", text):
        raise PydanticCustomError("colour", "a colour is written as # and six hex digits, "
                                  'in quotes, e.g. "#1F3D63"')
    return text.upper()


def _font(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 -]{0,60}", value.strip()):
        raise PydanticCustomError("font", "a font is named by its family, in letters, "
                                  "digits, spaces and hyphens, e.g. Arial")
    return value.strip()


Colour = Annotated[str, BeforeValidator(_colour)]
FontName = Annotated[str, AfterValidator(_font)]


class Brand(Model):
    """How the partnership's documents look."""

    logo: Image | None = None
    """The logo (a PNG or JPEG in the content folder) with its alt text, e.g. the
    partnership's name; shown at the top of the web page, the first PDF page and the Word
    header."""
    primary: Colour = HOUSE_PRIMARY
    """Headings and table headers, as "#RRGGBB"; dark enough for white text on it."""
    accent: Colour = HOUSE_ACCENT
    """Table stripes, quotes and highlights behind text, as "#RRGGBB"; light enough for
    dark text on it."""
    font: FontName | None = None
    """The typeface, e.g. Arial; it must be installed where documents are built, or the
    PDF falls back to Liberation Sans."""

    @model_validator(mode="before")
    @classmethod
    def _left_empty_means_default(cls, data: Any) -> Any:
        """An empty colour is a mistake to report (see `_colour`), not the house colour."""
        if not isinstance(data, dict):
            return data
        return {key: value for key, value in data.items()
                if value is not None or key in ("primary", "accent")}

    def issues(self) -> Iterator[Issue]:
        reported: set[str] = set()
        for field, foreground, what, hint in (
                ("primary", WHITE, "white table-header text on it (and it, as headings, on "
                 "white)", "choose a darker primary colour"),
                ("accent", TEXT, "text on it", "choose a lighter accent colour"),
                ("accent", LINK, "links on it", "choose a lighter accent colour")):
            colour = getattr(self, field)
            ratio = contrast(foreground, colour)
            if ratio < MINIMUM_CONTRAST and field not in reported:
                reported.add(field)
                yield Issue((field,), f"{colour} gives {what} a contrast of {ratio:.1f} to 1, "
                            f"below the {MINIMUM_CONTRAST} to 1 WCAG 2.2 AA asks for", hint)

    @property
    def fonts(self) -> str:
        """The CSS font stack: the brand's typeface, then the house ones."""
        names = (self.font, *HOUSE_FONTS) if self.font else HOUSE_FONTS
        return ", ".join(name if name == "sans-serif" else f'"{name}"' for name in names)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two "#RRGGBB" colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                        for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
