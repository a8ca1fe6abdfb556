"""The months a report covers, as documents write them ("2024/25") or by their first and
last days, and the dates a report on them is checked against: it is published and signed
after the period ends, and counts only the cases within it."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import GetJsonSchemaHandler, computed_field, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from sgdocs.errors import Severity
from sgdocs.read.schema import Issue, Model
from sgdocs.read.values import PartialDate
from sgdocs.read.yamlsource import KeyPath


def one_year(first: int, second: str) -> bool:
    """Whether a year written "2024/25" or "2024-2025" runs from one year to the next."""
    return int(second) == (first + 1 if len(second) == 4 else (first + 1) % 100)


class Period(Model):
    """The months a report covers, usually 1 April to 31 March: its first and last days, or
    the year as documents write it, "2024/25" or "2024-25" (1 April 2024 to 31 March
    2025)."""

    covers: ClassVar[str] = "a yearly report"
    """The document the period is of, as its messages name it."""
    WRITTEN: ClassVar[re.Pattern[str]] = re.compile(r"(\d{4})\s*[/-]\s*(\d{4}|\d{2})")
    """A year as documents write it: 2024/25, 2024-25 or 2024/2025."""
    HINT: ClassVar[str] = ("write the year as 2024/25 (1 April 2024 to 31 March 2025), or "
                           "give the first and last days as `start:` and `end:`")
    start: PartialDate
    """The first day covered, e.g. 2024-04-01."""
    end: PartialDate
    """The last day covered, e.g. 2025-03-31."""

    @model_validator(mode="before")
    @classmethod
    def _written_as_a_year(cls, data: Any) -> Any:
        """"2024/25" is the year from 1 April 2024 to 31 March 2025, as documents write it."""
        if not isinstance(data, str):
            return data
        written = cls.WRITTEN.fullmatch(data.strip())
        if written is None:
            raise PydanticCustomError("period", "\u201c{found}\u201d is not a period sgdocs "
                                      "can read", {"found": data, "hint": cls.HINT})
        first, second = int(written[1]), written[2]
        if not one_year(first, second):
            raise PydanticCustomError("period", "\u201c{found}\u201d does not run from one "
                                      "year to the next", {"found": data,
                                                           "hint": cls.HINT})
        return {"start": f"{first}-04-01", "end": f"{first + 1}-03-31"}

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """Either form, for editors: the year as written, or the first and last days."""
        written = {"type": "string", "pattern": rf"^\s*{cls.WRITTEN.pattern}\s*$",
                   "description": "The year, e.g. 2024/25 (1 April 2024 to 31 March 2025)."}
        dates = handler.resolve_ref_schema(handler(schema))
        return {"anyOf": [written, {key: value for key, value in dates.items()
                                    if key != "description"}],
                "description": dates.get("description", "")}

    def __str__(self) -> str:
        return f"{self.start} to {self.end}"

    def issues(self) -> Iterator[Issue]:
        for field in ("start", "end"):
            if getattr(self, field).day is None:
                yield Issue((field,), "give the day as well as the month",
                            "e.g. 2024-04-01 to 2025-03-31")
        if self.end <= self.start:
            yield Issue(("end",), f"the period ends ({self.end}) before it starts "
                        f"({self.start})")
        elif _months_between(self.start, self.end) > 12:
            yield Issue(("end",), f"the period {self} is longer than twelve months",
                        f"{self.covers} usually covers twelve months: check the start and "
                        "end, and leave them so if this one covers more", Severity.WARNING)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def label(self) -> str:
        """The period as printed, e.g. "1 April 2024 to 31 March 2025"."""
        return str(self)

    def ended_by(self, day: PartialDate | None, at: KeyPath, what: str,
                 severity: Severity = Severity.ERROR) -> Iterator[Issue]:
        """`day` (a publication, a signature) if it falls before the period ends: a report
        on the period is made after it."""
        if day is not None and (day < self.end if day.day else
                                (day.year, day.month) < (self.end.year, self.end.month)):
            yield Issue(at, f"{what} ({day}) is before the end of the period the report "
                        f"covers ({self.end})", "check both dates", severity)

    def holds(self, day: PartialDate, at: KeyPath, what: str) -> Iterator[Issue]:
        """`day` (a case's notification) if it falls outside the period."""
        if not (self.start <= day <= self.end) and day.day:
            yield Issue(at, f"{what} ({day}) is outside the period the report covers "
                        f"({self})", "check the date, or count it in the report for its "
                        "year", Severity.WARNING)


def _months_between(start: PartialDate, end: PartialDate) -> float:
    last = calendar.monthrange(end.year, end.month)[1]
    return (end.year - start.year) * 12 + end.month - start.month + (
        (end.day or last) - (start.day or 1) + 1) / last
