"""Each published version of an agenda pack after the first has a public comparison with the
one before (items and papers added or taken out), linked from the meeting page, showing no more
of an exempt item than the public agenda does; a withdrawn version answers 410 with its
notice."""

import datetime

import pytest
from django.urls import reverse

from panel.models import AgendaItem
from panel.services import meetings as meeting_services
from panel.services import packs
from pcc_portal.publications import services as publishing
from tests.access import AccessRule
from tests.panel.helpers import arranged_meeting, published_meeting, upload
from tests.publications.comparisons import linked_comparison

MEETING = "/panel/meetings/2021-12-06/"


def _changes(number):
    return reverse(
        "panel:pack_version_changes", kwargs={"date": datetime.date(2021, 12, 6), "number": number}
    )


@pytest.fixture
def meeting(db):
    return published_meeting(datetime.date(2021, 12, 6))


@pytest.mark.django_db
def test_a_supplement_shows_the_item_and_paper_it_added(
    client, meeting, panel_secretary, run_on_commit
):
    assert client.get(_changes(1)).status_code == 404
    assert _changes(1) not in client.get(MEETING).content.decode()

    item = meeting_services.add_item(
        meeting=meeting, item=AgendaItem(title="Precept Proposal 2022/23", kind="report")
    )
    meeting_services.add_upload_paper(item=item, title="Precept report", upload=upload("MORE"))
    run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="Supplement")

    html = linked_comparison(client, MEETING, _changes(2))
    assert "What changed in version 2" in html and "Supplement" in html
    # The new item goes before the standing items at the end, which are renumbered.
    assert "<ins>7. Precept Proposal 2022/23 Precept report, pages 4</ins>" in html
    assert "<del>7. Urgent Business</del>" in html and "<ins>8. Urgent Business</ins>" in html
    # The exempt item shows as its public stub, never its members-only paper.
    assert "Tender scores" not in html


@pytest.mark.django_db
def test_a_withdrawn_pack_version_answers_410_with_its_notice(
    client, meeting, panel_secretary, run_on_commit
):
    run_on_commit(packs.publish_pack, meeting=meeting, by=panel_secretary, note="Again")
    publishing.withdraw(obj=meeting.pack, by=panel_secretary, reason="Wrong meeting")
    response = client.get(_changes(2))
    assert response.status_code == 410
    assert "Wrong meeting" in response.content.decode()


class TestPackVersionChangesAccess(AccessRule):
    url_name = "panel:pack_version_changes"
    allowed_status = (404,)  # no pack published: nothing to compare; comparisons tested above

    def make_url_kwargs(self):
        meeting = arranged_meeting(date=datetime.date(2021, 12, 6))
        return {"date": meeting.date, "number": 1}
