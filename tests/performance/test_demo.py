"""The performance demo: figures labelled as demonstration, the seed's real figures where they
exist, one published report and the 15 November 2021 scrutiny meeting; safe to run twice."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from performance import demo
from performance.models import DataPoint, MeasureCommentary, QuarterlyReport, ScrutinyMeeting
from tests.performance.factories import mark_published
from tests.plans.factories import MeasureFactory, PlanFactory, PriorityFactory


def test_without_the_plans_demo_it_skips_with_a_message(db, decision_maker):
    summary = demo.load(publisher=decision_maker)
    assert summary.startswith("skipped")
    assert not DataPoint.objects.exists()


@pytest.fixture
def seed_plan(decision_maker):
    plan = PlanFactory(slug=demo.PLAN_SLUG)
    asb = PriorityFactory(plan=plan, number=1, title="Getting tough on anti-social behaviour")
    roads = PriorityFactory(plan=plan, number=5, title="Targeting dangerous drivers")
    MeasureFactory(
        priority=asb,
        direction="monitor",
        unit="incidents",
        wording="The number and type of anti-social behaviour incidents in Lancashire",
    )
    MeasureFactory(
        priority=asb,
        direction="improve",
        unit="%",
        wording="Improved public confidence in the police",
    )
    MeasureFactory(
        priority=roads,
        direction="reduce",
        unit="casualties",
        wording="Vulnerable road users involved in traffic collisions",
    )
    MeasureFactory(
        priority=None,
        plan=plan,
        theme="Efficient and effective policing",
        direction="monitor",
        unit="",
        wording="Outcome of HMICFRS and other inspections",
    )
    mark_published(plan, by=decision_maker)  # with its measures: the public reads it as published
    return plan


def test_the_demo_loads_labelled_figures_a_report_and_the_meeting_and_can_run_again(
    client, seed_plan, decision_maker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        summary = demo.load(publisher=decision_maker)
    assert "scrutiny meeting of 15 November 2021 made" in summary
    assert DataPoint.objects.count() == 3 * 24  # 2019-20 Q1 to 2024-25 Q4
    assert not DataPoint.objects.filter(demonstration=False).exists()

    asb = DataPoint.objects.filter(
        measure__wording__contains="anti-social",
        period_start__gte=datetime.date(2020, 4, 1),
        period_start__lt=datetime.date(2021, 4, 1),
    )
    assert sum(point.value for point in asb) == Decimal(96_000)
    assert all("96,000" in point.note for point in asb)
    assert MeasureCommentary.objects.count() == 1

    report = QuarterlyReport.objects.get()
    assert (report.slug, report.live_version().number) == ("2021-22-q2", 1)
    meeting = ScrutinyMeeting.objects.get()
    assert meeting.date == datetime.date(2021, 11, 15) and meeting.live_version()
    assert meeting.actions.count() == 4 and meeting.report == report
    speed_cameras = meeting.actions.get(description__contains="average speed cameras")
    assert [p.title for p in speed_cameras.priorities.all()] == ["Targeting dangerous drivers"]

    for url in (
        reverse("performance:dashboard"),
        report.get_absolute_url(),
        reverse("performance:measure", args=[asb[0].measure_id]),
    ):
        assert "Demonstration figures" in client.get(url).content.decode(), url
    assert "spiking" in client.get(meeting.get_absolute_url()).content.decode()

    before = (DataPoint.objects.count(), MeasureCommentary.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        again = demo.load(publisher=decision_maker)
    assert "kept" in again and "0 demonstration figures" in again
    assert (DataPoint.objects.count(), MeasureCommentary.objects.count()) == before
    assert report.versions.count() == 1 and meeting.versions.count() == 1
