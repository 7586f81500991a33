"""Only what is public is ever in the API: no drafts, nothing withdrawn, restricted decisions
as their stubs, no exempt or withdrawn papers."""

import json

import pytest

from decisions.models import Decision
from panel.services import packs
from pcc_portal.publications import services as publishing
from tests.decisions.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def _everything(client):
    return json.dumps(
        [
            client.get("/api/v1/decisions/?page_size=200").json(),
            client.get("/api/v1/meetings/?page_size=200").json(),
        ]
    )


def test_unpublished_decisions_are_not_in_the_api(client, applied):
    DecisionFactory(title="DRAFTDECISION of the Commissioner")

    assert "DRAFTDECISION" not in _everything(client)


def test_a_restricted_decision_is_only_its_stub(client, applied):
    stub = client.get("/api/v1/decisions/2021/12/").json()
    assert stub["title"] == "Victim services contract award (restricted)"
    assert stub["restricted"] is True
    assert stub["summary"] is None and stub["decision_maker"] is None
    assert "SECRETSUMMARY" not in _everything(client)


def test_a_withdrawn_decision_leaves_the_api(client, applied, editor):
    decision = Decision.objects.get(financial_year=2021, number=27)
    publishing.withdraw(obj=decision, by=editor, reason="Published in error")

    assert client.get("/api/v1/decisions/2021/27/").status_code == 404
    assert "Police and Crime Plan 2021-2025" not in _everything(client)


def test_signed_in_staff_read_only_what_the_public_reads(client, applied, superuser):
    DecisionFactory(title="DRAFTDECISION of the Commissioner")
    client.force_login(superuser)

    assert "DRAFTDECISION" not in _everything(client)
    assert "SECRETSUMMARY" not in _everything(client)


def test_exempt_papers_are_never_in_the_api(client, meeting):
    everything = _everything(client)
    assert "Tender scores" not in everything
    assert "PCC update" in everything


def test_a_withdrawn_paper_leaves_the_api(
    client, meeting, editor, django_capture_on_commit_callbacks
):
    from panel.models import PackPaper

    paper = PackPaper.objects.published().get(title="PCC update")
    with django_capture_on_commit_callbacks(execute=True):
        packs.withdraw_paper(paper=paper, by=editor, reason="Sent in error")

    assert "PCC update" not in _everything(client)


def test_a_meeting_whose_pack_is_not_published_has_no_agenda(client, db):
    from panel.services import meetings as meeting_services
    from tests.panel.factories import MeetingFactory

    meeting = MeetingFactory()
    meeting_services.create_meeting(meeting=meeting)

    (listed,) = client.get("/api/v1/meetings/").json()["results"]
    assert listed["agenda"] == [] and listed["pack_pdf"] is None
