"""The demonstration figures: a quarterly series for each measure of the 2021-2025 plan, shaped by
season, trend and the pandemic, flagged ``demonstration`` except where the plan gives a real
figure."""

import datetime
import math
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..models import DataPoint
from ..periods import Period

PLAN_SLUG = "police-and-crime-plan-2021-2025"
FIRST = Period.quarter(2018, 1)  # a year before the series, for comparisons only
SHOWN_FROM = Period.quarter(2019, 1)
LAST = Period.quarter(2024, 4)
SOURCE = "Demonstration figures"

# Quarterly seasonality (Q1 April-June ... Q4 January-March).
SEASON = {
    "asb": (0.27, 0.30, 0.24, 0.19),
    "roads": (0.24, 0.27, 0.27, 0.22),
    "flat": (0.25, 0.25, 0.25, 0.25),
}

# (words in the measure, quarterly base or yearly total, season, yearly trend, note)
PROFILES = [
    (
        "anti-social behaviour incidents",
        96_000,
        "asb",
        -0.04,
        "The plan: about 96,000 reports of anti-social behaviour in 2020-21.",
    ),
    (
        "killed or seriously injured",
        820,
        "roads",
        -0.03,
        "The plan: 25 people were killed on Lancashire's roads in 2020.",
    ),
    (
        "vulnerable road users",
        1_285,
        "roads",
        -0.03,
        "About four in ten of the 3,213 casualties of the 2,354 collisions in 2020 (the plan).",
    ),
    ("homicides", 18, "flat", -0.05, ""),
    ("serious violence", 1_450, "flat", -0.02, ""),
    ("burglary and robbery offences", 7_600, "flat", -0.05, ""),
    ("neighbourhood crime", 16_500, "flat", -0.04, ""),
    ("repeat burglary", 420, "flat", -0.04, ""),
    ("reporting of domestic abuse", 26_000, "flat", 0.04, ""),
    ("brought to justice", 1_900, "flat", 0.05, ""),
    ("asset seizures", 640, "flat", 0.03, ""),
    ("national referral mechanism", 260, "flat", 0.06, ""),
    ("exploitation offences", 330, "flat", 0.02, ""),
    ("cyber breach", 150, "flat", 0.03, ""),
    ("drugs supply", 120, "flat", 0.06, ""),
    ("disruption of organised", 180, "flat", 0.05, ""),
    ("civil orders", 240, "flat", 0.08, ""),
    ("problem-solving", 130, "flat", 0.06, ""),
    ("protection orders", 210, "flat", 0.09, ""),
    ("prosecutions, vehicle seizures", 5_200, "roads", 0.05, ""),
    ("camera van", 1_100, "flat", 0.04, ""),
]
# Percentages: (words, level, yearly change in points, target)
PERCENTAGES = [
    ("public confidence", 74.0, 0.6, None),
    ("satisfaction", 71.0, 0.8, None),
    ("positive outcomes", 9.5, 0.4, None),
    ("victim code", 88.0, 1.0, 95),
    ("repeat offending", 29.0, -0.5, None),
    ("repeat victimisation", 33.0, -0.6, None),
    ("crime recording", 91.0, 0.7, 95),
    ("101 and 999", 82.0, 1.2, 90),
]

# The 2020-21 pandemic quarters: less burglary, more anti-social behaviour reports.
ASB = "anti-social behaviour incidents"
PANDEMIC = {
    Period.quarter(2020, 1): {
        "burglary and robbery offences": 0.72,
        "neighbourhood crime": 0.75,
        ASB: 1.18,
        "killed or seriously injured": 0.7,
        "vulnerable road users": 0.7,
    },
    Period.quarter(2020, 4): {
        "burglary and robbery offences": 0.85,
        "neighbourhood crime": 0.85,
        "killed or seriously injured": 0.85,
        "vulnerable road users": 0.85,
    },
}


def _quarters():
    period, out = FIRST, []
    while period <= LAST:
        out.append(period)
        period = Period.quarter_containing(period.end + datetime.timedelta(days=1))
    return out


def _wobble(index, salt):
    """Deterministic noise of a few per cent, so every run makes the same figures."""
    return 0.035 * math.sin(index * 1.9 + salt) + 0.02 * math.cos(index * 0.7 + 2 * salt)


def _count_series(measure, yearly, season, trend, profile):
    quarters = _quarters()
    salt = (measure.pk or 1) % 7
    values = {}
    for index, period in enumerate(quarters):
        years = (period.financial_year - 2020) + (period.quarter_number - 1) / 4
        value = yearly * SEASON[season][period.quarter_number - 1] * (1 + trend) ** years
        value *= 1 + _wobble(index, salt)
        value *= PANDEMIC.get(period, {}).get(profile, 1)
        values[period] = Decimal(max(round(value), 0))
    if profile == ASB:
        # The plan's real figure: 2020-21's four quarters add up to 96,000 reports.
        year = [p for p in quarters if p.financial_year == 2020]
        total = sum(values[p] for p in year)
        for period in year:
            values[period] = (values[period] * 96_000 / total).quantize(Decimal(1))
        values[year[-1]] += 96_000 - sum(values[p] for p in year)
    return values


def _percent_series(measure, level, change, words):
    salt = (measure.pk or 1) % 5
    values = {}
    for index, period in enumerate(_quarters()):
        years = (period.financial_year - 2019) + (period.quarter_number - 1) / 4
        value = level + change * years + 1.2 * math.sin(index * 1.3 + salt)
        values[period] = Decimal(str(round(min(max(value, 0), 100), 1)))
    return values


def _series_for(measure):
    words = measure.wording.lower()
    if measure.unit == "%":
        for key, level, change, target in PERCENTAGES:
            if key in words:
                return _percent_series(measure, level, change, words), target, ""
        return _percent_series(measure, 70.0, 0.5, words), None, ""
    if measure.unit == "£":
        # Efficiency savings, cumulative pounds over the plan.
        return {p: Decimal(1_200_000 + 150_000 * i) for i, p in enumerate(_quarters())}, None, ""
    for key, yearly, season, trend, note in PROFILES:
        if key in words:
            return _count_series(measure, yearly, season, trend, key), None, note
    return _count_series(measure, 400, "flat", 0.0, ""), None, ""


def _load_figures(plan, publisher):
    numeric = list(plan.measures.exclude(unit=""))
    have = set(DataPoint.objects.filter(measure__in=numeric).values_list("measure_id", flat=True))
    released_at = timezone.now()  # released as loaded, so the demonstration site shows them
    points = []
    for measure in numeric:
        if measure.pk in have:
            continue  # already loaded (or entered by someone): never overwritten
        values, target, note = _series_for(measure)
        for period in _quarters():
            if period < SHOWN_FROM:
                continue
            last_year = Period.quarter(period.financial_year - 1, period.quarter_number)
            # The note names the plan's real figure on the periods it describes.
            real = note and (
                period.financial_year == 2020 if "2020-21" in note else period.start.year == 2020
            )
            points.append(
                DataPoint(
                    measure=measure,
                    period_kind=period.kind,
                    period_start=period.start,
                    value=values[period],
                    comparison_value=values.get(last_year),
                    target=None if target is None else Decimal(target),
                    source=SOURCE,
                    note=note if real else "",
                    demonstration=True,
                    entered_by=publisher,
                    released_at=released_at,
                    released_by=publisher,
                )
            )
    bulk_create_with_history(
        points,
        DataPoint,
        batch_size=500,
        default_user=publisher,
        default_change_reason="Demonstration figures loaded",
    )
    return len(points)
