"""Freshness follows the period what is published covers, not the day it went online: staff
record the period a document covers (the day it is published is today, never typed), and the
portal's own publications are dated by the period they are about."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.performance.factories import QuarterlyReportFactory
from tests.transparency.index_helpers import published
from transparency import selectors
from transparency.freshness import Status
from transparency.models import ItemDocument, SpecifiedItem

pytestmark = pytest.mark.django_db


def _row(code, today=None):
    return next(r for r in selectors.index_rows(today=today) if r.item.code == code)


def _post(client, item, **fields):
    data = {
        "title": "Senior salaries",
        "file": SimpleUploadedFile("salaries.csv", b"role,salary\n", content_type="text/csv"),
        **fields,
    }
    return client.post(reverse("transparency_manage:document_create", kwargs={"pk": item.pk}), data)


def test_a_document_covering_2020_uploaded_today_is_overdue_not_current(client, editor):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    client.force_login(editor)
    response = _post(
        client,
        item,
        period_from="2020-03-31",
        period_to="2020-03-31",
        published_on="2020-04-01",  # not a field: the publication date is not typed
    )
    assert response.status_code == 302
    document = ItemDocument.objects.get(item=item)
    assert document.published_on == timezone.localdate()
    assert (document.period_from, document.period_to) == (
        datetime.date(2020, 3, 31),
        datetime.date(2020, 3, 31),
    )
    row = _row("senior-salaries")
    assert row.freshness.status == Status.OVERDUE
    assert row.freshness.due_on == datetime.date(2021, 3, 31)
    assert row.freshness.last_published == timezone.localdate()


def test_a_document_for_the_current_period_is_current(client, editor):
    item = SpecifiedItem.objects.get(code="custody-visiting-reports")  # quarterly
    client.force_login(editor)
    today = timezone.localdate()
    # The quarter before this one: the next is due by the end of the quarter after this one.
    previous_end = datetime.date(today.year, (today.month - 1) // 3 * 3 + 1, 1) - (
        datetime.timedelta(days=1)
    )
    previous_start = datetime.date(previous_end.year, previous_end.month - 2, 1)
    _post(
        client,
        item,
        title="Custody visiting findings",
        period_from=previous_start.isoformat(),
        period_to=previous_end.isoformat(),
    )
    assert _row("custody-visiting-reports").freshness.status == Status.CURRENT


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"period_to": "2025-03-31"}, "period_from", "Enter the first day of the period"),
        ({"period_from": "2025-03-31"}, "period_to", "Enter the last day of the period"),
        (
            {"period_from": "2025-03-31", "period_to": "2025-01-31"},
            "period_to",
            "The period must end on or after the day it starts.",
        ),
        (
            {"period_from": "2099-04-01", "period_to": "2100-03-31"},
            "period_from",
            "The period must start within a year from today, or before.",
        ),
    ],
)
def test_a_bad_period_is_refused_beside_its_field_and_nothing_is_lost(
    client, editor, fields, field, message
):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    client.force_login(editor)
    response = _post(client, item, title="Senior salaries 2025", **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert html.count("govuk-error-message") >= 1
    assert f'name="{field}_0"' in html
    assert 'value="Senior salaries 2025"' in html  # what was typed is kept
    assert not ItemDocument.objects.filter(item=item).exists()


def test_a_performance_report_for_2021_published_today_is_overdue(editor):
    report = QuarterlyReportFactory(financial_year=2021, quarter=3)
    published(report, by=editor, on=timezone.localdate())
    row = _row("performance-reports")
    assert row.freshness.status == Status.OVERDUE
    assert row.freshness.covered_to == datetime.date(2021, 12, 31)
    assert row.freshness.last_published == timezone.localdate()


def test_a_plan_is_read_for_the_term_it_covers(editor):
    from tests.plans.factories import PlanFactory

    plan = PlanFactory(previous_term=True)
    published(plan, by=editor, on=timezone.localdate())
    row = _row("police-and-crime-plan")
    assert row.freshness.covered_to == datetime.date(2021, 5, 12)
    assert row.freshness.status == Status.OVERDUE
    assert _row("police-and-crime-plan", today=datetime.date(2020, 6, 1)).freshness.status == (
        Status.CURRENT
    )


def test_the_index_says_what_period_each_item_covers(client, editor):
    report = QuarterlyReportFactory(financial_year=2021, quarter=3)
    published(report, by=editor, on=timezone.localdate())
    html = client.get(reverse("transparency:index")).content.decode()
    assert "Covers 1 Oct 2021 to 31 Dec 2021" in html
