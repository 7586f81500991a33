"""The index lists every item of the Order with its paragraph reference: the items it lacked
(2A, 4(d), 7A(b), 7C(b)(i), 7C(b)(iii)), 3(a)-(d) as four items, 7B apart from the s55
responses, and 7A(a) read from the national statement of the quarterly reports."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from tests.performance.factories import QuarterlyReportFactory
from tests.transparency.index_helpers import published
from transparency import selectors
from transparency.forms import SpecifiedItemForm
from transparency.freshness import Status
from transparency.models import SpecifiedItem

pytestmark = pytest.mark.django_db


def _row(code, today):
    return next(r for r in selectors.index_rows(today=today) if r.item.code == code)


@pytest.mark.parametrize(
    ("code", "reference"),
    [
        ("staff-arrangements", "2A"),
        ("small-contracts", "4(d)"),
        ("national-priorities-local", "7A(b)"),
        ("complaints-oversight", "7C(b)(i)"),
        ("complaints-functions", "7C(b)(iii)"),
        ("peel-report", "7B"),
        ("national-priorities", "7A(a)"),
        ("grants", "3(f)"),
        ("spending-over-500", "3(g)"),
    ],
)
def test_each_item_of_the_order_is_on_the_index_with_its_paragraph(code, reference):
    item = SpecifiedItem.objects.get(code=code)
    assert item.reference == reference
    assert item.reference_label == f"para {reference}"


def test_budget_precept_revenue_and_expenditure_are_four_items():
    items = {
        i.reference: i
        for i in SpecifiedItem.objects.filter(reference__in=["3(a)", "3(b)", "3(c)", "3(d)"])
    }
    assert sorted(items) == ["3(a)", "3(b)", "3(c)", "3(d)"]
    assert items["3(a)"].title == "Total budget"
    assert items["3(b)"].title == "Precept"
    assert {i.cadence for i in items.values()} == {"before-financial-year"}
    # In the Order's order, 3(a) to 3(d) then 3(e).
    codes = [r.item.reference for r in selectors.index_rows() if r.item.reference[:2] == "3("]
    assert codes[:5] == ["3(a)", "3(b)", "3(c)", "3(d)", "3(e)"]


def test_the_peel_report_and_the_s55_responses_are_two_items():
    peel = SpecifiedItem.objects.get(code="peel-report")
    responses = SpecifiedItem.objects.get(code="hmicfrs-responses")
    assert "PEEL" in peel.title
    assert responses.reference == "Police Act 1996 s55"
    assert responses.reference_label == "Police Act 1996 s55"  # not a paragraph of the Order


def test_the_public_index_shows_each_items_paragraph_reference(client):
    html = client.get(reverse("transparency:index")).content.decode()
    for label in ("para 2A", "para 3(b)", "para 4(d)", "para 7A(b)", "para 7B", "para 7C(b)(iii)"):
        assert label in html
    assert "Contracts of £10,000 or less" in html


def test_contracts_of_10000_or_less_are_missing_until_the_portal_publishes_them():
    item = SpecifiedItem.objects.get(code="small-contracts")
    assert item.source == "portal" and item.portal_source == "small-contracts"
    assert _row("small-contracts", datetime.date(2026, 1, 5)).freshness.status == Status.MISSING


def test_staff_can_edit_an_item_whose_portal_source_is_not_built_yet(editor):
    item = SpecifiedItem.objects.get(code="small-contracts")
    data = {
        "title": item.title,
        "reference": item.reference,
        "description": item.description,
        "paragraph": item.paragraph,
        "order": item.order,
        "portal_source": "small-contracts",
        "cadence": item.cadence,
        "responsible_name": "Chief Finance Officer",
        "responsible_email": "finance@pcc.example.org",
    }
    form = SpecifiedItemForm(data, instance=item)
    assert form.is_valid(), form.errors
    assert form.save().portal_source == "small-contracts"


def test_the_national_statement_of_the_quarterly_reports_dates_7a_a(editor):
    today = datetime.date(2022, 2, 10)
    assert _row("national-priorities", today).freshness.status == Status.MISSING
    report = QuarterlyReportFactory(financial_year=2021, quarter=3)  # October to December 2021
    published(report, by=editor, on=datetime.date(2022, 1, 20))
    row = _row("national-priorities", today)
    assert row.freshness.status == Status.CURRENT
    assert row.freshness.covered_from == datetime.date(2021, 10, 1)
    assert row.freshness.covered_to == datetime.date(2021, 12, 31)
    assert row.url == report.get_absolute_url()
    # Quarterly: January to March 2022 is due by 30 June 2022.
    assert row.freshness.due_on == datetime.date(2022, 6, 30)


def test_a_report_without_a_national_statement_does_not_count_for_7a_a(editor):
    report = QuarterlyReportFactory(financial_year=2021, quarter=3, national_statement="")
    published(report, by=editor, on=datetime.date(2022, 1, 20))
    today = datetime.date(2022, 2, 10)
    assert _row("national-priorities", today).freshness.status == Status.MISSING
    assert _row("performance-reports", today).freshness.status == Status.CURRENT


def test_the_migration_reverses_and_reapplies():
    migration = importlib.import_module(
        "transparency.migrations.0014_specified_information_in_full"
    )
    migration.backwards(django_apps, None)
    assert not SpecifiedItem.objects.filter(code="staff-arrangements").exists()
    assert SpecifiedItem.objects.get(code="budget-and-precept").title == "Budget and precept"
    assert SpecifiedItem.objects.get(code="national-priorities").source == "upload"
    migration.forwards(django_apps, None)
    assert SpecifiedItem.objects.get(code="staff-arrangements").reference == "2A"
    assert SpecifiedItem.objects.get(code="national-priorities").portal_source == (
        "national-statement"
    )
