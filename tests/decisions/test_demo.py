"""The demo decisions from the seeds load through the real workflow, once, each step taken by
the demo account holding its office."""

import pytest

from decisions import demo
from decisions.models import Decision, DecisionsReport
from pcc_portal.demo.accounts import create_demo_accounts
from tests.plans.factories import PlanFactory, PriorityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_accounts(editor, decision_maker):
    create_demo_accounts()


@pytest.fixture
def plan_2016(db):
    plan = PlanFactory(slug=demo.PLAN_2016)
    for number, title in enumerate(
        [
            "Protecting local policing",
            "Tackling crime and reoffending",
            "Supporting vulnerable people and victims",
            "Developing safe and confident communities",
        ],
        start=1,
    ):
        PriorityFactory(plan=plan, number=number, title=title)
    return plan


def test_the_demo_loads_the_seed_decisions_once(
    plan_2016, demo_accounts, decision_maker, editor, django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        summary = demo.load(publisher=decision_maker)
    assert "17/2021" in summary and "28/2021" in summary
    signed = {d.reference: d for d in Decision.objects.exclude(number=None)}
    assert sorted(signed) == [f"{n}/2021" for n in (17, 18, 19, 20, 21, 22, 23, 24, 28)]
    assert {r for r, d in signed.items() if d.is_restricted} == {
        "18/2021", "20/2021", "21/2021", "22/2021", "24/2021",
    }  # fmt: skip
    assert signed["18/2021"].priority_text == "Supporting vulnerable people and victims"
    assert signed["19/2021"].decision_date.isoformat() == "2021-10-19"
    assert signed["22/2021"].part2.exemption.startswith("Personal information")
    plan = signed["28/2021"]
    assert plan.status == Decision.Status.SIGNED and plan.decision_date.isoformat() == "2022-01-06"
    assert plan.live_version() is not None
    assert Decision.objects.filter(status=Decision.Status.DRAFT).exists()
    awaiting = Decision.objects.get(status=Decision.Status.SUBMITTED)
    assert awaiting.legal_declared and not awaiting.finance_declared  # the CFO's is due

    # Each step by the holder of its office, none by the same person twice.
    assert {d.created_by for d in signed.values()} == {editor}
    assert {d.monitoring_officer_name for d in signed.values()} == {"Demo Chief Executive"}
    assert {d.signatory_title for d in signed.values()} == {"Police and Crime Commissioner"}
    assert {d.signed_by for d in signed.values()} == {decision_maker}
    assert signed["17/2021"].finance_officer_name == "Demo Finance Officer"
    assert not signed["19/2021"].has_financial_implications
    assert signed["19/2021"].finance_declared_at is None
    assert signed["18/2021"].part2.grounds == "commercial"

    report = DecisionsReport.objects.get()
    register = client.get("/decisions/").content.decode()
    assert "Victim Services Contract Award" in register
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Pension Forfeiture" in page and "(restricted)" in page

    counts = (Decision.objects.count(), DecisionsReport.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        again = demo.load(publisher=decision_maker)
    assert again == "all decisions present"
    assert (Decision.objects.count(), DecisionsReport.objects.count()) == counts


def test_without_the_plans_demo_the_decisions_needing_its_priorities_are_left_out(
    demo_accounts, decision_maker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        summary = demo.load(publisher=decision_maker)
    assert "left out 18/2021, 19/2021, 20/2021" in summary
    references = set(Decision.objects.exclude(number=None).values_list("number", flat=True))
    assert references == {17, 21, 22, 23, 24, 28}


def test_without_the_office_holders_the_seed_decisions_are_left_out(decision_maker):
    summary = demo.load(publisher=decision_maker)
    assert "nobody holds the office of Chief Finance Officer or Monitoring Officer" in summary
    assert not Decision.objects.exclude(number=None).exists()
