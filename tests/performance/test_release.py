"""Performance figures are drafts until a decision maker releases them. (Issue "one publishing
path", item 5: a 329.3% value for a percentage measure was accepted, marked "Better", and was live
on /performance/ with no check or sign-off.)"""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from performance import services
from performance.models import DataPoint, MeasureImport, UnconfirmedFigure
from performance.periods import Period
from plans.forms import MeasureForm
from tests.accounts.factories import reauthenticate
from tests.performance.factories import QuarterlyReportFactory, confidence_measure
from tests.performance.helpers import report_publish_data
from tests.plans.factories import MeasureFactory, PlanFactory
from tests.plans.helpers import issue
from tests.spreadsheets import csv_rows

SECRET = "UNRELEASED figure note"
Q1_2022 = Period.quarter(2022, 1)  # 2022-23 Q1: the quarter nothing is released for yet
Q4_2021 = Period.quarter(2021, 4)


@pytest.fixture
def confidence(decision_maker):
    """A percentage measure of a published plan, released for the four quarters of 2021-22:
    60%, 62%, 61%, 63%."""
    plan = PlanFactory(current_term=True)
    measure = confidence_measure(plan, values=[60, 62, 61, 63])
    issue(plan, decision_maker)
    return measure


@pytest.fixture
def draft(confidence, editor):
    """A figure for 2022-23 Q1 entered by an editor and not released."""
    return services.record_figure(
        measure=confidence, period=Q1_2022, value=Decimal("64.5"), note=SECRET, by=editor
    )


def _csv(text, name="figures.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _public_pages(measure):
    return {
        "dashboard": "/performance/",
        "measure": f"/performance/measures/{measure.pk}/",
        "csv": f"/performance/measures/{measure.pk}.csv",
        "golden thread": "/plans/police-and-crime-plan-2021-2025/priorities/1/",
        "search": "/search/?q=UNRELEASED",
    }


def _csv_values(client, measure):
    rows = csv_rows(client.get(f"/performance/measures/{measure.pk}.csv"))
    return {row["period"]: row["value"] for row in rows}


# Checked on entry and on import -------------------------------------------------------------


def test_a_percentage_above_100_is_refused_on_entry_with_what_was_typed_kept(
    client, confidence, editor
):
    client.force_login(editor)
    url = reverse("performance_manage:figure_add", args=[confidence.pk])
    response = client.post(url, {"period": "2022-23 Q1", "value": "329.3"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "The value 329.3% is not possible: a percentage is between 0% and 100%." in html
    assert 'value="329.3"' in html
    assert not DataPoint.objects.filter(period_start=Q1_2022.start).exists()


def test_the_service_refuses_a_percentage_above_100_too(confidence, editor):
    with pytest.raises(ValidationError) as refused:
        services.record_figure(
            measure=confidence, period=Q1_2022, value=Decimal("329.3"), by=editor
        )
    assert "value" in refused.value.message_dict


def test_a_percentage_above_100_is_refused_on_import_with_its_row_named(confidence, editor):
    upload = _csv(
        "measure,period,value,target\n"
        f"{confidence.pk},2022-23 Q1,64,70\n"
        f"{confidence.pk},2022-23 Q2,329.3,\n"
        f"{confidence.pk},2022-23 Q3,65,101\n"
    )
    measure_import = services.upload_import(plan=confidence.plan, upload=upload, by=editor)
    assert measure_import.status == MeasureImport.Status.INVALID
    assert [(e["row"], e["column"], e["message"]) for e in measure_import.errors] == [
        (3, "value", "The value 329.3% is not possible: a percentage is between 0% and 100%."),
        (4, "target", "The target 101% is not possible: a percentage is between 0% and 100%."),
    ]
    assert not DataPoint.objects.filter(period_start__gte=Q1_2022.start).exists()


def test_a_figure_outside_the_measures_own_bounds_is_refused(confidence, editor):
    incidents = MeasureFactory(
        plan=confidence.plan,
        priority=confidence.priority,
        unit="incidents",
        minimum=Decimal(0),
        maximum=Decimal(5000),
    )
    with pytest.raises(ValidationError) as refused:
        services.record_figure(measure=incidents, period=Q1_2022, value=Decimal(-3), by=editor)
    assert refused.value.message_dict["value"] == [
        "The value -3 incidents is below 0 incidents, the lowest figure this measure can have."
    ]
    upload = _csv(f"measure,period,value\n{incidents.pk},2022-23 Q1,6000\n")
    measure_import = services.upload_import(plan=confidence.plan, upload=upload, by=editor)
    assert measure_import.errors[0]["message"] == (
        "The value 6,000 incidents is above 5,000 incidents, the highest figure this measure "
        "can have."
    )


def test_the_measure_form_refuses_a_range_that_cannot_be(confidence):
    form = MeasureForm(
        {
            "wording": "Public confidence",
            "priority": confidence.priority.pk,
            "direction": "improve",
            "unit": "%",
            "minimum": "50",
            "maximum": "120",
        },
        plan=confidence.plan,
    )
    assert not form.is_valid()
    assert form.errors["maximum"] == ["A percentage is between 0 and 100."]


def test_a_change_far_from_recent_quarters_needs_confirmation_on_entry(client, confidence, editor):
    client.force_login(editor)
    url = reverse("performance_manage:figure_add", args=[confidence.pk])
    response = client.post(url, {"period": "2022-23 Q1", "value": "95"})
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "95% for 2022-23 Q1 is more than 50% away from 61.5%, the average of the last 4 "
        "quarters." in html
    )
    assert "I have checked this figure" in html
    assert 'value="95"' in html
    assert not DataPoint.objects.filter(period_start=Q1_2022.start).exists()

    response = client.post(url, {"period": "2022-23 Q1", "value": "95", "confirmed": "on"})
    assert response.status_code == 302
    point = DataPoint.objects.get(period_start=Q1_2022.start)
    assert point.value == 95 and point.entered_by == editor
    assert "more than 50% away" in point.flag
    assert not point.is_released


def test_the_service_refuses_a_flagged_figure_without_confirmation(confidence, editor):
    with pytest.raises(UnconfirmedFigure):
        services.record_figure(measure=confidence, period=Q1_2022, value=Decimal(95), by=editor)
    point = services.record_figure(
        measure=confidence, period=Q1_2022, value=Decimal(95), by=editor, confirmed=True
    )
    assert point.flag


def test_a_flagged_import_row_is_listed_and_applied_only_once_confirmed(client, confidence, editor):
    upload = _csv(
        f"measure,period,value\n{confidence.pk},2022-23 Q1,64\n{confidence.pk},2022-23 Q2,12\n"
    )
    measure_import = services.upload_import(plan=confidence.plan, upload=upload, by=editor)
    assert measure_import.status == MeasureImport.Status.PREVIEWED
    assert measure_import.flag_count == 1
    assert measure_import.flags[0]["row"] == 3
    client.force_login(editor)
    page = client.get(measure_import.get_absolute_url()).content.decode()
    assert "1 row to check before applying" in page
    assert "12% for 2022-23 Q2 is more than 50% away from 62.5%" in page  # 62, 61, 63, 64
    assert "I have checked the flagged figures" in page

    apply = reverse("performance_manage:import_apply", args=[measure_import.pk])
    response = client.post(apply, follow=True)
    assert "Nothing was applied: tick" in response.content.decode()
    assert not DataPoint.objects.filter(period_start__gte=Q1_2022.start).exists()

    client.post(apply, {"confirmed": "yes"})
    measure_import.refresh_from_db()
    assert measure_import.status == MeasureImport.Status.APPLIED
    flagged = DataPoint.objects.get(period_start=Period.quarter(2022, 2).start)
    assert "more than 50% away" in flagged.flag
    assert not DataPoint.objects.filter(period_start__gte=Q1_2022.start).released().exists()


def test_an_import_whose_flags_changed_since_the_preview_is_not_applied(confidence, editor):
    upload = _csv(f"measure,period,value\n{confidence.pk},2022-23 Q1,90\n")
    measure_import = services.upload_import(plan=confidence.plan, upload=upload, by=editor)
    assert measure_import.flag_count == 0  # 90 is within 50% of 61.5
    # A correction since lowers the recent average to 55.75: 90 is now far from it.
    services.record_figure(measure=confidence, period=Q4_2021, value=Decimal(40), by=editor)
    measure_import = services.apply_import(measure_import=measure_import, by=editor, confirmed=True)
    assert measure_import.status == MeasureImport.Status.PREVIEWED
    assert measure_import.flag_count == 1
    measure_import = services.apply_import(measure_import=measure_import, by=editor, confirmed=True)
    assert measure_import.status == MeasureImport.Status.APPLIED


# Only released figures are public ----------------------------------------------------------


@pytest.mark.parametrize("page", ["dashboard", "measure", "csv", "golden thread", "search"])
def test_an_unreleased_figure_is_not_public(client, confidence, draft, page):
    response = client.get(_public_pages(confidence)[page])
    assert response.status_code == 200
    body = response.getvalue().decode()
    assert SECRET not in body
    assert "2022-23 Q1" not in body
    if page != "search":
        assert "2021-22 Q4" in body  # the released figures are there


def test_an_editor_cannot_release_figures_and_sees_who_can(
    client, confidence, draft, editor, decision_maker
):
    client.force_login(editor)
    index = client.get(reverse("performance_manage:index")).content.decode()
    assert "Figures awaiting release" in index
    assert "1 figure for 2022-23 Q1" in index
    releasers = index.split("Figures are public only once")[1].split("may do so")[0]
    assert str(decision_maker) in releasers and str(editor) not in releasers
    page = client.get(reverse("performance_manage:release_quarter", args=["2022-23-q1"]))
    html = page.content.decode()
    assert SECRET not in html  # the note is not listed, the figure is
    assert "64.5%" in html and "Not public" in html and str(editor) in html
    assert "Release these figures" not in html
    response = client.post(reverse("performance_manage:release", args=["2022-23-q1"]))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert not draft.is_released


def test_a_decision_maker_releases_a_quarter_and_the_public_sees_it(
    client, confidence, draft, decision_maker
):
    client.force_login(decision_maker)
    reauthenticate(client)  # releasing asks for the password again
    page = client.get(reverse("performance_manage:release_quarter", args=["2022-23-q1"]))
    assert "Release these figures" in page.content.decode()
    response = client.post(
        reverse("performance_manage:release", args=["2022-23-q1"]),
        {"reviewed": page.context["reviewed"]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_released and draft.released_by == decision_maker
    assert draft.history.first().history_change_reason.startswith(
        "Released with 2022-23 Q1; re-authenticated at "
    )
    client.logout()
    for name, url in _public_pages(confidence).items():
        if name != "search":  # figures are not indexed for search at all
            assert "2022-23 Q1" in client.get(url).getvalue().decode(), name
    assert _csv_values(client, confidence)["2022-23 Q1"] == "64.5"


def test_figures_changed_after_the_page_was_opened_are_not_released(
    client, confidence, draft, editor, decision_maker
):
    client.force_login(decision_maker)
    reauthenticate(client)
    page = client.get(reverse("performance_manage:release_quarter", args=["2022-23-q1"]))
    services.record_figure(measure=confidence, period=Q1_2022, value=Decimal(65), by=editor)
    response = client.post(
        reverse("performance_manage:release", args=["2022-23-q1"]),
        {"reviewed": page.context["reviewed"]},
        follow=True,
    )
    assert "changed after you opened this page" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_released


def test_figures_changed_after_the_report_check_page_was_opened_are_not_published_with_it(
    client, confidence, draft, editor, decision_maker, django_capture_on_commit_callbacks
):
    report = QuarterlyReportFactory(plan=confidence.plan, financial_year=2022, quarter=1)
    url = reverse("performance_manage:report_publish", args=[report.pk])
    client.force_login(decision_maker)
    reauthenticate(client)
    data = report_publish_data(client, url)  # the figures the check page was opened with
    services.record_figure(measure=confidence, period=Q1_2022, value=Decimal(65), by=editor)
    response = client.post(url, data)
    assert response.status_code == 400
    assert "changed after you opened this page" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_released
    assert report.live_version() is None
    # The page shown again carries the figures as they are now: confirming it publishes them.
    shown_again = re.search(r'name="reviewed" value="(\w+)"', response.content.decode()).group(1)
    assert shown_again != data["reviewed"]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {**data, "reviewed": shown_again}).status_code == 302
    draft.refresh_from_db()
    assert draft.is_released and draft.value == Decimal(65)


def test_the_report_is_published_with_the_figures_its_check_page_showed(
    client, confidence, draft, decision_maker, django_capture_on_commit_callbacks
):
    report = QuarterlyReportFactory(plan=confidence.plan, financial_year=2022, quarter=1)
    url = reverse("performance_manage:report_publish", args=[report.pk])
    client.force_login(decision_maker)
    reauthenticate(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, report_publish_data(client, url))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_released and report.live_version().number == 1


def test_publishing_the_quarterly_report_releases_its_quarter_only(
    client, confidence, draft, editor, decision_maker, django_capture_on_commit_callbacks
):
    later = services.record_figure(
        measure=confidence, period=Period.quarter(2022, 2), value=Decimal(66), by=editor
    )
    report = QuarterlyReportFactory(plan=confidence.plan, financial_year=2022, quarter=1)
    staff_preview = report.publication_context()["content"]
    row = staff_preview.sections[0].rows[0]
    assert row.latest.period == Q1_2022  # the preview shows what publishing will release
    with django_capture_on_commit_callbacks(execute=True):
        version = services.publish_report(report=report, by=decision_maker, note="Q1 report")
    draft.refresh_from_db()
    later.refresh_from_db()
    assert draft.is_released and draft.released_by == decision_maker
    assert not later.is_released
    assert "64.5%" in version.html
    assert "2022-23 Q1" in client.get("/performance/").getvalue().decode()
    assert "2022-23 Q2" not in client.get("/performance/").getvalue().decode()


def test_a_report_shows_only_released_figures_of_earlier_quarters(
    confidence, editor, decision_maker
):
    services.record_figure(measure=confidence, period=Q4_2021, value=Decimal(58), by=editor)
    report = QuarterlyReportFactory(plan=confidence.plan, financial_year=2022, quarter=1)
    row = report.publication_context()["content"].sections[0].rows[0]
    assert [point.value for point in row.points][-1] == 63  # the released 2021-22 Q4


def test_a_correction_to_a_released_figure_stays_private_until_released(
    client, confidence, editor, decision_maker
):
    point = services.record_figure(
        measure=confidence, period=Q4_2021, value=Decimal(66), note="Revised", by=editor
    )
    assert point.is_released and point.value == 63 and point.pending_value == 66
    assert _csv_values(client, confidence)["2021-22 Q4"] == "63"
    for url in _public_pages(confidence).values():
        assert "Revised" not in client.get(url).getvalue().decode()

    client.force_login(editor)
    staff = client.get(reverse("performance_manage:measure", args=[confidence.pk]))
    html = staff.content.decode()
    assert "Correction awaiting release" in html and "The public sees 63" in html
    form = client.get(reverse("performance_manage:figure_edit", args=[point.pk])).content.decode()
    assert 'value="66' in form  # staff correct the figure as last entered

    services.release_figures(quarter=Q4_2021, by=decision_maker)
    point.refresh_from_db()
    assert point.value == 66 and point.note == "Revised" and point.pending_value is None
    client.logout()
    assert _csv_values(client, confidence)["2021-22 Q4"] == "66"


def test_correcting_a_released_figure_back_to_what_was_released_leaves_nothing_waiting(
    confidence, editor
):
    services.record_figure(measure=confidence, period=Q4_2021, value=Decimal(66), by=editor)
    point = services.record_figure(measure=confidence, period=Q4_2021, value=Decimal(63), by=editor)
    assert not point.awaiting_release


def test_an_import_over_a_released_figure_keeps_the_released_one_public(
    client, confidence, editor, decision_maker
):
    upload = _csv(f"measure,period,value\n{confidence.pk},2021-22 Q4,64\n")
    measure_import = services.upload_import(plan=confidence.plan, upload=upload, by=editor)
    services.apply_import(measure_import=measure_import, by=editor)
    point = DataPoint.objects.get(measure=confidence, period_start=Q4_2021.start)
    assert (point.value, point.pending_value, point.entered_by) == (63, 64, editor)
    assert _csv_values(client, confidence)["2021-22 Q4"] == "63"
    services.release_figures(quarter=Q4_2021, by=decision_maker)
    assert _csv_values(client, confidence)["2021-22 Q4"] == "64"
