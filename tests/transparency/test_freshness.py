"""Freshness: when an index item is next due and its status, around month and year ends."""

from datetime import date

import pytest

from transparency.freshness import Status, assess, next_due
from transparency.models import Cadence


@pytest.mark.parametrize(
    ("published", "due"),
    [
        (date(2025, 10, 15), date(2025, 11, 30)),
        (date(2025, 1, 31), date(2025, 2, 28)),  # the month after a 31st is short
        (date(2024, 1, 31), date(2024, 2, 29)),  # leap year
        (date(2025, 12, 31), date(2026, 1, 31)),  # across the calendar year end
        (date(2026, 3, 31), date(2026, 4, 30)),  # across the financial year end
    ],
)
def test_monthly_items_are_due_by_the_end_of_the_next_month(published, due):
    assert next_due(Cadence.MONTHLY, published) == due


@pytest.mark.parametrize(
    ("published", "due"),
    [
        (date(2025, 4, 1), date(2025, 9, 30)),  # Q1 (April to June) -> end of Q2
        (date(2025, 6, 30), date(2025, 9, 30)),
        (date(2025, 12, 31), date(2026, 3, 31)),  # Q3 -> end of Q4, the financial year end
        (date(2026, 3, 31), date(2026, 6, 30)),  # Q4 -> end of next year's Q1
    ],
)
def test_quarterly_items_are_due_by_the_end_of_the_next_financial_quarter(published, due):
    assert next_due(Cadence.QUARTERLY, published) == due


@pytest.mark.parametrize(
    ("published", "due"),
    [
        (date(2026, 2, 20), date(2027, 3, 31)),  # January to March counts for the coming year
        (date(2026, 1, 1), date(2027, 3, 31)),
        (date(2026, 3, 31), date(2027, 3, 31)),
        (date(2026, 4, 1), date(2027, 3, 31)),  # late, for the year under way
        (date(2025, 12, 15), date(2026, 3, 31)),
    ],
)
def test_before_each_financial_year_items_are_due_by_31_march(published, due):
    assert next_due(Cadence.BEFORE_FINANCIAL_YEAR, published) == due


def test_yearly_items_are_due_a_year_on_and_29_february_moves_to_28():
    assert next_due(Cadence.YEARLY, date(2025, 6, 3)) == date(2026, 6, 3)
    assert next_due(Cadence.YEARLY, date(2024, 2, 29)) == date(2025, 2, 28)


def test_items_published_as_made_are_never_due():
    assert next_due(Cadence.AS_MADE, date(2020, 1, 1)) is None
    assert assess(Cadence.AS_MADE, date(2020, 1, 1), today=date(2026, 1, 1)).status == (
        Status.CURRENT
    )


def test_an_item_never_published_is_missing():
    freshness = assess(Cadence.MONTHLY, None, today=date(2025, 11, 1))
    assert freshness.status == Status.MISSING
    assert freshness.due_on is None


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2025, 11, 15), Status.CURRENT),  # 15 days before 30 November
        (date(2025, 11, 16), Status.DUE_SOON),  # 14 days before
        (date(2025, 11, 30), Status.DUE_SOON),  # the due date itself is still on time
        (date(2025, 12, 1), Status.OVERDUE),  # the day after, across the month end
    ],
)
def test_status_moves_from_current_to_due_soon_to_overdue(today, status):
    assert assess(Cadence.MONTHLY, date(2025, 10, 15), today=today).status == status


def test_budget_published_in_february_is_current_through_the_financial_year_end():
    published = date(2026, 2, 20)
    assert assess(Cadence.BEFORE_FINANCIAL_YEAR, published, today=date(2026, 3, 31)).status == (
        Status.CURRENT
    )
    assert assess(Cadence.BEFORE_FINANCIAL_YEAR, published, today=date(2027, 4, 1)).status == (
        Status.OVERDUE
    )
