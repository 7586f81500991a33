"""When an index item is next due, and its status, from the date it was last published.

The rules, per cadence (financial years run 1 April to 31 March):
- monthly: by the end of the month after the month of the last publication (October's
  spending, published in November, makes December's publication due by 31 December);
- quarterly: by the end of the financial quarter after the quarter of the last publication
  (quarters end 30 June, 30 September, 31 December, 31 March);
- yearly: within a year of the last publication (a 29 February publication is due 28 February);
- before each financial year: by 31 March before the year it covers; a publication in January
  to March counts for the coming year, one from April to December for the year under way;
- as they are made: no due date; current once anything is published.
An item never published is missing; one past its due date is overdue; one due within
``DUE_SOON`` days is due soon.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

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


def month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day, months):
    """The last day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return month_end(index // 12, index % 12 + 1)


def financial_year_end(day):
    """31 March of the financial year containing ``day``."""
    return date(day.year + 1 if day.month >= 4 else day.year, 3, 31)


def financial_quarter_end(day):
    """The last day of the financial quarter (Q1 is April to June) containing ``day``."""
    # Calendar quarters end on the same dates; only their numbering differs.
    return month_end(day.year, ((day.month - 1) // 3 + 1) * 3)


def next_due(cadence, last_published):
    """The date the next publication is due, or None when nothing falls due."""
    if last_published is None or cadence == Cadence.AS_MADE:
        return None
    if cadence == Cadence.MONTHLY:
        return add_months(last_published, 1)
    if cadence == Cadence.QUARTERLY:
        return financial_quarter_end(financial_quarter_end(last_published) + timedelta(days=1))
    if cadence == Cadence.YEARLY:
        try:
            return last_published.replace(year=last_published.year + 1)
        except ValueError:  # 29 February
            return date(last_published.year + 1, 2, 28)
    if cadence == Cadence.BEFORE_FINANCIAL_YEAR:
        return financial_year_end(last_published + timedelta(days=92))
    raise ValueError(f"Unknown cadence {cadence!r}")


@dataclass(frozen=True)
class Freshness:
    status: str
    last_published: date | None
    due_on: date | None

    @property
    def label(self):
        return Status.LABELS[self.status]

    @property
    def tag(self):
        return Status.TAGS[self.status]

    @property
    def needs_attention(self):
        return self.status != Status.CURRENT


def assess(cadence, last_published, *, today):
    due_on = next_due(cadence, last_published)
    if last_published is None:
        status = Status.MISSING
    elif due_on is None or today + DUE_SOON < due_on:
        status = Status.CURRENT
    elif today <= due_on:
        status = Status.DUE_SOON
    else:
        status = Status.OVERDUE
    return Freshness(status=status, last_published=last_published, due_on=due_on)
