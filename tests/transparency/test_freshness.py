"""Freshness: when an index item is next due and its status, from the period its latest
publication covers, around month, quarter and financial-year ends."""

from datetime import date

import pytest

from transparency.freshness import Deadline, Status, assess, assess_as_made, next_due
from transparency.models import Cadence


@pytest.mark.parametrize(
    ("covered_to", "due"),
    [
        (date(2025, 10, 31), date(2025, 12, 31)),  # October's data: November's due by December
        (date(2025, 12, 31), date(2026, 2, 28)),  # across the calendar year end, short February
        (date(2023, 12, 31), date(2024, 2, 29)),  # leap year
        (date(2026, 2, 28), date(2026, 4, 30)),  # across the financial year end
        (date(2026, 3, 31), date(2026, 5, 31)),
    ],
)
def test_monthly_the_next_month_is_due_by_the_end_of_the_month_after_it(covered_to, due):
    assert next_due(Cadence.MONTHLY, covered_to) == due


@pytest.mark.parametrize(
    ("covered_to", "due"),
    [
        (date(2025, 6, 30), date(2025, 12, 31)),  # Q1 -> Q2 due by the end of Q3
        (date(2025, 9, 30), date(2026, 3, 31)),  # Q2 -> Q3 due by the financial year end
        (date(2025, 12, 31), date(2026, 6, 30)),  # Q3 -> Q4 due by the end of next Q1
        (date(2026, 3, 31), date(2026, 9, 30)),  # Q4 -> next year's Q1
        (date(2026, 3, 15), date(2026, 9, 30)),  # a period ending mid-quarter counts for it
    ],
)
def test_quarterly_the_next_quarter_is_due_by_the_end_of_the_quarter_after_it(covered_to, due):
    assert next_due(Cadence.QUARTERLY, covered_to) == due


@pytest.mark.parametrize(
    ("covered_to", "due"),
    [
        (date(2025, 3, 31), date(2026, 9, 30)),  # 2024-25 -> 2025-26 due by 30 September 2026
        (date(2025, 4, 1), date(2027, 9, 30)),  # a day into 2025-26 counts for 2025-26
        (date(2026, 3, 31), date(2027, 9, 30)),
    ],
)
def test_for_each_financial_year_the_next_is_due_six_months_after_it_ends(covered_to, due):
    assert next_due(Cadence.FINANCIAL_YEAR, covered_to) == due


@pytest.mark.parametrize(
    ("covered_to", "due"),
    [
        (date(2026, 3, 31), date(2026, 3, 31)),  # covering 2025-26: 2026-27 due before it
        (date(2027, 3, 31), date(2027, 3, 31)),
        (date(2026, 4, 1), date(2027, 3, 31)),
    ],
)
def test_before_each_financial_year_the_next_is_due_by_31_march(covered_to, due):
    assert next_due(Cadence.BEFORE_FINANCIAL_YEAR, covered_to) == due


def test_yearly_items_are_due_a_year_after_their_period_began_or_when_it_ends():
    as_at = date(2025, 3, 31)
    assert next_due(Cadence.YEARLY, as_at, as_at) == date(2026, 3, 31)
    assert next_due(Cadence.YEARLY, date(2024, 2, 29), date(2024, 2, 29)) == date(2025, 2, 28)
    # A policy in force for two years is due again when it ends.
    assert next_due(Cadence.YEARLY, date(2027, 3, 31), date(2025, 4, 1)) == date(2027, 3, 31)


def test_a_period_long_past_is_overdue_whenever_it_was_uploaded():
    # A document covering 2020 uploaded today is as old as 2020.
    freshness = assess(
        Cadence.YEARLY,
        date(2020, 3, 31),
        covered_from=date(2020, 3, 31),
        last_published=date(2026, 12, 1),
        today=date(2026, 12, 1),
    )
    assert freshness.status == Status.OVERDUE
    assert freshness.due_on == date(2021, 3, 31)


def test_an_item_never_published_is_missing():
    freshness = assess(Cadence.MONTHLY, None, today=date(2025, 11, 1))
    assert freshness.status == Status.MISSING
    assert freshness.due_on is None


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2025, 12, 16), Status.CURRENT),  # 15 days before 31 December
        (date(2025, 12, 17), Status.DUE_SOON),  # 14 days before
        (date(2025, 12, 31), Status.DUE_SOON),  # the due date itself is still on time
        (date(2026, 1, 1), Status.OVERDUE),  # the day after, across the year end
    ],
)
def test_status_moves_from_current_to_due_soon_to_overdue_around_a_month_end(today, status):
    october = assess(
        Cadence.MONTHLY, date(2025, 10, 31), covered_from=date(2025, 10, 1), today=today
    )
    assert october.status == status


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2026, 3, 16), Status.CURRENT),
        (date(2026, 3, 31), Status.DUE_SOON),  # the financial year's last day
        (date(2026, 4, 1), Status.OVERDUE),  # the first day of the next financial year
    ],
)
def test_a_budget_covering_the_year_under_way_is_overdue_once_the_next_year_starts(today, status):
    budget = assess(
        Cadence.BEFORE_FINANCIAL_YEAR,
        date(2026, 3, 31),
        covered_from=date(2025, 4, 1),
        today=today,
    )
    assert budget.status == status


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2026, 9, 15), Status.CURRENT),  # Q4 2025-26 covered: Q1 2026-27 due 30 September
        (date(2026, 9, 30), Status.DUE_SOON),
        (date(2026, 10, 1), Status.OVERDUE),
    ],
)
def test_a_quarter_covered_goes_overdue_after_the_quarter_end_after_next(today, status):
    quarter = assess(
        Cadence.QUARTERLY, date(2026, 3, 31), covered_from=date(2026, 1, 1), today=today
    )
    assert quarter.status == status


def test_as_made_items_follow_the_deadlines_of_what_is_still_owed():
    today = date(2026, 1, 10)
    published = date(2026, 1, 2)
    assert assess_as_made([], today=today, last_published=None).status == Status.MISSING
    assert assess_as_made([], today=today, last_published=published).status == Status.CURRENT
    soon = Deadline(what="Decision 01/2025", due_on=date(2026, 1, 12))
    late = Deadline(what="Decision 02/2025", due_on=date(2026, 1, 9))
    done = Deadline(what="Decision 03/2025", due_on=date(2026, 1, 5), published_on=published)
    freshness = assess_as_made([soon, done], today=today, last_published=published)
    assert freshness.status == Status.DUE_SOON
    assert freshness.due_on == date(2026, 1, 12)
    freshness = assess_as_made([soon, late, done], today=today, last_published=published)
    assert freshness.status == Status.OVERDUE
    assert freshness.due_on == date(2026, 1, 9)
    assert [d.what for d in freshness.outstanding] == ["Decision 02/2025", "Decision 01/2025"]
    # Owed and late, though nothing was ever published: overdue, not just missing.
    assert assess_as_made([late], today=today).status == Status.OVERDUE


def test_an_as_made_deadline_far_ahead_does_not_make_the_item_due():
    far = Deadline(what="Agenda", due_on=date(2026, 3, 1))
    freshness = assess_as_made([far], today=date(2026, 1, 10), last_published=date(2026, 1, 2))
    assert freshness.status == Status.CURRENT
