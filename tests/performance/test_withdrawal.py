"""Released figures can be withdrawn, a quarter at a time, by the role that releases them: they
leave every public channel at once, the public reads "Figures for <quarter> withdrawn on <date>:
<reason>" where they used to show, and corrected figures come back only as a new release.
(Issue "one publishing path", part (c).)"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pcc_portal.errors import InvalidTransition
from pcc_portal.publications.models import Version
from performance import services
from performance.models import DataPoint, FiguresWithdrawal
from performance.periods import Period
from tests.accounts.factories import reauthenticate
from tests.performance.factories import QuarterlyReportFactory, confidence_measure
from tests.plans.factories import PlanFactory
from tests.plans.helpers import issue
from tests.spreadsheets import csv_rows

Q2 = Period.quarter(2021, 2)  # 2021-22 Q2
WRONG = "WRONGNOTE"
REASON = "The Constabulary counted the quarter twice"


@pytest.fixture
def confidence(decision_maker):
    """A percentage measure of a published plan, with the four quarters of 2021-22 released:
    60.25%, 71.75% (the wrong one, with its note), 61.5% and 63.25%."""
    plan = PlanFactory(current_term=True)
    measure = confidence_measure(plan, values=[60.25, 71.75, 61.5, 63.25])
    wrong = measure.data_points.get(period_start=Q2.start)
    wrong.note = WRONG
    wrong.save()
    issue(plan, decision_maker)
    return measure


def _public_channels(measure):
    return {
        "dashboard": "/performance/",
        "measure": f"/performance/measures/{measure.pk}/",
        "csv": f"/performance/measures/{measure.pk}.csv",
        "api": f"/api/v1/measures/{measure.pk}/figures/",
        "golden thread": "/plans/police-and-crime-plan-2021-2025/priorities/1/",
        "sitemap": "/sitemap.xml",
    }  # site search never indexes figures (tests/performance/test_release.py)


def _csv_values(client, measure):
    rows = csv_rows(client.get(f"/performance/measures/{measure.pk}.csv"))
    return {row["period"]: row["value"] for row in rows}


def _notice(withdrawal):
    day = timezone.localtime(withdrawal.withdrawn_at)
    return f"Figures for 2021-22 Q2 withdrawn on {day.day} {day:%B %Y}: {REASON}"


def test_withdrawn_figures_leave_every_public_channel_with_a_notice_where_they_showed(
    client, confidence, decision_maker
):
    for name in ("dashboard", "measure", "csv", "api"):
        body = client.get(_public_channels(confidence)[name]).getvalue().decode()
        assert "71.75" in body or "71.8" in body, name
    withdrawal, reports = services.withdraw_figures(quarter=Q2, by=decision_maker, reason=REASON)
    assert reports == []

    for name, url in _public_channels(confidence).items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = response.getvalue().decode()
        assert "71.75" not in body and "71.8" not in body and WRONG not in body, name
    assert "2021-22 Q2" not in _csv_values(client, confidence)
    assert _csv_values(client, confidence)["2021-22 Q3"] == "61.5"
    api = client.get(f"/api/v1/measures/{confidence.pk}/figures/").json()
    assert [figure["period"] for figure in api["results"]] == [
        "2021-22 Q1",
        "2021-22 Q3",
        "2021-22 Q4",
    ]
    for url in ("/performance/", f"/performance/measures/{confidence.pk}/"):
        assert _notice(withdrawal) in client.get(url).getvalue().decode(), url


def test_withdrawing_makes_the_figures_drafts_and_keeps_them_as_released(
    confidence, decision_maker
):
    withdrawal, _ = services.withdraw_figures(quarter=Q2, by=decision_maker, reason=REASON)
    point = DataPoint.objects.get(measure=confidence, period_start=Q2.start)
    assert not point.is_released and point.released_by is None
    assert point.awaiting_release
    assert point.history.first().history_change_reason == f"Withdrawn: {REASON}"
    assert point.history.first().history_user == decision_maker
    assert withdrawal.period == Q2
    assert withdrawal.measure_ids == [confidence.pk]
    (figure,) = withdrawal.figures
    assert figure["value"] == "71.75" and figure["note"] == WRONG
    assert figure["period"] == "2021-22 Q2"
    # The other quarters stay public.
    assert DataPoint.objects.public().filter(measure=confidence).count() == 3


def test_a_correction_waiting_for_release_becomes_the_draft_and_the_public_gets_neither(
    client, confidence, editor, decision_maker
):
    services.record_figure(
        measure=confidence, period=Q2, value=Decimal("62.5"), by=editor, confirmed=True
    )
    services.withdraw_figures(quarter=Q2, by=decision_maker, reason=REASON)
    point = DataPoint.objects.get(measure=confidence, period_start=Q2.start)
    assert point.value == Decimal("62.5") and not point.has_pending_correction
    assert "2021-22 Q2" not in _csv_values(client, confidence)


def test_corrected_figures_come_back_only_as_a_new_release_and_the_withdrawal_stays(
    client, confidence, editor, decision_maker
):
    withdrawal, _ = services.withdraw_figures(quarter=Q2, by=decision_maker, reason=REASON)
    services.record_figure(
        measure=confidence, period=Q2, value=Decimal("62.5"), by=editor, confirmed=True
    )
    assert "2021-22 Q2" not in _csv_values(client, confidence)  # entered, not released
    assert list(FiguresWithdrawal.objects.in_force()) == [withdrawal]

    released = services.release_figures(quarter=Q2, by=decision_maker)
    assert len(released) == 1
    assert _csv_values(client, confidence)["2021-22 Q2"] == "62.5"
    assert _notice(withdrawal) not in client.get("/performance/").getvalue().decode()
    assert list(FiguresWithdrawal.objects.in_force()) == []
    # The withdrawn release stays in the record, as released.
    withdrawal.refresh_from_db()
    assert withdrawal.figures[0]["value"] == "71.75"
    reasons = [
        entry.history_change_reason
        for entry in DataPoint.objects.get(period_start=Q2.start).history.all()
    ]
    assert f"Withdrawn: {REASON}" in reasons
    assert reasons[0] == "Released with 2021-22 Q2"


def test_only_released_figures_can_be_withdrawn_and_a_reason_is_required(
    confidence, decision_maker
):
    with pytest.raises(ValidationError):
        services.withdraw_figures(quarter=Q2, by=decision_maker, reason="  ")
    with pytest.raises(InvalidTransition, match="nothing to withdraw"):
        services.withdraw_figures(quarter=Period.quarter(2023, 1), by=decision_maker, reason=REASON)
    services.withdraw_figures(quarter=Q2, by=decision_maker, reason=REASON)
    with pytest.raises(InvalidTransition, match="nothing to withdraw"):
        services.withdraw_figures(quarter=Q2, by=decision_maker, reason=REASON)
    assert FiguresWithdrawal.objects.count() == 1


def test_the_quarterly_reports_that_show_the_figures_are_withdrawn_with_them(
    client, confidence, decision_maker, django_capture_on_commit_callbacks
):
    reports = {}
    for quarter in (1, 2, 3):
        report = QuarterlyReportFactory(plan=confidence.plan, financial_year=2021, quarter=quarter)
        with django_capture_on_commit_callbacks(execute=True):
            services.publish_report(report=report, by=decision_maker, note="Published")
        reports[quarter] = report
    # Q1's report was frozen before Q2 existed; Q2's and Q3's show Q2's figures.
    assert "2021-22 Q2" not in reports[1].live_version().html
    assert "2021-22 Q2" in reports[3].live_version().html

    with django_capture_on_commit_callbacks(execute=True):
        _, withdrawn = services.withdraw_figures(quarter=Q2, by=decision_maker, reason=REASON)
    assert withdrawn == [reports[2], reports[3]]
    assert client.get("/performance/reports/2021-22-q1/").status_code == 200
    for quarter in ("2021-22-q2", "2021-22-q3"):
        for url in (
            f"/performance/reports/{quarter}/",
            f"/performance/reports/{quarter}.pdf",
            f"/performance/reports/{quarter}/versions/1.pdf",
        ):
            response = client.get(url)
            assert response.status_code == 410, url
            assert (
                f"It showed the figures for 2021-22 Q2, withdrawn: {REASON}"
                in response.getvalue().decode()
            )
    listed = client.get("/performance/reports/").getvalue().decode()
    assert "/performance/reports/2021-22-q2/" not in listed
    assert "/performance/reports/2021-22-q1/" in listed
    assert not Version.objects.public().filter(object_id=reports[2].pk).exists()
    # Each report's own history says why it went, as the figures' history does.
    record = reports[2].history.first()
    assert record.history_change_reason == "Withdrawn with the figures for 2021-22 Q2"
    assert record.history_user == decision_maker


# The staff pages -------------------------------------------------------------------------------


def _withdraw_url():
    return reverse("performance_manage:withdraw_figures", args=["2021-22-q2"])


def test_only_those_who_may_release_figures_may_withdraw_them(client, confidence, editor):
    url = _withdraw_url()
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(editor)
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": REASON}).status_code == 403
    assert DataPoint.objects.get(period_start=Q2.start).is_released


def test_withdrawing_asks_for_the_password_again(client, confidence, decision_maker):
    client.force_login(decision_maker)
    response = client.post(_withdraw_url(), {"reason": REASON})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert DataPoint.objects.get(period_start=Q2.start).is_released
    assert not FiguresWithdrawal.objects.exists()


def test_a_decision_maker_withdraws_a_quarter_from_its_page(client, confidence, decision_maker):
    client.force_login(decision_maker)
    page = (
        client.get(reverse("performance_manage:release_quarter", args=["2021-22-q2"]))
        .getvalue()
        .decode()
    )
    assert "1 figure for 2021-22 Q2 is public." in page
    assert _withdraw_url() in page

    form = client.get(_withdraw_url())
    assert form.status_code == 200
    html = form.getvalue().decode()
    assert "Withdraw “Figures for 2021-22 Q2” from the public site" in html
    assert "Figures for 2021-22 Q2 withdrawn on &lt;date&gt;: &lt;reason&gt;" in html

    reauthenticate(client)
    refused = client.post(_withdraw_url(), {"reason": ""})
    assert refused.status_code == 400
    assert "Say why it is being withdrawn" in refused.getvalue().decode()
    assert DataPoint.objects.get(period_start=Q2.start).is_released

    response = client.post(_withdraw_url(), {"reason": REASON})
    assert response.status_code == 302
    point = DataPoint.objects.get(period_start=Q2.start)
    assert not point.is_released
    assert point.history.first().history_change_reason.startswith(
        f"Withdrawn: {REASON}; re-authenticated at "
    )
    page = client.get(response["Location"]).getvalue().decode()
    assert "Withdrawn releases" in page and REASON in page and "71.75" in page
    assert "Release these figures" in page  # the figure awaits release again


def test_withdrawing_a_quarter_with_nothing_public_says_so(client, confidence, decision_maker):
    client.force_login(decision_maker)
    response = client.get(
        reverse("performance_manage:withdraw_figures", args=["2023-24-q1"]), follow=True
    )
    assert "No figures for 2023-24 Q1 are public: none to withdraw." in response.getvalue().decode()
