"""Only what is public is ever in the API: no drafts, nothing withdrawn, restricted decisions
as their stubs, no exempt or withdrawn papers, register entries only as released, and no
withdrawn document on the index."""

import json

import pytest

from decisions.models import Decision
from panel.services import packs
from pcc_portal.publications import services as publishing
from tests.api.helpers import index_document, uploaded_item
from tests.decisions.factories import DecisionFactory
from tests.transparency.factories import (
    ForwardPlanEntryFactory,
    GiftFactory,
    GrantFactory,
    register_publisher,
)

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
    from tests.panel.helpers import arranged_meeting

    arranged_meeting()

    (listed,) = client.get("/api/v1/meetings/").json()["results"]
    assert listed["agenda"] == [] and listed["pack_pdf"] is None


# Registers and the Specified Information index ---------------------------------------------------


def _transparency(client):
    return (
        "".join(
            client.get(f"/api/v1/registers/{slug}/?page_size=200").content.decode()
            for slug in (
                "interests",
                "gifts-and-hospitality",
                "grants",
                "contracts",
                "forward-plan",
            )
        )
        + client.get("/api/v1/specified-information/?page_size=200").content.decode()
    )


def test_unreleased_entries_are_never_in_the_api(client):
    GiftFactory(donor="DRAFTDONOR", released=False)
    GrantFactory(recipient="DRAFTRECIPIENT", released=False)
    ForwardPlanEntryFactory(title="DRAFTPLAN", released=False)

    assert "DRAFT" not in _transparency(client)


def test_an_edit_not_yet_released_is_not_in_the_api(client):
    gift = GiftFactory(donor="Released donor")
    gift.donor = "UNRELEASEDEDIT"
    gift.save()

    everything = _transparency(client)
    assert "Released donor" in everything
    assert "UNRELEASEDEDIT" not in everything


def test_a_withdrawn_entry_leaves_the_api(client):
    grant = GrantFactory(recipient="WITHDRAWNRECIPIENT")
    assert "WITHDRAWNRECIPIENT" in _transparency(client)

    publishing.withdraw(obj=grant, by=register_publisher(), reason="Published in error")

    assert "WITHDRAWNRECIPIENT" not in _transparency(client)


def test_a_withdrawn_document_is_not_linked_from_the_index(client, editor):
    item = uploaded_item()
    document = index_document(item, "WITHDRAWNDOC", editor)
    document.withdraw()
    document.save()

    listed = client.get("/api/v1/specified-information/?page_size=200").json()["results"]
    (listed,) = [i for i in listed if i["code"] == item.code]
    assert listed["url"] is None
    assert document.get_absolute_url() not in _transparency(client)


def test_signed_in_staff_read_only_the_released_registers(client, superuser):
    GiftFactory(donor="DRAFTDONOR", released=False)
    client.force_login(superuser)

    assert "DRAFTDONOR" not in _transparency(client)


# Conditional requests: a client that sends only If-Modified-Since must not be told "not
# modified" about an answer that has since lost a withdrawn entry (a stale 304 is a leak of the
# past). Last-Modified follows the publication generation, which every withdrawal moves on.


def _earlier_generation():
    from datetime import timedelta

    from django.utils import timezone

    from pcc_portal.caching import bump
    from pcc_portal.caching.models import Generation

    bump()
    Generation.objects.update(changed_at=timezone.now() - timedelta(hours=1))


def test_a_withdrawn_decision_is_not_hidden_by_if_modified_since(client, applied, editor):
    _earlier_generation()
    first = client.get("/api/v1/decisions/")
    assert "Police and Crime Plan 2021-2025" in first.content.decode()

    decision = Decision.objects.get(financial_year=2021, number=27)
    publishing.withdraw(obj=decision, by=editor, reason="Published in error")

    again = client.get("/api/v1/decisions/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert "Police and Crime Plan 2021-2025" not in again.content.decode()


@pytest.mark.parametrize("url", ["/api/v1/registers/grants/", "/api/v1/specified-information/"])
def test_a_withdrawn_entry_is_not_hidden_by_if_modified_since(client, url):
    grant = GrantFactory(recipient="WITHDRAWNRECIPIENT")
    _earlier_generation()
    first = client.get(url)
    assert first["Last-Modified"]

    publishing.withdraw(obj=grant, by=register_publisher(), reason="Published in error")

    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert "WITHDRAWNRECIPIENT" not in again.content.decode()
