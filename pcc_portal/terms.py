"""Terms of office and other spans of days that may still be running: from a first day to a
last one, or on while the last day is empty (a member's term, an office holding, an interest)."""

from django.db import models


def in_force_on(day, *, start, end):
    """The rows whose span, between the date fields ``start`` and ``end``, takes in ``day``."""
    return models.Q(**{f"{start}__lte": day}) & (
        models.Q(**{f"{end}__isnull": True}) | models.Q(**{f"{end}__gte": day})
    )


def ends_after_it_starts(*, start, end, name):
    """The constraint, under its own ``name``, that a span never ends before it starts."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{end}__gte": models.F(start)}),
        name=name,
    )
