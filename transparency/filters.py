"""A register's filters (text, financial year, month of spending and the register's own choices)
as one django-filter FilterSet, read alike by the page, its CSV and JSON and the API.

A value a filter cannot read (a year that is not four digits, a choice the register does not
offer) filters nothing, as the links people keep may carry one.
"""

from datetime import date

import django_filters
from django.db import models

from pcc_portal.financial_year import financial_year_bounds


def month_param(params):
    """The first day of the month ``?month=YYYY-MM`` names, or None."""
    month = params.get("month", "")
    if not (len(month) == 7 and month[4] == "-" and month.isascii()):
        return None
    try:
        return date(int(month[:4]), int(month[5:]), 1)
    except ValueError:
        return None


class RegisterFilter(django_filters.FilterSet):
    """``queryset`` is the register's rows annotated with the fields its filters read (see
    ``Register.filtered``); ``register`` says which those are."""

    q = django_filters.CharFilter(method="filter_text")
    year = django_filters.CharFilter(method="filter_year", strip=False)
    month = django_filters.CharFilter(method="filter_month", strip=False)

    def __init__(self, data, *, queryset, register):
        self.register = register
        super().__init__(data, queryset=queryset)
        for parameter, label, field_name, choices in register.choice_filters:
            self.filters[parameter] = django_filters.ChoiceFilter(
                field_name=register.lookup(field_name), label=label, choices=choices
            )
        if not register.is_spending:
            del self.filters["month"]

    def filter_text(self, rows, name, value):
        condition = models.Q()
        for field_name in self.register.text_fields:
            condition |= models.Q(**{f"{self.register.lookup(field_name)}__icontains": value})
        return rows.filter(condition)

    def filter_year(self, rows, name, value):
        if not (value.isdecimal() and len(value) == 4):  # "²" is a digit and 99999 a number
            return rows
        register = self.register
        start = int(value)
        date_lookup = register.lookup(register.date_field)
        # ISO dates compare as text in the same order as dates.
        first, last = financial_year_bounds(start)
        if not register.is_spending:
            first, last = first.isoformat(), last.isoformat()
        in_year = models.Q(**{f"{date_lookup}__gte": first, f"{date_lookup}__lte": last})
        if register.year_field:
            year_lookup = register.lookup(register.year_field)
            in_year = models.Q(**{year_lookup: str(start)}) | (
                models.Q(**{f"{year_lookup}__isnull": True}) & in_year
            )
        return rows.filter(in_year)

    def filter_month(self, rows, name, value):
        month = month_param({"month": value})
        if month is None:
            return rows
        return rows.filter(paid_on__year=month.year, paid_on__month=month.month)
