"""When an index item is next due, and its status, from the period its latest publication covers
or, for items published as they are made, from the deadlines of the things themselves.

Freshness follows from the period covered, never from the day something was uploaded: a 2020
document uploaded today is as old as 2020. The rules, per cadence (financial years run 1 April
to 31 March; quarters end 30 June, 30 September, 31 December, 31 March):
- monthly: the next month is due by the end of the month after it (a publication covering
  October makes November's due by 31 December);
- quarterly: the next quarter is due by the end of the quarter after it (covering April to
  June makes July to September due by 31 December);
- for each financial year, after it ends: the next year is due by 30 September after it ends
  (covering 2024-25 makes 2025-26 due by 30 September 2026);
- before each financial year: the next year is due before it starts, by 31 March (covering
  2025-26 makes 2026-27 due by 31 March 2026);
- yearly: due again a year after the period began, or when it ends if that is later (a
  document "as at" 31 March 2025 is due again by 31 March 2026; a 29 February moves to 28);
- as they are made: each thing has its own deadline (a signed decision three working days
  after its signature, an agenda five clear working days before its meeting, minutes by the
  time the next meeting's agenda is due, a response to HMICFRS 56 days after its report). The
  item is overdue when anything is past its deadline and unpublished, due soon when something
  falls due within ``DUE_SOON``, current otherwise once anything is published.
An item never published is missing; one past its due date is overdue; one due within
``DUE_SOON`` days is due soon.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from pcc_portal.financial_year import (
    financial_year_bounds,
    financial_year_of,
    quarter_end,
    quarter_start,
)

from .models import Cadence

DUE_SOON = timedelta(days=14)


class Status:
    CURRENT = "current"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    MISSING = "missing"

    LABELS = {
        CURRENT: "Current",
        DUE_SOON: "Due soon",
        OVERDUE: "Overdue",
        MISSING: "Missing",
    }
    TAGS = {
        CURRENT: "govuk-tag--green",
        DUE_SOON: "govuk-tag--yellow",
        OVERDUE: "govuk-tag--red",
        MISSING: "govuk-tag--grey",
    }


def financial_year_end(day):
    """31 March of the financial year containing ``day``."""
    return financial_year_bounds(financial_year_of(day))[1]


def next_due(cadence, covered_to, covered_from=None):
    """The date the next publication is due, given the last day of the period the latest one
    covers (and its first day, for yearly items); None when nothing falls due this way."""
    if covered_to is None or cadence == Cadence.AS_MADE:
        return None
    if cadence == Cadence.MONTHLY:
        return covered_to + relativedelta(months=2, day=31)  # the last day of that month
    if cadence == Cadence.QUARTERLY:
        return quarter_end(covered_to + relativedelta(months=6))
    if cadence == Cadence.FINANCIAL_YEAR:
        next_year_end = financial_year_end(financial_year_end(covered_to) + timedelta(days=1))
        return date(next_year_end.year, 9, 30)
    if cadence == Cadence.BEFORE_FINANCIAL_YEAR:
        return financial_year_end(covered_to)
    if cadence == Cadence.YEARLY:
        # relativedelta moves 29 February to 28 February.
        return max((covered_from or covered_to) + relativedelta(years=1), covered_to)
    raise ValueError(f"Unknown cadence {cadence!r}")


@dataclass(frozen=True)
class Deadline:
    """One thing published as it is made, against its deadline: a signed decision, an agenda,
    minutes, a response to an inspection."""

    what: str
    due_on: date
    published_on: date | None = None
    url: str = ""

    def outstanding(self):
        return self.published_on is None

    def late(self, today):
        return self.published_on is None and today > self.due_on


@dataclass(frozen=True)
class Freshness:
    status: str
    last_published: date | None
    due_on: date | None
    covered_from: date | None = None
    covered_to: date | None = None
    # For items published as made: what is past its deadline, or falls due soon, unpublished.
    outstanding: tuple = field(default=())

    @property
    def label(self):
        return Status.LABELS[self.status]

    @property
    def tag_class(self):
        return Status.TAGS[self.status]

    @property
    def needs_attention(self):
        return self.status != Status.CURRENT


def _status(due_on, today):
    if due_on is None or today + DUE_SOON < due_on:
        return Status.CURRENT
    if today <= due_on:
        return Status.DUE_SOON
    return Status.OVERDUE


def complete_through(cadence, as_at):
    """The last day of the last whole period a register "as at" ``as_at`` covers: for a monthly
    item, the month before; for a quarterly one, the quarter before; otherwise that day."""
    if cadence == Cadence.MONTHLY:
        return as_at.replace(day=1) - timedelta(days=1)
    if cadence == Cadence.QUARTERLY:
        return quarter_start(as_at) - timedelta(days=1)
    return as_at


def assess(cadence, covered_to, *, today, covered_from=None, last_published=None, as_at=False):
    """The status of an item whose latest publication covers ``covered_from`` to
    ``covered_to`` (None when never published); with ``as_at``, a register complete as at
    ``covered_to`` (a register released on 2 October has all of September, part of October)."""
    if covered_to is None:
        return Freshness(status=Status.MISSING, last_published=last_published, due_on=None)
    due_on = next_due(
        cadence, complete_through(cadence, covered_to) if as_at else covered_to, covered_from
    )
    return Freshness(
        status=_status(due_on, today),
        last_published=last_published,
        due_on=due_on,
        covered_from=covered_from,
        covered_to=covered_to,
    )


def assess_as_made(deadlines, *, today, last_published=None):
    """The status of an item published as things are made, from each thing's deadline: overdue
    when any is past its deadline unpublished, due soon when one falls due within ``DUE_SOON``,
    missing when nothing was ever published and nothing is late, current otherwise."""
    outstanding = sorted(
        (d for d in deadlines if d.outstanding() and d.due_on <= today + DUE_SOON),
        key=lambda d: d.due_on,
    )
    due_on = outstanding[0].due_on if outstanding else None
    if any(d.late(today) for d in outstanding):
        status = Status.OVERDUE
    elif outstanding:
        status = Status.DUE_SOON
    elif last_published is None:
        status = Status.MISSING
    else:
        status = Status.CURRENT
    return Freshness(
        status=status,
        last_published=last_published,
        due_on=due_on,
        outstanding=tuple(outstanding),
    )
