"""Dates a decision runs on: its publication deadline in working days (its financial year is
``pcc_portal.financial_year``), and the email that reminds staff of a deadline (a decision's
publication, a Panel agenda's).

Part 1 of a decision is due for publication 3 working days after it is signed; weekends and the
bank holidays of England and Wales are not working days.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.core.mail import send_mail
from django.template.loader import render_to_string

PUBLICATION_WORKING_DAYS = 3


@lru_cache(maxsize=32)
def _bank_holidays(year):
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """The ``count``-th working day after ``day`` (``day`` itself never counts)."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def previous_working_day(day: date) -> date:
    """The last working day before ``day``."""
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def publication_due_on(signed_on: date) -> date:
    return add_working_days(signed_on, PUBLICATION_WORKING_DAYS)


def email_deadline_reminder(*, subject, template, context, due, today, url, recipient_list):
    """Email a reminder of something due by ``due``: ``template`` reads ``context`` with
    ``due``, ``overdue`` (``due`` is past ``today``) and ``url`` (the page to act on)."""
    send_mail(
        subject=subject,
        message=render_to_string(
            template, {**context, "due": due, "overdue": due < today, "url": url}
        ),
        from_email=None,
        recipient_list=recipient_list,
    )
