"""Reporting periods: calendar months and financial-year quarters (Q1 is April to June).

A period is stored as its kind and the date it starts; everything people read or type ("2021-22
Q3", "Nov 2021") is parsed and formatted here, so the rest of the app never does date sums.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from pcc_portal.financial_year import financial_year_from_label, financial_year_of

MONTH = "month"
QUARTER = "quarter"

QUARTER_START_MONTHS = {1: 4, 2: 7, 3: 10, 4: 1}


class PeriodError(ValueError):
    """Text that does not name a month or a financial-year quarter."""


def financial_year_label(year):
    """The form the performance pages and report addresses write a year in, "2021-22" (the
    rest of the portal writes "2021/22", ``pcc_portal.financial_year``)."""
    return f"{year}-{(year + 1) % 100:02d}"


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    kind: str

    @classmethod
    def quarter(cls, financial_year, number):
        if number not in QUARTER_START_MONTHS:
            raise PeriodError(f"There is no quarter {number}: quarters are 1 to 4.")
        month = QUARTER_START_MONTHS[number]
        year = financial_year + 1 if number == 4 else financial_year
        return cls(datetime.date(year, month, 1), QUARTER)

    @classmethod
    def month(cls, year, month):
        return cls(datetime.date(year, month, 1), MONTH)

    @classmethod
    def quarter_containing(cls, day):
        fy = financial_year_of(day)
        number = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3}.get(day.month, 4)
        return cls.quarter(fy, number)

    @property
    def financial_year(self):
        return financial_year_of(self.start)

    @property
    def quarter_number(self):
        return {4: 1, 7: 2, 10: 3, 1: 4}[self.start.month] if self.kind == QUARTER else None

    @property
    def end(self):
        """The last day of the period."""
        return self.start + relativedelta(months=3 if self.kind == QUARTER else 1, days=-1)

    @property
    def slug(self):
        """The report address form: 2021-22-q3."""
        return f"{financial_year_label(self.financial_year)}-q{self.quarter_number}"

    @property
    def label(self):
        if self.kind == QUARTER:
            return f"{financial_year_label(self.financial_year)} Q{self.quarter_number}"
        return self.start.strftime("%b %Y")

    @property
    def long_label(self):
        if self.kind == QUARTER:
            return (
                f"Quarter {self.quarter_number} {financial_year_label(self.financial_year)} "
                f"({self.start:%B} to {self.end:%B %Y})"
            )
        return self.start.strftime("%B %Y")

    @property
    def sentence_label(self):
        """``long_label`` for the middle of a sentence: "quarter 2 of 2021-22 (July to September
        2021)". Lower-casing the long label would lower-case the month names too."""
        if self.kind == QUARTER:
            return (
                f"quarter {self.quarter_number} of {financial_year_label(self.financial_year)} "
                f"({self.start:%B} to {self.end:%B %Y})"
            )
        return self.long_label

    def previous(self):
        if self.kind == QUARTER:
            day = self.start - datetime.timedelta(days=1)
            return Period.quarter_containing(day)
        day = self.start - datetime.timedelta(days=1)
        return Period.month(day.year, day.month)

    def __str__(self):
        return self.label


_QUARTER = re.compile(r"^(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*[-\s]?\s*q([1-4])$", re.IGNORECASE)
_QUARTER_FIRST = re.compile(r"^q([1-4])\s*[-\s]?\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-01)?$")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_name) if name})
_NAMED_MONTH = re.compile(r"^([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)


def _checked_financial_year(first, second):
    year = financial_year_from_label(f"{first}-{second}")
    if year is None:
        raise PeriodError(f"“{first}-{second}” is not a financial year: write it as 2021-22.")
    return year


def parse_period(value):
    """A Period from a spreadsheet cell: "2021-22 Q3", "Q3 2021-22", "2021-11", "Nov 2021",
    "November 2021", or a date (the month it falls in)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return Period.month(value.year, value.month)
    text = " ".join(str(value or "").split())
    if not text:
        raise PeriodError("The period is missing.")
    if match := _QUARTER.match(text):
        return Period.quarter(_checked_financial_year(match[1], match[2]), int(match[3]))
    if match := _QUARTER_FIRST.match(text):
        return Period.quarter(_checked_financial_year(match[2], match[3]), int(match[1]))
    if match := _ISO_MONTH.match(text):
        month = int(match[2])
        if 1 <= month <= 12:
            return Period.month(int(match[1]), month)
    if (match := _NAMED_MONTH.match(text)) and match[1].lower() in _MONTHS:
        return Period.month(int(match[2]), _MONTHS[match[1].lower()])
    raise PeriodError(
        f"“{text}” is not a period: write a quarter as 2021-22 Q3 or a month as 2021-11."
    )


def parse_quarter_slug(slug):
    """The quarter named by a report address such as 2021-22-q3, or PeriodError."""
    period = parse_period(slug.replace("-q", " Q"))
    if period.kind != QUARTER:
        raise PeriodError(f"{slug} is not a quarter.")
    return period
