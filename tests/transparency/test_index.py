"""The Specified Information index: every item of the Order, with a status computed from what
the portal has published, and reminders to the responsible officer once per due date."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.transparency.factories import GrantFactory
from transparency import selectors, services
from transparency.freshness import Status
from transparency.models import Paragraph, SpecifiedItem


def _row(code, today):
    return next(r for r in selectors.index_rows(today=today) if r.item.code == code)


@pytest.mark.django_db
def test_the_index_is_seeded_with_every_paragraph_of_the_order():
    paragraphs = set(SpecifiedItem.objects.values_list("paragraph", flat=True))
    assert paragraphs == set(Paragraph.values)
    assert SpecifiedItem.objects.count() >= 35


@pytest.mark.django_db
def test_a_portal_item_reads_its_date_from_what_the_portal_published():
    today = datetime.date(2025, 11, 10)
    assert _row("grants", today).freshness.status == Status.MISSING
    released = datetime.datetime(2025, 10, 2, 10, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=released):
        GrantFactory(is_sample=False)
    row = _row("grants", today)
    assert row.freshness.last_published == datetime.date(2025, 10, 2)
    assert row.freshness.status == Status.CURRENT
    assert row.url == reverse("transparency:register", kwargs={"register": "grants"})


@pytest.mark.django_db
def test_an_item_whose_app_has_no_data_is_missing_not_an_error(client):
    rows = selectors.index_rows(today=datetime.date(2025, 11, 20))
    decisions = next(r for r in rows if r.item.code == "decisions")
    assert decisions.freshness.status == Status.MISSING
    page = client.get("/transparency/")
    assert page.status_code == 200
    assert "Decisions of significant public interest" in page.content.decode()


@pytest.mark.django_db
def test_an_uploaded_document_dates_its_item_and_a_withdrawn_one_does_not(editor):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    document = services.publish_document(
        item=item,
        title="Senior salaries 2025",
        file=ContentFile(b"role,salary\n", name="salaries.csv"),
        period_from=datetime.date(2025, 6, 1),
        period_to=datetime.date(2025, 6, 1),
        by=editor,
    )
    row = _row("senior-salaries", datetime.date(2026, 5, 25))
    assert row.freshness.status == Status.DUE_SOON
    assert row.freshness.due_on == datetime.date(2026, 6, 1)
    assert row.url == document.get_absolute_url()
    services.withdraw_document(document=document, by=editor, reason="Published in error")
    assert _row("senior-salaries", datetime.date(2026, 5, 25)).freshness.status == Status.MISSING


def _salaries_with_a_responsible_officer(editor, year=2024):
    """Senior salaries, last published for June of ``year``, with an officer to remind by email."""
    item = SpecifiedItem.objects.get(code="senior-salaries")
    item.responsible_email = "governance@pcc.example.org"
    item.save()
    services.publish_document(
        item=item,
        title=f"Senior salaries {year}",
        file=ContentFile(b"role,salary\n", name="salaries.csv"),
        period_from=datetime.date(year, 6, 1),
        period_to=datetime.date(year, 6, 1),
        by=editor,
    )


@pytest.mark.django_db
def test_an_overdue_item_triggers_one_email_not_one_a_day(editor):
    _salaries_with_a_responsible_officer(editor)
    for day in range(1, 8):  # a week of daily runs while it is overdue
        services.send_due_reminders(today=datetime.date(2025, 7, day))
    sent = [m for m in mail.outbox if "Senior salaries" in m.subject]
    assert len(sent) == 1
    assert sent[0].to == ["governance@pcc.example.org"]
    assert sent[0].subject.startswith("Overdue")


@pytest.mark.django_db
def test_an_item_falling_due_is_reminded_once_when_due_soon_and_once_when_overdue(editor):
    _salaries_with_a_responsible_officer(editor)
    for day in (20, 25, 30, 31):
        services.send_due_reminders(today=datetime.date(2025, 5, day))
    services.send_due_reminders(today=datetime.date(2025, 6, 2))
    services.send_due_reminders(today=datetime.date(2025, 6, 3))
    subjects = [m.subject for m in mail.outbox if "Senior salaries" in m.subject]
    assert [s.split(":")[0] for s in subjects] == ["Due soon", "Overdue"]


@pytest.mark.django_db
def test_staff_edit_an_item_and_its_source_follows_the_choice(client, editor):
    item = SpecifiedItem.objects.get(code="annual-report")
    client.force_login(editor)
    response = client.post(
        reverse("transparency_manage:item_edit", kwargs={"pk": item.pk}),
        {
            "title": "Annual report",
            "description": "The Commissioner's annual report.",
            "paragraph": "reports",
            "order": 31,
            "portal_source": "performance-reports",
            "cadence": "yearly",
            "responsible_name": "Head of Governance",
            "responsible_email": "not-an-email",
        },
    )
    assert response.status_code == 400  # the form again, with its errors
    assert "Error: " in response.content.decode()
    assert "Head of Governance" in response.content.decode()  # what was typed is kept
    item.refresh_from_db()
    assert item.responsible_name == ""


@pytest.mark.django_db
def test_the_dashboard_lists_items_needing_attention(client, editor):
    client.force_login(editor)
    page = client.get(reverse("manage:dashboard")).content.decode()
    assert "need attention" in page
    assert reverse("transparency_manage:items") in page


@pytest.mark.django_db
def test_the_daily_beat_task_sends_the_reminders(editor):
    from transparency import tasks

    _salaries_with_a_responsible_officer(editor, year=2020)
    assert tasks.send_due_reminders.delay().get() >= 1
    assert [m.to for m in mail.outbox if "Senior salaries" in m.subject] == [
        ["governance@pcc.example.org"]
    ]
    assert tasks.send_due_reminders.delay().get() == 0


@pytest.mark.django_db
def test_grants_and_spending_are_due_monthly_as_the_order_asks():
    assert set(
        SpecifiedItem.objects.filter(code__in=["grants", "spending-over-500"]).values_list(
            "cadence", flat=True
        )
    ) == {"monthly"}
    released = datetime.datetime(2025, 10, 2, 10, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=released):
        GrantFactory(is_sample=False)
    # Due by the end of the next month (30 November), not at the quarter's end (31 December).
    assert _row("grants", datetime.date(2025, 11, 10)).freshness.status == Status.CURRENT
    assert _row("grants", datetime.date(2025, 11, 20)).freshness.status == Status.DUE_SOON
    assert _row("grants", datetime.date(2025, 12, 1)).freshness.status == Status.OVERDUE
