"""Dates and money as partnerships write them in content and print them in documents."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter
from pydantic_core import PydanticCustomError

from sgdocs.read.quantities import Amount, Days
from sgdocs.read.values import Money, PartialDate


@pytest.mark.parametrize(("written", "printed"), [
    ("2018-10-30", "30 October 2018"), ("2018-06", "June 2018"), ("2024-02-29", "29 February 2024"),
    ("2019-01-01", "1 January 2019"),
])
def test_dates_print_the_british_way(written: str, printed: str) -> None:
    assert str(PartialDate.parse(written)) == printed


@pytest.mark.parametrize(("written", "message"), [
    ("2024-02-30", "2024-02-30 is not a real date: February 2024 has 29 days"),
    ("2023-02-29", "2023-02-29 is not a real date: February 2023 has 28 days"),
    ("2018-13", "2018-13 is not a real date: there is no month 13"),
    ("30/10/2018", "expected a date written as YYYY-MM-DD (or YYYY-MM for a month), found "
                   "\u201c30/10/2018\u201d"),
])
def test_impossible_dates_are_explained(written: str, message: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        PartialDate.parse(written)
    assert caught.value.message() == message


def test_month_dates_sort_before_days_in_the_month() -> None:
    assert PartialDate.parse("2018-06") < PartialDate.parse("2018-06-01")
    assert PartialDate.parse("2018-06-30") < PartialDate.parse("2018-07")


@pytest.mark.parametrize(("amount", "printed"), [
    (800, "£800"), ("12000", "£12,000"), ("1250.5", "£1,250.50"), ("£1,200", "£1,200"),
])
def test_money_prints_in_pounds(amount: object, printed: str) -> None:
    assert str(Money._validate(amount)) == printed


def test_money_arithmetic_stays_money() -> None:
    assert str(Money("800").times(15)) == "£12,000"


@pytest.mark.parametrize("amount", ["eight hundred", "800.001", True])
def test_money_refuses_what_is_not_an_amount(amount: object) -> None:
    with pytest.raises(PydanticCustomError):
        Money._validate(amount)


@pytest.mark.parametrize(("written", "printed", "most"), [
    ("£500", "£500", "£500"), (500, "£500", "£500"), ("up to £800", "up to £800", "£800"),
    ("about £20,000", "about £20,000", "£20,000"), ("£450 to £550", "£450 to £550", "£550"),
    ("450-550", "£450 to £550", "£550"), ("approx. £1,250.50", "about £1,250.50", "£1,250.50"),
])
def test_an_amount_is_printed_as_the_document_says_it(written: object, printed: str,
                                                      most: str) -> None:
    amount = TypeAdapter(Amount).validate_python(written)
    assert (str(amount), str(amount.most)) == (printed, most)


@pytest.mark.parametrize(("written", "a_year"), [
    ("Up to 15 days per year", 15), ("40-50 days per year", 50), ("30 half-days a year", 15),
    ("approx. 20 days per financial year", None), ("2 days a month", None), ("1 day", None),
])
def test_time_is_printed_as_written_and_gives_a_yearly_most(written: str,
                                                            a_year: int | None) -> None:
    days = TypeAdapter(Days).validate_python(written)
    assert str(days) == written
    assert days.days_a_year == a_year
