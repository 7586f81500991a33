"""Decisions for tests: a decision, its Part 2 and a decisions report to the Panel."""

import datetime

import factory

from decisions.models import Decision, DecisionPart2, DecisionsReport
from pcc_portal.accounts.models import Office


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    title = factory.Sequence(lambda n: f"Community Safety Partnerships Funding {n}")
    report_by = "Ian Dickinson, Head of Governance"
    decision_maker = factory.LazyFunction(
        lambda: Office.objects.of_kind(Office.Kind.COMMISSIONER).get()
    )
    executive_summary = "The report asks the Commissioner to approve grants to partnerships."
    recommendation = "That the Commissioner approves the grants set out in the report."
    background = "Each community safety partnership bid for funding against the plan."
    legal_implications = "The Commissioner may make crime and disorder reduction grants."
    financial_implications = "Met from the community safety budget for 2021/22."
    equality_implications = "No adverse impact identified."
    consultation_implications = "Partnerships were consulted on their bids."
    priority_scope = "all"


class DecisionPart2Factory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionPart2

    decision = factory.SubFactory(DecisionFactory, is_restricted=True)
    grounds = DecisionPart2.Grounds.COMMERCIAL
    exemption = "Commercially sensitive: Freedom of Information Act section 43"
    content = "The bidders' prices and the evaluation scores."


class DecisionsReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionsReport

    period_start = datetime.date(2021, 10, 13)
    period_end = datetime.date(2021, 12, 6)
    meeting_date = datetime.date(2021, 12, 6)
    contact = "Ian Dickinson, Office of the Police and Crime Commissioner"
