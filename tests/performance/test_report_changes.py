"""Every published version of a quarterly report after the first has a public comparison with
the one before (text and tables), linked from the report's list of versions."""

import pytest
from django.urls import reverse

from pcc_portal.publications import services as publishing
from performance import services
from tests.performance.factories import QuarterlyReportFactory
from tests.publications.comparisons import linked_comparison

pytestmark = pytest.mark.django_db

FIRST = "Anti-social behaviour fell for the third quarter running."
SECOND = "Anti-social behaviour fell for the fourth quarter running."


@pytest.fixture
def report(plan, decision_maker, django_capture_on_commit_callbacks):
    report = QuarterlyReportFactory(plan=plan, financial_year=2021, quarter=2, headlines=FIRST)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(report=report, by=decision_maker, note="First publication")
    return report


def _changes(number, quarter="2021-22-q2"):
    return reverse(
        "performance:report_version_changes", kwargs={"quarter": quarter, "number": number}
    )


def test_a_later_version_shows_what_changed_against_the_one_before(
    client, report, decision_maker, django_capture_on_commit_callbacks
):
    page = client.get("/performance/reports/2021-22-q2/").content.decode()
    assert _changes(1) not in page  # the first version has nothing before it
    assert client.get(_changes(1)).status_code == 404

    report.headlines = SECOND
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(report=report, by=decision_maker, note="Corrected the headline")
    html = linked_comparison(client, "/performance/reports/2021-22-q2/", _changes(2))
    assert "What changed in version 2" in html
    assert f"<del>{FIRST}</del>" in html and f"<ins>{SECOND}</ins>" in html
    assert "Corrected the headline" in html
    assert "Compared with version 1" in html
    assert "Police and crime plan performance report" in html


def test_a_withdrawn_version_has_no_comparison_but_the_notice(
    client, report, decision_maker, django_capture_on_commit_callbacks
):
    report.headlines = SECOND
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(report=report, by=decision_maker, note="Second")
        publishing.withdraw(obj=report, by=decision_maker, reason="Figures were wrong")
    response = client.get(_changes(2))
    assert response.status_code == 410
    assert "Figures were wrong" in response.content.decode()
    assert client.get(_changes(9)).status_code == 410  # the report itself is withdrawn
