"""Para 7B (the latest HMICFRS PEEL report and summary assessment) apart from the s55 duty to
publish the Commissioner's comments on every HMICFRS report within 56 days: a newer PEEL
inspection supersedes the one on the index, so one upload is not current for ever."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.publications.hostile_pdfs import tagged_pdf
from transparency import selectors, services
from transparency.freshness import Status
from transparency.models import InspectionReport, SpecifiedItem

pytestmark = pytest.mark.django_db


def _row(code, today):
    return next(r for r in selectors.index_rows(today=today) if r.item.code == code)


def _document(code, report, by, title):
    return services.publish_document(
        item=SpecifiedItem.objects.get(code=code),
        title=title,
        file=ContentFile(tagged_pdf("PEEL 2023-25"), name="report.pdf"),
        period_from=report.published_on,
        period_to=report.published_on,
        inspection=report,
        by=by,
    )


def _inspection(title, day, kind=InspectionReport.Kind.PEEL):
    return services.record_inspection(title=title, kind=kind, published_on=day, by="test")


def test_a_newer_peel_inspection_supersedes_the_report_on_the_index(editor):
    first = _inspection("PEEL 2021/22", datetime.date(2022, 3, 1))
    _document("peel-report", first, editor, "PEEL 2021/22 report")
    row = _row("peel-report", datetime.date(2023, 6, 1))
    assert row.freshness.status == Status.CURRENT and not row.superseded
    second = _inspection("PEEL 2023-25", datetime.date(2024, 5, 1))
    assert second.response_due_on == datetime.date(2024, 6, 26)
    soon = _row("peel-report", datetime.date(2024, 5, 2))
    assert soon.freshness.status == Status.DUE_SOON  # never "current" with a superseded report
    assert soon.superseded
    assert soon.freshness.due_on == datetime.date(2024, 6, 26)
    assert _row("peel-report", datetime.date(2024, 6, 27)).freshness.status == Status.OVERDUE
    _document("peel-report", second, editor, "PEEL 2023-25 report")
    row = _row("peel-report", datetime.date(2024, 6, 27))
    assert row.freshness.status == Status.CURRENT and not row.superseded
    assert row.document.title == "PEEL 2023-25 report"


def test_an_inspection_other_than_peel_does_not_supersede_the_peel_report(editor):
    peel = _inspection("PEEL 2021/22", datetime.date(2022, 3, 1))
    _document("peel-report", peel, editor, "PEEL 2021/22 report")
    _inspection("Custody inspection", datetime.date(2022, 9, 1), InspectionReport.Kind.OTHER)
    assert _row("peel-report", datetime.date(2022, 9, 5)).freshness.status == Status.CURRENT


def test_the_commissioners_comments_on_each_report_are_due_within_56_days(editor):
    report = _inspection(
        "Custody inspection", datetime.date(2022, 5, 1), InspectionReport.Kind.OTHER
    )
    assert _row("hmicfrs-responses", datetime.date(2022, 5, 2)).freshness.status == (Status.MISSING)
    assert _row("hmicfrs-responses", datetime.date(2022, 6, 20)).freshness.status == (
        Status.DUE_SOON
    )
    overdue = _row("hmicfrs-responses", datetime.date(2022, 6, 27))
    assert overdue.freshness.status == Status.OVERDUE
    assert [d.what for d in overdue.freshness.outstanding] == ["Custody inspection"]
    _document("hmicfrs-responses", report, editor, "Comments on the custody inspection")
    assert _row("hmicfrs-responses", datetime.date(2022, 6, 27)).freshness.status == (
        Status.CURRENT
    )
    # The next report makes the item due again: one upload is not current for ever.
    _inspection("PEEL 2023-25", datetime.date(2024, 5, 1))
    assert _row("hmicfrs-responses", datetime.date(2024, 7, 1)).freshness.status == (Status.OVERDUE)


def _peel_report(title, published_on):
    """The staff form's data recording a PEEL inspection report."""
    return {
        "inspection-title": title,
        "inspection-kind": "peel",
        "inspection-published_on": published_on,
    }


def test_staff_record_a_report_and_a_future_date_is_refused(client, editor):
    item = SpecifiedItem.objects.get(code="peel-report")
    client.force_login(editor)
    url = reverse("transparency_manage:inspection_create", kwargs={"pk": item.pk})
    response = client.post(url, _peel_report("PEEL 2099", "2099-01-01"))
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert not InspectionReport.objects.exists()
    response = client.post(url, _peel_report("PEEL 2023-25", "2024-05-01"))
    assert response.status_code == 302
    page = client.get(reverse("transparency_manage:item", kwargs={"pk": item.pk}))
    assert "PEEL 2023-25" in page.content.decode()
    # A PEEL document names the inspection it is.
    response = client.post(
        reverse("transparency_manage:document_create", kwargs={"pk": item.pk}),
        {
            "title": "PEEL report",
            "file": ContentFile(b"%PDF-1.4", name="peel.pdf"),
            "period_from": "2024-05-01",
            "period_to": "2024-05-01",
        },
    )
    assert response.status_code == 400
    assert "Choose the HMICFRS report" in response.content.decode()


def test_only_the_inspection_items_record_reports(client, editor):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    client.force_login(editor)
    url = reverse("transparency_manage:inspection_create", kwargs={"pk": item.pk})
    response = client.post(url, _peel_report("PEEL", "2024-05-01"))
    assert response.status_code == 404
