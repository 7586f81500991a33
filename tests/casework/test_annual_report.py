"""The annual report (s28(4)): sent to the Panel, reviewed at a public meeting, the Panel's
report or recommendations and the Commissioner's response; the Panel has no veto."""

import pytest

from casework import services
from casework.models import Case, CaseworkError, Step
from casework.timetables import timetable
from tests.casework.factories import CaseFactory, date, release

pytestmark = pytest.mark.django_db


def _record(case, kind, on, **fields):
    return services.record_step(step=Step(case=case, kind=kind, date=on, **fields), by=None)


@pytest.fixture
def review():
    return CaseFactory(kind=Case.Kind.ANNUAL_REPORT, year=2020)


def test_the_annual_report_has_its_four_steps_and_no_fixed_dates(review):
    table = timetable(review, today=date(10, 1, 2021))
    assert [m.kind for m in table.milestones] == ["proposal", "hearing", "report", "response"]
    assert all(m.due is None for m in table.milestones)
    assert str(review) == "Annual report 2020/21"


def test_the_panel_cannot_veto_the_annual_report(review):
    _record(review, Step.Kind.PROPOSAL, date(7, 1, 2021))
    with pytest.raises(CaseworkError, match="not veto"):
        _record(
            review,
            Step.Kind.REPORT,
            date(7, 20, 2021),
            outcome=Step.Outcome.VETOED,
            votes_for=15,
            members_in_office=15,
        )


def test_an_annual_report_has_no_precept_steps(review):
    _record(review, Step.Kind.PROPOSAL, date(7, 1, 2021))
    with pytest.raises(CaseworkError, match="no such step"):
        _record(review, Step.Kind.FINAL, date(7, 30, 2021))


def test_the_review_is_public_once_published(client, review):
    _record(review, Step.Kind.PROPOSAL, date(7, 1, 2021))
    assert client.get("/panel/annual-reports/2020/").status_code == 404
    release(review)
    page = client.get("/panel/annual-reports/2020/").content.decode()
    assert "Annual report sent to the Panel" in page
    assert "Annual report 2020/21" in client.get("/panel/annual-reports/").content.decode()
