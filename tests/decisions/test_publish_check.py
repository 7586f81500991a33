"""The check page before publishing a decision: its notice, the attachments published with
Part 1, and that Part 2 never is. Publishing from it needs the password again and the box
ticked."""

import html

import pytest
from django.urls import reverse

from decisions.models import Decision, DecisionAttachment
from tests.accounts.factories import reauthenticate
from tests.decisions.factories import DecisionFactory, DecisionPart2Factory

pytestmark = pytest.mark.django_db


def _url(decision):
    return reverse("decisions_manage:publish", kwargs={"pk": decision.pk})


def test_the_check_page_lists_the_notice_and_its_attachments(client, editor, sign, pdf_file):
    decision = sign(title="Victim services grant")
    DecisionAttachment.objects.create(decision=decision, title="Business case", file=pdf_file())
    client.force_login(editor)
    assert client.get(_url(decision))["Location"].startswith("/accounts/reauthenticate/")
    reauthenticate(client)

    response = client.get(_url(decision))

    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "The notice and its PDF" in text and "Part 1 in full." in text
    assert "Business case" in text and "Attachment to Part 1" in text
    assert "Part 2 is never published." in text
    assert decision.get_absolute_url() in text
    assert "Version 1. Nothing of it is public now." in text


def test_a_restricted_decision_shows_only_its_stub_will_be_public(client, editor, sign, pdf_file):
    part2 = DecisionPart2Factory(decision__title="Covert operations budget")
    decision = sign(part2.decision)
    DecisionAttachment.objects.create(decision=decision, title="Operational plan", file=pdf_file())
    client.force_login(editor)
    reauthenticate(client)
    text = html.unescape(client.get(_url(decision)).content.decode())
    assert "only its reference, title, priority and date" in text
    assert "Operational plan" not in text


def test_an_unsigned_decision_has_no_check_page(client, editor):
    client.force_login(editor)
    reauthenticate(client)
    assert client.get(_url(DecisionFactory())).status_code == 404


def test_publishing_needs_the_box_ticked(client, editor, sign, django_capture_on_commit_callbacks):
    decision = sign()
    client.force_login(editor)
    reauthenticate(client)
    response = client.post(_url(decision), {"change_note": "First publication"})
    assert response.status_code == 400
    assert "First publication</textarea>" in response.content.decode()
    assert Decision.objects.get(pk=decision.pk).status == Decision.Status.SIGNED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(decision), {"change_note": "First", "confirm": "on"})
    assert response.status_code == 302
    assert Decision.objects.get(pk=decision.pk).is_published
