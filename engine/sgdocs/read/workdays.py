"""Working days in England, for the statutory timescales of reviews.

A rapid review is due within 15 working days of the serious incident notification. Working
days are Monday to Friday, less England's bank holidays, which come from the `holidays`
package (kept up to date with each year's proclamations, including one-off days such as a
coronation) rather than a list kept by hand.
"""

from __future__ import annotations

import datetime as dt
import functools

import holidays


@functools.cache
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_after(start: dt.date, end: dt.date) -> int:
    """Working days after `start`, up to and including `end` (0 when `end` is not later):
    a review completed the next working day took 1."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day)
    return count
