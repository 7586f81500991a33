"""The Specified Information index in a browser, at a phone's width and a desktop's, with axe:
paragraph references, the period each item covers, a superseded PEEL report, and the staff
pages that record HMICFRS reports and documents with the period they cover."""

import datetime

import pytest
from django.core.files.base import ContentFile

from tests.browser.conftest import (
    check_at_widths,
    reauthenticate_if_asked,
    sign_in,
    visit,
    visit_at_widths,
)
from tests.publications.hostile_pdfs import tagged_pdf
from transparency import services
from transparency.models import InspectionReport, ItemDocument, SpecifiedItem

pytestmark = pytest.mark.browser


def test_the_index_shows_references_periods_and_a_superseded_peel_report(page, editor):
    older = services.record_inspection(
        title="PEEL 2021/22",
        kind=InspectionReport.Kind.PEEL,
        published_on=datetime.date(2022, 3, 1),
        by=editor,
    )
    services.publish_document(
        item=SpecifiedItem.objects.get(code="peel-report"),
        title="PEEL 2021/22 report",
        file=ContentFile(tagged_pdf("PEEL 2023-25"), name="peel.pdf"),
        period_from=older.published_on,
        period_to=older.published_on,
        inspection=older,
        by=editor,
    )
    services.record_inspection(
        title="PEEL 2023-25",
        kind=InspectionReport.Kind.PEEL,
        published_on=datetime.date(2024, 5, 1),
        by=editor,
    )
    services.publish_document(
        item=SpecifiedItem.objects.get(code="senior-salaries"),
        title="Senior salaries 2020",
        file=ContentFile(b"role,salary\n", name="salaries.csv"),
        period_from=datetime.date(2020, 3, 31),
        period_to=datetime.date(2020, 3, 31),
        by=editor,
    )
    visit_at_widths(page, "/transparency/")
    peel = page.locator("#peel-report")
    assert "para 7B" in peel.inner_text()
    assert "superseded" in peel.inner_text()
    assert peel.locator(".govuk-tag").inner_text() == "Overdue"
    salaries = page.locator("#senior-salaries")
    assert "As at 31 Mar 2020" in salaries.inner_text()
    assert salaries.locator(".govuk-tag").inner_text() == "Overdue"
    assert "para 4(d)" in page.locator("#small-contracts").inner_text()


def test_staff_record_a_report_and_a_document_with_its_period(page, live_server, editor):
    item = SpecifiedItem.objects.get(code="hmicfrs-responses")
    sign_in(page, live_server, editor)
    visit_at_widths(page, f"/manage/transparency/items/{item.pk}/")
    page.locator("#id_inspection-title").fill("Custody inspection")
    page.locator("#id_inspection-kind").select_option("other")
    page.locator("#id_inspection-published_on_0").fill("1")
    page.locator("#id_inspection-published_on_1").fill("5")
    page.locator("#id_inspection-published_on_2").fill("2024")
    page.get_by_role("button", name="Record the report").click()
    assert "comments on it are due by 26 June 2024" in page.locator("body").inner_text()
    check_at_widths(page)
    # A period that ends before it starts is refused beside the field, and axe checks it.
    form = page.locator("form").filter(has=page.get_by_role("button", name="Publish document"))
    form.get_by_label("Title").fill("Comments on the custody inspection")
    form.locator("input[type=file]").set_input_files(
        files=[{"name": "comments.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}]
    )
    for name, (day, month, year) in (
        ("period_from", ("20", "6", "2024")),
        ("period_to", ("1", "6", "2024")),
    ):
        form.locator(f"#id_{name}_0").fill(day)
        form.locator(f"#id_{name}_1").fill(month)
        form.locator(f"#id_{name}_2").fill(year)
    form.get_by_label("The HMICFRS report it is, or answers").select_option(
        label="Custody inspection"
    )
    form.get_by_role("button", name="Publish document").click()
    assert "The period must end on or after the day it starts." in page.content()
    check_at_widths(page)
    assert not ItemDocument.objects.exists()


def test_staff_withdraw_a_document_saying_why_and_the_public_is_told(page, live_server, editor):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    document = services.publish_document(
        item=item,
        title="Senior salaries 2025",
        file=ContentFile(b"role,salary\n", name="salaries.csv"),
        period_from=datetime.date(2025, 3, 31),
        period_to=datetime.date(2025, 3, 31),
        by=editor,
    )
    sign_in(page, live_server, editor)
    visit(page, f"/manage/transparency/items/{item.pk}/")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Withdraw Senior salaries 2025").click()
    check_at_widths(page)
    page.get_by_label("Why is it being withdrawn?").fill("Published with the wrong year")
    with page.expect_navigation():
        page.get_by_role("button", name="Withdraw from the public site").click()
    reauthenticate_if_asked(page)
    assert "Withdrawn" in page.locator("main").inner_text()
    assert "Published with the wrong year" in page.locator("main").inner_text()
    check_at_widths(page)
    visit_at_widths(page, document.get_absolute_url(), status=410)
    assert "Withdrawn on" in page.locator("main").inner_text()
