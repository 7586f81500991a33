"""The demo's dates, counted back from today."""

from dateutil.relativedelta import relativedelta


def months_ago(today, months):
    """The first day of the month ``months`` before the month of ``today``."""
    return today + relativedelta(months=-months, day=1)
