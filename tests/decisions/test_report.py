"""The Panel's "decisions made since the last meeting" report, published as a document."""

import datetime

import pytest
from django.urls import reverse

from decisions.models import DecisionsReport
from tests.decisions.conftest import at
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory, DecisionsReportFactory
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def decisions(sign, publish_decision):
    before = sign(title="Before the period", signed_at=at(2021, 10, 12))
    funding = sign(title="Community Safety Partnerships Funding", signed_at=at(2021, 10, 13))
    part2 = DecisionPart2Factory(
        decision__title="Pension Forfeiture", decision__priority_scope="governance"
    )
    restricted = sign(decision=part2.decision, signed_at=at(2021, 11, 15))
    for decision in (before, funding, restricted):
        publish_decision(decision)
    unpublished = sign(title="Signed, not yet published", signed_at=at(2021, 11, 26))
    return {
        "before": before,
        "funding": funding,
        "restricted": restricted,
        "unpublished": unpublished,
    }


def test_the_report_lists_published_decisions_in_the_period_with_restricted_ones_marked(
    decisions, editor, publish, client
):
    report = DecisionsReportFactory(
        period_start=datetime.date(2021, 10, 13), period_end=datetime.date(2021, 12, 6)
    )
    assert list(report.decisions()) == [decisions["funding"], decisions["restricted"]]
    version = publish(report, by=editor)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Community Safety Partnerships Funding" in page
    assert 'Pension Forfeiture <span class="restricted">(restricted)</span>' in page
    assert "Before the period" not in page and "Signed, not yet published" not in page
    text = pdf_text(version.pdf.read())
    assert "Decision reference Decision title PCC priority Date of decision" in text
    assert f"{decisions['restricted'].reference} Pension Forfeiture (restricted) Governance" in text
    pdf = client.get(reverse("decisions:report_pdf", kwargs={"pk": report.pk}))
    assert pdf.status_code == 200


def test_staff_are_warned_of_signed_decisions_not_yet_published_in_the_period(
    decisions, editor, client
):
    report = DecisionsReportFactory(
        period_start=datetime.date(2021, 10, 13), period_end=datetime.date(2021, 12, 6)
    )
    client.force_login(editor)
    page = client.get(report.get_manage_url()).content.decode()
    assert "not published yet" in page and decisions["unpublished"].reference in page


def test_an_unpublished_report_is_not_public(client):
    report = DecisionsReportFactory()
    assert client.get(report.get_absolute_url()).status_code == 404


def test_a_period_that_ends_before_it_starts_is_refused_beside_the_field(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("decisions_manage:report_create"),
        {
            "title": "Police and Crime Commissioner decisions",
            "period_start": "2021-12-06",
            "period_end": "2021-10-13",
            "contact": "Ian Dickinson",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400 and "<title>Error:" in page
    assert "must be on or after its start" in page and 'value="Ian Dickinson"' in page
    assert not DecisionsReport.objects.exists()


def test_the_report_offers_the_panel_what_it_needs_to_attach_it(editor):
    report = DecisionsReportFactory()
    assert report.period_start and report.period_end
    assert report.get_manage_url() == f"/manage/decisions/reports/{report.pk}/"
    assert report.get_absolute_url() == f"/decisions/reports/{report.pk}/"
    assert "Police and Crime Commissioner decisions" in str(report)


def test_a_draft_decision_never_appears_in_a_report(editor, publish):
    DecisionFactory(title="Drafted in the period")
    report = DecisionsReportFactory()
    publish(report, by=editor)
    assert "Drafted in the period" not in report.live_version().html


def test_the_panel_prepares_one_report_per_period():
    from decisions import services
    from pcc_portal.errors import InvalidTransition

    start, end = datetime.date(2021, 10, 13), datetime.date(2021, 12, 6)
    report = services.prepare_decisions_report(period_start=start, period_end=end, meeting_date=end)
    again = services.prepare_decisions_report(period_start=start, period_end=end)
    assert again == report and report.meeting_date == end
    with pytest.raises(InvalidTransition):
        services.prepare_decisions_report(period_start=end, period_end=start)
