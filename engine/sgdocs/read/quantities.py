"""Money and time as contracts state them: "up to £500", "£450 to £550", "about £20,000";
"up to 15 days per year", "40 to 50 days a year", "30 half-days a year", "2 days a month".

Each is written in content as the document words it and printed back the same way (an
amount in pounds with its commas), so a document says "up to" only where its source does;
`most` gives the figure sums are made from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, cast

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from sgdocs.read.values import Money, amount_schema

Qualifier = Literal["", "up to", "about"]
Per = Literal["year", "month", "week", ""]
_QUALIFIER = r"(?:(?P<qualifier>up to|about|around|approx\.|approximately)\s+)?"
_RANGE = r"\s*(?:-|–|to)\s*"
_AMOUNT = re.compile(rf"^{_QUALIFIER}£?(?P<low>\d[\d,]*(?:\.\d\d)?)"
                     rf"(?:{_RANGE}£?(?P<high>\d[\d,]*(?:\.\d\d)?))?$", re.I)
_DAYS = re.compile(rf"^{_QUALIFIER}(?P<low>\d+(?:\.5)?)(?:{_RANGE}(?P<high>\d+(?:\.5)?))?"
                   r"\s+(?P<unit>half[- ]days?|days?)"
                   r"(?:\s+(?:a|per|each)\s+(?:financial\s+)?(?P<per>year|month|week))?$",
                   re.I)
_SAID = {"up to": "up to", "about": "about", "around": "about", "approx.": "about",
         "approximately": "about"}


def _qualifier(found: str | None) -> Qualifier:
    return _SAID[found.lower()] if found else ""  # type: ignore[return-value]


def _spoken(qualifier: Qualifier, low: str, high: str | None) -> str:
    words = f"{low} to {high}" if high else low
    return f"{qualifier} {words}" if qualifier else words


class _Value:
    """A value read from one line of text, refused with an example when it cannot be."""

    pattern: re.Pattern[str]
    what: str
    """What the value is, for messages: "an amount of money"."""
    example: str

    @classmethod
    def read(cls, match: re.Match[str]) -> Any:
        raise NotImplementedError

    @classmethod
    def _validate(cls, value: Any) -> Any:
        if isinstance(value, cls):
            return value
        text = " ".join(str(value).split()) if not isinstance(value, bool) else ""
        match = cls.pattern.match(text)
        if match is None:
            raise PydanticCustomError(
                "quantity", "\u201c{found}\u201d is not {what} sgdocs can read",
                {"found": value, "what": cls.what,
                 "hint": f"write it as the document does, e.g. {cls.example}"})
        return cls.read(match)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return amount_schema(cls._validate)


@dataclass(frozen=True)
class Amount(_Value):
    """An amount of money: exact, "up to", "about", or a range."""

    qualifier: Qualifier
    low: Money
    high: Money | None = None

    pattern = _AMOUNT
    what = "an amount of money"
    example = "`£500`, `up to £500`, `about £20,000` or `£450 to £550`"

    @classmethod
    def read(cls, match: re.Match[str]) -> Amount:
        def money(text: str | None) -> Money | None:
            return Money(Decimal(text.replace(",", ""))) if text else None

        low = money(match["low"])
        assert low is not None
        return cls(_qualifier(match["qualifier"]), low, money(match["high"]))

    @property
    def most(self) -> Money:
        """The largest figure it allows."""
        return self.high or self.low

    def times(self, count: Decimal | int) -> Amount:
        """The amount `count` times over, said the same way ("up to £7,500")."""
        return Amount(self.qualifier, self.low.times(count),
                      self.high.times(count) if self.high else None)

    def __str__(self) -> str:
        return _spoken(self.qualifier, str(self.low), str(self.high) if self.high else None)


@dataclass(frozen=True)
class Days(_Value):
    """A length of time in days: exact, "up to", "about" or a range, in days or half-days,
    a year, a month, a week, or in all."""

    qualifier: Qualifier
    low: Decimal
    high: Decimal | None = None
    half_days: bool = False
    per: Per = ""
    said: str = field(default="", compare=False)
    """The words as the document writes them, printed back as they are."""

    pattern = _DAYS
    what = "a length of time in days"
    example = ("`up to 15 days a year`, `40 to 50 days a year`, `30 half-days a year` or "
               "`2 days a month`")

    @classmethod
    def read(cls, match: re.Match[str]) -> Days:
        return cls(_qualifier(match["qualifier"]), Decimal(match["low"]),
                   Decimal(match["high"]) if match["high"] else None,
                   match["unit"].lower().startswith("half"),
                   cast(Per, (match["per"] or "").lower()), match.string)

    @property
    def most(self) -> Decimal:
        """The largest number it allows, in its own unit."""
        return self.high or self.low

    @property
    def days_a_year(self) -> Decimal | None:
        """The most whole days a year it allows, when it is counted by the year and is not
        approximate ("about 20 days a year" sets no most)."""
        if self.per != "year" or self.qualifier == "about":
            return None
        return self.most / 2 if self.half_days else self.most

    def __str__(self) -> str:
        return self.said

