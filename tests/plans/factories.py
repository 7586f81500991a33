"""Police and crime plans for tests: a plan and its parts, measures and finance rows."""

import datetime
from decimal import Decimal

import factory

from plans.models import (
    AccountabilityItem,
    CapitalLine,
    Commitment,
    Measure,
    Plan,
    Priority,
    RevenueFigure,
    Section,
)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Police and Crime Plan {2021 + n}-{2025 + n}")
    slug = factory.Sequence(lambda n: f"plan-{n}")
    force_area = "Lancashire"
    commissioner = "Andrew Snowden"
    term_start = datetime.date(2021, 5, 13)
    term_end = datetime.date(2025, 3, 31)
    summary = "Leading the fight against crime."

    class Params:
        # The plan before the current one: decisions signed in 2021 and earlier cite its priorities.
        previous_term = factory.Trait(
            title="Police and Crime Plan 2016-2021",
            slug="police-and-crime-plan-2016-2021",
            commissioner="Clive Grunshaw",
            term_start=datetime.date(2016, 5, 12),
            term_end=datetime.date(2021, 5, 12),
        )
        # The plan in force in most tests: the one the demo data and the public pages cite.
        current_term = factory.Trait(
            title="Police and Crime Plan 2021-2025",
            slug="police-and-crime-plan-2021-2025",
            term_start=datetime.date(2021, 5, 13),
            term_end=datetime.date(2025, 5, 1),
        )


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    kind = Section.Kind.FOREWORD
    title = factory.Sequence(lambda n: f"Section {n}")
    body = "I was elected to lead the fight against crime.\n\n## What residents told me\n\nMore."
    order = factory.Sequence(lambda n: n + 1)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority title {n}")
    summary = "Visible neighbourhood policing."
    narrative = "Anti-social behaviour is the top concern.\n\n## Neighbourhood policing\n\nTeams."


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    priority = factory.SubFactory(PriorityFactory)
    wording = factory.Sequence(lambda n: f"Commitment {n}: launch a Safer Neighbourhoods Fund")
    order = factory.Sequence(lambda n: n + 1)


class AccountabilityItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccountabilityItem

    priority = factory.SubFactory(PriorityFactory)
    wording = factory.Sequence(lambda n: f"Accountability item {n}: repeat offenders")
    order = factory.Sequence(lambda n: n + 1)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    plan = factory.LazyAttribute(lambda m: m.priority.plan if m.priority else PlanFactory())
    priority = factory.SubFactory(PriorityFactory)
    wording = factory.Sequence(lambda n: f"Measure {n}: public confidence")
    direction = Measure.Direction.IMPROVE
    unit = "%"
    order = factory.Sequence(lambda n: n + 1)


class RevenueFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RevenueFigure

    plan = factory.SubFactory(PlanFactory)
    kind = RevenueFigure.Kind.NET_REVENUE_BUDGET
    financial_year = "2021/22"
    amount = Decimal("319000000")


class CapitalLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapitalLine

    plan = factory.SubFactory(PlanFactory)
    scheme = "IS/IT Strategy"
    financial_year = "2021/22"
    amount_millions = Decimal("12.751")
