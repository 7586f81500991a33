"""The casework demo: the precept for 2022/23 at the meeting of 1 February 2022, the Deputy's
confirmation hearing and the 2020/21 annual report review, published, loaded once."""

import datetime

import pytest

from casework import demo
from casework.models import Case, Step
from pcc_portal.accounts import roles
from tests.accounts.factories import UserFactory
from tests.panel.factories import MeetingFactory, MemberFactory, PanelFactory

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_panels_casework_once(client):
    panel = PanelFactory()
    MeetingFactory(panel=panel, date=datetime.date(2022, 2, 1))
    MeetingFactory(panel=panel, date=datetime.date(2021, 7, 20))
    for _ in range(15):
        MemberFactory(panel=panel)
    publisher = UserFactory(username="commissioner")
    UserFactory(username="secretary", roles=[roles.PANEL_SECRETARY])  # who releases the cases
    assert demo.load(publisher=publisher) == "3 cases, 6 complaints, 2 public questions"
    assert demo.load(publisher=publisher) == "casework present"

    precept = Case.objects.get(kind=Case.Kind.PRECEPT)
    assert precept.year == 2022 and precept.meeting.date == datetime.date(2022, 2, 1)
    assert str(precept.steps.get(kind=Step.Kind.FINAL).amount) == "236.45"
    assert precept.steps.get(kind=Step.Kind.REPORT).members_in_office == 15
    page = client.get("/panel/precept/2022/").content.decode()
    assert "£236.45" in page and "Precept issued" in page
    assert (
        client.get(precept.steps.get(kind=Step.Kind.PROPOSAL).get_document_url()).status_code == 200
    )

    hearing = Case.objects.get(kind=Case.Kind.CONFIRMATION)
    assert hearing.candidate == "Andrew Pratt" and hearing.post == Case.Post.DEPUTY
    assert client.get(hearing.get_absolute_url()).status_code == 200
    assert client.get("/panel/annual-reports/2020/").status_code == 200
    for case in (precept, hearing):
        version = case.live_version()
        assert version.number == 1 and version.published_by.username == "secretary"

    figures = b"".join(client.get("/panel/complaints.csv").streaming_content).decode().splitlines()
    assert "2021/22,2021-04-01,The Commissioner,5,2,1,1" in figures
    assert "2021/22,2021-04-01,The Deputy Commissioner,1,1,0,1" in figures
    questions = client.get("/panel/meetings/2022-02-01/questions/").content.decode()
    assert "Sam Whitworth" in questions and "A member of the public" in questions
    assert "Withheld on request" not in questions and "demo-asker" not in questions
