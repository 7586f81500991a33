"""Demo plans: Lancashire's Police and Crime Plans 2016-2021 and 2021-2025, from the seeds.

Figures, dates, names, priorities, commitments, accountability items and measures are the
seeds'; narrative is written for the portal. Each plan is built, taken through its statutory
steps and issued (which publishes it); issuing the 2021-2025 plan supersedes the 2016-2021 one.
Running it again changes nothing.
"""

from datetime import date
from decimal import Decimal

from .. import services
from ..models import (
    AccountabilityItem,
    CapitalLine,
    Commitment,
    Measure,
    Plan,
    Priority,
    RevenueFigure,
    Section,
)
from .finance import CAPITAL_2016, CAPITAL_YEARS_2016, REVENUE_2016, REVENUE_2021
from .measures import THEME_MEASURES_2021
from .plans import PLAN_2016, PLAN_2021, PROGRESS_2021, PROGRESS_DATE_2021, STEPS_2016, STEPS_2021
from .priorities_2016 import PRIORITIES_2016
from .priorities_2021 import PRIORITIES_2021
from .sections import SECTIONS_2016, SECTIONS_2021

__all__ = ["load"]


def _build(*, spec, sections, priorities, revenue, capital, theme_measures, publisher, started):
    plan = services.create_plan(by=publisher, started_on=started, **spec)
    orders = {}
    for kind, placement, title, body in sections:
        orders[placement] = orders.get(placement, 0) + 1
        Section.objects.create(
            plan=plan, kind=kind, placement=placement, title=title, body=body,
            order=orders[placement],
        )  # fmt: skip
    for number, entry in enumerate(priorities, start=1):
        priority = Priority.objects.create(
            plan=plan,
            number=number,
            title=entry["title"],
            summary=entry["summary"],
            narrative=entry["narrative"],
        )
        for order, wording in enumerate(entry["commitments"], start=1):
            Commitment.objects.create(priority=priority, wording=wording, order=order)
        for order, wording in enumerate(entry.get("accountability", []), start=1):
            AccountabilityItem.objects.create(priority=priority, wording=wording, order=order)
        for order, measure in enumerate(entry["measures"], start=1):
            _measure(plan, measure, order, priority=priority)
    for theme, measures in theme_measures:
        for order, measure in enumerate(measures, start=1):
            _measure(plan, measure, order, theme=theme)
    for kind, label, year, amount, note in revenue:
        RevenueFigure.objects.create(
            plan=plan, kind=kind, label=label, financial_year=year, amount=Decimal(amount),
            note=note,
        )  # fmt: skip
    years, schemes = capital
    for scheme, amounts in schemes.items():
        for year, amount in zip(years, amounts, strict=True):
            CapitalLine.objects.create(
                plan=plan, scheme=scheme, financial_year=year, amount_millions=Decimal(amount)
            )
    return plan


def _measure(plan, measure, order, priority=None, theme=""):
    wording, direction, unit, *national = measure
    Measure.objects.create(
        plan=plan,
        priority=priority,
        theme=theme,
        wording=wording,
        direction=direction,
        unit=unit,
        is_national=bool(national and national[0]),
        order=order,
    )


def _take_steps(plan, steps, publisher):
    for stage, when, note, reference, *extra in steps:
        services.record_step(
            plan=plan, stage=stage, date=when, by=publisher, note=note, reference=reference,
            **(extra[0] if extra else {}),
        )  # fmt: skip


def load(*, publisher):
    made = []
    if not Plan.objects.filter(slug=PLAN_2016["slug"]).exists():
        plan = _build(
            spec=PLAN_2016,
            sections=SECTIONS_2016,
            priorities=PRIORITIES_2016,
            revenue=REVENUE_2016,
            capital=(CAPITAL_YEARS_2016, CAPITAL_2016),
            theme_measures=[],
            publisher=publisher,
            started=date(2016, 6, 20),
        )
        _take_steps(plan, STEPS_2016, publisher)
        made.append("2016-2021")
    if not Plan.objects.filter(slug=PLAN_2021["slug"]).exists():
        plan = _build(
            spec=PLAN_2021,
            sections=SECTIONS_2021,
            priorities=PRIORITIES_2021,
            revenue=REVENUE_2021,
            capital=([], {}),
            theme_measures=THEME_MEASURES_2021,
            publisher=publisher,
            started=date(2021, 5, 13),
        )
        for number, index, status, note in PROGRESS_2021:
            commitment = list(plan.priorities.get(number=number).commitments.order_by("order"))[
                index
            ]
            services.record_progress(
                commitment=commitment,
                status=status,
                date=PROGRESS_DATE_2021,
                note=note,
                by=publisher,
            )
        _take_steps(plan, STEPS_2021, publisher)
        made.append("2021-2025")
    if not made:
        return "both plans present"
    return f"built, issued and published the {' and '.join(made)} plans"
