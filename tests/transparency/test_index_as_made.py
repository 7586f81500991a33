"""Items published as they are made take their status from the real deadlines of the things
themselves: a signed decision three working days after its signature (bank holidays excluded),
an agenda five clear working days before its meeting, minutes by the time the next meeting's
agenda is due. Overdue when any of them is late."""

import datetime
import zoneinfo

import pytest

from decisions import services
from panel.models import Meeting, Minutes, PackBuild
from pcc_portal.accounts import roles
from tests.accounts.factories import (
    UserFactory,
    finance_officer_user,
    monitoring_officer_user,
)
from tests.decisions.factories import DecisionFactory
from tests.panel.factories import MeetingFactory
from tests.transparency.index_helpers import published
from transparency import selectors
from transparency.freshness import Status

pytestmark = pytest.mark.django_db


def _row(code, today):
    return next(r for r in selectors.index_rows(today=today) if r.item.code == code)


LONDON = zoneinfo.ZoneInfo("Europe/London")


def _signed(decision_date, decision_maker):
    """A decision taken through its workflow and signed at noon on ``decision_date``."""
    decision = DecisionFactory()
    author = UserFactory(username=f"author{decision.pk}", roles=[roles.EDITOR])
    services.submit_decision(decision=decision, by=author)
    services.declare_decision(decision=decision, by=monitoring_officer_user())
    if decision.has_financial_implications:
        services.declare_decision_finance(decision=decision, by=finance_officer_user())
    services.sign_decision(
        decision=decision,
        by=decision_maker,
        signed_at=datetime.datetime.combine(decision_date, datetime.time(12), LONDON),
    )
    decision.refresh_from_db()
    return decision


def test_a_signed_decision_past_its_three_working_days_makes_decisions_overdue(
    editor, decision_maker
):
    earlier = _signed(datetime.date(2021, 12, 1), decision_maker)
    earlier.published_at = datetime.datetime(2021, 12, 2, 9, tzinfo=datetime.UTC)
    earlier.save()
    published(earlier, by=editor, on=datetime.date(2021, 12, 2))
    assert _row("decisions", datetime.date(2021, 12, 20)).freshness.status == Status.CURRENT
    # Signed on Thursday 23 December 2021: Friday 24th is the first working day, the 27th and
    # 28th are bank holidays, so publication is due by Thursday 30 December.
    late = _signed(datetime.date(2021, 12, 23), decision_maker)
    assert late.publication_due_on == datetime.date(2021, 12, 30)
    on_time = _row("decisions", datetime.date(2021, 12, 30))
    assert on_time.freshness.status == Status.DUE_SOON
    assert on_time.freshness.due_on == datetime.date(2021, 12, 30)
    overdue = _row("decisions", datetime.date(2021, 12, 31))
    assert overdue.freshness.status == Status.OVERDUE
    assert [d.what for d in overdue.freshness.outstanding] == [f"Decision {late.reference}"]
    assert overdue.freshness.last_published == datetime.date(2021, 12, 2)


def test_a_decision_once_published_is_no_longer_owed(editor, decision_maker):
    decision = _signed(datetime.date(2021, 12, 23), decision_maker)
    decision.published_at = datetime.datetime(2021, 12, 29, 9, tzinfo=datetime.UTC)
    decision.save()
    published(decision, by=editor, on=datetime.date(2021, 12, 29))
    assert _row("decisions", datetime.date(2022, 1, 10)).freshness.status == Status.CURRENT


def test_an_unsigned_decision_owes_nothing():
    DecisionFactory()  # a draft
    assert _row("decisions", datetime.date(2022, 1, 10)).freshness.status == Status.MISSING


def _publish_agenda(meeting, by, on):
    version = published(meeting, by=by, on=on)
    return PackBuild.objects.create(version=version, meeting=meeting, status=PackBuild.Status.READY)


def test_agendas_are_due_five_clear_working_days_before_each_meeting(editor):
    meeting = MeetingFactory(date=datetime.date(2021, 12, 6))  # agenda due Friday 26 November
    due = _row("panel-meetings", datetime.date(2021, 11, 26))
    assert due.freshness.status == Status.DUE_SOON
    assert due.freshness.due_on == datetime.date(2021, 11, 26)
    assert _row("panel-meetings", datetime.date(2021, 11, 29)).freshness.status == (Status.OVERDUE)
    _publish_agenda(meeting, editor, datetime.date(2021, 11, 25))
    row = _row("panel-meetings", datetime.date(2021, 11, 29))
    assert row.freshness.status == Status.CURRENT
    assert row.freshness.last_published == datetime.date(2021, 11, 25)


def test_a_cancelled_meeting_owes_no_agenda():
    MeetingFactory(
        date=datetime.date(2021, 12, 6), status=Meeting.Status.CANCELLED, status_reason="Snow"
    )
    assert _row("panel-meetings", datetime.date(2021, 12, 1)).freshness.status == (Status.MISSING)


def test_minutes_are_due_when_the_next_meetings_agenda_is_due(editor):
    october = MeetingFactory(date=datetime.date(2021, 10, 12), status=Meeting.Status.HELD)
    _publish_agenda(october, editor, datetime.date(2021, 10, 1))
    # No next meeting arranged: the minutes have no deadline yet.
    assert _row("panel-minutes", datetime.date(2021, 11, 1)).freshness.status == Status.MISSING
    december = MeetingFactory(date=datetime.date(2021, 12, 6))
    _publish_agenda(december, editor, datetime.date(2021, 11, 20))
    due = _row("panel-minutes", datetime.date(2021, 11, 20))
    assert due.freshness.status == Status.DUE_SOON
    assert due.freshness.due_on == datetime.date(2021, 11, 26)
    assert _row("panel-minutes", datetime.date(2021, 11, 29)).freshness.status == Status.OVERDUE
    minutes = Minutes.objects.create(meeting=october)
    published(minutes, by=editor, on=datetime.date(2021, 11, 24))
    row = _row("panel-minutes", datetime.date(2021, 11, 29))
    assert row.freshness.status == Status.CURRENT
    assert row.freshness.last_published == datetime.date(2021, 11, 24)


def test_the_index_and_the_staff_page_say_what_is_still_owed(client, editor, decision_maker):
    _signed(datetime.date(2021, 12, 23), decision_maker)
    MeetingFactory(date=datetime.date(2021, 12, 6))
    rows = selectors.index_rows(today=datetime.date(2022, 1, 4))
    decisions = next(r for r in rows if r.item.code == "decisions")
    assert decisions.freshness.status == Status.OVERDUE
    client.force_login(editor)
    page = client.get(f"/manage/transparency/items/{decisions.item.pk}/").content.decode()
    assert "Still to publish" in page
