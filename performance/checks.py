"""Checks on a figure before it is saved, typed in or imported.

A figure outside what its measure can possibly be (a percentage above 100, or outside the
measure's own bounds) is refused as a mistake. A value far from the measure's recent figures is
flagged: it may be right, so the person entering it confirms they have checked it.
"""

from bisect import bisect_left
from decimal import Decimal

from django.db.models import Q
from django.db.models.functions import Coalesce

from .assessment import format_number
from .models import DataPoint
from .periods import QUARTER

# A value more than this fraction away from the mean of the measure's recent figures is flagged.
CHANGE_TOLERANCE = Decimal("0.5")
RECENT_FIGURES = 4  # the recent figures: the last four quarters (or months) before the period

RANGE_CHECKED = {"value": "value", "comparison_value": "comparison", "target": "target"}


def _shown(number, unit):
    text = format_number(number, unit)
    return text if unit == "%" or not unit else f"{text} {unit}"


def range_problem(measure, number, *, name="value"):
    """Why ``number`` cannot be the ``name`` ("value", "comparison", "target") of a figure of
    ``measure``, or None."""
    if number is None:
        return None
    low, high = measure.figure_range
    if (low is None or number >= low) and (high is None or number <= high):
        return None
    shown = _shown(number, measure.unit)
    if measure.is_percentage and (number < 0 or number > 100):
        return f"The {name} {shown} is not possible: a percentage is between 0% and 100%."
    if high is not None and number > high:
        return (
            f"The {name} {shown} is above {_shown(high, measure.unit)}, the highest figure this "
            "measure can have."
        )
    return (
        f"The {name} {shown} is below {_shown(low, measure.unit)}, the lowest figure this "
        "measure can have."
    )


def range_problems(measure, **figure):
    """``{field: problem}`` for the figure's value, comparison and target."""
    problems = {}
    for field, name in RANGE_CHECKED.items():
        if problem := range_problem(measure, figure.get(field), name=name):
            problems[field] = problem
    return problems


def change_flag(measure, period, value, recent):
    """The warning for ``value`` if it is more than the tolerance away from the mean of
    ``recent`` (the measure's figures of the same kind just before ``period``), or ""."""
    if value is None or not recent:
        return ""
    mean = sum(recent) / len(recent)
    if mean == 0:
        if value == 0:
            return ""
    elif abs(value - mean) <= abs(mean) * CHANGE_TOLERANCE:
        return ""
    kind = "quarter" if period.kind == QUARTER else "month"
    last = f"the last {len(recent)} {kind}s" if len(recent) > 1 else f"the {kind} before"
    average = _shown(mean.quantize(Decimal("0.01")), measure.unit)
    return (
        f"{_shown(value, measure.unit)} for {period.label} is more than "
        f"{CHANGE_TOLERANCE * 100:.0f}% away from {average}, the average of {last}."
    )


def _entered_value():
    # The figure as staff last entered it: a released figure's pending correction if any.
    return Coalesce("pending_value", "value")


def recent_values(measure, period, *, excluding=None):
    """The measure's last figures (as entered) of ``period``'s kind before it, oldest first."""
    points = DataPoint.objects.filter(
        measure=measure, period_kind=period.kind, period_start__lt=period.start
    )
    values = (
        points.annotate(entered_value=_entered_value())
        .order_by("-period_start")
        .values_list("entered_value", flat=True)[:RECENT_FIGURES]
    )
    return list(reversed(values))


def flag_figure(measure, period, value):
    """The warning for a figure typed in for ``period``, or ""."""
    return change_flag(measure, period, value, recent_values(measure, period))


def flag_rows(rows, *, measures):
    """``{row number: warning}`` for the checked rows of an import that are far from their
    measure's recent figures: those held (as entered) and those in the file, which replace
    them."""
    if not rows:
        return {}
    wanted = Q()
    for kind in {row.period.kind for row in rows}:
        wanted |= Q(period_kind=kind)
    series = {}
    held = (
        DataPoint.objects.filter(measure_id__in={row.measure_id for row in rows})
        .filter(wanted)
        .annotate(entered_value=_entered_value())
        .values_list("measure_id", "period_kind", "period_start", "entered_value")
    )
    for measure_id, kind, start, value in held.iterator(chunk_size=5000):
        series.setdefault((measure_id, kind), {})[start] = value
    for row in rows:
        series.setdefault((row.measure_id, row.period.kind), {})[row.period.start] = row.value
    ordered = {key: sorted(values) for key, values in series.items()}
    flags = {}
    for row in rows:
        key = (row.measure_id, row.period.kind)
        starts = ordered[key]
        index = bisect_left(starts, row.period.start)
        recent = [series[key][start] for start in starts[max(0, index - RECENT_FIGURES) : index]]
        if flag := change_flag(measures[row.measure_id], row.period, row.value, recent):
            flags[row.row] = flag
    return flags
