"""The transparency hub's staff forms, the GOV.UK way: every date typed as day, month and year
(a date typed into one box is refused, never guessed at), errors that name their field beside it
and in a summary that links to it, and what was typed shown again."""

import datetime
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from transparency.models import (
    Contract,
    ForwardPlanEntry,
    GiftHospitality,
    Grant,
    InspectionReport,
    Interest,
    ItemDocument,
    SmallContract,
    SpecifiedItem,
    SpendingUpload,
)

pytestmark = pytest.mark.django_db


def _boxes(name, day, month, year):
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}


def _summary(page):
    """The error summary's links, as (href, text)."""
    summary = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', summary)
    return [(href, unescape(text)) for href, text in links]


def _beside(page, field_id, message):
    """``message`` is shown as the error of the field whose id is ``field_id``."""
    return re.search(
        rf'<(?:p|span) id="{re.escape(field_id)}(?:_\d+)?_error" class="govuk-error-message">'
        rf'\s*<span class="govuk-visually-hidden">Error:</span>\s*{re.escape(message)}',
        unescape(page),
    )


# For each register: a complete entry, its date field, the required field the test leaves out
# and what the error says then.
REGISTERS = {
    "interests": (
        Interest,
        {
            "holder": "Sample Deputy",
            "office": "Deputy Police and Crime Commissioner",
            "financial_year": "2025",
            "category": Interest.Category.MEMBERSHIP,
            "description": "Member of a sample residents' association.",
        },
        "registered_on",
        "holder",
        "Enter the office holder",
    ),
    "gifts-and-hospitality": (
        GiftHospitality,
        {
            "recipient": "Sample Office Holder",
            "recipient_role": "Police and Crime Commissioner",
            "financial_year": "2025",
            "donor": "Sample Board",
            "kind": GiftHospitality.Kind.GIFT,
            "description": "A book",
            "estimated_value": "10",
            "outcome": GiftHospitality.Outcome.ACCEPTED,
        },
        "offered_on",
        "recipient",
        "Enter the recipient",
    ),
    "grants": (
        Grant,
        {
            "recipient": "Sample Youth Trust",
            "amount": "12500",
            "purpose": "Evening activities",
            "crime_reduction_reasons": "Diverts young people from anti-social behaviour.",
        },
        "awarded_on",
        "amount",
        "Enter the amount",
    ),
    "contracts": (
        Contract,
        {
            "reference": "OPCC-2025-900",
            "title": "Victims' referral service",
            "supplier": "Sample Support Services Ltd",
            "value": "450000",
            **_boxes("ends_on", "31", "3", "2028"),
        },
        "starts_on",
        "supplier",
        "Enter the supplier",
    ),
    "small-contracts": (
        SmallContract,
        {
            "parties": "The Commissioner and Sample Printers Ltd",
            "purpose": "Printing the annual report",
            "value": "900",
        },
        "agreed_on",
        "parties",
        "Enter the parties",
    ),
    "forward-plan": (
        ForwardPlanEntry,
        {
            "title": "Approve the revenue budget and precept",
            "decision_maker": "Police and Crime Commissioner",
        },
        "expected_on",
        "title",
        "Enter the title",
    ),
}
GOOD_DAY = ("1", "6", "2025")  # 1 June 2025, in financial year 2025-26


@pytest.fixture
def staff(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize("register", REGISTERS)
def test_a_date_typed_into_one_box_is_refused_beside_the_date_and_kept(staff, register):
    model, data, date_field, _, _ = REGISTERS[register]
    url = reverse("transparency_manage:entry_create", args=[register])
    response = staff.post(url, {**data, **_boxes(date_field, "15032027", "", "")})
    assert response.status_code == 400
    page = response.content.decode()
    [(href, message)] = _summary(page)
    assert href == f"#id_{date_field}_0"
    assert message.endswith(" must include a month and year")
    assert _beside(page, f"id_{date_field}", message)
    assert "This field is required." not in page
    assert 'value="15032027"' in page
    first = next(value for value in data.values() if " " in value)
    assert f'value="{first}"' in unescape(page) or f">{first}<" in unescape(page)
    assert not model.objects.exists()


@pytest.mark.parametrize("register", REGISTERS)
def test_a_date_that_does_not_exist_is_refused_and_a_real_one_saved(staff, register):
    model, data, date_field, _, _ = REGISTERS[register]
    url = reverse("transparency_manage:entry_create", args=[register])
    page = staff.post(url, {**data, **_boxes(date_field, "31", "2", "2025")}).content.decode()
    [(href, message)] = _summary(page)
    assert href == f"#id_{date_field}_0" and message.endswith(" must be a real date")
    assert 'value="31"' in page and 'value="2"' in page and 'value="2025"' in page
    assert not model.objects.exists()

    response = staff.post(url, {**data, **_boxes(date_field, *GOOD_DAY)})
    assert response.status_code == 302
    assert getattr(model.objects.get(), date_field) == datetime.date(2025, 6, 1)


@pytest.mark.parametrize("register", REGISTERS)
def test_a_missing_field_is_named_and_what_was_typed_is_kept(staff, register):
    model, data, date_field, missing, message = REGISTERS[register]
    url = reverse("transparency_manage:entry_create", args=[register])
    typed = {name: value for name, value in data.items() if name != missing}
    page = staff.post(url, {**typed, **_boxes(date_field, *GOOD_DAY)}).content.decode()
    assert (f"#id_{missing}", message) in _summary(page)
    assert _beside(page, f"id_{missing}", message)
    assert "This field is required." not in page
    assert 'value="2025"' in page and 'value="6"' in page
    assert not model.objects.exists()


def test_a_date_posted_in_one_value_is_read_only_as_yyyy_mm_dd(staff):
    """An older page or a script posting one value: "15032027" is refused, never read as a
    date; 2025-06-01 is understood."""
    model, data, date_field, _, _ = REGISTERS["grants"]
    url = reverse("transparency_manage:entry_create", args=["grants"])
    page = staff.post(url, {**data, date_field: "15032027"}).content.decode()
    assert "Date awarded must be a real date" in page
    assert not model.objects.exists()
    assert staff.post(url, {**data, date_field: "2025-06-01"}).status_code == 302
    assert model.objects.get().awarded_on == datetime.date(2025, 6, 1)


def test_an_amount_that_is_not_a_number_says_how_to_write_it(staff):
    model, data, date_field, _, _ = REGISTERS["grants"]
    url = reverse("transparency_manage:entry_create", args=["grants"])
    page = staff.post(
        url, {**data, "amount": "about 9k", **_boxes(date_field, *GOOD_DAY)}
    ).content.decode()
    assert _summary(page) == [("#id_amount", "Enter the amount in pounds, like 9500")]
    assert 'value="about 9k"' in page
    assert not model.objects.exists()


def test_an_interest_that_ends_before_it_was_registered_is_refused_beside_the_end(staff):
    _, data, _, _, _ = REGISTERS["interests"]
    url = reverse("transparency_manage:entry_create", args=["interests"])
    page = staff.post(
        url,
        {**data, **_boxes("registered_on", *GOOD_DAY), **_boxes("ended_on", "1", "", "2025")},
    ).content.decode()
    assert _summary(page) == [("#id_ended_on_0", "Date it ended must include a month")]
    assert not Interest.objects.exists()


def test_the_entry_form_shows_each_date_as_day_month_and_year(staff):
    page = staff.get(reverse("transparency_manage:entry_create", args=["contracts"]))
    page = page.content.decode()
    for name in ("starts_on", "ends_on"):
        for index in range(3):
            assert f'name="{name}_{index}"' in page
    assert 'type="date"' not in page
    assert '<div class="govuk-date-input"' in page


def test_an_entry_being_edited_shows_its_date_in_the_three_boxes(staff):
    from tests.transparency.factories import GrantFactory

    grant = GrantFactory(awarded_on=datetime.date(2025, 7, 9), released=False)
    page = staff.get(reverse("transparency_manage:entry_edit", args=["grants", grant.pk]))
    page = page.content.decode()
    for index, value in enumerate(("9", "7", "2025")):
        assert re.search(rf'name="awarded_on_{index}"[^>]*value="{value}"', page) or re.search(
            rf'value="{value}"[^>]*name="awarded_on_{index}"', page
        )


# The Specified Information index: an item's documents and HMICFRS reports -----------------


def test_a_document_with_a_bad_period_and_no_title_is_refused_field_by_field(staff):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    url = reverse("transparency_manage:document_create", args=[item.pk])
    data = {
        "file": SimpleUploadedFile("salaries.csv", b"role,salary\n", content_type="text/csv"),
        **_boxes("period_from", "1", "13", "2025"),
        **_boxes("period_to", "31", "3", "2026"),
    }
    response = staff.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    links = _summary(page)
    assert ("#id_title", "Enter the title") in links
    assert ("#id_period_from_0", "The period it covers: from must be a real date") in links
    assert 'value="13"' in page and 'value="31"' in page and 'value="2026"' in page
    assert "This field is required." not in page
    assert not ItemDocument.objects.exists()


def test_an_hmicfrs_report_with_a_bad_date_and_no_title_is_refused_field_by_field(staff):
    item = SpecifiedItem.objects.get(code="hmicfrs-responses")
    url = reverse("transparency_manage:inspection_create", args=[item.pk])
    response = staff.post(
        url,
        {"inspection-kind": "other", **_boxes("inspection-published_on", "1", "May", "24")},
    )
    page = response.content.decode()
    links = _summary(page)
    assert ("#id_inspection-title", "Enter the title") in links
    assert ("#id_inspection-published_on_0", "Year must include 4 numbers") in links
    assert 'value="May"' in page and 'value="24"' in page
    assert not InspectionReport.objects.exists()


def test_an_index_item_without_a_title_says_so(staff):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    url = reverse("transparency_manage:item_edit", args=[item.pk])
    response = staff.post(
        url,
        {
            "title": "",
            "description": "Kept as typed",
            "paragraph": item.paragraph,
            "order": "3",
            "cadence": item.cadence,
        },
    )
    page = response.content.decode()
    assert ("#id_title", "Enter the title") in _summary(page)
    assert "Kept as typed" in page
    assert "This field is required." not in page


def test_a_spending_upload_without_a_file_names_the_file(staff):
    response = staff.post(reverse("transparency_manage:spending"), {"month": "2025-10"})
    page = response.content.decode()
    assert ("#id_file", "Choose the spending file to upload") in _summary(page)
    # The month posted in one value, as the earlier month box sent it, is shown in two boxes.
    assert 'name="month_0" value="10"' in page and 'name="month_1" value="2025"' in page
    assert not SpendingUpload.objects.exists()


@pytest.mark.parametrize(
    ("boxes", "message"),
    [
        (("13", "2025"), "The month must be a real month, from 1 to 12"),
        (("10", "25"), "Year must include 4 numbers"),
        (("10", ""), "The month must include a year"),
        (("", ""), "Enter the month the payments were made in"),
    ],
)
def test_the_spending_month_is_typed_as_month_and_year_and_checked(staff, boxes, message):
    month, year = boxes
    response = staff.post(
        reverse("transparency_manage:spending"),
        {
            "month_0": month,
            "month_1": year,
            "file": SimpleUploadedFile("october.csv", b"Date\n", content_type="text/csv"),
        },
    )
    page = response.content.decode()
    assert ("#id_month_0", message) in _summary(page)
    assert _beside(page, "id_month", message)
    if month:
        assert f'name="month_0" value="{month}"' in page
    assert not SpendingUpload.objects.exists()
