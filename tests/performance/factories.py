"""Factories for performance tests: figures, commentary, quarterly reports and scrutiny. Plans,
priorities and measures come from ``tests.plans.factories``, where they are defined once."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from performance import periods
from performance.models import (
    DataPoint,
    MeasureCommentary,
    Paper,
    QuarterlyReport,
    ScrutinyAction,
    ScrutinyMeeting,
)
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory
from tests.publications.factories import ready_version


class DataPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataPoint

    measure = factory.SubFactory(MeasureFactory)
    period_kind = periods.QUARTER
    period_start = datetime.date(2021, 4, 1)
    value = Decimal("24000")
    # Released, as most tests want figures the public sees; released_at=None makes a draft.
    released_at = factory.LazyFunction(timezone.now)


class MeasureCommentaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureCommentary

    measure = factory.SubFactory(MeasureFactory, unit="")
    date = datetime.date(2021, 10, 1)
    text = "HMICFRS judged the force **good** at preventing crime."


class QuarterlyReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuarterlyReport

    plan = factory.SubFactory(PlanFactory)
    financial_year = 2021
    quarter = 2
    headlines = "Anti-social behaviour fell for the third quarter running."
    national_statement = "The Constabulary contributes to every national priority."


class ScrutinyMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyMeeting

    date = datetime.date(2021, 11, 15)
    attendees = "Police and Crime Commissioner\nChief Constable"
    topics = "Force performance\nRoad safety"
    note = "The Commissioner received updates on force performance."


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paper

    meeting = factory.SubFactory(ScrutinyMeetingFactory)
    title = "Road safety briefing"


class ScrutinyActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyAction

    raised_at = factory.SubFactory(ScrutinyMeetingFactory)
    description = "Report on 101 call answering times."
    owner = "Chief Constable"
    due_date = datetime.date(2022, 2, 1)


def mark_published(obj, *, by):
    """Give ``obj`` a ready version without rendering it: for objects of other apps (a plan)
    whose templates these tests must not depend on."""
    return ready_version(obj, by=by, change_note="First publication")


FIRST_QUARTER = periods.Period.quarter(2019, 1)


def quarterly_series(measure, *, start=FIRST_QUARTER, values, comparisons=None, released=True):
    """Quarterly figures from ``start`` on, released (public) unless ``released`` is False."""
    period = start
    points = []
    for index, value in enumerate(values):
        comparison = comparisons[index] if comparisons else None
        points.append(
            DataPoint.objects.create(
                measure=measure,
                period_kind=period.kind,
                period_start=period.start,
                value=Decimal(str(value)),
                comparison_value=None if comparison is None else Decimal(str(comparison)),
                released_at=timezone.now() if released else None,
            )
        )
        period = _next_quarter(period)
    return points


def confidence_measure(plan, *, values):
    """Public confidence in policing, a percentage measure of ``plan``'s first priority, with
    ``values`` released quarter by quarter from 2021-22 Q1."""
    priority = PriorityFactory(plan=plan, number=1, title="Cracking down on crime")
    measure = MeasureFactory(
        plan=plan,
        priority=priority,
        wording="Public confidence in policing",
        unit="%",
        direction="improve",
    )
    quarterly_series(measure, start=periods.Period.quarter(2021, 1), values=values)
    return measure


def _next_quarter(period):
    day = period.end + datetime.timedelta(days=1)
    return periods.Period.quarter_containing(day)
