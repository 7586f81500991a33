"""Reminders for items never published (once a month until they are) and for items with no
responsible officer (to the transparency lead, or whoever may name an officer)."""

import datetime

import pytest
from django.core import mail

from pcc_portal.accounts import roles
from tests.accounts.factories import UserFactory
from transparency import selectors, services
from transparency.models import ItemReminder, SpecifiedItem

pytestmark = pytest.mark.django_db


def _rows(code, today):
    return [r for r in selectors.index_rows(today=today) if r.item.code == code]


def _officer(code, email="governance@pcc.example.org"):
    item = SpecifiedItem.objects.get(code=code)
    item.responsible_name, item.responsible_email = "Head of Governance", email
    item.save()
    return item


def test_an_item_never_published_is_reminded_once_a_month_until_it_is():
    _officer("staff-arrangements")
    for day in (datetime.date(2026, 1, 2), datetime.date(2026, 1, 20)):
        services.send_due_reminders(today=day, rows=_rows("staff-arrangements", day))
    assert [m.subject for m in mail.outbox] == [
        "Never published: Use of the Constabulary's and councils' staff"
    ]
    assert mail.outbox[0].to == ["governance@pcc.example.org"]
    assert "has never been published" in mail.outbox[0].body
    assert "para 2A" in mail.outbox[0].body
    february = datetime.date(2026, 2, 3)
    services.send_due_reminders(today=february, rows=_rows("staff-arrangements", february))
    assert len(mail.outbox) == 2
    assert ItemReminder.objects.filter(kind=ItemReminder.Kind.MISSING).count() == 2


def test_an_item_with_no_officer_is_reminded_to_the_transparency_lead(settings):
    settings.TRANSPARENCY_LEAD_EMAIL = "transparency-lead@pcc.example.org"
    day = datetime.date(2026, 1, 2)
    sent = services.send_due_reminders(today=day, rows=_rows("complaints-oversight", day))
    assert sent == 1
    (message,) = mail.outbox
    assert message.to == ["transparency-lead@pcc.example.org"]
    assert message.subject.endswith("- no responsible officer")
    assert "Nobody is named as the responsible officer" in message.body
    reminder = ItemReminder.objects.get()
    assert reminder.sent_to == "transparency-lead@pcc.example.org"


def test_with_no_lead_configured_those_who_may_name_an_officer_are_reminded(settings):
    settings.TRANSPARENCY_LEAD_EMAIL = ""
    UserFactory(username="office-editor", email="editor@pcc.example.org", roles=[roles.EDITOR])
    UserFactory(
        username="secretary", email="secretary@panel.example.org", roles=[roles.PANEL_SECRETARY]
    )
    UserFactory(
        username="gone",
        email="gone@pcc.example.org",
        roles=[roles.EDITOR],
        is_active=False,
    )
    day = datetime.date(2026, 1, 2)
    services.send_due_reminders(today=day, rows=_rows("complaints-functions", day))
    (message,) = mail.outbox
    assert message.to == ["editor@pcc.example.org"]


def test_the_daily_run_covers_every_item_without_an_officer(settings):
    settings.TRANSPARENCY_LEAD_EMAIL = "transparency-lead@pcc.example.org"
    day = datetime.date(2026, 1, 2)
    sent = services.send_due_reminders(today=day)
    items = SpecifiedItem.objects.count()
    assert sent == items  # nothing is published in an empty portal: every item is missing
    assert services.send_due_reminders(today=day) == 0
