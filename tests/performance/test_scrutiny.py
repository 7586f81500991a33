"""Strategic scrutiny meetings: their published note, and actions carried forward until closed."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError
from django.urls import reverse

from pcc_portal.errors import InvalidTransition
from performance import services
from performance.models import ScrutinyAction
from tests.accounts.factories import UserFactory
from tests.forms import ticked
from tests.performance.factories import (
    PaperFactory,
    ScrutinyActionFactory,
    ScrutinyMeetingFactory,
)

NOVEMBER = datetime.date(2021, 11, 15)
FEBRUARY = datetime.date(2022, 2, 21)
MAY = datetime.date(2022, 5, 16)


@pytest.fixture
def meetings(db):
    return [ScrutinyMeetingFactory(date=day) for day in (NOVEMBER, FEBRUARY, MAY)]


def test_an_open_action_is_carried_forward_until_it_is_closed(meetings, editor):
    november, february, may = meetings
    action = ScrutinyActionFactory(raised_at=november)
    assert list(ScrutinyAction.objects.carried_forward_to(february)) == [action]
    assert list(ScrutinyAction.objects.carried_forward_to(november)) == []

    services.update_action(
        action=action,
        status="closed",
        update="Answer times now published.",
        closed_on=datetime.date(2022, 3, 1),
        by=editor,
    )
    action.refresh_from_db()
    assert action.status == "closed" and action.closed_on == datetime.date(2022, 3, 1)
    # February's record still shows it as it stood then; May no longer carries it.
    assert list(ScrutinyAction.objects.carried_forward_to(february)) == [action]
    assert list(ScrutinyAction.objects.carried_forward_to(may)) == []
    assert action.history.first().history_user == editor


def test_action_transitions_are_guarded(meetings, editor):
    action = ScrutinyActionFactory(raised_at=meetings[0])
    services.update_action(
        action=action, status="in_progress", update="", closed_on=None, by=editor
    )
    with pytest.raises(InvalidTransition):
        services.update_action(action=action, status="open", update="", closed_on=None, by=editor)
    with pytest.raises(InvalidTransition):
        services.update_action(
            action=action,
            status="closed",
            update="",
            closed_on=datetime.date(2021, 1, 1),
            by=editor,
        )
    services.update_action(action=action, status="closed", update="", closed_on=MAY, by=editor)
    services.update_action(
        action=action, status="open", update="Reopened", closed_on=None, by=editor
    )
    action.refresh_from_db()
    assert (action.status, action.closed_on) == ("open", None)


def test_the_database_refuses_a_closed_action_without_a_date(meetings):
    with pytest.raises(IntegrityError):
        ScrutinyActionFactory(raised_at=meetings[0], status="closed", closed_on=None)


def test_overdue_actions_are_flagged_on_the_staff_dashboard(client, meetings, editor):
    ScrutinyActionFactory(raised_at=meetings[0], due_date=datetime.date(2021, 12, 1))
    client.force_login(editor)
    html = client.get(reverse("manage:dashboard")).content.decode()
    assert "1 action for the Chief Constable overdue" in html


def test_the_dashboard_counts_overdue_actions_only_for_who_may_open_the_meetings(client, meetings):
    """Someone who reads the figures but not the scrutiny meetings sees the figures' side of
    the panel, with no count of actions they could not open."""
    ScrutinyActionFactory(raised_at=meetings[0], due_date=datetime.date(2021, 12, 1))
    analyst = UserFactory(username="analyst")
    analyst.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_manage", "view_datapoint"])
    )
    client.force_login(analyst)
    html = client.get(reverse("manage:dashboard")).content.decode()
    assert "Measures and figures" in html
    assert "overdue" not in html


def test_the_published_note_lists_attendees_topics_papers_and_actions(
    client, meetings, decision_maker, publish
):
    november, february, _ = meetings
    PaperFactory(meeting=february, title="Force Control Room demand", presented_by="ACC")
    carried = ScrutinyActionFactory(raised_at=november, description="Report on 101 answer times.")
    ScrutinyActionFactory(raised_at=february, description="Brief on drink spiking.")
    publish(february, decision_maker)
    response = client.get(reverse("performance:meeting", kwargs={"date": "2022-02-21"}))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Chief Constable",
        "Road safety",
        "Force Control Room demand, presented by ACC",
        "Brief on drink spiking.",
        carried.description,
        "Actions carried forward from earlier meetings",
    ):
        assert text in html
    pdf = client.get(reverse("performance:meeting_pdf", kwargs={"date": "2022-02-21"}))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_an_unpublished_note_is_not_public(client, meetings):
    assert (
        client.get(reverse("performance:meeting", kwargs={"date": "2021-11-15"})).status_code == 404
    )
    assert "15 November 2021" not in client.get(reverse("performance:meetings")).content.decode()


def test_staff_record_progress_on_an_action(client, meetings, editor):
    action = ScrutinyActionFactory(raised_at=meetings[0])
    client.force_login(editor)
    url = reverse("performance_manage:action_edit", args=[action.pk])
    response = client.post(url, {"status": "closed", "update": "Done", "closed_on": "2021-01-01"})
    assert response.status_code == 400  # before the meeting that raised it: kept, with a reason
    assert "cannot be closed before the meeting" in response.content.decode()
    response = client.post(url, {"status": "closed", "update": "Done", "closed_on": "2022-01-10"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "closed"


def test_staff_say_which_plan_priorities_an_action_is_about(client, meetings, editor):
    from tests.plans.factories import PriorityFactory

    drivers = PriorityFactory(title="Targeting dangerous drivers")
    abuse = PriorityFactory(plan=drivers.plan, title="Tackling domestic abuse and sexual violence")
    client.force_login(editor)
    add = reverse("performance_manage:action_add", args=[meetings[0].pk])
    form = client.get(add).content.decode()
    assert "Targeting dangerous drivers" in form and 'type="checkbox"' in form

    answers = {
        "description": "Report the effect of average speed cameras.",
        "owner": "Chief Constable",
        "due_date": "2022-02-14",
        "priorities": [drivers.pk],
    }
    response = client.post(add, {**answers, "due_date": ""})
    assert response.status_code == 400  # the due date is missing: the ticks are kept
    assert ticked(response.content.decode(), "priorities") == {str(drivers.pk)}
    response = client.post(add, answers)
    assert response.status_code == 302
    action = ScrutinyAction.objects.get(description__startswith="Report the effect")
    assert list(action.priorities.all()) == [drivers]

    edit = reverse("performance_manage:action_edit", args=[action.pk])
    assert ticked(client.get(edit).content.decode(), "priorities") == {str(drivers.pk)}
    client.post(edit, {"status": "open", "update": "", "priorities": [drivers.pk, abuse.pk]})
    assert set(action.priorities.all()) == {drivers, abuse}
    assert action.history.first().history_user == editor


def test_an_action_is_seen_with_the_meeting_that_raised_it(meetings, decision_maker, publish):
    november, february, _ = meetings
    ScrutinyActionFactory(raised_at=november, description="Report on 101 answer times.")
    ScrutinyActionFactory(raised_at=february, description="Brief on drink spiking.")
    publish(february, decision_maker)
    public = ScrutinyAction.objects.public()
    assert [action.description for action in public] == ["Brief on drink spiking."]
    assert ScrutinyAction.objects.visible_to(decision_maker).count() == 2
