"""The Lancashire demo plans: built from the seeds, issued, published, and loaded once."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from pcc_portal.publications.models import Version
from plans import demo
from plans.models import Measure, Plan, Stage
from tests.plans.helpers import decision_maker_user


@pytest.fixture
def loaded(db, django_capture_on_commit_callbacks):
    publisher = decision_maker_user("commissioner")
    with django_capture_on_commit_callbacks(execute=True):
        summary = demo.load(publisher=publisher)
    return publisher, summary


def test_the_demo_builds_both_lancashire_plans(loaded):
    plan_2016 = Plan.objects.get(slug="police-and-crime-plan-2016-2021")
    plan_2021 = Plan.objects.get(slug="police-and-crime-plan-2021-2025")
    assert list(plan_2016.priorities.values_list("title", flat=True)) == [
        "Protecting local policing",
        "Tackling crime and reoffending",
        "Supporting vulnerable people and victims",
        "Developing safe and confident communities",
    ]
    assert list(plan_2021.priorities.values_list("title", flat=True)) == [
        "Getting tough on anti-social behaviour",
        "Disrupting and dismantling organised crime",
        "Tackling domestic abuse and sexual violence",
        "Cracking down on burglary and robbery",
        "Targeting dangerous drivers",
    ]
    for priority in plan_2021.priorities.all():
        assert priority.commitments.count() >= 7
        assert priority.accountability_items.count() >= 5
        assert priority.measures.exists()
    national = Measure.objects.filter(plan=plan_2021, is_national=True)
    assert national.count() == 6
    assert plan_2021.measures.filter(theme="Efficient and effective policing").count() == 7
    figures = {f.kind: f.display_amount for f in plan_2021.revenue_figures.all()}
    assert figures["net_revenue_budget"] == "£319.0m"
    assert figures["band_d_precept"] == "£226.45"
    assert sum(line.amount_millions for line in plan_2016.capital_lines.all()) == Decimal("83.567")
    assert plan_2021.steps.get(stage=Stage.ISSUED).reference == "28/2021"
    # The Panel made no formal report on the 2021 draft (decision 28/2021, paragraph 5), so the
    # plan records neither a report nor a response.
    assert list(plan_2021.steps.values_list("stage", flat=True)) == [
        Stage.DRAFT, Stage.PUBLIC_CONSULTED, Stage.CONSULTED, Stage.SENT_TO_PANEL, Stage.ISSUED
    ]  # fmt: skip
    consultation = plan_2021.steps.get(stage=Stage.PUBLIC_CONSULTED)
    assert consultation.consultation_opened < consultation.date
    assert "top concern" in consultation.responses_summary
    assert plan_2021.stage == Stage.ISSUED
    assert plan_2016.stage == Stage.SUPERSEDED


def test_the_demo_plans_are_published_and_the_current_one_comes_first(loaded, client):
    assert Version.objects.ready().count() == 2
    page = client.get("/plans/").content.decode()
    assert page.index("Police and Crime Plan for Lancashire 2021-2025") < page.index(
        "Police and Crime Plan 2016-2021"
    )
    tracker = client.get("/plans/police-and-crime-plan-2021-2025/commitments/").content.decode()
    assert "Front counters in South Ribble (Leyland) and Fylde (Kirkham) have reopened." in tracker
    response = client.get("/plans/police-and-crime-plan-2021-2025.pdf")
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    bookmarks = {item.title for item in reader.outline[1] if not isinstance(item, list)}
    for priority in Plan.objects.get(slug="police-and-crime-plan-2021-2025").priorities.all():
        assert f"Priority {priority.number}: {priority.title}" in bookmarks


def test_loading_the_demo_again_changes_nothing(loaded):
    publisher, summary = loaded
    assert "2016-2021 and 2021-2025" in summary
    counts = (Plan.objects.count(), Measure.objects.count(), Version.objects.count())
    assert demo.load(publisher=publisher) == "both plans present"
    assert (Plan.objects.count(), Measure.objects.count(), Version.objects.count()) == counts
