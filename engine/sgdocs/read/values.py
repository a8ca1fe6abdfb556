"""Value types that know how they are written in YAML and how they are printed.

Dates are ISO in content (`2018-10-30`, or `2018-06` when only the month is known) and
British in documents ("30 October 2018", "June 2018"). Money is pounds sterling, printed
"£12,000" or "£1,234.50". Templates print these values as they are; they never format.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = tuple(calendar.month_name)
_DATE_HINT = "write dates as YYYY-MM-DD, e.g. 2018-10-29, or YYYY-MM for a month, or YYYY"
_MONEY_HINT = "write the amount in pounds as a number, e.g. 800 or 1250.50"


@functools.total_ordering
class PartialDate:
    """A calendar date, or a month when the day is not known, or a year when only that is."""

    __slots__ = ("day", "month", "month_known", "year")

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        self.year, self.day = year, day
        self.month_known = month is not None
        self.month = month or 1  # January stands in when only the year is known

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _ISO.match(text.strip())
        if not match:
            raise PydanticCustomError(
                "date_format", "expected a date written as YYYY-MM-DD (or YYYY-MM for a "
                "month), found \u201c{found}\u201d", {"found": text, "hint": _DATE_HINT})
        if not match[2]:
            return cls(int(match[1]))
        year, month = int(match[1]), int(match[2])
        day = int(match[3]) if match[3] else None
        if not 1 <= month <= 12:
            raise PydanticCustomError("date_value", "{found} is not a real date: there is no "
                                      "month {month}", {"found": text, "month": month,
                                                        "hint": _DATE_HINT})
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise PydanticCustomError(
                    "date_value", "{found} is not a real date: {month_name} {year} has {last} "
                    "days", {"found": text, "month_name": MONTHS[month], "year": year,
                             "last": last, "hint": "check the day and the month"})
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month if self.month_known else 0, self.day or 0)

    @property
    def iso(self) -> str:
        if not self.month_known:
            return f"{self.year:04d}"
        month = f"{self.year:04d}-{self.month:02d}"
        return f"{month}-{self.day:02d}" if self.day else month

    def __str__(self) -> str:
        if not self.month_known:
            return str(self.year)
        month = f"{MONTHS[self.month]} {self.year}"
        return f"{self.day} {month}" if self.day else month

    @property
    def date(self) -> dt.date:
        """The day (the first of the month when only the month is known)."""
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def weekday(self) -> str:
        """The date with its day of the week, e.g. "Wednesday 20 March 2024"."""
        return f"{calendar.day_name[self.date.weekday()]} {self}" if self.day else str(self)

    def __repr__(self) -> str:
        return f"PartialDate({self.iso!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and self.iso == other.iso

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    def __hash__(self) -> int:
        return hash(self.iso)

    @classmethod
    def _validate(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return cls.parse(str(value))
        raise PydanticCustomError("date_type", "expected a date written as YYYY-MM-DD, "
                                  "found \u201c{found}\u201d", {"found": value, "hint": _DATE_HINT})

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            json_schema_input_schema=core_schema.str_schema(
                pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.iso),
        )


def amount_schema(validate: Any) -> core_schema.CoreSchema:
    """How pydantic takes a value written as a number or words (`800`, `up to £800`) and
    read by `validate`, and writes it back as its words."""
    return core_schema.no_info_plain_validator_function(
        validate, json_schema_input_schema=core_schema.union_schema(
            [core_schema.float_schema(), core_schema.str_schema()]),
        serialization=core_schema.plain_serializer_function_ser_schema(str))


class Money(Decimal):
    """An amount in pounds sterling."""

    def __str__(self) -> str:
        if self == self.to_integral_value():
            return f"£{self:,.0f}"
        return f"£{self:,.2f}"

    def __repr__(self) -> str:
        return f"Money('{Decimal(self)}')"

    def __format__(self, spec: str, context: Context | None = None, /) -> str:
        """`f"{amount}"` prints pounds like str() does; a format spec formats the number."""
        return str(self) if not spec else super().__format__(spec)

    def times(self, count: int | Decimal) -> Money:
        return Money(Decimal(self) * count)

    @classmethod
    def total(cls, amounts: Iterable[Decimal]) -> Money:
        """The amounts added up (£0 for none)."""
        return cls(sum((Decimal(amount) for amount in amounts), Decimal(0)))

    @classmethod
    def _validate(cls, value: Any) -> Money:
        if isinstance(value, bool):
            raise PydanticCustomError("money_type", "expected an amount in pounds such as 800, "
                                      "found \u201c{found}\u201d", {"found": value,
                                                                 "hint": _MONEY_HINT})
        text = str(value).strip().replace(",", "").removeprefix("£")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise PydanticCustomError(
                "money_type", "expected an amount in pounds such as 800 or 1250.50, found "
                "\u201c{found}\u201d", {"found": value, "hint": _MONEY_HINT}) from None
        if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
            raise PydanticCustomError("money_value", "\u201c{found}\u201d is not an amount in "
                                      "pounds and pence", {"found": value,
                                                           "hint": _MONEY_HINT})
        return cls(amount)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return amount_schema(cls._validate)


class Proportion:
    """A count out of a base, printed "10 of 12 (83%)"; the percentage is rounded half up."""

    __slots__ = ("base", "count")

    def __init__(self, count: int, base: int) -> None:
        self.count, self.base = count, base

    @property
    def whole(self) -> int:
        """The share in whole per cent, halves rounded up (0 when the base is 0)."""
        if not self.base:
            return 0
        return int((Decimal(self.count) * 100 / Decimal(self.base)).quantize(Decimal(1),
                                                                             ROUND_HALF_UP))

    @property
    def percent(self) -> str:
        """The share as printed, "67%", or "–" when the base is 0."""
        return f"{self.whole}%" if self.base else "–"

    def __str__(self) -> str:
        return f"{self.count} of {self.base} ({self.percent})"

    def __repr__(self) -> str:
        return f"Proportion({self.count}, {self.base})"


class Rag(str):
    """A red / amber / green rating. Every format prints the word with a coloured mark,
    never the colour alone."""

    __slots__ = ()
    COLOURS = {"green": "2E7D32", "amber": "B26A00", "red": "B71C1C"}

    @property
    def word(self) -> str:
        return self.capitalize()

    @property
    def colour(self) -> str:
        """The mark's colour as hex RGB; each is at least 3:1 against white."""
        return self.COLOURS[str(self)]


class Clock(str):
    """A time of day, written 16:30 and printed the British way: "4:30pm", "4pm"."""

    __slots__ = ()

    @property
    def hour(self) -> int:
        return int(self.split(":")[0])

    @property
    def minute(self) -> int:
        return int(self.split(":")[1])

    @property
    def british(self) -> str:
        suffix = "am" if self.hour < 12 else "pm"
        hour = self.hour % 12 or 12
        return f"{hour}{suffix}" if not self.minute else f"{hour}:{self.minute:02d}{suffix}"

    @classmethod
    def _validate(cls, value: Any) -> Clock:
        text = str(value).strip()
        match = re.match(r"^([01]?\d|2[0-3]):([0-5]\d)$", text)
        if not match:
            raise PydanticCustomError("clock", "expected a time of day written like 16:30, found "
                                      "\u201c{found}\u201d", {"found": value,
                                                              "hint": "use the 24-hour clock"})
        return cls(f"{int(match[1]):02d}:{match[2]}")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate, json_schema_input_schema=core_schema.str_schema(
                pattern=r"^([01]?\d|2[0-3]):[0-5]\d$"),
            serialization=core_schema.plain_serializer_function_ser_schema(str))


def listed(values: Any) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    names = [str(value) for value in values]
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
