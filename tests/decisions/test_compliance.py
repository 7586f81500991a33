"""Publication within three working days: each decision records whether it made it, staff see the
year's figure, and the author and publishers are reminded the working day before the deadline."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions import services, tasks
from decisions.models import Decision
from decisions.selectors import publication_compliance
from pcc_portal.celery import app
from tests.accounts.factories import UserFactory
from tests.decisions.conftest import at

pytestmark = pytest.mark.django_db

D = datetime.date


def _published_on_time(decision, on_time):
    """Mark a published decision as published on time or late, as its first publication
    would have recorded on the day."""
    Decision.objects.filter(pk=decision.pk).update(published_on_time=on_time)


def test_first_publication_records_whether_it_came_within_three_working_days(
    sign, publish_decision
):
    now = timezone.now()
    prompt = sign(signed_at=now)
    publish_decision(prompt)
    late = sign(signed_at=now - datetime.timedelta(days=30))
    publish_decision(late)
    prompt.refresh_from_db()
    late.refresh_from_db()
    assert prompt.published_on_time is True
    assert late.published_on_time is False
    # Publishing again (a correction) does not change the record of the first publication.
    publish_decision(late, note="Corrected a typing error")
    late.refresh_from_db()
    assert late.published_on_time is False


def test_the_compliance_figure_counts_the_years_decisions_that_were_due(sign, publish_decision):
    on_time = sign(signed_at=at(2021, 11, 1))
    publish_decision(on_time)
    _published_on_time(on_time, True)
    late = sign(signed_at=at(2021, 11, 2))
    publish_decision(late)
    _published_on_time(late, False)
    sign(signed_at=at(2021, 11, 3))  # due 8 November, still unpublished: overdue
    sign(signed_at=at(2021, 11, 30))  # due 3 December: not due yet
    last_year = sign(signed_at=at(2021, 3, 1))
    publish_decision(last_year)
    _published_on_time(last_year, True)

    figure = publication_compliance(today=D(2021, 12, 1))
    assert figure == {"on_time": 1, "due": 3, "overdue": 1, "financial_year": "2021/22"}


def test_staff_see_the_figure_on_the_dashboard_and_the_decisions_list(
    client, editor, sign, publish_decision
):
    publish_decision(sign(signed_at=timezone.now()))
    client.force_login(editor)
    expected = "Published on time: <strong>1 of 1</strong> this financial year"
    assert expected in client.get(reverse("manage:dashboard")).content.decode()
    assert expected in client.get(reverse("decisions_manage:list")).content.decode()


# --- reminders -----------------------------------------------------------------------------------
@pytest.fixture
def signed(sign, editor):
    # Signed on Wednesday 3 November 2021: due Monday 8 November, reminded on Friday 5 November.
    return sign(signed_at=at(2021, 11, 3))


def test_the_author_and_publishers_are_reminded_the_working_day_before_the_deadline(
    signed,
    editor,
    decision_maker,
    monitoring_officer,
    finance_officer,
    panel_member,
    mailoutbox,
    settings,
):
    other_publisher = UserFactory(username="other-editor", roles=["Editor"])
    assert services.send_publication_reminders(today=D(2021, 11, 4)) == 0
    assert mailoutbox == []

    settings.PORTAL_BASE_URL = "https://portal.example.org"
    sent = services.send_publication_reminders(today=D(2021, 11, 5))
    assert sent == 1
    [email] = mailoutbox
    assert email.subject == f"Publish decision {signed.reference} by Monday 8 November 2021"
    assert sorted(email.to) == sorted([editor.email, decision_maker.email, other_publisher.email])
    assert monitoring_officer.email not in email.to and panel_member.email not in email.to
    assert "must be published by Monday 8 November 2021" in email.body
    assert f"https://portal.example.org/manage/decisions/{signed.pk}/" in email.body
    signed.refresh_from_db()
    assert signed.publication_reminder_sent_at is not None

    # Once per decision, however often it runs.
    assert services.send_publication_reminders(today=D(2021, 11, 5)) == 0
    assert services.send_publication_reminders(today=D(2021, 11, 8)) == 0
    assert len(mailoutbox) == 1


def test_a_missed_reminder_is_sent_on_the_next_run_and_says_it_is_overdue(signed, mailoutbox):
    assert services.send_publication_reminders(today=D(2021, 11, 9)) == 1
    assert "was due for publication by Monday 8 November 2021" in mailoutbox[0].body


def test_a_published_decision_needs_no_reminder(signed, publish_decision, mailoutbox):
    publish_decision(signed)
    assert services.send_publication_reminders(today=D(2021, 11, 5)) == 0
    assert mailoutbox == []


def test_bank_holidays_move_the_reminder_as_they_move_the_deadline(sign, mailoutbox):
    # Signed Wednesday 22 December 2021: 27 and 28 December were bank holidays, so it is due
    # Wednesday 29 December and the reminder goes on Friday 24 December.
    sign(signed_at=at(2021, 12, 22))
    assert services.send_publication_reminders(today=D(2021, 12, 23)) == 0
    assert services.send_publication_reminders(today=D(2021, 12, 24)) == 1
    assert "by Wednesday 29 December 2021" in mailoutbox[0].subject


def test_beat_runs_the_reminders_every_morning_through_the_task(signed, mailoutbox, settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["decisions-publication-reminders"]
    assert schedule["task"] == "decisions.tasks.send_publication_reminders"
    assert schedule["task"] in app.tasks
    settings.PORTAL_BASE_URL = "https://portal.example.org/"
    # Its deadline is long past by now: the task sends the reminder it missed, with the link.
    assert tasks.send_publication_reminders() == 1
    assert f"https://portal.example.org/manage/decisions/{signed.pk}/" in mailoutbox[0].body
