"""The one financial-year helper: which year a day falls in, its bounds and its label."""

from datetime import date

from pcc_portal.financial_year import financial_year_bounds, financial_year_label, financial_year_of


def test_a_financial_year_runs_from_1_april_to_31_march_and_is_named_by_its_first_year():
    assert financial_year_of(date(2022, 3, 31)) == 2021
    assert financial_year_of(date(2022, 4, 1)) == 2022
    assert financial_year_bounds(2021) == (date(2021, 4, 1), date(2022, 3, 31))


def test_every_financial_year_is_written_with_a_slash_and_the_next_years_last_two_digits():
    assert financial_year_label(2021) == "2021/22"
    assert financial_year_label(1999) == "1999/00"
    assert financial_year_label(2009) == "2009/10"
    assert financial_year_label(None) == ""
