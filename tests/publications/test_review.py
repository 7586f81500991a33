"""Every publication goes through a check page: the title, the public address, the version it
becomes and a link to the staff preview, with a publish form that must be confirmed."""

import html

import pytest
from django.urls import reverse

from pcc_portal.publications.models import Version
from tests.accounts.factories import reauthenticate

pytestmark = pytest.mark.django_db


def _url(page):
    return reverse("pages_manage:publish", kwargs={"pk": page.pk})


def test_the_check_page_says_what_becomes_public_where_and_as_which_version(
    client, page, editor, publish
):
    publish(page, editor)
    client.force_login(editor)
    detail = client.get(reverse("pages_manage:detail", kwargs={"pk": page.pk})).content.decode()
    assert f'href="{_url(page)}"' in detail  # the panel leads to the check page, not a form
    assert 'name="change_note"' not in detail

    response = client.get(_url(page))

    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "<title>Check before publishing - About the Commissioner - Staff area" in text
    assert "http://testserver/pages/about/" in text or "/pages/about/" in text
    assert "Version 2. The public sees version 1 until it is ready." in text
    preview = reverse("pages_manage:detail", kwargs={"pk": page.pk}) + "#preview"
    assert f'href="{preview}"' in text
    assert 'id="preview"' in client.get(preview).content.decode()
    assert "The page and its PDF" in text
    assert 'name="confirm"' in text


def test_publishing_without_confirming_keeps_the_note_and_shows_the_error_by_the_box(
    client, page, editor
):
    client.force_login(editor)
    reauthenticate(client)
    response = client.post(_url(page), {"change_note": "Corrected the telephone number"})

    assert response.status_code == 400
    text = html.unescape(response.content.decode())
    assert "Corrected the telephone number</textarea>" in text
    box = text.split('id="div_id_confirm"', 1)[1].split("</div>", 1)[0]
    assert "Confirm that you have checked what becomes public" in box
    assert 'href="#id_confirm"' in text  # the error summary leads to the box
    assert not Version.objects.exists()


def test_publishing_once_confirmed_publishes_the_next_version(
    client, page, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    reauthenticate(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(page), {"change_note": "First publication", "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == page.get_manage_url()
    assert page.live_version().number == 1
    assert page.live_version().change_note == "First publication"


def test_publishing_asks_for_the_password_again_and_then_records_it(client, page, editor, publish):
    publish(page, editor)
    client.force_login(editor)  # signed in, but not re-authenticated
    data = {"change_note": "Updated", "confirm": "on", "publish": "Publish"}

    response = client.post(_url(page), data)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert Version.objects.for_object(page).count() == 1  # nothing published yet

    reauthenticate(client)
    client.post(_url(page), data)
    assert Version.objects.for_object(page).count() == 2
    reasons = [h.history_change_reason or "" for h in page.history.all()]
    assert any("re-authenticated at" in reason for reason in reasons), reasons


def test_withdrawing_a_register_entry_asks_for_the_password_again(client, editor):
    from tests.transparency.factories import GrantFactory

    grant = GrantFactory(recipient="Sample Trust")
    client.force_login(editor)
    url = reverse(
        "transparency_manage:entry_withdraw", kwargs={"register": "grants", "pk": grant.pk}
    )

    response = client.post(url, {"reason": "Entered twice"})

    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert grant.withdrawal() is None
