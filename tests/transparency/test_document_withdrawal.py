"""A document of the transparency index is withdrawn as everything published is: staff say why,
re-authenticate, and its address then answers 410 Gone with the date and the reason."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.accounts.factories import reauthenticate
from transparency import services
from transparency.models import ItemDocument, SpecifiedItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(editor):
    return services.publish_document(
        item=SpecifiedItem.objects.get(code="senior-salaries"),
        title="Senior salaries 2025",
        file=ContentFile(b"role,salary\n", name="senior-salaries.csv"),
        period_from=datetime.date(2025, 6, 1),
        period_to=datetime.date(2025, 6, 1),
        by=editor,
    )


def _withdraw_url(document):
    return reverse("transparency_manage:document_withdraw", kwargs={"pk": document.pk})


def test_withdrawing_asks_why_and_keeps_the_document_public_without_a_reason(
    client, editor, document
):
    client.force_login(editor)
    reauthenticate(client)
    page = client.get(_withdraw_url(document))
    assert page.status_code == 200
    assert "Why is it being withdrawn?" in page.content.decode()
    response = client.post(_withdraw_url(document), {"reason": ""})
    assert response.status_code == 400
    document.refresh_from_db()
    assert document.withdrawn_at is None
    assert client.get(document.get_absolute_url()).status_code == 200


def test_withdrawing_asks_for_the_password_again(client, editor, document):
    client.force_login(editor)  # signed in, but not just now
    response = client.post(_withdraw_url(document), {"reason": "Published in error"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    document.refresh_from_db()
    assert document.withdrawn_at is None


def test_a_withdrawn_document_answers_gone_with_when_and_why(client, editor, document):
    client.force_login(editor)
    reauthenticate(client)
    response = client.post(_withdraw_url(document), {"reason": "Published in error"})
    assert response["Location"] == reverse(
        "transparency_manage:item", kwargs={"pk": document.item_id}
    )
    client.logout()
    gone = client.get(document.get_absolute_url())
    assert gone.status_code == 410
    today = datetime.date.today()  # noqa: DTZ011
    assert f"Withdrawn on {today:%-d %B %Y}: Published in error" in gone.content.decode()
    assert "Senior salaries 2025" in gone.content.decode()
    record = ItemDocument.history.filter(id=document.pk).order_by("-history_date").first()
    assert record.history_user == editor
    assert record.history_change_reason.startswith("Withdrawn: Published in error")


def test_a_document_never_published_is_not_found(client):
    assert client.get(reverse("transparency:document", kwargs={"pk": 999_999})).status_code == 404
