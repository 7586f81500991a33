"""Confirmation hearings (Schedule 1, and Schedule 8 for the Chief Constable): the Panel reports
within three weeks beginning with the day it is notified; only a Chief Constable's appointment
may be vetoed, by two-thirds of the members in office, and never a reserve candidate's."""

import pytest

from casework import services
from casework.models import Case, CaseworkError, Step
from casework.timetables import confirmation_report_due, timetable, veto_refused
from tests.casework.factories import HearingFactory, date, release
from tests.panel.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _record(case, kind, on, **fields):
    return services.record_step(step=Step(case=case, kind=kind, date=on, **fields), by=None)


FIRST_OF_MARCH = date(3, 1)


def _veto(case, on=FIRST_OF_MARCH, votes_for=10, members=15):
    return _record(
        case,
        Step.Kind.REPORT,
        on,
        outcome=Step.Outcome.VETOED,
        votes_for=votes_for,
        votes_against=members - votes_for,
        members_in_office=members,
    )


def test_the_panel_reports_within_three_weeks_beginning_with_the_day_it_is_notified():
    # Notified on Monday 7 February: the three weeks end on Sunday 27 February.
    assert confirmation_report_due(date(2, 7)) == date(2, 27)


def test_the_timetable_counts_three_weeks_from_the_notification():
    case = HearingFactory()
    _record(case, Step.Kind.PROPOSAL, date(2, 7))
    table = timetable(case, today=date(2, 28))
    report = next(m for m in table.milestones if m.kind == Step.Kind.REPORT)
    assert report.due == date(2, 27)
    assert report.status(table.today) == "overdue"


@pytest.mark.parametrize(
    ("post", "allowed"),
    [
        (Case.Post.CHIEF_CONSTABLE, True),
        (Case.Post.DEPUTY, False),
        (Case.Post.CHIEF_EXECUTIVE, False),
        (Case.Post.CHIEF_FINANCE_OFFICER, False),
    ],
)
def test_only_a_chief_constables_appointment_may_be_vetoed(post, allowed):
    case = HearingFactory(post=post)
    assert (veto_refused(case=case, step_kind=Step.Kind.REPORT) == "") is allowed


def test_a_deputy_commissioners_appointment_gets_a_recommendation_not_a_veto():
    case = HearingFactory(post=Case.Post.DEPUTY, candidate="Andrew Pratt")
    _record(case, Step.Kind.PROPOSAL, date(7, 5, 2021))
    with pytest.raises(CaseworkError, match="only a Chief Constable's appointment may be vetoed"):
        _veto(case, on=date(7, 20, 2021))
    _record(
        case,
        Step.Kind.REPORT,
        date(7, 20, 2021),
        outcome=Step.Outcome.NOT_SUPPORTED,
        votes_for=15,
        members_in_office=15,
    )


def test_a_chief_constable_veto_needs_two_thirds_of_the_members_in_office():
    case = HearingFactory()
    _record(case, Step.Kind.PROPOSAL, date(2, 7))
    with pytest.raises(CaseworkError, match="10 votes. 9 is not enough"):
        _veto(case, votes_for=9, members=14)  # one seat vacant: 14 in office, two-thirds is 10
    _veto(case, votes_for=10, members=14)


def test_a_reserve_candidate_follows_a_veto_and_cannot_be_vetoed():
    first = HearingFactory()
    _record(first, Step.Kind.PROPOSAL, date(2, 7))
    with pytest.raises(CaseworkError, match="only a vetoed appointment"):
        services.open_case(
            case=Case(panel=first.panel, kind="confirmation", candidate="B", reserve_for=first),
            by="secretary",
        )
    _veto(first)
    reserve = services.open_case(
        case=Case(panel=first.panel, kind="confirmation", candidate="B", reserve_for=first),
        by="secretary",
    )
    assert reserve.post == Case.Post.CHIEF_CONSTABLE
    _record(reserve, Step.Kind.PROPOSAL, date(3, 4))
    with pytest.raises(CaseworkError, match="reserve candidate"):
        _veto(reserve, on=date(3, 10))


def test_the_hearing_is_an_item_of_a_public_meeting(client):
    meeting = MeetingFactory(date=date(2, 21))
    item = AgendaItemFactory(meeting=meeting, title="Confirmation hearing: Chief Constable")
    case = HearingFactory(meeting=meeting, agenda_item=item)
    _record(case, Step.Kind.PROPOSAL, date(2, 7))
    release(case)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "/panel/meetings/2022-02-21/" in page
    assert "Confirmation hearing: Chief Constable" in page
    assert "Chris Rowley" in client.get("/panel/confirmation-hearings/").content.decode()
