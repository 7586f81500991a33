"""A published document of the transparency index opens in the browser when it is a PDF, and is
saved when it is a spreadsheet, CSV or JSON file; a PDF is published as its cleaned copy, as
every uploaded PDF is."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.publications.hostile_pdfs import active_content, every_hostile_thing, tagged_pdf
from transparency import services
from transparency.models import ItemDocument, SpecifiedItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "disposition"),
    [
        ("senior-salaries.pdf", "inline"),
        ("senior-salaries.csv", "attachment"),
        ("senior-salaries.json", "attachment"),
    ],
)
def test_a_pdf_opens_in_the_browser_and_other_files_are_saved(client, name, disposition):
    document = services.publish_document(
        item=SpecifiedItem.objects.get(code="senior-salaries"),
        title="Senior salaries 2025",
        file=ContentFile(tagged_pdf("Salaries") if name.endswith(".pdf") else b"{}", name=name),
        period_from=datetime.date(2025, 6, 1),
        period_to=datetime.date(2025, 6, 1),
        by=UserFactory(),
    )
    response = client.get(reverse("transparency:document", kwargs={"pk": document.pk}))
    assert response.status_code == 200
    kind, saved_as = response["Content-Disposition"].split("; ")
    assert kind == disposition
    assert saved_as.startswith('filename="senior-salaries')
    assert saved_as.endswith(f'.{name.rsplit(".", 1)[1]}"')


def _upload(client, editor, name, content):
    item = SpecifiedItem.objects.get(code="senior-salaries")
    client.force_login(editor)
    return client.post(
        reverse("transparency_manage:document_create", kwargs={"pk": item.pk}),
        {
            "title": "Senior salaries 2025",
            "file": SimpleUploadedFile(name, content),
            "period_from": "2025-06-01",
            "period_to": "2025-06-01",
        },
    )


def test_a_pdf_is_published_without_its_scripts_and_embedded_files(client, editor):
    """Index documents were published as uploaded, scripts and all, and opened in the browser."""
    hostile = every_hostile_thing()
    assert active_content(hostile)
    assert _upload(client, editor, "salaries.pdf", hostile).status_code == 302
    document = ItemDocument.objects.get()
    served = client.get(reverse("transparency:document", kwargs={"pk": document.pk}))
    assert active_content(b"".join(served.streaming_content)) == []


def test_a_pdf_that_cannot_be_cleaned_is_refused_beside_the_file(client, editor):
    response = _upload(client, editor, "salaries.pdf", b"%PDF-1.7\nnot really a pdf")
    page = response.content.decode()
    assert response.status_code == 400
    assert "save it again as a PDF and upload that copy" in page
    assert 'href="#id_file"' in page and 'value="Senior salaries 2025"' in page
    assert not ItemDocument.objects.exists()
