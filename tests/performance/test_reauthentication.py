"""Re-authentication at the moment of releasing (issue "Separation of duties", item 3): publishing
a quarterly report or a scrutiny note, releasing a quarter's figures and withdrawing what was
published ask for the password again (a code, with two-factor sign-in) unless given in the last
few minutes, and the history records it."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from pcc_portal.publications.models import Version
from performance import services
from performance.models import DataPoint, QuarterlyReport
from performance.periods import Period
from tests.accounts.factories import (
    PASSWORD,
    current_code,
    give_authenticator_app,
    reauthenticate,
    sign_in,
)
from tests.performance.factories import QuarterlyReportFactory, ScrutinyMeetingFactory
from tests.performance.helpers import report_publish_data

pytestmark = pytest.mark.django_db

Q1_2022 = Period.quarter(2022, 1)
PUBLISH = {"change_note": "First publication", "confirm": "on"}


@pytest.fixture
def report(published_plan):
    return QuarterlyReportFactory(plan=published_plan, financial_year=2021, quarter=2)


@pytest.fixture
def figure(measure, editor):
    return services.record_figure(measure=measure, period=Q1_2022, value=Decimal(250), by=editor)


def _asks_for_the_password(response, url):
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/reauthenticate/?next={url.replace('/', '%2F')}"


def test_publishing_a_report_asks_for_the_password_then_carries_on(client, report, decision_maker):
    client.force_login(decision_maker)  # signed in, but not just now
    url = reverse("performance_manage:report_publish", args=[report.pk])
    assert client.get(url).status_code == 200  # the check page itself is shown
    response = client.post(url, report_publish_data(client, url, **PUBLISH))
    _asks_for_the_password(response, url)
    assert not Version.objects.for_object(report).exists()
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    assert Version.objects.for_object(report).count() == 1
    record = report.history.first()
    assert record.history_user == decision_maker
    assert record.history_change_reason.startswith("Published version 1; re-authenticated at ")


def test_publishing_a_scrutiny_note_asks_for_the_password(client, decision_maker):
    meeting = ScrutinyMeetingFactory()
    client.force_login(decision_maker)
    url = reverse("performance_manage:meeting_publish", args=[meeting.pk])
    _asks_for_the_password(client.post(url, PUBLISH), url)
    reauthenticate(client)
    assert client.post(url, PUBLISH).status_code == 302
    assert "re-authenticated at" in meeting.history.first().history_change_reason


def test_releasing_figures_asks_for_the_password_and_each_figure_records_it(
    client, figure, decision_maker
):
    client.force_login(decision_maker)
    page = reverse("performance_manage:release_quarter", args=[Q1_2022.slug])
    reviewed = client.get(page).context["reviewed"]
    url = reverse("performance_manage:release", args=[Q1_2022.slug])
    _asks_for_the_password(client.post(url, {"reviewed": reviewed}), url)
    assert not DataPoint.objects.get(pk=figure.pk).is_released
    reauthenticate(client)
    client.post(url, {"reviewed": reviewed})
    released = DataPoint.objects.get(pk=figure.pk)
    assert released.is_released
    reason = released.history.first().history_change_reason
    assert reason.startswith("Released with 2022-23 Q1; re-authenticated at ")


def test_withdrawing_a_report_asks_for_the_password_and_the_history_records_it(
    client, report, decision_maker, publish
):
    publish(report, decision_maker)
    content_type = ContentType.objects.get_for_model(QuarterlyReport)
    url = reverse(
        "publications_manage:withdraw",
        kwargs={"content_type_id": content_type.pk, "pk": report.pk},
    )
    client.force_login(decision_maker)
    _asks_for_the_password(client.post(url, {"reason": "Figures were wrong"}), url)
    assert report.withdrawal() is None
    reauthenticate(client)
    assert client.post(url, {"reason": "Figures were wrong"}).status_code == 302
    assert report.withdrawal() is not None
    reason = report.history.first().history_change_reason
    assert reason.startswith("Withdrawn: Figures were wrong; re-authenticated at ")


def test_with_two_factor_sign_in_releasing_asks_for_a_code(
    client, figure, decision_maker, settings
):
    settings.REQUIRE_MFA = True
    give_authenticator_app(decision_maker)
    sign_in(client, decision_maker.username)
    client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    url = reverse("performance_manage:release", args=[Q1_2022.slug])
    response = client.post(url, {"reviewed": "anything"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")
    assert not DataPoint.objects.get(pk=figure.pk).is_released
