"""The financial year (1 April to 31 March) that decisions are numbered in and registers, figures
and statistics are kept by: named by the year it starts in, and written "2021/22" wherever people
read it, as decision notices and the register always have."""

import re
from datetime import date

from dateutil.relativedelta import relativedelta

# A financial year as people write it: 2021/22, 2021-22, 2021/2022.
LABEL = re.compile(r"(\d{4})\s*[-/]\s*(\d{2}|\d{4})")


def financial_year_of(day: date) -> int:
    """The year a financial year starts in: 1 April 2021 to 31 March 2022 is 2021."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(year: int | None) -> str:
    """ "2021/22" for 2021; empty when there is no year."""
    return f"{year}/{(year + 1) % 100:02d}" if year else ""


def financial_year_from_label(text: str) -> int | None:
    """2021 for "2021/22" however it is written ("2021-22", "2021/2022"); None for text that is
    not a financial year ("2021-23" is two years)."""
    match = LABEL.fullmatch(text.strip())
    if match is None:
        return None
    start, end = int(match[1]), int(match[2])
    if end % 100 != (start + 1) % 100 or (end >= 100 and end != start + 1):
        return None
    return start


def quarter_start(day: date) -> date:
    """The first day of the quarter containing ``day``: financial quarters (Q1 is April to June)
    begin on the calendar quarters' days, 1 April, 1 July, 1 October and 1 January."""
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def quarter_end(day: date) -> date:
    """The last day of the quarter containing ``day``."""
    return quarter_start(day) + relativedelta(months=3, days=-1)


def financial_year_bounds(year: int) -> tuple[date, date]:
    """The first and last days of the financial year that starts in ``year``."""
    return date(year, 4, 1), date(year + 1, 3, 31)
