"""The one financial-year helper: which year a day falls in, its bounds, its quarters and its
label."""

from datetime import date

import pytest

from pcc_portal.financial_year import (
    financial_year_bounds,
    financial_year_from_label,
    financial_year_label,
    financial_year_of,
    quarter_end,
    quarter_start,
)


def test_a_financial_year_runs_from_1_april_to_31_march_and_is_named_by_its_first_year():
    assert financial_year_of(date(2022, 3, 31)) == 2021
    assert financial_year_of(date(2022, 4, 1)) == 2022
    assert financial_year_bounds(2021) == (date(2021, 4, 1), date(2022, 3, 31))


def test_every_financial_year_is_written_with_a_slash_and_the_next_years_last_two_digits():
    assert financial_year_label(2021) == "2021/22"
    assert financial_year_label(1999) == "1999/00"
    assert financial_year_label(2009) == "2009/10"
    assert financial_year_label(None) == ""


def test_a_quarter_runs_from_the_first_of_april_july_october_or_january_to_its_months_end():
    assert quarter_start(date(2022, 3, 31)) == date(2022, 1, 1)
    assert quarter_start(date(2022, 4, 1)) == date(2022, 4, 1)
    assert quarter_end(date(2022, 5, 17)) == date(2022, 6, 30)
    assert quarter_end(date(2021, 12, 1)) == date(2021, 12, 31)
    assert quarter_end(date(2024, 2, 29)) == date(2024, 3, 31)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2021/22", 2021),
        ("2021-22", 2021),
        (" 2021 / 22 ", 2021),
        ("2021/2022", 2021),
        ("1999/00", 1999),
        ("1999-2000", 1999),
        ("2021-23", None),
        ("2021/2023", None),
        ("2021", None),
        ("21/22", None),
        ("", None),
    ],
)
def test_a_financial_year_is_read_from_its_label_however_it_is_written(text, year):
    assert financial_year_from_label(text) == year
