"""The financial year (1 April to 31 March) that decisions are numbered in and registers, figures
and statistics are kept by: named by the year it starts in, and written "2021/22" wherever people
read it, as decision notices and the register always have."""

from datetime import date


def financial_year_of(day: date) -> int:
    """The year a financial year starts in: 1 April 2021 to 31 March 2022 is 2021."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(year: int | None) -> str:
    """ "2021/22" for 2021; empty when there is no year."""
    return f"{year}/{(year + 1) % 100:02d}" if year else ""


def financial_year_bounds(year: int) -> tuple[date, date]:
    """The first and last days of the financial year that starts in ``year``."""
    return date(year, 4, 1), date(year + 1, 3, 31)
