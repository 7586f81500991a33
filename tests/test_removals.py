"""Deleting something for good asks first, on one kind of page (``RemoveView``), in every app: the
staff page links to it, it says what goes and that it cannot be undone, Cancel goes back, and only
its button deletes. A removal the app refuses is shown on that page with why (400)."""

import pytest
from django.urls import reverse

from decisions import services as decisions
from decisions.models import DecisionAttachment, Part2Attachment
from panel.models import AgendaItem, Paper, Resolution
from panel.services import meetings as meeting_services
from tests.casework.factories import HearingFactory
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory
from tests.panel.factories import AgendaItemFactory, MeetingFactory
from tests.panel.helpers import upload
from tests.transparency.spending_review_helpers import OCTOBER, ORGANISATION, _file
from transparency import services as transparency
from transparency.models import SpendingUpload

pytestmark = pytest.mark.django_db


def _agenda_item(user):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, number=1, title="PCC update report")
    return {
        "user": user,
        "page": reverse("panel_manage:meeting", kwargs={"pk": meeting.pk}),
        "url": reverse("panel_manage:item_delete", kwargs={"pk": item.pk}),
        "says": "Remove item 1, “PCC update report”, and its papers from the agenda",
        "exists": lambda: AgendaItem.objects.filter(pk=item.pk).exists(),
        "done": "“PCC update report” was removed from the agenda.",
    }


def _paper(user):
    item = AgendaItemFactory(meeting=MeetingFactory(), number=1, title="PCC update report")
    paper = meeting_services.add_upload_paper(item=item, title="Appendix A", upload=upload("A"))
    return {
        "user": user,
        "page": item.get_manage_url(),
        "url": reverse("panel_manage:paper_delete", kwargs={"pk": paper.pk}),
        "says": "Remove “Appendix A” from item 1",
        "exists": lambda: Paper.objects.filter(pk=paper.pk).exists(),
        "done": "“Appendix A” was removed from item 1.",
    }


def _attachment(user):
    DecisionFactory()  # so the decision's id is not the attachment's
    decision = DecisionFactory()
    attachment = decisions.add_attachment(
        decision=decision, title="Business case", upload=upload("A business case"), by=user
    )
    return {
        "user": user,
        "page": reverse("decisions_manage:detail", kwargs={"pk": decision.pk}),
        "url": reverse(
            "decisions_manage:attachment_delete",
            kwargs={"pk": decision.pk, "attachment_pk": attachment.pk},
        ),
        "says": "Remove “Business case” from the decision",
        "exists": lambda: DecisionAttachment.objects.filter(pk=attachment.pk).exists(),
        "done": "“Business case” was removed.",
    }


def _part2_attachment(user):
    DecisionFactory()  # so the decision's id is not the attachment's
    part2 = DecisionPart2Factory()
    attachment = decisions.add_part2_attachment(
        part2=part2, title="Exempt costs", upload=upload("Exempt costs"), by=user
    )
    return {
        "user": user,
        "page": reverse("decisions_manage:part2", kwargs={"pk": part2.decision.pk}),
        "url": reverse(
            "decisions_manage:part2_attachment_delete",
            kwargs={"pk": part2.decision.pk, "attachment_pk": attachment.pk},
        ),
        "says": "Remove “Exempt costs” from Part 2",
        "exists": lambda: Part2Attachment.objects.filter(pk=attachment.pk).exists(),
        "done": "“Exempt costs” was removed from Part 2.",
    }


def _spending_draft(user):
    draft = transparency.upload_spending(
        month=OCTOBER, content=_file(ORGANISATION), filename="october.csv", by=user
    )
    return {
        "user": user,
        "page": reverse("transparency_manage:spending_detail", kwargs={"pk": draft.pk}),
        "url": reverse("transparency_manage:spending_discard", kwargs={"pk": draft.pk}),
        "says": "Discard the draft of October 2025",
        "exists": lambda: SpendingUpload.objects.filter(pk=draft.pk).exists(),
        "done": "The draft of October 2025 is discarded: no row is kept.",
        "then": reverse("transparency_manage:spending"),
    }


REMOVALS = {
    "agenda item": (_agenda_item, "panel_secretary"),
    "paper": (_paper, "panel_secretary"),
    "decision attachment": (_attachment, "editor"),
    "Part 2 attachment": (_part2_attachment, "editor"),
    "spending draft": (_spending_draft, "editor"),
}


@pytest.fixture(params=REMOVALS.values(), ids=REMOVALS.keys())
def removal(request):
    make, user = request.param
    return make(request.getfixturevalue(user))


def test_a_removal_is_asked_for_on_a_page_the_staff_page_links_to(client, removal):
    client.force_login(removal["user"])
    assert f'href="{removal["url"]}"' in client.get(removal["page"]).content.decode()
    response = client.get(removal["url"])
    assert response.status_code == 200
    page = response.content.decode()
    assert removal["says"] in page
    assert "This cannot be undone." in page
    assert f'href="{removal["page"]}">Cancel' in page
    assert removal["exists"]()  # asking deleted nothing


def test_the_removal_pages_button_deletes_and_says_so(client, removal):
    client.force_login(removal["user"])
    response = client.post(removal["url"], follow=True)
    then = removal.get("then", removal["page"])
    assert response.redirect_chain[0][0].split("#")[0] == then.split("#")[0]
    assert removal["done"] in response.content.decode()
    assert not removal["exists"]()


def test_a_refused_removal_says_why_on_its_page(client, panel_secretary):
    removal = _agenda_item(panel_secretary)
    item = AgendaItem.objects.get()
    Resolution.objects.create(item=item, text="That the report be noted.")
    client.force_login(panel_secretary)
    page = client.get(removal["url"]).content.decode()
    assert "has proceedings recorded (1 resolution), so it stays on the agenda" in page
    assert 'type="submit"' not in page.split("<main")[1]
    response = client.post(removal["url"])
    assert response.status_code == 400
    assert "has proceedings recorded" in response.content.decode()
    assert removal["exists"]()


def test_removing_an_item_a_case_is_heard_at_says_the_case_stays_unlinked(client, panel_secretary):
    removal = _agenda_item(panel_secretary)
    item = AgendaItem.objects.get()
    case = HearingFactory(meeting=item.meeting, agenda_item=item)
    client.force_login(panel_secretary)
    page = client.get(removal["url"]).content.decode()
    assert f"“{case}” stays, no longer linked to an item of this agenda." in page
    client.post(removal["url"])
    case.refresh_from_db()
    assert case.agenda_item is None and case.meeting == item.meeting
