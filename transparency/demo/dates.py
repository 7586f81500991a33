"""The demo's dates, counted back from today."""

import datetime


def months_ago(today, months):
    """The first day of the month ``months`` before the month of ``today``."""
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def quarter_start(day):
    """The first day of the (financial, or calendar: they share dates) quarter of ``day``."""
    return datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
